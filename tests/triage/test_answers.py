"""The triage answers are the ruleset's, read from slots or a message's updates."""

from __future__ import annotations

from bot.triage.answers import pick_answers
from bot.triage.ruleset_file import default_ruleset


def test_every_ruleset_answer_is_picked_and_nothing_else() -> None:
    slots = {"has_fever": True, "age": 70, "requested_slot": "has_fever"}
    picked = pick_answers(slots)
    assert set(picked) == set(default_ruleset().answers)
    assert picked["has_fever"] is True and picked["age"] == 70
    assert "requested_slot" not in picked


def test_an_absent_answer_is_none_never_no() -> None:
    picked = pick_answers({})
    assert set(picked.values()) == {None}
