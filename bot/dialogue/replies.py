"""Typed replies to a yes/no question, the way people write them.

A hedged yes ("a bit", "I think so") is a yes: a red flag half-admitted is
safer checked. Pure; shared by the slot filler and the safety turn.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

# Replies that say yes with a hedge.
_HEDGED_YES = (
    "a bit",
    "a little",
    "a little bit",
    "bit",
    "slightly",
    "sometimes",
    "i think so",
    "think so",
    "kind of",
    "kinda",
    "sort of",
    "sorta",
    "probably",
    "maybe",
    "possibly",
    "i guess",
    "guess so",
)
_YES_REPLIES = (
    *_HEDGED_YES,
    "yes",
    "yeah",
    "yep",
    "yup",
    "yea",
    "ya",
    "yh",
    "yas",
    "aye",
    "y",
    "sure",
    "ok",
    "okay",
    "k",
    "definitely",
    "absolutely",
    "correct",
    "right",
    "true",
    "please",
    "yes please",
    "go on",
    "go on then",
    "please do",
    "i do",
    "it does",
    "i have",
    "it is",
    "i am",
    "mostly",
    "often",
    "a lot",
)
_NO_REPLIES = (
    "no",
    "nope",
    "nah",
    "na",
    "n",
    "never",
    "none",
    "not really",
    "not at all",
    "no thanks",
    "no thank you",
    "nothing",
    "neither",
    "i don't",
    "i dont",
    "it doesn't",
    "it doesnt",
    "i haven't",
    "i havent",
    "not that i know",
    "don't think so",
    "dont think so",
    "i don't think so",
    "i dont think so",
    "none of these",
    "none of those",
    "no none",
    "negative",
)
_UNSURE_REPLIES = (
    "not sure",
    "unsure",
    "dunno",
    "don't know",
    "dont know",
    "i don't know",
    "i dont know",
    "idk",
    "no idea",
    "can't say",
    "cant say",
    "hard to say",
    "not certain",
    "i'm not sure",
    "im not sure",
    "no clue",
)


def reply_table(meanings: Mapping[str, Iterable[str]]) -> list[tuple[str, str]]:
    """(phrase, meaning) pairs for ``match_reply``, longest phrase first."""
    return sorted(
        ((phrase, meaning) for meaning, said in meanings.items() for phrase in said),
        key=lambda pair: -len(pair[0]),
    )


_REPLY_TABLE = reply_table(
    {"unsure": _UNSURE_REPLIES, "no": _NO_REPLIES, "yes": _YES_REPLIES}
)


def _reply_words(text: str | None) -> str:
    cleaned = (text or "").lower().replace("\u2019", "'")
    for mark in ",.!?":
        cleaned = cleaned.replace(mark, " ")
    return " ".join(cleaned.split())


def is_hedged_reply(text: str | None) -> bool:
    """A reply that opens with a hedge ("maybe", "a bit", "I think so")."""
    words = _reply_words(text)
    return any(words == p or words.startswith(p + " ") for p in _HEDGED_YES)


def typed_reply(text: str | None) -> str | None:
    """``"yes"``, ``"no"`` or ``"unsure"`` for a typed reply that opens with one.

    Longest phrase first, so "not really" is a no and "not sure" unsure; the
    reply must start with the phrase and the phrase must end on a word break
    ("nothing like that" is a no, "nowhere" is not).
    """
    return match_reply(text, _REPLY_TABLE)


def match_reply(text: str | None, table: Sequence[tuple[str, str]]) -> str | None:
    """The meaning of the longest phrase of ``table`` the reply opens with.

    The phrase must end on a word break ("nothing like that" opens with
    "nothing", "nowhere" does not open with "no"). ``table`` comes from
    ``reply_table``; the STarT Back answers use it with their own phrases.
    """
    words = _reply_words(text)
    for phrase, meaning in table:
        if words == phrase or words.startswith(phrase + " "):
            return meaning
    return None
