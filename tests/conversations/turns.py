"""What the bot did in a turn, read from Rasa's tracker: the exact response
names (domain.yml) and actions, in order, so a conversation test states the
whole reply rather than a phrase it contains."""

from __future__ import annotations

from typing import Any

from tests.conversations.stack import Stack


def last_turn(stack: Stack, who: str) -> list[dict[str, Any]]:
    """The tracker's events from the latest user message on."""
    events = stack.tracker(who)["events"]
    last_user = max(i for i, e in enumerate(events) if e["event"] == "user")
    return events[last_user:]


def responses_of_last_turn(stack: Stack, who: str) -> list[str]:
    """The responses the bot gave to the latest message, by name, in order.

    A bot message that is no domain response (none should be) shows as its text.
    """
    return [
        (event.get("metadata") or {}).get("utter_action") or f"text: {event['text']}"
        for event in last_turn(stack, who)
        if event["event"] == "bot"
    ]


def said(stack: Stack, who: str, message: str) -> list[str]:
    """Send ``message``; the names of the responses the bot answered with."""
    stack.say(who, message)
    return responses_of_last_turn(stack, who)


def actions_of_last_turn(stack: Stack, who: str) -> list[str]:
    """The actions Rasa ran after the latest user message, in order."""
    return [e["name"] for e in last_turn(stack, who) if e["event"] == "action"]


def exchange(stack: Stack, who: str, script: list[tuple[str, list[str]]]) -> str:
    """Send each message; the bot must answer with exactly these responses.

    Returns:
        The text of the last reply, for checks of the words filled in.
    """
    text = ""
    for message, expected in script:
        text = stack.text(who, message)
        names = responses_of_last_turn(stack, who)
        assert names == expected, f"after {message!r}: {names}, not {expected}\n{text}"
    return text
