"""Exercise suggestions, only ever after a triage with no red flag."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.context import ruleset, settings, triage_answers
from bot.triage import Assessment, Urgency, assess


@lru_cache(maxsize=1)
def _starter_exercises() -> tuple[tuple[str, str], ...]:
    # SEAM: the exercise library (bot/library) replaces this fixed list.
    path = settings().clinical_dir / "starter_exercises.yml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple((item["name"], item["dose"]) for item in document["exercises"])


def suggest_exercises(
    dispatcher: CollectingDispatcher,
    answers: Mapping[str, Any],
    assessment: Assessment,
) -> None:
    """Show exercises for a self-care outcome; explain why not otherwise."""
    if assessment.level is None:
        dispatcher.utter_message(response=names.UTTER_EXERCISES_NEED_TRIAGE)
        return
    if assessment.level is not Urgency.SELF_CARE:
        dispatcher.utter_message(response=names.UTTER_EXERCISES_WITHHELD)
        return
    lines = "\n".join(f"- {name}: {dose}" for name, dose in _starter_exercises())
    dispatcher.utter_message(response=names.UTTER_EXERCISES_INTRO, exercises=lines)


class ActionSuggestExercises(Action):
    """Answers "what exercises can I do?" at any point."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_SUGGEST_EXERCISES

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[EventType]:
        """Suggest exercises from what is known so far."""
        answers = triage_answers(tracker)
        suggest_exercises(dispatcher, answers, assess(answers, ruleset()))
        return []
