"""An accident dated long ago ("rear-ended in 1998") is asked about, not taken
for today's; a date says so, a "for ten minutes" does not, and a date that
stands past "yesterday" dates something else.

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    "text",
    [
        "knocked off my bike when I was 11, back stiff from decorating",
        "rear-ended in 2004, fully recovered. back sore after the gym",
        "came off my motorbike aged 16, my back aches from work now",
        "a motorbike accident in the 90s, nothing since, back tight from driving",
        "I was thrown from a horse as a teenager, back stiff from mucking out",
    ],
)
def test_an_accident_dated_long_ago_is_asked_about(run: Run, text: str) -> None:
    assert (TRAUMA, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "car crash this morning and my back is agony",
        "I was in a car crash and trapped for ten minutes, back agony",
        "hit by a car yesterday, 3 years ago I had a slipped disc",
        "fell off a ladder 10 minutes ago and can't get up",
    ],
)
def test_a_recent_accident_stays_one(run: Run, text: str) -> None:
    assert (TRAUMA, False, False) in found(run(text), "red_flag")


def test_a_date_still_denies_a_long_standing_bladder_sign(run: Run) -> None:
    entities = found(
        run("leaking wee since 2010, back sore from gardening"), "red_flag"
    )
    assert any(value == BLADDER and negated for value, negated, _ in entities)


def test_a_date_past_this_morning_does_not_date_the_bladder_sign(run: Run) -> None:
    entities = found(run("wet myself this morning, 2 years after my op"), "red_flag")
    assert (BLADDER, False, False) in entities


def test_an_injury_dated_long_ago_is_not_todays_onset(run: Run) -> None:
    entities = found(
        run("rear-ended in 2004; back stiff from driving this week"), "red_flag"
    )
    assert ("is_after_injury", False, False) not in entities
    assert ("is_after_injury", False, True) in entities


def test_an_age_before_a_recent_fall_does_not_date_it(run: Run) -> None:
    text = "my son, aged 14, fell off the roof yesterday and his back is agony"
    assert (TRAUMA, False, False) in found(run(text), "red_flag")
