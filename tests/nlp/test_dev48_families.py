"""Language families found in the forty-eighth development corpora (48a late
disclosures, 48b medical words used loosely, 48c work injuries and formal
reports, 48d long symptom lists, 48e pain by intensity and character, 48f
older people typing on tablets).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    INJURY,
    ONE_LEG,
    PULSE,
    SADDLE,
    TEARING,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can't seem to start a wee since I hurt my back on Friday", BLADDER),
        ("sorry but I pood my self last night and didn't know", BLADDER),
        ("since the lift I have lost all feeling in my groin", SADDLE),
        ("I feel nothing while wiping since my back went", SADDLE),
        ("me cyaan feel nothing down below since di fall", SADDLE),
        ("numb down the shin and foot and still spreading, back pain", ONE_LEG),
        ("can't lift the front of my foot since Tuesday", ONE_LEG),
        ("Nan came down hard off the kitchen step, she's 84", INJURY),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tripped over the incontinence pads in the store, back twinge", BLADDER),
        ("a slipped disc two weeks ago, back still sore", INJURY),
        ("hit by an empty cardboard box off a shelf, just the shock", TRAUMA),
        ("this deadline is tearing me apart, back stiff from the desk", TEARING),
        ("lost control of the forklift, near miss, nobody hurt, back fine", TRAUMA),
        ("my mate's dad had an aneurysm so he told me to ask about my back", PULSE),
        ("gran had a catheter in 2019, nothing to do with me, my back aches", BLADDER),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_no_better_than_when_it_started_is_not_improving(run: Run) -> None:
    entities = run("back pain 6 weeks, no better than when it started")
    assert ("is_improving", True, False) in found(entities, "red_flag")
