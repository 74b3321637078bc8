"""Language families found in the forty-fourth development corpora (44a forum
posts, 44b clinical shorthand, 44c forwarded threads, 44d distress, 44e
long-term back pain against its baseline, 44f pregnancy and the menopause).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    CANCER,
    ONE_LEG,
    SADDLE,
    SEPSIS,
    SUICIDE,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("c/o LBP, reduced sensation on wiping since yesterday", SADDLE),
        ("my willy feels a bit numb since my back went", SADDLE),
        ("Mum has wet the settee twice today and her back is agony", BLADDER),
        ("I can't get my stream started and have to strain for ages", BLADDER),
        ("Hx breast ca 2019, new thoracic back pain", CANCER),
        ("MVA on the M6 this morning, lower back pain", TRAUMA),
        ("keep tripping over my right foot since Friday", ONE_LEG),
        ("numbness in my left foot spreading up to the shin", ONE_LEG),
        # a sudden change after years of back pain is new
        ("years of back pain and then suddenly no feeling down there", SADDLE),
        # minimised, not denied
        ("I'm sure it's nothing: perianal numbness since Monday", SADDLE),
        (
            "got osteo process and lifted a heavy box, now my back aches",
            "has_fracture_risk",
        ),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "he says he's not going to be a burden much longer",
        "this is goodbye, thanks for everything",
        "passive SI most days since the injury",
    ],
)
def test_veiled_crisis_gets_the_gentle_check(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("staff retention is awful on our ward, my back is sore", BLADDER),
        ("I know what retention looks like and I haven't got it", BLADDER),
        ("wet myself at that meme lol, back sore from football", BLADDER),
        ("my life's a car crash at the moment, back sore from the sofa", TRAUMA),
        ("feet went numb in the cinema, took 2 minutes to wake up", BOTH_LEGS),
        ("a film where he coughed up blood, so dramatic", "has_severe_breathlessness"),
        ("blue hands, from the dye I was using on the curtains", SEPSIS),
        ("perianal sensation normal on checking, back sore 2 days", SADDLE),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
