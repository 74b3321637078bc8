"""Field-safety conversations over REST against the real servers: what the
person reads, in order (the exact responses, by name), for the paths the hazard
log names."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import select

from bot.db import get_session_factory
from bot.handoff.models import HandoffCase
from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import (
    EMERGENCY_OUTCOME,
    SOON_OUTCOME,
    sender,
)
from tests.conversations.turns import actions_of_last_turn, exchange

pytestmark = pytest.mark.stack


def case_for(stack: Stack, who: str) -> HandoffCase:
    database = stack.env["BACKCHAT_DATABASE_URL"]
    with get_session_factory(database)() as session:
        return session.scalars(
            select(HandoffCase).where(HandoffCase.sender_id == who)
        ).one()


def test_a_classifier_guess_is_a_question_not_999(stack: Stack) -> None:
    who = sender()
    # The emergency intent with no symptom named: what a classifier guess is.
    exchange(
        stack,
        who,
        [
            ("/report_emergency_symptom", ["utter_confirm_emergency"]),
            ("none of these", ["utter_ask_pain_location"]),  # triage goes on
        ],
    )
    assert stack.slots(who)["has_cauda_equina_symptom"] is False


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("it started when I was digging", ["utter_ask_pain_location"]),
        ("it started when I was gardening", ["utter_ask_pain_location"]),
        (
            "I was digging in the garden and my lower back went",
            ["utter_triage_understood", "utter_ask_pain_duration_days"],
        ),
    ],
)
def test_ordinary_onsets_never_get_999(
    stack: Stack, message: str, expected: list[str]
) -> None:
    exchange(stack, sender(), [(message, expected)])


def test_a_hedged_disclosure_gets_a_confirming_question_and_not_sure_is_yes(
    stack: Stack,
) -> None:
    who = sender()
    exchange(
        stack,
        who,
        [
            (
                "lower back pain for a week, and maybe I wet myself?",
                ["utter_confirm_emergency"],
            ),
            ("not sure", EMERGENCY_OUTCOME),
        ],
    )
    assert case_for(stack, who).urgency == "emergency"


def test_a_person_in_crisis_hears_the_crisis_lines_before_any_question(
    stack: Stack,
) -> None:
    who = sender()
    reply = exchange(
        stack,
        who,
        [("my back has hurt for years and I want to kill myself", ["utter_crisis"])],
    )
    assert "116 123" in reply
    exchange(stack, who, [("yes", ["utter_ask_pain_location"])])  # the back pain


def test_a_veiled_crisis_follows_the_emergency_advice_and_a_yes_gets_the_lines(
    stack: Stack,
) -> None:
    who = sender()
    exchange(
        stack,
        who,
        [
            (
                "since yesterday I can't feel when I wipe and I can't go on like this",
                [*EMERGENCY_OUTCOME, "utter_crisis_check"],
            ),
            ("yes", ["utter_crisis", "utter_emergency_stays"]),
        ],
    )
    assert case_for(stack, who).urgency == "emergency"


def test_crushing_chest_pain_with_back_pain_is_an_emergency_with_its_reason(
    stack: Stack,
) -> None:
    who = sender()
    reply = exchange(
        stack,
        who,
        [
            (
                "crushing chest pain going through to my back and I'm all sweaty",
                EMERGENCY_OUTCOME,
            )
        ],
    )
    assert "heart" in reply and "Don't drive yourself" in reply
    assert case_for(stack, who).urgency == "emergency"


def test_after_emergency_advice_the_emergency_stays_the_message(stack: Stack) -> None:
    stays = ["utter_emergency_stays"]  # no exercises, no advice on what to avoid
    exchange(
        stack,
        sender(),
        [
            ("I can't control my bladder", EMERGENCY_OUTCOME),
            ("I am scared. do I really need to go? it is 2am", stays),
            ("no", stays),
            ("what exercises can I do?", stays),
            ("what should I avoid?", stays),
        ],
    )


def test_a_typed_yes_to_the_clinician_offer_creates_a_case(stack: Stack) -> None:
    who = sender()
    exchange(
        stack,
        who,
        [
            (
                "I'm 35, lower back pain for 3 weeks, came on slowly",
                ["utter_triage_understood", "utter_ask_has_cauda_equina_symptom"],
            ),
            ("none of these", ["utter_ask_has_leg_symptoms"]),
            # Night pain: a "see a doctor soon" outcome, which offers the hand-off.
            (
                "yes it wakes me every night",
                ["utter_triage_flag_noted", "utter_ask_has_leg_weakness"],
            ),
            ("no", ["utter_ask_is_after_injury"]),
            ("no", ["utter_ask_has_fever"]),
            ("no", ["utter_ask_has_cancer_history"]),
            ("no", ["utter_ask_has_weight_loss"]),
            ("no", ["utter_ask_has_risk_factor"]),
            ("no", ["utter_ask_has_morning_stiffness"]),
            ("no", SOON_OUTCOME),
            ("yes please", ["utter_handoff_recorded"]),
        ],
    )
    assert case_for(stack, who).urgency == "soon"


def test_an_onset_the_bot_cannot_read_is_noted_as_not_known_and_triage_goes_on(
    stack: Stack,
) -> None:
    who = sender()
    exchange(
        stack,
        who,
        [
            ("lower back pain", ["utter_ask_pain_duration_days"]),
            ("about 3 weeks", ["utter_ask_pain_onset"]),
            (
                "after the thing at the place",
                ["utter_triage_hint_pain_onset", "utter_ask_pain_onset"],
            ),
            (
                "hard to explain really",
                ["utter_triage_not_known", "utter_ask_has_cauda_equina_symptom"],
            ),
        ],
    )
    assert stack.slots(who)["triage_not_known"] == ["pain_onset"]


def test_leaving_mid_form_after_a_flag_gives_the_outcome_first(stack: Stack) -> None:
    exchange(
        stack,
        sender(),
        [
            (
                "I'm 40, lower back for 2 weeks, it came on slowly",
                ["utter_triage_understood", "utter_ask_has_cauda_equina_symptom"],
            ),
            ("none of these", ["utter_ask_has_leg_symptoms"]),
            (
                "it wakes me up at night",
                ["utter_triage_flag_noted", "utter_ask_has_leg_symptoms"],
            ),
            ("bye", [*SOON_OUTCOME, "utter_goodbye"]),
        ],
    )


def test_68_year_old_on_prednisolone_is_seen_the_same_day(stack: Stack) -> None:
    # Long-term steroids weaken bones (a fracture check within days) and the
    # immune system (the spinal infection row: a same-day check, RF-INF-02);
    # the more urgent wins and the case goes to a clinician.
    who = sender()
    reply = exchange(
        stack,
        who,
        [
            (
                "I'm 68 and my lower back went yesterday when I lifted the shopping. "
                "I've been on prednisolone for years.",
                [
                    "utter_triage_understood",
                    "utter_triage_flag_noted",
                    "utter_ask_has_cauda_equina_symptom",
                ],
            ),
            ("no", ["utter_ask_has_leg_symptoms"]),
            ("no", ["utter_ask_is_after_injury"]),
            ("no", ["utter_ask_has_general_flag"]),
            ("no", ["utter_ask_has_severe_pain"]),
            ("no", ["utter_triage_urgent", "utter_handoff_recorded"]),
        ],
    )
    assert "today for an infection" in reply


def test_while_a_clinician_holds_the_case_an_emergency_still_gets_advice(
    stack: Stack,
) -> None:
    who = sender()
    exchange(
        stack, who, [("I want to talk to a real person", ["utter_handoff_recorded"])]
    )
    paused = requests.post(
        f"{stack.url}/conversations/{who}/tracker/events",
        json={"event": "pause"},
        params={"token": stack.token},
        timeout=10,
    )
    paused.raise_for_status()
    exchange(
        stack,
        who,
        [
            ("hello? anyone there?", []),  # an ordinary message waits...
            (
                "I've wet myself and can't feel it down below",  # ...an emergency not
                [
                    "utter_triage_emergency",
                    "utter_clinician_has_message",
                    "utter_handoff_recorded",
                ],
            ),
        ],
    )
    assert case_for(stack, who).urgency == "emergency"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        pytest.param(
            ["I can't feel the toilet paper when I wipe"],
            ["utter_triage_emergency", "action_request_handoff", "action_listen"],
            id="emergency from the first message",
        ),
        pytest.param(
            ["/report_emergency_symptom"],
            ["utter_confirm_emergency", "action_listen"],
            id="classifier guess: the confirming question",
        ),
        pytest.param(
            ["/report_emergency_symptom", "/unsure"],
            ["utter_triage_emergency", "action_request_handoff", "action_listen"],
            id="not sure to the confirming question",
        ),
        pytest.param(
            ["I can't feel the toilet paper when I wipe", "do I really need to go?"],
            ["utter_emergency_stays", "action_listen"],
            id="after emergency advice",
        ),
        pytest.param(
            ["lower back", "I want to end my life"],
            ["utter_crisis", "action_deactivate_loop", "action_listen"],
            id="crisis mid-form",
        ),
        pytest.param(
            ["I want to end it all"],
            ["utter_crisis", "action_listen"],
            id="crisis first message",
        ),
    ],
)
def test_exact_actions_of_the_safety_paths(
    stack: Stack, script: list[str], expected: list[str]
) -> None:
    who = sender()
    for message in script:
        stack.text(who, message)
    assert actions_of_last_turn(stack, who) == expected


def test_not_sure_twice_to_the_screen_is_an_emergency_that_says_why(
    stack: Stack,
) -> None:
    reply = exchange(
        stack,
        sender(),
        [
            (
                "I'm 40, lower back pain for 2 weeks, came on slowly",
                ["utter_triage_understood", "utter_ask_has_cauda_equina_symptom"],
            ),
            ("not sure", ["utter_triage_unsure", "utter_ask_has_cauda_equina_symptom"]),
            ("not sure", ["utter_triage_unsure_counted", *EMERGENCY_OUTCOME]),
        ],
    )
    assert "Why: None" not in reply and "within hours" in reply  # the reason


@pytest.mark.parametrize(
    ("answer", "then"),
    [
        # The emergency the screen heard in the first message is asked next.
        ("no, nothing like that, just a slip", ["utter_confirm_emergency"]),
        ("yes, I fell about 3 metres", EMERGENCY_OUTCOME),
        ("not sure", EMERGENCY_OUTCOME),
    ],
)
def test_an_injury_of_unknown_force_is_asked_about_first(
    stack: Stack, answer: str, then: list[str]
) -> None:
    who = sender()
    exchange(
        stack,
        who,
        [
            (
                "I fell down the cellar hatch at work, back is killing me",
                ["utter_confirm_trauma"],
            ),
            (answer, then),
        ],
    )
    assert stack.slots(who)["is_major_trauma"] is (then == EMERGENCY_OUTCOME)


def test_after_the_force_of_an_injury_the_emergency_heard_is_asked_about(
    stack: Stack,
) -> None:
    """The screen hears an emergency in "I fell down the cellar hatch": the
    force is asked first, the emergency symptoms next, then the form goes on
    with the injury noted (still worth a doctor's check)."""
    exchange(
        stack,
        sender(),
        [
            (
                "I fell down the cellar hatch at work, back is killing me",
                ["utter_confirm_trauma"],
            ),
            ("no, nothing like that, just a slip", ["utter_confirm_emergency"]),
            (
                "none of these",
                ["utter_triage_flag_noted", "utter_ask_pain_location"],
            ),
        ],
    )
