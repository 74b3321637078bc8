"""Bad input over REST, socket.io and the action endpoint: clear answers, no 5xx.

The corpus covers empty and huge messages, every Unicode plane, lone surrogates,
right-to-left text, emoji, HTML, SQL-looking text, huge numbers, malformed JSON,
wrong content types and wrong types. Nothing over the length limit is stored,
and another person is still answered within a second during a 1 MB flood.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import (
    EMERGENCY,
    Q_DURATION,
    Q_LOCATION,
    sender,
)

pytestmark = pytest.mark.stack

TOO_LONG = "too long for me"
TOO_FAST = "faster than I can read"
UNREADABLE = "couldn't read that message"
MAX_CHARS = 2000


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("back " * 20000, id="huge"),
        pytest.param("😭😭🔥", id="emoji"),
        pytest.param("<script>alert('x')</script>", id="html"),
        pytest.param("'; DROP TABLE events; --", id="sql"),
        pytest.param("me duele mucho la espalda", id="non-english"),
        pytest.param("\x00\x01\x02", id="control-characters"),
        pytest.param("כואב לי הגב \u202e", id="rtl"),
        pytest.param("".join(chr(p * 0x10000 + 0x41) for p in range(17)), id="planes"),
        pytest.param("since " + "9" * 400 + " weeks", id="huge-number"),
        pytest.param('/inform{"duration":"1e400"}', id="huge-number-payload"),
    ],
)
def test_odd_message_mid_form_keeps_the_conversation(
    stack: Stack, message: str
) -> None:
    who = sender()
    assert Q_LOCATION in stack.text(who, "my back hurts")
    assert stack.say(who, message) is not None  # a reply (maybe empty), no 5xx
    assert Q_DURATION in stack.text(who, "lower back")


def test_a_too_long_message_gets_a_reply_and_is_not_stored(stack: Stack) -> None:
    who = sender()
    assert Q_LOCATION in stack.text(who, "my back hurts")
    assert TOO_LONG in stack.text(who, "how do I do the " + "bird dog " * 20000)
    stored = [
        e.get("text") or ""
        for e in requests.get(
            f"{stack.url}/conversations/{who}/tracker",
            params={"token": stack.token},
            timeout=10,
        ).json()["events"]
    ]
    assert max(len(text) for text in stored) <= MAX_CHARS
    assert Q_DURATION in stack.text(who, "lower back")


def test_an_emergency_with_a_huge_number_still_gets_the_advice(stack: Stack) -> None:
    text = "I've lost control of my bowels since " + "9" * 400 + " weeks"
    assert stack.text(sender(), text).lower().startswith("please " + EMERGENCY)


def post(stack: Stack, **kwargs: object) -> requests.Response:
    return requests.post(f"{stack.url}/webhooks/rest/webhook", timeout=60, **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        pytest.param({"data": "{not json"}, 400, id="malformed-json"),
        pytest.param({"json": ["hi"]}, 400, id="json-list"),
        pytest.param({"json": "hi"}, 400, id="json-string"),
        pytest.param({"json": {"sender": "a-1", "message": 5}}, 400, id="number"),
        pytest.param({"json": {"sender": "a-1", "message": None}}, 400, id="null"),
        pytest.param({"json": {"sender": "a-1", "message": ["x"]}}, 400, id="list"),
        pytest.param({"json": {"message": "hi"}}, 400, id="no-sender"),
        pytest.param({"json": {"sender": "", "message": "hi"}}, 400, id="empty-sender"),
        pytest.param({"json": {"sender": 7, "message": "hi"}}, 400, id="number-sender"),
        pytest.param({"json": {"sender": "../x", "message": "hi"}}, 400, id="odd-id"),
        pytest.param(
            {"json": {"sender": "a-1", "message": "hi", "metadata": "x"}},
            400,
            id="metadata",
        ),
        pytest.param(
            {"data": b'{"sender":"a-1","message":"\xff\xfe"}'}, 400, id="bad-utf8"
        ),
        pytest.param(
            {
                "data": "sender=a-1&message=hi",
                "headers": {"Content-Type": "text/plain"},
            },
            400,
            id="form-body",
        ),
    ],
)
def test_malformed_requests_get_a_clear_4xx(
    stack: Stack, kwargs: dict, status: int
) -> None:
    response = post(stack, **kwargs)
    assert response.status_code == status
    assert "error" in response.json()
    assert requests.get(f"{stack.url}/", timeout=10).ok


def test_a_lone_surrogate_gets_a_reply(stack: Stack) -> None:
    body = '{"sender": "' + sender() + '", "message": "\\ud800 my back"}'
    response = post(stack, data=body)
    assert response.status_code == 200
    assert UNREADABLE in response.json()[0]["text"]


def test_another_person_is_answered_during_a_1mb_flood(stack: Stack) -> None:
    flood = json.dumps({"sender": sender(), "message": "x" * 1_000_000})
    with ThreadPoolExecutor(4) as pool:
        floods = [pool.submit(post, stack, data=flood) for _ in range(4)]
        time.sleep(0.05)
        start = time.monotonic()
        reply = stack.text(sender(), "my back hurts")
        took = time.monotonic() - start
        statuses = {f.result().status_code for f in floods}
    assert Q_LOCATION in reply
    assert took < 1.0, f"another person waited {took:.2f} s"
    assert statuses == {200}


def test_one_conversation_sending_too_fast_is_told_to_wait(stack: Stack) -> None:
    # Too-long messages are refused before Rasa, so the burst costs nothing.
    who, long = sender(), "x" * (MAX_CHARS + 1)
    replies = [post(stack, json={"sender": who, "message": long}) for _ in range(31)]
    assert {r.status_code for r in replies[:30]} == {200}
    assert replies[30].status_code == 429
    assert TOO_FAST in replies[30].json()[0]["text"]
    assert int(replies[30].headers["Retry-After"]) >= 1
    assert Q_LOCATION in stack.text(sender(), "my back hurts")  # others go on


# --- the action server answers only Rasa -----------------------------------------


FORGED = {
    "next_action": "action_request_handoff",
    "sender_id": "victim-1",
    "version": "3.6.21",
    "tracker": {
        "sender_id": "victim-1",
        "slots": {"has_saddle_numbness": True, "red_flag_quotes": ["made up"]},
        "latest_message": {},
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": None,
    },
    "domain": {},
}


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no-secret"),
        pytest.param({"Authorization": "Bearer wrong"}, id="wrong-secret"),
        pytest.param({"Authorization": "test-action-secret"}, id="not-bearer"),
    ],
)
def test_a_forged_action_call_is_refused(stack: Stack, headers: dict) -> None:
    url = f"http://127.0.0.1:{stack.action_port}"
    response = requests.post(f"{url}/webhook", json=FORGED, headers=headers, timeout=10)
    assert response.status_code == 401
    assert (
        requests.get(f"{url}/actions", headers=headers, timeout=10).status_code == 401
    )
    assert requests.get(f"{url}/health", timeout=10).ok


def test_the_action_server_hides_its_errors(stack: Stack) -> None:
    url = f"http://127.0.0.1:{stack.action_port}/webhook"
    secret = {"Authorization": f"Bearer {stack.action_token}"}
    response = requests.post(url, data="[1]", headers=secret, timeout=10)
    assert 400 <= response.status_code < 600
    assert "tracker" not in response.text and "Traceback" not in response.text


# --- socket.io --------------------------------------------------------------------


async def _widget(stack: Stack, origin: str | None, **request: object) -> dict:
    import socketio

    got: dict = {"replies": []}
    client = socketio.AsyncClient(reconnection=False)

    @client.on("session_confirm")
    async def confirm(session_id: str) -> None:
        got["session_id"] = session_id

    @client.on("bot_uttered")
    async def uttered(data: dict) -> None:
        got["replies"].append(data.get("text", ""))

    headers = {"Origin": origin} if origin else {}
    try:
        await client.connect(
            stack.url,
            headers=headers,
            socketio_path="/socket.io",
            transports=["polling"],
        )
    except socketio.exceptions.ConnectionError:
        return {"refused": True}
    try:
        await client.emit("session_request", request)
        for _ in range(50):
            if "session_id" in got:
                break
            await asyncio.sleep(0.1)
        message = request.get("say")
        times = int(request.get("times", 1))  # type: ignore[call-overload]
        if message is not None:
            for sent in range(1, times + 1):
                # One at a time: engine.io refuses a polling POST of many packets.
                await client.emit(
                    "user_uttered",
                    {"message": message, "session_id": got["session_id"]},
                )
                for _ in range(100):
                    if len(got["replies"]) >= sent:
                        break
                    await asyncio.sleep(0.05)
    finally:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(client.disconnect(), 5)
    return got


def widget(stack: Stack, origin: str | None, **request: object) -> dict:
    """One widget session (socket.io over long-polling), bounded in time."""
    return asyncio.run(asyncio.wait_for(_widget(stack, origin, **request), 60))


def test_the_widget_may_connect_only_from_allowed_origins(stack: Stack) -> None:
    assert widget(stack, "https://evil.example") == {"refused": True}
    assert "session_id" in widget(stack, "http://localhost:8000")


def test_a_made_up_session_id_is_replaced(stack: Stack) -> None:
    guessed = "0123456789abcdef0123456789abcdef"
    got = widget(stack, None, session_id=guessed)
    assert len(got["session_id"]) == 32 and got["session_id"] != guessed
    again = widget(stack, None, session_id=got["session_id"])
    assert again["session_id"] == got["session_id"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [("x" * 5000, TOO_LONG), (12, UNREADABLE), ("my back hurts", Q_LOCATION)],
)
def test_the_widget_channel_checks_messages(
    stack: Stack, message: object, expected: str
) -> None:
    got = widget(stack, None, say=message)
    assert expected in " ".join(got["replies"])


def test_a_widget_sending_too_fast_is_told_to_wait(stack: Stack) -> None:
    got = widget(stack, None, say="x" * (MAX_CHARS + 1), times=31)
    assert [TOO_LONG in r for r in got["replies"]].count(True) == 30
    assert TOO_FAST in got["replies"][-1]
