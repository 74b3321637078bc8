"""Language families found in the thirty-third development corpora (33a
search-box fragments, 33b everything as a question, 33c reassured by a
professional, 33d 3am panic, 33e sports jargon, 33f modest and indirect words).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, CANCER, ONE_LEG, SEVERE, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("old bowel cancer, new back ache, tripping a lot", ONE_LEG),
        ("back worse lying flat since the chemo", "has_night_pain"),
        ("the pain won't let me sleep flat", "has_night_pain"),
        ("back is worse when I cough", "has_progressive_pain"),
        ("dad slipped on the step, screaming pain", SEVERE),
        ("prednisolone long term for my asthma", "has_fracture_risk"),
        ("numb one leg and a sore back", "has_leg_symptoms"),
        ("can't get the stream started this morning", BLADDER),
        ("she wet the bed again last night, never has before", BLADDER),
        ("mornings are grim, I'm stiff for two hours before I loosen up", None),
        ("she was treated for a growth years ago", CANCER),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str | None) -> None:
    value = value or "has_morning_stiffness"
    assert (value, False, False) in found(run(text), "red_flag")


def test_no_point_any_more_gets_the_gentle_check(run: Run) -> None:
    assert (SUICIDE, False, True) in found(run("there's no point any more"), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I don't need to wee more than usual, just backache", BLADDER),
        ("he wet the bed until he was about 7, nothing since", BLADDER),
        ("I'm researching suicide prevention for my dissertation", SUICIDE),
        ("delirious with tiredness after three night shifts", "has_sepsis_signs"),
        (
            "bum numb on the bleachers, then fine 5 mins after standing",
            "has_saddle_numbness",
        ),
        ("I don't feel like sex when my back's this sore", "has_sexual_dysfunction"),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
