"""Fixtures for the exercise library tests: SQLite sessions and content files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from bot.db import Base
from bot.handoff.models import HandoffCase
from bot.library.models import Exercise
from bot.library.seed import seed_library
from bot.settings import PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "data" / "library"
POSTGRES_URL_ENV = "BACKCHAT_TEST_POSTGRES_URL"

# Importing the models registers their tables on the shared metadata.
REGISTERED_MODELS = (HandoffCase, Exercise)


def _foreign_keys_on(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@pytest.fixture
def engine() -> Iterator[Engine]:
    """A fresh in-memory SQLite database with every BackChat table."""
    engine = create_engine("sqlite://", future=True, poolclass=StaticPool)
    event.listen(engine, "connect", _foreign_keys_on)
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker:
    """Session factory on the empty test database."""
    return sessionmaker(engine, future=True, expire_on_commit=False)


@pytest.fixture
def seeded_factory(factory: sessionmaker) -> sessionmaker:
    """Session factory on a database seeded from data/library."""
    with factory.begin() as session:
        seed_library(session, CONTENT_DIR)
    return factory


@pytest.fixture(scope="session")
def seeded_engine() -> Iterator[Engine]:
    """One SQLite database seeded from data/library, shared by read-only tests."""
    engine = create_engine("sqlite://", future=True, poolclass=StaticPool)
    event.listen(engine, "connect", _foreign_keys_on)
    Base.metadata.create_all(engine)
    with Session(engine, future=True) as session, session.begin():
        seed_library(session, CONTENT_DIR)
    yield engine
    engine.dispose()


@pytest.fixture
def session(seeded_engine: Engine) -> Iterator[Session]:
    """A session on the seeded database, inside a transaction rolled back after."""
    connection = seeded_engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, future=True)
    try:
        yield session
    finally:
        session.close()
        transaction.rollback()
        connection.close()


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A writable copy of data/library for tests that edit content."""
    target = tmp_path / "library"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def postgres_factory() -> Iterator[sessionmaker]:
    """Session factory on an empty PostgreSQL schema; skipped without one."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_URL_ENV} is not set: no PostgreSQL to test against")
    engine = create_engine(url, future=True)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    yield sessionmaker(engine, future=True, expire_on_commit=False)
    Base.metadata.drop_all(engine)
    engine.dispose()
