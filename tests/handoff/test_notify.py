"""Hand-off notices: retried with back-off, never blocking, optional."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import aiohttp
import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionRequestHandoff
from bot.handoff import notify
from tests.conftest import make_tracker, responses


def test_backoff_doubles() -> None:
    assert notify.backoff_delays(5) == [1.0, 2.0, 4.0, 8.0]
    assert notify.backoff_delays(1) == []


async def test_delivery_retries_until_the_receiver_answers() -> None:
    answers = iter([aiohttp.ClientConnectionError("down"), 503, 200])
    waits: list[float] = []

    async def poster(url: str, payload: Mapping[str, Any]) -> int:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    assert await notify.deliver("http://x", {"case_id": 1}, poster=poster, sleep=sleep)
    assert waits == [0.0, 1.0, 2.0]


async def test_delivery_gives_up_after_the_last_attempt() -> None:
    async def poster(url: str, payload: Mapping[str, Any]) -> int:
        return 500

    async def sleep(seconds: float) -> None:
        return None

    assert not await notify.deliver(
        "http://x", {}, attempts=3, poster=poster, sleep=sleep
    )


async def test_requested_hand_off_notifies_the_webhook_in_the_background(
    domain: dict[str, Any], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actions import context

    sent: list[tuple[str, Mapping[str, Any]]] = []
    release = asyncio.Event()

    async def slow_poster(url: str, payload: Mapping[str, Any]) -> int:
        await release.wait()  # a slow receiver must not hold up the reply
        sent.append((url, payload))
        return 200

    monkeypatch.setattr(notify, "post_json", slow_poster)
    monkeypatch.setenv("BACKCHAT_HANDOFF_WEBHOOK_URL", "http://pager.example/hook")
    context.settings.cache_clear()
    dispatcher = CollectingDispatcher()
    await ActionRequestHandoff().run(
        dispatcher, make_tracker({"has_fever": True}), domain
    )
    assert responses(dispatcher) == ["utter_handoff_recorded"] and sent == []
    release.set()
    await asyncio.gather(*notify._background)
    ((url, payload),) = sent
    assert url == "http://pager.example/hook"
    assert payload["urgency"] == "urgent" and payload["fired_rule_ids"] == ["RF-INF-01"]
    assert set(payload) == {"case_id", "urgency", "reason", "fired_rule_ids"}
