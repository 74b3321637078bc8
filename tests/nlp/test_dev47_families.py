"""Language families found in the forty-seventh development corpora (47a back
pain beside other common problems, 47b terse older men, 47c Easy Read, 47d
mental illness and recovery, 47e students and young workers, 47f numbers).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    NIGHT,
    ONE_LEG,
    SADDLE,
    SEPSIS,
    SEXUAL,
    SUICIDE,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the old fella's not been working since I hurt my back", SEXUAL),
        ("my foot slaps on the floor when I walk since Monday", ONE_LEG),
        ("my back hurts during the night, I had cancer", NIGHT),
        ("numb on both buttocks and in between since yesterday", SADDLE),
        ("I'm dragging both legs and my back is agony", BOTH_LEGS),
        ("my legs are getting weaker every day since the back went", BOTH_LEGS),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_voices_telling_someone_to_hurt_themselves_is_a_crisis(run: Run) -> None:
    text = "the voice keeps saying I should harm myself and my back hurts"
    assert (SUICIDE, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "my thoughts are getting dark again, back is bad",
        "lol im jumping off the roof if this back doesnt stop",
        "honestly thinking of not being here much longer",
    ],
)
def test_veiled_crisis_gets_the_gentle_check(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("fell off a step, maybe 30 cm, onto the lawn, back sore", TRAUMA),
        ("got hit by a bus in GTA lol, back stiff from gaming", TRAUMA),
        ("wet my jeans with the sprinkler, back sore from mowing", BLADDER),
        ("I can stop and start my pee fine, just back ache", BLADDER),
        ("came off? no, I stayed on the horse, back twinge", TRAUMA),
        ("blue hands, new jeans dye, back stiff", SEPSIS),
        ("slurring after 6 pints, fine today, back stiff", SEPSIS),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
