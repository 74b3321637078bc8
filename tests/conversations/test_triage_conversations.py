"""Whole conversations over the REST channel against the real servers.

Each turn states the exact responses the bot gives (their names in domain.yml,
in order): the dialogue's specification. ``converse`` and the ``Q_`` phrases
check the words instead, for the load and resilience tests.
"""

from __future__ import annotations

import uuid

import pytest

from tests.conversations.stack import Stack
from tests.conversations.turns import exchange

pytestmark = pytest.mark.stack

EMERGENCY = "call 999"
SOON = "see a doctor within the next few days"
URGENT = "see a doctor today"
SELF_CARE = "Good news"
SAFETY_NET = "Get help at once"

Q_LOCATION = "Where is the pain"
Q_DURATION = "How long have you had"
Q_ONSET = "How did it start"
Q_SCREEN = "have you noticed any of these"
Q_LEG = "spread down a leg"
Q_WEAKER = "getting weaker"
Q_INJURY = "after an injury"
Q_SERIOUS = "serious one"
Q_NIGHT = "wake you at night"
Q_FEVER = "fever"
Q_CANCER = "had cancer"
Q_WEIGHT = "lost weight"
Q_AGE = "How old are you"
Q_GENERAL = "Do any of these apply to you"
Q_RISK = "Does any of this apply to you"
Q_STIFF = "stiff in the morning"
Q_IMPROVING = "slowly getting better"


def sender() -> str:
    return f"test-{uuid.uuid4().hex[:10]}"


def converse(stack: Stack, who: str, script: list[tuple[str, str]]) -> str:
    """Send each message and check the reply contains the expected text."""
    reply = ""
    for message, expected in script:
        reply = stack.text(who, message)
        assert expected.lower() in reply.lower(), (
            f"after {message!r} expected {expected!r} in:\n{reply}"
        )
    return reply


def start_lower_back(stack: Stack, who: str) -> None:
    converse(
        stack,
        who,
        [
            ("hi", "not a clinician"),
            ("my lower back hurts", Q_DURATION),
            ("about 3 weeks", Q_ONSET),
            ('/inform{"onset":"gradual"}', Q_SCREEN),
        ],
    )


# After start_lower_back: "no" to every screening question, in people's words.
BENIGN_SCREEN_ANSWERS = [
    ("none of these", Q_AGE),
    ("35", Q_LEG),
    ("no", Q_INJURY),
    ("nope", Q_GENERAL),
    ("no, none of them", Q_RISK),
    ("no never", Q_STIFF),
    ("no", SELF_CARE),
]


# The same start, as the exact responses (start_lower_back, with names).
START_LOWER_BACK = [
    ("hi", ["utter_greet"]),
    ("my lower back hurts", ["utter_ask_pain_duration_days"]),
    ("about 3 weeks", ["utter_ask_pain_onset"]),
    ('/inform{"onset":"gradual"}', ["utter_ask_has_cauda_equina_symptom"]),
]
TO_THE_GENERAL_FLAGS = [
    ("none of these", ["utter_ask_age"]),
    ("35", ["utter_ask_has_leg_symptoms"]),
    ("no", ["utter_ask_is_after_injury"]),
    ("no", ["utter_ask_has_general_flag"]),
]
SOON_OUTCOME = ["utter_triage_soon", "utter_offer_handoff"]
SELF_CARE_OUTCOME = [
    "utter_triage_self_care",
    "utter_exercises_intro",
    "utter_safety_net",
    "utter_startback_offer",
]
EMERGENCY_OUTCOME = ["utter_triage_emergency", "utter_handoff_recorded"]


def test_benign_lower_back_reaches_self_care_with_safety_net(stack: Stack) -> None:
    who = sender()
    reply = exchange(
        stack,
        who,
        [
            *START_LOWER_BACK,
            ("none of these", ["utter_ask_age"]),
            ("35", ["utter_ask_has_leg_symptoms"]),
            ("no", ["utter_ask_is_after_injury"]),
            ("nope", ["utter_ask_has_general_flag"]),
            ("no, none of them", ["utter_ask_has_risk_factor"]),
            ("no never", ["utter_ask_has_morning_stiffness"]),
            ("no", SELF_CARE_OUTCOME),
        ],
    )
    assert "Stop if pain spreads" in reply  # the plan's own safety line
    assert stack.slots(who)["triage_level"] == "self_care"
    assert stack.slots(who)["has_night_pain"] is False


def test_night_pain_reaches_see_a_doctor(stack: Stack) -> None:
    who = sender()
    reply = exchange(
        stack,
        who,
        [
            *START_LOWER_BACK,
            *TO_THE_GENERAL_FLAGS,
            (
                "yes, it wakes me up most nights",
                ["utter_triage_flag_noted", "utter_ask_has_fever"],
            ),
            ("no", ["utter_ask_has_cancer_history"]),
            ("no", ["utter_ask_has_weight_loss"]),
            ("no", ["utter_ask_has_risk_factor"]),
            ("no", ["utter_ask_has_morning_stiffness"]),
            ("no", SOON_OUTCOME),
        ],
    )
    assert "wakes you at night" in reply  # the reason, from the fired rule


def test_leg_pain_with_numbness_reaches_see_a_doctor(stack: Stack) -> None:
    who = sender()
    reply = exchange(
        stack,
        who,
        [
            *START_LOWER_BACK,
            ("none of these", ["utter_ask_age"]),
            ("35", ["utter_ask_has_leg_symptoms"]),
            (
                "yes it goes down below my knee and my foot feels numb",
                ["utter_triage_flag_noted", "utter_ask_has_leg_weakness"],
            ),
            ("no", ["utter_ask_is_after_injury"]),
            ("no", ["utter_ask_has_general_flag"]),
            ("no", ["utter_ask_has_risk_factor"]),
            ("no", ["utter_ask_has_morning_stiffness"]),
            ("no", SOON_OUTCOME),
        ],
    )
    assert "going down your leg" in reply


def test_pain_after_an_injury_reaches_see_a_doctor(stack: Stack) -> None:
    exchange(
        stack,
        sender(),
        [
            *START_LOWER_BACK,
            ("none of these", ["utter_ask_age"]),
            ("35", ["utter_ask_has_leg_symptoms"]),
            ("no", ["utter_ask_is_after_injury"]),
            ("yes", ["utter_triage_flag_noted", "utter_ask_is_major_trauma"]),
            (
                "no, just a slip on the stairs at home",
                ["utter_ask_has_general_flag"],
            ),
            ("no", ["utter_ask_has_risk_factor"]),
            ("no", ["utter_ask_has_morning_stiffness"]),
            ("no", SOON_OUTCOME),
        ],
    )


def test_cauda_equina_screen_reaches_emergency_and_stops(stack: Stack) -> None:
    who = sender()
    exchange(
        stack,
        who,
        [
            *START_LOWER_BACK,
            (
                '/report_emergency_symptom{"red_flag":"has_bladder_bowel_change"}',
                EMERGENCY_OUTCOME,
            ),
        ],
    )
    assert stack.slots(who)["has_bladder_bowel_change"] is True


def test_yes_to_the_grouped_screen_is_an_emergency(stack: Stack) -> None:
    exchange(stack, sender(), [*START_LOWER_BACK, ("yes", EMERGENCY_OUTCOME)])


def test_red_flag_volunteered_mid_form_interrupts_it(stack: Stack) -> None:
    who = sender()
    exchange(
        stack,
        who,
        [
            ("my back hurts", ["utter_ask_pain_location"]),
            ("lower back", ["utter_ask_pain_duration_days"]),
            ("i wet myself this morning and didn't feel it", EMERGENCY_OUTCOME),
        ],
    )
    # The form is over: the next message is not taken as a duration answer.
    assert stack.slots(who)["requested_slot"] is None


def test_red_flag_before_the_form_starts_routes_at_once(stack: Stack) -> None:
    exchange(stack, sender(), [("I can't control my bladder", EMERGENCY_OUTCOME)])


def test_not_sure_gets_an_explanation_not_a_default(stack: Stack) -> None:
    who = sender()
    exchange(
        stack,
        who,
        [
            *START_LOWER_BACK,
            *TO_THE_GENERAL_FLAGS,
            ("not sure", ["utter_triage_unsure", "utter_ask_has_general_flag"]),
        ],
    )
    assert stack.slots(who)["has_general_flag"] is None


def test_buttons_carry_clean_json_payloads(stack: Stack) -> None:
    replies = stack.say(sender(), "my back hurts")
    payloads = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert payloads == [
        '/inform{"body_location":"lower_back"}',
        '/inform{"body_location":"upper_back"}',
        '/inform{"body_location":"neck"}',
        '/inform{"body_location":"buttock_leg"}',
    ]


def test_unclear_answer_is_asked_again_with_an_example(stack: Stack) -> None:
    exchange(
        stack,
        sender(),
        [
            ("my back hurts", ["utter_ask_pain_location"]),
            (
                "purple monkey dishwasher",
                ["utter_triage_hint_pain_location", "utter_ask_pain_location"],
            ),
        ],
    )


def test_an_answer_to_another_question_is_said_back_before_asking_again(
    stack: Stack,
) -> None:
    """ "after sleeping funny" to "how long?" tells how it started: the bot says
    so, asks how long again, and never asks how it started."""
    exchange(
        stack,
        sender(),
        [
            ("my lower back hurts", ["utter_ask_pain_duration_days"]),
            (
                "after sleeping funny",
                ["utter_triage_understood", "utter_ask_pain_duration_days"],
            ),
            ("4 days", ["utter_ask_has_cauda_equina_symptom"]),
        ],
    )


def test_a_lesser_flag_told_in_doubt_is_the_first_question(stack: Stack) -> None:
    """ "maybe a bit of a temperature" re-opens that question directly, before
    when and how long; a yes records it (urgent), and the form then asks what
    it still needs."""
    exchange(
        stack,
        sender(),
        [
            (
                "maybe a bit of a temperature, and my lower back hurts",
                ["utter_ask_has_fever"],
            ),
            ("yes", ["utter_triage_flag_noted", "utter_ask_pain_duration_days"]),
        ],
    )


def test_question_mid_form_is_answered_then_the_form_goes_on(stack: Stack) -> None:
    exchange(
        stack,
        sender(),
        [
            ("my back hurts", ["utter_ask_pain_location"]),
            (
                "what should i avoid?",
                ["utter_avoid_general", "utter_ask_pain_location"],
            ),
        ],
    )


def test_asking_for_a_clinician_records_a_case(stack: Stack) -> None:
    who = sender()
    exchange(
        stack, who, [("I want to talk to a real person", ["utter_handoff_recorded"])]
    )
    assert stack.slots(who)["handoff_case_id"] is not None


def test_one_message_answers_five_questions_and_only_the_rest_are_asked(
    stack: Stack,
) -> None:
    who = sender()
    reply = exchange(
        stack,
        who,
        [
            (
                "my lower back has hurt for about three weeks since I lifted a box, "
                "it doesn't wake me up but my left leg tingles",
                [
                    "utter_triage_understood",
                    "utter_triage_flag_noted",
                    "utter_ask_has_cauda_equina_symptom",
                ],
            )
        ],
    )
    assert "Got it: lower back, about 3 weeks, started with lifting" in reply
    assert "tingling going down your leg should be checked" in reply
    slots = stack.slots(who)
    assert (slots["has_night_pain"], slots["has_leg_symptoms"]) == (False, True)
    # Neither the night nor the leg question again: only the rest are asked.
    exchange(
        stack,
        who,
        [
            ("none of these", ["utter_ask_age"]),
            ("35", ["utter_ask_has_leg_weakness"]),
            ("no", ["utter_ask_is_after_injury"]),
            ("no", ["utter_ask_has_general_flag"]),
            ("no", ["utter_ask_has_risk_factor"]),
            ("no", ["utter_ask_has_morning_stiffness"]),
            ("no", SOON_OUTCOME),
        ],
    )
