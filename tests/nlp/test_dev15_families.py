"""Language families found in the fifteenth development corpora (15a short
phone messages, 15b older people and their carers, 15c young people's slang,
15d clinicians' vignettes), and a denial that runs along a list.

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
        ("nan cant feel wen she wipes", "has_saddle_numbness"),
        ("numbness of the perineum since Friday", "has_saddle_numbness"),
        ("my willy feels numb since my back went", "has_saddle_numbness"),
        ("reports difficulty initiating micturition", "has_bladder_bowel_change"),
        ("I can't feel it when I wee any more", "has_bladder_bowel_change"),
        ("reduced power in both legs this morning", "has_bilateral_leg_weakness"),
        ("it's gone from one leg to both", "has_bilateral_leg_weakness"),
        ("I can barely lift either leg", "has_bilateral_leg_weakness"),
        ("her legs won't work", "has_bilateral_leg_weakness"),
        ("his left foot is dragging", "has_leg_weakness"),
        ("my calf is weak, can't push off", "has_leg_weakness"),
        ("can't walk properly since yesterday", "has_leg_weakness"),
        ("unable to weight bear since the fall", "has_severe_pain"),
        ("terrible pain, she's crying with it", "has_severe_pain"),
        ("chest feels heavy and I'm sweating", "has_chest_pain"),
        ("stiff every morning for about an hour", "has_morning_stiffness"),
        ("weight falling off me and I'm not dieting", "has_weight_loss"),
        ("had Hodgkins as a teenager", "has_cancer_history"),
        ("he tried to hang himself last night", "has_suicidal_thoughts"),
        ("she says she'll throw herself down the stairs", "has_suicidal_thoughts"),
        ("I'm on the bridge now", "has_suicidal_thoughts"),
        ("not a joke, I want to end my life", "has_suicidal_thoughts"),
        ("want to hurt myself so it stops", "has_suicidal_thoughts"),
        ("landed on my head at the trampoline park", "is_major_trauma"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a denial reaches along a list of short items...
        (
            "Denies fever, weight loss, retention or incontinence.",
            "has_bladder_bowel_change",
        ),
        (
            "no chest pain, sweating, nausea or shortness of breath",
            "has_severe_breathlessness",
        ),
        # ...and settled, joked or figurative findings stay quiet
        ("slow stream since 2012, no worse", "has_bladder_bowel_change"),
        ("I can't pee in public toilets, never could", "has_bladder_bowel_change"),
        ("wet myself in a water fight", "has_bladder_bowel_change"),
        ("not peed myself, nothing like that", "has_bladder_bowel_change"),
        ("weak at the knees over my new boyfriend", "has_bilateral_leg_weakness"),
        ("numb legs from sitting cross legged", "has_bilateral_leg_weakness"),
        (
            "bum went numb on the bus, came back the moment I stood",
            "has_saddle_numbness",
        ),
        ("my aneurysm was repaired years ago", "has_pulsating_abdomen"),
        ("band round my chest is just my new sports bra", "has_chest_pain"),
        ("can't breathe laughing at this meme", "has_severe_breathlessness"),
        ("felt like death yesterday, hungover", "has_sepsis_signs"),
        ("my tights laddered with a tearing sound", "has_tearing_pain"),
        ("going to unalive my alarm clock", "has_suicidal_thoughts"),
        ("I'd die on that hill", "has_suicidal_thoughts"),
        ("hit by a bus (figuratively) this week", "is_major_trauma"),
        ("a riding fall in my twenties, long healed", "is_major_trauma"),
        ("he jokes he's lost all feeling in his bum", "has_saddle_numbness"),
        (
            "I feel my heartbeat in my tummy lying down, GP said normal in thin people",
            "has_pulsating_abdomen",
        ),
        (
            "couldn't feel my legs after spinning, they just burned",
            "has_bilateral_leg_weakness",
        ),
        ("back in 1998 I fell through a roof, fully mended", "is_major_trauma"),
    ],
)
def test_denied_settled_or_joked_findings_are_not_asserted(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "no fever and then I noticed I can't feel my bum",
        "not well controlled at all and has a fever",
        "no numbness as such, more like my bum has gone to sleep",
    ],
)
def test_a_denial_does_not_reach_across_a_new_clause(run: Run, text: str) -> None:
    assert red_flags_present(run(text)) & {"has_saddle_numbness", "has_fever"}


def test_self_harm_thoughts_dated_by_year_are_checked_gently(run: Run) -> None:
    entities = run("I was suicidal back in 2015 and have been well since")
    assert ("has_suicidal_thoughts", False, True) in found(entities, "red_flag")
