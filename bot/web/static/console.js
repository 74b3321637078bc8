// Keeps the case page's transcript current. Text is set with textContent only, so
// whatever a person typed is never parsed as HTML.
(function () {
  "use strict";
  var list = document.getElementById("transcript");
  if (!list) return;
  var caseId = list.getAttribute("data-case");

  function render(turns) {
    var items = turns.map(function (turn) {
      var li = document.createElement("li");
      li.className = "turn turn-" + turn.speaker;
      var who = document.createElement("span");
      who.className = "who";
      who.textContent = (turn.clinician ? "clinician " + turn.clinician : turn.speaker) +
        (turn.button ? " (tapped)" : "");
      var when = document.createElement("span");
      when.className = "when";
      when.textContent = turn.at_text || "";
      var text = document.createElement("div");
      text.className = "text";
      text.textContent = turn.text;
      li.append(who, when, text);
      return li;
    });
    list.replaceChildren.apply(list, items);
  }

  function refresh() {
    fetch("/console/api/cases/" + encodeURIComponent(caseId), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) { if (body && body.transcript) render(body.transcript); })
      .catch(function () {});
  }
  window.setInterval(refresh, 4000);
})();
