"""The action server checks a call's shape before rasa_sdk trusts it."""

from __future__ import annotations

from typing import Any

import pytest

from bot.rasa.action_server import action_call_problem

GOOD = {
    "next_action": "action_answer_avoid",
    "sender_id": "a-1",
    "tracker": {"sender_id": "a-1", "slots": {}, "events": [], "latest_message": {}},
    "domain": {},
}


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (GOOD, None),
        ({**GOOD, "domain": None}, None),
        ([GOOD], "JSON object"),
        (None, "JSON object"),
        ("x", "JSON object"),
        ({**GOOD, "next_action": 5}, "next_action"),
        ({**GOOD, "tracker": []}, "'tracker'"),
        ({**GOOD, "tracker": {**GOOD["tracker"], "sender_id": 5}}, "sender_id"),
        ({**GOOD, "tracker": {**GOOD["tracker"], "slots": []}}, "tracker.slots"),
        ({**GOOD, "tracker": {**GOOD["tracker"], "events": {}}}, "tracker.events"),
        (
            {**GOOD, "tracker": {**GOOD["tracker"], "latest_message": "hi"}},
            "tracker.latest_message",
        ),
        ({**GOOD, "domain": []}, "domain"),
    ],
)
def test_action_call_shapes(call: Any, problem: str | None) -> None:
    found = action_call_problem(call)
    assert (found is None) if problem is None else (problem in (found or ""))
