"""What the STarT Back and follow-up forms share: reading a turn, counting misses."""

from __future__ import annotations

from functools import lru_cache

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.context import settings
from bot.dialogue.safety_turn import PENDING_QUESTIONS
from bot.startback.content import StartBack, load_startback

MAX_MISSES = 2  # unreadable replies in a row before the questions stop for now


@lru_cache(maxsize=1)
def startback() -> StartBack:
    """The STarT Back content, read once per process from the clinical folder."""
    return load_startback(settings().clinical_dir / "startback.yml")


def last_bot_response(tracker: Tracker) -> str | None:
    """The response name of the bot's message before the latest user message."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif seen_user and event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def answered_a_safety_check(tracker: Tracker) -> bool:
    """The message answers a question asked in a message (the confirming
    question, the crisis check), not the form's: never read it as an answer."""
    return last_bot_response(tracker) in PENDING_QUESTIONS


def wants_to_stop(tracker: Tracker) -> bool:
    """The person asked to stop the questions."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return intent == names.INTENT_STOP_QUESTIONNAIRE


def steps_aside(tracker: Tracker) -> bool:
    """The message is one the rules answer during the form (the clinician...)."""
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name") in names.QUESTIONNAIRE_INTERRUPTIONS and (
        (intent.get("confidence") or 0) >= 0.5
    )


def count_miss(
    dispatcher: CollectingDispatcher, tracker: Tracker, hint: str
) -> tuple[list[EventType], bool]:
    """Help with an unreadable reply; the second in a row stops for now.

    Asking forever is a dead end: after ``MAX_MISSES`` the form stops and the
    answers so far are kept (the person can carry on later).

    Returns:
        The events, and whether the questions should stop.
    """
    misses = int(tracker.get_slot(names.SLOT_QUESTIONNAIRE_MISSES) or 0) + 1
    if misses >= MAX_MISSES:
        return [SlotSet(names.SLOT_QUESTIONNAIRE_MISSES, 0)], True
    dispatcher.utter_message(response=hint)
    return [SlotSet(names.SLOT_QUESTIONNAIRE_MISSES, misses)], False


def reset_misses(tracker: Tracker) -> list[EventType]:
    """Clear the miss count after a reply that was understood."""
    if tracker.get_slot(names.SLOT_QUESTIONNAIRE_MISSES):
        return [SlotSet(names.SLOT_QUESTIONNAIRE_MISSES, 0)]
    return []
