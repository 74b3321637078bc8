"""Rasa adapter: the safety check still runs while a clinician holds the case.

When the console claims a case it pauses the conversation (Rasa's
``ConversationPaused``), and Rasa 3.6 then predicts nothing at all for the
person's messages until the clinician resumes it. A message that reports an
emergency or a crisis must not wait for the clinician: this patch lets Rasa
predict for such a message (read with the same ``triage_slot_events`` the
policy applies), and ``EmergencyPolicy`` gives the emergency advice, tells the person
the clinician has their message and updates the case. Every other message
still waits for the clinician, and its answers are not read (no policy runs).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.safety_turn import message_needs_safety
from bot.rasa import Patch
from bot.rasa.slot_extraction import REASON_SLOT, triage_slot_events

_rasa_should_handle = MessageProcessor._should_handle_message


def _should_handle_message(tracker: DialogueStateTracker) -> bool:
    if _rasa_should_handle(tracker):
        return True
    latest = tracker.latest_message
    if latest is None:
        return False
    # No policy has predicted yet, so the message's answers are not applied.
    reason_now = reason_set_this_turn(tracker) or reason_set_in(
        triage_slot_events(tracker)
    )
    return message_needs_safety(latest.entities or [], reason_set_now=reason_now)


def reason_set_in(events: Iterable[Any]) -> bool:
    """Whether ``events`` set the emergency reason (the case became one)."""
    return any(
        isinstance(e, SlotSet) and e.key == REASON_SLOT and bool(e.value)
        for e in events
    )


def reason_set_this_turn(tracker: DialogueStateTracker) -> bool:
    """Whether the latest message's applied answers made the case an emergency."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if reason_set_in([event]):
            return True
    return False


# Applied by ``bot.rasa.install``: a paused conversation reaches no policy.
PATCHES = (
    Patch(
        MessageProcessor,
        "_should_handle_message",
        staticmethod(_should_handle_message),
    ),
)
