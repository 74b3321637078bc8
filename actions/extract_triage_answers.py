"""Fills the triage slots from every user message, in or out of the form."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from bot.dialogue.slot_filling import answers_from_message, red_flag_quotes
from bot.nlp.durations import parse_duration_days


class ActionExtractTriageAnswers(Action):
    """Reads one message and sets every triage answer it gives."""

    def name(self) -> str:
        """Name used in the domain's slot mappings."""
        return names.ACTION_EXTRACT_TRIAGE_ANSWERS

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[EventType]:
        """Return a ``SlotSet`` for each answer the latest message changes."""
        message = tracker.latest_message or {}
        in_form = tracker.active_loop_name == names.TRIAGE_FORM
        entities = message.get("entities") or []
        answers = answers_from_message(
            intent=(message.get("intent") or {}).get("name"),
            entities=entities,
            requested_slot=tracker.get_slot(names.REQUESTED_SLOT) if in_form else None,
            text=message.get("text"),
            parse_duration=parse_duration_days,
            known=tracker.current_slot_values(),
        )
        events: list[EventType] = [
            SlotSet(name, value)
            for name, value in answers.items()
            # A later "no" never silently overwrites an earlier "yes".
            if value != tracker.get_slot(name) and tracker.get_slot(name) is not True
        ]
        quotes = red_flag_quotes(entities, message.get("text"))
        if quotes:
            previous = tracker.get_slot(names.SLOT_RED_FLAG_QUOTES) or []
            events.append(SlotSet(names.SLOT_RED_FLAG_QUOTES, previous + quotes))
        return events
