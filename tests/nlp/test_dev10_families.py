"""Families of wording found missing or over-read in the tenth development
corpora (10a cauda equina in lay words, 10b trauma, aortic, cardiac, crisis
and look-alikes of every red flag).

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
            "I stand at the toilet for ages before anything comes out",
            "has_bladder_bowel_change",
        ),
        ("it takes forever to start when I go for a pee", "has_bladder_bowel_change"),
        (
            "her pad has been dry for 9 hours and she usually fills it",
            "has_bladder_bowel_change",
        ),
        (
            "only a few drops come out even though I'm bursting",
            "has_bladder_bowel_change",
        ),
        (
            "I didn't realise I'd wet myself until I stood up",
            "has_bladder_bowel_change",
        ),
        ("there's no urge to go at all since Tuesday", "has_bladder_bowel_change"),
        ("two episodes of faecal soiling today", "has_bladder_bowel_change"),
        ("I could not hold the stool this morning", "has_bladder_bowel_change"),
        (
            "reduced sensation over the scrotum since this morning",
            "has_saddle_numbness",
        ),
        ("when I wipe it feels like I'm wearing gloves", "has_saddle_numbness"),
        ("she can't feel where she's sitting any more", "has_saddle_numbness"),
        ("the insides of my thighs feel dull and dead", "has_saddle_numbness"),
        ("no feeling at all during sex since the weekend", "has_sexual_dysfunction"),
        ("sudden erectile problems since my back went", "has_sexual_dysfunction"),
        ("now the pain goes down the two legs", "has_bilateral_leg_weakness"),
        ("both my legs are getting that bit weaker", "has_bilateral_leg_weakness"),
    ],
)
def test_cauda_equina_in_lay_and_note_words(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the ladder slipped out from under me on the roof", "is_major_trauma"),
        ("kicked by a horse right in the small of my back", "is_major_trauma"),
        ("had to jump out of the bedroom window", "is_major_trauma"),
        ("it felt like something ripped inside, sudden and awful", "has_tearing_pain"),
        ("I want to finish my life", "has_suicidal_thoughts"),
        ("thinking about walking into the river", "has_suicidal_thoughts"),
    ],
)
def test_other_red_flags_by_their_mechanism(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("his aneurysm is being watched, now sudden back pain", "has_tearing_pain"),
        ("indigestion going through to my back and left arm", "has_chest_pain"),
        ("I've been staring at the tablets all evening", "has_suicidal_thoughts"),
    ],
)
def test_hints_get_a_direct_question(run: Run, text: str, value: str) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "my trousers were soaked from the rain on the walk home",
        "the vet says the dog keeps wetting himself since his op",
        "five years ago I had numbness down below, all fine since the operation",
        "erection trouble for about 6 years, nothing new",
        "I wet the bed till I was 10, never since",
        "my bottom went numb on the coach but was normal within a couple of minutes",
        "can't feel my legs after leg day, ha",
        "is it normal for your wee to slow down with back pain? just asking",
    ],
)
def test_cauda_look_alikes_stay_quiet(run: Run, text: str) -> None:
    present = red_flags_present(run(text))
    assert not present & {
        "has_bladder_bowel_change",
        "has_saddle_numbness",
        "has_sexual_dysfunction",
        "has_bilateral_leg_weakness",
    }, present


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I work in A&E and see sepsis every shift", "has_sepsis_signs"),
        ("confused about whether heat or ice is better", "has_sepsis_signs"),
        ("slurring a bit after the wine at the party", "has_sepsis_signs"),
        ("breathless after the 5k, back tight", "has_severe_breathlessness"),
        ("my chest is heavy with pride today", "has_chest_pain"),
        ("what a car crash of a week at work", "is_major_trauma"),
        ("my mate says I'll kill myself lifting like that", "has_suicidal_thoughts"),
    ],
)
def test_other_look_alikes_stay_quiet(run: Run, text: str, value: str) -> None:
    assert value not in red_flags_present(run(text))
