"""The STarT Back form and its result: free text, buttons, stop, resume, skip."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.startback_form import ValidateStartbackForm
from actions.startback_result import ActionStartbackResult
from tests.conftest import make_tracker, responses

FORM = "startback_form"
END_OF_TURN = FollowupAction("action_listen")
ITEMS = (
    "startback_leg_pain",
    "startback_shoulder_neck_pain",
    "startback_walking",
    "startback_dressing",
    "startback_not_safe_active",
    "startback_worrying_thoughts",
    "startback_never_better",
    "startback_not_enjoying",
    "startback_bothersome",
)


def in_form(requested: str, text: str = "", **kwargs: Any) -> Tracker:
    return make_tracker(
        slots={"requested_slot": requested, **kwargs.pop("slots", {})},
        text=text,
        active_loop=FORM,
        **kwargs,
    )


async def validate(
    tracker: Tracker, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> list[dict[str, Any]]:
    return await ValidateStartbackForm().run(dispatcher, tracker, domain)


@pytest.mark.parametrize(
    ("slot", "text", "answer"),
    [
        ("startback_leg_pain", "yeah", "agree"),
        ("startback_leg_pain", "a bit", "agree"),
        ("startback_walking", "not really", "disagree"),
        ("startback_worrying_thoughts", "very much so", "agree"),
        ("startback_bothersome", "a bit", "slightly"),
        ("startback_bothersome", "very much so", "very_much"),
        ("startback_bothersome", "not really", "not_at_all"),
    ],
)
async def test_free_text_answers(
    slot: str,
    text: str,
    answer: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    events = await validate(in_form(slot, text, intent="affirm"), dispatcher, domain)
    assert events == [SlotSet(slot, answer)]
    assert dispatcher.messages == []


async def test_button_answers(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = in_form(
        "startback_bothersome",
        '/inform{"choice":"extremely"}',
        intent="inform",
        entities=[{"entity": "choice", "value": "extremely"}],
    )
    assert await validate(tracker, dispatcher, domain) == [
        SlotSet("startback_bothersome", "extremely")
    ]


async def test_an_unreadable_reply_gets_help_then_the_form_stops(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    first = await validate(
        in_form("startback_dressing", "purple", intent="nlu_fallback"),
        dispatcher,
        domain,
    )
    assert first == [SlotSet("questionnaire_misses", 1)]
    assert responses(dispatcher) == ["utter_startback_hint_agree"]
    second = await validate(
        in_form(
            "startback_dressing",
            "purple again",
            intent="nlu_fallback",
            slots={"questionnaire_misses": 1},
        ),
        CollectingDispatcher(),
        domain,
    )
    assert second == [
        SlotSet("questionnaire_misses", 0),
        SlotSet("startback_stopped", True),
        SlotSet("requested_slot", None),
    ]


async def test_stop_half_way_keeps_the_answers(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = in_form(
        "startback_walking",
        "stop",
        intent="stop_questionnaire",
        slots={ITEMS[0]: "agree", ITEMS[1]: "disagree"},
    )
    events = await validate(tracker, dispatcher, domain)
    assert events == [
        SlotSet("startback_stopped", True),
        SlotSet("requested_slot", None),
    ]


async def test_resuming_reads_nothing_and_asks_what_is_left(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(
        slots={ITEMS[0]: "agree", ITEMS[1]: "disagree", "startback_stopped": True},
        intent="start_questionnaire",
        text="carry on with the questionnaire",
    )
    events = await validate(tracker, dispatcher, domain)
    assert events == [
        SlotSet("startback_stopped", False),
        SlotSet("pending_offer", None),
        SlotSet("questionnaire_misses", 0),
    ]
    # Rasa's form then asks the first item still unanswered.
    assert tracker.get_slot(ITEMS[0]) == "agree"
    assert tracker.get_slot(ITEMS[2]) is None


async def test_the_no_to_a_safety_check_is_not_an_item_answer(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    latest = {
        "intent": {"name": "deny", "confidence": 1.0},
        "entities": [],
        "text": "no",
    }
    tracker = Tracker(
        sender_id="t",
        slots={"requested_slot": ITEMS[2]},
        latest_message=latest,
        events=[
            {"event": "user", "text": "my legs feel weird", "parse_data": {}},
            {"event": "bot", "metadata": {"utter_action": "utter_confirm_emergency"}},
            {"event": "user", "text": "no", "parse_data": latest},
        ],
        paused=False,
        followup_action=None,
        active_loop={"name": FORM},
        latest_action_name="action_listen",
    )
    events = await validate(tracker, dispatcher, domain)
    assert events == [SlotSet("questionnaire_misses", 0)]  # asked again


def complete(answers: dict[str, str]) -> dict[str, str]:
    base = dict.fromkeys(ITEMS[:8], "disagree") | {ITEMS[8]: "not_at_all"}
    return base | answers


@pytest.mark.parametrize(
    ("answers", "risk", "advice"),
    [
        ({}, "low", "utter_startback_low"),
        (dict.fromkeys(ITEMS[:4], "agree"), "medium", "utter_startback_medium"),
        (
            dict.fromkeys(ITEMS[4:8], "agree") | {ITEMS[8]: "extremely"},
            "high",
            "utter_startback_high",
        ),
    ],
)
async def test_the_result_gives_the_advice_of_its_risk_group(
    answers: dict[str, str],
    risk: str,
    advice: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    tracker = make_tracker(slots=complete(answers) | {"triage_level": "self_care"})
    events = await ActionStartbackResult().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_startback_result",
        advice,
        "utter_follow_up_consent",
    ]
    assert dispatcher.messages[0]["risk"] == risk
    result = next(e for e in events if e.get("name") == "startback_result")["value"]
    assert result["risk"] == risk
    assert events[-2:] == [SlotSet("pending_offer", "remember"), END_OF_TURN]


async def test_a_questionnaire_stopped_half_way_is_kept_not_scored(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(slots={ITEMS[0]: "agree", "triage_level": "self_care"})
    events = await ActionStartbackResult().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_startback_paused"]
    assert events == [SlotSet("pending_offer", None), END_OF_TURN]


async def test_skipping_keeps_the_plan_and_asks_about_a_follow_up(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(slots={"triage_level": "self_care"}, intent="deny")
    events = await ActionStartbackResult().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_startback_skipped",
        "utter_follow_up_consent",
    ]
    assert events == [
        SlotSet("pending_offer", None),
        SlotSet("pending_offer", "remember"),
        END_OF_TURN,
    ]


async def test_stop_with_nothing_to_skip_is_just_ok(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = make_tracker(intent="stop_questionnaire", text="stop")
    await ActionStartbackResult().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ok"]
