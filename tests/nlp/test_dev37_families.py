"""Language families found in the thirty-seventh development corpora (37a older
men and the prostate, 37b living with or after cancer, 37c lay body words, 37d
sex and intimacy, 37e numbers and measurements, 37f the flag in a P.S.), and
in the older development messages that only the emergency screen had caught,
which a retrained screen lost (now read by rules, so they stay caught).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, CANCER, ONE_LEG, SADDLE, SEVERE, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("since Friday my wee comes out with no force", BLADDER),
        ("trouble controlling my bladder since the weekend", BLADDER),
        ("had an accident in the queue at the bank, back agony", BLADDER),
        ("flow is about a quarter what it was, 2 days", BLADDER),
        ("he can't feel his back passage when he wipes", SADDLE),
        ("tingling began in my big toe on Sunday, now past the ankle", ONE_LEG),
        ("foot tingly and spreading since yesterday", ONE_LEG),
        ("knee reflex gone on the left, per the physio", ONE_LEG),
        ("gran's back pain is unbearable after the fall", SEVERE),
        ("she can't get out of bed since she slipped", SEVERE),
        ("my PSA is raised and I'm awaiting a biopsy", CANCER),
        ("mornings I'm seized until about 11", "has_morning_stiffness"),
        ("stiff first thing for hours, better once I move", "has_morning_stiffness"),
        ("hot n cold all night and diabetic", "has_fever"),
        ("our van rolled on the A road, back sore", "is_major_trauma"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "most days I want to crash into a tree",
        "I get thoughts about steering into a lorry",
        "knowing I can end it anytime keeps me going",
    ],
)
def test_hints_are_checked_gently(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


def test_wanting_to_drive_into_a_wall_is_not_an_injury(run: Run) -> None:
    entities = found(run("some days I want to drive into a wall"), "red_flag")
    assert ("is_major_trauma", False, False) not in entities


def test_no_better_than_the_first_week_is_not_improving(run: Run) -> None:
    assert ("is_improving", True, False) in found(
        run("8 weeks in and no better than the first week"), "red_flag"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("bladder control normal. bowel control normal. back sore", BLADDER),
        ("the physio says my bladder control is perfect", BLADDER),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
