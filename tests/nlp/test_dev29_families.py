"""Language families found in the twenty-ninth development corpora (29a
pregnancy and women's health, 29b gym and sport, 29c older people's words, 29d
medical words from Dr Google, 29e several people and times in one message, 29f
numbers everywhere).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    ONE_LEG,
    PULSE,
    SADDLE,
    SEPSIS,
    SUICIDE,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # retention told with words between: not able to empty it
        ("I've not really been able to empty my bladder for two days", BLADDER),
        ("my bladder just feels full all the time", BLADDER),
        # calf weakness: no rising on tiptoe on one side
        ("I can't stand up on my tiptoes on the right any more", ONE_LEG),
        ("since Tuesday I'm unable to rise onto my toes on that side", ONE_LEG),
        # long morning stiffness with words between
        (
            "stiff like a plank for a good 2 hours every morning",
            "has_morning_stiffness",
        ),
        (
            "stiff as anything for about 45 minutes each morning",
            "has_morning_stiffness",
        ),
        # a needle site on the back going bad
        (
            "the spot where the epidural went in is all red and oozing",
            "has_wound_signs",
        ),
        # numbness that has gone into the groin
        ("the numbness in my leg has gone into my groin", SADDLE),
        # sciatica on each side in clinical shorthand is sciatica in both legs
        ("L sciatica to the knee - R sciatica to the foot", BOTH_LEGS),
        # turned and then a terrible pain at once, with weak bones
        ("turned round to grab my bag and felt the worst pain ever", None),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str | None) -> None:
    if value is None:
        assert ("sudden", False, False) in found(run(text), "onset")
    else:
        assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a word denied inside brackets does not reach past them
        ("slipped a bit (didn't fall) and now I can't feel when I need a wee", BLADDER),
        # a report after a comma is a statement of its own
        ("never smoked, told I have osteoporosis", "has_fracture_risk"),
        # a list typed on one line with dashes: each item stands alone
        ("- no injury - R leg numb to the foot", "has_leg_symptoms"),
        ("no - I can't feel my legs", BOTH_LEGS),
        # "it's just not there" restates the loss, it explains nothing
        ("no feeling when I wipe, it's just not there any more", SADDLE),
    ],
)
def test_a_denial_stops_at_its_clause(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("pain goes into my groin when I walk, round ligament they say", SADDLE),
        ("the physio told me to check my saddle area every day", SADDLE),
        ("my bum went numb sitting on the loo for 40 minutes", SADDLE),
        ("numb backside at the rugby but it came right once I stood", SADDLE),
        ("tingling in my bum that goes the second I stand", SADDLE),
        ("my legs were numb after the epidural, then came back completely", BOTH_LEGS),
        ("legs like jelly after 50 burpees", BOTH_LEGS),
        ("I wet myself after my operation but that cleared up", BLADDER),
        ("numbness down there after the birth, it went within a few weeks", SADDLE),
        ("the flat's at a really low temperature since the boiler broke", SEPSIS),
        ("sepsis terrifies me after what happened to my aunt", SEPSIS),
        ("my dad is recovering from sepsis and I've been sleeping in a chair", SEPSIS),
        ("I had sepsis in 2016, fully recovered", SEPSIS),
        ("I wrote an essay about self-harm this term", SUICIDE),
        ("a thumping in my belly, the midwife says it's the baby kicking", PULSE),
        ("shivering after the cold plunge, then totally fine", SEPSIS),
    ],
)
def test_explained_or_past_findings_are_never_acted_on_at_once(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "rear-ended 5 years ago, all healed",
        "fell off a horse as a kid, no problems since",
        "at 10 fell off my bike, broke my arm",
    ],
)
def test_old_injuries_are_not_major_trauma(run: Run, text: str) -> None:
    assert ("is_major_trauma", False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text", ["hurt my back moving an armchair", "shifted the old piano on Sunday"]
)
def test_moving_heavy_furniture_is_a_lifting_onset(run: Run, text: str) -> None:
    assert ("lifting", False, False) in found(run(text), "onset")
