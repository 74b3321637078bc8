"""'Delete my data' after emergency advice: the advice stays, the request is heard."""

from __future__ import annotations

import pytest

from bot.dialogue.safety_turn import (
    ACTION_DELETE_DATA,
    DELETION_INTENT,
    LISTEN,
    UTTER_CONFIRM_DELETION,
    UTTER_DELETION_KEPT,
    UTTER_EMERGENCY_STAYS,
    TurnFacts,
    safety_steps,
)


@pytest.mark.parametrize(
    ("facts", "steps"),
    [
        pytest.param(
            TurnFacts(DELETION_INTENT, emergency_given=True),
            [UTTER_EMERGENCY_STAYS, UTTER_CONFIRM_DELETION, LISTEN],
            id="asked-after-emergency",
        ),
        pytest.param(
            TurnFacts(
                "affirm", emergency_given=True, last_bot_response=UTTER_CONFIRM_DELETION
            ),
            [ACTION_DELETE_DATA, LISTEN],
            id="confirmed",
        ),
        pytest.param(
            TurnFacts(
                "inform",
                typed_reply="yes",
                emergency_given=True,
                last_bot_response=UTTER_CONFIRM_DELETION,
            ),
            [ACTION_DELETE_DATA, LISTEN],
            id="typed-yes",
        ),
        pytest.param(
            TurnFacts(
                "deny", emergency_given=True, last_bot_response=UTTER_CONFIRM_DELETION
            ),
            [UTTER_DELETION_KEPT, UTTER_EMERGENCY_STAYS, LISTEN],
            id="declined",
        ),
        pytest.param(
            TurnFacts("affirm", emergency_given=True, last_bot_response="utter_x"),
            [UTTER_EMERGENCY_STAYS, LISTEN],
            id="a-yes-to-something-else",
        ),
        pytest.param(TurnFacts(DELETION_INTENT), None, id="no-emergency-rules-ask"),
        pytest.param(
            TurnFacts(DELETION_INTENT, paused=True, emergency_given=True),
            None,
            id="paused",
        ),
    ],
)
def test_deletion_steps(facts: TurnFacts, steps: list[str] | None) -> None:
    assert safety_steps(facts) == steps
