"""Language families found in the forty-fifth development corpora (45a elderly
relatives with long-standing conditions, 45b past medical history first, 45c
Caribbean, West African, South Asian and Irish English, 45d what the person
can no longer do, 45e drivers and travellers, 45f hypotheticals and tests).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    ONE_LEG,
    SADDLE,
    SEPSIS,
    SEXUAL,
    STIFF,
    SUICIDE,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I wait there for ages before anything comes, back agony", BLADDER),
        ("my wee never feels like it's finished since the back went", BLADDER),
        ("having trouble holding my poo since my back went on Tuesday", BLADDER),
        ("Dad opened his bowels in the bed last night and didn't know", BLADDER),
        ("I didn't realise my knickers were wet until I sat down", BLADDER),
        ("since I hurt my back things haven't been working down there", SEXUAL),
        ("Nan says her seat feels numb since the fall", SADDLE),
        ("can't feel the brake with my left foot since my back went", ONE_LEG),
        ("stiff every morning for a good part of an hour, I'm 26", STIFF),
        ("most mornings it takes over an hour before I can bend", STIFF),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_wanting_to_be_dead_in_jamaican_english_is_a_crisis(run: Run) -> None:
    assert (SUICIDE, False, False) in found(
        run("mi back bad an mi waan dead"), "red_flag"
    )


def test_thinking_of_going_over_the_edge_gets_the_gentle_check(run: Run) -> None:
    text = "stood on the bridge last night thinking of jumping off"
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a test, a story or revision, said so
        ("if someone can't feel their bum, is that serious?", SADDLE),
        ("if a patient can't pee after surgery, what would you do?", BLADDER),
        ("a made-up person who suddenly can't pee: what then?", BLADDER),
        ("my wife can't wee after the op?? exam revision, not a real patient", BLADDER),
        ("what's the difference between a weak stream and retention", BLADDER),
        ("is that retention? he held it in all day at the match", BLADDER),
        ("'saddle numbness' is a red flag, my physio said", SADDLE),
        # explained, old or harmless
        ("shy bladder at work, I've had it all my life, back twinge", BLADDER),
        ("sepsis in 2019 from my appendix, full recovery, back ache now", SEPSIS),
        ("tingly bum when I sit on my phone in the van, back tight", SADDLE),
        ("fingers blue from the blackberry juice, back stiff", SEPSIS),
        ("Holi colours left my hands blue, back sore from dancing", SEPSIS),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
