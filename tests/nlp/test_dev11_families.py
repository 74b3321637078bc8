"""Families of wording found missing or over-read in the eleventh development
corpora (11a personas, 11b vignettes as patients type them).

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
        ("he's been wet two nights running, never is", "has_bladder_bowel_change"),
        ("I keep leaking a little poo without noticing", "has_bladder_bowel_change"),
        ("my bladder isn't emptying properly", "has_bladder_bowel_change"),
        ("I can't really tell when I need to wee now", "has_bladder_bowel_change"),
        ("she says she's numb 'down there'", "has_saddle_numbness"),
        ("the feeling round my bottom is kind of dulled", "has_saddle_numbness"),
        ("where I sit has no feeling at all", "has_saddle_numbness"),
        ("both my legs ache right down to the feet", "has_bilateral_leg_weakness"),
        ("she's dragging both feet today", "has_bilateral_leg_weakness"),
        ("I can't go up on tiptoe on that side", "has_leg_weakness"),
        ("the numb bit goes a little further every day more", "has_leg_weakness"),
        ("I'm struggling to push off with that foot", "has_leg_weakness"),
        ("my tummy feels like it has a heartbeat in it", "has_pulsating_abdomen"),
        ("a pressure behind the breastbone going into my back", "has_chest_pain"),
        ("I'm very short of breath since this morning", "has_severe_breathlessness"),
        ("the pain is getting worse week by week", "has_progressive_pain"),
        ("I feel generally unwell with it", "has_fever"),
        ("a bit shivery today and my back aches", "has_fever"),
    ],
)
def test_findings_in_more_words(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "he left a letter and won't pick up his phone",
        "I punched the door till my knuckles bled",
        "I keep looking at the railway on my way home and thinking",
    ],
)
def test_warning_signs_get_a_gentle_check(run: Run, text: str) -> None:
    assert ("has_suicidal_thoughts", False, True) in found(run(text), "red_flag")


def test_a_cancer_all_clear_is_still_a_cancer_history(run: Run) -> None:
    assert "has_cancer_history" in red_flags_present(
        run("had bowel cancer, all clear since 2019, new back pain")
    )


def test_no_before_a_comma_does_not_deny_the_pain_after_it(run: Run) -> None:
    assert "has_night_pain" in red_flags_present(
        run("no injury, sore even when I'm resting")
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nearly wet myself it was that sudden", "has_bladder_bowel_change"),
        ("feels torn in half since unpacking the van", "has_tearing_pain"),
        ("I'm a paramedic and go to car crashes every week", "is_major_trauma"),
        ("slurring by the end of the night out, ha", "has_sepsis_signs"),
    ],
)
def test_look_alikes_stay_quiet(run: Run, text: str, value: str) -> None:
    assert value not in red_flags_present(run(text))
