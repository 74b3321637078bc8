"""The embedded profile: Rasa, the action server (and the web app), SQLite.

``Stack`` runs Rasa and the action server on free loopback ports with the
environment ``scripts/env.sh`` gives ``make run``; ``WebStack`` adds the web app,
Rasa's API token and BackChat's socket.io channel. Both are used by the tests,
the bench and the evaluation; ``ProductionStack`` (``bot.stack.production``)
builds on them.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from bot.settings import PROJECT_ROOT
from bot.stack.commands import (
    actions_command,
    free_port,
    project_credentials,
    rasa_command,
    web_command,
)
from bot.stack.processes import ProcessGroup


@dataclass
class Stack:
    """A Rasa server (and optionally an action server) running in subprocesses."""

    model: Path
    workdir: Path
    with_actions: bool = True
    project: Path = PROJECT_ROOT  # the Rasa project the servers run in
    workers: int = 1  # Rasa's Sanic workers; more than one locks through Redis
    token: str | None = None  # Rasa's API token (and REST's when required)
    action_token: str = "test-action-secret"  # Rasa -> action server
    session_secret: str = "test-session-secret"  # signs the widget's session ids
    rest_requires_token: bool = False  # the production setting
    rasa_port: int = field(default_factory=free_port)
    action_port: int = field(default_factory=free_port)
    group: ProcessGroup = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.group = ProcessGroup(self.workdir)

    @property
    def processes(self) -> dict[str, subprocess.Popen]:
        """The running servers by name."""
        return self.group.processes

    @property
    def url(self) -> str:
        """Where Rasa's HTTP API and channels answer."""
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        """Where Rasa calls the action server."""
        # With no action server, point at a port nobody listens on.
        port = self.action_port if self.with_actions else free_port()
        return f"http://127.0.0.1:{port}/webhook"

    @property
    def env(self) -> dict[str, str]:
        """The servers' environment: the caller's, with BackChat's settings."""
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
            "BACKCHAT_ACTION_ENDPOINT": self.action_url,
            "BACKCHAT_TRACKER_DIALECT": "sqlite",
            "BACKCHAT_TRACKER_URL": f"sqlite:///{self.workdir / 'tracker.db'}",
            "SANIC_WORKERS": str(self.workers),
            "BACKCHAT_LOCK_STORE": "redis" if self.workers > 1 else "in_memory",
            "BACKCHAT_REDIS_HOST": "127.0.0.1",
            "BACKCHAT_REDIS_PORT": os.environ.get("BACKCHAT_REDIS_PORT", "6379"),
            "BACKCHAT_ACTION_TOKEN": self.action_token,
            "BACKCHAT_SESSION_SECRET": self.session_secret,
            "BACKCHAT_REST_REQUIRES_TOKEN": "1" if self.rest_requires_token else "0",
            "BACKCHAT_OUTBOX_DIR": str(self.workdir / "outbox"),
            "BACKCHAT_PRIVACY_AUDIT": str(self.workdir / "privacy-audit.log"),
            "BACKCHAT_ALLOWED_ORIGINS": "http://localhost:8000",
            "BACKCHAT_RASA_HOST": "127.0.0.1",
            "BACKCHAT_ACTION_HOST": "127.0.0.1",
        }

    def start(self) -> Stack:
        """Start the servers (not waiting for them: see ``wait_ready``)."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self.with_actions:
            self.start_actions()
        self.start_rasa()
        return self

    def start_actions(self) -> None:
        self._spawn("actions", self.actions_command())

    def actions_command(self) -> list[str]:
        return actions_command(self.action_port)

    def start_rasa(self) -> None:
        self._spawn("rasa", self.rasa_command())

    def rasa_command(self) -> list[str]:
        return rasa_command(self.model, self.rasa_port)

    def _spawn(self, name: str, command: list[str]) -> None:
        self.group.spawn(name, command, cwd=self.project, env=self.env)

    def health_urls(self) -> list[str]:
        """URLs that all answer 200 once the servers serve."""
        urls = [f"{self.url}/status?token={self.token}"]
        if self.with_actions:
            urls.append(f"http://127.0.0.1:{self.action_port}/health")
        return urls

    def wait_ready(self, timeout: float = 240) -> None:
        """Wait until every server answers; raise with a log if one exits."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, code in self.group.exited().items():
                raise RuntimeError(f"{name} exited ({code}); log:\n{self.log(name)}")
            if all(answers(url) for url in self.health_urls()):
                return
            time.sleep(0.5)
        raise TimeoutError(f"servers not ready; rasa log:\n{self.log('rasa')}")

    def log(self, name: str) -> str:
        return self.group.log(name)

    def kill(self, name: str) -> None:
        """Kill one server at once (SIGKILL), as a crash would."""
        self.group.kill(name)

    def stop_rasa(self) -> None:
        self.group.terminate("rasa")

    def stop(self) -> None:
        self.group.stop()

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

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation's tracker through Rasa's API."""
        response = requests.get(
            f"{self.url}/conversations/{sender}/tracker",
            params={"token": self.token},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()

    def slots(self, sender: str) -> dict[str, Any]:
        return self.tracker(sender)["slots"]


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 now."""
    try:
        return requests.get(url, timeout=2).ok
    except requests.RequestException:  # refused, or a worker still loading
        return False


@dataclass
class WebStack(Stack):
    """Rasa (token-protected), the action server and the web app, on free ports.

    Rasa gets ``--cors`` for the page's origin and a credentials file whose
    socket.io channel is ``bot.rasa.channel.SocketIOChannel``.
    """

    token: str | None = "test-token-not-secret"
    web_port: int = field(default_factory=free_port)

    @property
    def web_url(self) -> str:
        """Where a person opens the page."""
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def env(self) -> dict[str, str]:
        return {
            **super().env,
            "BACKCHAT_RASA_TOKEN": self.token or "",
            "BACKCHAT_RASA_URL": self.url,
            "BACKCHAT_WEB_HOST": "127.0.0.1",
            "BACKCHAT_WEB_PORT": str(self.web_port),
            "BACKCHAT_ALLOWED_ORIGINS": self.web_url,
        }

    def start(self) -> WebStack:
        super().start()
        self._spawn("web", web_command())
        return self

    def rasa_command(self) -> list[str]:
        return rasa_command(
            self.model,
            self.rasa_port,
            credentials=project_credentials(self.workdir, self.project),
            cors=(self.web_url,),
        )

    def health_urls(self) -> list[str]:
        return [*super().health_urls(), f"{self.web_url}/widget.js"]


def spawn_web_app(workdir: Path, env: dict[str, str]) -> subprocess.Popen:
    """Start the web app alone (for tests of its HTTP API without Rasa)."""
    return ProcessGroup(workdir).spawn("web", web_command(), cwd=PROJECT_ROOT, env=env)
