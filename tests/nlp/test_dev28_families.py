"""Language families found in the twenty-eighth development corpora (28a voice
notes through speech-to-text, 28b parents writing about teenagers, 28c
checklists and numbered timelines, 28d long-term conditions, 28e health anxiety,
28f late-night typing).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, BOTH_LEGS, CANCER, SADDLE, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # hesitancy and retention in other words
        ("I have to strain for ages for a wee to start", BLADDER),
        ("had to wait forever for the pee to come", BLADDER),
        ("I haven't needed to wee since breakfast", BLADDER),
        ("tried to pee and nothing came out for hours", BLADDER),
        # numb on one side down below, with the dots of hesitation
        ("numb down one side of my bum since Friday", SADDLE),
        ("there's numbness in my... privates", SADDLE),
        # sex felt numb; less sensitive than normal
        ("sex felt totally numb last night", "has_sexual_dysfunction"),
        ("the tip feels less sensitive since my back went", "has_sexual_dysfunction"),
        # a band of numbness round the middle
        ("a numb band round my belly to my back", "has_band_pain"),
        # a cancer in remission is still a history of cancer
        ("lymphoma in 2015, in remission", CANCER),
        ("breast cancer, all clear now", CANCER),
        # treatments that lower immunity; the time since chemotherapy
        ("she's on a biologic for psoriasis", "has_infection_risk"),
        ("a fever, ten days after my last chemo", "is_on_chemotherapy"),
        ("my back has started aching", "is_new_pain"),
        # a wound or pressure sore near the spine going bad
        (
            "a pressure sore by his tailbone is oozing now",
            "has_wound_signs",
        ),
        ("much more confused than usual today", "has_sepsis_signs"),
        ("the good leg, my left one, keeps buckling", "has_leg_weakness"),
        ("he screams when he tries to stand up", "has_severe_pain"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    ["honestly no hope left", "not sure I'll be here next month"],
)
def test_hopelessness_gets_the_gentle_check(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my mum read about bladder problems and panicked", BLADDER),
        ("he uses a catheter, has done for years", BLADDER),
        ("my mate self-harmed last year and I'm helping him", SUICIDE),
        ("feels like ripping when I try the splits", "has_tearing_pain"),
        ("only breathless after a parkrun", "has_severe_breathlessness"),
        ("erection trouble from the antidepressants", "has_sexual_dysfunction"),
        ("sciatica in both legs years ago, long gone", BOTH_LEGS),
    ],
)
def test_explained_findings_are_never_acted_on_at_once(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
