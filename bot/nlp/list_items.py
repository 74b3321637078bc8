"""Typed lists in a message: where an item starts, and how far a denial
reaches along one.

People answer in lists ("no fever, night sweats or weight loss"; "1) no injury
2) lost a stone without trying"; "[ ] fever [x] numbness"; one item a line).
A denial runs along the items it governs (NegEx: the scope runs on through a
list) and stops where a new item starts; an empty checkbox says "not had".
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TypeVar

from spacy.tokens import Doc, Span

#: A denial may reach further along a list of short items ("denies retention,
#: incontinence, saddle anaesthesia and bilateral leg symptoms"), up to this
#: many words, each item no longer than the negation window (NegEx: scope runs on
#: through a list until a termination term).
LIST_WINDOW = 24
_LIST_JOINS = frozenset({",", "and", "or", "nor", "/"})
#: Only a denial of a list reaches along it ("denies", "no"); "not" and
#: "never" deny a verb, and a verb in the gap starts a new clause ("not well
#: controlled and has back pain with a fever").
_LIST_DENIALS = frozenset(
    {"no", "deny", "denies", "denied", "without", "nor", "neither"}
)
_CLAUSE_VERBS = frozenset({"have", "be", "do", "get", "feel", "go", "start", "notice"})
#: Words that turn from the denied list to something else ("no numbness as
#: such, more like my bum's gone to sleep").
_LIST_TURNS = frozenset(
    {"such", "more", "like", "rather", "actually", "except", "apart"}
)
_LIST_MARKS = frozenset({",", "-", ".", ";", "/", "\u2013"})
#: Tokens that start an item of a typed list: a bullet, a checkbox, a line
#: break ("No fever\nCan't pee"), and the ")" or "]" of "2)", "b)", "[x]".
_BULLETS = frozenset({"\u2022", "\u00b7", "*", "[", "\u25aa", "\u25e6", "\u2023", "->"})
#: Marks of a checklist typed or pasted from a notes app: a cross says "not
#: had" ("\u2717 numbness", "waterworks \u2717"), a tick "had". Each also starts
#: an item ("\u2713 sore back \u2717 numbness" is two). The red cross emoji is
#: not one of them: in chat it marks the trouble itself ("\U0001f6bd\u274c",
#: the toilet not working).
CROSSES = frozenset({"\u2717", "\u2718", "\u2716"})
TICKS = frozenset({"\u2713", "\u2714", "\u2611", "\u2705"})
_DASHES = frozenset({"-", "\u2013"})
#: What may stand before a check mark at the start of a line ("- \u2717 fever").
_LINE_MARKERS = _BULLETS | _DASHES
_ITEM_CLOSERS = frozenset({")", "]"})
_ITEM_STARTS_KEY = "backchat_item_starts"
_SPACED_DASHES_KEY = "backchat_spaced_dashes"


_Found = TypeVar("_Found")


def _once_per_doc(doc: Doc, key: str, find: Callable[[Doc], _Found]) -> _Found:
    """``find(doc)``, worked out on the first call for a doc and kept in it:
    negation asks about every finding of a message."""
    if key not in doc.user_data:
        doc.user_data[key] = find(doc)
    found: _Found = doc.user_data[key]
    return found


def _item_starts(doc: Doc) -> frozenset[int]:
    """Where the items of a typed list start."""
    return _once_per_doc(doc, _ITEM_STARTS_KEY, _find_item_starts)


def _find_item_starts(doc: Doc) -> frozenset[int]:
    return frozenset(
        token.i
        for token in doc
        if token.text in _BULLETS
        or token.text in CROSSES
        or token.text in TICKS
        or is_line_break(token.text)
        or (
            token.text in _ITEM_CLOSERS
            and token.i > 0
            and _is_item_label(doc[token.i - 1].text)
            and not _bracketed_number(doc, token.i - 1)
        )
    )


def _bracketed_number(doc: Doc, index: int) -> bool:
    """Whether the label at ``index`` is a number of two digits in brackets:
    an age ("my mum (79) has..."), not the "(2)" of a list."""
    return index > 0 and doc[index - 1].text == "(" and len(doc[index].text) == 2


def _is_item_label(text: str) -> bool:
    """What stands before the ")" or "]" of an item: "2", "12", "b" or "x"."""
    return (text.isdigit() and len(text) <= 2) or (len(text) == 1 and text.isalpha())


def new_item_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a list item starts between token ``start`` and ``end``: a
    denial in one item ("1) no injury 2) lost a stone without trying") does
    not reach into the next (NegEx: the scope ends at a list boundary)."""
    return any(start <= i < end for i in _item_starts(doc))


def dash_item_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a spaced dash between token ``start`` and ``end`` separates two
    items of a list typed on one line ("- no trauma - L sciatica to foot"):
    only in a message with two such dashes or more, since one dash is as often
    a pause ("no - I can't feel my legs")."""
    dashes = _spaced_dashes(doc)
    return len(dashes) >= 2 and any(start <= i < end for i in dashes)


def _spaced_dashes(doc: Doc) -> tuple[int, ...]:
    """Where the dashes with a space either side stand."""
    return _once_per_doc(doc, _SPACED_DASHES_KEY, _find_spaced_dashes)


def _find_spaced_dashes(doc: Doc) -> tuple[int, ...]:
    return tuple(
        token.i
        for token in doc
        if token.text in _DASHES
        and token.whitespace_
        and (token.i == 0 or doc[token.i - 1].whitespace_)
    )


def is_line_break(text: str) -> bool:
    """A token of white space that holds a line break (it ends a list item)."""
    return "\n" in text and not text.strip()


def in_unticked_item(doc: Doc, span: Span) -> bool:
    """Whether ``span`` is in an item whose checkbox is empty ("[ ] fever
    [x] numbness" leaves the fever unticked: not had) or that a cross marks
    as not had: at the start of its line ("\u2717 numbness") or after it
    ("- waterworks \u2717", "Fever \u2717 Bowels: ..."). A cross inside a line
    marks the item before it; which item a cross mid-line belongs to is not
    guessed the other way, so a finding after one stays a finding."""
    starts = _item_starts(doc)
    before = [i for i in starts if i <= span.start]
    after = [i for i in starts if i >= span.end]
    if before:
        box = max(before)
        if doc[box].text == "[" and box + 1 < len(doc) and doc[box + 1].text == "]":
            return True
        cross = _leading_cross(doc, box)
        if cross is not None and cross < span.start:
            return True
    if not after:
        return False
    mark = min(after)
    return doc[mark].text in CROSSES and not _starts_a_line(doc, mark)


def _starts_a_line(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens its line, after a bullet or dash at most."""
    if i == 0 or is_line_break(doc[i - 1].text):
        return True
    marker = doc[i - 1].text in _LINE_MARKERS
    return marker and (i == 1 or is_line_break(doc[i - 2].text))


def _leading_cross(doc: Doc, start: int) -> int | None:
    """Where the cross is that opens the line of an item starting at ``start``
    (the start itself, or the word after a line break or bullet), if any."""
    for i in (start, start + 1, start + 2):
        if i >= len(doc):
            break
        text = doc[i].text
        if text in CROSSES:
            return i if _starts_a_line(doc, i) else None
        if not (is_line_break(text) or text in _LINE_MARKERS):
            break
    return None


def closes_a_list_item(doc: Doc, trig: Span) -> bool:
    """Whether a "no" ends the item before it ("fever no, peeing - not since
    last night"): followed at once by a comma, dash or stop, it answers what
    came before and does not deny what comes after."""
    return (
        trig.end < len(doc)
        and doc[trig.end].text in _LIST_MARKS
        and (trig.start > doc[trig.start].sent.start)
    )


def in_denied_list(doc: Doc, trig: Span, span: Span, item_words: int) -> bool:
    """Whether ``span`` is a later item of a list that ``trig`` denies: the
    words between are items of at most ``item_words`` words, joined by
    commas, "and", "or" or "nor"."""
    if span.start - trig.end > LIST_WINDOW or trig.text.lower() not in _LIST_DENIALS:
        return False
    if any(
        doc[i].lemma_ in _CLAUSE_VERBS or doc[i].lower_ in _LIST_TURNS
        for i in range(trig.end, span.start)
    ):
        return False
    joins = [i for i in range(trig.end, span.start) if doc[i].lower_ in _LIST_JOINS]
    if not joins:
        return False
    edges = [trig.end - 1, *joins, span.start]
    return all(b - a - 1 <= item_words for a, b in pairwise(edges))
