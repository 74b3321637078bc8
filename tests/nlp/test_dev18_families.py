"""Language families found in the eighteenth development corpora (18a low
literacy, 18b medical histories first, 18c time-course stories, 18d dark
humour, 18e terse fragments, 18f lay anatomy and euphemism).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # phonetic spellings read as the words they stand for
        ("got no feelin round my back pasage", "has_saddle_numbness"),
        ("wen i sit on the loo i cant feal it under me bum", "has_saddle_numbness"),
        ("nocked off my scooter by a lorry", "is_major_trauma"),
        ("my nee keeps givin way", "has_leg_weakness"),
        # bladder and bowel control in other words
        ("bowels playing up, cant control them", "has_bladder_bowel_change"),
        ("no bladder control since Sunday", "has_bladder_bowel_change"),
        (
            "I've lost the feeling for when I need the toilet",
            "has_bladder_bowel_change",
        ),
        ("I didn't realise I'd wet myself until I got up", "has_bladder_bowel_change"),
        ("the wee comes out ever so slowly", "has_bladder_bowel_change"),
        ("he hasn't peed since breakfast", "has_bladder_bowel_change"),
        # the saddle in other words
        ("numbness has crept from my thigh into my groin", "has_saddle_numbness"),
        ("my private parts feel kind of numb", "has_saddle_numbness"),
        ("both buttocks have gone numb", "has_saddle_numbness"),
        # the second leg joining the first
        (
            "sciatica was the left, now it's down my right leg too",
            "has_bilateral_leg_weakness",
        ),
        ("now it's in both legs", "has_bilateral_leg_weakness"),
        ("now the other leg is doing the same thing", "has_bilateral_leg_weakness"),
        ("the left one is going numb as well", "has_bilateral_leg_weakness"),
        ("his legs don't feel like his own", "has_bilateral_leg_weakness"),
        ("I can't tell when I need a wee any more", "has_bladder_bowel_change"),
        ("numb right where you sit on a bike saddle", "has_saddle_numbness"),
        ("the numbness is creeping towards my bum", "has_saddle_numbness"),
        ("she is hot an confused this morning", "has_sepsis_signs"),
        # progressive numbness and weakness
        ("it was only my toes, now it's my shin", "has_leg_weakness"),
        ("the numbness is now above my knee", "has_leg_weakness"),
        ("there's no strength in my left foot", "has_leg_weakness"),
        # beyond the spine
        ("coffin up blood since last night", "has_severe_breathlessness"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a plan or the means gathered: a gentle check
        ("I've been saving up my tablets", "has_suicidal_thoughts"),
        ("I bought a rope last week", "has_suicidal_thoughts"),
        ("planning to jump off the bridge", "has_suicidal_thoughts"),
        # felt like a rip, stabbed through to the back: asked about
        ("it felt like a rip in my back", "has_tearing_pain"),
        ("like being stabbed through to my back", "has_tearing_pain"),
        # heart attack asked about
        ("heart attack? chest and back", "has_chest_pain"),
        ("weeing through a straw since Friday", "has_bladder_bowel_change"),
        ("bowels not working right", "has_bladder_bowel_change"),
    ],
)
def test_hints_are_hedged_so_the_bot_asks(run: Run, text: str, value: str) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # explained away further on in the message: asked, not acted on
        (
            "couldn't feel my legs this morning. Turned out I'd slept on them",
            "has_bilateral_leg_weakness",
        ),
        (
            "I wet myself at the party. Good as new by the morning",
            "has_bladder_bowel_change",
        ),
        (
            "my bum was numb all evening. it was only because of the hard bench",
            "has_saddle_numbness",
        ),
        (
            "my legs went weak, lol, at the sight of the bill",
            "has_bilateral_leg_weakness",
        ),
        (
            "chest gets tight but that's my asthma, the inhaler sorts it",
            "has_chest_pain",
        ),
    ],
)
def test_a_finding_explained_away_later_is_asked_about(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a new development after the explanation is not explained away
        (
            "turned out I'd sat funny on them, but I still can't feel my legs",
            "has_bilateral_leg_weakness",
        ),
        # an explanation before the finding explains nothing about it
        (
            "turned out the MRI was clear. Now I can't feel my bum",
            "has_saddle_numbness",
        ),
    ],
)
def test_only_an_explanation_after_the_finding_hedges(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_crashing_out_on_the_sofa_is_sleep(run: Run) -> None:
    entities = run("crashed out on the sofa and woke up with a stiff back")
    assert ("is_major_trauma", False, False) not in found(entities, "red_flag")


def test_a_scots_negative_denies_like_its_english() -> None:
    # covered by the pipeline: "didnae fall" is "did not fall"
    from bot.nlp import extract

    injuries = {e.value for e in extract("he didnae fall") if not e.negated}
    assert "is_after_injury" not in injuries
