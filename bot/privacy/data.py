"""A person's data: export it, delete it, and delete what is past retention.

A person is a conversation id (``sender_id``). Their data is in two databases:
Rasa's tracker store (table ``events``: every message, slot, quote) and
BackChat's own (``handoff_case`` with its summary and quotes; claims go with
their case; the follow-up episode a person agreed to have remembered, with its
check-ins). Deletions are recorded in an audit file without content: when,
what, a hash of the id, and how many rows.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

TRACKER_TABLE = "events"
_AGE = re.compile(r"^(\d{1,5})([dhw])$")
_AGE_UNITS = {"d": 86400, "h": 3600, "w": 7 * 86400}


@dataclass(frozen=True)
class Deleted:
    """Rows removed for one person."""

    events: int
    cases: int
    follow_ups: int = 0  # remembered episodes and their check-ins

    @property
    def total(self) -> int:
        """All rows removed."""
        return self.events + self.cases + self.follow_ups


def parse_age(text: str) -> timedelta:
    """``30d``, ``12h`` or ``2w`` as a duration; ``ValueError`` otherwise."""
    match = _AGE.match(text.strip().lower())
    if not match:
        raise ValueError(f"not an age like 30d, 12h or 2w: {text!r}")
    return timedelta(seconds=int(match.group(1)) * _AGE_UNITS[match.group(2)])


def _events(engine: Engine) -> sa.Table | None:
    if not sa.inspect(engine).has_table(TRACKER_TABLE):
        return None
    return sa.Table(TRACKER_TABLE, sa.MetaData(), autoload_with=engine)


def _cases(engine: Engine) -> sa.Table | None:
    if not sa.inspect(engine).has_table("handoff_case"):
        return None
    return sa.Table("handoff_case", sa.MetaData(), autoload_with=engine)


def _table(engine: Engine, name: str) -> sa.Table | None:
    if not sa.inspect(engine).has_table(name):
        return None
    return sa.Table(name, sa.MetaData(), autoload_with=engine)


def _follow_ups(engine: Engine, sender_id: str) -> list[dict[str, Any]]:
    """The remembered episodes of ``sender_id``, each with its check-ins."""
    episodes, check_ins = (
        _table(engine, "follow_up_episode"),
        _table(engine, "follow_up_check_in"),
    )
    if episodes is None or check_ins is None:
        return []
    with engine.connect() as conn:
        found = [
            _jsonable(dict(row._mapping))
            for row in conn.execute(
                sa.select(episodes)
                .where(episodes.c.sender_id == sender_id)
                .order_by(episodes.c.id)
            )
        ]
        for episode in found:
            episode["check_ins"] = [
                _jsonable(dict(row._mapping))
                for row in conn.execute(
                    sa.select(check_ins)
                    .where(check_ins.c.episode_id == episode["id"])
                    .order_by(check_ins.c.id)
                )
            ]
    return found


def _delete_follow_ups(engine: Engine, sender_id: str) -> int:
    episodes, check_ins = (
        _table(engine, "follow_up_episode"),
        _table(engine, "follow_up_check_in"),
    )
    if episodes is None or check_ins is None:
        return 0
    with engine.begin() as conn:
        ids = sa.select(episodes.c.id).where(episodes.c.sender_id == sender_id)
        removed = conn.execute(
            sa.delete(check_ins).where(check_ins.c.episode_id.in_(ids))
        ).rowcount
        removed += conn.execute(
            sa.delete(episodes).where(episodes.c.sender_id == sender_id)
        ).rowcount
    return removed


def export_person(tracker_engine: Engine, engine: Engine, sender_id: str) -> dict:
    """Everything kept about ``sender_id``, as JSON-ready data."""
    events: list[Any] = []
    table = _events(tracker_engine)
    if table is not None:
        with tracker_engine.connect() as conn:
            rows = conn.execute(
                sa.select(table.c.data)
                .where(table.c.sender_id == sender_id)
                .order_by(table.c.id)
            )
            events = [json.loads(row.data) for row in rows]
    cases: list[dict[str, Any]] = []
    handoff = _cases(engine)
    if handoff is not None:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(handoff).where(handoff.c.sender_id == sender_id)
            )
            cases = [_jsonable(dict(row._mapping)) for row in rows]
    return {
        "sender_id": sender_id,
        "events": events,
        "handoff_cases": cases,
        "follow_ups": _follow_ups(engine, sender_id),
    }


def delete_person(
    tracker_engine: Engine,
    engine: Engine,
    sender_id: str,
    audit: Path | None,
    kind: str = "delete",
) -> Deleted:
    """Delete the conversation, hand-off cases and follow-ups of ``sender_id``.

    ``kind`` names, in the audit file, who asked (``delete``: the service;
    ``chat``: the person, in the chat).
    """
    events = 0
    table = _events(tracker_engine)
    if table is not None:
        with tracker_engine.begin() as conn:
            events = conn.execute(
                sa.delete(table).where(table.c.sender_id == sender_id)
            ).rowcount
    cases = 0
    handoff = _cases(engine)
    if handoff is not None:
        with engine.begin() as conn:
            ids = [
                row.id
                for row in conn.execute(
                    sa.select(handoff.c.id).where(handoff.c.sender_id == sender_id)
                )
            ]
            if ids and sa.inspect(engine).has_table("handoff_claim"):
                claims = sa.Table("handoff_claim", sa.MetaData(), autoload_with=engine)
                conn.execute(sa.delete(claims).where(claims.c.case_id.in_(ids)))
            cases = conn.execute(
                sa.delete(handoff).where(handoff.c.sender_id == sender_id)
            ).rowcount
    follow_ups = _delete_follow_ups(engine, sender_id)
    deleted = Deleted(events=events, cases=cases, follow_ups=follow_ups)
    if audit is not None:
        record_deletion(audit, kind, sender_id, deleted)
    return deleted


def delete_queued(outbox_dir: Path, sender_id: str) -> int:
    """Delete hand-offs of ``sender_id`` still waiting in the outbox.

    Left there, the outbox's retry would store them again after the deletion.
    """
    from bot.handoff.outbox import pending

    removed = 0
    for path in pending(outbox_dir):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # being written, or just stored and removed
        if isinstance(entry, dict) and entry.get("sender_id") == sender_id:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def stale_senders(tracker_engine: Engine, older_than: timedelta) -> list[str]:
    """Conversations whose latest event is older than ``older_than``."""
    table = _events(tracker_engine)
    if table is None:
        return []
    cutoff = time.time() - older_than.total_seconds()
    with tracker_engine.connect() as conn:
        rows = conn.execute(
            sa.select(table.c.sender_id)
            .group_by(table.c.sender_id)
            .having(sa.func.max(table.c.timestamp) < cutoff)
        )
        return [row.sender_id for row in rows]


def stale_case_senders(engine: Engine, older_than: timedelta) -> list[str]:
    """Senders of hand-off cases created before the cutoff."""
    handoff = _cases(engine)
    if handoff is None:
        return []
    cutoff = datetime.now(timezone.utc) - older_than
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(handoff.c.sender_id)
            .group_by(handoff.c.sender_id)
            .having(sa.func.max(handoff.c.created_at) < cutoff.replace(tzinfo=None))
        )
        return [row.sender_id for row in rows]


#: A person who said yes to being remembered is asked back after 4 to 6 weeks
#: (data/clinical/startback.yml), longer than the usual conversation purge, so
#: their data is kept this long after the follow-up was last used.
FOLLOW_UP_KEEP = timedelta(days=180)


def follow_up_last_used(engine: Engine) -> dict[str, datetime]:
    """When each remembered person's follow-up was last used (stored or checked in)."""
    episodes, check_ins = (
        _table(engine, "follow_up_episode"),
        _table(engine, "follow_up_check_in"),
    )
    if episodes is None or check_ins is None:
        return {}
    last: dict[str, datetime] = {}
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(episodes.c.sender_id, episodes.c.created_at).union_all(
                sa.select(episodes.c.sender_id, check_ins.c.created_at).join(
                    check_ins, check_ins.c.episode_id == episodes.c.id
                )
            )
        )
        for sender_id, used in rows:
            used = used.replace(tzinfo=None)
            last[sender_id] = max(last.get(sender_id, used), used)
    return last


def purge(
    tracker_engine: Engine,
    engine: Engine,
    older_than: timedelta,
    audit: Path | None,
    follow_up_keep: timedelta = FOLLOW_UP_KEEP,
) -> dict[str, Deleted]:
    """Delete every conversation (and its cases) idle for longer than ``older_than``.

    A person with a remembered follow-up keeps everything until the follow-up
    has gone unused for ``follow_up_keep`` (or ``older_than``, if longer); then
    it all goes, the follow-up too.
    """
    senders = set(stale_senders(tracker_engine, older_than))
    senders |= set(stale_case_senders(engine, older_than)) - _active_senders(
        tracker_engine, older_than
    )
    keep_until = datetime.now(timezone.utc).replace(tzinfo=None) - max(
        follow_up_keep, older_than
    )
    for sender_id, used in follow_up_last_used(engine).items():
        if used >= keep_until:
            senders.discard(sender_id)
        elif sender_id not in _active_senders(tracker_engine, older_than):
            senders.add(sender_id)
    done = {s: delete_person(tracker_engine, engine, s, None) for s in sorted(senders)}
    if audit is not None:
        for sender_id, deleted in done.items():
            record_deletion(audit, "purge", sender_id, deleted)
    return done


def _active_senders(tracker_engine: Engine, older_than: timedelta) -> set[str]:
    table = _events(tracker_engine)
    if table is None:
        return set()
    cutoff = time.time() - older_than.total_seconds()
    with tracker_engine.connect() as conn:
        rows = conn.execute(
            sa.select(table.c.sender_id).where(table.c.timestamp >= cutoff).distinct()
        )
        return {row.sender_id for row in rows}


def record_deletion(audit: Path, kind: str, sender_id: str, deleted: Deleted) -> None:
    """Append one line to the audit file: no content, only counts and a hash."""
    audit.parent.mkdir(parents=True, exist_ok=True)
    line = {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "what": kind,
        "sender_sha256": hashlib.sha256(sender_id.encode()).hexdigest(),
        "events": deleted.events,
        "cases": deleted.cases,
        "follow_ups": deleted.follow_ups,
    }
    with audit.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, datetime) else value
        for key, value in row.items()
    }
