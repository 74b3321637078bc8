"""A conversation's transcript for a clinician, built from Rasa tracker events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

PERSON = "person"
BOT = "bot"
CLINICIAN = "clinician"
SYSTEM = "system"

# Set on the bot events the console adds, so the transcript can tell them apart.
CLINICIAN_METADATA_KEY = "backchat_clinician"

_SYSTEM_EVENTS = {
    "pause": "Bot paused: a clinician holds the conversation.",
    "resume": "Bot resumed.",
    "session_started": "New session started.",
    "restart": "Conversation restarted.",
}


@dataclass(frozen=True)
class Turn:
    """One line of the transcript, as shown to the clinician (not yet escaped)."""

    speaker: str
    text: str
    at: datetime | None
    button: bool = False
    clinician: str | None = None


def build_transcript(events: Iterable[Mapping[str, Any]]) -> list[Turn]:
    """Turn tracker events into the lines a clinician reads.

    A tapped button is shown by its title (what the person saw), not its
    payload; clinician replies are told apart from the bot's by their metadata.
    """
    turns: list[Turn] = []
    last_buttons: list[Mapping[str, Any]] = []
    for event in events:
        kind = event.get("event")
        at = _time(event.get("timestamp"))
        if kind == "user":
            text = str(event.get("text") or "")
            title = _button_title(text, last_buttons)
            turns.append(Turn(PERSON, title or text, at, button=title is not None))
        elif kind == "bot":
            data = event.get("data") or {}
            last_buttons = list(data.get("buttons") or [])
            clinician = (event.get("metadata") or {}).get(CLINICIAN_METADATA_KEY)
            speaker = CLINICIAN if clinician else BOT
            text = str(event.get("text") or "")
            turns.append(Turn(speaker, text, at, clinician=clinician or None))
        elif kind in _SYSTEM_EVENTS:
            turns.append(Turn(SYSTEM, _SYSTEM_EVENTS[kind], at))
    return turns


def is_paused(events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the last pause/resume event in ``events`` is a pause."""
    paused = False
    for event in events:
        if event.get("event") == "pause":
            paused = True
        elif event.get("event") in {"resume", "restart"}:
            paused = False
    return paused


def _button_title(text: str, buttons: list[Mapping[str, Any]]) -> str | None:
    if not text.startswith("/"):
        return None
    for button in buttons:
        if button.get("payload") == text:
            return str(button.get("title") or text)
    return None


def _time(timestamp: Any) -> datetime | None:
    if not isinstance(timestamp, (int, float)):
        return None
    return datetime.fromtimestamp(timestamp, tz=timezone.utc)


def split_quote(quote: str) -> tuple[str, str]:
    """``"has_fever: I feel hot"`` -> ``("fever", "I feel hot")``; else ``("", quote)``.

    Hand-off cases store each red flag's quote prefixed with its slot name.
    """
    flag, sep, words = quote.partition(": ")
    if sep and flag.replace("_", "").isalnum() and flag.startswith(("has_", "is_")):
        return flag.removeprefix("has_").removeprefix("is_").replace("_", " "), words
    return "", quote
