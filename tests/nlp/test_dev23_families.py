"""Language families found in the twenty-third development corpora (23a clinical
shorthand, 23b very short and very long messages, 23c euphemisms, 23d written
by someone else, 23e timelines, 23f humour and sarcasm).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    ONE_LEG,
    SADDLE,
    SEPSIS,
    SEVERE,
    SUICIDE,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # euphemisms: the place one sits, private parts, the skin round the bum
        ("the bit I sit on has gone dead since Tuesday", SADDLE),
        ("I can't feel my private parts properly", SADDLE),
        ("the skin round my bum feels strange when I wipe", SADDLE),
        # sitting on the loo is where the numbness is felt, not its explanation
        ("my bum goes numb when I sit on the loo", SADDLE),
        (
            "I can't seem to perform in the bedroom since my back went",
            "has_sexual_dysfunction",
        ),
        # bowels opened without knowing; a full bladder that will not empty
        ("can't tell if I've opened my bowels today", BLADDER),
        ("my bladder feels full but I can't go", BLADDER),
        # a manner, not a denial: no warning, without trying, not expected
        ("wet myself with no warning on the bus", BLADDER),
        ("what I didn't expect was pooing without feeling it", BLADDER),
        ("waterworks not right, hesitancy since Monday", BLADDER),
        # sepsis in a carer's words: wrong names, blue hands, low temperature
        ("he's calling me by my sister's name and he's burning up", SEPSIS),
        ("her hands have gone a bluish colour", SEPSIS),
        ("temperature 35.4 this morning and shivering", SEPSIS),
        ("I had rigors for ten minutes last night", SEPSIS),
        ("our little boy has gone floppy with the fever", SEPSIS),
        # foot drop told as catching toes and a foot that will not lift
        ("my toes keep catching on the stairs", ONE_LEG),
        ("the front of my foot won't lift properly", ONE_LEG),
        ("both my knees keep buckling", BOTH_LEGS),
        ("my legs feel like they're made of jelly", BOTH_LEGS),
        # coughing something red; a squeezing like a vice round the body
        ("I've coughed up something red twice", "has_severe_breathlessness"),
        ("a squeezing like a vice around my ribs", "has_band_pain"),
        # weight lost with many words between, in note shorthand
        ("lost a lot of weight over the summer without meaning to", "has_weight_loss"),
        ("unexplained wt loss", "has_weight_loss"),
        # severe pain: the worst known, screaming when turned, stuck on the bed
        ("this is the worst I've had", SEVERE),
        ("she screams every time we try to turn her", SEVERE),
        ("I can't get off the bed", SEVERE),
        ("every morning, I'm stiff for over an hour", "has_morning_stiffness"),
        ("he slid off his chair onto the floor", "is_after_injury"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_a_manner_denies_nothing_after_it(run: Run) -> None:
    """'lost weight without trying, mid back pain': 'without' belongs to the
    weight loss; the mid back (thoracic) is where the pain is."""
    entities = run("lost 2 stone without trying, pain in my mid back")
    assert ("upper_back", False, False) in found(entities, "body_location")
    assert ("upper_back", False, False) in found(run("T-spine pain"), "body_location")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # hopelessness, tablets kept back, a goodbye, a bridge, a car park roof
        ("I don't see much point in carrying on", SUICIDE),
        ("I've been keeping my pills back instead of taking them", SUICIDE),
        ("how many pills would end it all", SUICIDE),
        ("he left what reads like a goodbye", SUICIDE),
        ("she keeps talking about the railway bridge", SUICIDE),
        ("I sat at the top of the car park for an hour", SUICIDE),
        ("I drove home thinking so I don't have to feel it anymore", SUICIDE),
        ("I just want to sleep and not come back", SUICIDE),
        # wet sheets, a bladder that let go, not able to go at all: asked
        ("woke up to wet sheets again", BLADDER),
        ("my waterworks let go when I stood up", BLADDER),
        ("I can't go at all, been sat here an hour", BLADDER),
        # muddled thinking, barely answering: asked
        ("he's hardly answering us this evening", SEPSIS),
        ("I'm not thinking straight today", SEPSIS),
        # something gave way inside: asked
        ("felt like something gave way inside me", "has_tearing_pain"),
    ],
)
def test_hints_are_hedged_so_the_bot_asks(run: Run, text: str, value: str) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # checked and found harmless, years ago or since
        (
            "numb bum after the long drive, the GP checked me and said it's normal",
            SADDLE,
        ),
        (
            "I can feel a pulse in my tummy, the doctor said years ago it's nothing",
            "has_pulsating_abdomen",
        ),
        (
            "coughed blood with a chest infection in March, x-ray was clear",
            "has_severe_breathlessness",
        ),
        (
            "a throb in my tummy after big meals, scanned last year and nothing found",
            "has_pulsating_abdomen",
        ),
        # a sore chest wall, drink taken, a swim in the sea
        (
            "chest hurts but it's because I did push-ups, sore when I press on it",
            "has_chest_pain",
        ),
        ("slurring a bit, three pints deep at my brother's wedding", SEPSIS),
        ("teeth chattering after the sea swim this morning", SEPSIS),
        # read on a leaflet, asked about for someone, not had
        ("saddle numbness? saw it on a leaflet, I don't have it", SADDLE),
        ("my mum wants to know if wetting yourself is serious", BLADDER),
        ("is a numb bum a bad sign? mine isn't", SADDLE),
        # a strain: tearing in a muscle, or while lifting
        (
            "a tearing feeling in my back muscle when I lifted the sofa",
            "has_tearing_pain",
        ),
        # positional, passing, or tired from a long walk
        ("my bum went numb on the saddle, came back within an hour", SADDLE),
        ("legs tingle both sides when I kneel, goes after a shake", BOTH_LEGS),
        ("both legs heavy and achy after the charity walk", BOTH_LEGS),
        (
            "wets the bed sometimes but has done since she came to us 3 years ago",
            BLADDER,
        ),
        ("a dribble after weeing since my 40s", BLADDER),
    ],
)
def test_explained_findings_are_never_acted_on_at_once(
    run: Run, text: str, value: str
) -> None:
    """Explained, checked, passing or asked about: never emergency advice at
    once (the finding is denied, or hedged so that the bot asks)."""
    assert (value, False, False) not in found(run(text), "red_flag")
