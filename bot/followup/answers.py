"""Reading a returning person's replies: better/same/worse, and a 0-10 score. Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from bot.dialogue.replies import match_reply, reply_table
from bot.startback.answers import button_choice
from bot.startback.content import Option

PAIN_MIN, PAIN_MAX = 0, 10
_NUMBER = re.compile(r"(?<![\d.\-])(\d{1,2})(?![\d.])")
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten"
_WORDS = {word: n for n, word in enumerate(_NUMBER_WORDS.split())}
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b")


@lru_cache(maxsize=4)
def _table(options: tuple[Option, ...]) -> list[tuple[str, str]]:
    return reply_table({o.id: o.says for o in options})


def read_change(
    text: str | None,
    entities: Sequence[Mapping[str, Any]],
    changes: tuple[Option, ...],
) -> str | None:
    """``better``, ``same`` or ``worse`` from a button or typed words, else None."""
    ids = {o.id for o in changes}
    chosen = button_choice(entities)
    if chosen is not None:
        return chosen if chosen in ids else None
    if (text or "").startswith("/"):
        return None
    return match_reply(text, _table(changes))


def read_pain_score(
    text: str | None, entities: Sequence[Mapping[str, Any]] = ()
) -> int | None:
    """A pain score from 0 to 10 ("7", "7/10", "about six"), else None.

    A number outside 0-10 ("12") is no score: the question is asked again.
    """
    chosen = button_choice(entities)
    if chosen is None and (text or "").startswith("/"):
        return None
    candidate = chosen if chosen is not None else (text or "").lower()
    match = _NUMBER.search(candidate)
    if match:
        value = int(match.group(1))
    else:
        word = _WORD.search(candidate)
        if word is None:
            return None
        value = _WORDS[word.group(1)]
    return value if PAIN_MIN <= value <= PAIN_MAX else None
