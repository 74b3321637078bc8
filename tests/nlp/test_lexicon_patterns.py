"""Lexicon patterns added for lay wording: what they catch and what they leave."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "<leg word> is/feels (a bit) weak", with a few words between
        ("my knee is a bit weak on the stairs", "has_leg_weakness"),
        ("my foot has felt a little weaker this week", "has_leg_weakness"),
        ("my ankle has been really weak", "has_leg_weakness"),
        # leg numbness or pain reaching the foot or the back of the leg
        ("my leg has been feeling numb", "has_leg_symptoms"),
        ("the ache goes down to my ankle", "has_leg_symptoms"),
        ("it runs all the way down my leg", "has_leg_symptoms"),
        ("a pulling pain at the back of my calf", "has_leg_symptoms"),
        # pain at rest
        ("it aches even when I'm lying down", "has_night_pain"),
        ("hurts even while resting", "has_night_pain"),
        # a leaking bladder
        ("my bladder has started leaking", "has_bladder_bowel_change"),
        ("bit of a leaky bladder since the pain began", "has_bladder_bowel_change"),
        # "in a crash" (the alternatives used to be split word by word)
        ("I was in a crash at work", "is_after_injury"),
        ("hurt in a collision", "is_after_injury"),
    ],
)
def test_lay_wording_is_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "I didn't fall",
        "I did not slip or anything",
        "never tripped, it just came on",
        "no fall, no knock",
    ],
)
def test_a_denied_fall_is_negated(run: Run, text: str) -> None:
    entities = run(text)
    assert ("minor_injury", True, False) in found(entities, "onset")
    assert ("is_after_injury", True, False) in found(entities, "red_flag")
    assert ("is_after_injury", False, False) not in found(entities, "red_flag")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a slipped disc is not a slip
        ("I slipped a disc years ago", ("onset", "minor_injury")),
        # asking whether to lift is advice, not how the pain started
        ("is it ok to lift my grandson", ("onset", "lifting")),
        ("should I stop carrying heavy bags", ("onset", "lifting")),
        ("can I pick up my baby", ("onset", "lifting")),
        # a weak urine stream is not a weak limb
        ("my wee stream is weak", ("symptom", "weakness")),
        # falling asleep or not falling again is not a fall
        ("I did not fall asleep until 3", ("red_flag", "is_after_injury")),
    ],
)
def test_not_read_as(run: Run, text: str, absent: tuple[str, str]) -> None:
    entity, value = absent
    assert value not in {v for v, _, _ in found(run(text), entity)}


def test_weak_stream_is_still_a_bladder_finding(run: Run) -> None:
    assert ("has_bladder_bowel_change", False, False) in found(
        run("my wee stream is weak"), "red_flag"
    )


def test_lifting_as_onset_still_found(run: Run) -> None:
    assert ("lifting", False, False) in found(
        run("it went when I was carrying heavy bags up the stairs"), "onset"
    )


def test_overlapping_red_flags_of_different_values_are_both_kept(run: Run) -> None:
    flags = found(run("my calf is weak and tingly"), "red_flag")
    assert {("has_leg_weakness", False, False), ("has_leg_symptoms", False, False)} <= (
        flags
    )


def test_a_statement_of_absence_still_beats_a_shorter_mention(run: Run) -> None:
    assert found(run("my bladder is fine"), "red_flag") == {
        ("has_bladder_bowel_change", True, False)
    }
