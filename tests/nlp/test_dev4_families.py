"""Families of wording found missing or over-read in the fourth development corpus.

Every sentence is written here for its family (never a corpus sentence):
symptoms asked about or warned of, which are checked and never acted on
(ConText hypothetical); a relative's death or a crash seen on television; more
mechanisms of major trauma (high-speed, rollover, struck by a heavy object,
through a roof, jumping or diving from a height); weak bones in lay words;
retention and a weak stream; a leg without power and a foot that hangs or
slaps; long morning stiffness; weight lost in clothes sizes; night pain that
gets the person up; and the look-alikes that must stay quiet (a simile, a
low wall, breathless from laughing, dying of embarrassment).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, red_flags_present
from bot.nlp.age import find_age
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]

FOUND = [
    # major trauma: high speed, rollover, collisions
    ("we had a head-on crash on the A road", "is_major_trauma"),
    ("the van flipped over twice on the bend", "is_major_trauma"),
    ("skidded into the crash barrier on the ring road", "is_major_trauma"),
    ("a lorry went into the back of my car at 50 mph", "is_major_trauma"),
    ("a taxi knocked me over on the crossing", "is_major_trauma"),
    # struck by something heavy, through a roof, from a height
    ("the shelving came crashing down onto my back", "is_major_trauma"),
    ("a swinging girder caught me full force in the ribs", "is_major_trauma"),
    ("fell through the garage roof onto the car", "is_major_trauma"),
    ("slipped and went down three flights in the car park", "is_major_trauma"),
    ("jumped off the quay into the harbour at high tide", "is_major_trauma"),
    ("he dived into the shallow end at the lido", "is_major_trauma"),
    ("fell off the loft ladder from about 8 feet up", "is_major_trauma"),
    # weak bones
    ("the scan said I have thin bones", "has_fracture_risk"),
    ("my bone density is low for my age", "has_fracture_risk"),
    ("I've been told I have osteopenia", "has_fracture_risk"),
    ("had a wedge fracture in my spine three years ago", "has_fracture_risk"),
    # retention and a weak stream
    (
        "I sit on the loo for ages and hardly anything comes out",
        "has_bladder_bowel_change",
    ),
    ("my pee is really weak and slow since Tuesday", "has_bladder_bowel_change"),
    ("having trouble to pass water since the weekend", "has_bladder_bowel_change"),
    ("I woke up dribbling into my pyjamas and underwear", "has_bladder_bowel_change"),
    # a leg without power, a foot that hangs or slaps
    ("my left leg has no power in it since yesterday", "has_leg_weakness"),
    ("there is no strength in my right thigh", "has_leg_weakness"),
    ("my foot just hangs down when I lift my leg", "has_leg_weakness"),
    ("there's a slapping sound when I walk on that side", "has_leg_weakness"),
    ("my calf looks thinner than the other one now", "has_leg_weakness"),
    ("the tingling has crept from my toes up to my knee", "has_leg_weakness"),
    # long morning stiffness, weight lost, night pain
    ("it takes me an hour every morning to loosen up", "has_morning_stiffness"),
    ("I've dropped two dress sizes and I'm not dieting", "has_weight_loss"),
    ("my jeans are hanging off me lately", "has_weight_loss"),
    ("the ache gets me up at night every night", "has_night_pain"),
    # not feeling when the bowel needs emptying, straining to start
    ("I can't tell when my bowels need emptying any more", "has_bladder_bowel_change"),
    (
        "I have to strain for a long time to get my wee going",
        "has_bladder_bowel_change",
    ),
    ("all the feeling has gone from around my privates", "has_saddle_numbness"),
    ("since the disc went I can't finish during sex", "has_sexual_dysfunction"),
    ("his legs just won't hold him up today", "has_bilateral_leg_weakness"),
    ("I keep veering to one side when I walk", "has_leg_weakness"),
    ("my chest is like a car is sitting on it", "has_chest_pain"),
    ("some days I wish I would not wake up", "has_suicidal_thoughts"),
    ("the ache is getting gradually worse every week", "has_progressive_pain"),
    # sciatica in both legs, with more words between
    ("a burning ache down the backs of both my legs", "has_bilateral_leg_weakness"),
    ("now my two feet have pins and needles", "has_bilateral_leg_weakness"),
    ("my legs both have this shooting pain", "has_bilateral_leg_weakness"),
]


def test_the_bra_strap_is_the_upper_back(run: Run) -> None:
    assert ("upper_back", False, False) in found(
        run("a new ache right at the level of my bra strap"), "body_location"
    )


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_family_is_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


ASKED_ABOUT = [
    ("what happens if I get numbness around my bottom?", "has_saddle_numbness"),
    ("I was told to ring 999 if I wet myself", "has_bladder_bowel_change"),
    ("should I worry about losing control of my bladder?", "has_bladder_bowel_change"),
    (
        "what are the signs of cauda equina, like numb private parts?",
        "has_saddle_numbness",
    ),
]


@pytest.mark.parametrize(("text", "value"), ASKED_ABOUT)
def test_a_symptom_asked_about_is_checked_not_acted_on(
    run: Run, text: str, value: str
) -> None:
    flags = found(run(text), "red_flag")
    assert (value, False, True) in flags
    assert (value, False, False) not in flags


def test_a_real_symptom_after_if_is_still_checked(run: Run) -> None:
    # "if I cough I wet myself" describes the person: hedged at most, never dropped
    flags = found(run("if I cough now I wet myself"), "red_flag")
    assert {f[0] for f in flags} == {"has_bladder_bowel_change"}
    assert ("has_bladder_bowel_change", True, False) not in flags


QUIET = [
    ("it felt like I'd been run over by a tractor after the gym", "is_major_trauma"),
    ("fell off a low wall at the park, walking fine", "is_major_trauma"),
    ("fell off my bike doing about 5 mph in the car park", "is_major_trauma"),
    ("my grandad died of an aneurysm when I was little", "has_pulsating_abdomen"),
    ("we watched a motorway pile up on the news last night", "is_major_trauma"),
    ("we were laughing so hard I could not breathe", "has_severe_breathlessness"),
    (
        "I could die of embarrassment, my back went at the disco",
        "has_suicidal_thoughts",
    ),
    ("I used to have bladder problems after my first baby", "has_bladder_bowel_change"),
    ("I think I'm coming down with a cold, bit feverish", "has_sepsis_signs"),
    ("aching in both legs after the marathon", "has_bilateral_leg_weakness"),
    ("my legs turned to jelly watching the match", "has_bilateral_leg_weakness"),
    ("came off the pony at a walk onto the grass", "is_major_trauma"),
    ("sore back, my two legs are totally fine", "has_bilateral_leg_weakness"),
    ("burning pain in my back, both legs fine", "has_bilateral_leg_weakness"),
]


@pytest.mark.parametrize(("text", "value"), QUIET)
def test_look_alike_stays_quiet(run: Run, text: str, value: str) -> None:
    assert value not in red_flags_present(run(text))


STILL_STATED = [
    (
        "wet the bed last night, the first time since I was a child",
        "has_bladder_bowel_change",
    ),
    # "not walking" is a finding; "maybe 2 hours" hedges a number; "without my
    # leg giving way" says that it does
    ("since Sunday he is not walking, legs weak", "has_bilateral_leg_weakness"),
    ("I get maybe three hours then the pain wakes me up", "has_night_pain"),
    ("can't get to the shop without my left leg giving way", "has_leg_weakness"),
    (
        "some wee comes out when I cough now, that's new this week",
        "has_bladder_bowel_change",
    ),
]


@pytest.mark.parametrize(("text", "value"), STILL_STATED)
def test_a_finding_is_not_denied_or_hedged_by_words_near_it(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


LONG_STANDING_OR_PASSING = [
    ("urge incontinence for a long time, on tablets", "has_bladder_bowel_change"),
    ("I wet the bed as a kid but never now", "has_bladder_bowel_change"),
    (
        "a little leak when I cough since my first pregnancy, no change",
        "has_bladder_bowel_change",
    ),
    ("my bum went numb for a few minutes on the train seat", "has_saddle_numbness"),
]


@pytest.mark.parametrize(("text", "value"), LONG_STANDING_OR_PASSING)
def test_a_long_standing_or_passing_feeling_is_not_a_new_change(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


WHOSE_AGE = [
    ("carrying my 2 year old on my hip and now my lower back aches", None),
    ("my 4 year old jumped on me and I've pulled my back", None),
    ("my 80 year old mum says her back is agony", 80),
    ("my 15 year old has had back pain for a week, he says it hurts", 15),
    ("I'm 41 and lifting my 3 year old hurt my back", 41),
]


@pytest.mark.parametrize(("text", "age"), WHOSE_AGE)
def test_the_age_is_the_patients_not_a_child_the_writer_carries(
    text: str, age: int | None
) -> None:
    assert find_age(text) == age


@pytest.mark.parametrize(
    "text",
    [
        "it started after sleeping funny",
        "I slept on it awkwardly",
        "must have lain wrong",
    ],
)
def test_sleeping_in_an_odd_position_is_a_sudden_onset(run: Run, text: str) -> None:
    assert ("sudden", False, False) in found(run(text), "onset")
