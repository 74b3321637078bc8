"""Compile lexicon terms into spaCy ``Matcher`` token patterns.

The term language is deliberately tiny. A term is words separated by spaces:

* ``word`` matches any form of the word (its lemma: "tingle" matches
  "tingles", "tingling"; "can't" matches "cant", "cannot", "can not");
* ``=word`` matches exactly that lower-case form ("=fell" but not "fall");
* ``a|b|c`` matches any of the alternatives (each lemmatised, or exact when
  written ``=a|=b``);
* a trailing ``?`` makes the word optional (``very?``);
* ``*`` matches one optional word of any kind (not punctuation, not a
  negation word);
* ``~`` matches one optional word or comma (any token but a sentence end, a
  negation word or a turn word: "but", "now", "then"), for ``not_when``
  phrases that reach across a clause ("legs like jelly after leg day");
* ``<det>`` matches one optional determiner or possessive ("my", "the", "me");
* ``<year>`` matches a four-digit number ("in 1978", "(2012)").

No regular expressions, no nesting: a term that needs more is two terms.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

TokenPattern = list[dict[str, Any]]

#: Lemmas a ``*`` gap may not match: a negation inside a gap would otherwise
#: be hidden from the negation scope ("legs aren't weak").
GAP_NEVER = ("not", "no", "never", "nothing", "none", "without")
#: Tokens a ``~`` gap may not match besides those: sentence ends, and words
#: that start a new turn of events ("after the marathon, but now my legs").
_SENTENCE_ENDS = (".", "!", "?", "but", "now", "then", "suddenly", "today")


class TermSyntaxError(ValueError):
    """A term does not follow the term language."""


def _word_forms(
    alternative: str, split: Callable[[str], list[str]], lemma_of: Callable[[str], str]
) -> list[tuple[str, str]]:
    """Return ``(attribute, value)`` per spaCy token for one alternative."""
    exact = alternative.startswith("=")
    word = alternative[1:] if exact else alternative
    if not word:
        raise TermSyntaxError(f"empty word in {alternative!r}")
    pieces = split(word.lower())
    if exact:
        return [("LOWER", piece) for piece in pieces]
    return [("LEMMA", lemma_of(piece)) for piece in pieces]


def compile_term(
    term: str,
    *,
    split: Callable[[str], list[str]],
    lemma_of: Callable[[str], str],
    determiners: Sequence[str],
) -> TokenPattern:
    """Compile one term into a ``Matcher`` token pattern.

    Args:
        term: The term, in the language described in this module's docstring.
        split: Splits a word into the norms of the spaCy tokens it becomes
            ("can't" -> ["can", "not"]).
        lemma_of: Maps a norm to the lemma the pipeline gives it.
        determiners: Words ``<det>`` accepts.

    Returns:
        A list of token-pattern dicts.

    Raises:
        TermSyntaxError: When the term is empty, all optional, starts or ends
            with ``*``, or its alternatives split into different numbers of tokens.
    """
    words = term.split()
    if words and ({"*", "~"} & {words[0], words[-1]}):
        raise TermSyntaxError(f"term {term!r} may not start or end with a gap")
    _reject_split_phrase(term, words)
    pattern: TokenPattern = []
    required = 0
    for raw in words:
        if raw == "*":
            # a gap never swallows a negation ("my legs aren't weak")
            # nor a line break, which ends a list item as a full stop would
            pattern.append(
                {
                    "IS_PUNCT": False,
                    "IS_SPACE": False,
                    "LEMMA": {"NOT_IN": list(GAP_NEVER)},
                    "OP": "?",
                }
            )
            continue
        if raw == "~":
            pattern.append(
                {
                    "IS_SPACE": False,
                    "LEMMA": {"NOT_IN": [*GAP_NEVER, *_SENTENCE_ENDS]},
                    "OP": "?",
                }
            )
            continue
        if raw == "<det>":
            pattern.append({"LOWER": {"IN": list(determiners)}, "OP": "?"})
            continue
        if raw == "<year>":
            pattern.append({"SHAPE": "dddd"})
            continue
        optional = raw.endswith("?") and len(raw) > 1
        body = raw[:-1] if optional else raw
        forms = [_word_forms(alt, split, lemma_of) for alt in body.split("|")]
        if len({len(f) for f in forms}) != 1:
            raise TermSyntaxError(
                f"alternatives in {raw!r} of term {term!r} split into different "
                "numbers of tokens; write them as separate terms"
            )
        for position in range(len(forms[0])):
            by_attr: dict[str, set[str]] = {}
            for form in forms:
                attr, value = form[position]
                by_attr.setdefault(attr, set()).add(value)
            if len(by_attr) != 1:
                raise TermSyntaxError(
                    f"{raw!r} in term {term!r} mixes exact (=) and lemma forms"
                )
            ((attr, values),) = by_attr.items()
            # a single value is a plain equality, checked inside spaCy's C
            # loop; a set becomes a Python predicate called per token
            token: dict[str, Any] = (
                {attr: next(iter(values))}
                if len(values) == 1
                else {attr: {"IN": sorted(values)}}
            )
            if optional:
                token["OP"] = "?"
            else:
                required += 1
            pattern.append(token)
    if not required:
        raise TermSyntaxError(f"term {term!r} has no required word")
    return pattern


def _reject_split_phrase(term: str, words: Sequence[str]) -> None:
    """Refuse a term that reads as a phrase split across alternatives.

    Alternatives bind one word each, so "breastbone|sternum|breast bone" means
    (breastbone or sternum or breast) followed by "bone", and "breastbone"
    alone never matches. The tell-tale signs: an alternative that is the very
    next word ("step|bottom step"), or one that joined with the next word is
    another alternative ("breast" + "bone").
    """
    for word, following in pairwise(words):
        if "|" not in word or following in {"*", "~", "?"}:
            continue
        if following.startswith("<"):
            continue
        alternatives = {alt.lstrip("=") for alt in word.rstrip("?").split("|")}
        for nxt in following.rstrip("?").split("|"):
            nxt = nxt.lstrip("=")
            if nxt in alternatives or any(
                alt + nxt in alternatives for alt in alternatives
            ):
                raise TermSyntaxError(
                    f"{word!r} {following!r} in term {term!r} reads as a phrase "
                    "split across alternatives (each alternative is one word); "
                    "write the phrase as a separate term"
                )


def split_leading_alternatives(pattern: TokenPattern) -> list[TokenPattern]:
    """Split a pattern whose first word is a set into one pattern per word.

    spaCy's ``Matcher`` tries every pattern at every token. A set (``IN``) is
    checked by a Python predicate, a single value inside spaCy's C loop, so a
    required first word written as one value per pattern keeps the cost of
    the patterns that cannot start at a token near zero. The patterns match
    exactly what the original matches.

    Args:
        pattern: A pattern from :func:`compile_term`.

    Returns:
        The equivalent patterns (the original alone when its first word is
        optional or a single value).
    """
    first = pattern[0] if pattern else {}
    if "OP" in first or len(first) != 1:
        return [pattern]
    ((attr, spec),) = first.items()
    if not isinstance(spec, dict) or set(spec) != {"IN"}:
        return [pattern]
    return [[{attr: value}, *pattern[1:]] for value in spec["IN"]]
