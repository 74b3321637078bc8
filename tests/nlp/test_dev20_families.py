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
        # cauda equina in notes, lists and asides
        ("is it normal to not even feel it when I wipe?", "has_saddle_numbness"),
        ("tingly where you sit on a chair since Friday", "has_saddle_numbness"),
        ("numb patches on my bum cheeks", "has_saddle_numbness"),
        ("Numbness yes, on my bottom", "has_saddle_numbness"),
        ("I can barely feel the toilet paper", "has_saddle_numbness"),
        ("a numb strip next to my scrotum", "has_saddle_numbness"),
        ("c/o saddle anaes since last night", "has_saddle_numbness"),
        (
            "numb bits on my bum cheeks for a few seconds at a time",
            "has_saddle_numbness",
        ),
        ("peeing has become really difficult since Monday", "has_bladder_bowel_change"),
        ("I try to go and hardly anything comes", "has_bladder_bowel_change"),
        ("some leakage today, that's new", "has_bladder_bowel_change"),
        ("Bowels: I've lost control twice", "has_bladder_bowel_change"),
        ("acute on chronic LBP with urinary retention", "has_bladder_bowel_change"),
        (
            "since the weekend I can't feel it when I ejaculate",
            "has_sexual_dysfunction",
        ),
        # cord compression, aorta, lungs and sepsis in note words
        ("numb from the belly button down", "has_bilateral_leg_weakness"),
        ("O/E pulsatile expansile mass", "has_pulsating_abdomen"),
        ("acutely SOB since this morning", "has_severe_breathlessness"),
        ("she is desaturating on the ward", "has_severe_breathlessness"),
        ("bad cough, and there was blood in it", "has_severe_breathlessness"),
        ("his speech is coming out all slurred", "has_sepsis_signs"),
        ("febrile and hypotensive", "has_sepsis_signs"),
        # a crisis told by someone else, a method or a plan
        ("she asked how many of her tablets it would take to die", SUICIDE),
        ("he wants enough pills to not wake up", SUICIDE),
        ("he said he'd drive off the bridge", SUICIDE),
        ("she has it all planned out how she would do it", SUICIDE),
        # a landing gone wrong
        ("my skydiving landing went badly wrong", "is_major_trauma"),
        # a tearing pain that came like a knife; a crack on a sneeze
        ("it hit me like a knife, tearing through", "has_tearing_pain"),
        ("I coughed and felt something crack in my back", "is_after_injury"),
        # 'should I worry that...' states the fact it asks about
        ("should I worry that my right foot has gone weak?", "has_leg_weakness"),
        # a relative's own history counts when the message is about them
        (
            "Gran had breast cancer. New pain and she's lost weight",
            "has_cancer_history",
        ),
        (
            "Dad had bowel cancer, now the pain is worse when he coughs",
            "has_cancer_history",
        ),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


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
