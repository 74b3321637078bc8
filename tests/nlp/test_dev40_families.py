"""Language families found in the fortieth development corpora (40a guarded
voices, 40b cauda equina in every form, 40c infection and cancer, 40d
soon-level flags told vaguely, 40e code-switching, 40f health professionals'
jargon).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from bot.nlp.age import find_age
from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    CANCER,
    INFECTION,
    NIGHT,
    ONE_LEG,
    STIFF,
    SUICIDE,
    WEIGHT,
    WIDESPREAD,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("lost control of the back door on Monday, back's gone", BLADDER),
        ("strain to wee ever since my back went on Friday", BLADDER),
        ("my brother injects and his back is agony", INFECTION),
        ("he's on the gear (IV) again and his spine is tender", INFECTION),
        ("three new holes in my belt since summer and I'm not trying", WEIGHT),
        ("my trousers from last year are all hanging off me", WEIGHT),
        ("dropped a dress size without trying and my back aches", WEIGHT),
        ("had a lump in my breast removed in 2015, back pain now", CANCER),
        ("she keeps being woken up by the pain in her back", NIGHT),
        ("stiff as a plank in the mornings for 45 mins or so", STIFF),
        ("takes ages to loosen up every morning, I'm 29", STIFF),
        ("everything aches, back, neck, hips", WIDESPREAD),
        ("pain moves to different places each week", WIDESPREAD),
        ("my leg namamanhid and nanghihina since Monday", "has_leg_symptoms"),
        ("numbness from the foot up to the knee now", ONE_LEG),
        (
            "lower back pain since Easter, now mid-May and no improvement",
            "is_improving",
        ),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    entities = found(run(text), "red_flag")
    if value == "is_improving":
        assert (value, True, False) in entities
    else:
        assert (value, False, False) in entities


@pytest.mark.parametrize(
    "text",
    [
        "some nights I think about walking out into the sea",
        "I keep banging my head against the wall when it flares",
        "it would be easier if I just didn't wake up",
        "recently disclosed SH to her GP",
        "I dey think make I just end am",
        "my kids go dey okay without me",
        "he left a note saying where the paperwork is and that he was sorry",
        "might just od on the lot",
    ],
)
def test_hints_are_checked_gently(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Boli mnie plecy od wczoraj, back pain", SUICIDE),
        ("I inject insulin twice a day for my diabetes", INFECTION),
        ("the vet showed me how to inject the dog", INFECTION),
        ("work has been a car crash this week, back tight", "is_major_trauma"),
        ("I work in an RTC claims office and sit all day", "is_major_trauma"),
        ("a bit of water retention in my ankles", BLADDER),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    entities = found(run(text), "red_flag")
    assert (value, False, False) not in entities
    assert (value, False, True) not in entities


def test_a_childs_age_in_brackets_is_read_for_the_child() -> None:
    assert find_age("Our little one (7) says his back is sore") == 7
    assert find_age("Lola (78) tripped on the step, severe back pain") == 78


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Tengo 63 años, back pain since 2 weeks", 63),
        ("mam 58 lat, back pain", 58),
        ("Fell off the bed onto my bottom. 85. Back pain is awful", 85),
        # counts, not ages
        ("Done 3 sets. 10. Then rest", None),
        ("Reps at 5. 12. 20. Back sore", None),
    ],
)
def test_ages_told_in_other_ways(text: str, age: int | None) -> None:
    assert find_age(text) == age
