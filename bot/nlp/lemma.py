"""A case-insensitive lookup lemmatizer built on spacy-lookups-data.

spaCy's own lookup lemmatizer keys on the token's exact text, so "Tingles" or
"NUMB" would not be lemmatised. This component keys on the token's norm
(lower case, with spaCy's contraction norms: "ca" -> "can", "n't"/"nt" ->
"not"), so the lexicon's patterns match whatever the capitalisation or
apostrophes people type ("can't", "cant", "cannot" all become "can not").
"""

# No `from __future__ import annotations` here: spaCy resolves factory type
# hints with pydantic, which fails on string annotations (ForwardRef error).

from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc, Token

from bot.nlp.lexicon import Lexicon
from bot.nlp.lexicon_file import load_lexicon
from bot.nlp.spelling import Speller

#: Lemmas the lookup table gets wrong for our purpose ("left" is a side here,
#: not the past of "leave"; "does" is not the plural of "doe").
LEMMA_OVERRIDES: dict[str, str] = {
    "left": "left",
    "does": "do",
    "doe": "do",
    "ok": "okay",
    "m": "be",
    "wee": "wee",
    "weed": "wee",
    "weeing": "wee",
    "peed": "pee",
    "pooed": "poo",
    "pooing": "poo",
    "pooped": "poop",
    "numbness": "numbness",
    "stiffness": "stiffness",
    "weakness": "weakness",
    "buttocks": "buttock",
    "glutes": "glute",
    "bums": "bum",
    "sweats": "sweat",
    "shivers": "shiver",
    "chills": "chill",
    # the table reads "number" as "more numb"; here it is always the noun
    "number": "number",
    "numbers": "number",
}


def make_lemma_function(lexicon: Lexicon | None = None) -> Callable[[str], str]:
    """Load the English lemma lookup table and return a norm-to-lemma function.

    Args:
        lexicon: When given, its chat spellings and the one-slip reading of
            its words (:mod:`bot.nlp.spelling`) come before the lookup.

    Returns:
        A function mapping a lower-case token norm to its lemma.
    """
    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")

    def lookup(norm: str) -> str:
        if norm in LEMMA_OVERRIDES:
            return LEMMA_OVERRIDES[norm]
        lemma = table.get(norm, norm)
        return lemma if isinstance(lemma, str) else norm

    if lexicon is None:
        return lookup
    speller = Speller(
        lexicon.one_word_spellings(), lexicon.words(), _EnglishWords(table)
    )
    return lambda norm: lookup(speller.read(norm))


class _EnglishWords:
    """The words never read as typing slips: every form the lemma table knows
    (its keys are stored hashed, so they are asked, not listed: "bowls" is a
    game, not a slip of "bowels") and every lemma it gives."""

    def __init__(self, table: Any) -> None:
        self.table = table
        self.lemmas = frozenset(v for v in table.values() if isinstance(v, str))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (
            word in self.table or word in self.lemmas or word in LEMMA_OVERRIDES
        )


def token_lemma(token: Token, lemma_of: Callable[[str], str]) -> str:
    """Return the lemma the clinical matcher uses for a token.

    Args:
        token: A spaCy token.
        lemma_of: The function from :func:`make_lemma_function`.

    Returns:
        The lower-case lemma.
    """
    return lemma_of(token.norm_)


class LowercaseLemmatizer:
    """Pipeline component setting ``token.lemma_`` from the lookup table."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        """Load the lookup table (at pipeline build time, never at import).

        Args:
            lexicon: Whose spellings and words are read first, if any.
        """
        self.lemma_of = make_lemma_function(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token.

        Args:
            doc: The document.

        Returns:
            The same document.
        """
        for token in doc:
            token.lemma_ = token_lemma(token, self.lemma_of)
        return doc


@Language.factory("backchat_lemmatizer", default_config={"lexicon_path": ""})
def create_lemmatizer(
    nlp: Language, name: str, lexicon_path: str
) -> LowercaseLemmatizer:
    """spaCy factory for :class:`LowercaseLemmatizer` ("" is the default lexicon)."""
    return LowercaseLemmatizer(
        load_lexicon(Path(lexicon_path) if lexicon_path else None)
    )
