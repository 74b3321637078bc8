"""Language families found in the twenty-seventh development corpora (27a terse
texts with autocorrect, 27b older people's medicine lists, 27c a new change
after a clinician's opinion, 27d understatement and dark humour, 27e lives and
jobs, 27f mixed-language and world Englishes).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from bot.nlp.age import find_age
from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    BREATH,
    ONE_LEG,
    SADDLE,
    SEVERE,
    SUICIDE,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the paper not felt when wiping, told as if it were not there
        ("when I wipe, the loo roll feels like it isn't there", SADDLE),
        # a bladder that does not feel full after a day without a wee
        ("my bladder does not feel full and I haven't been all day", BLADDER),
        # numb as autocorrect types it
        ("my left foot is number since yesterday", "has_leg_symptoms"),
        ("she was howling with the pain when she got up", SEVERE),
        # a spot by the spine turned hot and swollen
        (
            "a pimple right by my spine has gone all red and swollen",
            "has_wound_signs",
        ),
        # pain at rest in other words
        ("it hurts even sitting on the couch doing nothing", "has_night_pain"),
        ("resting doesn't ease it at all", "has_night_pain"),
        # Nigerian Pidgin: cannot breathe, a foot that will not lift
        ("I no fit breathe at all since morning", BREATH),
        ("my right foot no dey lift when I waka", ONE_LEG),
        # pain that grows a little every day
        ("it has started aching, a little more each day", "has_progressive_pain"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_a_sneeze_then_the_pain_is_a_sudden_onset(run: Run) -> None:
    assert ("sudden", False, False) in found(
        run("I sneezed at breakfast and then my back locked"), "onset"
    )


def test_sitting_down_hard_on_a_chair_is_a_minor_injury(run: Run) -> None:
    assert ("minor_injury", False, False) in found(
        run("she sat down on the sofa a bit too hard"), "onset"
    )


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my grandad, who's 84, hurt his back gardening", 84),
        ("Sixty-eight, back went lifting a bag of compost", 68),
        ("nan 90 had a tumble in the kitchen", 90),
        # not ages: a distance in time, a pain score, a count of days
        ("the physio, who is 20 minutes away, can't see me", None),
        ("dad 45 mins away so I'm on my own", None),
        ("mum 5 days ago hurt her back", None),
    ],
)
def test_ages_as_people_type_them(text: str, age: int | None) -> None:
    assert find_age(text) == age


@pytest.mark.parametrize(
    "text",
    [
        "honestly I wouldn't mind not waking up some days",
        "can't see the point being here any more",
    ],
)
def test_veiled_wishes_not_to_be_here_get_the_gentle_check(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a hard seat or a long ride: numb until standing, then fine
        ("my bum went numb on the coach till I got up", SADDLE),
        ("numb backside after a 60 mile ride, wore off by the evening", SADDLE),
        # figures of speech
        ("I walk like I've pooed myself, according to my son", BLADDER),
        ("my boss was ripping into him all afternoon", "has_tearing_pain"),
        ("the month has been a car crash and my back went", "is_major_trauma"),
        # a medicine list is not an overdose
        ("dad takes a lot of tablets for his heart", SUICIDE),
        # blood from a nosebleed, checked
        (
            "coughing up blood this morning but it was a nosebleed",
            BREATH,
        ),
        # legs like jelly after a race
        ("my legs were shaky after the marathon on Sunday", BOTH_LEGS),
    ],
)
def test_explained_findings_are_never_acted_on_at_once(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
