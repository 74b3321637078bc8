"""Rasa waits seconds, not minutes, for the action server; a lost hand-off is kept."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from bot.rasa import action_outage as rasa_action_outage
from bot.settings import Settings


class SilentNLG:
    async def generate(self, *_args: Any) -> dict:
        return {"text": "technical problem"}


async def test_a_hung_action_server_fails_within_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
    rasa_patched: None,
) -> None:
    async def hangs(*_args: Any) -> list:
        await asyncio.sleep(300)
        return []

    monkeypatch.setattr(rasa_action_outage, "_rasa_remote_run", hangs)
    monkeypatch.setattr(
        rasa_action_outage, "_settings", lambda: Settings(action_timeout_seconds=0.2)
    )
    tracker = DialogueStateTracker.from_events(
        "t1", [UserUttered("hi", message_id="1")]
    )
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(RasaException, match="did not answer"):
        await RemoteAction("action_x", None).run(
            CollectingOutputChannel(), SilentNLG(), tracker, None
        )
    assert loop.time() - started < 2


async def test_a_failed_hand_off_is_recorded_by_rasa(
    monkeypatch: pytest.MonkeyPatch,
    rasa_patched: None,
) -> None:
    async def down(*_args: Any) -> list:
        raise RasaException("Failed to execute custom action")

    kept: list[dict] = []
    monkeypatch.setattr(rasa_action_outage, "_rasa_remote_run", down)
    monkeypatch.setattr(
        rasa_action_outage.outbox, "store_or_queue", lambda _s, e: kept.append(e) or 7
    )
    monkeypatch.setattr(rasa_action_outage.outbox, "start_retrying", lambda _s: None)
    tracker = DialogueStateTracker.from_events(
        "t2",
        [
            UserUttered("my bottom is numb", message_id="2"),
            SlotSet("has_saddle_numbness", True),
            SlotSet("red_flag_quotes", ["my bottom is numb"]),
        ],
    )
    with pytest.raises(RasaException):
        await RemoteAction("action_request_handoff", None).run(
            CollectingOutputChannel(), SilentNLG(), tracker, None
        )
    [entry] = kept
    assert entry["sender_id"] == "t2"
    assert entry["answers"]["has_saddle_numbness"] is True
    assert entry["quotes"] == ["my bottom is numb"]
