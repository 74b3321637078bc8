"""Exercise plans, exercise steps and what-to-avoid answers from the library."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.assess_triage import ActionAssessTriage
from actions.avoid import ActionAnswerAvoid
from actions.exercises import ActionExplainExercise, ActionSuggestExercises
from bot.db import get_session_factory
from bot.library.cards import load_cards
from tests.answers import ALL_NO
from tests.conftest import make_tracker, responses

pytestmark = pytest.mark.usefixtures("database_url")

CHRONIC_LOWER_BACK = {**ALL_NO, "pain_duration_days": 200, "is_improving": True}
SCIATICA_LIKE = {**ALL_NO, "has_leg_symptoms": True, "has_leg_weakness": False}


def library(database_url: str) -> dict[str, Any]:
    with get_session_factory(database_url).begin() as session:
        return {card.name: card for card in load_cards(session)}


async def test_chronic_lower_back_gets_a_balanced_plan_that_suits_it(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], database_url: str
) -> None:
    events = await ActionAssessTriage().run(
        dispatcher, make_tracker(CHRONIC_LOWER_BACK), domain
    )
    shown = next(e["value"] for e in events if e["name"] == "exercises_shown")
    cards = library(database_url)
    assert len(shown) >= 4
    assert {"stretch", "strengthening", "low_impact_cardio"} <= {
        cards[name].category for name in shown
    }
    assert all("chronic" in cards[name].phases for name in shown)
    text = dispatcher.messages[1]["exercises"]
    assert "Stop if pain spreads" in text and all(name in text for name in shown)


async def test_an_acute_plan_leaves_out_what_the_acute_phase_rules_out(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], database_url: str
) -> None:
    await ActionSuggestExercises().run(dispatcher, make_tracker(ALL_NO), domain)
    cards = library(database_url)
    text = dispatcher.messages[0]["exercises"]
    unsafe = [n for n, c in cards.items() if "acute_phase" in c.contraindications]
    assert unsafe and not [name for name in unsafe if f"{name} " in text]


async def test_sciatica_like_case_gets_nothing_unsafe_for_leg_pain(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], database_url: str
) -> None:
    events = await ActionSuggestExercises().run(
        dispatcher, make_tracker({**SCIATICA_LIKE, "triage_level": "soon"}), domain
    )
    # Leg symptoms are a "see a doctor" flag: no plan at all.
    assert responses(dispatcher) == ["utter_exercises_withheld"] and events == []


@pytest.mark.parametrize(
    "slots",
    [{**ALL_NO, "has_night_pain": True}, {**ALL_NO, "has_saddle_numbness": True}],
)
async def test_a_red_flag_case_gets_no_exercise_at_all(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], slots: dict[str, Any]
) -> None:
    tracker = make_tracker(
        {**slots, "triage_level": "soon"},
        intent="ask_exercise_steps",
        text="how do i do the bridge",
    )
    await ActionSuggestExercises().run(dispatcher, tracker, domain)
    await ActionExplainExercise().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_exercises_withheld"] * 2


async def test_steps_of_a_named_exercise_tolerate_spelling(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        ALL_NO, intent="ask_exercise_steps", text="how do i do the brid dog?"
    )
    events = await ActionExplainExercise().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_exercise_steps"]
    assert dispatcher.messages[0]["steps"].startswith("Bird dog")
    assert events == [SlotSet("exercises_shown", ["Bird dog"])]


async def test_easier_and_another_move_on_from_what_was_shown(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    slots = {**CHRONIC_LOWER_BACK, "exercises_shown": ["Plank"]}
    easier = make_tracker(slots, intent="ask_easier_exercise", text="too hard")
    another = make_tracker(slots, intent="ask_another_exercise", text="another one")
    easier_events = await ActionExplainExercise().run(dispatcher, easier, domain)
    another_events = await ActionExplainExercise().run(dispatcher, another, domain)
    assert responses(dispatcher) == ["utter_exercise_steps"] * 2
    for events in (easier_events, another_events):
        # One event: the list shown so far, with one new exercise at its end.
        ((name, (*before, new)),) = [(e["name"], e["value"]) for e in events]
        assert (name, before) == ("exercises_shown", ["Plank"]) and new != "Plank"


async def test_easier_after_an_item_with_no_easier_version_offers_a_gentle_one(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], database_url: str
) -> None:
    slots = {
        **CHRONIC_LOWER_BACK,
        "exercises_shown": ["Knee-to-chest stretch", "Walking"],
    }
    tracker = make_tracker(slots, intent="ask_easier_exercise", text="something easier")
    events = await ActionExplainExercise().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_exercise_steps"]
    ((name, (*before, chosen)),) = [(e["name"], e["value"]) for e in events]
    assert (name, before) == ("exercises_shown", slots["exercises_shown"])
    assert chosen not in slots["exercises_shown"]
    assert library(database_url)[chosen].difficulty == 1


async def test_unknown_exercise_is_said_not_guessed(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        ALL_NO, intent="ask_exercise_steps", text="how do i do the quantum backflip"
    )
    assert await ActionExplainExercise().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == ["utter_exercise_unknown"]


async def test_avoid_advice_before_and_after_triage_differ(
    domain: dict[str, Any],
) -> None:
    before, after = CollectingDispatcher(), CollectingDispatcher()
    question = {"intent": "ask_what_to_avoid", "text": "what should i avoid?"}
    await ActionAnswerAvoid().run(before, make_tracker(**question), domain)
    injured = {**ALL_NO, "is_after_injury": True, "has_leg_symptoms": True}
    await ActionAnswerAvoid().run(after, make_tracker(injured, **question), domain)
    assert responses(before) == ["utter_avoid_general"]
    assert responses(after) == ["utter_avoid_personal"]
    assert before.messages[0]["advice"] != after.messages[0]["advice"]
    assert "lower back" in after.messages[0]["summary"]


@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        ("is swimming ok for me?", {"ok", "caution"}),
        ("can i still go running", {"caution", "avoid"}),
        ("can i lift weights at the gym", {"caution", "avoid"}),
    ],
)
async def test_is_an_activity_ok_is_answered_from_the_library(
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
    text: str,
    verdicts: set[str],
) -> None:
    tracker = make_tracker(ALL_NO, intent="ask_activity_ok", text=text)
    await ActionAnswerAvoid().run(dispatcher, tracker, domain)
    (name,) = responses(dispatcher)
    assert name.removeprefix("utter_activity_verdict_") in verdicts
