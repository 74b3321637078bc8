"""Alembic history: up and down, and the migrated schema matches the models."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, create_engine, inspect
from sqlalchemy.pool import NullPool

from bot.db import Base
from bot.followup.models import FollowUpCheckIn, FollowUpEpisode
from bot.handoff import console_models
from bot.handoff.models import HandoffCase
from bot.library.models import Exercise
from bot.migrate import (
    alembic_config,
    current_revision,
    downgrade_database,
    upgrade_database,
)
from bot.settings import PROJECT_ROOT

POSTGRES_URL_ENV = "BACKCHAT_TEST_POSTGRES_URL"

# Importing the models registers their tables on the shared metadata.
REGISTERED_MODELS = (HandoffCase, Exercise)
LIBRARY_TABLES = {
    "library_activity", "library_activity_verdict", "library_avoid_item",
    "library_content_version", "library_contraindication", "library_exercise",
    "library_exercise_alias", "library_exercise_contraindication",
}  # fmt: skip
CONSOLE_TABLES = {
    console_models.ConsoleSessionRecord.__tablename__,
    console_models.ClinicianAccount.__tablename__,
    console_models.CaseClaim.__tablename__,
}
FOLLOW_UP_TABLES = {FollowUpEpisode.__tablename__, FollowUpCheckIn.__tablename__}
MIGRATED_TABLES = LIBRARY_TABLES | CONSOLE_TABLES | FOLLOW_UP_TABLES | {"handoff_case"}


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a fresh SQLite file."""
    return f"sqlite:///{tmp_path / 'migrations.db'}"


@pytest.fixture
def postgres_url() -> str:
    """URL of an empty PostgreSQL database; skipped when none is configured."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_URL_ENV} is not set: no PostgreSQL to test against")
    downgrade_database(url, "base")
    return url


def tables(url: str) -> set[str]:
    engine = create_engine(url, future=True, poolclass=NullPool)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def covered_metadata() -> MetaData:
    """The shared metadata restricted to the tables this history creates.

    Other modules may register further tables on ``Base``; they need their own
    revisions, and must not make these tests depend on import order.
    """
    metadata = MetaData()
    for name in sorted(MIGRATED_TABLES):
        Base.metadata.tables[name].to_metadata(metadata)
    return metadata


def schema_differences(url: str) -> list:
    engine = create_engine(url, future=True, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True}
            )
            return compare_metadata(context, covered_metadata())
    finally:
        engine.dispose()


def test_history_is_linear_handoff_then_library() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))

    assert script.get_heads() == ["0005"]
    assert [r.revision for r in script.walk_revisions()] == [
        "0005",
        "0004",
        "0003",
        "0002",
        "0001",
    ]
    assert script.get_revision("0002").down_revision == "0001"


def test_upgrade_creates_every_table_as_the_models_define(db_url: str) -> None:
    upgrade_database(db_url)

    assert current_revision(db_url) == "0005"
    assert tables(db_url) == MIGRATED_TABLES | {"alembic_version"}
    assert set(Base.metadata.tables) >= MIGRATED_TABLES
    assert schema_differences(db_url) == []


def test_downgrade_step_by_step_and_up_again(db_url: str) -> None:
    upgrade_database(db_url)

    downgrade_database(db_url, "0001")
    assert tables(db_url) == {"handoff_case", "alembic_version"}
    assert current_revision(db_url) == "0001"

    downgrade_database(db_url, "base")
    assert tables(db_url) == {"alembic_version"}
    assert current_revision(db_url) is None

    upgrade_database(db_url, "0001")
    upgrade_database(db_url)
    assert tables(db_url) >= LIBRARY_TABLES
    assert schema_differences(db_url) == []


def test_upgrading_twice_is_harmless(db_url: str) -> None:
    upgrade_database(db_url)
    upgrade_database(db_url)

    assert current_revision(db_url) == "0005"


@pytest.mark.parametrize("how", ["x-argument", "environment"])
def test_alembic_command_line_finds_the_url(tmp_path: Path, how: str) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {**os.environ, "BACKCHAT_DATABASE_URL": "sqlite:///" + str(tmp_path / "x")}
    args = [sys.executable, "-m", "alembic"]
    if how == "x-argument":
        args += ["-x", f"url={url}"]
    else:
        env["BACKCHAT_DATABASE_URL"] = url
    result = subprocess.run(
        [*args, "upgrade", "head"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert current_revision(url) == "0005"


def test_migrations_on_postgresql(postgres_url: str) -> None:
    upgrade_database(postgres_url)
    assert schema_differences(postgres_url) == []

    downgrade_database(postgres_url, "0001")
    assert tables(postgres_url) == {"handoff_case", "alembic_version"}
    downgrade_database(postgres_url, "base")
