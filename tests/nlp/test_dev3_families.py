"""Families of wording found missing or over-read in the third development corpus.

Every sentence is written here for its family (never a corpus sentence): falls
from more kinds of height, heavy objects and vehicles striking a person,
assault, rigors and altered mental state in other words, retention and leaking
in lay, Scots and Australian words, foot drop and a buckling leg, cancer
shorthand and pain worse on straining, fragility fractures and sudden onset;
and the look-alikes that must stay quiet (a slow tumble off a bike, a crash
decades ago, numbness that passed in minutes, an idiom).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, red_flags_present
from bot.nlp.age import find_age
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]

FOUND = [
    # falls from a height: more places and verbs
    ("I slid off the garage roof yesterday", "is_major_trauma"),
    ("she came off the top of the ladder onto the drive", "is_major_trauma"),
    ("fell from the mezzanine at the warehouse", "is_major_trauma"),
    ("dropped through the ceiling of the barn", "is_major_trauma"),
    ("plunged two storeys when the floor gave", "is_major_trauma"),
    # heavy objects falling on or pinning the person
    ("a stack of crates toppled onto me in the stockroom", "is_major_trauma"),
    ("the bookcase fell on me while I was hoovering", "is_major_trauma"),
    ("got trapped under the trailer for ten minutes", "is_major_trauma"),
    # vehicles striking a person or a car
    ("a van reversed into me in the loading bay", "is_major_trauma"),
    ("the taxi ploughed into the side of us at the junction", "is_major_trauma"),
    ("knocked down by a speeding cyclist on the path", "is_major_trauma"),
    ("cyclist vs lorry on the ring road, I was the cyclist", "is_major_trauma"),
    ("flipped the jeep on a farm track", "is_major_trauma"),
    ("pile up on the motorway, I was in the middle car", "is_major_trauma"),
    # assault
    ("kicked and punched outside the club last night", "is_major_trauma"),
    ("got hurt in a brawl at the match", "is_major_trauma"),
    # rigors and altered mental state in other words
    ("he is shivering so hard his teeth hurt, temp 39", "has_sepsis_signs"),
    ("having shaking fits with a fever", "has_sepsis_signs"),
    ("my skin has gone patchy on my arms and I have a fever", "has_sepsis_signs"),
    ("she's feverish, faint and confused", "has_sepsis_signs"),
    # retention, leaking and going without feeling it
    ("I need a wee badly but nothing will come out", "has_bladder_bowel_change"),
    ("leaking little drops of urine since Friday", "has_bladder_bowel_change"),
    ("I'm dribbling all the time now", "has_bladder_bowel_change"),
    ("some wee comes out when I sneeze, that's new", "has_bladder_bowel_change"),
    ("lost the sensation of needing the loo", "has_bladder_bowel_change"),
    ("my bladder is full but I can't empty it", "has_bladder_bowel_change"),
    ("had a bladder accident on the bus", "has_bladder_bowel_change"),
    # saddle area in other words
    ("feels like I'm sat on a pillow, all numb", "has_saddle_numbness"),
    ("my private parts are numb today", "has_saddle_numbness"),
    ("numbness creeping out from my buttocks", "has_saddle_numbness"),
    ("cannae feel a thing on ma bum", "has_saddle_numbness"),
    ("orgasm feels dulled since the disc went", "has_sexual_dysfunction"),
    # a leg giving way or a foot dropping
    ("my knee keeps buckling on the stairs", "has_leg_weakness"),
    ("her left foot started flopping when she walks", "has_leg_weakness"),
    ("I am unable to raise my right foot", "has_leg_weakness"),
    ("can't press the brake properly with my right foot", "has_leg_weakness"),
    ("my toes keep scraping the pavement", "has_leg_weakness"),
    # cancer shorthand, pain worse on straining or each day
    ("known breast ca, now mid back pain", "has_cancer_history"),
    ("hurts every time I sneeze", "has_progressive_pain"),
    ("the pain is worse each week", "has_progressive_pain"),
    ("it is worse when I'm straining on the loo", "has_progressive_pain"),
    # fragility fractures and long morning stiffness
    ("had a wrist fracture from a trip two years ago", "has_fracture_risk"),
    ("I wake up stiff and it lasts till midday", "has_morning_stiffness"),
]


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_family_is_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


ONSETS = [
    ("took a tumble on the ice outside the shop", "minor_injury"),
    ("stepped off the curb awkwardly", "minor_injury"),
    ("landed on my backside on the patio", "minor_injury"),
    ("felt a snap in my back reaching for a box", "sudden"),
    ("something went in my back when I turned", "sudden"),
    ("since a coughing fit on Sunday", "sudden"),
]


@pytest.mark.parametrize(("text", "value"), ONSETS)
def test_onset_family_is_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "onset")


HEDGED = [
    "I'm shaking so badly I can barely type",
    "he seems out of it and has a temperature",
    "she is very drowsy today",
    "mum isn't herself at all",
    "I feel really unwell with it",
]


@pytest.mark.parametrize("text", HEDGED)
def test_altered_state_alone_is_checked_not_acted_on(run: Run, text: str) -> None:
    flags = found(run(text), "red_flag")
    assert ("has_sepsis_signs", False, True) in flags
    assert ("has_sepsis_signs", False, False) not in flags


def test_drowsy_from_painkillers_is_not_asked_about(run: Run) -> None:
    flags = found(run("the tramadol makes me very drowsy"), "red_flag")
    assert not {f for f in flags if f[0] == "has_sepsis_signs"}


def test_not_herself_does_not_negate_what_follows(run: Run) -> None:
    text = "she isn't herself, confused and her feet are mottled"
    assert "has_sepsis_signs" in red_flags_present(run(text))


QUIET = [
    ("slid off my bike at walking pace, a graze on my knee", "is_major_trauma"),
    ("motorbike accident in 1998, back has been fine", "is_major_trauma"),
    ("fell out of a tree as a kid, now my back twinges at work", "is_major_trauma"),
    ("my heart rate went through the roof on the bike", "is_major_trauma"),
    ("my bum went numb for a couple of minutes on the bench", "has_saddle_numbness"),
    (
        "both legs went numb for a few minutes kneeling at the altar",
        "has_bilateral_leg_weakness",
    ),
    ("a wee bit of back pain after the gym", "has_bladder_bowel_change"),
    ("I carried the wardrobe upstairs and my back aches", "is_major_trauma"),
    ("my uncle had bowel cancer, I'm 30 and pulled my back", "has_cancer_history"),
    ("we had a pillow fight and I pulled my back", "is_major_trauma"),
    ("in a fight with the council about my parking permit", "is_major_trauma"),
    ("got dumped by a wave surfing, back a bit sore", "is_major_trauma"),
    (
        "I leak a little wee when I laugh, ever since my second baby",
        "has_bladder_bowel_change",
    ),
    ("the baby is dribbling all the time, teething", "has_bladder_bowel_change"),
    ("my hands are shaking so badly after three coffees", "has_sepsis_signs"),
]


@pytest.mark.parametrize(("text", "value"), QUIET)
def test_look_alike_stays_quiet(run: Run, text: str, value: str) -> None:
    assert value not in red_flags_present(run(text))


AGES = [
    ("61, sore back for ten days", 61),
    ("back ache after the gym, 27", 27),
    ("first bout of back pain at 58", 58),
    ("it began at the age of 70", 70),
    ("temperature 38.2, 39", None),
    ("hit at 50mph on the bypass", None),
    ("at 28 weeks pregnant", None),
]


@pytest.mark.parametrize(("text", "age"), AGES)
def test_age_signed_off_or_stated_with_at(text: str, age: int | None) -> None:
    assert find_age(text) == age


def test_never_had_it_before_does_not_deny_the_duration(run: Run) -> None:
    entities = run("never had a bad back before, it started 10 days ago")
    assert [(e.value, e.negated) for e in entities if e.entity == "duration"] == [
        (10, False)
    ]
