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

from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc, Token

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
}


def make_lemma_function() -> Callable[[str], str]:
    """Load the English lemma lookup table and return a norm-to-lemma function.

    Returns:
        A function mapping a lower-case token norm to its lemma.
    """
    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")

    def lemma_of(norm: str) -> str:
        if norm in LEMMA_OVERRIDES:
            return LEMMA_OVERRIDES[norm]
        lemma = table.get(norm, norm)
        return lemma if isinstance(lemma, str) else norm

    return lemma_of


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

    def __init__(self) -> None:
        """Load the lookup table (at pipeline build time, never at import)."""
        self.lemma_of = make_lemma_function()

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


@Language.factory("backchat_lemmatizer")
def create_lemmatizer(nlp: Language, name: str) -> LowercaseLemmatizer:
    """spaCy factory for :class:`LowercaseLemmatizer`."""
    return LowercaseLemmatizer()
