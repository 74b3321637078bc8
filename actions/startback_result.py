"""The STarT Back result and its advice; the offers before and after it."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import names
from actions.questionnaire import startback
from bot.startback.scoring import IncompleteAnswersError, score
from bot.triage import Urgency

SELF_CARE = Urgency.SELF_CARE.value
# The offer this answers is cleared (or replaced): the rules that ran this
# action were conditioned on it, so the turn ends here explicitly.
END_OF_TURN = FollowupAction("action_listen")


def offer_startback(dispatcher: CollectingDispatcher) -> list[EventType]:
    """Offer the questionnaire (after a self-care outcome, never instead of one)."""
    dispatcher.utter_message(response=names.UTTER_STARTBACK_OFFER)
    return [SlotSet(names.SLOT_PENDING_OFFER, names.OFFER_STARTBACK)]


def offer_to_remember(dispatcher: CollectingDispatcher) -> list[EventType]:
    """Ask whether to remember the episode for a follow-up (consent first)."""
    dispatcher.utter_message(response=names.UTTER_FOLLOW_UP_CONSENT)
    return [SlotSet(names.SLOT_PENDING_OFFER, names.OFFER_REMEMBER)]


class ActionStartbackResult(Action):
    """After the questionnaire: the result and its advice, or where it stopped."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_STARTBACK_RESULT

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Score a complete questionnaire; otherwise say it is kept or skipped."""
        return [*self._result(dispatcher, tracker), END_OF_TURN]

    @staticmethod
    def _result(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        tool = startback()
        answers = {item.id: tracker.get_slot(item.slot) for item in tool.items}
        events: list[EventType] = [SlotSet(names.SLOT_PENDING_OFFER, None)]
        try:
            result = score(answers, tool)
        except IncompleteAnswersError:
            if any(answers.values()):
                dispatcher.utter_message(response=names.UTTER_STARTBACK_PAUSED)
                return events
            if tracker.get_slot(names.SLOT_TRIAGE_LEVEL) != SELF_CARE:
                # "skip" with no plan to keep: nothing to skip or remember.
                dispatcher.utter_message(response=names.UTTER_OK)
                return events
            dispatcher.utter_message(response=names.UTTER_STARTBACK_SKIPPED)
            return events + offer_to_remember(dispatcher)
        advice = tool.advice[result.risk]
        dispatcher.utter_message(
            response=names.UTTER_STARTBACK_RESULT,
            risk=result.risk.value,
            total=result.total,
            psychosocial=result.psychosocial,
        )
        dispatcher.utter_message(response=advice.response)
        stored = {
            "total": result.total,
            "psychosocial": result.psychosocial,
            "risk": result.risk.value,
            "version": tool.version,
        }
        events += [SlotSet(names.SLOT_STARTBACK_RESULT, stored)]
        # High risk: the advice itself carries the clinician hand-off button
        # (data: offer_handoff), so the one question left is the consent.
        return events + offer_to_remember(dispatcher)
