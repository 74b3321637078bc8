"""Language families found in the fifty-second development corpora (52a
uniformed services and institutions, 52b medicine lists, 52c rural and remote
lives, 52d symptoms others noticed, 52e night and sleep, 52f assaults, fights
and collisions).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from bot.nlp.age import find_age
from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    INJURY,
    SADDLE,
    SEPSIS,
    SEXUAL,
    STIFF,
    SUICIDE,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I've a stash of co-codamol in the drawer, back wrecked for years", SUICIDE),
        ("stiff as a post for over an hour every morning, I'm 27", STIFF),
        ("I never even noticed I'd wet myself until my wife said", BLADDER),
        ("on the loo I can't tell whether anything is coming out", BLADDER),
        ("the feeling down there has just gone since the fall", SADDLE),
        ("nothing's working in the bedroom since my back went", SEXUAL),
        ("I was the passenger when the van rolled on the bypass", TRAUMA),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert any(
        v == value and not negated for v, negated, _ in found(run(text), "red_flag")
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "an incontinent resident soaked my tunic, my back is sore from lifting",
            BLADDER,
        ),
        ("can't go for a wee during a twelve-hour shift so I hold it", BLADDER),
        ("the heavy blow was the redundancy news, my back is just stiff", TRAUMA),
        ("back sore after the army assault course", INJURY),
        ("I didn't react to his cold hands on my back, I was being brave", SEPSIS),
        ("I don't want to wake my husband, my back is aching tonight", SUICIDE),
        ("my mate crashed his car into a wall last year, I wasn't there", SUICIDE),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Veteran, 68. Lifted a sack and felt it go", 68),
        ("Retired nurse, 71, slipped on the step", 71),
        ("Hello, 10 days of back pain now", None),
    ],
)
def test_a_role_then_the_age(text: str, age: int | None) -> None:
    assert find_age(text) == age
