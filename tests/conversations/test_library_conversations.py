"""Exercises and what-to-avoid answers inside whole conversations."""

from __future__ import annotations

import pytest

from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import (
    Q_AGE,
    Q_GENERAL,
    Q_IMPROVING,
    Q_INJURY,
    Q_LEG,
    Q_RISK,
    Q_SCREEN,
    SELF_CARE,
    converse,
    sender,
)

pytestmark = pytest.mark.stack


def benign_chronic_triage(stack: Stack, who: str) -> str:
    return converse(
        stack,
        who,
        [
            ("my lower back has ached on and off for about a year", "How did it start"),
            ("it came on slowly", Q_SCREEN),
            ("none of these", Q_AGE),
            ("I am 45", Q_LEG),
            ("no", Q_INJURY),
            ("no", Q_GENERAL),
            ("no", Q_RISK),
            ("no", Q_IMPROVING),
            ("yes, slowly", SELF_CARE),
        ],
    )


def test_avoid_before_and_after_triage_fit_what_is_known(stack: Stack) -> None:
    who = sender()
    before = stack.text(who, "what should I avoid?")
    assert "In general" in before
    benign_chronic_triage(stack, who)
    after = stack.text(who, "what should I avoid?")
    assert (
        "For you (lower back, about 1 years" in after or "For you (lower back" in after
    )
    assert after != before


def test_benign_chronic_case_gets_a_plan_then_steps_and_another(stack: Stack) -> None:
    who = sender()
    reply = benign_chronic_triage(stack, who)
    assert "short plan" in reply and "Stop if pain spreads" in reply
    steps = stack.text(who, "how do I do the bird dog?")
    assert steps.startswith("Bird dog") and "1." in steps
    assert stack.text(who, "give me another one") not in ("", steps)


def test_is_swimming_ok_is_answered(stack: Stack) -> None:
    reply = stack.text(sender(), "is swimming ok for my back?")
    assert "Swimming" in reply


def test_red_flag_case_gets_no_exercises(stack: Stack) -> None:
    who = sender()
    stack.text(who, "I can't feel anything when I wipe")
    reply = stack.text(who, "what exercises can I do?")
    # After emergency advice the emergency stays the message: no plan at all.
    assert reply.startswith("Yes, please go now") and "plan" not in reply
