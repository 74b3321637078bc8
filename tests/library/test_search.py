"""Finding exercises and activities by name, alias or words."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from bot.library.search import (
    find_activity,
    find_exercise,
    list_exercises,
    search_exercises,
)
from bot.library.text import best_match, compact, normalize


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Bird dog", "Bird dog"),
        ("bird-dog", "Bird dog"),
        ("birddog", "Bird dog"),
        ("BIRD DOGS", "Bird dog"),
        ("cat cow", "Cat-camel stretch"),
        ("cat-camel", "Cat-camel stretch"),
        ("brige", "Glute bridge"),
        ("bridge", "Glute bridge"),
        ("how do I do the brige?", "Glute bridge"),
        ("childs pose", "Child's pose"),
        ("child\u2019s pose", "Child's pose"),
        ("hamstring strech", "Hamstring stretch"),
        ("knee to chest", "Knee-to-chest stretch"),
        ("show me the plank please", "Plank"),
        ("pelvic tilts", "Pelvic tilt"),
        ("sciatic nerve glides", "Sciatic nerve glide"),
        ("doorway stretch", "Chest-opening stretch"),
        ("taichi", "Tai chi"),
    ],
)
def test_find_exercise_tolerates_spelling(
    session: Session, query: str, expected: str
) -> None:
    found = find_exercise(session, query)

    assert found is not None and found.name == expected


@pytest.mark.parametrize("query", ["", "   ", "plan", "hello there", "quantum physics"])
def test_find_exercise_returns_none_for_no_match(session: Session, query: str) -> None:
    assert find_exercise(session, query) is None


def test_search_puts_the_named_exercise_first(session: Session) -> None:
    names = [e.name for e in search_exercises(session, "bird dog")]

    assert names[0] == "Bird dog"


def test_search_by_words(session: Session) -> None:
    names = [e.name for e in search_exercises(session, "all fours")]

    assert names == ["Cat-camel stretch", "Bottom-to-heel stretch", "Bird dog"]


def test_search_without_matches_is_empty(session: Session) -> None:
    assert search_exercises(session, "zzzz") == []


def test_list_exercises_by_category(session: Session) -> None:
    cardio = [e.name for e in list_exercises(session, "low_impact_cardio")]

    assert cardio == ["Walking", "Swimming", "Cycling", "Tai chi"]
    assert len(list_exercises(session)) >= 25


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is swimming ok for me?", "Swimming"),
        ("can I go jogging", "Running"),
        ("lifting weights", "Lifting weights"),
        ("is the gym ok", "Gym"),
        ("what about golf", "Golf"),
        ("yoga", "Yoga"),
        ("cycling to work", "Cycling"),
        ("chess", None),
    ],
)
def test_find_activity(session: Session, text: str, expected: str | None) -> None:
    found = find_activity(session, text)

    assert (found.name if found else None) == expected


def test_normalisation() -> None:
    assert normalize("  Child\u2019s   Pose! ") == "childs pose"
    assert compact("Bird-Dog") == "birddog"
    assert best_match("x", []) is None
