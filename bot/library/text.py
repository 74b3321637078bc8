"""Text normalisation and spelling-tolerant name matching, shared by lookups."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

_APOSTROPHES = re.compile("['`\u2019]")
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Words that carry no exercise or activity name; skipped when matching windows.
_STOP_TEXT = (
    "a an and the how do i to for me my is it ok okay can you show tell about "
    "what of with please exercise exercises stretch stretches"
)
STOP_WORDS = frozenset(_STOP_TEXT.split(" "))

FUZZY_CUTOFF = 0.8
_MIN_FUZZY_CHARS = 5
_MAX_WINDOW = 5
# Fuzzy matching costs a comparison per window and name: only the first words
# are tried, so the work is bounded by this, not by the message's length (a
# question naming an exercise or activity is short; 2,000 characters of it cost
# 1.7 s of the action server's only thread before).
_MAX_FUZZY_WORDS = 60


def normalize(text: str) -> str:
    """Lower-case ``text``, drop apostrophes and turn punctuation into spaces."""
    lowered = _APOSTROPHES.sub("", text.lower())
    return " ".join(_NON_WORD.sub(" ", lowered).split())


def compact(text: str) -> str:
    """Return the normalised text without spaces ("Bird-dog" -> "birddog")."""
    return normalize(text).replace(" ", "")


def best_match(query: str, keys: Sequence[tuple[str, str]]) -> str | None:
    """Find the target whose name best matches ``query``, tolerating typos.

    Tries, in order: an exact match ignoring case, spaces and punctuation; the
    longest name contained in the query; then the closest name by difflib ratio
    over word windows of the query (at least ``FUZZY_CUTOFF``).

    Args:
        query: What the person typed, e.g. "how do I do the brige".
        keys: Pairs of (name or alias, target id); the target id is returned.

    Returns:
        The target id of the best match, or None.
    """
    q_compact = compact(query)
    if not q_compact:
        return None
    by_compact: dict[str, tuple[str, str]] = {}
    for key, target in keys:
        by_compact.setdefault(compact(key), (normalize(key), target))
    if q_compact in by_compact:
        return by_compact[q_compact][1]
    padded = f" {normalize(query)} "
    contained = [
        (len(k), k, target)
        for k, (spaced, target) in by_compact.items()
        if f" {spaced} " in padded or (len(k) >= 6 and k in q_compact)
    ]
    if contained:
        return max(contained)[2]
    return _fuzzy(query, {k: target for k, (_, target) in by_compact.items()})


def _fuzzy(query: str, by_compact: dict[str, str]) -> str | None:
    best: tuple[float, int, str, str] | None = None
    for window in _windows(normalize(query).split()[:_MAX_FUZZY_WORDS]):
        w_compact = window.replace(" ", "")
        if len(w_compact) < _MIN_FUZZY_CHARS:
            continue
        for key, target in by_compact.items():
            matcher = SequenceMatcher(None, w_compact, key)
            # Upper bounds of ratio(), far cheaper: the same answers, sooner.
            if (
                matcher.real_quick_ratio() < FUZZY_CUTOFF
                or matcher.quick_ratio() < FUZZY_CUTOFF
            ):
                continue
            ratio = matcher.ratio()
            if ratio < FUZZY_CUTOFF:
                continue
            candidate = (ratio, len(key), key, target)
            if best is None or candidate[:3] > best[:3]:
                best = candidate
    return best[3] if best else None


def _windows(words: list[str]) -> Iterable[str]:
    for size in range(min(_MAX_WINDOW, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            chunk = words[start : start + size]
            if all(word in STOP_WORDS for word in chunk):
                continue
            yield " ".join(chunk)
