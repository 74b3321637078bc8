"""Detached, immutable views of exercises, safe to use after the session ends."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.library.models import Exercise
from bot.library.specs import ExerciseSpec

# A card is the exercise exactly as a content file describes it: one type for
# both, so the library, the export and the recommendation cannot drift apart.
ExerciseCard = ExerciseSpec


def card_from_row(row: Exercise) -> ExerciseCard:
    """Copy an Exercise row (with aliases and contraindications) into a card."""
    return ExerciseCard(
        name=row.name,
        category=row.category,
        body_areas=tuple(row.body_areas),
        phases=tuple(row.phases),
        difficulty=row.difficulty,
        instructions=tuple(row.instructions),
        dose=row.dose,
        cautions=tuple(row.cautions),
        contraindications=tuple(row.contraindication_codes),
        source=row.source,
        aliases=tuple(row.alias_names),
        easier_alternative=row.easier_alternative,
        sort_order=row.sort_order,
    )


def load_exercises(session: Session) -> list[Exercise]:
    """Return every exercise with aliases and contraindications, in library order."""
    query = (
        select(Exercise)
        .options(
            selectinload(Exercise.aliases), selectinload(Exercise.contraindications)
        )
        .order_by(Exercise.sort_order, Exercise.name)
    )
    return list(session.scalars(query))


def load_cards(session: Session) -> list[ExerciseCard]:
    """Return every exercise as a card, in library order."""
    return [card_from_row(row) for row in load_exercises(session)]
