"""What the person reads when a clinician joins, writes or leaves the chat.

These messages are sent by the console through Rasa's HTTP API, not by Rasa's
dialogue, so they are not ``domain.yml`` responses; keep their tone in line
with /work/shared/CONVERSATIONS.md style: brief, plain, safe.
"""

from __future__ import annotations

CLINICIAN_JOINED = (
    "A clinician, {name}, has joined this chat. You're talking to a person now, "
    "and BackChat will stay quiet until they're done.\n\n"
    "If things get worse while you wait, call 999 or go to A&E."
)
CLINICIAN_REPLY = "Clinician {name}: {text}"
CLINICIAN_LEFT = (
    "The clinician has finished and BackChat is back. You can ask for exercises, "
    "what to avoid, or to talk to a clinician again."
)


def joined(name: str) -> str:
    """The message that tells the person a clinician is with them."""
    return CLINICIAN_JOINED.format(name=name)


def reply(name: str, text: str) -> str:
    """A clinician's reply, marked as coming from a person, not the bot."""
    return CLINICIAN_REPLY.format(name=name, text=text)
