"""No lost hand-off: a case kept in the outbox until the database takes it."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from bot.handoff import outbox
from bot.settings import Settings
from tests.conversations.stack import prepare_database

ANSWERS = {"has_saddle_numbness": True, "pain_location": "lower_back"}


def cases(url: str) -> list[tuple[str, str, str]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT sender_id, urgency, reason FROM handoff_case")
        )
        return [tuple(row) for row in rows]


def test_a_case_waits_in_the_outbox_then_is_stored(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db' / 'backchat.db'}"
    settings = Settings(database_url=url, outbox_dir=tmp_path / "outbox")
    entry = outbox.handoff_entry("ann-1", ANSWERS, ["my bottom is numb"])
    assert outbox.store_or_queue(settings, entry) is None  # no tables yet
    [waiting] = outbox.pending(settings.outbox_dir)
    assert waiting.stat().st_mode & 0o077 == 0
    assert json.loads(waiting.read_text())["sender_id"] == "ann-1"
    assert outbox.drain(settings) == 0  # still no database: kept

    prepare_database(tmp_path / "db")
    assert outbox.drain(settings) == 1
    assert outbox.pending(settings.outbox_dir) == []
    assert cases(url) == [("ann-1", "emergency", "red_flag")]


def test_a_stored_case_is_not_doubled(tmp_path: Path) -> None:
    url = prepare_database(tmp_path)
    settings = Settings(database_url=url, outbox_dir=tmp_path / "outbox")
    entry = outbox.handoff_entry("bob-2", ANSWERS, [])
    first = outbox.store_or_queue(settings, entry)
    assert first is not None
    assert outbox.store_or_queue(settings, entry) == first
    assert cases(url) == [("bob-2", "emergency", "red_flag")]
