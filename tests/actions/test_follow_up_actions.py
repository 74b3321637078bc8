"""Remembering an episode (consent first) and welcoming a person back."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.follow_up import ActionCheckFollowUp, ActionRememberEpisode
from bot.db import get_session_factory
from bot.followup.models import FollowUpEpisode
from tests.conftest import make_tracker, responses

RESULT = {"total": 6, "psychosocial": 4, "risk": "high", "version": "x"}
SLOTS = {
    "triage_level": "self_care",
    "pain_location": "lower_back",
    "pain_duration_days": 21.0,
    "pain_onset": "gradual",
    "age": 45.0,
    "has_fever": False,
    "startback_result": RESULT,
    "pending_offer": "remember",
}


def episodes(url: str) -> list[FollowUpEpisode]:
    with get_session_factory(url)() as session:
        return list(session.scalars(select(FollowUpEpisode)))


@pytest.mark.parametrize(
    ("intent", "text", "kept"),
    [
        ("affirm", "/affirm", True),
        ("thank", "yes thanks", True),
        ("nlu_fallback", "no thanks", False),
        ("deny", "no", False),
        ("nlu_fallback", "hmm", False),  # nothing kept without a clear yes
    ],
)
async def test_the_episode_is_kept_only_on_a_clear_yes(
    intent: str,
    text: str,
    kept: bool,
    database_url: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    tracker = make_tracker(SLOTS, intent=intent, text=text, sender_id="ann")
    events = await ActionRememberEpisode().run(dispatcher, tracker, domain)
    assert events == [SlotSet("pending_offer", None), FollowupAction("action_listen")]
    stored = episodes(database_url)
    if not kept:
        assert stored == []
        assert responses(dispatcher) == ["utter_follow_up_not_remembered"]
        return
    assert responses(dispatcher) == ["utter_follow_up_remembered"]
    [episode] = stored
    assert (episode.sender_id, episode.triage_level, episode.plan) == (
        "ann",
        "self_care",
        "utter_startback_high",
    )
    assert episode.summary == "lower back, about 3 weeks, came on slowly"
    assert episode.answers == {
        "pain_location": "lower_back",
        "pain_duration_days": 21.0,
        "pain_onset": "gradual",
        "age": 45.0,
    }  # context only: the red flags are asked afresh next time
    assert episode.startback == RESULT


async def test_a_returning_person_is_welcomed_and_asked(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    remember = make_tracker(SLOTS, intent="affirm", sender_id="ann")
    await ActionRememberEpisode().run(CollectingDispatcher(), remember, domain)
    back = make_tracker({}, intent="greet", text="hi", sender_id="ann")
    events = await ActionCheckFollowUp().run(dispatcher, back, domain)
    [episode] = episodes(database_url)
    assert events == [
        SlotSet("follow_up_episode_id", episode.id),
        SlotSet("startback_result", RESULT),
        FollowupAction("follow_up_form"),
    ]
    assert responses(dispatcher) == ["utter_follow_up_welcome"]
    assert dispatcher.messages[0]["startback"].startswith("; STarT Back high risk")


@pytest.mark.parametrize(
    ("sender", "slots"),
    [
        ("nobody", {}),  # nothing remembered
        ("ann", {"triage_level": "self_care"}),  # this conversation is under way
    ],
)
async def test_no_follow_up_without_an_episode_or_mid_conversation(
    sender: str,
    slots: dict[str, Any],
    database_url: str,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    remember = make_tracker(SLOTS, intent="affirm", sender_id="ann")
    await ActionRememberEpisode().run(CollectingDispatcher(), remember, domain)
    tracker = make_tracker(slots, intent="greet", sender_id=sender)
    assert await ActionCheckFollowUp().run(dispatcher, tracker, domain) == []
    assert dispatcher.messages == []


async def test_a_database_failure_keeps_nothing_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
) -> None:
    from sqlalchemy.exc import OperationalError

    def broken() -> Any:
        raise OperationalError("insert", {}, Exception("database is down"))

    monkeypatch.setattr("actions.follow_up.session_factory", broken)
    tracker = make_tracker(SLOTS, intent="affirm", sender_id="ann")
    await ActionRememberEpisode().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_follow_up_not_remembered"]
    greeting = make_tracker({}, intent="greet", sender_id="ann")
    assert (
        await ActionCheckFollowUp().run(CollectingDispatcher(), greeting, domain) == []
    )
