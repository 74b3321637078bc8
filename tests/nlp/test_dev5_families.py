"""Families of wording found missing or over-read in the fifth and sixth
development corpora.

Every sentence is written here for its family (never a corpus sentence): the
new answers of ruleset 2026.12.4 (new pain, a known inflammatory condition,
pain in several places, a band-like pain, chemotherapy now, a red or oozing
wound); weakness, retention and saddle numbness in functional words (a slipper
that falls off, toes that will not curl, pressing on the tummy to empty, not
feeling the seat); heavy objects and vehicles striking the back; fever and
confusion in a carer's words; veiled crisis talk; and the look-alikes that
must stay quiet: a feeling that went as soon as the position changed, a
symptom named as a topic (asked about, listed, joked about), someone else's
death by suicide, a gym-sore chest, a person's height. From the sixth: note
and checklist styles ("fever no, peeing - not since last night", where a "no"
closes the item before it), short messages, learners' English ("lost control
of my water", "I not feel the chair"), online shorthand.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, red_flags_present
from bot.nlp.age import find_age
from bot.nlp.durations import parse_duration_days
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]

FOUND = [
    # the new answers
    ("my lower back has started hurting for the first time ever", "is_new_pain"),
    ("never had a bad back in my life until this week", "is_new_pain"),
    ("she has new pain in her spine since the weekend", "is_new_pain"),
    ("I've got Crohn's and my back is stiff", "has_inflammatory_disease"),
    ("diagnosed with psoriatic arthritis two years back", "has_inflammatory_disease"),
    ("I had iritis in my eye last spring", "has_inflammatory_disease"),
    ("my neck, hips and knees all ache at once", "has_widespread_pain"),
    ("it hurts all over my body, not one spot", "has_widespread_pain"),
    ("there's a tight band around my ribs since Friday", "has_band_pain"),
    ("I'm halfway through chemo for bowel cancer", "is_on_chemotherapy"),
    ("had my third round of chemo last Thursday", "is_on_chemotherapy"),
    ("the scar from my back operation is red and weeping", "has_wound_signs"),
    ("a hot swollen lump where the injection went in", "has_wound_signs"),
    # weakness in functional words (CLIN: foot drop, tripping, trouble walking)
    (
        "my sandal keeps slipping off my right foot without me noticing",
        "has_leg_weakness",
    ),
    ("my big toe won't lift any more", "has_leg_weakness"),
    ("I keep tripping over nothing at home", "has_leg_weakness"),
    ("the pins and needles are spreading up my leg", "has_leg_weakness"),
    (
        "she usually walks with a frame but today she can't stand, she normally can",
        "has_leg_weakness",
    ),
    ("I can't press the brake properly with my left foot", "has_leg_weakness"),
    # bladder, bowel and saddle (CLIN cauda equina row)
    (
        "I have to press on my belly to get any pee out at all",
        "has_bladder_bowel_change",
    ),
    ("I couldn't tell whether I'd finished weeing", "has_bladder_bowel_change"),
    ("my wee is just a feeble trickle now", "has_bladder_bowel_change"),
    ("I can no longer feel the toilet seat under me", "has_saddle_numbness"),
    ("his privates have gone completely numb", "has_saddle_numbness"),
    ("no sensation at all during sex since Monday", "has_sexual_dysfunction"),
    # heavy blows and vehicles (CLIN major trauma; Canadian C-spine)
    ("a steel beam hit me across the back at work", "is_major_trauma"),
    ("got knocked down by a motorbike crossing the road", "is_major_trauma"),
    ("the minibus we were in overturned on the bend", "is_major_trauma"),
    ("the wing mirror of a bus clipped me on the pavement", "is_major_trauma"),
    ("fell off the scaffolding, about 3 metres", "is_major_trauma"),
    # fever, sepsis, chest (CLIN infection and beyond the spine)
    ("I feel hot and shivery and my back is killing me", "has_fever"),
    ("soaked through the sheets with sweat every night", "has_fever"),
    ("shivering like leaf and can't get warm", "has_sepsis_signs"),
    ("his lips have gone a bit blue", "has_sepsis_signs"),
    ("a heavy pain across the middle of my chest", "has_chest_pain"),
]


FOUND += [
    ("temp no, cough no, weeing - none since this morning", "has_bladder_bowel_change"),
    ("Fever: no. Bladder - leaking since Monday.", "has_bladder_bowel_change"),
    ("I lost control of my water at the shop", "has_bladder_bowel_change"),
    ("wet myself, didn't feel it happen", "has_bladder_bowel_change"),
    ("when I sit I not feel the seat under me", "has_saddle_numbness"),
    ("he was hit over the back with a spade", "is_major_trauma"),
    ("my right foot is flopping when I walk", "has_leg_weakness"),
    ("her leg is weaker every day", "has_leg_weakness"),
    ("my knee buckled twice on the stairs", "has_leg_weakness"),
    ("down 5 kg since summer without trying", "has_weight_loss"),
    ("on pred for my arthritis and I slipped", "has_fracture_risk"),
    ("a boil on my lower back and now a fever", "has_wound_signs"),
    ("back ache and 38.6 this morning", "has_fever"),
    ("my skin looks the colour of marble", "has_sepsis_signs"),
    ("there's a lump by my belly button that is throbbing", "has_pulsating_abdomen"),
    ("I've been planning how to end it", "has_suicidal_thoughts"),
    ("ngl i wanna kms", "has_suicidal_thoughts"),
]


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_family_is_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


QUIET = [
    ("I'm about 6 foot tall and my back aches", "is_major_trauma"),
    ("slipped down the bottom two steps onto my bum", "is_major_trauma"),
    (
        "my uncle died by suicide years ago, I just want stretches",
        "has_suicidal_thoughts",
    ),
    ("I cut myself shaving this morning, back sore too", "has_suicidal_thoughts"),
    ("my arms came up blotchy from a new soap", "has_sepsis_signs"),
    ("I read the sepsis checklist and have none of it", "has_sepsis_signs"),
    ("my chest is sore after bench press day", "has_chest_pain"),
    ("legs heavy at the end of a long shift, back achy", "has_bilateral_leg_weakness"),
    ("I had chemo fifteen years ago and have been clear since", "is_on_chemotherapy"),
    ("did a 10 kms walk yesterday", "has_suicidal_thoughts"),
    ("laughed so hard I nearly wet myself", "has_bladder_bowel_change"),
]


@pytest.mark.parametrize(("text", "value"), QUIET)
def test_look_alike_stays_quiet(run: Run, text: str, value: str) -> None:
    assert value not in red_flags_present(run(text))


PASSING = [
    (
        "my bum went numb on the long coach trip, it came back as soon as I got off",
        "has_saddle_numbness",
    ),
    (
        "numb backside after a long ride, went off once I was walking about",
        "has_saddle_numbness",
    ),
    (
        "both legs went tingly in the hot bath, fine once I got out",
        "has_bilateral_leg_weakness",
    ),
    (
        "Bum numb on the hard pew. Back to normal ten minutes after standing.",
        "has_saddle_numbness",
    ),
]


@pytest.mark.parametrize(("text", "value"), PASSING)
def test_a_feeling_that_went_when_the_position_changed_is_not_a_new_change(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


STILL_THERE = [
    (
        "my bum went numb and it came back but now it is numb again",
        "has_saddle_numbness",
    ),
    (
        "numb bum since Tuesday, it doesn't go away when I stand up",
        "has_saddle_numbness",
    ),
]


@pytest.mark.parametrize(("text", "value"), STILL_THERE)
def test_a_feeling_that_returns_or_stays_is_still_a_finding(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


AS_A_TOPIC = [
    ("the nurse asked me about numbness between my legs", "has_saddle_numbness"),
    (
        "does numbness in both legs mean something serious?",
        "has_bilateral_leg_weakness",
    ),
    (
        "I read online that if you can't feel the toilet paper it's serious",
        "has_saddle_numbness",
    ),
    ("he keeps joking that he'll wet himself laughing", "has_bladder_bowel_change"),
]


@pytest.mark.parametrize(("text", "value"), AS_A_TOPIC)
def test_a_symptom_named_as_a_topic_is_checked_not_acted_on(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


VEILED = [
    "honestly I don't see the point in anything now",
    "I've been saving up my tablets just in case",
    "I've got a rope in the shed and I think about it",
]


@pytest.mark.parametrize("text", VEILED)
def test_veiled_crisis_talk_is_checked_gently(run: Run, text: str) -> None:
    # Samaritans: ask directly; the crisis check (or the crisis response when
    # the words are plain), never a pain question and never denied
    flags = found(run(text), "red_flag")
    assert {
        ("has_suicidal_thoughts", False, True),
        ("has_suicidal_thoughts", False, False),
    } & flags


def test_relatives_and_carers_give_the_patients_age() -> None:
    assert find_age("My nanna is 84 and her back has gone") == 84
    assert find_age("Hiya, 58, my back has gone") == 58
    assert find_age("Carer here, my client is 91 and complaining of her back") == 91


def test_a_duration_is_not_denied_by_a_denial_near_it(run: Run) -> None:
    durations = [
        e for e in run("no fall, back pain since 2 weeks") if e.entity == "duration"
    ]
    assert [(d.value, d.negated) for d in durations] == [(14, False)]


def test_years_of_age_is_an_age_not_a_duration() -> None:
    assert parse_duration_days("I am sixty years of age") is None


def test_the_same_every_day_is_not_improving(run: Run) -> None:
    flags = found(
        run("the pain is every day the same, painkillers not helping"), "red_flag"
    )
    assert ("is_improving", True, False) in flags
