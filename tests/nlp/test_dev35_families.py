"""Language families found in the thirty-fifth development corpora (35a pasted
threads and app exports, 35b children and teenagers, 35c pregnancy and after a
birth, 35d long-term conditions and disabilities, 35e manual work and drug
use, 35f very long stories).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, ONE_LEG, PULSE, SADDLE, SEPSIS, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mood 4 | bladder - no control since lunch", BLADDER),
        ("she's had three accidents since Friday and her back hurts", BLADDER),
        ("I sit on the loo and nothing comes for ages since Monday", BLADDER),
        ("after a wee it feels like there's more to come", BLADDER),
        ("wiping feels like I'm touching someone else", SADDLE),
        ("his inner thighs feel like rubber since Tuesday", SADDLE),
        ("my left foot is getting numb and weaker by the day", ONE_LEG),
        ("tingling began in my big toe, now it's up to the ankle", ONE_LEG),
        ("he has brittle bone disease and fell off the sofa", "has_fracture_risk"),
        ("I slipped up and shot up again at the weekend", "has_infection_risk"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text", ["week 8 and no better than week 2", "the pain hasn't budged at all"]
)
def test_pain_that_has_not_shifted_is_not_improving(run: Run, text: str) -> None:
    assert ("is_improving", True, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "I stood on the bridge and thought how easy it would be. Anyway.",
        "I thought about rolling my wheelchair into the river",
        "he's been cutting himself since the injury",
    ],
)
def test_hints_are_checked_gently(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my catheter bag needs emptying twice a night, back stiff", BLADDER),
        ("I've had an indwelling catheter for years, back sore from bending", BLADDER),
        ("she wet herself at nursery (she's 2), I hurt my back lifting her", BLADDER),
        ("bought a pack of AAA batteries and my back twinged", PULSE),
        ("mottled, the new floor tiles, took all day to lay, back sore", SEPSIS),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "baby is kicking like mad today and my back aches",
        "rear-ended at walking pace in a car park, no injury, back stiff from the gym",
        "planning a bungee jump for my birthday, is my back up to it?",
        "slipped up and had a takeaway, back sore from the sofa",
    ],
)
def test_these_are_not_injuries(run: Run, text: str) -> None:
    entities = found(run(text), "red_flag")
    assert ("is_major_trauma", False, False) not in entities
    assert ("is_after_injury", False, False) not in entities


def test_blood_from_a_nosebleed_is_not_coughed_up(run: Run) -> None:
    entities = found(
        run("coughed up some blood from a nosebleed earlier, back stiff"), "red_flag"
    )
    assert ("has_severe_breathlessness", False, False) not in entities
