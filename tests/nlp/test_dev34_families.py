"""Language families found in the thirty-fourth development round (34a older
people's formal wording, 34b emoji and abbreviations, 34c timelines, 34d
several people in one message, 34e understatement and gallows humour, 34f
non-native English) and in the phrasings left over from stop 32.

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from bot.nlp.age import find_age
from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, BOTH_LEGS, ONE_LEG, SADDLE, SEPSIS, SUICIDE, Run


@pytest.mark.parametrize(
    "text",
    [
        "couldn't get my wee going for ages this morning",
        "I couldn't pee for a long time last night",
        "could not pee for ages today, back is agony",
    ],
)
def test_a_long_wait_dated_today_is_not_long_standing(run: Run, text: str) -> None:
    assert (BLADDER, False, False) in found(run(text), "red_flag")


def test_a_long_standing_problem_is_still_dated(run: Run) -> None:
    # the pseudo-triggers above must not undo the dating they were carved from
    assert (BLADDER, False, False) not in found(
        run("I've had a weak stream for ages, nothing new, just a sore back"),
        "red_flag",
    )


@pytest.mark.parametrize(
    "text",
    [
        "there's no point anymore, the pain never stops",
        "no point anymore, it just won't stop",
    ],
)
def test_pain_that_never_stops_does_not_deny_the_check(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


def test_a_symptom_that_never_stops_is_present(run: Run) -> None:
    assert ("has_leg_symptoms", False, False) in found(
        run("the tingling down my leg never stops"), "red_flag"
    )


def test_a_symptom_that_stops_is_still_denied(run: Run) -> None:
    assert ("has_leg_symptoms", False, False) not in found(
        run("the tingling down my leg stops when I stand up"), "red_flag"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("his water has stopped and his back is bad", BLADDER),
        ("back bad, no can wee since morning", BLADDER),
        ("he has trouble starting his wee since the weekend", BLADDER),
        ("the loo seat feels odd under me since Sunday", SADDLE),
        ("since the fall I can't feel the toilet seat", SADDLE),
        ("my private parts are tingly since yesterday", SADDLE),
        ("cnt stand on my toes on the right side", ONE_LEG),
        ("I couldnt feel nothing down below, usually is fine", SADDLE),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_a_bottom_that_feels_strange_sitting_is_asked_about(run: Run) -> None:
    assert (SADDLE, False, True) in found(
        run("my backside feels weird when I sit down"), "red_flag"
    )


def test_a_method_thought_of_is_a_crisis(run: Run) -> None:
    assert (SUICIDE, False, False) in found(
        run("I keep thinking of stepping in front of a train"), "red_flag"
    )


@pytest.mark.parametrize(
    "text",
    [
        "some nights I think about driving off a bridge",
        "I'm going to crash into a tree one of these days, honestly",
    ],
)
def test_a_crash_thought_of_is_checked_gently(run: Run, text: str) -> None:
    # as "she's thinking of crashing into a wall" (round 24): a gentle check
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


def test_a_thought_of_driving_into_a_wall_is_not_an_injury(run: Run) -> None:
    entities = found(run("I'm going to drive into a wall if this goes on"), "red_flag")
    assert ("is_major_trauma", False, False) not in entities


def test_not_knowing_how_long_one_can_keep_going_is_checked_gently(run: Run) -> None:
    assert (SUICIDE, False, True) in found(
        run("not sure how much longer I can carry on like this"), "red_flag"
    )


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Slipped on the step this morning, 79, the pain is terrible", 79),
        ("Babcia (my gran) 84, fell off the bed", 84),
        ("I did 10, 20, 30 reps and my back went", None),
        ("pain 8/10, 24, hours of it", None),
    ],
)
def test_an_age_as_a_clause_of_its_own(text: str, age: int | None) -> None:
    assert find_age(text) == age


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "both legs went dead kneeling in the garden, passed in a minute once "
            "I stood",
            BOTH_LEGS,
        ),
        ("bum tingled on the long drive, gone by the time we got there", SADDLE),
        ("numb bum on the bike, came back five minutes after I got off", SADDLE),
        ("bum went numb sitting on my keys, stopped once I moved them", SADDLE),
        ("couldn't pee after my op years ago, all fine the next day", BLADDER),
        ("Losing my wee? Quite the opposite, I'm up all night going", BLADDER),
        ("knees went to jelly at the bill. Legs otherwise strong as ever", BOTH_LEGS),
        ("had a little accident - spilt my tea when my back twinged", BLADDER),
        ("mottled shins from the fire for 60 years, back stiff", SEPSIS),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_losing_a_final_is_not_a_heavy_blow_to_the_back(run: Run) -> None:
    entities = found(
        run("losing the cup final was a heavy blow, back stiff"), "red_flag"
    )
    assert ("is_major_trauma", False, False) not in entities


def test_a_crash_thought_of_on_purpose_is_a_crisis(run: Run) -> None:
    # "think about driving into a wall" alone is a hint (a gentle check); with
    # "on purpose" it is said outright, and the hint must not talk it down
    assert (SUICIDE, False, False) in found(
        run("some days I think about driving into a tree on purpose"), "red_flag"
    )
