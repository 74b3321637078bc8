"""Alembic environment: BackChat's one metadata, URL from settings or overrides.

URL precedence: ``alembic -x url=...``, then ``config.attributes["database_url"]``
(set by bot.migrate), then ``sqlalchemy.url`` in alembic.ini, then
``bot.settings.load_settings().database_url``. A caller may also pass an open
connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

import bot.followup.models
import bot.handoff.console_models
import bot.handoff.models
import bot.library.models  # noqa: F401  (the imports register every table)
from bot.db import Base
from bot.settings import load_settings

config = context.config
target_metadata = Base.metadata

if config.config_file_name is not None and config.attributes.get(
    "configure_logger", True
):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def database_url() -> str:
    """Return the URL to migrate, by the precedence in the module docstring."""
    x_args = context.get_x_argument(as_dictionary=True)
    return (
        x_args.get("url")
        or config.attributes.get("database_url")
        or config.get_main_option("sqlalchemy.url")
        or load_settings().database_url
    )


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """Emit the SQL to stdout instead of running it (``alembic upgrade --sql``)."""
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on a connection.

    Uses its own engine without bot.db's SQLite foreign-key pragma: with that
    pragma on, SQLite batch migrations that rebuild a table would cascade
    deletes into the rows that refer to it.
    """
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = create_engine(database_url(), future=True, poolclass=NullPool)
    with engine.connect() as connection:
        _configure(connection)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
