"""Language families found in the forty-first development corpora (41a health
anxiety, 41b already seen, 41c several people in one message, 41d
understatement and humour, 41e panic and American English, 41f timelines).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    PULSE,
    SADDLE,
    SEPSIS,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the numbness is around my bum since yesterday", SADDLE),
        ("weeing has turned into a real waiting game this week", BLADDER),
        ("my pee takes forever to get going since the weekend", BLADDER),
        ("I have had trouble starting when I wee since Tuesday", BLADDER),
        ("dribbled a little into my pants and didn't notice", BLADDER),
        ("temp 39.5, burning up, and he's confused and drowsy", SEPSIS),
        ("she has been confused on and off since the fever", SEPSIS),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a relative's symptom in a message about the writer's own back
        ("my nan is incontinent now, I hurt my back lifting her", BLADDER),
        ("my toddler is weeing in his pants again, my own back is sore", BLADDER),
        ("mum (81) has an aneurysm they watch, I'm asking about my back", PULSE),
        # an animal's symptom, whatever the message is about
        ("our old labrador can't control her bladder any more", BLADDER),
        ("the dog has gone weak in both legs, the vet is on it", BOTH_LEGS),
        # the alarming words used in another sense, and said so
        ("trouble weeing, as in the queue at the stadium loos", BLADDER),
        ("I keep having accidents, not the other sort, I mean parking", BLADDER),
    ],
)
def test_someone_elses_or_figurative_symptoms_are_asked_about(
    run: Run, text: str, value: str
) -> None:
    entities = found(run(text), "red_flag")
    assert (value, False, True) in entities
    assert (value, False, False) not in entities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the relative is the patient: no word says the back is the writer's
        ("my dad doesn't know who we are since the fever started", SEPSIS),
        ("my husband is wetting himself and his back is agony", BLADDER),
        # the writer is the subject, though a relative is named first
        ("my wife says I've been wetting myself at night since Monday", BLADDER),
        ("walking the dog and now I can't feel my bum at all", SADDLE),
    ],
)
def test_the_patients_own_symptoms_stay_findings(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the shower has a weak stream, so I bent over to rinse my hair", BLADDER),
        ("weak flow from the tap since the plumber came", BLADDER),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    entities = found(run(text), "red_flag")
    assert (value, False, False) not in entities
    assert (value, False, True) not in entities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "a/b/c" is one item of a list, however many words it names
        ("4) numbness around the groin/bum/inner thighs: none", SADDLE),
        ("tingling in my saddle/groin/bits: no", SADDLE),
    ],
)
def test_denials_of_a_slashed_item_are_read(run: Run, text: str, value: str) -> None:
    assert (value, True, False) in found(run(text), "red_flag")
