"""The emergency path without the action server, memory across restarts, no lost
hand-off, and servers restarted by supervisord after a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import sqlalchemy as sa

from bot.supervise import PROGRAMS
from tests import figures
from tests.conversations.stack import BIN, Stack, free_port, prepare_database
from tests.conversations.test_triage_conversations import (
    Q_DURATION,
    Q_LOCATION,
    Q_ONSET,
    converse,
    sender,
)
from tests.polling import wait_for

pytestmark = pytest.mark.stack


def test_emergency_routing_works_with_the_action_server_down(
    stack_without_actions: Stack,
) -> None:
    stack = stack_without_actions
    assert (
        stack.text(sender(), "I've lost control of my bowels")
        .lower()
        .startswith("please call 999")
    )
    who = sender()
    stack.say(who, "my back hurts")  # the form cannot run, but must not block
    reply = stack.text(
        who, '/report_emergency_symptom{"red_flag":"has_saddle_numbness"}'
    )
    assert reply.lower().startswith("please call 999")


def test_with_the_action_server_down_the_person_is_told_once_what_to_do(
    stack_without_actions: Stack,
) -> None:
    who = sender()
    replies = stack_without_actions.text(who, "my lower back hurts")
    assert replies.count("technical problem") == 1
    assert "call 999" in replies and "NHS 111" in replies
    # Kept in the conversation, so the clinician's transcript shows it too.
    events = requests.get(
        f"{stack_without_actions.url}/conversations/{who}/tracker",
        params={"token": stack_without_actions.token},
        timeout=10,
    ).json()["events"]
    said = [e["metadata"].get("utter_action") for e in events if e["event"] == "bot"]
    assert said == ["utter_action_server_down"]


def test_conversation_resumes_after_a_server_restart(stack: Stack) -> None:
    who = sender()
    converse(stack, who, [("my back hurts", Q_LOCATION), ("lower back", Q_DURATION)])
    stack.stop_rasa()
    stack.start_rasa()
    stack.wait_ready()
    assert stack.slots(who)["pain_location"] == "lower_back"
    assert Q_ONSET in stack.text(who, "2 weeks")


# --- no lost hand-off, and processes that survive a crash -------------------------


def open_cases(database_url: str, who: str) -> list[tuple[str, str]]:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT urgency, reason FROM handoff_case WHERE sender_id = :s"
                ),
                {"s": who},
            )
            return [tuple(row) for row in rows]
    except sa.exc.OperationalError:
        return []
    finally:
        engine.dispose()


def test_an_emergency_hand_off_is_recorded_with_the_action_server_down(
    stack_without_actions: Stack,
) -> None:
    stack = stack_without_actions
    url = prepare_database(stack.workdir)  # Rasa opens it on first use
    who = sender()
    reply = stack.text(who, "I've lost control of my bowels")
    assert reply.lower().startswith("please call 999")
    assert wait_for(lambda: open_cases(url, who), 15) == [("emergency", "red_flag")]


@dataclass
class Supervised(Stack):
    """The three servers under supervisord (``bot.supervise``), as `make run`."""

    web_port: int = field(default_factory=free_port)
    token: str | None = "test-token-not-secret"
    rest_requires_token: bool = True

    @property
    def env(self) -> dict[str, str]:
        return {
            **super().env,
            "BACKCHAT_RASA_PORT": str(self.rasa_port),
            "BACKCHAT_ACTION_PORT": str(self.action_port),
            "BACKCHAT_WEB_PORT": str(self.web_port),
            "BACKCHAT_RASA_URL": self.url,
            "BACKCHAT_ALLOWED_ORIGINS": f"http://127.0.0.1:{self.web_port}",
        }

    def start(self) -> Supervised:
        self.workdir.mkdir(parents=True, exist_ok=True)
        command = [str(BIN / "python"), "-m", "bot.supervise", str(self.model)]
        self._spawn("supervisord", [*command, "--dir", str(self.workdir)])
        return self

    def pid(self, name: str) -> int:
        result = subprocess.run(
            [
                str(BIN / "supervisorctl"),
                "-c",
                str(self.workdir / "supervisord.conf"),
                "pid",
                name,
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
        return int(result.stdout.strip() or 0)

    def up(self, name: str) -> bool:
        urls = {
            "rasa": f"{self.url}/status?token={self.token}",
            "actions": f"http://127.0.0.1:{self.action_port}/health",
            "web": f"http://127.0.0.1:{self.web_port}/widget.js",
        }
        try:
            return requests.get(urls[name], timeout=2).ok
        except requests.RequestException:
            return False

    def wait_ready(self, timeout: float = 240) -> None:
        if not wait_for(lambda: all(self.up(n) for n in PROGRAMS), timeout):
            raise TimeoutError(f"not ready; rasa log:\n{self.log('rasa')}")


@pytest.fixture(scope="module")
def supervised(model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    workdir = tmp_path_factory.mktemp("supervised")
    prepare_database(workdir)
    running = Supervised(model=model, workdir=workdir).start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


def test_rest_needs_the_token_when_required(supervised: Supervised) -> None:
    url = f"{supervised.url}/webhooks/rest/webhook"
    body = {"sender": sender(), "message": "what should I avoid"}
    assert requests.post(url, json=body, timeout=30).status_code == 401
    wrong = {"Authorization": "Bearer guessed"}
    assert requests.post(url, json=body, headers=wrong, timeout=30).status_code == 401
    assert supervised.say(body["sender"], body["message"])


def test_a_guessed_sender_id_reads_nothing(supervised: Supervised) -> None:
    who = sender()
    converse(
        supervised, who, [("my back hurts", Q_LOCATION), ("lower back", Q_DURATION)]
    )
    # Someone who knows or guesses the id, without the token:
    rest = f"{supervised.url}/webhooks/rest/webhook"
    guess = {"sender": who, "message": "what should I avoid"}
    answer = requests.post(rest, json=guess, timeout=30)
    assert answer.status_code == 401 and "lower back" not in answer.text
    tracker = requests.get(f"{supervised.url}/conversations/{who}/tracker", timeout=30)
    assert tracker.status_code == 401 and "lower" not in tracker.text
    assert supervised.slots(who)["pain_location"] == "lower_back"  # untouched


def test_every_server_listens_on_loopback_only(supervised: Supervised) -> None:
    for port in (supervised.rasa_port, supervised.action_port, supervised.web_port):
        listening = subprocess.run(
            ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True
        ).stdout
        local_addresses = [line.split()[3] for line in listening.splitlines()]
        assert local_addresses == [f"127.0.0.1:{port}"]


def test_the_rasa_token_is_not_on_a_command_line(supervised: Supervised) -> None:
    cmdline = Path(f"/proc/{supervised.pid('rasa')}/cmdline").read_bytes()
    assert supervised.token.encode() not in cmdline


@pytest.mark.parametrize("name", PROGRAMS)
def test_a_killed_server_is_restarted_and_the_chat_goes_on(
    supervised: Supervised, name: str
) -> None:
    who = sender()
    converse(supervised, who, [("my back hurts", Q_LOCATION)])
    old = supervised.pid(name)
    started = time.monotonic()
    os.kill(old, signal.SIGKILL)
    if name == "actions":  # the emergency comes while the action server is down
        emergency = sender()
        reply = supervised.text(emergency, "I've lost control of my bowels")
        assert reply.lower().startswith("please call 999")
        database = f"sqlite:///{supervised.workdir / 'backchat.db'}"
        assert wait_for(lambda: open_cases(database, emergency), 15)
    assert wait_for(lambda: supervised.pid(name) not in (0, old), 60)
    assert wait_for(lambda: supervised.up(name), 120), supervised.log(name)
    recovery = time.monotonic() - started
    figures.record(
        f"killed {name} (SIGKILL): restarted and serving in {recovery:.1f} s"
    )
    assert all(supervised.up(other) for other in PROGRAMS)
    assert Q_DURATION in supervised.text(who, "lower back")
