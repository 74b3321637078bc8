/*
 * BackChat's website widget: one script tag embeds the chat on any page.
 *
 *   <script src="https://chat.example.org/widget.js"
 *           data-server-url="https://bot.example.org"
 *           data-title="BackChat" data-greeting="/greet" async></script>
 *
 * It loads rasa-webchat (pinned, served beside this file) and adds what a triage
 * chat needs: emergency and "see a doctor" messages are marked unmistakably and
 * open the chat if it is closed, quick replies work by keyboard, and the
 * conversation is kept in the browser across reloads (Rasa keeps it server side).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = script.dataset;
  var base = script.src.replace(/[^/]*$/, "");
  var config = {
    serverUrl: data.serverUrl || window.location.protocol + "//" + window.location.hostname + ":5005",
    title: data.title || "BackChat",
    subtitle: data.subtitle || "Help with back pain",
    greeting: data.greeting || "/greet",
    messageDelay: data.messageDelay ? Number(data.messageDelay) : 400,
    openOnLoad: data.open === "true",
  };

  // Most serious first; the first level whose pattern matches a message wins.
  var LEVELS = [
    // Crisis lines first: they also say "999 ... or go to A&E now".
    { name: "crisis", label: "Support now", pattern: /samaritans/i, open: true },
    { name: "emergency", label: "Emergency", pattern: /please call 999|go to a&e now|yes, please go now/i, open: true },
    { name: "see-doctor", label: "See a doctor", pattern: /please see a doctor/i, open: true },
    { name: "safety-net", label: "Safety advice", pattern: /call 999|get help at once/i, open: false },
  ];

  // Not levels: how the questionnaire and the follow-up trend are shown.
  var KINDS = [
    { name: "questionnaire", label: "STarT Back questionnaire", pattern: /^\s*\d of 9\./ },
    { name: "trend", label: "Your trend", pattern: /^\s*How your back has been:/ },
  ];

  function kindOf(text) {
    for (var i = 0; i < KINDS.length; i++) {
      if (KINDS[i].pattern.test(text || "")) return KINDS[i];
    }
    return null;
  }

  function levelOf(text) {
    for (var i = 0; i < LEVELS.length; i++) {
      if (LEVELS[i].pattern.test(text || "")) return LEVELS[i];
    }
    return null;
  }

  function isOpen() {
    return !!document.querySelector(".rw-widget-container.rw-chat-open");
  }

  function openChat() {
    if (isOpen()) return;
    var launcher = document.querySelector(".rw-launcher");
    if (launcher) launcher.click();
  }

  // Mark bot messages by level; role=alert makes screen readers announce emergencies.
  function markMessages(root) {
    var bubbles = root.querySelectorAll(".rw-response");
    for (var i = 0; i < bubbles.length; i++) {
      var bubble = bubbles[i];
      if (bubble.hasAttribute("data-bc-checked")) continue;
      bubble.setAttribute("data-bc-checked", "");
      var level = levelOf(bubble.textContent) || kindOf(bubble.textContent);
      if (!level) continue;
      bubble.classList.add("bc-" + level.name);
      bubble.setAttribute("data-bc-label", level.label);
      if (level.name === "emergency" || level.name === "crisis") {
        bubble.setAttribute("role", "alert");
      }
    }
    var replies = root.querySelectorAll(".rw-reply:not([tabindex])");
    for (var j = 0; j < replies.length; j++) {
      replies[j].setAttribute("tabindex", "0");
      replies[j].setAttribute("role", "button");
    }
    var launcher = root.querySelector(".rw-launcher:not([aria-label])");
    if (launcher) launcher.setAttribute("aria-label", "Open or close the BackChat chat");
  }

  // Quick replies are <div>s in rasa-webchat: make Enter and Space press them.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.classList || !target.classList.contains("rw-reply")) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      target.click();
    }
  });

  // A conversation kept from an earlier visit that holds an urgent message opens.
  function storedConversationIsUrgent() {
    try {
      var stored = JSON.parse(window.localStorage.getItem("chat_session") || "null");
      var messages = (stored && stored.conversation) || [];
      return messages.some(function (m) {
        var level = m.sender === "response" && levelOf(m.text);
        return level && level.open;
      });
    } catch (e) {
      return false;
    }
  }

  function onBotMessage(message) {
    var level = levelOf(message && message.text);
    if (level && level.open) window.setTimeout(openChat, config.messageDelay + 50);
  }

  function start() {
    window.WebChat.default({
      initPayload: config.greeting,
      socketUrl: config.serverUrl,
      socketPath: "/socket.io/",
      title: config.title,
      subtitle: config.subtitle,
      inputTextFieldHint: "Type your answer…",
      params: { storage: "local" },
      withRules: false,
      displayUnreadCount: true,
      showMessageDate: false,
      customMessageDelay: function () { return config.messageDelay; },
      onSocketEvent: { bot_uttered: onBotMessage },
    }, null);
    new MutationObserver(function () { markMessages(document); })
      .observe(document.body, { childList: true, subtree: true });
    window.setTimeout(function () {
      if (config.openOnLoad || storedConversationIsUrgent()) openChat();
    }, 500);
  }

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = base + "widget.css";
  document.head.appendChild(style);

  var bundle = document.createElement("script");
  bundle.src = base + "vendor/rasa-webchat.js";
  bundle.onload = function () {
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start);
  };
  document.head.appendChild(bundle);
})();
