"""Find exercises and activities by name, alias or words, tolerating typos."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.library.cards import load_exercises
from bot.library.models import Activity, Exercise
from bot.library.text import STOP_WORDS, best_match, normalize


def find_exercise(session: Session, query: str) -> Exercise | None:
    """Return the exercise a person means, by name or alias.

    Tolerates case, punctuation, spacing and small typos: "bird-dog",
    "birddog", "cat cow" and "brige" all resolve.

    Args:
        session: Open session.
        query: What the person typed, or an extracted entity value.

    Returns:
        The exercise, or None when nothing is close enough.
    """
    return _best_exercise(load_exercises(session), query)


def _best_exercise(exercises: list[Exercise], query: str) -> Exercise | None:
    keys = [(name, e.name) for e in exercises for name in (e.name, *e.alias_names)]
    found = best_match(query, keys)
    return next((e for e in exercises if e.name == found), None)


def list_exercises(session: Session, category: str | None = None) -> list[Exercise]:
    """Return all exercises in library order, optionally of one category."""
    exercises = load_exercises(session)
    if category is None:
        return exercises
    return [e for e in exercises if e.category == category]


def search_exercises(session: Session, text: str, limit: int = 10) -> list[Exercise]:
    """Return exercises matching ``text``, best first.

    The exercise a name lookup finds comes first; then exercises whose name,
    aliases, category, body areas or steps contain the most query words.

    Args:
        session: Open session.
        text: Search words, e.g. "upper back" or "all fours".
        limit: Most results to return.

    Returns:
        Up to ``limit`` exercises.
    """
    exercises = load_exercises(session)
    words = [w for w in normalize(text).split() if w not in STOP_WORDS]
    scored: list[tuple[int, int, Exercise]] = []
    top = _best_exercise(exercises, text) if text.strip() else None
    for exercise in exercises:
        haystack = " ".join(
            [
                exercise.name,
                *exercise.alias_names,
                exercise.category,
                *exercise.body_areas,
                *exercise.instructions,
            ]
        )
        haystack = f" {normalize(haystack)} "
        hits = sum(1 for word in words if f" {word}" in haystack)
        if exercise is top:
            hits = len(words) + 1
        if hits:
            scored.append((-hits, exercise.sort_order, exercise))
    scored.sort(key=lambda item: (item[0], item[1], item[2].name))
    return [exercise for _, _, exercise in scored[:limit]]


def find_activity(session: Session, text: str) -> Activity | None:
    """Return the activity named in ``text`` ("is swimming OK?"), or None."""
    activities = list(session.scalars(select(Activity).order_by(Activity.sort_order)))
    keys = [(name, a.name) for a in activities for name in (a.name, *a.aliases)]
    found = best_match(text, keys)
    return next((a for a in activities if a.name == found), None)
