"""Chat spellings and one-slip typing errors read as the lexicon's words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from bot.nlp import ClinicalEntity
from bot.nlp.spelling import Speller, _one_slip_apart

Run = Callable[[str], list[ClinicalEntity]]

WORDS = ["bladder", "bladda", "numbness", "bowel", "wipe", "feel"]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller({"wen": "when", "yrs": "years"}, WORDS, frozenset({"bladders"}))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("wen", "when"),  # the chat table
        ("yrs", "years"),
        ("numbnes", "numbness"),  # a letter dropped
        ("bladdar", "bladder"),  # a letter changed wins over "bladda"
        ("bowlez", "bowlez"),  # no lexicon word one slip away: left alone
        ("bowle", "bowel"),  # two letters swapped
        ("bladders", "bladders"),  # English: never corrected
        ("wipr", "wipr"),  # four letters: too short to guess
        ("ladder", "ladder"),  # another first letter: not a slip of bladder
        ("numbs3", "numbs3"),  # not a word
    ],
)
def test_read(speller: Speller, typed: str, read: str) -> None:
    assert speller.read(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("leakin", "leaking"),  # the -ing word, English, with its g dropped
        ("feelin", "feeling"),  # a lexicon word with its g dropped
        ("cousin", "cousin"),  # English already: never changed
        ("robin", "robin"),
        ("zorbin", "zorbin"),  # "zorbing" is no word here: left alone
    ],
)
def test_a_dropped_g_is_read_back(typed: str, read: str) -> None:
    speller = Speller({}, ["feeling"], frozenset({"leaking", "cousin", "robin"}))
    assert speller.read(typed) == read


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("bladdar", "bladder", True),
        ("numbess", "numbness", True),
        ("bowle", "bowel", True),
        ("bladder", "bladder", False),
        ("blader", "bladdar", False),
    ],
)
def test_one_slip_apart(a: str, b: str, one: bool) -> None:
    assert _one_slip_apart(a, b) is one


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("cant feel wen i wipe since yday", "has_saddle_numbness"),
        ("bladdar leaking since monday", "has_bladder_bowel_change"),
    ],
)
def test_the_pipeline_reads_chat_and_slips(run: Run, text: str, value: str) -> None:
    assert value in {e.value for e in run(text) if not e.negated}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("sat on the loo an hour and cannae go for a wee", "has_bladder_bowel_change"),
        ("CANNAE feel ma legs since this morning", "has_bilateral_leg_weakness"),
    ],
)
def test_a_form_that_stands_for_two_words_reads_as_both(
    run: Run, text: str, value: str
) -> None:
    # "cannae" is "can not": read as one word ("cannot") it matched no term
    # written with "can't"
    assert value in {e.value for e in run(text) if not e.negated}


def test_a_two_word_form_keeps_its_text_and_denies(nlp: Language) -> None:
    doc = nlp("he didnae fall")
    assert [t.text for t in doc] == ["he", "did", "nae", "fall"]
    assert [t.norm_ for t in doc][1:3] == ["did", "not"]


def test_an_english_word_is_never_a_slip(nlp: Language) -> None:
    lemma_of = nlp.get_pipe("backchat_lemmatizer").lemma_of
    # "bowls" is a game the lemma table knows (as a hashed key), not a slip
    # of "bowels"; "bladdar" is no English word
    assert lemma_of("bowls") == "bowl"
    assert lemma_of("bladdar") == "bladder"
