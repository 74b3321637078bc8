"""BackChat's own database made ready to serve: migrated and seeded."""

from __future__ import annotations

from pathlib import Path


def prepare_database(workdir: Path, url: str | None = None) -> str:
    """Migrate and seed ``url`` (default: SQLite in ``workdir``), as `make run` does.

    Returns:
        The database URL.
    """
    from bot.cli import DEFAULT_CONTENT_DIR
    from bot.db import get_session_factory
    from bot.library.seed import seed_library
    from bot.migrate import upgrade_database

    workdir.mkdir(parents=True, exist_ok=True)
    url = url or f"sqlite:///{workdir / 'backchat.db'}"
    upgrade_database(url)
    with get_session_factory(url).begin() as session:
        seed_library(session, DEFAULT_CONTENT_DIR)
    return url
