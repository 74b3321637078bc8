"""Build the spaCy pipeline: blank English, no downloaded model.

Order: ``sentencizer`` -> ``backchat_lemmatizer`` -> ``backchat_clinical_matcher``
-> ``backchat_durations`` -> ``backchat_assertion_triggers``.
"""

# No `from __future__ import annotations` here: spaCy resolves factory type
# hints with pydantic, which fails on string annotations (ForwardRef error).

from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from bot.nlp.lemma import LowercaseLemmatizer
from bot.nlp.lexicon import AssertionTriggers
from bot.nlp.lexicon_file import load_lexicon
from bot.nlp.matcher import ClinicalMatcher, DurationFinder
from bot.nlp.triggers import AssertionTriggerFinder

LEMMATIZER = "backchat_lemmatizer"
MATCHER = "backchat_clinical_matcher"
DURATIONS = "backchat_durations"
TRIGGERS = "backchat_assertion_triggers"


def _lemma_of(nlp: Language) -> Callable[[str], str]:
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    assert isinstance(lemmatizer, LowercaseLemmatizer)
    return lemmatizer.lemma_of


def _lexicon_path(value: str) -> Path | None:
    return Path(value) if value else None


@Language.factory(MATCHER, default_config={"lexicon_path": ""})
def create_clinical_matcher(
    nlp: Language, name: str, lexicon_path: str
) -> ClinicalMatcher:
    """spaCy factory for :class:`~bot.nlp.matcher.ClinicalMatcher`."""
    return ClinicalMatcher(
        nlp, load_lexicon(_lexicon_path(lexicon_path)), _lemma_of(nlp)
    )


@Language.factory(DURATIONS)
def create_duration_finder(nlp: Language, name: str) -> DurationFinder:
    """spaCy factory for :class:`~bot.nlp.matcher.DurationFinder`."""
    return DurationFinder()


@Language.factory(TRIGGERS, default_config={"lexicon_path": ""})
def create_trigger_finder(
    nlp: Language, name: str, lexicon_path: str
) -> AssertionTriggerFinder:
    """spaCy factory for :class:`~bot.nlp.triggers.AssertionTriggerFinder`."""
    lexicon = load_lexicon(_lexicon_path(lexicon_path))
    return AssertionTriggerFinder(
        nlp, lexicon.assertion, lexicon.determiners, _lemma_of(nlp)
    )


def build_pipeline(lexicon_path: Path | None = None) -> Language:
    """Build the clinical language pipeline from a blank English model.

    Args:
        lexicon_path: The lexicon YAML; defaults to ``data/clinical/lexicon.yml``
            in the repository (resolved from this file, not the working
            directory).

    Returns:
        A ready ``spacy.Language``; entity spans are in
        ``doc.spans["clinical"]``. Use :func:`bot.nlp.extract` to read them.

    Raises:
        bot.nlp.lexicon.LexiconError: When the lexicon is missing or invalid.
    """
    path = str(lexicon_path) if lexicon_path is not None else ""
    nlp = spacy.blank("en")
    _split_commas_between_numbers_and_words(nlp)
    _split_two_word_spellings(nlp, load_lexicon(lexicon_path).two_word_spellings())
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(LEMMATIZER, config={"lexicon_path": path})
    nlp.add_pipe(MATCHER, config={"lexicon_path": path})
    nlp.add_pipe(DURATIONS)
    nlp.add_pipe(TRIGGERS, config={"lexicon_path": path})
    return nlp


#: A comma typed without a space between a number and a word ("28,stiff back",
#: "night sweats,57 f"): spaCy splits a comma between two letters, not these,
#: and the words on either side were then read as one token.
_NUMBER_WORD_COMMAS = (r"(?<=[0-9]),(?=[^\W\d_])", r"(?<=[^\W\d_]),(?=[0-9])")


def _split_commas_between_numbers_and_words(nlp: Language) -> None:
    """Tokenise "28,stiff" as "28" "," "stiff" (numbers keep "1,000")."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), *_NUMBER_WORD_COMMAS]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _split_two_word_spellings(
    nlp: Language, spellings: Mapping[str, tuple[str, str]]
) -> None:
    """Tokenise a form that stands for two words as two tokens whose norms are
    those words: Scots "cannae" becomes "can" + "not", so every term written
    with "can't" reads it as it reads "can't" (one token, read as the single
    word "cannot", matched none of them)."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for form, (first, second) in spellings.items():
        # where the second word starts ("din|nae"), else after the first
        cut = form.rfind(second[0])
        if cut <= 0:
            cut = min(max(len(first), 1), len(form) - 1)
        for typed in {form, form.capitalize(), form.upper()}:
            tokenizer.add_special_case(
                typed,
                [{ORTH: typed[:cut], NORM: first}, {ORTH: typed[cut:], NORM: second}],
            )


@lru_cache(maxsize=1)
def get_pipeline() -> Language:
    """Return the pipeline for the default lexicon, built once per process."""
    return build_pipeline()


def assertion_triggers(nlp: Language) -> AssertionTriggers:
    """The assertion triggers of the lexicon the pipeline was built with, and
    the red-flag values that "someone else had it" triggers apply to.

    Args:
        nlp: A pipeline from :func:`build_pipeline`.
    """
    path = nlp.get_pipe_config(TRIGGERS).get("lexicon_path", "")
    return load_lexicon(_lexicon_path(path)).assertion
