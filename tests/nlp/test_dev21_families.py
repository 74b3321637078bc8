"""Language families found in the twenty-first development corpora (21a
voice-to-text, 21b older writers, 21c complaints, 21d young people's
text-speak, 21e another condition, 21f non-native English).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity
from bot.nlp.age import find_age
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]
SUICIDE = "has_suicidal_thoughts"
BLADDER = "has_bladder_bowel_change"
STIFF = "has_morning_stiffness"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # bladder and bowel: control not kept, nothing coming, soiling unnoticed
        ("he is not controlling his bladder since last night", BLADDER),
        ("I'm bursting for a wee but nothing comes", BLADDER),
        ("I try to go and nothing happens, only a dribble", BLADDER),
        ("pooed in my pants in the shop without noticing", BLADDER),
        ("I can't tell when I need to poop", BLADDER),
        # the place one sits, the inner thighs, the bedroom
        ("no real feeling on my backside since Sunday", "has_saddle_numbness"),
        ("sitting down it's like the chair isn't there", "has_saddle_numbness"),
        ("the inside of both thighs feels dead", "has_saddle_numbness"),
        ("sex just isn't working anymore since I hurt it", "has_sexual_dysfunction"),
        # both legs named one by one
        ("my right foot and my left foot are tingling", "has_bilateral_leg_weakness"),
        ("pins in the left and right legs", "has_bilateral_leg_weakness"),
        # sepsis: rigors misspelt, the bed shaking, confusion with no drink taken
        ("she's got the riggers and a temperature", "has_sepsis_signs"),
        ("he was shivering so much the whole bed shook", "has_sepsis_signs"),
        ("slurring his words and he hasn't touched alcohol", "has_sepsis_signs"),
        ("my mum is not answering properly", "has_sepsis_signs"),
        # a crisis: a bridge in text-speak, tablets to be taken together
        ("i just wanna jump off a motorway bridge", SUICIDE),
        ("I've thought about taking them all at once", SUICIDE),
        # a simile of a wearing-off anaesthetic, a pain then how severe,
        # numbness rising from the legs to the belly
        (
            "my bum's gone numb, like when a filling injection is wearing off",
            "has_saddle_numbness",
        ),
        ("the pain in my lower back is excruciating", "has_severe_pain"),
        (
            "tingling creeping up from my feet towards my waist",
            "has_bilateral_leg_weakness",
        ),
        # long morning stiffness with the morning named first
        ("mornings my back is stiff as a board for a good hour", STIFF),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a 'not' before a verb and an 'and' does not reach a new clause
        ("he's not eating and has a high temperature", "has_fever"),
        ("she isn't walking well and is shivering", "has_fever"),
    ],
)
def test_a_new_clause_after_and_is_not_denied(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value", "stated"),
    [
        # a list of denials dictated without commas: each "fine" ends its item
        ("bowel control fine waterworks fine legs fine", BLADDER, False),
        ("my bowel control fine bladder fine legs fine", BLADDER, False),
        # and a finding after the list is still a finding
        ("bladder fine legs weak", "has_bilateral_leg_weakness", True),
    ],
)
def test_denials_in_a_list_without_commas(
    run: Run, text: str, value: str, stated: bool
) -> None:
    assert ((value, False, False) in found(run(text), "red_flag")) is stated


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # hoarding alone is a hint: the bot checks gently
        ("I've been putting my pills aside", SUICIDE),
    ],
)
def test_hints_are_hedged_so_the_bot_asks(run: Run, text: str, value: str) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my little boy pooed in his pants at nursery", BLADDER),
        ("I keep my tablets in the bathroom cabinet", SUICIDE),
        ("I just wanna jump off this treadmill", SUICIDE),
        # a jump wished for is a crisis, not an injury that happened
        ("i just wanna jump off a motorway bridge", "is_major_trauma"),
        ("he's not responding to the physio properly", "has_sepsis_signs"),
        ("I was slurring a bit, I'd had a drink", "has_sepsis_signs"),
        ("my left leg is numb but the right leg is fine", "has_bilateral_leg_weakness"),
        ("I'm thinking of doing the stretches all at once", SUICIDE),
        # figures of speech, a jaw aching from the dentist
        ("my jaw has ached since the dentist took a tooth out", "has_chest_pain"),
        (
            "that meeting left me numb from the waist down with boredom",
            "has_bilateral_leg_weakness",
        ),
        ("losing the match was a big blow to my pride", "is_major_trauma"),
        ("aches like someone whacked me with a bat", "is_major_trauma"),
        ("I fell from a height of one step, ha", "is_major_trauma"),
        ("the physio is ripping me off", "has_tearing_pain"),
        ("hungover and feeling like death", "has_sepsis_signs"),
    ],
)
def test_look_alikes_are_not_red_flags(run: Run, text: str, value: str) -> None:
    assert value not in {
        v for v, negated, _ in found(run(text), "red_flag") if not negated
    }


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("old gent of 81, fell in the garden", 81),
        ("a woman of 64 with a sore back", 64),
        ("I'm 41 and I've got a 3 year old to carry", 41),
        ("lifting a 2 year old all day, aged 38", 38),
        ("mother of 4 children, my back is sore", None),
    ],
)
def test_the_writers_age_not_their_childs(text: str, age: int | None) -> None:
    assert find_age(text) == age
