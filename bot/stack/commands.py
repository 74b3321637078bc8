"""The command line of each BackChat server; no secrets (they stay in the env)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT

BIN = Path(sys.executable).parent
CHANNEL = "bot.rasa.channel.SocketIOChannel"


def free_port() -> int:
    """A TCP port on loopback that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def actions_command(port: int, package: str = "actions") -> list[str]:
    """The action server, answering only calls with the shared secret."""
    return [
        str(BIN / "python"),
        "-m",
        "bot.rasa.action_server",
        "--actions",
        package,
        "--port",
        str(port),
    ]


def rasa_command(
    model: str | Path,
    port: int,
    *,
    credentials: str | Path = "credentials.yml",
    cors: tuple[str, ...] = (),
) -> list[str]:
    """``rasa run`` through ``bot.rasa.run``: the token from the environment."""
    command = [
        str(BIN / "python"),
        "-m",
        "bot.rasa.run",
        "--model",
        str(model),
        "--port",
        str(port),
        "--enable-api",
        "--credentials",
        str(credentials),
        "--endpoints",
        "endpoints.yml",
    ]
    return [*command, "--cors", *cors] if cors else command


def web_command() -> list[str]:
    """The demo page and the clinician console (port and host from the env)."""
    return [str(BIN / "python"), "-m", "bot.web.app"]


def web_credentials(source: Path, target: Path) -> Path:
    """Write ``source`` credentials with the socket.io channel replaced by ours."""
    credentials = yaml.safe_load(source.read_text()) or {}
    socketio = credentials.pop("socketio", None)
    credentials.setdefault(CHANNEL, socketio or {"session_persistence": True})
    target.write_text(yaml.safe_dump(credentials))
    return target


def project_credentials(workdir: Path, project: Path = PROJECT_ROOT) -> Path:
    """The project's credentials with BackChat's channel, written into ``workdir``."""
    return web_credentials(project / "credentials.yml", workdir / "credentials.yml")
