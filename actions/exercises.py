"""Exercise plans and steps, only ever after a triage with no red flag."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import names
from actions.context import assess_answers, session_factory, triage_answers
from actions.library_context import plan_request
from bot.library.format import format_exercise_steps, format_plan
from bot.library.recommend import another_exercise, easier_alternative, recommend_plan
from bot.library.search import find_exercise
from bot.library.text import STOP_WORDS, normalize
from bot.triage import Assessment, Urgency

# Words of the question around an exercise's name ("how do I do the ... ?").
QUESTION_WORDS = frozenset(
    {
        "how",
        "do",
        "does",
        "i",
        "you",
        "the",
        "a",
        "an",
        "show",
        "me",
        "explain",
        "tell",
        "what",
        "whats",
        "is",
        "to",
        "steps",
        "for",
        "instructions",
        "look",
        "like",
        "done",
    }
)


def exercise_words(tracker: Tracker) -> str:
    """The words of the latest message that may name an exercise."""
    text = normalize(tracker.latest_message.get("text") or "")
    return " ".join(w for w in text.split() if w not in QUESTION_WORDS | STOP_WORDS)


def withhold_exercises(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType]:
    """No exercises while a doctor should see the back first. Before the
    outcome has been given there is no "advice above" to point to: say a doctor
    comes first and carry on with the questions, which end with that advice
    ("6 weeks and isn't getting any better, what exercises?" asked first)."""
    if tracker.get_slot(names.SLOT_TRIAGE_LEVEL):
        dispatcher.utter_message(response=names.UTTER_EXERCISES_WITHHELD)
        return []
    if (tracker.active_loop or {}).get("name"):
        # The form asks its next question: say that the questions go on.
        dispatcher.utter_message(response=names.UTTER_EXERCISES_AFTER_OUTCOME)
        return []
    # The form starts next and says why the flag matters and that the safety
    # questions follow; saying that here as well would tell it twice.
    dispatcher.utter_message(response=names.UTTER_EXERCISES_DOCTOR_FIRST)
    return [FollowupAction(names.TRIAGE_FORM)]


def suggest_exercises(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    answers: Mapping[str, Any],
    assessment: Assessment,
) -> list[EventType]:
    """Show a plan for a self-care outcome; explain why not otherwise."""
    if assessment.level is None:
        dispatcher.utter_message(response=names.UTTER_EXERCISES_NEED_TRIAGE)
        return []
    if assessment.level is not Urgency.SELF_CARE:
        return withhold_exercises(dispatcher, tracker)
    with session_factory().begin() as session:
        plan = recommend_plan(session, plan_request(answers, assessment))
        text = format_plan(plan)
    dispatcher.utter_message(response=names.UTTER_EXERCISES_INTRO, exercises=text)
    return [SlotSet(names.SLOT_EXERCISES_SHOWN, list(plan.names))]


class ActionSuggestExercises(Action):
    """Answers "what exercises can I do?" at any point."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_SUGGEST_EXERCISES

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Suggest a plan from what is known so far."""
        answers = triage_answers(tracker)
        return suggest_exercises(dispatcher, tracker, answers, assess_answers(answers))


class ActionExplainExercise(Action):
    """How to do a named exercise, an easier one, or another one."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_EXPLAIN_EXERCISE

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Show the steps of the exercise the person means."""
        answers = triage_answers(tracker)
        assessment = assess_answers(answers)
        if assessment.fired:
            return withhold_exercises(dispatcher, tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        shown = list(tracker.get_slot(names.SLOT_EXERCISES_SHOWN) or [])
        request = plan_request(answers, assessment, frozenset(shown))
        with session_factory().begin() as session:
            if intent == names.INTENT_ASK_EASIER:
                easier = replace(request, max_difficulty=1)
                exercise = (
                    easier_alternative(session, request, shown[-1]) if shown else None
                ) or another_exercise(session, easier, set(shown))
            elif intent == names.INTENT_ASK_ANOTHER:
                exercise = another_exercise(session, request, set(shown))
            else:
                exercise = find_exercise(session, exercise_words(tracker))
            steps = format_exercise_steps(exercise) if exercise else None
            name = exercise.name if exercise else None
        if steps is None:
            asked_for_more = intent in (
                names.INTENT_ASK_EASIER,
                names.INTENT_ASK_ANOTHER,
            )
            dispatcher.utter_message(
                response=names.UTTER_EXERCISE_NONE_LEFT
                if asked_for_more
                else names.UTTER_EXERCISE_UNKNOWN
            )
            return []
        dispatcher.utter_message(response=names.UTTER_EXERCISE_STEPS, steps=steps)
        return [SlotSet(names.SLOT_EXERCISES_SHOWN, [*shown, name])]
