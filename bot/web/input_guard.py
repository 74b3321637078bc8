"""What a chat channel accepts before Rasa sees anything (pure, no Rasa).

A message must be text, valid Unicode (no lone surrogates: they cannot be
stored or sent back) and at most ``max_chars`` long; a sender id must look like
an id (REST) or carry the server's signature (the widget's socket.io session).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
import secrets
from typing import Any, TypeGuard

SENDER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}$")
SESSION_ID = re.compile(r"^[0-9a-f]{32}$")
_NONCE_HEX = 16  # 64 random bits, then 64 bits of signature: 32 hex digits in all


class Refusal(enum.Enum):
    """Why a message is not passed to Rasa."""

    NOT_TEXT = "not_text"
    BAD_UNICODE = "bad_unicode"
    TOO_LONG = "too_long"
    TOO_FAST = "too_fast"

    @property
    def response(self) -> str:
        """The domain response the person gets."""
        if self is Refusal.TOO_LONG:
            return "utter_message_too_long"
        if self is Refusal.TOO_FAST:
            return "utter_message_too_fast"
        return "utter_message_unreadable"


def check_message(text: Any, max_chars: int) -> Refusal | None:
    """Why ``text`` cannot be passed on, or None when it can."""
    if not isinstance(text, str):
        return Refusal.NOT_TEXT
    if len(text) > max_chars:
        return Refusal.TOO_LONG
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return Refusal.BAD_UNICODE
    return None


def valid_sender_id(value: Any) -> TypeGuard[str]:
    """Whether ``value`` is a usable conversation id (REST channel)."""
    return isinstance(value, str) and bool(SENDER_ID.match(value))


def issue_session_id(secret: bytes) -> str:
    """A new widget session id: random, and signed so it cannot be made up."""
    nonce = secrets.token_hex(_NONCE_HEX // 2)
    return nonce + _signature(secret, nonce)


def valid_session_id(value: Any, secret: bytes) -> bool:
    """Whether ``value`` is a session id this server (with ``secret``) issued."""
    if not isinstance(value, str) or not SESSION_ID.match(value):
        return False
    nonce, signature = value[:_NONCE_HEX], value[_NONCE_HEX:]
    return hmac.compare_digest(signature, _signature(secret, nonce))


def origin_allowed(origin: str | None, allowed: tuple[str, ...]) -> bool:
    """A browser's ``Origin`` must be listed; a client without one (not a
    browser, so not a cross-site page) is let through."""
    if not origin:
        return True
    return origin.rstrip("/") in {o.rstrip("/") for o in allowed}


def _signature(secret: bytes, nonce: str) -> str:
    mac = hmac.new(secret, b"socketio-session:" + nonce.encode(), hashlib.sha256)
    return mac.hexdigest()[: 32 - _NONCE_HEX]
