"""Field-safety conversations over REST against the real servers: what the
person reads, in order, for the paths the hazard log names."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import select

from bot.db import get_session_factory
from bot.handoff.models import HandoffCase
from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import (
    EMERGENCY,
    Q_DURATION,
    Q_ONSET,
    Q_SCREEN,
    SOON,
    sender,
)

pytestmark = pytest.mark.stack

CONFIRM = "Just to check"
CRISIS = "I'm really glad you told me"
STAYS = "Yes, please go now"
NOT_KNOWN = "note that as not known"
OUTCOMES = ("call 999", "see a doctor today", "see a doctor within", "Good news")


def answer_no_until_an_outcome(stack: Stack, who: str, limit: int = 15) -> str:
    """Answer "no" to each question until an outcome; return every reply."""
    transcript = []
    for _ in range(limit):
        reply = stack.text(who, "no")
        transcript.append(reply)
        if any(outcome.lower() in reply.lower() for outcome in OUTCOMES):
            return "\n".join(transcript)
    raise AssertionError("no outcome:\n" + "\n---\n".join(transcript))


def case_for(stack: Stack, who: str) -> HandoffCase:
    database = stack.env["BACKCHAT_DATABASE_URL"]
    with get_session_factory(database)() as session:
        return session.scalars(
            select(HandoffCase).where(HandoffCase.sender_id == who)
        ).one()


def test_a_classifier_guess_is_a_question_not_999(stack: Stack) -> None:
    who = sender()
    # The emergency intent with no symptom named: what a classifier guess is.
    reply = stack.text(who, "/report_emergency_symptom")
    assert reply.startswith(CONFIRM) and EMERGENCY not in reply.lower()
    reply = stack.text(who, "none of these")
    assert EMERGENCY not in reply.lower() and "?" in reply  # triage goes on
    assert stack.slots(who)["has_cauda_equina_symptom"] is False


def test_ordinary_onsets_never_get_999(stack: Stack) -> None:
    for message in (
        "it started when I was digging",
        "it started when I was gardening",
        "I was digging in the garden and my lower back went",
    ):
        reply = stack.text(sender(), message)
        assert EMERGENCY not in reply.lower(), (message, reply)


def test_a_hedged_disclosure_gets_a_confirming_question_and_not_sure_is_yes(
    stack: Stack,
) -> None:
    who = sender()
    reply = stack.text(who, "lower back pain for a week, and maybe I wet myself?")
    assert reply.startswith(CONFIRM), reply
    reply = stack.text(who, "not sure")
    assert reply.lower().startswith("please call 999"), reply
    assert case_for(stack, who).urgency == "emergency"


def test_a_person_in_crisis_hears_the_crisis_lines_before_any_question(
    stack: Stack,
) -> None:
    who = sender()
    reply = stack.text(who, "my back has hurt for years and I want to kill myself")
    assert reply.startswith(CRISIS) and "116 123" in reply
    assert "Where is the pain" not in reply and Q_DURATION not in reply
    reply = stack.text(who, "yes")  # carry on with the back pain
    assert "?" in reply and CRISIS not in reply


def test_crushing_chest_pain_with_back_pain_is_an_emergency_with_its_reason(
    stack: Stack,
) -> None:
    who = sender()
    reply = stack.text(
        who, "crushing chest pain going through to my back and I'm all sweaty"
    )
    assert reply.lower().startswith("please call 999")
    assert "heart" in reply and "Don't drive yourself" in reply
    assert case_for(stack, who).urgency == "emergency"


def test_after_emergency_advice_the_emergency_stays_the_message(stack: Stack) -> None:
    who = sender()
    assert (
        stack.text(who, "I can't control my bladder")
        .lower()
        .startswith("please call 999")
    )
    for message in (
        "I am scared. do I really need to go? it is 2am",
        "no",
        "what exercises can I do?",
        "what should I avoid?",
    ):
        reply = stack.text(who, message)
        assert reply.startswith(STAYS), (message, reply)
        assert "exercise" not in reply.lower() and "avoid" not in reply.lower()


def test_a_typed_yes_to_the_clinician_offer_creates_a_case(stack: Stack) -> None:
    who = sender()
    stack.text(who, "I'm 35, lower back pain for 3 weeks, came on slowly")
    stack.text(who, "none of these")
    # Night pain: a "see a doctor soon" outcome, which offers the hand-off.
    stack.text(who, "yes it wakes me every night")
    transcript = answer_no_until_an_outcome(stack, who)
    assert SOON in transcript and "pass your answers to a clinician" in transcript
    reply = stack.text(who, "yes please")
    assert "passed your answers to a clinician" in reply
    assert case_for(stack, who).urgency == "soon"


def test_an_onset_the_bot_cannot_read_is_noted_as_not_known_and_triage_goes_on(
    stack: Stack,
) -> None:
    who = sender()
    stack.text(who, "lower back pain")
    assert Q_ONSET in stack.text(who, "about 3 weeks")
    first = stack.text(who, "after the thing at the place")
    assert "didn't catch how it started" in first
    second = stack.text(who, "hard to explain really")
    assert NOT_KNOWN in second and Q_SCREEN in second
    assert "pain_onset" in stack.slots(who)["triage_not_known"]


def test_leaving_mid_form_after_a_flag_gives_the_outcome_first(stack: Stack) -> None:
    who = sender()
    stack.text(who, "I'm 40, lower back for 2 weeks, it came on slowly")
    stack.text(who, "none of these")
    stack.text(who, "it wakes me up at night")
    reply = stack.text(who, "bye")
    assert SOON in reply and reply.index(SOON) < reply.index("Take care")


def test_68_year_old_on_prednisolone_is_sent_to_a_doctor(stack: Stack) -> None:
    who = sender()
    stack.text(
        who,
        "I'm 68 and my lower back went yesterday when I lifted the shopping. "
        "I've been on prednisolone for years.",
    )
    transcript = answer_no_until_an_outcome(stack, who)
    assert SOON in transcript and "Good news" not in transcript
    assert "weaker bones" in transcript


def test_while_a_clinician_holds_the_case_an_emergency_still_gets_advice(
    stack: Stack,
) -> None:
    who = sender()
    stack.text(who, "I want to talk to a real person")
    paused = requests.post(
        f"{stack.url}/conversations/{who}/tracker/events",
        json={"event": "pause"},
        params={"token": stack.token},
        timeout=10,
    )
    paused.raise_for_status()
    # An ordinary message waits for the clinician...
    assert stack.text(who, "hello? anyone there?") == ""
    # ...an emergency does not.
    reply = stack.text(who, "I've wet myself and can't feel it down below")
    assert reply.lower().startswith("please call 999")
    assert "clinician looking after your case has your message" in reply
    assert case_for(stack, who).urgency == "emergency"


def actions_of_last_turn(stack: Stack, who: str) -> list[str]:
    """The actions Rasa ran after the latest user message, in order."""
    events = requests.get(
        f"{stack.url}/conversations/{who}/tracker",
        params={"token": stack.token},
        timeout=10,
    ).json()["events"]
    last_user = max(i for i, e in enumerate(events) if e["event"] == "user")
    return [e["name"] for e in events[last_user:] if e["event"] == "action"]


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
    who = sender()
    stack.text(who, "I'm 40, lower back pain for 2 weeks, came on slowly")
    assert "safest to answer yes" in stack.text(who, "not sure")
    reply = stack.text(who, "not sure")
    assert "count that as a yes" in reply and "Please call 999" in reply
    assert "Why: None" not in reply and "within hours" in reply
