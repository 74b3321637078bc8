"""Language families found in the twenty-fourth development corpora (24a many
questions at once, 24b questions that disclose, 24c spelling chaos, 24d children
and teenagers, 24e very old people, 24f refusers and bargainers).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.nlp.plain_doc import make_plain_doc
from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    CANCER,
    PULSE,
    SADDLE,
    SEPSIS,
    SEVERE,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the wee not felt, needing to go but unable, no water out at all
        ("I don't feel it when I pee any more", BLADDER),
        ("she needs to wee but can't", BLADDER),
        ("he can't get any water out", BLADDER),
        # 'how long does it take to go away' asks about a finding one has
        ("how long does numbness round your bum take to go away", SADDLE),
        ("when I wipe it's like it's not my bum, my bum is numb", SADDLE),
        # legs weaker, 'both of them' said apart; buckling, both of them
        ("my legs, both of them, have got weaker", BOTH_LEGS),
        ("legs keep bucklin both of em", BOTH_LEGS),
        ("she can't feel the floor properly under her feet", "has_leg_symptoms"),
        # sepsis: not responding when spoken to, floppy with a fever
        ("he doesn't really respond when I talk to him", SEPSIS),
        ("lying there floppy and burning hot", SEPSIS),
        ("my husband is slurin his words", SEPSIS),
        # severe pain told by the person caring; a hard cough as the onset
        ("she's screaming about her back", SEVERE),
        ("crying with back pain since this morning", SEVERE),
        ("the pain is really bad", SEVERE),
        # childhood cancers by name; a tablespoon of blood coughed up
        ("he had a neuroblastoma as a baby", CANCER),
        ("she finished treatment for osteosarcoma last year", CANCER),
        ("coughed up about a tablespoon of blood", "has_severe_breathlessness"),
        ("my grandad describes it as tearing", "has_tearing_pain"),
        ("pain going from his chest through to his back", "has_chest_pain"),
        ("wake up at 3am with back pain", "has_night_pain"),
        (
            "so short of breath I have to stop every few words",
            "has_severe_breathlessness",
        ),
        # no feeling in the bum (Scots 'nae'); stiff mornings eased by exercise
        ("there's nae feelin in his bum", SADDLE),
        ("stiff every morning, better after a walk", "has_morning_stiffness"),
        # 'dunno how' says the weight loss is unexplained
        ("lost a stone n half dunno how", "has_weight_loss"),
        # a comma typed without a space after a number
        ("28,stiff back in the mornins for over a hour", "has_morning_stiffness"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a car hit us from behind on the motorway", "major_trauma"),
        ("someone went into the back of us at 50", "major_trauma"),
        ("he got hit in the back by a falling steel beam", "major_trauma"),
        ("I coughed really hard and felt it go", "sudden"),
    ],
)
def test_onsets_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "onset")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # 'yourself' in a question; wetting again after years dry: asked
        ("can a slipped disc make you wet yourself", BLADDER),
        ("he's wetting again after being dry for years", BLADDER),
        # a rubbery feeling round the backside: asked
        ("there's a funny rubbery feeling round my backside", SADDLE),
        ("could it still be an aneurysm", PULSE),
        # tablets saved up in a drawer, a crash thought of: the gentle check
        ("she's thinking of crashing into a wall", "has_suicidal_thoughts"),
        # tablets saved up in a drawer: the gentle check
        ("I've been saving my tablets up in a drawer", "has_suicidal_thoughts"),
    ],
)
def test_hints_are_hedged_so_the_bot_asks(run: Run, text: str, value: str) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # long-standing since an operation or illness in a given year
        ("a catheter since his prostate op in 2017, nothing new with it", BLADDER),
        (
            "I can feel a pulse in my tummy. I'm thin and it's always been like that",
            PULSE,
        ),
        ("they said my aorta was normal at the screening", PULSE),
        ("slurs a little since her stroke, exactly the same as ever", SEPSIS),
        # exercise soreness, a pressed chest wall, legs that just ache
        ("both legs are aching with DOMS after the hike, easing every day", BOTH_LEGS),
        ("chest feels sore when I press on it after press-ups", "has_chest_pain"),
        ("both legs just ache after a long shift", BOTH_LEGS),
        # someone else's sepsis, the signs asked about, a lesson about self-harm
        ("what are the signs of sepsis?", SEPSIS),
        ("mum's paranoid since her friend had sepsis", SEPSIS),
        ("our lesson today was about self-harm", "has_suicidal_thoughts"),
        ("my son wets the bed, he has never been dry at night", BLADDER),
    ],
)
def test_explained_findings_are_never_acted_on_at_once(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_comma_between_a_number_and_a_word_splits_them(nlp: Language) -> None:
    """'28,stiff' is two words; '1,000' stays one number."""
    doc = nlp(make_plain_doc(nlp, "28,stiff and 1,000 steps"))
    assert [t.text for t in doc] == ["28", ",", "stiff", "and", "1,000", "steps"]
