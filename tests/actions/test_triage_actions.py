"""The triage actions, driven with a built tracker and the real ruleset."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.assess_triage import ActionAssessTriage
from actions.exercises import ActionSuggestExercises
from actions.handoff import ActionRequestHandoff
from actions.triage_form import REASK_COUNT_SLOT, ValidateTriageForm
from bot.db import get_session_factory
from bot.handoff.models import HandoffCase
from tests.answers import ALL_NO
from tests.conftest import make_tracker, responses


async def test_form_asks_only_what_is_unknown_emergencies_first(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(slots={"pain_location": "lower_back", "has_fever": False})
    required = await ValidateTriageForm().required_slots(
        [], dispatcher, tracker, domain
    )
    assert required[:3] == [
        "pain_duration_days",
        "pain_onset",
        "has_cauda_equina_symptom",
    ]
    assert "has_fever" not in required and "pain_location" not in required


async def test_form_stops_asking_on_an_emergency(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(slots={"has_saddle_numbness": True})
    assert (
        await ValidateTriageForm().required_slots([], dispatcher, tracker, domain) == []
    )


async def test_unclear_answer_gets_a_hint_and_the_question_again(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        slots={"requested_slot": "pain_location"},
        intent="inform",
        text="blah",
        active_loop="triage_form",
    )
    events = await ValidateTriageForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_triage_hint_pain_location"]
    assert events == [SlotSet(REASK_COUNT_SLOT, 1)]


async def test_not_sure_leads_to_an_explanation(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        slots={**ALL_NO, "has_night_pain": None, "requested_slot": "has_night_pain"},
        intent="unsure",
        text="not sure",
        active_loop="triage_form",
    )
    await ValidateTriageForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_triage_unsure"]


async def test_a_second_not_sure_counts_as_yes_to_be_safe(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        slots={
            **ALL_NO,
            "has_night_pain": None,
            "requested_slot": "has_night_pain",
            "triage_unsure_answers": ["has_night_pain"],
        },
        intent="unsure",
        text="still not sure",
        active_loop="triage_form",
    )
    events = await ValidateTriageForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_triage_unsure_counted"]
    assert events == [
        SlotSet("has_night_pain", True),
        SlotSet("requested_slot", None),  # every question answered
    ]


async def test_an_interrupting_question_is_left_to_the_rules(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        slots={"requested_slot": "has_fever"},
        intent="ask_what_to_avoid",
        active_loop="triage_form",
    )
    events = await ValidateTriageForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == []
    assert events == []


@pytest.mark.usefixtures("database_url")
async def test_self_care_outcome_advises_suggests_and_safety_nets(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    events = await ActionAssessTriage().run(dispatcher, make_tracker(ALL_NO), domain)
    assert responses(dispatcher) == [
        "utter_triage_self_care",
        "utter_exercises_intro",
        "utter_safety_net",
        "utter_startback_offer",  # after the outcome, never instead
    ]
    assert events[0] == SlotSet("triage_level", "self_care")
    shown = events[1]["value"]
    assert events[1]["name"] == "exercises_shown" and len(shown) >= 3
    assert "Stop if pain spreads" in dispatcher.messages[1]["exercises"]


@pytest.mark.usefixtures("database_url")
async def test_upper_back_alone_under_50_is_self_care_with_its_own_safety_net(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker({**ALL_NO, "pain_location": "upper_back", "age": 31})
    events = await ActionAssessTriage().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_triage_self_care",
        "utter_exercises_intro",
        "utter_safety_net",
        "utter_safety_net_upper_back",
        "utter_startback_offer",
    ]
    assert events[0] == SlotSet("triage_level", "self_care")


async def test_not_known_questions_are_named_and_pregnancy_gets_its_note(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        {
            **ALL_NO,
            "has_general_flag": None,
            "has_night_pain": None,
            "triage_not_known": ["has_general_flag", "has_night_pain"],
            "is_pregnant": True,
        }
    )
    await ActionAssessTriage().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_triage_soon",
        "utter_triage_not_known_note",
        "utter_pregnancy_note",
        "utter_offer_handoff",
    ]
    assert "pain at night or at rest" in dispatcher.messages[1]["unknown"]


async def test_soon_outcome_says_why_and_offers_a_clinician(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker({**ALL_NO, "has_night_pain": True})
    await ActionAssessTriage().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_triage_soon", "utter_offer_handoff"]
    assert "wakes you at night" in dispatcher.messages[0]["reasons"]


async def test_urgent_outcome_records_the_hand_off(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], database_url: str
) -> None:
    tracker = make_tracker({**ALL_NO, "has_fever": True}, sender_id="person-7")
    events = await ActionAssessTriage().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_triage_urgent", "utter_handoff_recorded"]
    with get_session_factory(database_url).begin() as session:
        case = session.scalars(select(HandoffCase)).one()
        assert (case.sender_id, case.urgency, case.reason) == (
            "person-7",
            "urgent",
            "red_flag",
        )
        assert case.fired_rule_ids == ["RF-INF-01"]
        assert case.ruleset_version and case.summary["answers"]["has_fever"] is True
    assert events == [
        SlotSet("triage_level", "urgent"),
        SlotSet("handoff_case_id", case.id),
    ]


async def test_asking_for_a_clinician_twice_keeps_one_open_case(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], database_url: str
) -> None:
    tracker = make_tracker({"pain_location": "neck"}, sender_id="person-8")
    await ActionRequestHandoff().run(dispatcher, tracker, domain)
    await ActionRequestHandoff().run(dispatcher, tracker, domain)
    with get_session_factory(database_url).begin() as session:
        cases = session.scalars(select(HandoffCase)).all()
        assert [(c.reason, c.urgency) for c in cases] == [("requested", "unknown")]


async def test_hand_off_failure_is_told_not_raised(
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from actions import context

    monkeypatch.setenv("BACKCHAT_DATABASE_URL", "sqlite:////nonexistent/dir/x.db")
    context.settings.cache_clear()
    monkeypatch.setattr("bot.db.Path.mkdir", lambda *a, **k: None)
    try:
        events = await ActionRequestHandoff().run(dispatcher, make_tracker(), domain)
    finally:
        context.settings.cache_clear()
    assert responses(dispatcher) == ["utter_handoff_failed"] and events == []


@pytest.mark.usefixtures("database_url")
@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        ({}, "utter_exercises_need_triage"),
        (
            {**ALL_NO, "has_weight_loss": True, "triage_level": "urgent"},
            "utter_exercises_withheld",
        ),
        (ALL_NO, "utter_exercises_intro"),
    ],
)
async def test_exercises_only_after_a_triage_with_no_red_flag(
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
    slots: dict[str, Any],
    expected: str,
) -> None:
    await ActionSuggestExercises().run(dispatcher, make_tracker(slots), domain)
    assert responses(dispatcher) == [expected]


@pytest.mark.usefixtures("database_url")
async def test_exercises_asked_before_the_outcome_of_a_red_flag_carry_on_triage(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # "6 weeks and isn't getting any better, what exercises?" as a first
    # message: there is no advice above yet to point to; the questions go on
    # and end with it.
    slots = {"pain_duration_days": 42, "is_improving": False}
    events = await ActionSuggestExercises().run(dispatcher, make_tracker(slots), domain)
    # Short: the form that follows says why and that the questions go on.
    assert responses(dispatcher) == ["utter_exercises_doctor_first"]
    assert events == [FollowupAction("triage_form")]


@pytest.mark.usefixtures("database_url")
async def test_exercises_asked_inside_the_form_let_the_form_ask_on(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    slots = {"pain_duration_days": 42, "is_improving": False}
    tracker = make_tracker(slots, active_loop="triage_form")
    events = await ActionSuggestExercises().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_exercises_after_outcome"] and events == []


async def test_a_weak_guess_at_chit_chat_is_an_unread_answer_and_two_move_on(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # "after yoga" scored greet 0.26: not an interruption, an answer not read.
    tracker = make_tracker(
        slots={"requested_slot": "pain_onset", "pain_location": "lower_back"},
        intent="greet",
        text="after yoga",
        active_loop="triage_form",
    )
    tracker.latest_message["intent"]["confidence"] = 0.26
    events = await ValidateTriageForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_triage_hint_pain_onset"]
    assert events == [
        SlotSet(REASK_COUNT_SLOT, 1),
        SlotSet("requested_slot", "pain_duration_days"),  # still unanswered
    ]
    again = make_tracker(
        slots={
            "requested_slot": "pain_onset",
            "pain_location": "lower_back",
            REASK_COUNT_SLOT: 1,
        },
        intent="inform",
        text="after yoga",
        active_loop="triage_form",
    )
    dispatcher.messages.clear()
    events = await ValidateTriageForm().run(dispatcher, again, domain)
    assert responses(dispatcher) == ["utter_triage_not_known"]
    assert events == [
        SlotSet(REASK_COUNT_SLOT, 0),
        SlotSet("triage_not_known", ["pain_onset"]),
        SlotSet("requested_slot", "pain_duration_days"),
    ]
    required = await ValidateTriageForm().required_slots(
        [], dispatcher, make_tracker(slots={"triage_not_known": ["pain_onset"]}), domain
    )
    assert "pain_onset" not in required
