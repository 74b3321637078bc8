"""Start the real Rasa server and action server on free ports, for tests."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def prepare_database(workdir: Path) -> str:
    """A fresh database in ``workdir``, migrated and seeded as `make run` does."""
    from bot.cli import DEFAULT_CONTENT_DIR
    from bot.db import get_session_factory
    from bot.library.seed import seed_library
    from bot.migrate import upgrade_database

    workdir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{workdir / 'backchat.db'}"
    upgrade_database(url)
    with get_session_factory(url).begin() as session:
        seed_library(session, DEFAULT_CONTENT_DIR)
    return url


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Stack:
    """A Rasa server (and optionally an action server) running in subprocesses."""

    model: Path
    workdir: Path
    with_actions: bool = True
    project: Path = ROOT  # the Rasa project the servers run in
    workers: int = 1  # Rasa's Sanic workers; more than one locks through Redis
    token: str | None = None  # Rasa's API token (and REST's when required)
    action_token: str = "test-action-secret"  # Rasa -> action server
    rest_requires_token: bool = False  # the production setting
    rasa_port: int = field(default_factory=free_port)
    action_port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def env(self) -> dict[str, str]:
        # With no action server, point at a port nobody listens on.
        action_port = self.action_port if self.with_actions else free_port()
        inherited = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("BACKCHAT_RASA_TOKEN")
        }
        token = {"BACKCHAT_RASA_TOKEN": self.token} if self.token else {}
        return {
            **inherited,
            **token,
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "BACKCHAT_DATABASE_URL": f"sqlite:///{self.workdir / 'backchat.db'}",
            "BACKCHAT_ACTION_ENDPOINT": f"http://127.0.0.1:{action_port}/webhook",
            "BACKCHAT_TRACKER_DIALECT": "sqlite",
            "BACKCHAT_TRACKER_URL": f"sqlite:///{self.workdir / 'tracker.db'}",
            "SANIC_WORKERS": str(self.workers),
            "BACKCHAT_LOCK_STORE": "redis" if self.workers > 1 else "in_memory",
            "BACKCHAT_REDIS_HOST": "127.0.0.1",
            "BACKCHAT_REDIS_PORT": os.environ.get("BACKCHAT_REDIS_PORT", "6379"),
            "BACKCHAT_ACTION_TOKEN": self.action_token,
            "BACKCHAT_SESSION_SECRET": "test-session-secret",
            "BACKCHAT_REST_REQUIRES_TOKEN": "1" if self.rest_requires_token else "0",
            "BACKCHAT_OUTBOX_DIR": str(self.workdir / "outbox"),
            "BACKCHAT_ALLOWED_ORIGINS": "http://localhost:8000",
            "BACKCHAT_RASA_HOST": "127.0.0.1",
            "BACKCHAT_ACTION_HOST": "127.0.0.1",
        }

    def start(self) -> Stack:
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self.with_actions:
            self.start_actions()
        self.start_rasa()
        return self

    def start_actions(self) -> None:
        self._spawn("actions", self.actions_command())

    def actions_command(self) -> list[str]:
        """The action server, answering only calls with the shared secret."""
        return [
            str(BIN / "python"),
            "-m",
            "bot.action_server",
            "--actions",
            "actions",
            "--port",
            str(self.action_port),
        ]

    def start_rasa(self) -> None:
        self._spawn("rasa", self.rasa_command())

    def rasa_command(self) -> list[str]:
        """``rasa run`` through ``bot.rasa.run``: the token from the environment."""
        return [
            str(BIN / "python"),
            "-m",
            "bot.rasa.run",
            "--model",
            str(self.model),
            "--port",
            str(self.rasa_port),
            "--enable-api",
            "--credentials",
            "credentials.yml",
            "--endpoints",
            "endpoints.yml",
        ]

    def _spawn(self, name: str, command: list[str]) -> None:
        log = (self.workdir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            command,
            cwd=self.project,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a group, so stopping reaches Sanic's workers
        )

    def wait_ready(self, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited; log:\n{self.log(name)}")
            try:
                status = f"{self.url}/status?token={self.token}"
                if requests.get(status, timeout=2).ok and (
                    not self.with_actions or self._actions_up()
                ):
                    return
            except requests.RequestException:  # refused, or a worker still loading
                pass
            time.sleep(0.5)
        raise TimeoutError(f"servers not ready; rasa log:\n{self.log('rasa')}")

    def _actions_up(self) -> bool:
        try:
            url = f"http://127.0.0.1:{self.action_port}/health"
            return requests.get(url, timeout=2).ok
        except requests.ConnectionError:
            return False

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def kill(self, name: str) -> None:
        """Kill one server at once (SIGKILL), as a crash would."""
        process = self.processes.pop(name)
        _signal_group(process, signal.SIGKILL)
        process.wait(timeout=30)

    def stop_rasa(self) -> None:
        process = self.processes.pop("rasa")
        _signal_group(process, signal.SIGTERM)
        process.wait(timeout=30)

    def stop(self) -> None:
        for process in self.processes.values():
            _signal_group(process, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        """Send one message over the REST channel; return the bot's replies."""
        response = requests.post(
            f"{self.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers={"Authorization": f"Bearer {self.token}"} if self.token else {},
            timeout=60,
        )
        response.raise_for_status()
        return response.json()

    def text(self, sender: str, message: str) -> str:
        """The bot's replies to one message, joined into one string."""
        return "\n".join(reply.get("text", "") for reply in self.say(sender, message))

    def slots(self, sender: str) -> dict[str, Any]:
        tracker = requests.get(
            f"{self.url}/conversations/{sender}/tracker",
            params={"token": self.token},
            timeout=10,
        )
        return tracker.json()["slots"]
