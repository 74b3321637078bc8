"""Families of wording found missing or over-read in the ninth development
corpora (9a cauda equina and nerves, 9b the other red flags, 9c crisis and
hard styles).

Every sentence is written here for its family (never a corpus sentence):
suicide warning signs (means hidden or saved, an overdose taken, goodbyes,
affairs handed over, self-harm marks); foot drop and spreading numbness in
more words; straining to pass urine; fever, severe pain and cancer wording;
a fall from standing, which answers "was it serious?"; a degree word that
hedges only its own word; and the look-alikes that must stay quiet: a small
child's or a pet's accidents, a joke, a correction, a feeling that sorted
itself out, tired legs, a tight bra, the running drill called "suicides".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, red_flags_present
from bot.nlp.age import find_age
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    "text",
    [
        "he swallowed a handful of his sleeping tablets an hour ago",
        "I keep having thoughts of hanging, ever since the back op failed",
        "been planning my exit, the pain has won",
        "been shing again, sorry",
    ],
)
def test_an_act_or_a_plan_is_a_crisis(run: Run, text: str) -> None:
    assert ("has_suicidal_thoughts", False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "my dad has his tablets stashed in the shed",
        "she handed me all her passwords last night",
        "he's been giving his tools away to the neighbours",
        "my son locked himself in the garage and won't come out",
        "I'd rather it was all over, this back has beaten me",
        "I'd rather just be with my wife now she's gone",
        "I just want the pain to stop permanently",
        "there are new cuts on her wrists",
        "I hate myself for being like this",
    ],
)
def test_warning_signs_get_a_gentle_check(run: Run, text: str) -> None:
    assert ("has_suicidal_thoughts", False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "the coach made us run suicides until we dropped",
        "the form asked if I'd had thoughts of harming myself, I haven't",
        "I wanted to die when I saw the bill for the physio",
    ],
)
def test_crisis_look_alikes_stay_quiet(run: Run, text: str) -> None:
    assert ("has_suicidal_thoughts", False, False) not in found(run(text), "red_flag")


def test_thoughts_of_jumping_are_not_an_injury(run: Run) -> None:
    present = red_flags_present(run("I get thoughts of jumping off the car park roof"))
    assert "is_major_trauma" not in present
    assert "has_suicidal_thoughts" in present


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I can't lift the front of my left foot", "has_leg_weakness"),
        ("his foot is kind of hanging when he walks", "has_leg_weakness"),
        (
            "the tingling started at my ankle and is now up to my knee",
            "has_leg_weakness",
        ),
        ("the numbness has crept from my heel into my calf", "has_leg_weakness"),
        ("my right leg has no force in it", "has_leg_weakness"),
        ("I can't do a calf raise on that side any more", "has_leg_weakness"),
        ("her legs won't hold her up this morning", "has_bilateral_leg_weakness"),
        ("I have to strain to get the wee going", "has_bladder_bowel_change"),
        ("new hesitancy since the weekend", "has_bladder_bowel_change"),
        ("I don't feel the paper when I wipe", "has_saddle_numbness"),
        ("a numb patch on the side of my calf", "has_leg_symptoms"),
        (
            "my shoulders, knees and hips ache, everything at once",
            "has_widespread_pain",
        ),
    ],
)
def test_nerve_findings_in_more_words(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "my 4 year old keeps having accidents at nursery and the washing is endless",
        "the puppy wet the floor again and I hurt my back cleaning it",
        "I work as a continence nurse, lots of bending",
        "if I cough again I'm going to wet myself, ha",
        "my mate said if you cant feel your bum it's serious, I can",
        "numb down there after the 80 mile ride, it sorted itself out by dinner",
        "legs dead tired after the hike, back stiff",
    ],
)
def test_look_alikes_stay_quiet(run: Run, text: str) -> None:
    present = red_flags_present(run(text))
    assert not present & {
        "has_bladder_bowel_change",
        "has_saddle_numbness",
        "has_bilateral_leg_weakness",
    }, present


def test_a_tight_bra_is_not_band_pain(run: Run) -> None:
    present = red_flags_present(run("my new bra is like a tight band round my chest"))
    assert not present & {"has_band_pain", "has_chest_pain"}, present


def test_a_degree_word_hedges_only_its_own_word(run: Run) -> None:
    flags = found(run("I feel a bit rough and shivery, back pain 3 days"), "red_flag")
    assert ("has_fever", False, False) in flags
    flags = found(run("a bit numb down below"), "red_flag")
    assert ("has_saddle_numbness", False, True) in flags


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the pain is a 9 and I can't get up off the floor", "has_severe_pain"),
        ("she can't roll over in bed for the pain", "has_severe_pain"),
        ("it keeps him awake most of the night", "has_night_pain"),
        ("his bowel cancer came back last year in his lungs", "has_active_cancer"),
        (
            "the pain is steadily worsening, more painkillers each week",
            "has_progressive_pain",
        ),
        ("her words keep coming out jumbled and she's burning up", "has_sepsis_signs"),
        ("crushing chest pain radiating to the left arm", "has_chest_pain"),
        ("I was a passenger in a car that went into a tree", "is_major_trauma"),
        ("fell off the harbour wall from about 4 metres", "is_major_trauma"),
    ],
)
def test_other_findings_in_more_words(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "slipped on the wet floor at work and landed on my backside",
        "tripped over the dog's lead, only a small fall",
        "missed the bottom stair and sat down hard",
    ],
)
def test_a_fall_from_standing_answers_was_it_serious(run: Run, text: str) -> None:
    flags = found(run(text), "red_flag")
    assert ("is_major_trauma", True, False) in flags
    assert ("is_after_injury", False, False) in flags


def test_a_slip_that_goes_on_down_the_stairs_is_not_from_standing(run: Run) -> None:
    flags = found(
        run("slipped on the ice and went down the steps outside, about 10 steps"),
        "red_flag",
    )
    assert ("is_major_trauma", True, False) not in flags
    assert ("is_major_trauma", False, False) in flags


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my grandad 88 fell in the garden", 88),
        ("came down on my back from maybe 3m", None),
        ("48M c/o LBP", 48),
    ],
)
def test_ages_and_heights(text: str, age: int | None) -> None:
    assert find_age(text) == age
