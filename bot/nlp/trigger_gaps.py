"""What stands between an assertion trigger and the finding it may govern:
the end of a clause, a termination (unless it only closes an aside), a second
denial in a list typed without commas, the writer named as the subject, and
slashed alternatives that count as one word. :mod:`bot.nlp.negation` weighs
these when it decides whether a trigger reaches a finding.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bot.nlp.list_items import is_line_break
from bot.nlp.triggers import POST_NEGATION

#: The writer as the subject or owner ("I", "me", "my" and their chat forms).
_WRITER_WORDS = frozenset({"i", "me", "my", "myself", "mine", "im", "ive"})

#: Words that may follow a post-trigger without continuing its clause
#: ("numbness? no, thanks"; "the tingling has gone away now").
CLAUSE_TAIL_WORDS = frozenset(
    {
        "now",
        "thanks",
        "sorry",
        "thank",
        "either",
        "really",
        "lately",
        "recently",
        "tho",
        "though",
        "thankfully",
        "luckily",
        "so",
        "at",
        "all",
        "mate",
        "x",
        "xx",
        "lol",
        "haha",
        "ha",
        "lmao",
        # Singlish and chat tags after a bare answer ("Chest pain? No lah.")
        "lah",
        "leh",
        "bro",
    }
)


# the words of one item in a list of denials typed without commas
_DENIAL_ITEM_WORDS = 3


def ends_clause(doc: Doc, index: int, terminations: list[Span]) -> bool:
    """Whether a clause ends just before the token at ``index``."""
    if index >= len(doc):
        return True
    token = doc[index]
    return (
        token.is_punct
        or token.is_sent_start
        or is_line_break(token.text)
        or token.lower_ in CLAUSE_TAIL_WORDS
        or any(t.start == index for t in terminations)
    )


def another_denial_follows(trig: Span, post: list[Span]) -> bool:
    """Whether a second denial follows within a few words, as in a list typed
    or dictated without commas ("bowel control fine bladder fine legs fine"):
    each denial ends its own item."""
    return any(
        other.label_ == POST_NEGATION
        and 0 < other.start - trig.end <= _DENIAL_ITEM_WORDS
        for other in post
    )


def writer_between(doc: Doc, start: int, end: int) -> bool:
    """Whether the writer speaks of themselves between two tokens: "my wife
    says I've wet myself" is the writer's symptom, though the wife comes first.
    """
    return any(doc[i].lower_ in _WRITER_WORDS for i in range(start, end))


def words_between(doc: Doc, start: int, end: int) -> int:
    """Words from ``start`` to ``end``, where "a/b/c" counts as one: in
    "numbness around genitals/bum/thighs: none" the "none" is one word on."""
    return sum(
        1
        for i in range(start, end)
        if doc[i].text != "/" and not (i > 0 and doc[i - 1].text == "/")
    )


def no_termination_between(terminations: list[Span], start: int, end: int) -> bool:
    return not any(
        start <= t.start and t.end <= end and not _closes_an_aside(t, start)
        for t in terminations
    )


def _closes_an_aside(termination: Span, start: int) -> bool:
    """Whether a closing bracket ends an aside opened after ``start``: "my mum
    (79) has an aneurysm" still names the mum's; only a bracket opened before
    the trigger ends what the trigger says ("(didn't fall) I can't tell...").
    """
    doc = termination.doc
    return termination.text == ")" and any(
        doc[i].text == "(" for i in range(start, termination.start)
    )
