"""'Delete my data' in the chat: the deletion, and what Rasa must then not write.

The action server deletes the person's data with :func:`delete_conversation`
(the same code as ``backchat privacy delete``) and says so with
``DELETED_RESPONSE``. Rasa saves the turn's tracker only after the action has
run; written back, it would bring the whole conversation back. So the tracker
store asks :func:`erased_this_turn` before saving and, when the turn ended in a
completed deletion, deletes instead of writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.db import get_engine
from bot.privacy.data import Deleted, delete_person, delete_queued
from bot.settings import Settings

DELETED_RESPONSE = "utter_data_deletion_done"
AUDIT_KIND = "chat"


def delete_conversation(settings: Settings, sender_id: str) -> Deleted:
    """Delete everything kept about ``sender_id``; recorded without content."""
    deleted = delete_person(
        get_engine(settings.tracker_url),
        get_engine(settings.database_url),
        sender_id,
        settings.privacy_audit,
        kind=AUDIT_KIND,
    )
    delete_queued(settings.outbox_dir, sender_id)
    return deleted


def erased_this_turn(events: Sequence[Any]) -> bool:
    """Whether the latest turn (since the person's last message) deleted the data.

    ``events`` are Rasa's event objects; a completed deletion is the bot saying
    ``DELETED_RESPONSE`` (its ``utter_action`` metadata), which the action sends
    only after the rows are gone.
    """
    for event in reversed(events):
        kind = getattr(event, "type_name", None)
        if kind == "user":
            return False
        metadata = getattr(event, "metadata", None) or {}
        if kind == "bot" and metadata.get("utter_action") == DELETED_RESPONSE:
            return True
    return False
