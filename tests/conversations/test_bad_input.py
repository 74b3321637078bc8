"""Bad input over the REST channel gets a clear answer and loses nothing."""

from __future__ import annotations

import pytest
import requests

from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import Q_DURATION, Q_LOCATION, sender

pytestmark = pytest.mark.stack


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("back " * 20000, id="huge"),
        pytest.param("😭😭🔥", id="emoji"),
        pytest.param("<script>alert('x')</script>", id="html"),
        pytest.param("'; DROP TABLE events; --", id="sql"),
        pytest.param("me duele mucho la espalda", id="non-english"),
        pytest.param("\x00\x01\x02", id="control-characters"),
    ],
)
def test_odd_message_mid_form_keeps_the_conversation(
    stack: Stack, message: str
) -> None:
    who = sender()
    assert Q_LOCATION in stack.text(who, "my back hurts")
    stack.say(who, message)
    assert Q_DURATION in stack.text(who, "lower back")


def test_malformed_json_is_refused_cleanly(stack: Stack) -> None:
    response = requests.post(
        f"{stack.url}/webhooks/rest/webhook", data="{not json", timeout=30
    )
    assert 400 <= response.status_code < 500 or response.json() == []
    assert requests.get(f"{stack.url}/status", timeout=10).ok
