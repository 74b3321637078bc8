"""Vocabulary for the screening answers beyond the spine, risk factors and crisis.

Each answer is found when stated, negated when denied, left alone in its
everyday look-alikes, and veiled or third-person crisis wording comes out
uncertain (the bot checks gently) while an explicit statement is affirmed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity
from bot.nlp.patterns import compile_term, split_leading_alternatives
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]

AFFIRMED = [
    # new sexual problems (cauda equina)
    ("since my back went I can't get an erection", "has_sexual_dysfunction"),
    ("haven't been able to get hard for days", "has_sexual_dysfunction"),
    ("my penis has felt numb since Tuesday", "has_sexual_dysfunction"),
    ("sex feels completely different, I feel nothing", "has_sexual_dysfunction"),
    ("no sensation during sex any more", "has_sexual_dysfunction"),
    ("my vagina feels numb", "has_sexual_dysfunction"),
    # both legs
    ("sciatica down both legs now", "has_bilateral_leg_weakness"),
    ("I've got pain in both of my legs", "has_bilateral_leg_weakness"),
    ("my legs have gone all numb", "has_bilateral_leg_weakness"),
    ("my legs keep giving way under me", "has_bilateral_leg_weakness"),
    ("I can't feel my legs properly", "has_bilateral_leg_weakness"),
    ("tingling down both legs into my feet", "has_bilateral_leg_weakness"),
    # chest pain
    ("I've got a crushing pain in my chest", "has_chest_pain"),
    ("my chest feels really tight", "has_chest_pain"),
    ("it's like an elephant is sitting on my chest", "has_chest_pain"),
    ("pressure across my chest going into my arm and jaw", "has_chest_pain"),
    ("chest pains on and off since this morning", "has_chest_pain"),
    # tearing pain
    ("a sudden tearing pain right through to my back", "has_tearing_pain"),
    ("felt like something ripped inside my tummy", "has_tearing_pain"),
    ("ripping pain across my chest", "has_tearing_pain"),
    # pulsating tummy
    ("there's a pulsating lump in my stomach", "has_pulsating_abdomen"),
    ("I can feel my heartbeat in my belly", "has_pulsating_abdomen"),
    ("a throbbing mass by my belly button", "has_pulsating_abdomen"),
    ("my tummy is pulsing", "has_pulsating_abdomen"),
    # breathlessness
    ("I can't breathe properly", "has_severe_breathlessness"),
    ("really struggling to breathe tonight", "has_severe_breathlessness"),
    ("I'm gasping for breath", "has_severe_breathlessness"),
    ("coughed up blood this morning", "has_severe_breathlessness"),
    # sepsis
    ("having rigors and can't stop shaking", "has_sepsis_signs"),
    ("my knees look mottled and blotchy", "has_sepsis_signs"),
    ("her lips have gone blue", "has_sepsis_signs"),
    ("I feel confused and boiling hot", "has_sepsis_signs"),
    ("my speech is slurred", "has_sepsis_signs"),
    ("honestly I feel like I'm dying", "has_sepsis_signs"),
    ("I haven't peed all day", "has_sepsis_signs"),
    ("temperature of 40 and I feel really unwell with it", "has_sepsis_signs"),
    # crisis, explicit
    ("I want to die", "has_suicidal_thoughts"),
    ("I'm going to kill myself", "has_suicidal_thoughts"),
    ("I just want to end it all", "has_suicidal_thoughts"),
    ("I keep thinking about ending my life", "has_suicidal_thoughts"),
    ("I'm suicidal", "has_suicidal_thoughts"),
    ("they'd all be better off without me", "has_suicidal_thoughts"),
    ("I've started self-harming again", "has_suicidal_thoughts"),
    ("I've been cutting myself", "has_suicidal_thoughts"),
    ("I want to take all my tablets at once", "has_suicidal_thoughts"),
    ("there's no reason to live", "has_suicidal_thoughts"),
    # fracture risk
    ("I have osteoporosis", "has_fracture_risk"),
    ("I've got brittle bones", "has_fracture_risk"),
    ("my last scan showed osteopenia", "has_fracture_risk"),
    ("I've been on long term steroids for my lungs", "has_fracture_risk"),
    ("I take prednisolone tablets", "has_fracture_risk"),
    ("I had a compression fracture two years ago", "has_fracture_risk"),
    # infection risk
    ("I have a weakened immune system", "has_infection_risk"),
    ("I'm immunosuppressed after my kidney transplant", "has_infection_risk"),
    ("I'm having chemotherapy", "has_infection_risk"),
    ("I'm HIV positive", "has_infection_risk"),
    ("I'm on biologics for my psoriasis", "has_infection_risk"),
    ("I inject drugs", "has_infection_risk"),
    ("I used heroin for years", "has_infection_risk"),
    ("I had back surgery 3 weeks ago", "has_infection_risk"),
    ("had an epidural injection last month", "has_infection_risk"),
    ("on prednisolone since the summer", "has_infection_risk"),
    # severe pain
    ("I'm in absolute agony", "has_severe_pain"),
    ("the pain is excruciating", "has_severe_pain"),
    ("worst pain I've ever had", "has_severe_pain"),
    ("it's unbearable", "has_severe_pain"),
    ("severe pain when I move", "has_severe_pain"),
    ("I'd say 10/10", "has_severe_pain"),
    ("nine out of ten", "has_severe_pain"),
    # morning stiffness
    ("I'm stiff in the morning for a couple of hours", "has_morning_stiffness"),
    ("morning stiffness that eases once I get moving", "has_morning_stiffness"),
    ("stiff for over an hour when I wake up", "has_morning_stiffness"),
    ("takes me ages to loosen up in the morning", "has_morning_stiffness"),
    # improving
    ("it's getting better", "is_improving"),
    ("slowly improving", "is_improving"),
    ("it's easing off now", "is_improving"),
    ("much better now thanks", "is_improving"),
    ("on the mend", "is_improving"),
    # pregnancy
    ("I'm pregnant", "is_pregnant"),
    ("I'm 24 weeks pregnant", "is_pregnant"),
    ("we're expecting our second baby", "is_pregnant"),
    ("I'm in my third trimester", "is_pregnant"),
    ("my bump is really pulling on my back", "is_pregnant"),
    ("I'm 30 weeks gone", "is_pregnant"),
    # leg weakness
    ("I'm having trouble walking", "has_leg_weakness"),
    ("I feel unsteady on my feet", "has_leg_weakness"),
    ("my legs are wobbly", "has_leg_weakness"),
    ("I've got foot drop", "has_leg_weakness"),
    ("I keep tripping over my foot", "has_leg_weakness"),
]


@pytest.mark.parametrize(("text", "value"), AFFIRMED)
def test_answer_is_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


NEGATED = [
    ("no chest pain", "has_chest_pain"),
    ("not pregnant", "is_pregnant"),
    ("I'm not pregnant", "is_pregnant"),
    ("I can't be pregnant", "is_pregnant"),
    ("no problems with erections", "has_sexual_dysfunction"),
    ("no tearing pain", "has_tearing_pain"),
    ("nothing like a pulsating lump", "has_pulsating_abdomen"),
    ("no trouble breathing", "has_severe_breathlessness"),
    ("no blood when I cough", "has_severe_breathlessness"),
    ("I don't feel confused", "has_sepsis_signs"),
    ("I'm not suicidal", "has_suicidal_thoughts"),
    ("I've never had thoughts of suicide", "has_suicidal_thoughts"),
    ("I don't want to die", "has_suicidal_thoughts"),
    ("no osteoporosis", "has_fracture_risk"),
    ("I'm not on steroids", "has_fracture_risk"),
    ("I don't have a weak immune system", "has_infection_risk"),
    ("never injected drugs", "has_infection_risk"),
    ("mild pain really", "has_severe_pain"),
    ("about 3/10", "has_severe_pain"),
    ("not getting better", "is_improving"),
    ("it's no better", "is_improving"),
    ("it isn't getting any better", "is_improving"),
    ("it hasn't improved at all", "is_improving"),
    ("not really improving", "is_improving"),
    ("it's getting worse", "is_improving"),
    ("it won't go away", "is_improving"),
    ("I'm stiff for a few minutes in the morning", "has_morning_stiffness"),
    ("no morning stiffness that lasts for hours", "has_morning_stiffness"),
    ("my legs aren't numb", "has_bilateral_leg_weakness"),
]


@pytest.mark.parametrize(("text", "value"), NEGATED)
def test_denied_answer_is_negated(run: Run, text: str, value: str) -> None:
    flags = found(run(text), "red_flag")
    assert (value, False, False) not in flags
    if value != "has_bilateral_leg_weakness":  # "legs aren't numb": nothing found
        assert (value, True, False) in flags


LOOK_ALIKES = [
    ("did chest day yesterday and my lower back aches", "has_chest_pain"),
    ("chest workout went fine but my back is sore", "has_chest_pain"),
    ("I just need to get it off my chest", "has_chest_pain"),
    ("lifted a chest of drawers and it hurt", "has_chest_pain"),
    ("I think I tore a muscle in my back", "has_tearing_pain"),
    ("I ripped up the old carpet", "has_tearing_pain"),
    ("a throbbing pain in my lower back", "has_pulsating_abdomen"),
    ("I'm gasping for a cuppa", "has_severe_breathlessness"),
    ("I'm a bit confused by the question", "has_sepsis_signs"),
    ("I'm dying for a cuppa", "has_sepsis_signs"),
    ("this pain is killing me", "has_suicidal_thoughts"),
    ("this pain is murder", "has_suicidal_thoughts"),
    ("I could kill for a coffee", "has_suicidal_thoughts"),
    ("dying for a cuppa", "has_suicidal_thoughts"),
    ("I want something to kill the pain", "has_suicidal_thoughts"),
    ("I've been killing myself at the gym", "has_suicidal_thoughts"),
    ("I hurt myself lifting the shopping", "has_suicidal_thoughts"),
    ("I cut myself shaving", "has_suicidal_thoughts"),
    ("what's the point of this exercise", "has_suicidal_thoughts"),
    ("I can't go on the treadmill", "has_suicidal_thoughts"),
    ("I took all my tablets as prescribed", "has_suicidal_thoughts"),
    ("I have a steroid inhaler for asthma", "has_fracture_risk"),
    ("I had a hair transplant", "has_infection_risk"),
    ("pins and needles in my leg", "has_infection_risk"),
    ("what should I do to get better", "is_improving"),
    ("I'd like to improve my posture", "is_improving"),
    ("I'm expecting a call from the GP", "is_pregnant"),
    ("we're trying to get pregnant", "is_pregnant"),
    ("my back hurt when I was pregnant with my son", "is_pregnant"),
    ("the area between my legs is numb", "has_bilateral_leg_weakness"),
    ("pain down both sides of my lower back", "has_bilateral_leg_weakness"),
]


@pytest.mark.parametrize(("text", "value"), LOOK_ALIKES)
def test_look_alike_is_not_matched(run: Run, text: str, value: str) -> None:
    assert value not in {v for v, _, _ in found(run(text), "red_flag")}


VEILED = [
    "I can't go on like this",
    "what's the point anymore",
    "I'm done with everything",
    "honestly I can't take it anymore",
    "I've lost the will to live",
    "I'm so tired of living like this",
    "I don't want to be here anymore",
    "my husband keeps saying he wants to kill himself",
    "my daughter has been cutting herself",
    "my friend is suicidal",
    "I might take all my pills",
    "I'm not sure whether I want to die",
]


@pytest.mark.parametrize("text", VEILED)
def test_veiled_or_third_person_crisis_is_uncertain(run: Run, text: str) -> None:
    flags = found(run(text), "red_flag")
    assert ("has_suicidal_thoughts", False, True) in flags
    assert ("has_suicidal_thoughts", False, False) not in flags


def test_explicit_crisis_after_a_veiled_one_is_affirmed(run: Run) -> None:
    flags = found(run("I can't go on like this, I want to kill myself"), "red_flag")
    assert ("has_suicidal_thoughts", False, False) in flags


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("I hurt my back digging the garden", "lifting"),
        ("did a lot of gardening at the weekend", "lifting"),
        ("carrying my son up the stairs", "lifting"),
        ("strained it doing squats at the gym", "lifting"),
        ("shovelling snow off the drive", "lifting"),
        ("we were moving house", "lifting"),
        ("I slept funny", "sudden"),
        ("sat at a desk all day", "gradual"),
    ],
)
def test_everyday_activity_is_an_onset_not_a_red_flag(
    run: Run, text: str, onset: str
) -> None:
    entities = run(text)
    assert (onset, False, False) in found(entities, "onset")
    assert found(entities, "red_flag") == set()


def test_leading_alternatives_split_into_single_value_patterns() -> None:
    pattern = compile_term(
        "weak|wobbly <det> leg",
        split=lambda word: [word],
        lemma_of=lambda norm: norm,
        determiners=["my"],
    )
    assert split_leading_alternatives(pattern) == [
        [{"LEMMA": "weak"}, *pattern[1:]],
        [{"LEMMA": "wobbly"}, *pattern[1:]],
    ]
    optional_first = compile_term(
        "<det> leg",
        split=lambda word: [word],
        lemma_of=lambda norm: norm,
        determiners=["my"],
    )
    assert split_leading_alternatives(optional_first) == [optional_first]


# Families added from the gaps the development red-team corpus showed; the
# sentences are new wordings of each family, not corpus sentences.
FAMILIES = [
    # bladder: hesitancy, poor flow, straining, emptying, sensation, leaks
    ("since yesterday I can't seem to get my pee started", "has_bladder_bowel_change"),
    (
        "it takes forever to start weeing, then only a dribble",
        "has_bladder_bowel_change",
    ),
    ("I have to strain so hard to pee now", "has_bladder_bowel_change"),
    ("my bladder doesn't feel empty even after I go", "has_bladder_bowel_change"),
    ("I can't tell when I need a wee any more", "has_bladder_bowel_change"),
    ("I couldn't feel myself peeing in the shower", "has_bladder_bowel_change"),
    ("the urge to poo just isn't there any more", "has_bladder_bowel_change"),
    ("I keep having little accidents with my bowels", "has_bladder_bowel_change"),
    ("wee keeps dribbling out when I stand", "has_bladder_bowel_change"),
    ("my waterworks feel strange since the back went", "has_bladder_bowel_change"),
    ("no control of my waterworks at all", "has_bladder_bowel_change"),
    # saddle area
    ("can't really feel the loo roll when I wipe", "has_saddle_numbness"),
    ("my bum cheeks feel numb and tingly", "has_saddle_numbness"),
    ("the skin around my back passage feels numb", "has_saddle_numbness"),
    ("numbness on the inside of both thighs", "has_saddle_numbness"),
    ("I've lost some feeling around my genitals", "has_saddle_numbness"),
    ("everything down there feels strange and numb", "has_saddle_numbness"),
    # both legs
    ("my sciatica has spread to my other leg as well", "has_bilateral_leg_weakness"),
    ("my legs feel really heavy today", "has_bilateral_leg_weakness"),
    ("I can't lift either foot properly", "has_bilateral_leg_weakness"),
    # one leg: foot drop signs, a side word, spreading numbness
    ("I keep catching my toes on the carpet", "has_leg_weakness"),
    ("my left foot has gone floppy", "has_leg_weakness"),
    ("I'm dragging my right foot when I walk", "has_leg_weakness"),
    ("weakness in my left leg on the stairs", "has_leg_weakness"),
    ("the numbness in my foot is creeping up my shin", "has_leg_weakness"),
    ("I can't stand on tiptoes on that side", "has_leg_weakness"),
    # major trauma
    ("I fell about ten feet off scaffolding", "is_major_trauma"),
    ("came off my motorbike on the motorway", "is_major_trauma"),
    ("was thrown from a horse yesterday", "is_major_trauma"),
    ("he was kicked in the back during a fight", "is_major_trauma"),
    ("fell down a full flight of stairs", "is_major_trauma"),
    ("went over the handlebars onto the road", "is_major_trauma"),
    # beyond the spine
    ("a squeezing feeling in my chest that goes into my jaw", "has_chest_pain"),
    ("the pain spreads round into my chest", "has_chest_pain"),
    ("a tearing feeling going right through to my back", "has_tearing_pain"),
    ("like being ripped in half", "has_tearing_pain"),
    ("he has a known aneurysm", "has_pulsating_abdomen"),
    ("I coughed up pinkish phlegm", "has_severe_breathlessness"),
    ("she's confused and not making any sense", "has_sepsis_signs"),
    ("temp 35 and shivering", "has_sepsis_signs"),
    ("he's barely responding to us", "has_sepsis_signs"),
    # night pain, crisis
    ("it's worse lying flat", "has_night_pain"),
    ("I've been thinking about ending it all", "has_suicidal_thoughts"),
    ("I have a plan to end my life", "has_suicidal_thoughts"),
    ("everyone would be better off if I wasn't here", "has_suicidal_thoughts"),
]


@pytest.mark.parametrize(("text", "value"), FAMILIES)
def test_added_family_is_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


HINTS = [
    # ambiguous on their own: the bot asks (a confirming question or a check)
    ("I woke up soaked this morning", "has_bladder_bowel_change"),
    ("I've had a few little leaks lately", "has_bladder_bowel_change"),
    ("it feels like after a dental anaesthetic", "has_saddle_numbness"),
    ("I'm sweaty and feel sick with this back pain", "has_chest_pain"),
    ("the pain goes down my left arm", "has_chest_pain"),
    ("I felt something tear while straining", "has_tearing_pain"),
    ("sudden pain in my back and tummy", "has_tearing_pain"),
    ("I nearly passed out", "has_tearing_pain"),
    ("my tummy is throbbing", "has_pulsating_abdomen"),
    ("I'm properly out of breath", "has_severe_breathlessness"),
    ("I've been saving up my painkillers", "has_suicidal_thoughts"),
    ("I gave away most of my things this week", "has_suicidal_thoughts"),
    ("I don't see any future for me", "has_suicidal_thoughts"),
    ("sometimes I think I'm a burden", "has_suicidal_thoughts"),
]


@pytest.mark.parametrize(("text", "value"), HINTS)
def test_hint_is_hedged(run: Run, text: str, value: str) -> None:
    flags = found(run(text), "red_flag")
    assert (value, False, True) in flags
    assert (value, False, False) not in flags


FAMILY_LOOK_ALIKES = [
    ("a wee bit sore when I bend", "has_bladder_bowel_change"),
    ("I had a little leak of coffee on my shirt", "has_bladder_bowel_change"),
    ("my phone signal's gone, sorry for the delay", "has_bladder_bowel_change"),
    ("I don't know if I need to go to the doctor", "has_bladder_bowel_change"),
    ("I've lived with stress incontinence for years", "has_bladder_bowel_change"),
    ("numb bum from sitting on a hard bench", "has_saddle_numbness"),
    ("legs feel heavy after leg day at the gym", "has_bilateral_leg_weakness"),
    ("I feel like I've been hit by a bus after moving house", "is_major_trauma"),
    ("had a car crash ten years ago, all healed", "is_major_trauma"),
    ("the crash was in a video game", "is_major_trauma"),
    ("got thrown in judo training", "is_major_trauma"),
    ("rolled over the edge of the bed and bumped my hip", "is_major_trauma"),
    ("I tore a muscle in my back", "has_tearing_pain"),
    ("my stomach and back muscles ache after pilates", "has_tearing_pain"),
    ("I collapsed on the sofa after work", "has_tearing_pain"),
    ("bloated tummy and back ache before my period", "has_tearing_pain"),
    ("my heart races when I'm anxious", "has_severe_breathlessness"),
    ("my back isn't responding to physio", "has_sepsis_signs"),
    ("I feel like death after the hen do", "has_sepsis_signs"),
    ("my fingers go blue in winter", "has_sepsis_signs"),
    ("I'm done with physio for today", "has_suicidal_thoughts"),
    ("I'd rather die than go to another spin class", "has_suicidal_thoughts"),
    ("I overdosed on netflix this weekend", "has_suicidal_thoughts"),
    ("I had a heart attack scare last year", "has_chest_pain"),
]


@pytest.mark.parametrize(("text", "value"), FAMILY_LOOK_ALIKES)
def test_family_look_alike_is_not_matched(run: Run, text: str, value: str) -> None:
    # matched at most as a denial ("legs heavy after leg day": a clear "no")
    assert value not in {
        v for v, negated, _ in found(run(text), "red_flag") if not negated
    }
