"""The triage form: which questions remain, and what to say between them."""

from __future__ import annotations

from collections.abc import Iterable

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import names
from actions.context import ANSWER_SLOTS, assess_answers, not_known, triage_answers
from bot.dialogue.slot_filling import FIRST_QUESTIONS_SLOT, RED_FLAG_ANSWERS
from bot.dialogue.summary import describe_answers
from bot.triage import Urgency

REASK_COUNT_SLOT = "triage_reask_count"
FREE_TEXT_SLOTS = names.TRIAGE_CONTEXT_SLOTS
HINTED_SLOTS = (*FREE_TEXT_SLOTS, "age")  # each has utter_triage_hint_<slot>
MAX_MISSES = 2  # unrecognised answers to one question before it is "not known"


# Below this confidence an interrupting intent is more likely an answer the
# bot cannot read ("after yoga" scored greet 0.26): counted as a miss, so the
# form goes on instead of stepping aside into a fallback loop.
MIN_INTERRUPTION_CONFIDENCE = 0.5


def _clear_intent(tracker: Tracker) -> str | None:
    """The message's intent, or None when it is a weak guess at an interruption."""
    intent = tracker.latest_message.get("intent") or {}
    name = intent.get("name")
    if (
        name in names.INTERRUPTING_INTENTS
        and (intent.get("confidence") or 0) < MIN_INTERRUPTION_CONFIDENCE
        and not str(tracker.latest_message.get("text") or "").startswith("/")
    ):
        return None
    return name


class ValidateTriageForm(FormValidationAction):
    """Asks only what is still unknown, emergencies first, and re-asks kindly."""

    def name(self) -> str:
        """Name Rasa calls to validate ``triage_form``."""
        return names.VALIDATE_TRIAGE_FORM

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """A lesser red flag told in doubt first, then the context questions,
        then the screening questions the ruleset still needs."""
        answers = triage_answers(tracker)
        unknown = not_known(tracker)
        assessment = assess_answers(answers, unknown)
        if assessment.level is Urgency.EMERGENCY:
            return []

        def still_open(slots: Iterable[str]) -> list[str]:
            return [s for s in slots if answers.get(s) is None and s not in unknown]

        first = still_open(tracker.get_slot(FIRST_QUESTIONS_SLOT) or [])
        then = still_open(FREE_TEXT_SLOTS) + list(assessment.missing)
        return first + [slot for slot in then if slot not in first]

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Validate, then say what was understood or help with the answer."""
        filled = set(tracker.slots_to_validate()) & set(ANSWER_SLOTS)
        requested = tracker.get_slot(names.REQUESTED_SLOT)
        intent = _clear_intent(tracker)
        unsure_events: list[EventType] = []
        if not filled and intent == "unsure" and requested in RED_FLAG_ANSWERS:
            unsure_events = self._unsure(dispatcher, tracker, requested)
            tracker.add_slots(unsure_events)
        misses: list[EventType] = []
        if filled:
            misses = (
                [SlotSet(REASK_COUNT_SLOT, 0)]
                if tracker.get_slot(REASK_COUNT_SLOT)
                else []
            )
        elif (
            requested and not unsure_events and intent not in names.INTERRUPTING_INTENTS
        ):
            misses = self._not_understood(dispatcher, tracker, requested)
            tracker.add_slots(misses)
        events = unsure_events + misses + await super().run(dispatcher, tracker, domain)
        if filled:
            self._acknowledge(dispatcher, tracker, filled, requested)
        return events

    def _not_understood(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, requested: str
    ) -> list[EventType]:
        """Help once; at the second miss note the question as not known and go on.

        Asking forever is a dead end; a red-flag question not known is never a
        "no" (``bot.triage.assess``: it keeps the outcome at "soon" or above).
        """
        count = (tracker.get_slot(REASK_COUNT_SLOT) or 0) + 1
        if count < MAX_MISSES:
            self._help_with(dispatcher, requested)
            # Counted, so the form re-asks instead of stepping aside.
            return [SlotSet(REASK_COUNT_SLOT, count)]
        dispatcher.utter_message(response=names.UTTER_TRIAGE_NOT_KNOWN)
        return [
            SlotSet(REASK_COUNT_SLOT, 0),
            SlotSet(names.SLOT_NOT_KNOWN, [*not_known(tracker), requested]),
        ]

    @staticmethod
    def _unsure(
        dispatcher: CollectingDispatcher, tracker: Tracker, requested: str
    ) -> list[EventType]:
        """Explain once; a second "not sure" to a red-flag question counts as yes.

        Asking forever helps nobody, and a doubtful red flag is safer checked.
        """
        unsure = list(tracker.get_slot(names.SLOT_UNSURE_ANSWERS) or [])
        if requested in unsure:
            dispatcher.utter_message(response=names.UTTER_TRIAGE_UNSURE_COUNTED)
            return [SlotSet(requested, True)]
        dispatcher.utter_message(response=names.UTTER_TRIAGE_UNSURE)
        return [SlotSet(names.SLOT_UNSURE_ANSWERS, [*unsure, requested])]

    @staticmethod
    def _acknowledge(
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        filled: set[str],
        requested: str | None,
    ) -> None:
        answers = triage_answers(tracker)
        told = filled & set(FREE_TEXT_SLOTS)
        # "after sleeping funny" to "how long?": say what was heard, so that
        # the question asked again does not look like it was not.
        answered_another = (
            bool(told) and requested in FREE_TEXT_SLOTS and (requested not in filled)
        )
        if len(told) >= 2 or answered_another:
            dispatcher.utter_message(
                response=names.UTTER_TRIAGE_UNDERSTOOD,
                summary=describe_answers(answers),
            )
        before = assess_answers({k: v for k, v in answers.items() if k not in filled})
        after = assess_answers(answers)
        new_rules = [rule for rule in after.fired if rule not in before.fired]
        if new_rules and after.level is not Urgency.EMERGENCY and after.missing:
            dispatcher.utter_message(
                response=names.UTTER_TRIAGE_FLAG_NOTED, reason=new_rules[0].reason
            )

    @staticmethod
    def _help_with(dispatcher: CollectingDispatcher, requested: str) -> None:
        if requested in HINTED_SLOTS:
            dispatcher.utter_message(
                response=names.UTTER_TRIAGE_HINT_PREFIX + requested
            )
        else:
            dispatcher.utter_message(response=names.UTTER_TRIAGE_HINT_YES_NO)
