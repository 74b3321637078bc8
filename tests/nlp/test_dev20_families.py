"""Language families found in the twentieth development corpora (20a questions,
20b clinical shorthand, 20c symptoms that come and go, 20d long lists, 20e a
red flag told as an aside, 20f carers and family).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]
SUICIDE = "has_suicidal_thoughts"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # clinical notes deny with 'nil', 'intact', 'NAD', 'normal feeling'
        ("Nil urinary retention. Back pain 2/52.", "has_bladder_bowel_change"),
        ("saddle anaesthesia NAD", "has_saddle_numbness"),
        ("saddle anaesthesia: nil", "has_saddle_numbness"),
        ("Saddle area: normal feeling.", "has_saddle_numbness"),
    ],
)
def test_clinical_note_denials(run: Run, text: str, value: str) -> None:
    assert (value, True, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # asked about, in general, or explained as checked and harmless
        ("GP asked directly re suicidal thoughts at my review", SUICIDE),
        ("what does a heart attack feel like in your back?", "has_chest_pain"),
        (
            "can I wet myself from a slipped disc? not me, it's for my essay",
            "has_bladder_bowel_change",
        ),
        (
            "tight chest when I'm nervous, it's been checked and it's anxiety",
            "has_chest_pain",
        ),
        ("self-harm as a teenager, none since", SUICIDE),
    ],
)
def test_a_topic_or_an_explained_finding_is_only_asked_about(
    run: Run, text: str, value: str
) -> None:
    flags = found(run(text), "red_flag")
    assert (value, False, False) not in flags


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # figures of speech and explained look-alikes
        ("I'm cutting down on sugar for my back", SUICIDE),
        ("I keep beating myself up for lifting it wrong", "is_major_trauma"),
        ("the redundancy dealt him a heavy blow", "is_major_trauma"),
        ("he was slurring after six pints at the pub", "has_sepsis_signs"),
        ("my toes went blue in the cold sea", "has_sepsis_signs"),
        ("mum gets confused in the evening with her dementia", "has_sepsis_signs"),
    ],
)
def test_look_alikes_are_not_red_flags(run: Run, text: str, value: str) -> None:
    assert value not in {
        v for v, negated, _ in found(run(text), "red_flag") if not negated
    }
