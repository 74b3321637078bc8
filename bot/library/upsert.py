"""Upsert validated content into the library tables, reporting what changed.

Functions take the caller's session and never commit. Values are compared
before they are set, so unchanged content leaves rows untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.library.models import (
    Activity,
    ActivityVerdictRow,
    AvoidItem,
    ContentVersion,
    Contraindication,
    Exercise,
    ExerciseAlias,
)
from bot.library.specs import (
    ActivitySpec,
    AvoidSpec,
    ContraindicationSpec,
    ExerciseSpec,
    LibraryContent,
)
from bot.library.text import compact


@dataclass(frozen=True)
class SeedReport:
    """What a seeding or import run changed, by entry label."""

    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    unchanged: int = 0
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Whether any row was created, updated or deleted."""
        return bool(self.created or self.updated or self.deleted)

    def summary(self) -> str:
        """One line for people: counts of created, updated, deleted, unchanged."""
        return (
            f"created {len(self.created)}, updated {len(self.updated)}, "
            f"deleted {len(self.deleted)}, unchanged {self.unchanged}"
        )


def apply_content(
    session: Session, content: LibraryContent, *, prune: bool
) -> SeedReport:
    """Upsert validated ``content``; with ``prune``, delete entries it lacks."""
    log = _Log()
    contras = _sync_contraindications(session, content.contraindications, prune, log)
    _sync_exercises(session, content.exercises, contras, prune, log)
    _sync_avoid(session, content.avoid, prune, log)
    _sync_activities(session, content.activities, prune, log)
    versions = {}
    for section, version in content.versions.items():
        row = session.get(ContentVersion, section)
        if row is None:
            session.add(ContentVersion(section=section, **version.__dict__))
        else:
            _assign(row, version.__dict__)
        versions[section] = version.version
    session.flush()
    return SeedReport(
        tuple(log.created),
        tuple(log.updated),
        tuple(log.deleted),
        log.unchanged,
        versions,
    )


class _Log:
    def __init__(self) -> None:
        self.created: list[str] = []
        self.updated: list[str] = []
        self.deleted: list[str] = []
        self.unchanged = 0

    def record(self, label: str, created: bool, changed: bool) -> None:
        if created:
            self.created.append(label)
        elif changed:
            self.updated.append(label)
        else:
            self.unchanged += 1


def entry_key(entry: Any) -> str:
    return entry.code if hasattr(entry, "code") else compact(entry.name)


def _assign(row: Any, values: dict[str, Any]) -> bool:
    """Set only the attributes that differ; return whether any did."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _upsert(
    session: Session,
    rows: dict[str, Any],
    key: str,
    model: type,
    values: dict[str, Any],
    log: _Log,
    label: str,
) -> Any:
    row = rows.get(key)
    if row is None:
        row = model(**values)
        session.add(row)
        log.record(label, created=True, changed=True)
        return row
    log.record(label, created=False, changed=_assign(row, values))
    return row


def _prune(
    session: Session, rows: dict[str, Any], keep: set[str], kind: str, log: _Log
) -> None:
    for key, row in rows.items():
        if key not in keep:
            session.delete(row)
            log.deleted.append(f"{kind} {getattr(row, 'code', None) or row.name!r}")


def _sync_contraindications(
    session: Session, specs: tuple[ContraindicationSpec, ...], prune: bool, log: _Log
) -> dict[str, Contraindication]:
    rows = {r.code: r for r in session.scalars(select(Contraindication))}
    if prune:
        _prune(session, rows, {s.code for s in specs}, "contraindication", log)
    for spec in specs:
        label = f"contraindication {spec.code}"
        rows[spec.code] = _upsert(
            session, rows, spec.code, Contraindication, dict(spec.__dict__), log, label
        )
    return rows


def _sync_exercises(
    session: Session,
    specs: tuple[ExerciseSpec, ...],
    contras: dict[str, Contraindication],
    prune: bool,
    log: _Log,
) -> None:
    query = select(Exercise).options(
        selectinload(Exercise.aliases), selectinload(Exercise.contraindications)
    )
    rows = {compact(r.name): r for r in session.scalars(query)}
    if prune:
        _prune(session, rows, {compact(s.name) for s in specs}, "exercise", log)
    # Drop changed alias sets first, so an alias can move between exercises.
    alias_changed = set()
    for spec in specs:
        row = rows.get(compact(spec.name))
        if row is not None and row.alias_names != sorted(spec.aliases):
            alias_changed.add(compact(spec.name))
            row.aliases.clear()
    session.flush()
    for spec in specs:
        key = compact(spec.name)
        values = {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in spec.__dict__.items()
            if name not in ("aliases", "contraindications")
        }
        row = rows.get(key)
        created = row is None
        if row is None:
            row = rows[key] = Exercise(**values)
            session.add(row)
            changed = True
        else:
            changed = _assign(row, values)
        if created or key in alias_changed:
            row.aliases = [ExerciseAlias(alias=alias) for alias in spec.aliases]
            changed = True
        if created or row.contraindication_codes != sorted(spec.contraindications):
            row.contraindications = [contras[c] for c in spec.contraindications]
            changed = True
        log.record(f"exercise {spec.name!r}", created=created, changed=changed)


def _sync_avoid(
    session: Session, specs: tuple[AvoidSpec, ...], prune: bool, log: _Log
) -> None:
    rows = {r.code: r for r in session.scalars(select(AvoidItem))}
    if prune:
        _prune(session, rows, {s.code for s in specs}, "avoid", log)
    for spec in specs:
        values = {**spec.__dict__, "applies_to": list(spec.applies_to)}
        _upsert(session, rows, spec.code, AvoidItem, values, log, f"avoid {spec.code}")


def _sync_activities(
    session: Session, specs: tuple[ActivitySpec, ...], prune: bool, log: _Log
) -> None:
    query = select(Activity).options(selectinload(Activity.verdicts))
    rows = {compact(r.name): r for r in session.scalars(query)}
    if prune:
        _prune(session, rows, {compact(s.name) for s in specs}, "activity", log)
    for spec in specs:
        values = {
            "name": spec.name,
            "aliases": list(spec.aliases),
            "source": spec.source,
            "sort_order": spec.sort_order,
        }
        row = rows.get(compact(spec.name))
        label = f"activity {spec.name!r}"
        if row is None:
            row = Activity(**values)
            session.add(row)
            log.record(label, created=True, changed=True)
        else:
            changed = _assign(row, values)
            log.record(
                label, created=False, changed=_sync_verdicts(row, spec) or changed
            )
            continue
        _sync_verdicts(row, spec)


def _sync_verdicts(row: Activity, spec: ActivitySpec) -> bool:
    existing = {v.condition: v for v in row.verdicts}
    wanted = {v.condition: v for v in spec.verdicts}
    changed = False
    for condition, verdict_row in existing.items():
        if condition not in wanted:
            row.verdicts.remove(verdict_row)
            changed = True
    for condition, verdict in wanted.items():
        values = {"verdict": verdict.verdict, "why": verdict.why}
        if condition in existing:
            changed = _assign(existing[condition], values) or changed
        else:
            row.verdicts.append(ActivityVerdictRow(condition=condition, **values))
            changed = True
    return changed
