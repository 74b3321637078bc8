"""Language families found in the fiftieth development corpora (50a signers
and people with aphasia, 50b people who resist care, 50c autocorrect slips,
50d gig workers and people under pressure, 50e chatbot-savvy writers, 50f
progression stories).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from bot.nlp.age import find_age
from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    CHEST,
    FRACTURE,
    INFECTION,
    NIGHT,
    ONE_LEG,
    PULSE,
    SADDLE,
    SEXUAL,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Toilet. Bladder still full after. Back bad.", BLADDER),
        ("when I go to the loo nothing comes out, back hurts", BLADDER),
        ("I stand there for minutes and it's only a trickle", BLADDER),
        ("sciatica two legs since Sunday", BOTH_LEGS),
        ("Night bad. Back bad.", NIGHT),
        ("prednisolone tablets a long time, then a small fall", FRACTURE),
        ("a numb kind of feeling around my bottom since yesterday", SADDLE),
        ("tingling in my foot last week and now it's spreading up the shin", ONE_LEG),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # simile, not exercise
        ("both legs weak, like I'd run a marathon, worse every day", BOTH_LEGS),
        # an Australian filler, not a denial
        ("yeah nah I can't feel my bum when I sit", SADDLE),
        # "yes/no" asks for an answer, it does not deny
        (
            "answer yes/no: is a throbbing lump in my belly bad?",
            PULSE,
        ),
        # "no judgement please" denies nothing that follows
        ("no judgement please: I inject and my back gets worse daily", INFECTION),
    ],
)
def test_a_finding_is_not_denied_by_words_around_it(
    run: Run, text: str, value: str
) -> None:
    assert (value, True, False) not in found(run(text), "red_flag")
    assert any(v == value for v, _, _ in found(run(text), "red_flag"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("back pain on both sides, low down, legs fine", BOTH_LEGS),
        ("the only bladder problem I have is the queue for the loo", BLADDER),
        ("fell off a ladder, the bottom rung, landed on my feet", TRAUMA),
        ("lost control of the car on ice, no crash, just a fright", TRAUMA),
        ("what would you say if I told you my chest was crushing? test", CHEST),
        ("I know what heart chest pain feels like and this isn't it", CHEST),
        ("erection trouble for years, it's the blood pressure tablets", SEXUAL),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Me 56. Back pain new, never before.", 56),
        ("Back bad. Me 71, fell at home.", 71),
        ("give me 10 minutes, back is sore", None),
    ],
)
def test_the_writer_named_then_the_age(text: str, age: int | None) -> None:
    assert find_age(text) == age
