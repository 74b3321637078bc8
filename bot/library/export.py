"""Read the library back out of the database, as content or as YAML text."""

from __future__ import annotations

from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.library.cards import card_from_row
from bot.library.models import (
    Activity,
    AvoidItem,
    ContentVersion,
    Contraindication,
    Exercise,
)
from bot.library.specs import (
    ActivitySpec,
    AvoidSpec,
    ContraindicationSpec,
    LibraryContent,
    SectionVersion,
    VerdictSpec,
)


def read_content(session: Session) -> LibraryContent:
    """Return everything in the library tables as content specs, in order."""
    contras = session.scalars(
        select(Contraindication).order_by(
            Contraindication.sort_order, Contraindication.code
        )
    )
    exercises = session.scalars(
        select(Exercise)
        .options(
            selectinload(Exercise.aliases), selectinload(Exercise.contraindications)
        )
        .order_by(Exercise.sort_order, Exercise.name)
    )
    avoid = session.scalars(
        select(AvoidItem).order_by(AvoidItem.sort_order, AvoidItem.code)
    )
    activities = session.scalars(
        select(Activity)
        .options(selectinload(Activity.verdicts))
        .order_by(Activity.sort_order, Activity.name)
    )
    versions = {
        row.section: SectionVersion(row.version, row.source_file)
        for row in session.scalars(select(ContentVersion))
    }
    return LibraryContent(
        contraindications=tuple(
            ContraindicationSpec(c.code, c.title, c.description, c.source, c.sort_order)
            for c in contras
        ),
        exercises=tuple(card_from_row(e) for e in exercises),
        avoid=tuple(
            AvoidSpec(
                a.code,
                a.activity,
                a.why,
                tuple(a.applies_to),
                a.source,
                a.instead,
                a.sort_order,
            )
            for a in avoid
        ),
        activities=tuple(
            ActivitySpec(
                a.name,
                tuple(VerdictSpec(v.condition, v.verdict, v.why) for v in a.verdicts),
                a.source,
                tuple(a.aliases),
                a.sort_order,
            )
            for a in activities
        ),
        versions=versions,
    )


def dump_content(content: LibraryContent) -> str:
    """Render ``content`` as one YAML document that ``library import`` accepts."""
    versions = sorted({v.version for v in content.versions.values()})
    document: dict[str, Any] = {"version": "+".join(versions) or "export"}
    for section in ("contraindications", "exercises", "avoid", "activities"):
        entries = getattr(content, section)
        if entries:
            document[section] = [_entry(entry) for entry in entries]
    dumped: str = yaml.safe_dump(
        document, sort_keys=False, allow_unicode=True, width=88
    )
    return dumped


def export_yaml(session: Session) -> str:
    """Return the whole library as YAML text (see ``dump_content``)."""
    return dump_content(read_content(session))


def _entry(spec: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in spec.__dict__.items():
        if name == "sort_order" or value in (None, ()):
            continue
        if name == "verdicts":
            value = {v.condition: {"verdict": v.verdict, "why": v.why} for v in value}
        out[name] = list(value) if isinstance(value, tuple) else value
    return out
