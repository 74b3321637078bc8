"""Recording and reading hand-off cases; callers own the session's lifecycle."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.handoff.models import HandoffCase
from bot.triage import Assessment, Urgency


def record_handoff(
    session: Session,
    *,
    sender_id: str,
    assessment: Assessment,
    answers: Mapping[str, Any],
    reason: str,
    quotes: list[str] | None = None,
) -> HandoffCase:
    """Add a hand-off case for ``sender_id``; an open case is updated, not doubled.

    Args:
        session: An open session; the caller commits.
        sender_id: The conversation's id.
        assessment: The triage assessment that led to the hand-off.
        answers: The triage answers so far, stored as the case summary.
        reason: Why: ``red_flag`` or ``requested``.
        quotes: The person's own words for each red flag.
    """
    level = assessment.level.value if assessment.level else "unknown"
    summary = {
        "answers": {key: value for key, value in answers.items() if value is not None},
        "missing": list(assessment.missing),
        "quotes": list(quotes or []),
    }
    case = open_case_for(session, sender_id)
    if case is None:
        case = HandoffCase(sender_id=sender_id)
        session.add(case)
    if case.urgency is None or _rank(level) >= _rank(case.urgency):
        case.urgency = level
    case.reason = reason
    case.fired_rule_ids = assessment.fired_rule_ids
    case.ruleset_version = assessment.ruleset_version
    case.summary = summary
    session.flush()
    return case


def open_case_for(session: Session, sender_id: str) -> HandoffCase | None:
    """The open case of a conversation, if there is one."""
    return session.scalars(
        select(HandoffCase)
        .where(HandoffCase.sender_id == sender_id, HandoffCase.status == "open")
        .order_by(HandoffCase.id.desc())
    ).first()


def _rank(level: str) -> int:
    return Urgency(level).rank if level in Urgency._value2member_map_ else 0
