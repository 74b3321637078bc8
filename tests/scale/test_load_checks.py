"""The fault tests' own checks, on made-up event lists."""

from __future__ import annotations

import pytest

from tests.scale.load import (
    NO_REPLY,
    OUTAGE_NOTICE,
    SEND_AGAIN,
    failure,
    half_written_turns,
    stored_as_sent,
)


@pytest.mark.parametrize(
    ("sent", "stored", "expected"),
    [
        ([("hi", True), ("back", True)], ["hi", "back"], True),
        ([("hi", True), ("back", True)], ["hi"], False),  # an answered one lost
        ([("hi", True), ("back", True)], ["hi", "back", "back"], False),  # twice
        ([("hi", True), ("back", True)], ["back", "hi"], False),  # out of order
        ([("hi", True), ("back", False)], ["hi"], True),  # failed, rolled back
        ([("hi", True), ("back", False)], ["hi", "back"], True),  # failed, stored
        ([("hi", False), ("hi", True)], ["hi"], True),
    ],
)
def test_stored_as_sent(
    sent: list[tuple[str, bool]], stored: list[str], expected: bool
) -> None:
    assert stored_as_sent(sent, stored) is expected


LISTEN = ("action", "action_listen")


@pytest.mark.parametrize(
    ("events", "torn"),
    [
        ([LISTEN, ("user", "hi"), ("action", "utter_greet"), LISTEN], 0),
        ([LISTEN, ("user", "hi"), ("action", "utter_greet")], 1),
        ([("user", "hi"), ("user", "again"), LISTEN], 1),
        ([], 0),
    ],
)
def test_half_written_turns(events: list[tuple[str, str]], torn: int) -> None:
    assert half_written_turns(events) == torn


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("", NO_REPLY),
        (f"Sorry, I {SEND_AGAIN}. Please try again", SEND_AGAIN),
        (f"There is a {OUTAGE_NOTICE}: call 999", OUTAGE_NOTICE),
        ("Where is the pain mostly?", "unexpected reply"),
    ],
)
def test_failure_kinds(reply: str, kind: str) -> None:
    assert failure(reply) == kind
