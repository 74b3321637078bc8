"""Parsers stay bounded whatever the number: no OverflowError, no guess."""

from __future__ import annotations

from datetime import date

import pytest

from bot.nlp.durations import find_durations, parse_duration_days

TODAY = date(2026, 3, 4)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("since " + "9" * 309 + " weeks", id="309-digits"),
        pytest.param("for " + "9" * 5000 + " years", id="5000-digits"),
        pytest.param("1e400 days", id="exponent"),
        pytest.param("9" * 400 + ".5 months", id="decimal"),
        pytest.param("9" * 20 + " or " + "9" * 400 + " weeks", id="range"),
    ],
)
def test_huge_numbers_are_not_durations(text: str) -> None:
    assert parse_duration_days(text, TODAY) is None


def test_an_emergency_message_with_a_huge_number_still_parses() -> None:
    text = "I can't feel my legs since " + "9" * 400 + " weeks and also 3 weeks"
    assert [m.days for m in find_durations(text, TODAY)] == [21]


@pytest.mark.parametrize(("text", "days"), [("3 weeks", 21), ("12 days", 12)])
def test_ordinary_numbers_still_read(text: str, days: int) -> None:
    assert parse_duration_days(text, TODAY) == days
