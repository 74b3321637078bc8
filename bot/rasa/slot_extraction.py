"""Rasa adapter: the triage answers are read inside the Rasa server.

Every user message runs the custom slot mapping ``action_extract_triage_answers``
before any policy predicts, so ``EmergencyPolicy`` sees a "yes" to the emergency
screen in the same turn. Rasa 3.6 can only run such mappings on the action
server: an HTTP round trip carrying the whole tracker as JSON, on every message.
The extraction is a pure function (``bot.dialogue.slot_filling.slot_updates``),
so it runs here instead, in the same place in Rasa's turn; other custom mappings
still go to the action server. It also keeps working when the action server is
down.
"""

from __future__ import annotations

from typing import Any

from rasa.core.actions.action import ActionExtractSlots
from rasa.shared.core.events import BotUttered, Event, Restarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.safety_turn import PENDING_QUESTIONS
from bot.dialogue.slot_filling import slot_updates
from bot.nlp.durations import parse_duration_days
from bot.rasa import Patch
from bot.triage.emergency_message import emergency_reason

EXTRACTION_ACTION = "action_extract_triage_answers"  # named in domain.yml
TRIAGE_FORM = "triage_form"
REQUESTED_SLOT = "requested_slot"
QUOTES_SLOT = "red_flag_quotes"
REASON_SLOT = "emergency_reason"

_rasa_run_custom_action = ActionExtractSlots._run_custom_action


def triage_slot_events(tracker: DialogueStateTracker) -> list[Event]:
    """``SlotSet`` for each triage answer the latest message changes, and the
    emergency reason when the answers now call for emergency care."""
    message = tracker.latest_message
    if message is None:
        return []
    slots = tracker.current_slot_values()
    in_form = tracker.active_loop_name == TRIAGE_FORM
    # A question asked in a message (the confirming question, the crisis
    # check) is answered before the form's own question.
    pending = PENDING_QUESTIONS.get(last_bot_response(tracker) or "")
    updates = slot_updates(
        intent=(message.intent or {}).get("name"),
        entities=message.entities or [],
        text=message.text,
        requested_slot=pending or (slots.get(REQUESTED_SLOT) if in_form else None),
        slots=slots,
        parse_duration=parse_duration_days,
        quotes_slot=QUOTES_SLOT,
        unsure_is_yes=pending is not None,
    )
    reason = emergency_reason({**slots, **updates})
    if reason and reason != slots.get(REASON_SLOT):
        updates[REASON_SLOT] = reason
    return [SlotSet(name, value) for name, value in updates.items()]


def last_bot_response(tracker: DialogueStateTracker) -> str | None:
    """The response name of the bot's last message before the latest user message."""
    seen_user = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            if seen_user:
                return None
            seen_user = True
        elif seen_user and isinstance(event, BotUttered):
            return (event.metadata or {}).get("utter_action")
        elif isinstance(event, Restarted):
            return None
    return None


async def _run_custom_action(
    self: ActionExtractSlots,
    custom_action: str,
    output_channel: Any,
    nlg: Any,
    tracker: DialogueStateTracker,
    domain: Any,
) -> list[Event]:
    if custom_action == EXTRACTION_ACTION:
        return triage_slot_events(tracker)
    return await _rasa_run_custom_action(
        self, custom_action, output_channel, nlg, tracker, domain
    )


# Applied by ``bot.rasa.install``.
PATCHES = (Patch(ActionExtractSlots, "_run_custom_action", _run_custom_action),)
