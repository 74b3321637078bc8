"""Console sessions in the database: they survive a restart, expire, and end."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import sessionmaker

from bot.db import get_session_factory
from bot.handoff.accounts import Clinician, create_account
from bot.handoff.console_models import ClinicianAccount, ConsoleSessionRecord
from bot.web.sessions import SessionStore


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def alice(database: sessionmaker) -> Clinician:
    with database.begin() as db:
        account = create_account(db, "alice", "a long test password")
        db.flush()
        return Clinician(account.id, account.name)


def test_a_session_survives_a_restart_of_the_web_app(database_url: str) -> None:
    database = get_session_factory(database_url)
    token = SessionStore(database, 60).create(alice(database))
    restarted = SessionStore(database, 60)  # a new process: nothing in memory
    session = restarted.get(token)
    assert session is not None and session.clinician.name == "alice"
    assert session.csrf_token and session.csrf_token != token


def test_only_a_hash_of_the_token_is_stored(database_url: str) -> None:
    database = get_session_factory(database_url)
    token = SessionStore(database, 60).create(alice(database))
    with database() as db:
        stored = db.scalars(sa.select(ConsoleSessionRecord.token_sha256)).all()
    assert len(stored) == 1 and stored[0] != token and token not in stored[0]


def test_sessions_expire_without_activity_and_renew_with_it(database_url: str) -> None:
    database = get_session_factory(database_url)
    clock = Clock()
    store = SessionStore(database, 600, clock=clock)
    token = store.create(alice(database))
    clock.now += 500
    assert store.get(token) is not None
    clock.now += 500
    assert store.get(token) is not None  # renewed by the previous use
    clock.now += 601
    assert store.get(token) is None
    assert store.get("made-up") is None
    assert store.get(None) is None
    assert store.get("x" * 10_000) is None


def test_signing_out_ends_the_session(database_url: str) -> None:
    database = get_session_factory(database_url)
    store = SessionStore(database, 60)
    token = store.create(alice(database))
    store.drop(token)
    assert store.get(token) is None


def test_a_disabled_account_is_signed_out(database_url: str) -> None:
    database = get_session_factory(database_url)
    store = SessionStore(database, 60)
    token = store.create(alice(database))
    with database.begin() as db:
        db.execute(sa.update(ClinicianAccount).values(is_active=False))
    assert store.get(token) is None


def test_expired_sessions_are_cleared_on_the_next_sign_in(database_url: str) -> None:
    database = get_session_factory(database_url)
    clock = Clock()
    store = SessionStore(database, 60, clock=clock)
    clinician = alice(database)
    store.create(clinician)
    clock.now += 61
    store.create(clinician)
    with database() as db:
        assert len(db.scalars(sa.select(ConsoleSessionRecord)).all()) == 1
