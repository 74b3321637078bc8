"""Shared fixtures: dispatcher, tracker builder, real domain, fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    """The real domain, so actions are checked against the names it defines."""
    return yaml.safe_load((ROOT / "domain.yml").read_text())


def make_tracker(
    slots: dict[str, Any] | None = None,
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    text: str = "",
    active_loop: str | None = None,
    sender_id: str = "test-user",
) -> Tracker:
    """A tracker whose latest message has ``intent``, ``entities`` and ``text``."""
    latest = {
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "entities": entities or [],
        "text": text,
    }
    return Tracker(
        sender_id=sender_id,
        slots=dict(slots or {}),
        latest_message=latest,
        events=[{"event": "user", "text": text, "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def rasa_patched() -> Iterator[None]:
    """BackChat's patches of Rasa for one test; Rasa's own methods back after it."""
    from bot.rasa import install, uninstall

    install()
    yield
    uninstall()


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh, migrated and seeded SQLite database, used by the actions."""
    from actions import context
    from bot.cli import DEFAULT_CONTENT_DIR
    from bot.db import get_session_factory
    from bot.library.seed import seed_library
    from bot.migrate import upgrade_database

    url = f"sqlite:///{tmp_path / 'backchat.db'}"
    monkeypatch.setenv("BACKCHAT_DATABASE_URL", url)
    context.settings.cache_clear()
    upgrade_database(url)
    with get_session_factory(url).begin() as session:
        seed_library(session, DEFAULT_CONTENT_DIR)
    yield url
    context.settings.cache_clear()


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    """The response names the dispatcher was asked to send, in order."""
    return [message["response"] for message in dispatcher.messages]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the figures the tests measured (tests/figures.py)."""
    from tests.figures import summary

    lines = summary()
    if lines:
        terminalreporter.section("figures (issue 12)")
        for line in lines:
            terminalreporter.write_line(line)
