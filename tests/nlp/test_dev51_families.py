"""Language families found in the fifty-first development corpora (51a
updates from returning users, 51b angry writers, 51c self-corrections, 51d
moving house, DIY and the festive season, 51e desk and screen workers, 51f
apologetic writers).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BREATH,
    CHEST,
    ONE_LEG,
    SADDLE,
    SEPSIS,
    STIFF,
    SUICIDE,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("there's blood in what I cough up since this morning", BREATH),
        ("every morning I'm stiff as anything for about an hour", STIFF),
        ("mornings my back is stiff, I can't straighten for an hour", STIFF),
        ("my wee takes ages to start since the back went", BLADDER),
        ("I keep losing a bit of wee when I stand up", BLADDER),
        ("I couldn't feel the poo coming out this morning", BLADDER),
        ("I didn't have any bladder control on the way home", BLADDER),
        ("wiped after the loo and felt nothing", SADDLE),
        ("I don't have any feeling in my bum since Monday", SADDLE),
        ("numb in my big toe on Friday, now it's the whole foot", ONE_LEG),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the shower has a weak stream, my back hurts from cleaning it", BLADDER),
        ("a weak stream of excuses from the council about my back", BLADDER),
        ("peed less today, I barely drank anything at work", BLADDER),
        ("HR want a fit note before they'll listen about my back", SUICIDE),
        ("dropped onto the floor from sitting height when the stool broke", TRAUMA),
        ("lips blue! blue slushie. back sore from the queue", SEPSIS),
        ("chest pain. no, it's my back, I'm rubbish at directions", CHEST),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_denial_ending_in_the_findings_first_word_denies_it(run: Run) -> None:
    """'I don't | have cancer': the denial's last word is the finding's first."""
    assert ("has_cancer_history", True, False) in found(
        run("I don't have cancer, just a stiff back"), "red_flag"
    )
