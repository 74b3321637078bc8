"""Exercises and what-to-avoid answers inside whole conversations."""

from __future__ import annotations

import pytest

from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import (
    EMERGENCY_OUTCOME,
    SELF_CARE_OUTCOME,
    sender,
)
from tests.conversations.turns import exchange

pytestmark = pytest.mark.stack

BENIGN_CHRONIC_TRIAGE = [
    (
        "my lower back has ached on and off for about a year",
        ["utter_triage_understood", "utter_ask_pain_onset"],
    ),
    ("it came on slowly", ["utter_ask_has_cauda_equina_symptom"]),
    ("none of these", ["utter_ask_age"]),
    ("I am 45", ["utter_ask_has_leg_symptoms"]),
    ("no", ["utter_ask_is_after_injury"]),
    ("no", ["utter_ask_has_general_flag"]),
    ("no", ["utter_ask_has_risk_factor"]),
    ("no", ["utter_ask_is_improving"]),
    ("yes, slowly", SELF_CARE_OUTCOME),
]


def test_avoid_before_and_after_triage_fit_what_is_known(stack: Stack) -> None:
    who = sender()
    before = exchange(stack, who, [("what should I avoid?", ["utter_avoid_general"])])
    exchange(stack, who, BENIGN_CHRONIC_TRIAGE)
    after = exchange(stack, who, [("what should I avoid?", ["utter_avoid_personal"])])
    assert "For you (lower back" in after
    assert after != before


def test_benign_chronic_case_gets_a_plan_then_steps_and_another(stack: Stack) -> None:
    who = sender()
    reply = exchange(stack, who, BENIGN_CHRONIC_TRIAGE)
    assert "short plan" in reply and "Stop if pain spreads" in reply
    steps = exchange(
        stack, who, [("how do I do the bird dog?", ["utter_exercise_steps"])]
    )
    assert steps.startswith("Bird dog") and "1." in steps
    another = exchange(stack, who, [("give me another one", ["utter_exercise_steps"])])
    assert another != steps


def test_is_swimming_ok_is_answered(stack: Stack) -> None:
    reply = exchange(
        stack,
        sender(),
        [("is swimming ok for my back?", ["utter_activity_verdict_ok"])],
    )
    assert "Swimming" in reply


def test_red_flag_case_gets_no_exercises(stack: Stack) -> None:
    # After emergency advice the emergency stays the message: no plan at all.
    exchange(
        stack,
        sender(),
        [
            ("I can't feel anything when I wipe", EMERGENCY_OUTCOME),
            ("what exercises can I do?", ["utter_emergency_stays"]),
        ],
    )
