"""Language families found in the forty-ninth development corpora (49a people
already seen and reassured, 49b exercise seekers, 49c Spanish, Portuguese,
Italian and French speakers, 49d tricky negation, 49e children and teenagers,
49f faith and culture in daily life).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    BREATH,
    FRACTURE,
    ONE_LEG,
    SADDLE,
    SEPSIS,
    SEVERE,
    SEXUAL,
    SUICIDE,
    TEARING,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dor rasgando nas costas desde hoje", TEARING),
        ("I have not made pipi since the morning and my back hurts", BLADDER),
        ("I keep tripping all the time with my right foot since Friday", ONE_LEG),
        ("my foot catches on the stairs since the back went", ONE_LEG),
        ("I can no longer stand on tiptoe on my left leg", ONE_LEG),
        ("my foot won't push the clutch pedal properly now", ONE_LEG),
        ("both of them are getting weaker since the weekend", BOTH_LEGS),
        ("corticoids for 3 years for my lungs, now my back hurts", FRACTURE),
        ("she's crying out in pain and can't get comfortable in any position", SEVERE),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "barely want to live these days, back pain for a year",
        "if it weren't for my wife I would've ended it already",
    ],
)
def test_crisis_told_plainly_is_a_crisis(run: Run, text: str) -> None:
    assert (SUICIDE, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "my physio said to tell someone about numbness down there, I have none",
            SADDLE,
        ),
        ("saddle numb for a couple of minutes on the bike, then normal", SADDLE),
        ("a weak stream of questions today, sorry! heat or ice?", BLADDER),
        ("gasping after the 200m, got my breath back in a minute", BREATH),
        ("blotchy skin from being sunburnt at the beach, back stiff", SEPSIS),
        ("impotent with rage at my back, not that kind of impotent", SEXUAL),
        ("the word 'tearing' on the leaflet scared me, mine's a dull ache", TEARING),
        ("trouble peeing on the coach, no toilet for hours, went fine after", BLADDER),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
