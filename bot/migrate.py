"""Run BackChat's Alembic migrations from Python (``make run``, tests, CLI)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from bot.settings import PROJECT_ROOT

ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"


def alembic_config(database_url: str) -> Config:
    """Return an Alembic config for ``database_url`` that leaves logging alone."""
    config = Config(str(ALEMBIC_INI)) if ALEMBIC_INI.exists() else Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logger"] = False
    return config


def upgrade_database(database_url: str, revision: str = "head") -> None:
    """Migrate the database at ``database_url`` up to ``revision``.

    Args:
        database_url: SQLAlchemy URL, e.g. ``Settings.database_url``.
        revision: Target revision id, or "head" for the newest.
    """
    command.upgrade(alembic_config(database_url), revision)


def downgrade_database(database_url: str, revision: str) -> None:
    """Migrate the database at ``database_url`` down to ``revision``.

    Args:
        database_url: SQLAlchemy URL.
        revision: Target revision id, "base" for an empty schema, or a relative
            step such as "-1".
    """
    command.downgrade(alembic_config(database_url), revision)


def current_revision(database_url: str) -> str | None:
    """Return the revision the database is at, or None when never migrated."""
    engine = create_engine(database_url, future=True, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
