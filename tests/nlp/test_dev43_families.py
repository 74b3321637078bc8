"""Language families found in the forty-third development corpora (43a voice
dictation and phone typing, 43b older formal writers, 43c sport and physical
jobs, 43d questions, 43e non-native English, 43f young people and families).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BREATH,
    FRACTURE,
    INFECTION,
    PULSE,
    SADDLE,
    SEPSIS,
    SEXUAL,
    STIFF,
    SUICIDE,
    WEIGHT,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("want to swallow all the pills at once tonight so it ends", SUICIDE),
        ("I use drugs iv and have had a sore back for 10 days", INFECTION),
        ("they said osteo pro sis in my notes, back hurt since a cough", FRACTURE),
        ("I am not able to feel much during sex since my back went", SEXUAL),
        ("three days I cannot make the wee properly and my back hurts", BLADDER),
        ("every morning stiff, takes me over an hour to loosen, 7 months", STIFF),
        ("my son has gone off his food, getting thinner, back aching", WEIGHT),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_a_method_hinted_at_gets_the_gentle_check(run: Run) -> None:
    entities = found(
        run("life is too much, something tells me to jump off the roof"), "red_flag"
    )
    assert (SUICIDE, False, True) in entities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a general question, not the writer's symptom
        ("is it true that numbness in the saddle area is serious? I'm fine", SADDLE),
        ("what's an aneurysm that pulsates? my aunt had one", PULSE),
        # explained: spilled coffee, heat marks from the fire
        ("had an accident in my trousers, spilt my whole tea reaching over", BLADDER),
        ("mottled legs, I'd been sat too close to the gas fire all night", SEPSIS),
        # dated long ago
        ("very short of breath on a trek in 1985, my back is stiff now", BREATH),
    ],
)
def test_questions_explanations_and_dates_are_asked_about(
    run: Run, text: str, value: str
) -> None:
    entities = found(run(text), "red_flag")
    assert (value, False, False) not in entities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("bum numb from the stands, walked it off after a couple of minutes", SADDLE),
        ("I can't breathe through my nose with this cold, back sore", BREATH),
        ("speech a bit slurred when my teeth are out, ha", SEPSIS),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    entities = found(run(text), "red_flag")
    assert (value, False, False) not in entities
