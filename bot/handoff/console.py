"""What the clinician console does with hand-off cases: queue, claim, resolve.

Pure ordering helpers plus data-access functions that take a session and never
commit (the web app owns the session's lifecycle).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.handoff.console_models import CaseClaim, ClinicianAccount
from bot.handoff.models import HandoffCase
from bot.triage import Urgency

STATUS_OPEN = "open"
STATUS_RESOLVED = "resolved"


class ConsoleError(Exception):
    """A console action that cannot be done; ``status`` is the HTTP status."""

    status = 409


class CaseNotFoundError(ConsoleError):
    """No case has that id."""

    status = 404


class CaseHeldByOtherError(ConsoleError):
    """Another clinician holds the case."""


class CaseNotHeldError(ConsoleError):
    """The action needs the case to be held by the clinician asking."""


class CaseClosedError(ConsoleError):
    """The case is resolved already."""


@dataclass(frozen=True)
class QueueEntry:
    """One line of the queue."""

    case_id: int
    urgency: str
    reason: str
    created_at: datetime
    status: str
    held_by: str | None


def urgency_rank(level: str | None) -> int:
    """Higher is more urgent; an unknown level sorts after every known one."""
    if level in Urgency._value2member_map_:
        return Urgency(level).rank
    return 0


def queue_key(urgency: str | None, created_at: datetime, case_id: int) -> tuple:
    """Sort key of the queue: most urgent first, then oldest first, then by id."""
    return (-urgency_rank(urgency), _aware(created_at), case_id)


def order_queue(entries: Iterable[QueueEntry]) -> list[QueueEntry]:
    """``entries`` ordered by urgency, then by time waiting (oldest first)."""
    return sorted(entries, key=lambda e: queue_key(e.urgency, e.created_at, e.case_id))


def list_queue(session: Session, *, include_resolved: bool = False) -> list[QueueEntry]:
    """The cases waiting for (or held by) a clinician, most urgent first."""
    query = (
        select(HandoffCase, ClinicianAccount.name)
        .outerjoin(CaseClaim, CaseClaim.case_id == HandoffCase.id)
        .outerjoin(ClinicianAccount, ClinicianAccount.id == CaseClaim.clinician_id)
    )
    if not include_resolved:
        query = query.where(HandoffCase.status != STATUS_RESOLVED)
    rows = session.execute(query).all()
    return order_queue(
        QueueEntry(
            case_id=case.id,
            urgency=case.urgency,
            reason=case.reason,
            created_at=case.created_at,
            status=case.status,
            held_by=name,
        )
        for case, name in rows
    )


def get_case(session: Session, case_id: int) -> HandoffCase:
    """The case with ``case_id``; raise :class:`CaseNotFoundError` otherwise."""
    case = session.get(HandoffCase, case_id)
    if case is None:
        raise CaseNotFoundError(f"no case {case_id}")
    return case


def holder_of(session: Session, case_id: int) -> str | None:
    """The name of the clinician holding the case now, if any."""
    return session.scalars(
        select(ClinicianAccount.name)
        .join(CaseClaim, CaseClaim.clinician_id == ClinicianAccount.id)
        .where(CaseClaim.case_id == case_id, CaseClaim.resolved_at.is_(None))
    ).first()


def claim_case(session: Session, case_id: int, clinician_id: int) -> HandoffCase:
    """Give the case to the clinician; claiming one's own case again is a no-op."""
    case = get_case(session, case_id)
    if case.status == STATUS_RESOLVED:
        raise CaseClosedError(f"case {case_id} is resolved")
    claim = session.get(CaseClaim, case_id)
    if claim is not None and claim.clinician_id != clinician_id:
        raise CaseHeldByOtherError(f"case {case_id} is held by another clinician")
    if claim is None:
        session.add(CaseClaim(case_id=case_id, clinician_id=clinician_id))
        session.flush()
    return case


def require_holder(session: Session, case_id: int, clinician_id: int) -> HandoffCase:
    """The case, if the clinician holds it; raise otherwise."""
    case = get_case(session, case_id)
    if case.status == STATUS_RESOLVED:
        raise CaseClosedError(f"case {case_id} is resolved")
    claim = session.get(CaseClaim, case_id)
    if claim is None or claim.clinician_id != clinician_id:
        raise CaseNotHeldError(f"claim case {case_id} first")
    return case


def resolve_case(session: Session, case_id: int, clinician_id: int) -> HandoffCase:
    """Close the case held by the clinician; the conversation goes back to the bot."""
    case = require_holder(session, case_id, clinician_id)
    claim = session.get(CaseClaim, case_id)
    claim.resolved_at = datetime.now(timezone.utc)
    case.status = STATUS_RESOLVED
    session.flush()
    return case


def _aware(moment: datetime) -> datetime:
    # SQLite gives back naive datetimes; every stored time is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
