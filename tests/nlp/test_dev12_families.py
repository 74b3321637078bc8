"""Look-alikes found in the twelfth development corpus (mostly benign messages
written to trap a keyword system).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, red_flags_present
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "I'm a ward nurse and deal with incontinence every shift",
            "has_bladder_bowel_change",
        ),
        (
            "my brother talks about aneurysms at every meal, he's a surgeon",
            "has_pulsating_abdomen",
        ),
        ("numb bum after the match, it went once I got walking", "has_saddle_numbness"),
        (
            "can't feel the toilet paper... because we've run out, ha",
            "has_saddle_numbness",
        ),
        ("period water retention makes my back ache", "has_bladder_bowel_change"),
        ("our old dog's back legs are wobbly now", "has_bilateral_leg_weakness"),
        ("the car crash that is my posture", "is_major_trauma"),
        ("chest a bit tight and wheezy with this cold", "has_chest_pain"),
        (
            "I'm always short of breath going up hills, always have been",
            "has_severe_breathlessness",
        ),
        ("legs go mottled after a sea swim, always have", "has_sepsis_signs"),
        ("my novel's main character attempts suicide", "has_suicidal_thoughts"),
    ],
)
def test_look_alikes_stay_quiet(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my knee keeps giving way when I go down the stairs", "has_leg_weakness"),
        ("her skin is cold to touch and mottled on the legs", "has_sepsis_signs"),
        (
            "she has been wet twice today when she has always been dry",
            "has_bladder_bowel_change",
        ),
    ],
)
def test_the_real_finding_next_to_a_look_alike_stays(
    run: Run, text: str, value: str
) -> None:
    assert value in red_flags_present(run(text))
