"""The STarT Back content file: the tool verbatim, cut-offs and sources checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.startback.content import (
    DEFAULT_STARTBACK_PATH,
    StartBackError,
    load_startback,
    parse_startback,
)
from bot.triage.ruleset_file import default_ruleset

TOOL = load_startback()


def _document() -> dict[str, Any]:
    return yaml.safe_load(DEFAULT_STARTBACK_PATH.read_text())


def test_nine_items_five_of_them_psychosocial() -> None:
    assert len(TOOL.items) == 9
    assert [i.id for i in TOOL.items if i.psychosocial] == [
        "not_safe_active",
        "worrying_thoughts",
        "never_better",
        "not_enjoying",
        "bothersome",
    ]


def test_every_question_in_the_domain_is_the_item_verbatim(
    domain: dict[str, Any],
) -> None:
    for item in TOOL.items:
        response = domain["responses"][f"utter_ask_{item.slot}"][0]
        assert item.text in response["text"], item.id
        titles = [b["title"] for b in response["buttons"]]
        labels = [o.label for o in TOOL.options(item)]
        assert titles[: len(labels)] == labels, item.id


def test_the_form_asks_every_item_in_order(domain: dict[str, Any]) -> None:
    assert domain["forms"]["startback_form"]["required_slots"] == list(TOOL.slots)
    assert set(TOOL.slots) <= set(domain["slots"])


def test_advice_responses_exist_and_keele_is_credited(domain: dict[str, Any]) -> None:
    for advice in TOOL.advice.values():
        assert advice.response in domain["responses"]
    for advice in TOOL.advice.values():
        buttons = domain["responses"][advice.response][0].get("buttons") or []
        handoff = [b for b in buttons if b["payload"] == "/request_clinician"]
        assert bool(handoff) is advice.offer_handoff, advice.response
    offer = domain["responses"]["utter_startback_offer"][0]["text"]
    assert "Keele" in offer and "Keele" in TOOL.copyright


def test_rescreen_questions_are_the_rulesets() -> None:
    answers = default_ruleset().answers
    assert all(name in answers for name in TOOL.follow_up.rescreen)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["items"].pop(), "8 items"),
        (lambda d: d["scoring"].update(source=["NOPE"]), "unknown source 'NOPE'"),
        (lambda d: d["advice"].pop("high"), "nothing for high risk"),
        (lambda d: d["items"][0].update(scale="five"), "unknown scale 'five'"),
        (lambda d: d["follow_up"].update(not_better_after_days=0), "positive"),
        (lambda d: d["advice"]["low"].update(source=[]), "advice low: no source"),
    ],
)
def test_a_malformed_file_is_refused_with_the_reason(change: Any, message: str) -> None:
    document = _document()
    change(document)
    with pytest.raises(StartBackError, match=message):
        parse_startback(document)


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StartBackError, match="cannot read"):
        load_startback(tmp_path / "missing.yml")
    (tmp_path / "bad.yml").write_text("items: [{id: x}]\n")
    with pytest.raises(StartBackError, match="malformed entry"):
        load_startback(tmp_path / "bad.yml")
