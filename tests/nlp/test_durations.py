"""Duration normaliser: bare answers and durations inside sentences."""

from __future__ import annotations

from datetime import date

import pytest

from bot.nlp.durations import find_durations, parse_duration_days

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3 weeks", 21),
        ("about 3 weeks", 21),
        ("about three weeks", 21),
        ("2 months", 60),
        ("a couple of months", 60),
        ("couple weeks", 14),
        ("for years", 730),
        ("for months", 60),
        ("for weeks", 14),
        ("2 days ago", 2),
        # a word ending in x before the number is not "x 3 days" (a frequency)
        ("since I lifted a box 3 days ago", 3),
        ("yesterday", 1),
        ("the day before yesterday", 2),
        ("last night", 1),
        ("this morning", 0),
        ("a fortnight", 14),
        ("six months", 180),
        ("3wks", 21),
        ("3 wks", 21),
        ("10 dys", 10),
        ("a few days", 3),
        ("the last few weeks", 21),
        ("several weeks", 21),
        ("a week and a half", 10),
        ("1.5 weeks", 10),
        ("3-4 weeks", 28),
        ("3 or 4 weeks", 28),
        ("a month or two", 60),
        ("half a year", 182),
        ("over 6 weeks", 43),
        ("more than 3 months", 91),
        ("nearly 2 years", 730),
        ("1 year", 365),
        ("since Monday", 0),
        ("since Friday", 3),
        ("since last friday", 3),
        ("since Tuesday", 6),
        ("last Tuesday", 6),
        ("since last Monday", 7),
        ("at least a week", 7),
        ("all week", 7),
        ("I slipped on the ice last week", 7),
        ("since last week", 7),
        ("since the weekend", 2),
        ("since Christmas", 333),
        ("since March", 267),
        ("It's been like this for about 3 weeks now.", 21),
        ("for the past week my lower back has been aching", 7),
        ("over the past month", 30),
        ("it started this month", 30),
        ("since the end of September", 83),
        ("since the start of November", 22),
        ("I am 55 years and this pain is new since 10 days", 10),
        ("she's 70 years, pain for 2 weeks", 14),
        ("it has been 2 years", 730),
    ],
)
def test_parse_duration_days(text: str, days: int) -> None:
    assert parse_duration_days(text, today=MONDAY) == days


@pytest.mark.parametrize(
    "text",
    [
        "",
        "for ages",
        "a while",
        "I'm 55 years old",
        "I am 55 years and it hurts",
        "aged 70 yrs",
        "a 40 yr old man",
        "3 days a week",
        "twice a day",
        "every 3 days",
        "ibuprofen x 3 days",
        "it may be nothing",
        "and then",
        "🙂",
    ],
)
def test_parse_duration_days_none(text: str) -> None:
    assert parse_duration_days(text, today=MONDAY) is None


def test_default_today_is_used() -> None:
    assert parse_duration_days("since Monday") in range(7)


def test_find_durations_offsets_and_order() -> None:
    text = "started 2 days ago, but the ache has been there for 3 months"
    matches = find_durations(text, today=MONDAY)
    assert [(text[m.start : m.end], m.days) for m in matches] == [
        ("2 days", 2),
        ("3 months", 90),
    ]


def test_age_is_not_a_duration_but_the_rest_is() -> None:
    text = "I'm 62 years old and it's hurt for 6 weeks"
    assert [m.days for m in find_durations(text, today=MONDAY)] == [42]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Rear-ended in 1998, had physio then, fine for years. Stiff back", []),
        ("I was pain-free for 10 years until this", []),
        ("no problems for months, then it flared 3 days ago", [3]),
        ("been okay for 2 weeks but back pain for 6 weeks now", [42]),
        # the pain itself, however long, still counts
        ("back pain for years", [730]),
        ("no better for 6 weeks", [42]),
    ],
)
def test_how_long_someone_was_well_is_not_how_long_it_hurt(
    text: str, days: list[int]
) -> None:
    assert [m.days for m in find_durations(text, today=MONDAY)] == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Back pain update, week 7. Still the same", [49]),
        ("week 6 and it's honestly no better", [42]),
        ("day 5 now and still sore", [5]),
        # a dose, a pregnancy, a count after surgery or a range are not it
        ("twice a day 2 tablets", []),
        ("week 30 of my pregnancy and my back aches", []),
        ("day 3 after surgery", []),
    ],
)
def test_a_diary_count_is_how_long_it_has_hurt(text: str, days: list[int]) -> None:
    assert [m.days for m in find_durations(text, today=MONDAY)] == days
