"""STarT Back, stratified advice and follow-up over REST against the real servers:
the response names the person gets, turn by turn, in order."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from bot.db import get_session_factory
from bot.followup.models import FollowUpEpisode
from tests.conversations.stack import Stack
from tests.conversations.test_safety_conversations import case_for
from tests.conversations.test_triage_conversations import sender
from tests.conversations.turns import said

pytestmark = pytest.mark.stack

STORY = "I'm 40 and my lower back has hurt for about a week, it came on slowly"
OFFER = "utter_startback_offer"
CONSENT = "utter_follow_up_consent"
ITEMS = [
    "utter_ask_startback_leg_pain",
    "utter_ask_startback_shoulder_neck_pain",
    "utter_ask_startback_walking",
    "utter_ask_startback_dressing",
    "utter_ask_startback_not_safe_active",
    "utter_ask_startback_worrying_thoughts",
    "utter_ask_startback_never_better",
    "utter_ask_startback_not_enjoying",
    "utter_ask_startback_bothersome",
]


def reach_self_care(stack: Stack, who: str) -> list[str]:
    """Tell the story, answer "no" to every safety question; the outcome turn."""
    replies = said(stack, who, STORY)
    for _ in range(12):
        if "utter_triage_self_care" in replies:
            return replies
        replies = said(stack, who, "no")
    raise AssertionError(f"no self-care outcome: {replies}")


def answer_items(stack: Stack, who: str, answers: list[str]) -> list[list[str]]:
    return [said(stack, who, answer) for answer in answers]


def test_the_offer_comes_after_the_outcome_never_instead(stack: Stack) -> None:
    who = sender()
    replies = reach_self_care(stack, who)
    assert replies == [
        "utter_triage_self_care",
        "utter_exercises_intro",
        "utter_safety_net",
        OFFER,
    ]
    assert stack.tracker(who)["slots"]["triage_level"] == "self_care"


def test_low_risk_in_own_words_reaches_low_risk_advice(stack: Stack) -> None:
    who = sender()
    reach_self_care(stack, who)
    assert said(stack, who, "yes") == [ITEMS[0]]
    turns = answer_items(
        stack,
        who,
        ["not really", "a bit", "no", "nope", "no", "not really", "no", "no", "a bit"],
    )
    assert turns[:8] == [[item] for item in ITEMS[1:]]
    assert turns[8] == ["utter_startback_result", "utter_startback_low", CONSENT]
    result = stack.tracker(who)["slots"]["startback_result"]
    assert (result["total"], result["psychosocial"], result["risk"]) == (1, 0, "low")


def test_medium_risk_with_buttons_reaches_physiotherapy_advice(stack: Stack) -> None:
    who = sender()
    reach_self_care(stack, who)
    assert said(stack, who, "/start_questionnaire") == [ITEMS[0]]
    agree, disagree = '/inform{"choice":"agree"}', '/inform{"choice":"disagree"}'
    turns = answer_items(
        stack,
        who,
        [agree] * 4 + [disagree] * 4 + ['/inform{"choice":"moderately"}'],
    )
    assert turns[8] == ["utter_startback_result", "utter_startback_medium", CONSENT]
    assert stack.tracker(who)["slots"]["startback_result"]["risk"] == "medium"


def high_risk(stack: Stack, who: str) -> list[str]:
    reach_self_care(stack, who)
    said(stack, who, "yes")
    turns = answer_items(
        stack,
        who,
        ["yes", "no", "yeah", "no", "yes", "very much so", "yes", "yeah", "extremely"],
    )
    return turns[-1]


def test_high_risk_reaches_support_advice_with_a_clinician_option(
    stack: Stack,
) -> None:
    who = sender()
    assert high_risk(stack, who) == [
        "utter_startback_result",
        "utter_startback_high",
        CONSENT,
    ]
    # The hand-off is a button on the advice: the case carries the STarT result.
    assert said(stack, who, "/request_clinician") == ["utter_handoff_recorded"]
    answers = case_for(stack, who).summary["answers"]
    assert answers["STarT Back"].startswith("STarT Back high risk (total 7 of 9")


def test_skip_at_the_offer_keeps_the_plan(stack: Stack) -> None:
    who = sender()
    reach_self_care(stack, who)
    assert said(stack, who, "no") == ["utter_startback_skipped", CONSENT]
    assert said(stack, who, "no thanks") == ["utter_follow_up_not_remembered"]


def test_stop_half_way_and_resume_later(stack: Stack) -> None:
    who = sender()
    reach_self_care(stack, who)
    said(stack, who, "yes")
    assert said(stack, who, "yeah") == [ITEMS[1]]
    assert said(stack, who, "stop") == ["utter_startback_paused"]
    assert said(stack, who, "what exercises can I do?")[0] == "utter_exercises_intro"
    assert said(stack, who, "carry on with the questionnaire") == [ITEMS[1]]
    assert stack.tracker(who)["slots"]["startback_leg_pain"] == "agree"


def test_a_red_flag_interrupts_the_questionnaire(stack: Stack) -> None:
    who = sender()
    reach_self_care(stack, who)
    said(stack, who, "yes")
    said(stack, who, "no")
    assert said(stack, who, "I've suddenly lost control of my bladder") == [
        "utter_triage_emergency",
        "utter_handoff_recorded",
    ]
    state = stack.tracker(who)
    assert state["active_loop"] in ({}, None) or not state["active_loop"].get("name")
    assert case_for(stack, who).urgency == "emergency"
    assert said(stack, who, "agree")[0] == "utter_emergency_stays"


def backdate(stack: Stack, who: str, days: int) -> None:
    url = stack.env["BACKCHAT_DATABASE_URL"]
    when = datetime.now(timezone.utc) - timedelta(days=days)
    with get_session_factory(url).begin() as session:
        session.execute(
            update(FollowUpEpisode)
            .where(FollowUpEpisode.sender_id == who)
            .values(created_at=when)
        )


def test_a_returning_person_who_is_worse_is_sent_to_a_doctor(stack: Stack) -> None:
    who = sender()
    high_risk(stack, who)
    assert said(stack, who, "yes") == ["utter_follow_up_remembered"]
    backdate(stack, who, 10)
    said(stack, who, "/session_start")
    assert said(stack, who, "hi") == [
        "utter_greet",
        "utter_follow_up_welcome",
        "utter_ask_follow_up_change",
    ]
    assert said(stack, who, "worse") == ["utter_ask_follow_up_pain_score"]
    assert said(stack, who, "7") == [
        "utter_follow_up_rescreen",
        "utter_ask_has_cauda_equina_symptom",
    ]
    assert said(stack, who, "none of these") == ["utter_ask_has_leg_symptoms"]
    assert said(stack, who, "no") == ["utter_ask_has_general_flag"]
    assert said(stack, who, "none of these") == [
        "utter_follow_up_worse",
        "utter_follow_up_trend",
        "utter_offer_handoff",
    ]
    trend = stack.tracker(who)["slots"]["follow_up_trend"]
    assert "first visit; STarT Back high risk" in trend
    assert trend.splitlines()[-1].endswith(": worse, pain 7/10")
    assert said(stack, who, "yes") == ["utter_handoff_recorded"]
    case = case_for(stack, who)
    assert (case.urgency, case.reason) == ("soon", "follow_up")
    answers = case.summary["answers"]
    assert answers["follow-up trend"] == trend
    assert answers["STarT Back"].startswith("STarT Back high risk")
    with get_session_factory(stack.env["BACKCHAT_DATABASE_URL"])() as session:
        episode = session.scalars(
            select(FollowUpEpisode).where(FollowUpEpisode.sender_id == who)
        ).one()
        assert [(c.change, c.pain_score, c.verdict) for c in episode.check_ins] == [
            ("worse", 7, "worse")
        ]


def test_a_red_flag_at_follow_up_routes_before_the_trend(stack: Stack) -> None:
    who = sender()
    reach_self_care(stack, who)
    said(stack, who, "no")  # skip the questionnaire
    assert said(stack, who, "yes") == ["utter_follow_up_remembered"]
    said(stack, who, "/session_start")
    said(stack, who, "hi")
    said(stack, who, "better")
    said(stack, who, "2")
    assert said(
        stack, who, '/report_emergency_symptom{"red_flag":"has_saddle_numbness"}'
    ) == [
        "utter_triage_emergency",
        "utter_handoff_recorded",
    ]
