"""Answers "what should I avoid?" and "is swimming OK for me?" at any point."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import names
from actions.context import session_factory, triage_answers
from actions.library_context import avoid_context
from bot.dialogue.summary import describe_answers
from bot.library.avoid import activity_verdict, avoid_advice

MAX_ITEMS = 6


class ActionAnswerAvoid(Action):
    """General advice before triage, advice fitted to the person after it."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_ANSWER_AVOID

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Answer about one activity if one is named, else list what to avoid."""
        answers = triage_answers(tracker)
        context = avoid_context(answers)
        text = tracker.latest_message.get("text") or ""
        with session_factory().begin() as session:
            verdict = activity_verdict(session, text, context)
            items = [] if verdict else avoid_advice(session, context)[:MAX_ITEMS]
        if verdict:
            dispatcher.utter_message(
                response=names.UTTER_ACTIVITY_VERDICT_PREFIX + verdict.verdict.value,
                activity=verdict.activity,
                why=verdict.why.rstrip("."),
            )
            return []
        advice = "\n".join(f"- {item.activity}: {item.why}" for item in items)
        if context is None:
            dispatcher.utter_message(response=names.UTTER_AVOID_GENERAL, advice=advice)
        else:
            dispatcher.utter_message(
                response=names.UTTER_AVOID_PERSONAL,
                advice=advice,
                summary=describe_answers(answers) or "what you've told me",
            )
        return []
