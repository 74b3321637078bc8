"""The STarT Back questionnaire: reads each reply, stops and resumes."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import names
from actions.questionnaire import (
    answered_a_safety_check,
    count_miss,
    reset_misses,
    startback,
    steps_aside,
    wants_to_stop,
)
from bot.startback.answers import read_answer


class ValidateStartbackForm(FormValidationAction):
    """One item per turn; "stop" keeps the answers so far for later."""

    def name(self) -> str:
        """Name Rasa calls to validate ``startback_form``."""
        return names.VALIDATE_STARTBACK_FORM

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Every item, in order; none once the person has asked to stop."""
        if tracker.get_slot(names.SLOT_STARTBACK_STOPPED):
            return []
        return list(startback().slots)

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Read the reply to the item asked; a form (re)starting reads nothing."""
        events = self._read(dispatcher, tracker)
        tracker.add_slots(events)
        validated = await super().run(dispatcher, tracker, domain)
        # rasa-sdk validates the slots just added again: keep one of each.
        return events + [e for e in validated if e not in events]

    def _read(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        item = startback().item_for_slot(tracker.get_slot(names.REQUESTED_SLOT) or "")
        if item is None:
            # Starting or resuming (no item asked yet): the "yes" to the offer
            # or "carry on with the questionnaire" answers no item.
            return [
                SlotSet(names.SLOT_STARTBACK_STOPPED, False),
                SlotSet(names.SLOT_PENDING_OFFER, None),
                SlotSet(names.SLOT_QUESTIONNAIRE_MISSES, 0),
            ]
        if wants_to_stop(tracker):
            return [SlotSet(names.SLOT_STARTBACK_STOPPED, True)]
        if steps_aside(tracker):
            return []  # rejected: a rule answers, then the form asks again
        if answered_a_safety_check(tracker):
            # The "no" answered "just to check...?": ask the item again.
            return [SlotSet(names.SLOT_QUESTIONNAIRE_MISSES, 0)]
        answer = read_answer(
            item,
            startback(),
            text=tracker.latest_message.get("text"),
            entities=tracker.latest_message.get("entities") or [],
        )
        if answer is not None:
            return [SlotSet(item.slot, answer), *reset_misses(tracker)]
        events, stop = count_miss(
            dispatcher, tracker, names.UTTER_STARTBACK_HINT_PREFIX + item.scale
        )
        if stop:
            events.append(SlotSet(names.SLOT_STARTBACK_STOPPED, True))
        return events
