"""Passes the conversation to a clinician: a case row in the hand-off queue."""

from __future__ import annotations

import logging
from dataclasses import replace

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import names
from actions.context import (
    assess_tracker,
    session_factory,
    settings,
    triage_answers,
)
from bot.dialogue.summary import clinician_notes
from bot.followup.store import last_verdict
from bot.followup.verdict import Verdict
from bot.handoff.notify import case_notice, notify_in_background
from bot.handoff.queue import record_handoff
from bot.triage import Assessment, Urgency

logger = logging.getLogger(__name__)


def record_and_confirm(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    assessment: Assessment,
    reason: str,
) -> list[EventType]:
    """Record (or update) the case and tell the person; never raise to the chat."""
    try:
        with session_factory().begin() as session:
            case = record_handoff(
                session,
                sender_id=tracker.sender_id,
                assessment=assessment,
                answers={
                    **triage_answers(tracker),
                    **clinician_notes(
                        tracker.get_slot(names.SLOT_STARTBACK_RESULT),
                        tracker.get_slot(names.SLOT_FOLLOW_UP_TREND),
                    ),
                },
                reason=reason,
                quotes=tracker.get_slot(names.SLOT_RED_FLAG_QUOTES) or [],
            )
            case_id = case.id
            notice = case_notice(case_id, case.urgency, reason, case.fired_rule_ids)
    except SQLAlchemyError:
        logger.exception("hand-off for %s could not be recorded", tracker.sender_id)
        dispatcher.utter_message(response=names.UTTER_HANDOFF_FAILED)
        return []
    notify_in_background(settings().handoff_webhook_url, notice)
    dispatcher.utter_message(response=names.UTTER_HANDOFF_RECORDED, case_id=case_id)
    return [SlotSet(names.SLOT_HANDOFF_CASE_ID, case_id)]


class ActionRequestHandoff(Action):
    """Hand-off on a red flag or when the person asks for a clinician."""

    def name(self) -> str:
        """Name used in rules and by the emergency policy."""
        return names.ACTION_REQUEST_HANDOFF

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Assess what is known so far and record the case with it."""
        assessment = assess_tracker(tracker)
        reason = "red_flag" if assessment.needs_doctor else "requested"
        if assessment.level is None and _follow_up_said_see_a_doctor(tracker):
            # A returning person told "worse, see a doctor" has no full triage
            # in this session; their case is a GP-soon one, not "unknown".
            assessment = replace(assessment, level=Urgency.SOON)
            reason = "follow_up"
        return record_and_confirm(dispatcher, tracker, assessment, reason)


def _follow_up_said_see_a_doctor(tracker: Tracker) -> bool:
    """Whether this conversation's follow-up check-in ended in "see a doctor"."""
    episode_id = tracker.get_slot(names.SLOT_FOLLOW_UP_EPISODE_ID)
    if episode_id is None:
        return False
    try:
        with session_factory()() as session:
            verdict = last_verdict(session, int(episode_id))
    except SQLAlchemyError:
        logger.exception("follow-up of %s could not be read", tracker.sender_id)
        return False
    return verdict in {v.value for v in Verdict if v.needs_doctor}
