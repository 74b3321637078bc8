"""Language families found in the seventeenth development corpora (17a British
and Irish regional English, 17b English from around the world, 17c forum posts
with titles and edits, 17d the hardest chatty look-alikes).

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
        # g dropped and Scots spellings read as the words they stand for
        ("ah keep leakin since Monday", "has_bladder_bowel_change"),
        ("pain doon baith legs noo", "has_bilateral_leg_weakness"),
        ("his leg keeps giein way", "has_leg_weakness"),
        # both legs with nerve pain, buckling together
        ("both my legs have that burning sciatica", "has_bilateral_leg_weakness"),
        ("it's both legs since Friday", "has_bilateral_leg_weakness"),
        ("both knees keep buckling on the stairs", "has_bilateral_leg_weakness"),
        ("shooting down both legs to my heels", "has_bilateral_leg_weakness"),
        # bladder and bowel in everyday words
        ("lost it on the way to the toilet", "has_bladder_bowel_change"),
        ("I need a wee and then hardly anything comes out", "has_bladder_bowel_change"),
        ("I couldn't go for a wee all afternoon", "has_bladder_bowel_change"),
        ("she's not been able to hold her wee", "has_bladder_bowel_change"),
        ("I went without realising, twice", "has_bladder_bowel_change"),
        ("pins and needles round my bottom since yesterday", "has_saddle_numbness"),
        # beyond the spine and the rest
        ("he brought up blood this morning", "has_severe_breathlessness"),
        ("like being ripped from my chest through to my back", "has_tearing_pain"),
        ("she doesn't know what day it is", "has_sepsis_signs"),
        ("a beam came down and caught me across the shoulders", "is_major_trauma"),
        ("can't feel my feet properly now", "has_leg_weakness"),
        ("it's that bad she's crying", "has_severe_pain"),
        ("it aches day and night", "has_night_pain"),
        ("my hips and knees ache all at once", "has_widespread_pain"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Got hit by a bus!!! ...in my video game", "is_major_trauma"),
        ("the bairn wet the bed again", "has_bladder_bowel_change"),
        ("my little sister used to wet the bed", "has_bladder_bowel_change"),
        ("the washing machine is leaking everywhere", "has_bladder_bowel_change"),
        ("I nearly shat myself when the alarm went off", "has_bladder_bowel_change"),
        ("chest feels tight in this new sports bra", "has_chest_pain"),
        ("the dog is wobbly on his back legs", "has_leg_weakness"),
        ("hurt my back leaning over at speed dating", "is_major_trauma"),
        ("someone crashed into my car while it was parked", "is_major_trauma"),
        ("skin blotchy from the sunbed", "has_sepsis_signs"),
        ("shivering all day since the boiler broke", "has_sepsis_signs"),
        ("slurring my words after the wedding drinks", "has_sepsis_signs"),
        ("the match was fever pitch", "has_sepsis_signs"),
        ("the crowd was at fever pitch", "has_fever"),
        ("I run the suicide prevention training at work", "has_suicidal_thoughts"),
        ("the character in my book is suicidal", "has_suicidal_thoughts"),
        ("a tearing sound from my back brace velcro", "has_tearing_pain"),
        ("my old car crash, long healed", "is_major_trauma"),
        ("he was jumping up and down at the gig", "is_major_trauma"),
        ("slow because it hurts, not because her legs are weak", "has_leg_weakness"),
    ],
)
def test_look_alikes_are_not_asserted(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_pet_s_cancer_is_not_the_person_s(run: Run) -> None:
    entities = run("my cat has cancer and I hurt my back carrying her")
    assert ("has_cancer_history", False, False) not in found(entities, "red_flag")


def test_being_jumped_is_an_assault(run: Run) -> None:
    assert "is_major_trauma" in red_flags_present(run("I got jumped last night"))


def test_a_hypothetical_is_not_a_finding(run: Run) -> None:
    entities = run("what would happen if someone lost control of their bladder?")
    assert ("has_bladder_bowel_change", False, False) not in found(entities, "red_flag")
