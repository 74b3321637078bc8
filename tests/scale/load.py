"""Conversations played against the production stack, and what they prove.

A conversation is the benign lower-back triage of the conversation tests; each
message is *answered* when the reply holds the question expected next, and
*lost* otherwise (an error, a timeout or a wrong reply). ``stored_turns`` reads
back what the tracker store holds, so a test can check that nothing was lost,
duplicated or half-written.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache

import requests
import sqlalchemy as sa

from bot.stack.production import ProductionStack
from tests.conversations.test_triage_conversations import (
    BENIGN_SCREEN_ANSWERS,
    Q_DURATION,
    Q_ONSET,
    Q_SCREEN,
)

SCRIPT: list[tuple[str, str]] = [
    ("hi", "not a clinician"),
    ("my lower back hurts", Q_DURATION),
    ("about 3 weeks", Q_ONSET),
    ('/inform{"onset":"gradual"}', Q_SCREEN),
    *BENIGN_SCREEN_ANSWERS,
]


OUTAGE_NOTICE = "technical problem"  # utter_action_server_down


def new_sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@dataclass
class Tally:
    """Messages of one or more conversations: sent, answered, lost."""

    sent: int = 0
    answered: int = 0
    lost: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    # per sender: (message, answered) in the order sent
    messages: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, who: str, message: str, ok: bool, why: str = "") -> None:
        with self.lock:
            self.sent += 1
            self.messages.setdefault(who, []).append((message, ok))
            if ok:
                self.answered += 1
            else:
                self.lost += 1
                self.failures[why] += 1

    def line(self, what: str) -> str:
        failures = ", ".join(f"{n} {why}" for why, n in self.failures.most_common())
        return (
            f"{what}: {len(self.messages)} conversations, {self.sent} messages sent, "
            f"{self.answered} answered, {self.lost} lost"
            + (f" ({failures})" if failures else "")
        )


NO_REPLY = "no reply"  # Rasa's REST channel answers [] when the turn failed
# The channel's reply to bad input; a turn that failed on our side (a lock or
# store error) gets the outage notice instead, and the fault tests check it.
SEND_AGAIN = "couldn't read that message"


def failure(reply: str) -> str:
    """What a wrong reply was: none, the outage notice, or something else."""
    if not reply.strip():
        return NO_REPLY
    if SEND_AGAIN in reply:
        return SEND_AGAIN
    return OUTAGE_NOTICE if OUTAGE_NOTICE in reply else "unexpected reply"


def send(stack: ProductionStack, who: str, message: str, timeout: float = 60) -> str:
    """The bot's replies to one message through nginx, joined; raises on errors."""
    response = requests.post(
        f"{stack.url}/webhooks/rest/webhook",
        json={"sender": who, "message": message},
        timeout=timeout,
    )
    response.raise_for_status()
    return "\n".join(r.get("text", "") for r in response.json())


def play(
    stack: ProductionStack,
    who: str,
    tally: Tally,
    script: list[tuple[str, str]] = SCRIPT,
    stop: threading.Event | None = None,
) -> bool:
    """Play ``script`` as ``who``; stop at the first lost message. Whole?"""
    for message, expected in script:
        if stop is not None and stop.is_set():
            return False
        try:
            reply = send(stack, who, message)
        except requests.RequestException as error:
            status = getattr(error.response, "status_code", None)
            tally.record(who, message, False, f"HTTP {status}" if status else "error")
            return False
        ok = expected.lower() in reply.lower()
        tally.record(who, message, ok, "" if ok else failure(reply))
        if not ok:
            return False
    return True


def play_many(stack: ProductionStack, count: int, prefix: str) -> Tally:
    """``count`` conversations at once, each in its own thread."""
    tally = Tally()
    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(lambda _: play(stack, new_sender(prefix), tally), range(count)))
    return tally


class Background:
    """Conversations played over and over in threads until stopped (the load)."""

    def __init__(self, stack: ProductionStack, people: int, prefix: str) -> None:
        self.stack = stack
        self.tally = Tally()
        self.stop_event = threading.Event()
        self.threads = [
            threading.Thread(target=self._run, args=(prefix,), daemon=True)
            for _ in range(people)
        ]

    def _run(self, prefix: str) -> None:
        while not self.stop_event.is_set():
            if not play(
                self.stack, new_sender(prefix), self.tally, stop=self.stop_event
            ):
                time.sleep(0.2)  # a failed turn: start a new conversation

    def __enter__(self) -> Background:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=90)


def wait_answering(stack: ProductionStack, seconds: float = 120) -> float:
    """Seconds until a new conversation's first message is answered again."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            if "not a clinician" in send(stack, new_sender("probe"), "hi", timeout=10):
                return time.monotonic() - started
        except requests.RequestException:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"nothing answered within {seconds:.0f} s")


def stored_turns(stack: ProductionStack, who: str) -> list[tuple[str, str]]:
    """The conversation's events in the tracker store: (type, text or action)."""
    engine = sa.create_engine(stack.env["BACKCHAT_TRACKER_URL"], future=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "select type_name, action_name, data from events"
                    " where sender_id = :who order by id"
                ),
                {"who": who},
            ).all()
    finally:
        engine.dispose()
    events = []
    for type_name, action_name, data in rows:
        if type_name == "user":
            events.append(("user", json.loads(data).get("text", "")))
        elif type_name == "action":
            events.append(("action", action_name or ""))
        else:
            events.append((type_name, ""))
    return events


def user_texts(events: list[tuple[str, str]]) -> list[str]:
    return [text for kind, text in events if kind == "user"]


def half_written_turns(events: list[tuple[str, str]]) -> int:
    """User messages whose turn never reached ``action_listen`` (a torn write)."""
    open_turn = False
    torn = 0
    for kind, name in events:
        if kind == "user":
            torn += open_turn
            open_turn = True
        elif kind == "action" and name == "action_listen":
            open_turn = False
    return torn + open_turn


def stored_as_sent(sent: list[tuple[str, bool]], stored: list[str]) -> bool:
    """Whether ``stored`` is ``sent`` in order, less only messages not answered.

    An answered message must be stored exactly once, in its place; one that
    failed may be absent (its turn rolled back) or stored once.
    """

    @cache
    def matches(i: int, j: int) -> bool:  # sent[i:] against stored[j:]
        if i == len(sent):
            return j == len(stored)
        message, answered = sent[i]
        if j < len(stored) and stored[j] == message and matches(i + 1, j + 1):
            return True
        return not answered and matches(i + 1, j)

    return matches(0, 0)


def replicas_used(stack: ProductionStack, since: float = 0.0) -> Counter[str]:
    """Replica addresses that answered REST messages, from nginx's access log."""
    log = stack.nginx_dir / "access.log"
    counts: Counter[str] = Counter()
    if not log.exists():
        return counts
    for line in log.read_text().splitlines():
        parts = line.split()
        rest = len(parts) >= 5 and parts[4].startswith("/webhooks/rest")
        if rest and float(parts[0]) >= since:
            counts[parts[1]] += 1
    return counts
