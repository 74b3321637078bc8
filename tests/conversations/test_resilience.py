"""The emergency path without the action server, and memory across restarts."""

from __future__ import annotations

import pytest

from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import (
    Q_DURATION,
    Q_LOCATION,
    Q_ONSET,
    converse,
    sender,
)

pytestmark = pytest.mark.stack


def test_emergency_routing_works_with_the_action_server_down(
    stack_without_actions: Stack,
) -> None:
    stack = stack_without_actions
    assert (
        stack.text(sender(), "I've lost control of my bowels")
        .lower()
        .startswith("please call 999")
    )
    who = sender()
    stack.say(who, "my back hurts")  # the form cannot run, but must not block
    reply = stack.text(
        who, '/report_emergency_symptom{"red_flag":"has_saddle_numbness"}'
    )
    assert reply.lower().startswith("please call 999")


def test_with_the_action_server_down_the_person_is_told_once_what_to_do(
    stack_without_actions: Stack,
) -> None:
    replies = stack_without_actions.text(sender(), "my lower back hurts")
    assert replies.count("technical problem") == 1
    assert "call 999" in replies and "NHS 111" in replies


def test_conversation_resumes_after_a_server_restart(stack: Stack) -> None:
    who = sender()
    converse(stack, who, [("my back hurts", Q_LOCATION), ("lower back", Q_DURATION)])
    stack.stop_rasa()
    stack.start_rasa()
    stack.wait_ready()
    assert stack.slots(who)["pain_location"] == "lower_back"
    assert Q_ONSET in stack.text(who, "2 weeks")
