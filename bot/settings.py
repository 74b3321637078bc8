"""Environment read once into a frozen object that callers pass down."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'backchat.db'}"
PRODUCTION = "production"
LOOPBACK = "127.0.0.1"
SECRETS = ("rasa_token", "action_token", "session_secret")


class SettingsError(ValueError):
    """Settings a server must not start with; the message says which."""


@dataclass(frozen=True)
class Settings:
    """Runtime configuration of BackChat.

    Attributes:
        database_url: SQLAlchemy URL of BackChat's own tables (library, hand-off).
        clinical_dir: Folder holding the versioned clinical content files.
        handoff_webhook_url: Optional URL notified when a hand-off is recorded.
        profile: ``development`` (default) or ``production``, which refuses to
            start without secrets and requires the token on the REST channel.
        rasa_token: Token of Rasa's HTTP API (and of the REST channel).
        action_token: Shared secret Rasa sends the action server.
        session_secret: Key that signs the widget's socket.io session ids.
        rest_requires_token: Whether the REST channel needs ``rasa_token``.
        allowed_origins: Web origins the widget's socket.io may connect from.
        max_message_chars: Longest message accepted; longer ones are refused.
        action_timeout_seconds: How long Rasa waits for the action server.
        outbox_dir: Hand-off cases waiting for the database.
        retention_days: Conversations older than this are purged (None: kept).
        tracker_url: SQLAlchemy URL of Rasa's tracker store (the conversations).
        privacy_audit: File where deletions are recorded, without content.
        sender_messages_per_minute: Messages one conversation may send a
            minute (and at once); more get a "too fast" reply. 0: no limit.
        client_messages_per_minute: The same for one client address, across
            conversations. 0: no limit.
        rate_limit_loopback: Limit loopback clients per client too (off: on
            one machine, or behind a proxy whose real-client header Sanic
            does not trust, everyone is 127.0.0.1).
    """

    database_url: str = DEFAULT_DATABASE_URL
    clinical_dir: Path = PROJECT_ROOT / "data" / "clinical"
    handoff_webhook_url: str | None = None
    profile: str = "development"
    rasa_token: str | None = None
    action_token: str | None = None
    session_secret: str | None = None
    rest_requires_token: bool = False
    allowed_origins: tuple[str, ...] = ()
    max_message_chars: int = 2000
    action_timeout_seconds: float = 10.0
    outbox_dir: Path = PROJECT_ROOT / "var" / "outbox"
    retention_days: int | None = None
    tracker_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'tracker.db'}"
    privacy_audit: Path = PROJECT_ROOT / "var" / "privacy-audit.log"
    sender_messages_per_minute: int = 30
    client_messages_per_minute: int = 300
    rate_limit_loopback: bool = False

    @property
    def is_production(self) -> bool:
        """Whether the production profile is on."""
        return self.profile == PRODUCTION


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment (``BACKCHAT_*`` variables).

    A secret ``BACKCHAT_X`` may instead be given as a file, ``BACKCHAT_X_FILE``
    (never on a command line, where ``ps`` shows it).
    """
    env = os.environ if environ is None else environ
    defaults = Settings()
    profile = env.get("BACKCHAT_PROFILE") or defaults.profile
    origins = env.get("BACKCHAT_ALLOWED_ORIGINS", "")
    retention = env.get("BACKCHAT_RETENTION_DAYS") or None
    return Settings(
        database_url=env.get("BACKCHAT_DATABASE_URL", defaults.database_url),
        clinical_dir=Path(env.get("BACKCHAT_CLINICAL_DIR", str(defaults.clinical_dir))),
        handoff_webhook_url=env.get("BACKCHAT_HANDOFF_WEBHOOK_URL") or None,
        profile=profile,
        rasa_token=read_secret(env, "BACKCHAT_RASA_TOKEN"),
        action_token=read_secret(env, "BACKCHAT_ACTION_TOKEN"),
        session_secret=read_secret(env, "BACKCHAT_SESSION_SECRET"),
        rest_requires_token=_flag(
            env.get("BACKCHAT_REST_REQUIRES_TOKEN"), profile == PRODUCTION
        ),
        allowed_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
        max_message_chars=int(
            env.get("BACKCHAT_MAX_MESSAGE_CHARS") or defaults.max_message_chars
        ),
        action_timeout_seconds=float(
            env.get("BACKCHAT_ACTION_TIMEOUT") or defaults.action_timeout_seconds
        ),
        outbox_dir=Path(env.get("BACKCHAT_OUTBOX_DIR") or defaults.outbox_dir),
        retention_days=int(retention) if retention else None,
        tracker_url=env.get("BACKCHAT_TRACKER_URL") or defaults.tracker_url,
        privacy_audit=Path(env.get("BACKCHAT_PRIVACY_AUDIT") or defaults.privacy_audit),
    )


def read_secret(env: Mapping[str, str], name: str) -> str | None:
    """``env[name]``, or the first line of the file ``env[name + "_FILE"]``."""
    value = env.get(name)
    if value:
        return value
    path = env.get(f"{name}_FILE")
    if not path:
        return None
    try:
        first = Path(path).read_text(encoding="utf-8").strip().splitlines()
    except OSError as error:
        raise SettingsError(f"{name}_FILE cannot be read: {error.strerror}") from None
    return first[0] if first else None


def check_can_serve(settings: Settings, *needed: str) -> None:
    """Raise :class:`SettingsError` if production lacks a secret a server needs.

    Args:
        settings: The loaded settings.
        needed: Names among ``SECRETS`` this server needs; all when empty.
    """
    if not settings.is_production:
        return
    missing = [n for n in (needed or SECRETS) if not getattr(settings, n)]
    if missing:
        names = ", ".join(f"BACKCHAT_{n.upper()}" for n in missing)
        raise SettingsError(f"the production profile needs {names} (or *_FILE)")
    if not settings.allowed_origins:
        raise SettingsError("the production profile needs BACKCHAT_ALLOWED_ORIGINS")


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


_N = TypeVar("_N", int, float)


def _number_setting(name: str, default: _N, read: Callable[[str], _N], what: str) -> _N:
    """A number from the environment variable ``name`` (``default`` when unset;
    never negative); a value that is not ``what`` fails loudly."""
    raw = os.environ.get(name, "")
    try:
        return max(read("0"), read(raw)) if raw else default
    except ValueError as error:
        message = f"{name} must be {what}, got {raw!r}"
        raise ValueError(message) from error


def seconds_setting(name: str, default: float) -> float:
    """A number of seconds from the environment variable ``name``."""
    return _number_setting(name, default, float, "a number of seconds")


def whole_number_setting(name: str, default: int) -> int:
    """A whole number (a count or a size) from the environment variable ``name``."""
    return _number_setting(name, default, int, "a whole number")
