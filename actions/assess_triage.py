"""Tells the person the outcome of triage once the form is complete."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import names
from actions.context import assess_tracker, plain_words, triage_answers
from actions.exercises import suggest_exercises
from actions.handoff import record_and_confirm
from actions.startback_result import offer_startback
from bot.triage import Urgency


class ActionAssessTriage(Action):
    """Outcome first: the level and why, then help or the hand-off."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_ASSESS_TRIAGE

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Say the outcome; hand off urgent cases, advise and safety-net the rest."""
        answers = triage_answers(tracker)
        assessment = assess_tracker(tracker)
        if assessment.level is None:
            return []
        events: list[EventType] = [
            SlotSet(names.SLOT_TRIAGE_LEVEL, assessment.level.value)
        ]
        reasons = "; ".join(assessment.reasons) or (
            "I couldn't check some of the safety questions"
        )
        dispatcher.utter_message(
            response=assessment.response,
            reasons=reasons,
            emergency_reason=tracker.get_slot(names.SLOT_EMERGENCY_REASON) or reasons,
        )
        if assessment.unknown:
            dispatcher.utter_message(
                response=names.UTTER_TRIAGE_NOT_KNOWN_NOTE,
                unknown=plain_words(assessment.unknown),
            )
        if tracker.get_slot(names.SLOT_PREGNANT) and assessment.needs_doctor:
            dispatcher.utter_message(response=names.UTTER_PREGNANCY_NOTE)
        if assessment.level in (Urgency.EMERGENCY, Urgency.URGENT):
            events += record_and_confirm(dispatcher, tracker, assessment, "red_flag")
        elif assessment.level is Urgency.SOON:
            dispatcher.utter_message(response=names.UTTER_OFFER_HANDOFF)
        else:
            events += suggest_exercises(dispatcher, tracker, answers, assessment)
            dispatcher.utter_message(response=names.UTTER_SAFETY_NET)
            if answers.get("pain_location") == "upper_back":
                # Upper-back pain has its own causes to watch for (NICE NG59).
                dispatcher.utter_message(response=names.UTTER_SAFETY_NET_UPPER_BACK)
            # No red flag: the outcome first, then risk stratification (NG59).
            events += offer_startback(dispatcher)
        return events
