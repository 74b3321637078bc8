"""Rasa adapter: say so when the action server cannot answer, with the 999 line.

When a custom action fails (the action server is down, times out or errors),
Rasa logs it, drops the action's events and carries on, so the person gets no
reply at all. The emergency path does not need the action server
(``bot.rasa.policy``), but everyone else deserves to know the questions
have stopped and what to do meanwhile. The first failed action of a turn sends
``utter_action_server_down`` to the person's channel, then lets Rasa handle the
failure as before. Rasa drops a failed action's events and runs it on a copy of
the tracker, so the notice is kept for the conversation's record by
``EmergencyPolicy``: its next prediction in the turn carries the notice as a
``BotUttered`` event (:func:`take_notice_to_record`), and the clinician's
transcript shows what the person was told.
A message that reports an emergency gets no notice: the emergency advice, which
needs no action server, must come first and alone.

Two more guards live here, because this is where a remote action fails:

* Rasa waits for the action server at most ``BACKCHAT_ACTION_TIMEOUT`` seconds
  (default 10; Rasa's own is 300), then treats the action as failed;
* when ``action_request_handoff`` fails, the case is recorded here, in the Rasa
  server that gave the advice, from the tracker's answers; if the database
  cannot take it, it waits in the outbox and is retried (``bot.handoff.outbox``).
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from functools import cache
from typing import Any

from rasa.core.actions.action import (
    ActionExecutionRejection,
    RemoteAction,
    create_bot_utterance,
)
from rasa.shared.core.events import BotUttered
from rasa.shared.exceptions import RasaException

from bot.handoff import outbox
from bot.rasa import Patch
from bot.settings import Settings, load_settings
from bot.triage.answers import pick_answers
from bot.triage.emergency_message import message_reports_emergency

logger = logging.getLogger(__name__)

NOTICE = "utter_action_server_down"
HANDOFF_ACTION = "action_request_handoff"
QUOTES_SLOT = "red_flag_quotes"
_REMEMBERED_TURNS = 1000
_rasa_remote_run = RemoteAction.run
_turns_told: OrderedDict[tuple[str, Any], None] = OrderedDict()
# Notices sent and not yet in the tracker: sender -> (turn, the bot message).
_to_record: OrderedDict[str, tuple[Any, BotUttered]] = OrderedDict()


def _turn(tracker: Any) -> Any:
    latest = tracker.latest_message
    return (latest.message_id or latest.text) if latest else None


def _first_failure_of_turn(sender_id: str, turn: Any) -> bool:
    key = (sender_id, turn)
    if key in _turns_told:
        return False
    _turns_told[key] = None
    while len(_turns_told) > _REMEMBERED_TURNS:
        _turns_told.popitem(last=False)
    return True


async def tell_the_person(tracker: Any, nlg: Any, output_channel: Any) -> None:
    """Send the notice, and keep it until it is recorded in the tracker."""
    notice = await nlg.generate(NOTICE, tracker, output_channel.name())
    if not notice:
        return
    # Both calls consume the dict they are given.
    said = create_bot_utterance({**notice, "utter_action": NOTICE})
    await output_channel.send_response(tracker.sender_id, dict(notice))
    _to_record[tracker.sender_id] = (_turn(tracker), said)
    while len(_to_record) > _REMEMBERED_TURNS:
        _to_record.popitem(last=False)


def take_notice_to_record(tracker: Any) -> list[BotUttered]:
    """The notice sent in this turn and not yet recorded (once), else nothing."""
    pending = _to_record.pop(tracker.sender_id, None)
    if pending is None or pending[0] != _turn(tracker):
        return []
    return [pending[1]]


@cache
def _settings() -> Settings:
    return load_settings()


async def _run_with_timeout(
    self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any
) -> Any:
    seconds = _settings().action_timeout_seconds
    try:
        return await asyncio.wait_for(
            _rasa_remote_run(self, output_channel, nlg, tracker, domain), seconds
        )
    except asyncio.TimeoutError:
        raise RasaException(
            f"the action server did not answer {self.name()!r} within {seconds:g} s"
        ) from None


async def record_handoff_here(tracker: Any) -> int | None:
    """Record the hand-off from Rasa's side (or queue it); never raises."""
    slots = tracker.current_slot_values()
    entry = outbox.handoff_entry(
        tracker.sender_id,
        pick_answers(slots),
        slots.get(QUOTES_SLOT),
    )
    settings = _settings()
    try:
        case_id = await asyncio.to_thread(outbox.store_or_queue, settings, entry)
        outbox.start_retrying(settings)
    except Exception as error:  # the chat goes on whatever happens here
        logger.error("hand-off could not be kept (%s)", type(error).__name__)
        return None
    if case_id is not None:
        logger.warning(
            "action server unavailable: hand-off recorded as case %s", case_id
        )
    return case_id


async def _run_or_tell(
    self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any
) -> Any:
    try:
        return await _run_with_timeout(self, output_channel, nlg, tracker, domain)
    except ActionExecutionRejection:
        raise  # a form declining the message is not a failure
    except RasaException:
        if self.name() == HANDOFF_ACTION:
            await record_handoff_here(tracker)
        latest = tracker.latest_message
        # An emergency gets the emergency advice first, and nothing before it.
        emergency = latest is not None and message_reports_emergency(
            latest.intent, latest.entities
        )
        if not emergency and _first_failure_of_turn(tracker.sender_id, _turn(tracker)):
            try:
                await tell_the_person(tracker, nlg, output_channel)
            except Exception:  # the notice must never hide the original failure
                logger.exception("could not send the action-server outage notice")
        raise


# Applied by ``bot.rasa.install``: Rasa offers no hook on a failed action.
PATCHES = (Patch(RemoteAction, "run", _run_or_tell),)
