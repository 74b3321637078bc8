"""Quotation marks and extra spaces do not hide a finding, and entity offsets
still point into the message as typed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from bot.nlp import ClinicalEntity
from bot.nlp.plain_doc import OFFSETS_KEY, make_plain_doc
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]
SUICIDE = "has_suicidal_thoughts"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # someone's words quoted
        ("my client says she's going to 'end it tonight'", SUICIDE),
        ('I am going to "end it all" tonight', SUICIDE),
        ("he says his \u2018bits\u2019 feel numb since Sunday", "has_saddle_numbness"),
        (
            "Mum\u2019s legs \u201cwon\u2019t do what she tells them\u201d"
            " and she had breast cancer",
            "has_cancer_history",
        ),
        # double spaces and tabs between words
        ("I  can't  feel my bum", "has_saddle_numbness"),
        ("going to\tend it all", SUICIDE),
    ],
)
def test_quoted_and_spaced_findings_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_offsets_point_into_the_message_as_typed(run: Run) -> None:
    text = "He said  his 'bits' feel numb"
    saddle = next(e for e in run(text) if e.value == "has_saddle_numbness")
    assert text[saddle.start : saddle.end] == saddle.text
    assert saddle.text.startswith("bits") and saddle.text.endswith("numb")


def test_a_message_with_nothing_to_leave_out_is_tokenised_as_before(
    nlp: Language,
) -> None:
    doc = make_plain_doc(nlp, "I don't feel my bum")
    assert [t.text for t in doc] == ["I", "do", "n't", "feel", "my", "bum"]
    assert OFFSETS_KEY not in doc.user_data


def test_apostrophes_inside_words_and_line_breaks_stay(nlp: Language) -> None:
    doc = make_plain_doc(nlp, "he said 'no fever'\nwe'd  check")
    words = [t.text for t in doc]
    assert "'" not in words
    assert "\n" in words  # a line ends a list item
    assert "'d" in words
    assert [doc.text[t.idx] for t in doc if t.text == "no"] == ["n"]


def test_scots_negatives_keep_their_norms_when_quotes_are_left_out(
    nlp: Language,
) -> None:
    doc = make_plain_doc(nlp, "she says 'I cannae feel my legs'")
    assert [t.norm_ for t in doc][3:5] == ["can", "not"]


def test_a_saddle_numbness_others_warn_about_is_a_topic(run: Run) -> None:
    text = "is that the saddle numbness they warn you about? mine is just sore"
    assert ("has_saddle_numbness", False, False) not in found(run(text), "red_flag")
