"""Language families found in the fourteenth development corpora (14a cauda
equina in every disguise, 14b trauma and fracture, 14c crisis and the
emergencies beyond the spine, 14d mixed chat with answers given as lists).

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
        # answers given as a list: a "yes" after a "no" is not denied
        ("fever no, yes numbness around my bottom", "has_saddle_numbness"),
        ("legs: both numb since the weekend", "has_bilateral_leg_weakness"),
        (
            "first the right leg, now the left one is going too",
            "has_bilateral_leg_weakness",
        ),
        ("both of my feet have started dragging", "has_bilateral_leg_weakness"),
        # saddle area and bladder or bowel, lay and embarrassed
        ("I've no feeling on the inside of both thighs", "has_saddle_numbness"),
        ("I can't feel the shower water on my bum", "has_saddle_numbness"),
        ("the skin round my vulva feels asleep", "has_saddle_numbness"),
        ("there's a dead patch around my backside", "has_saddle_numbness"),
        ("I don't get any urge that I need to wee", "has_bladder_bowel_change"),
        ("my bowels let go in the supermarket", "has_bladder_bowel_change"),
        (
            "I've had trouble controlling my bladder since Friday",
            "has_bladder_bowel_change",
        ),
        ("haven't needed to wee at all since breakfast", "has_bladder_bowel_change"),
        ("it takes ages to empty my bladder now", "has_bladder_bowel_change"),
        # nerve damage
        ("my foot has gone floppy", "has_leg_weakness"),
        ("I can't hop on my right leg any more", "has_leg_weakness"),
        ("I keep tripping over my right foot", "has_leg_weakness"),
        # trauma by mechanism
        ("the cow kicked me into the gate", "is_major_trauma"),
        (
            "went off a huge kicker on my snowboard and landed on my back",
            "is_major_trauma",
        ),
        ("I came down from really high on the climbing frame", "is_major_trauma"),
        # crisis
        ("my son messaged us to say goodbye", "has_suicidal_thoughts"),
        ("she's standing on the bridge over the motorway", "has_suicidal_thoughts"),
        ("I nearly drove into a tree on purpose", "has_suicidal_thoughts"),
        # beyond the spine
        ("dad doesn't recognise us since the fever started", "has_sepsis_signs"),
        ("I can't get to the bathroom without gasping", "has_severe_breathlessness"),
        # inflammatory pattern in minutes
        ("I'm stiff for 40 mins every morning", "has_morning_stiffness"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


def test_past_self_harm_is_checked_gently(run: Run) -> None:
    text = "I used to self harm at school, I'm well now"
    assert ("has_suicidal_thoughts", False, True) in found(run(text), "red_flag")


def test_a_relative_woken_by_her_pain_makes_her_history_count(run: Run) -> None:
    flags = red_flags_present(run("my aunt had lung cancer and now the pain wakes her"))
    assert "has_cancer_history" in flags


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a van reversed into my parked car, nobody hurt", "is_major_trauma"),
        ("getting thrown at judo every week, back a bit tight", "is_major_trauma"),
        ("I'm a crash investigator, so lots of sitting", "is_major_trauma"),
        ("beaten up by my trainer at leg day", "is_major_trauma"),
        ("feels like I've been hit by a train", "is_major_trauma"),
        ("a car crash of a day at work, the server went down", "is_major_trauma"),
        ("falls from height course at work today", "is_major_trauma"),
        ("thinking about crashing into a wall after this week", "is_major_trauma"),
        ("fell asleep on the sofa in a funny position", "is_major_trauma"),
        ("nearly pooed myself when the alarm went off", "has_bladder_bowel_change"),
        ("an accident during norovirus last year", "has_bladder_bowel_change"),
        ("can't poo because of the codeine", "has_bladder_bowel_change"),
        ("my heart is torn in two over the move", "has_tearing_pain"),
        ("I heard a rip in my jeans when I bent down", "has_tearing_pain"),
        ("jaw aches since they tightened my braces", "has_chest_pain"),
        (
            "I can't breathe when I see the electricity bill",
            "has_severe_breathlessness",
        ),
        ("breathless on hills but I'm unfit", "has_severe_breathlessness"),
        ("shaking like a leaf at my interview", "has_sepsis_signs"),
        ("he says he wants to die over his maths homework", "has_suicidal_thoughts"),
    ],
)
def test_look_alikes_stay_quiet(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
