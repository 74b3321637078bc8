"""The cached validator of action-server replies accepts and rejects as Rasa's."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.rasa_speedups import install


def test_cached_validator_keeps_rasas_verdicts() -> None:
    install()
    action = RemoteAction("action_x", None)
    good = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []}
    assert action._validate_action_result(good) is True
    with pytest.raises(ValidationError, match="Failed to validate Action server"):
        action._validate_action_result({"events": "not a list"})


def test_sqlite_connections_use_write_ahead_logging(tmp_path) -> None:
    from sqlalchemy import create_engine, text

    install()
    install()  # idempotent
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}", future=True)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1
