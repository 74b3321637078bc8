"""The outage notice: once per turn, never before emergency advice."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.core.actions.action import (
    ActionExecutionRejection,
    RemoteAction,
    create_bot_utterance,
)
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from bot.rasa import action_outage as rasa_action_outage

NOTICE_TEXT = "technical problem"


class FakeNLG:
    async def generate(self, template: str, tracker: Any, channel: str) -> dict:
        assert template == rasa_action_outage.NOTICE
        return {"text": NOTICE_TEXT}


def tracker_after(sender: str, message: UserUttered) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [message])


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch, rasa_patched: None):
    """RemoteAction whose call to the action server raises ``error``."""

    def make(error: Exception) -> RemoteAction:
        async def rasa_run(*_args: Any) -> list:
            raise error

        monkeypatch.setattr(rasa_action_outage, "_rasa_remote_run", rasa_run)
        return RemoteAction("action_x", None)

    return make


async def run(action: RemoteAction, tracker: DialogueStateTracker) -> list[dict]:
    channel = CollectingOutputChannel()
    with pytest.raises(Exception):  # noqa: B017 - Rasa's own failure goes on
        await action.run(channel, FakeNLG(), tracker, None)
    return channel.messages


async def test_a_failed_action_tells_the_person_once_per_turn(failing) -> None:
    action = failing(RasaException("Failed to execute custom action."))
    turn = tracker_after("ann", UserUttered("my back hurts", message_id="m1"))
    first = await run(action, turn)
    second = await run(action, turn)  # e.g. the form's validation, same turn
    assert [m["text"] for m in first] == [NOTICE_TEXT] and second == []
    next_turn = tracker_after("ann", UserUttered("lower back", message_id="m2"))
    assert [m["text"] for m in await run(action, next_turn)] == [NOTICE_TEXT]


async def test_the_notice_is_kept_in_the_conversation_for_the_transcript(
    failing,
) -> None:
    action = failing(RasaException("Failed to execute custom action."))
    turn = tracker_after("dee", UserUttered("my back hurts", message_id="d1"))
    await run(action, turn)
    notice = BotUttered(
        NOTICE_TEXT,
        data=create_bot_utterance({}).data,
        metadata={"utter_action": rasa_action_outage.NOTICE},
    )
    assert rasa_action_outage.take_notice_to_record(turn) == [notice]
    assert rasa_action_outage.take_notice_to_record(turn) == []  # recorded once


async def test_a_notice_of_an_earlier_turn_is_not_recorded_in_a_later_one(
    failing,
) -> None:
    action = failing(RasaException("Failed to execute custom action."))
    await run(action, tracker_after("eve", UserUttered("back", message_id="e1")))
    later = tracker_after("eve", UserUttered("hello?", message_id="e2"))
    assert rasa_action_outage.take_notice_to_record(later) == []


async def test_an_emergency_message_gets_no_notice_before_its_advice(failing) -> None:
    action = failing(RasaException("Failed to execute custom action."))
    emergency = UserUttered(
        "I've lost control of my bladder",
        intent={"name": "report_pain", "confidence": 0.5},
        entities=[{"entity": "red_flag", "value": "has_bladder_bowel_change"}],
        message_id="m3",
    )
    assert await run(action, tracker_after("bob", emergency)) == []


async def test_a_form_declining_a_message_is_not_an_outage(failing) -> None:
    action = failing(ActionExecutionRejection("validate_triage_form"))
    turn = tracker_after("cat", UserUttered("what?", message_id="m4"))
    assert await run(action, turn) == []
