"""'Delete my data' in the chat: the action, the rows before and after, and the
tracker store that must not write the deleted conversation back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.privacy import ActionDeletePersonalData
from bot.db import get_session_factory
from bot.handoff.models import HandoffCase
from bot.privacy.chat import DELETED_RESPONSE, delete_conversation, erased_this_turn
from bot.rasa.tracker_store import CachedSQLTrackerStore
from bot.settings import Settings, load_settings
from tests.conftest import make_tracker, responses
from tests.rasa.test_tracker_store import started, store

ROOT = Path(__file__).resolve().parents[2]
DONE = BotUttered("deleted", metadata={"utter_action": DELETED_RESPONSE})


@pytest.mark.parametrize(
    ("events", "erased"),
    [
        pytest.param([UserUttered("yes"), DONE], True, id="deleted-this-turn"),
        pytest.param(
            [UserUttered("yes"), DONE, ActionExecuted("action_listen")],
            True,
            id="then-listening",
        ),
        pytest.param([DONE, UserUttered("hello again")], False, id="an-earlier-turn"),
        pytest.param(
            [UserUttered("yes"), BotUttered("I couldn't delete your data")],
            False,
            id="failed",
        ),
        pytest.param(
            [UserUttered("yes"), BotUttered("x", metadata={"utter_action": "utter_x"})],
            False,
            id="another-reply",
        ),
        pytest.param([], False, id="nothing"),
    ],
)
def test_only_a_completed_deletion_in_this_turn_erases(
    events: list[Any], erased: bool
) -> None:
    assert erased_this_turn(events) is erased


def seed_person(tracker_url: str, database_url: str, sender: str) -> None:
    engine = sa.create_engine(tracker_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY,"
                " sender_id TEXT, type_name TEXT, timestamp FLOAT, data TEXT)"
            )
        )
        for text in ("my bottom is numb", "since yesterday"):
            conn.execute(
                sa.text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data)"
                    " VALUES (:s, 'user', 0, :d)"
                ),
                {"s": sender, "d": json.dumps({"event": "user", "text": text})},
            )
    engine.dispose()
    with get_session_factory(database_url).begin() as session:
        session.add(
            HandoffCase(
                sender_id=sender,
                urgency="emergency",
                reason="red_flag",
                fired_rule_ids=["RF-CES-01"],
                ruleset_version="t",
                summary={"quotes": ["has_saddle_numbness: my bottom is numb"]},
            )
        )


def rows(tracker_url: str, database_url: str, sender: str) -> tuple[int, int]:
    counts = []
    for url, table in ((tracker_url, "events"), (database_url, "handoff_case")):
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            counts.append(
                conn.execute(
                    sa.text(f"SELECT count(*) FROM {table} WHERE sender_id = :s"),
                    {"s": sender},
                ).scalar_one()
            )
        engine.dispose()
    return counts[0], counts[1]


@pytest.fixture
def chat_settings(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    monkeypatch.setenv("BACKCHAT_TRACKER_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("BACKCHAT_PRIVACY_AUDIT", str(tmp_path / "audit.log"))
    context.settings.cache_clear()
    settings = load_settings()
    seed_person(settings.tracker_url, database_url, "ann")
    seed_person(settings.tracker_url, database_url, "bob")
    return settings


async def test_the_confirmed_action_deletes_everything_and_records_no_content(
    chat_settings: Settings, dispatcher: CollectingDispatcher, domain: dict
) -> None:
    settings = chat_settings
    before = rows(settings.tracker_url, settings.database_url, "ann")
    tracker = make_tracker(intent="affirm", text="yes", sender_id="ann")
    events = await ActionDeletePersonalData().run(dispatcher, tracker, domain)
    after = rows(settings.tracker_url, settings.database_url, "ann")
    print(f"\nchat deletion: ann's rows (events, cases) before {before}, after {after}")
    assert (before, after) == ((2, 1), (0, 0))
    assert events == []
    assert responses(dispatcher) == [DELETED_RESPONSE]
    assert rows(settings.tracker_url, settings.database_url, "bob") == (2, 1)
    [line] = settings.privacy_audit.read_text().splitlines()
    record = json.loads(line)
    assert (record["what"], record["events"], record["cases"]) == ("chat", 2, 1)
    assert "ann" not in line and "numb" not in line


async def test_a_failed_deletion_says_so(
    chat_settings: Settings,
    dispatcher: CollectingDispatcher,
    domain: dict,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # A folder where the database should be: it cannot be opened.
    monkeypatch.setenv("BACKCHAT_TRACKER_URL", f"sqlite:///{tmp_path}")
    context.settings.cache_clear()
    tracker = make_tracker(intent="affirm", text="yes", sender_id="ann")
    await ActionDeletePersonalData().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_data_deletion_failed"]
    assert rows(chat_settings.tracker_url, chat_settings.database_url, "ann")[1] == 1


async def test_the_tracker_store_does_not_write_a_deleted_conversation_back(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    domain = Domain.load(str(ROOT / "domain.yml"))
    cached: CachedSQLTrackerStore = store(url, domain)  # type: ignore[assignment]
    tracker = await started(cached, "ann", domain)
    tracker.update(UserUttered("my bottom is numb"))
    await cached.save(tracker)
    tracker = await cached.retrieve("ann")
    assert tracker is not None
    # The next turn: the action deleted the rows, then said so.
    tracker.update(UserUttered("yes"))
    delete_conversation(
        Settings(tracker_url=url, database_url=f"sqlite:///{tmp_path / 'b.db'}"),
        "ann",
    )
    tracker.update(ActionExecuted("action_delete_personal_data"))
    tracker.update(DONE)
    tracker.update(ActionExecuted("action_listen"))
    await cached.save(tracker)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        left = conn.execute(sa.text("SELECT count(*) FROM events")).scalar_one()
    engine.dispose()
    assert left == 0
    assert await cached.retrieve("ann") is None


def test_hand_offs_waiting_in_the_outbox_are_deleted_too(tmp_path: Path) -> None:
    from bot.handoff import outbox

    outbox.queue(tmp_path, outbox.handoff_entry("ann", {}, ["my bottom is numb"]))
    outbox.queue(tmp_path, outbox.handoff_entry("bob", {}, ["numb"]))
    settings = Settings(
        tracker_url=f"sqlite:///{tmp_path / 't.db'}",
        database_url=f"sqlite:///{tmp_path / 'b.db'}",
        outbox_dir=tmp_path,
        privacy_audit=tmp_path / "audit.log",
    )
    delete_conversation(settings, "ann")
    left = [json.loads(p.read_text())["sender_id"] for p in outbox.pending(tmp_path)]
    assert left == ["bob"]
