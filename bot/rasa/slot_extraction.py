"""Rasa adapter: the triage answers a message gives, read inside the Rasa server.

The answers depend on the conversation (the question just asked, the form's
requested slot, earlier answers), which Rasa's slot mappings cannot express and
an NLU component cannot see, and a custom mapping would cost an action-server
round trip carrying the whole tracker on every message. So ``EmergencyPolicy``
reads them with the pure ``bot.dialogue.slot_filling.slot_updates`` on the first
prediction after each message and returns them as its prediction's events,
which Rasa applies whether or not that policy wins (a public extension point:
``PolicyPrediction.events``). It keeps working when the action server is down.
The triage slots declare ``type: custom`` mappings with no action in domain.yml.
"""

from __future__ import annotations

from rasa.shared.core.events import BotUttered, Restarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.safety_turn import PENDING_QUESTIONS
from bot.dialogue.slot_filling import slot_updates
from bot.nlp.durations import parse_duration_days
from bot.triage.emergency_message import emergency_reason

TRIAGE_FORM = "triage_form"
REQUESTED_SLOT = "requested_slot"
QUOTES_SLOT = "red_flag_quotes"
REASON_SLOT = "emergency_reason"


def triage_slot_events(tracker: DialogueStateTracker) -> list[SlotSet]:
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
