"""What BackChat does with a first message: the same pure steps the Rasa turn runs.

A parsed message (intent and entities from the trained NLU) goes through the
slot filler, the ruleset and ``safety_turn``, exactly as ``EmergencyPolicy`` and
the in-process slot extraction do, so a red-team corpus of thousands of
messages is scored in seconds without a server.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.dialogue import safety_turn
from bot.dialogue.replies import typed_reply
from bot.dialogue.slot_filling import FIRST_QUESTIONS_SLOT, slot_updates
from bot.nlp.durations import parse_duration_days
from bot.triage import Urgency, assess
from bot.triage.answers import pick_answers

# What a first message can lead to, most protective first.
EMERGENCY = "emergency"  # emergency advice at once
CONFIRM = "confirm"  # one direct confirming question about emergency symptoms
TRAUMA_CHECK = "trauma_check"  # one direct question: was the injury a serious one?
CRISIS = "crisis"  # crisis lines first
CRISIS_CHECK = "crisis_check"  # a gentle check about thoughts of suicide
NOTHING = "none"  # no flag recognised yet (triage goes on)


@dataclass(frozen=True)
class Decision:
    """The first-message decision and the flags behind it."""

    outcome: str  # EMERGENCY, CONFIRM, CRISIS, CRISIS_CHECK, a level, or NOTHING
    fired: tuple[str, ...]
    intent: str | None
    steps: tuple[str, ...] = ()
    level: str | None = None  # the fired rules' urgency
    # The form's first questions, about lesser red flags told in doubt, and
    # the urgency a yes to them would give.
    asks_first: tuple[str, ...] = ()
    level_if_yes: str | None = None


def decide(text: str, parsed: Mapping[str, Any]) -> Decision:
    """The first-message decision for ``text`` and its NLU parse."""
    intent = (parsed.get("intent") or {}).get("name")
    entities = parsed.get("entities") or []
    answers = slot_updates(
        intent=intent,
        entities=entities,
        text=text,
        requested_slot=None,
        slots={},
        parse_duration=parse_duration_days,
        quotes_slot="red_flag_quotes",
    )
    assessment = assess(pick_answers(answers))
    asks_first = tuple(answers.get(FIRST_QUESTIONS_SLOT) or ())
    steps = (
        safety_turn.safety_steps(
            safety_turn.TurnFacts(
                intent=intent,
                entities=entities,
                typed_reply=typed_reply(text),
                is_emergency_now=assessment.level is Urgency.EMERGENCY,
                trauma_unknown=answers.get(safety_turn.MAJOR_TRAUMA) is None,
                emergency_if_hedged_true=safety_turn.emergency_if_hedged_true(
                    answers, entities
                ),
                lesser_flag_in_doubt=bool(asks_first),
            )
        )
        or []
    )
    fired = tuple(assessment.fired_rule_ids)
    if safety_turn.UTTER_CRISIS in steps:
        outcome = CRISIS
    elif safety_turn.UTTER_CRISIS_CHECK in steps:
        outcome = CRISIS_CHECK
    elif safety_turn.UTTER_EMERGENCY in steps:
        outcome = EMERGENCY
    elif safety_turn.UTTER_CONFIRM_EMERGENCY in steps:
        outcome = CONFIRM
    elif safety_turn.UTTER_CONFIRM_TRAUMA in steps:
        outcome = TRAUMA_CHECK
    elif assessment.fired:
        outcome = assessment.fired[0].urgency.value
    else:
        outcome = NOTHING
    level = assessment.fired[0].urgency.value if assessment.fired else None
    if outcome == TRAUMA_CHECK and intent == safety_turn.EMERGENCY_INTENT:
        # The emergency heard beside the injury is asked straight after the
        # question about its force (safety_turn: guess_before_trauma_question).
        steps = [*steps, safety_turn.UTTER_CONFIRM_EMERGENCY]
    level_if_yes = None
    if asks_first:
        if_yes = assess(pick_answers({**answers, **dict.fromkeys(asks_first, True)}))
        level_if_yes = if_yes.fired[0].urgency.value if if_yes.fired else None
    return Decision(
        outcome, fired, intent, tuple(steps), level, asks_first, level_if_yes
    )


_RANK = {"soon": 1, "urgent": 2, "emergency": 3}
TRAUMA_CATEGORY = (
    "major_trauma"  # the corpora's category (not the answer is_major_trauma)
)


def recognised(
    expected_level: str, decision: Decision, category: str | None = None
) -> bool:
    """Whether the decision protects a person whose message states a red flag
    of ``expected_level`` (emergency, urgent, soon or crisis): advice at once, a
    confirming question about emergency symptoms, the crisis response, the
    flag recorded at its level (the questions then go on), or a flag told in
    doubt asked first, a yes to which records it at its level. The question about
    the force of an injury protects only a person whose flag is that injury
    (``category`` major_trauma): a yes to it is emergency advice."""
    steps = decision.steps
    if expected_level == "crisis":
        return (
            safety_turn.UTTER_CRISIS in steps or safety_turn.UTTER_CRISIS_CHECK in steps
        )
    if (
        safety_turn.UTTER_EMERGENCY in steps
        or safety_turn.UTTER_CONFIRM_EMERGENCY in steps
        or (safety_turn.UTTER_CONFIRM_TRAUMA in steps and category == TRAUMA_CATEGORY)
    ):
        return True
    if expected_level == "emergency":
        return False
    # A lesser flag told in doubt is the form's first question, asked directly:
    # a yes records it (as a yes to the confirming question is emergency advice).
    level = max(
        _RANK.get(decision.level or "", 0), _RANK.get(decision.level_if_yes or "", 0)
    )
    return level >= _RANK[expected_level]
