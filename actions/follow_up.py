"""Follow-up over time: remember an episode (with consent), welcome a person
back, and after their answers say what to do and show their trend."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import names
from actions.context import session_factory, triage_answers
from actions.questionnaire import startback
from actions.startback_result import END_OF_TURN
from bot.dialogue.replies import typed_reply
from bot.dialogue.summary import describe_answers, describe_duration, describe_startback
from bot.followup.store import latest_episode, remember_episode

logger = logging.getLogger(__name__)
CONTEXT_ANSWERS = ("pain_location", "pain_duration_days", "pain_onset", "age")


def _said_yes(tracker: Tracker) -> bool:
    """A clear yes: typed ("yes thanks") or the button; anything else keeps nothing."""
    typed = typed_reply(tracker.latest_message.get("text"))
    if typed is not None:
        return typed == "yes"
    return (tracker.latest_message.get("intent") or {}).get("name") == "affirm"


def _plan(tracker: Tracker) -> str:
    result = tracker.get_slot(names.SLOT_STARTBACK_RESULT) or {}
    risk = result.get("risk")
    return next(
        (a.response for r, a in startback().advice.items() if r.value == risk),
        "utter_triage_self_care",
    )


class ActionRememberEpisode(Action):
    """Keeps the episode only on a yes to the consent question."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_REMEMBER_EPISODE

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Store the triage summary, STarT result and plan under the chat id."""
        events: list[EventType] = [SlotSet(names.SLOT_PENDING_OFFER, None), END_OF_TURN]
        if not _said_yes(tracker):
            dispatcher.utter_message(response=names.UTTER_FOLLOW_UP_NOT_REMEMBERED)
            return events
        answers = triage_answers(tracker)
        try:
            with session_factory().begin() as session:
                remember_episode(
                    session,
                    sender_id=tracker.sender_id,
                    triage_level=tracker.get_slot(names.SLOT_TRIAGE_LEVEL) or "unknown",
                    summary=describe_answers(answers),
                    answers={k: answers.get(k) for k in CONTEXT_ANSWERS},
                    startback=tracker.get_slot(names.SLOT_STARTBACK_RESULT),
                    plan=_plan(tracker),
                )
        except SQLAlchemyError:
            logger.exception("episode of %s could not be kept", tracker.sender_id)
            dispatcher.utter_message(response=names.UTTER_FOLLOW_UP_NOT_REMEMBERED)
            return events
        dispatcher.utter_message(response=names.UTTER_FOLLOW_UP_REMEMBERED)
        return events


class ActionCheckFollowUp(Action):
    """After the greeting: a person with a remembered episode is asked how it is."""

    def name(self) -> str:
        """Name used in the greeting rules."""
        return names.ACTION_CHECK_FOLLOW_UP

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Start the follow-up when this conversation has not triaged yet."""
        if tracker.get_slot(names.SLOT_TRIAGE_LEVEL) or tracker.get_slot(
            names.SLOT_FOLLOW_UP_EPISODE_ID
        ):
            return []
        try:
            with session_factory()() as session:
                episode = latest_episode(session, tracker.sender_id)
                if episode is None:
                    return []
                episode_id, created = episode.id, episode.created_at
                summary, result = episode.summary, episode.startback
        except SQLAlchemyError:
            logger.exception("follow-up of %s could not be read", tracker.sender_id)
            return []
        startback_words = describe_startback(result)
        dispatcher.utter_message(
            response=names.UTTER_FOLLOW_UP_WELCOME,
            when=_ago(created),
            summary=summary or "back pain",
            startback=f"; {startback_words}" if startback_words else "",
        )
        # The STarT result is this conversation's too (the clinician hand-off
        # summary shows it); the red-flag answers are asked afresh.
        return [
            SlotSet(names.SLOT_FOLLOW_UP_EPISODE_ID, episode_id),
            SlotSet(names.SLOT_STARTBACK_RESULT, result),
            FollowupAction(names.FOLLOW_UP_FORM),
        ]


def _ago(created: datetime) -> str:
    if created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    days = (datetime.now(timezone.utc) - created).days
    return "earlier today" if days < 1 else f"{describe_duration(days)} ago"
