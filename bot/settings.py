"""Environment read once into a frozen object that callers pass down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'backchat.db'}"


@dataclass(frozen=True)
class Settings:
    """Runtime configuration of BackChat.

    Attributes:
        database_url: SQLAlchemy URL of BackChat's own tables (library, hand-off).
        clinical_dir: Folder holding the versioned clinical content files.
        handoff_webhook_url: Optional URL notified when a hand-off is recorded.
    """

    database_url: str = DEFAULT_DATABASE_URL
    clinical_dir: Path = PROJECT_ROOT / "data" / "clinical"
    handoff_webhook_url: str | None = None


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment (``BACKCHAT_*`` variables)."""
    env = os.environ if environ is None else environ
    defaults = Settings()
    return Settings(
        database_url=env.get("BACKCHAT_DATABASE_URL", defaults.database_url),
        clinical_dir=Path(env.get("BACKCHAT_CLINICAL_DIR", str(defaults.clinical_dir))),
        handoff_webhook_url=env.get("BACKCHAT_HANDOFF_WEBHOOK_URL") or None,
    )
