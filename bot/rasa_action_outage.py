"""Rasa adapter: say so when the action server cannot answer, with the 999 line.

When a custom action fails (the action server is down, times out or errors),
Rasa logs it, drops the action's events and carries on, so the person gets no
reply at all. The emergency path does not need the action server
(``bot.triage.rasa_policy``), but everyone else deserves to know the questions
have stopped and what to do meanwhile. The first failed action of a turn sends
``utter_action_server_down`` straight to the person's channel (not through the
tracker: nothing is being decided), then lets Rasa handle the failure as before.
A message that reports an emergency gets no notice: the emergency advice, which
needs no action server, must come first and alone.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.exceptions import RasaException

from bot.triage.emergency_message import message_reports_emergency

logger = logging.getLogger(__name__)

NOTICE = "utter_action_server_down"
_REMEMBERED_TURNS = 1000
_rasa_remote_run = RemoteAction.run
_turns_told: OrderedDict[tuple[str, Any], None] = OrderedDict()


def _first_failure_of_turn(sender_id: str, turn: Any) -> bool:
    key = (sender_id, turn)
    if key in _turns_told:
        return False
    _turns_told[key] = None
    while len(_turns_told) > _REMEMBERED_TURNS:
        _turns_told.popitem(last=False)
    return True


async def _run_or_tell(
    self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any
) -> Any:
    try:
        return await _rasa_remote_run(self, output_channel, nlg, tracker, domain)
    except ActionExecutionRejection:
        raise  # a form declining the message is not a failure
    except RasaException:
        latest = tracker.latest_message
        turn = (latest.message_id or latest.text) if latest else None
        # An emergency gets the emergency advice first, and nothing before it.
        emergency = latest is not None and message_reports_emergency(
            latest.intent, latest.entities
        )
        if not emergency and _first_failure_of_turn(tracker.sender_id, turn):
            try:
                notice = await nlg.generate(NOTICE, tracker, output_channel.name())
                if notice:
                    await output_channel.send_response(tracker.sender_id, notice)
            except Exception:  # the notice must never hide the original failure
                logger.exception("could not send the action-server outage notice")
        raise


def install() -> None:
    """Wrap ``RemoteAction.run`` (idempotent)."""
    RemoteAction.run = _run_or_tell  # type: ignore[method-assign]
