"""Scripted conversations the load generator plays: BackChat's and the starter's.

Each turn is a message and a piece of text the reply must contain; a reply
without it counts as *unexpected* (the server answered, but not as scripted).
The BackChat scripts follow ``tests/conversations/test_triage_conversations.py``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    """One message and text its reply must contain (case-insensitive)."""

    message: str
    expect: str


@dataclass(frozen=True)
class Script:
    """A complete conversation."""

    name: str
    turns: tuple[Turn, ...]


def _script(name: str, *turns: tuple[str, str]) -> Script:
    return Script(name, tuple(Turn(message, expect) for message, expect in turns))


_START = (
    ("hi", "not a clinician"),
    ("my lower back hurts", "How long have you had"),
    ("about 3 weeks", "How did it start"),
    ('/inform{"onset":"gradual"}', "have you noticed any of these"),
)

BACKCHAT_SCRIPTS: tuple[Script, ...] = (
    _script(
        "benign",
        *_START,
        ("none of these", "How old are you"),
        ("35", "spread down a leg"),
        ("no", "after an injury"),
        ("nope", "Do any of these apply"),
        ("no, none of them", "Does any of this apply"),
        ("no never", "stiff in the morning"),
        ("no", "Good news"),
        ("bye", "Take care"),
    ),
    _script(
        "sciatica",
        *_START,
        ("none of these", "How old are you"),
        ("35", "spread down a leg"),
        ("yes it goes down below my knee and my foot feels numb", "getting weaker"),
        ("no", "after an injury"),
        ("no", "Do any of these apply"),
        ("no", "Does any of this apply"),
        ("no", "stiff in the morning"),
        ("no", "see a doctor within the next few days"),
    ),
    _script(
        "red_flag",
        ("my back hurts", "Where is the pain"),
        ("lower back", "How long have you had"),
        ("i wet myself this morning and didn't feel it", "call 999"),
    ),
    _script(
        "avoid",
        ("my back hurts", "Where is the pain"),
        ("what should i avoid?", "avoid"),
        ("lower back", "How long have you had"),
        ("about 2 weeks", "How did it start"),
        ("bye", "Take care"),
    ),
)

# The starter bot's stories: happy path, sad paths, bot challenge.
STARTER_SCRIPTS: tuple[Script, ...] = (
    _script(
        "happy",
        ("hello there", "How are you"),
        ("I am feeling great", "Great, carry on"),
        ("goodbye", "Bye"),
    ),
    _script(
        "sad_helped",
        ("hi", "How are you"),
        ("I am sad", "Did that help you"),
        ("yes", "Great, carry on"),
    ),
    _script(
        "sad_not_helped",
        ("hey", "How are you"),
        ("very unhappy", "Did that help you"),
        ("no", "Bye"),
    ),
    _script("challenge", ("are you a bot?", "I am a bot")),
)
