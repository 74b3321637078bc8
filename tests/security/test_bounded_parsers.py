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


def test_fuzzy_matching_is_bounded_by_length_not_by_luck() -> None:
    import time

    from bot.library.text import best_match

    keys = [(f"stretch number {n}", f"t{n}") for n in range(80)]
    keys += [("knee hugs", "knee hugs"), ("swimming", "swimming")]
    # Words that nearly match nothing: every window is compared with every name.
    noise = " ".join(f"qzx{n % 97}vw" for n in range(20_000))  # about 150 kB
    started = time.monotonic()
    assert best_match("is swiming ok " + noise, keys) == "swimming"
    assert best_match(noise, keys) is None
    assert time.monotonic() - started < 1.0
    assert best_match("how do i do the kne hugs", keys) == "knee hugs"
