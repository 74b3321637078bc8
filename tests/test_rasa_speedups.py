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
