"""A returning person's questions: better/same/worse, 0-10, red flags again;
then the verdict and the trend."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import names
from actions.context import (
    ANSWER_SLOTS,
    assess_answers,
    not_known,
    ruleset,
    session_factory,
    triage_answers,
)
from actions.handoff import record_and_confirm
from actions.questionnaire import (
    answered_a_safety_check,
    count_miss,
    reset_misses,
    startback,
    steps_aside,
)
from bot.dialogue.slot_filling import answers_from_message
from bot.dialogue.summary import describe_trend
from bot.followup.answers import read_change, read_pain_score
from bot.followup.models import FollowUpEpisode
from bot.followup.store import add_check_in, episode_by_id
from bot.followup.trend import episode_days, trend_points
from bot.followup.verdict import follow_up_verdict
from bot.triage import Assessment, Urgency
from bot.triage.assess import missing_answers

logger = logging.getLogger(__name__)
HOW_IT_IS = (names.SLOT_FOLLOW_UP_CHANGE, names.SLOT_FOLLOW_UP_PAIN_SCORE)


def _episode(tracker: Tracker) -> FollowUpEpisode | None:
    episode_id = tracker.get_slot(names.SLOT_FOLLOW_UP_EPISODE_ID)
    if episode_id is None:
        return None
    with session_factory()() as session:
        episode = episode_by_id(session, int(episode_id))
        if episode is not None:
            episode.check_ins  # noqa: B018  (loaded while the session is open)
        return episode


def answers_now(tracker: Tracker, episode: FollowUpEpisode) -> dict[str, Any]:
    """Where, how long and how it started from the episode; flags from today."""
    context = dict(episode.answers or {})
    answers = {k: v for k, v in triage_answers(tracker).items() if v is not None}
    return {**context, **answers}


def rescreen_questions(answers: dict[str, Any], unknown: list[str]) -> list[str]:
    """The content file's re-screen questions the ruleset still needs, in order."""
    needed = set(missing_answers(answers, ruleset(), unknown))
    return [name for name in startback().follow_up.rescreen if name in needed]


class ValidateFollowUpForm(FormValidationAction):
    """How it is now, then the red-flag questions again."""

    def name(self) -> str:
        """Name Rasa calls to validate ``follow_up_form``."""
        return names.VALIDATE_FOLLOW_UP_FORM

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Change and score, then the re-screen (nothing after an emergency)."""
        episode = _episode(tracker)
        if episode is None:
            return []
        answers = answers_now(tracker, episode)
        if assess_answers(answers).level is Urgency.EMERGENCY:
            return []
        return [*HOW_IT_IS, *rescreen_questions(answers, not_known(tracker))]

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Read the reply to the question asked."""
        events = self._read(dispatcher, tracker)
        tracker.add_slots(events)
        if (
            any(isinstance(e, dict) and e.get("name") == HOW_IT_IS[1] for e in events)
            and tracker.get_slot(HOW_IT_IS[1]) is not None
        ):
            dispatcher.utter_message(response=names.UTTER_FOLLOW_UP_RESCREEN)
        validated = await super().run(dispatcher, tracker, domain)
        # rasa-sdk validates the slots just added again: keep one of each.
        return events + [e for e in validated if e not in events]

    def _read(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        requested = tracker.get_slot(names.REQUESTED_SLOT)
        if requested is None:
            # Starting (after the welcome): nothing asked yet, nothing to read.
            return [SlotSet(names.SLOT_QUESTIONNAIRE_MISSES, 0)]
        if steps_aside(tracker):
            return []
        if answered_a_safety_check(tracker):
            return [SlotSet(names.SLOT_QUESTIONNAIRE_MISSES, 0)]
        message = tracker.latest_message
        text, entities = message.get("text"), message.get("entities") or []
        if requested == names.SLOT_FOLLOW_UP_CHANGE:
            value: Any = read_change(text, entities, startback().follow_up.changes)
            found = {requested: value} if value is not None else {}
        elif requested == names.SLOT_FOLLOW_UP_PAIN_SCORE:
            value = read_pain_score(text, entities)
            found = {requested: float(value)} if value is not None else {}
        elif requested in ANSWER_SLOTS:
            if requested in tracker.slots_to_validate():
                return reset_misses(tracker)  # read in Rasa from the message
            found = answers_from_message(
                intent=(message.get("intent") or {}).get("name"),
                entities=entities,
                requested_slot=requested,
                text=text,
                known=tracker.slots,
                unsure_is_yes=True,  # a doubtful red flag is safer checked
            )
            found = {k: v for k, v in found.items() if tracker.get_slot(k) is not True}
        else:
            return []
        if requested in found:
            return [SlotSet(k, v) for k, v in found.items()] + reset_misses(tracker)
        return self._missed(dispatcher, tracker, requested)

    @staticmethod
    def _missed(
        dispatcher: CollectingDispatcher, tracker: Tracker, requested: str
    ) -> list[EventType]:
        if requested in HOW_IT_IS:
            hint = names.UTTER_FOLLOW_UP_HINT_PREFIX + requested.removeprefix(
                "follow_up_"
            )
            events, _ = count_miss(dispatcher, tracker, hint)
            return events
        events, give_up = count_miss(
            dispatcher, tracker, names.UTTER_TRIAGE_HINT_YES_NO
        )
        if give_up:
            # Never a "no": noted as not known, so the outcome is a doctor.
            dispatcher.utter_message(response=names.UTTER_TRIAGE_NOT_KNOWN)
            events.append(
                SlotSet(names.SLOT_NOT_KNOWN, [*not_known(tracker), requested])
            )
        return events


def _red_flag_level(assessment: Assessment) -> Urgency | None:
    """The ruleset's level when the re-screen found something, else None."""
    if assessment.fired:
        return assessment.fired[0].urgency
    if assessment.unknown:
        return Urgency.SOON  # a red-flag question not known is never a "no"
    return None


class ActionFollowUpResult(Action):
    """Red flags first, then worse or not better -> see a doctor; then the trend."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_FOLLOW_UP_RESULT

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Say what to do, record the check-in and show the trend."""
        change = tracker.get_slot(names.SLOT_FOLLOW_UP_CHANGE)
        score = tracker.get_slot(names.SLOT_FOLLOW_UP_PAIN_SCORE)
        try:
            episode = _episode(tracker)
        except SQLAlchemyError:
            logger.exception("follow-up of %s could not be read", tracker.sender_id)
            episode = None
        if episode is None or change is None or score is None:
            return []
        answers = answers_now(tracker, episode)
        assessment = assess_answers(answers, not_known(tracker))
        level = _red_flag_level(assessment)
        if level is Urgency.EMERGENCY:
            return []  # already said by the emergency policy
        days = episode_days(episode)
        verdict = follow_up_verdict(change, days, startback().follow_up)
        outcome = level.value if level else verdict.value
        with session_factory().begin() as session:
            stored = session.get(FollowUpEpisode, episode.id)
            add_check_in(
                session,
                stored,
                change=change,
                pain_score=int(score),
                verdict=outcome,
                fired_rule_ids=assessment.fired_rule_ids,
            )
            trend = describe_trend(trend_points(stored))
        events: list[EventType] = [SlotSet(names.SLOT_FOLLOW_UP_TREND, trend)]
        tracker.add_slots(events)
        if level is not None:
            response = ruleset().responses[level]
            reasons = "; ".join(
                r.reason for r in assessment.fired if r.urgency is level
            )
            dispatcher.utter_message(
                response=response,
                reasons=reasons or "I couldn't check some of the safety questions",
            )
        else:
            dispatcher.utter_message(
                response=verdict.response, weeks=max(1, round(days / 7))
            )
        dispatcher.utter_message(response=names.UTTER_FOLLOW_UP_TREND, trend=trend)
        if level is Urgency.URGENT:
            events += record_and_confirm(dispatcher, tracker, assessment, "red_flag")
        elif level is not None or verdict.needs_doctor:
            dispatcher.utter_message(response=names.UTTER_OFFER_HANDOFF)
        return events
