"""The cached tracker store rides out a database that cannot be reached."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa.tracker_settings import RETRY_ENV
from bot.rasa.tracker_store import CachedSQLTrackerStore
from tests.rasa.test_tracker_store import a_turn, new_conversation, store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def failing_first(
    monkeypatch: pytest.MonkeyPatch, target: CachedSQLTrackerStore, times: int
) -> list[int]:
    """Make the store's next ``times`` database reads fail as if it were down."""
    calls = [0]
    real = target._read_latest_session

    async def flaky(sender_id: str) -> DialogueStateTracker | None:
        calls[0] += 1
        if calls[0] <= times:
            raise sa.exc.OperationalError("select", {}, ConnectionRefusedError())
        return await real(sender_id)

    monkeypatch.setattr(target, "_read_latest_session", flaky)
    return calls


async def test_a_read_waits_for_the_database_instead_of_starting_afresh(
    tmp_path: Path, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = store(f"sqlite:///{tmp_path / 't.db'}", domain)
    tracker = new_conversation("who", domain)
    for event in a_turn("my back hurts", "lower_back"):
        tracker.update(event)
    await cached.save(tracker)
    calls = failing_first(monkeypatch, cached, 3)
    read = await cached.retrieve("who")
    assert read is not None and read.get_slot("pain_location") == "lower_back"
    assert calls[0] > 3


async def test_after_the_retry_window_the_error_reaches_rasa(
    tmp_path: Path, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RETRY_ENV, "0.3")
    cached = store(f"sqlite:///{tmp_path / 't.db'}", domain)
    await cached.save(new_conversation("who", domain))
    failing_first(monkeypatch, cached, 1000)
    with pytest.raises(sa.exc.OperationalError):
        await cached.retrieve("who")


def test_a_bad_retry_window_is_refused(
    tmp_path: Path, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RETRY_ENV, "soon")
    with pytest.raises(ValueError, match=RETRY_ENV):
        store(f"sqlite:///{tmp_path / 't.db'}", domain)
