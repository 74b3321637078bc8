"""backchat privacy export|delete|purge: a person's rows before and after."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, main
from bot.handoff import outbox
from bot.settings import Settings
from tests.conversations.stack import prepare_database

DAY = 86400


def tracker_db(path: Path, rows: list[tuple[str, float, str]]) -> str:
    """A tracker store with Rasa's ``events`` table (the columns we read)."""
    url = f"sqlite:///{path}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT,"
                " type_name TEXT, timestamp FLOAT, data TEXT)"
            )
        )
        for sender, at, text in rows:
            conn.execute(
                sa.text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data)"
                    " VALUES (:s, 'user', :t, :d)"
                ),
                {
                    "s": sender,
                    "t": at,
                    "d": json.dumps({"event": "user", "text": text}),
                },
            )
    return url


def count(url: str, table: str, sender: str) -> int:
    with sa.create_engine(url).connect() as conn:
        return conn.execute(
            sa.text(f"SELECT count(*) FROM {table} WHERE sender_id = :s"), {"s": sender}
        ).scalar_one()


@pytest.fixture
def person(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    now = time.time()
    tracker = tracker_db(
        tmp_path / "tracker.db",
        [
            ("ann", now, "my bottom is numb"),
            ("ann", now, "since yesterday"),
            ("old", now - 40 * DAY, "sore back"),
            ("new", now, "hello"),
        ],
    )
    url = prepare_database(tmp_path)
    settings = Settings(database_url=url, outbox_dir=tmp_path / "outbox")
    outbox.store(
        settings, outbox.handoff_entry("ann", {"has_saddle_numbness": True}, ["numb"])
    )
    audit = tmp_path / "audit.log"
    monkeypatch.setenv("BACKCHAT_PRIVACY_AUDIT", str(audit))
    return {"tracker": tracker, "db": url, "audit": str(audit)}


def cli(person: dict[str, str], *args: str) -> int:
    return main(
        [
            "--database-url",
            person["db"],
            "privacy",
            "--tracker-url",
            person["tracker"],
            *args,
        ]
    )


def test_export_writes_everything_kept(person: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "ann.json"
    assert cli(person, "export", "ann", "--out", str(out)) == EXIT_OK
    data = json.loads(out.read_text())
    assert [e["text"] for e in data["events"]] == [
        "my bottom is numb",
        "since yesterday",
    ]
    assert [c["summary"]["quotes"] for c in data["handoff_cases"]] == [["numb"]]
    assert cli(person, "export", "nobody") == EXIT_NOT_FOUND


def test_delete_removes_the_conversation_and_cases(
    person: dict[str, str], capsys: pytest.CaptureFixture
) -> None:
    before = (
        count(person["tracker"], "events", "ann"),
        count(person["db"], "handoff_case", "ann"),
    )
    assert before == (2, 1)
    assert cli(person, "delete", "ann") == EXIT_OK
    assert "deleted 2 events and 1 hand-off cases" in capsys.readouterr().out
    after = (
        count(person["tracker"], "events", "ann"),
        count(person["db"], "handoff_case", "ann"),
    )
    assert after == (0, 0)
    assert count(person["tracker"], "events", "new") == 1  # others untouched
    [line] = Path(person["audit"]).read_text().splitlines()
    record = json.loads(line)
    assert record["what"] == "delete" and record["events"] == 2
    assert "ann" not in line and "numb" not in line  # no content in the audit
    assert cli(person, "delete", "ann") == EXIT_NOT_FOUND


def test_purge_deletes_only_idle_conversations(person: dict[str, str]) -> None:
    assert cli(person, "purge", "--older-than", "30d") == EXIT_OK
    assert count(person["tracker"], "events", "old") == 0
    assert count(person["tracker"], "events", "ann") == 2
    assert count(person["tracker"], "events", "new") == 1
    assert cli(person, "purge", "--older-than", "soon") == EXIT_BAD_INPUT


def test_delete_also_removes_hand_offs_waiting_in_the_outbox(
    person: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting = tmp_path / "waiting"
    outbox.queue(waiting, outbox.handoff_entry("ann", {}, ["my bottom is numb"]))
    monkeypatch.setenv("BACKCHAT_OUTBOX_DIR", str(waiting))
    assert cli(person, "delete", "ann") == EXIT_OK
    assert outbox.pending(waiting) == []
