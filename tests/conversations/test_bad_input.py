"""Bad input over REST, socket.io and the action endpoint: clear answers, no 5xx.

The corpus covers empty and huge messages, every Unicode plane, lone surrogates,
right-to-left text, emoji, HTML, SQL-looking text, huge numbers, malformed JSON,
wrong content types and wrong types. Nothing over the length limit is stored,
and another person is still answered within a second during a 1 MB flood.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests import figures
from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import (
    EMERGENCY,
    Q_DURATION,
    Q_LOCATION,
    sender,
)
from tests.security.corpus import BODIES, LONE_SURROGATE, TEXTS

pytestmark = pytest.mark.stack

TOO_LONG = "too long for me"
TOO_FAST = "faster than I can read"
UNREADABLE = "couldn't read that message"
MAX_CHARS = 2000


@pytest.mark.parametrize("message", list(TEXTS.values()), ids=list(TEXTS))
def test_odd_message_mid_form_keeps_the_conversation(
    stack: Stack, message: str
) -> None:
    who = sender()
    assert Q_LOCATION in stack.text(who, "my back hurts")
    response = post(stack, json={"sender": who, "message": message})
    figures.bad_input("REST", response.status_code)
    assert response.status_code == 200 and isinstance(response.json(), list)
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
    figures.bad_input("REST", response.status_code)
    assert response.status_code == status
    assert "error" in response.json()
    assert requests.get(f"{stack.url}/", timeout=10).ok


@pytest.mark.parametrize(("body", "content_type"), BODIES.values(), ids=list(BODIES))
def test_every_bad_body_gets_a_clear_answer(
    stack: Stack, body: bytes, content_type: str
) -> None:
    response = post(stack, data=body, headers={"Content-Type": content_type})
    figures.bad_input("REST", response.status_code)
    assert response.status_code < 500
    assert "Traceback" not in response.text
    if response.status_code >= 400:
        assert "error" in response.json()


def test_a_lone_surrogate_gets_a_reply(stack: Stack) -> None:
    body = '{"sender": "' + sender() + '", "message": "' + LONE_SURROGATE + '"}'
    response = post(stack, data=body)
    figures.bad_input("REST", response.status_code)
    assert response.status_code == 200
    assert UNREADABLE in response.json()[0]["text"]


class SentBody(io.BytesIO):
    """A request body that tells, through ``sending``, when it starts to go out."""

    def __init__(self, body: bytes, sending: threading.Semaphore) -> None:
        super().__init__(body)
        self.sending = sending
        self.told = False

    def read(self, size: int | None = -1) -> bytes:
        if not self.told:
            self.told = True
            self.sending.release()
        return super().read(size)


def test_another_person_is_answered_during_a_1mb_flood(stack: Stack) -> None:
    flood = json.dumps({"sender": sender(), "message": "x" * 1_000_000}).encode()
    sending = threading.Semaphore(0)
    with ThreadPoolExecutor(4) as pool:
        floods = [
            pool.submit(post, stack, data=SentBody(flood, sending)) for _ in range(4)
        ]
        for _ in floods:  # every flood is on the wire before the person writes
            assert sending.acquire(timeout=30), "a flood did not start in 30 s"
        start = time.monotonic()
        reply = stack.text(sender(), "my back hurts")
        took = time.monotonic() - start
        statuses = [f.result().status_code for f in floods]
    figures.record(f"another person's reply during four 1 MB messages: {took:.2f} s")
    for status in statuses:
        figures.bad_input("REST", status)
    assert Q_LOCATION in reply
    assert took < 1.0, f"another person waited {took:.2f} s"
    assert set(statuses) == {200}


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


def action_call(stack: Stack, body: bytes, content_type: str) -> requests.Response:
    return requests.post(
        f"http://127.0.0.1:{stack.action_port}/webhook",
        data=body,
        headers={
            "Authorization": f"Bearer {stack.action_token}",
            "Content-Type": content_type,
        },
        timeout=30,
    )


@pytest.mark.parametrize(("body", "content_type"), BODIES.values(), ids=list(BODIES))
def test_the_action_server_answers_bad_bodies_with_a_4xx(
    stack: Stack, body: bytes, content_type: str
) -> None:
    response = action_call(stack, body, content_type)
    figures.bad_input("action endpoint", response.status_code)
    assert 400 <= response.status_code < 500
    assert "Traceback" not in response.text and "tracker" not in response.text


@pytest.mark.parametrize("action", ["action_answer_avoid", "action_explain_exercise"])
@pytest.mark.parametrize("message", list(TEXTS.values()), ids=list(TEXTS))
def test_the_actions_read_any_text_without_failing(
    stack: Stack, action: str, message: str
) -> None:
    latest = {"text": message, "intent": {"name": "ask_exercise_steps"}}
    call = {**FORGED, "next_action": action, "sender_id": sender()}
    call["tracker"] = {**FORGED["tracker"], "sender_id": call["sender_id"]}
    call["tracker"]["latest_message"] = latest
    call["tracker"]["slots"] = {}
    started = time.monotonic()
    response = action_call(stack, json.dumps(call).encode(), "application/json")
    figures.bad_input("action endpoint", response.status_code)
    assert response.status_code == 200, response.text
    assert time.monotonic() - started < 5  # bounded work, whatever the length


def test_the_action_server_hides_its_errors(stack: Stack) -> None:
    url = f"http://127.0.0.1:{stack.action_port}/webhook"
    secret = {"Authorization": f"Bearer {stack.action_token}"}
    response = requests.post(url, data="[1]", headers=secret, timeout=10)
    assert 400 <= response.status_code < 600
    assert "tracker" not in response.text and "Traceback" not in response.text


# --- socket.io --------------------------------------------------------------------


WIDGET_WAIT_SECONDS = 5  # for a session, and for each reply


async def _widget(stack: Stack, origin: str | None, **request: object) -> dict:
    import socketio

    got: dict = {"replies": []}
    news = asyncio.Condition()  # notified at each session or reply
    client = socketio.AsyncClient(reconnection=False)

    async def until(check: Callable[[], bool]) -> None:
        # A reply that never comes (a dropped packet) costs the wait once.
        with contextlib.suppress(asyncio.TimeoutError):
            async with news:
                await asyncio.wait_for(news.wait_for(check), WIDGET_WAIT_SECONDS)

    @client.on("session_confirm")
    async def confirm(session_id: str) -> None:
        async with news:
            got["session_id"] = session_id
            news.notify_all()

    @client.on("bot_uttered")
    async def uttered(data: dict) -> None:
        async with news:
            got["replies"].append(data.get("text", ""))
            news.notify_all()

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
        await client.emit(
            "session_request",
            {k: v for k, v in request.items() if k == "session_id"},
        )
        await until(lambda: "session_id" in got)
        message = request.get("say")
        times = int(request.get("times", 1))  # type: ignore[call-overload]
        if "payload" in request:  # exactly this, the session added to an object
            payload = request["payload"]
            if isinstance(payload, dict):
                payload = {**payload, "session_id": got["session_id"]}
            await client.emit("user_uttered", payload)
            await until(lambda: bool(got["replies"]))
        if message is not None:
            for sent in range(1, times + 1):
                # One at a time: engine.io refuses a polling POST of many packets.
                await client.emit(
                    "user_uttered",
                    {"message": message, "session_id": got["session_id"]},
                )
                await until(lambda sent=sent: len(got["replies"]) >= sent)
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


WIDGET_TEXTS = {**TEXTS, "lone-surrogate": "\ud800 my back"}


@pytest.mark.parametrize("message", list(WIDGET_TEXTS.values()), ids=list(WIDGET_TEXTS))
def test_the_widget_answers_every_odd_message(stack: Stack, message: str) -> None:
    got = widget(stack, None, say=message)
    figures.bad_input("socket.io")
    if len(message) >= 1_000_000:
        # Over engine.io's 1 MB packet limit: the connection is dropped unread.
        assert not got.get("replies")
    else:
        assert got["replies"], "no reply"


@pytest.mark.parametrize(
    "payload",
    [
        {"message": 12},
        {"message": None},
        {"message": ["x"]},
        {"message": {"a": 1}},
        {"message": 10**400},
        "my back hurts",
        ["my back hurts"],
        12,
    ],
    ids=["number", "null", "list", "object", "huge-int", "string", "list", "int"],
)
def test_the_widget_answers_wrong_types(stack: Stack, payload: object) -> None:
    got = widget(stack, None, payload=payload)
    figures.bad_input("socket.io")
    if payload == {"message": 10**400}:
        # python-socketio cannot decode the packet: it is dropped unread.
        assert not got["replies"]
    else:
        assert UNREADABLE in " ".join(got["replies"])


def test_after_all_that_the_servers_serve_and_logged_no_traceback(
    stack: Stack,
) -> None:
    assert Q_LOCATION in " ".join(widget(stack, None, say="my back hurts")["replies"])
    assert Q_LOCATION in stack.text(sender(), "my back hurts")
    for name in ("rasa", "actions"):
        assert "Traceback" not in stack.log(name), f"a traceback in {name}.log"
