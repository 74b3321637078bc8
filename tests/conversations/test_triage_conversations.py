"""Whole conversations over the REST channel against the real servers."""

from __future__ import annotations

import uuid

import pytest

from tests.conversations.stack import Stack

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


def test_benign_lower_back_reaches_self_care_with_safety_net(stack: Stack) -> None:
    who = sender()
    start_lower_back(stack, who)
    reply = converse(stack, who, BENIGN_SCREEN_ANSWERS)
    assert SAFETY_NET in reply and "short plan" in reply
    assert "Stop if pain spreads" in reply
    assert stack.slots(who)["triage_level"] == "self_care"
    assert stack.slots(who)["has_night_pain"] is False


def test_night_pain_reaches_see_a_doctor(stack: Stack) -> None:
    who = sender()
    start_lower_back(stack, who)
    reply = converse(
        stack,
        who,
        [
            ("none of these", Q_AGE),
            ("35", Q_LEG),
            ("no", Q_INJURY),
            ("no", Q_GENERAL),
            ("yes, it wakes me up most nights", Q_FEVER),
            ("no", Q_CANCER),
            ("no", Q_WEIGHT),
            ("no", Q_RISK),
            ("no", Q_STIFF),
            ("no", SOON),
        ],
    )
    assert "wakes you at night" in reply and "clinician" in reply
    assert SELF_CARE not in reply


def test_leg_pain_with_numbness_reaches_see_a_doctor(stack: Stack) -> None:
    who = sender()
    start_lower_back(stack, who)
    reply = converse(
        stack,
        who,
        [
            ("none of these", Q_AGE),
            ("35", Q_LEG),
            ("yes it goes down below my knee and my foot feels numb", Q_WEAKER),
            ("no", Q_INJURY),
            ("no", Q_GENERAL),
            ("no", Q_RISK),
            ("no", Q_STIFF),
            ("no", SOON),
        ],
    )
    assert "leg" in reply


def test_pain_after_an_injury_reaches_see_a_doctor(stack: Stack) -> None:
    who = sender()
    start_lower_back(stack, who)
    converse(
        stack,
        who,
        [
            ("none of these", Q_AGE),
            ("35", Q_LEG),
            ("no", Q_INJURY),
            ("yes", Q_SERIOUS),
            ("no, just a slip on the stairs at home", Q_GENERAL),
            ("no", Q_RISK),
            ("no", Q_STIFF),
            ("no", SOON),
        ],
    )


def test_cauda_equina_screen_reaches_emergency_and_stops(stack: Stack) -> None:
    who = sender()
    start_lower_back(stack, who)
    reply = stack.text(
        who, '/report_emergency_symptom{"red_flag":"has_bladder_bowel_change"}'
    )
    assert reply.lower().startswith("please call 999")
    assert "passed your answers to a clinician" in reply
    assert Q_LEG not in reply and "exercise" not in reply.lower()
    assert stack.slots(who)["has_bladder_bowel_change"] is True


def test_yes_to_the_grouped_screen_is_an_emergency(stack: Stack) -> None:
    who = sender()
    start_lower_back(stack, who)
    reply = stack.text(who, "yes")
    assert reply.lower().startswith("please call 999")


def test_red_flag_volunteered_mid_form_interrupts_it(stack: Stack) -> None:
    who = sender()
    converse(stack, who, [("my back hurts", Q_LOCATION), ("lower back", Q_DURATION)])
    reply = stack.text(who, "i wet myself this morning and didn't feel it")
    assert reply.lower().startswith("please call 999")
    assert Q_DURATION not in reply
    # The form is over: the next message is not taken as a duration answer.
    assert stack.slots(who)["requested_slot"] is None


def test_red_flag_before_the_form_starts_routes_at_once(stack: Stack) -> None:
    who = sender()
    reply = stack.text(who, "I can't control my bladder")
    assert reply.lower().startswith("please call 999")


def test_not_sure_gets_an_explanation_not_a_default(stack: Stack) -> None:
    who = sender()
    start_lower_back(stack, who)
    converse(
        stack,
        who,
        [("none of these", Q_AGE), ("35", Q_LEG), ("no", Q_INJURY), ("no", Q_GENERAL)],
    )
    reply = stack.text(who, "not sure")
    assert "safest to answer yes" in reply and Q_GENERAL in reply
    assert stack.slots(who)["has_general_flag"] is None


def test_buttons_carry_clean_json_payloads(stack: Stack) -> None:
    replies = stack.say(sender(), "my back hurts")
    payloads = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert '/inform{"body_location":"lower_back"}' in payloads


def test_unclear_answer_is_asked_again_with_an_example(stack: Stack) -> None:
    who = sender()
    converse(stack, who, [("my back hurts", Q_LOCATION)])
    reply = stack.text(who, "purple monkey dishwasher")
    assert Q_LOCATION in reply and "didn't catch" in reply


def test_question_mid_form_is_answered_then_the_form_goes_on(stack: Stack) -> None:
    who = sender()
    converse(stack, who, [("my back hurts", Q_LOCATION)])
    reply = stack.text(who, "what should i avoid?")
    assert "avoid" in reply.lower() and Q_LOCATION in reply


def test_asking_for_a_clinician_records_a_case(stack: Stack) -> None:
    who = sender()
    reply = stack.text(who, "I want to talk to a real person")
    assert "passed your answers to a clinician" in reply
    assert stack.slots(who)["handoff_case_id"] is not None


def test_one_message_answers_five_questions_and_only_the_rest_are_asked(
    stack: Stack,
) -> None:
    who = sender()
    reply = stack.text(
        who,
        "my lower back has hurt for about three weeks since I lifted a box, "
        "it doesn't wake me up but my left leg tingles",
    )
    assert "Got it: lower back, about 3 weeks, started with lifting" in reply
    assert "tingling going down your leg should be checked" in reply
    assert Q_SCREEN in reply
    for already_answered in (Q_LOCATION, Q_DURATION, Q_ONSET, Q_LEG):
        assert already_answered not in reply
    slots = stack.slots(who)
    assert (slots["has_night_pain"], slots["has_leg_symptoms"]) == (False, True)
    asked = [
        stack.text(who, answer)
        for answer in ("none of these", "35", "no", "no", "no", "no", "no")
    ]
    assert Q_AGE in asked[0] and Q_WEAKER in asked[1] and Q_INJURY in asked[2]
    assert not [reply for reply in asked if Q_NIGHT in reply]
    assert SOON in asked[-1]
