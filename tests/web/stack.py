"""The conversation test stack plus BackChat's web app, with Rasa's API locked.

Extends ``tests.conversations.stack.Stack``: Rasa gets ``--cors`` and the allowed
origin of the page, and a credentials file whose socket.io channel is
``bot.rasa.channel.SocketIOChannel``.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
import yaml

from tests.conversations.stack import BIN, ROOT, Stack, free_port

CHANNEL = "bot.rasa.channel.SocketIOChannel"


def web_credentials(source: Path, target: Path) -> Path:
    """Write ``source`` credentials with the socket.io channel replaced by ours."""
    credentials = yaml.safe_load(source.read_text()) or {}
    socketio = credentials.pop("socketio", None)
    credentials.setdefault(CHANNEL, socketio or {"session_persistence": True})
    target.write_text(yaml.safe_dump(credentials))
    return target


@dataclass
class WebStack(Stack):
    """Rasa, the action server and the web app, on free ports."""

    token: str | None = "test-token-not-secret"
    web_port: int = field(default_factory=free_port)

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def env(self) -> dict[str, str]:
        return {
            **super().env,
            "BACKCHAT_RASA_TOKEN": self.token,
            "BACKCHAT_RASA_URL": self.url,
            "BACKCHAT_WEB_HOST": "127.0.0.1",
            "BACKCHAT_WEB_PORT": str(self.web_port),
            "BACKCHAT_ALLOWED_ORIGINS": self.web_url,
        }

    def start(self) -> WebStack:
        super().start()
        self._spawn("web", [str(BIN / "python"), "-m", "bot.web.app"])
        return self

    def rasa_command(self) -> list[str]:
        credentials = web_credentials(
            ROOT / "credentials.yml", self.workdir / "credentials.yml"
        )
        command = super().rasa_command()
        command[command.index("credentials.yml")] = str(credentials)
        return [*command, "--cors", self.web_url]

    def wait_ready(self, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited; log:\n{self.log(name)}")
            if all(self._up(url) for url in self._health_urls()):
                return
            time.sleep(0.5)
        raise TimeoutError(f"servers not ready; rasa log:\n{self.log('rasa')}")

    def _health_urls(self) -> list[str]:
        return [
            f"{self.url}/status?token={self.token}",
            f"http://127.0.0.1:{self.action_port}/health",
            f"{self.web_url}/widget.js",
        ]

    @staticmethod
    def _up(url: str) -> bool:
        try:
            return requests.get(url, timeout=2).ok
        except requests.ConnectionError:
            return False

    def tracker(self, sender: str) -> dict:
        """The conversation's tracker through Rasa's token-protected API."""
        response = requests.get(
            f"{self.url}/conversations/{sender}/tracker",
            params={"token": self.token},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()


def spawn_web_app(workdir: Path, env: dict[str, str]) -> subprocess.Popen:
    """Start the web app alone (for tests of its HTTP API without Rasa)."""
    log = (workdir / "web.log").open("ab")
    return subprocess.Popen(
        [str(BIN / "python"), "-m", "bot.web.app"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
