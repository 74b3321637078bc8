"""'Delete my data' in the chat, through the real servers: asked, confirmed,
and afterwards nothing of the conversation is left in either database."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from tests import figures
from tests.conversations.stack import Stack
from tests.conversations.test_triage_conversations import (
    EMERGENCY,
    Q_DURATION,
    Q_LOCATION,
    sender,
)
from tests.polling import wait_for

pytestmark = pytest.mark.stack

CONFIRM = "Do you want me to delete this conversation"
DONE = "I've deleted this conversation"
KEPT = "I haven't deleted anything"


def rows(stack: Stack, who: str) -> dict[str, int]:
    """The person's rows: tracker events and hand-off cases."""
    counts = {}
    for name, table in (("tracker.db", "events"), ("backchat.db", "handoff_case")):
        engine = sa.create_engine(f"sqlite:///{stack.workdir / name}")
        with engine.connect() as conn:
            counts[table] = conn.execute(
                sa.text(f"SELECT count(*) FROM {table} WHERE sender_id = :s"),
                {"s": who},
            ).scalar_one()
        engine.dispose()
    return counts


def wait_for_case(stack: Stack, who: str) -> None:
    assert wait_for(lambda: rows(stack, who)["handoff_case"], 15), "no case in 15 s"


def test_a_confirmed_deletion_removes_the_conversation_and_its_case(
    stack: Stack,
) -> None:
    who = sender()
    assert (
        stack.text(who, "I've lost control of my bowels")
        .lower()
        .startswith("please " + EMERGENCY)
    )
    wait_for_case(stack, who)
    assert CONFIRM in stack.text(who, "please delete my data")
    before = rows(stack, who)
    assert DONE in stack.text(who, "/affirm")
    after = rows(stack, who)
    figures.record(f"a deleted person's rows: before {before}, after {after}")
    assert before["events"] > 0 and before["handoff_case"] == 1
    assert after == {"events": 0, "handoff_case": 0}
    audit = (stack.workdir / "privacy-audit.log").read_text().splitlines()
    record = json.loads(audit[-1])
    assert record["what"] == "chat" and record["cases"] == 1
    assert who not in audit[-1] and "bowels" not in audit[-1]
    # The next message starts afresh: nothing of the old conversation is back.
    assert Q_LOCATION in stack.text(who, "my back hurts")
    assert not stack.slots(who)["red_flag_quotes"]
    assert rows(stack, who)["handoff_case"] == 0


def test_a_typed_yes_confirms_and_a_no_keeps_everything(stack: Stack) -> None:
    kept = sender()
    assert Q_LOCATION in stack.text(kept, "my back hurts")
    assert CONFIRM in stack.text(kept, "delete my data")
    assert KEPT in stack.text(kept, "no")
    assert rows(stack, kept)["events"] > 0
    assert Q_LOCATION in stack.text(kept, "my back hurts")  # triage goes on
    deleted = sender()
    stack.say(deleted, "hello")
    assert CONFIRM in stack.text(deleted, "can you delete everything I told you")
    assert DONE in stack.text(deleted, "yes")
    assert rows(stack, deleted)["events"] == 0


def test_deletion_mid_triage_stops_the_form_first(stack: Stack) -> None:
    who = sender()
    assert Q_LOCATION in stack.text(who, "my back hurts")
    assert Q_DURATION in stack.text(who, "lower back")
    reply = stack.text(who, "delete my data")
    assert CONFIRM in reply and Q_DURATION not in reply
    assert DONE in stack.text(who, "/affirm")
    assert rows(stack, who) == {"events": 0, "handoff_case": 0}
