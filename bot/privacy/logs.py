"""Logs never hold what a person wrote: a log-record factory that redacts.

Installed once per process (``install()``), before logging is configured, so it
covers every logger and handler Rasa, Sanic or SQLAlchemy set up later. It
redacts, in the message and in any traceback:

* the values of fields that carry a person's words (``text``, ``message``,
  ``quotes``, ``summary``, ``red_flag_quotes``...), written as ``key=...``,
  ``"key": ...`` or ``'key': ...``;
* SQL parameters (``[parameters: ...]``), where a failed write's data shows;
* any quoted string with a space in it ("user message 'my back hurts'"); single
  words (action, slot and intent names) are kept, so logs stay useful.

A client's malformed socket.io packet (a 1 MB message, a 400-digit number)
makes engine.io log a traceback of its own parser: it is logged as one line
with the error's type instead, as every other bad input is.
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any

REDACTED = "<redacted>"
_FIELDS = r"(?:text|message|quotes|red_flag_quotes|summary|metadata|request_body)"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\[parameters: .*?\](?=\n|$)", re.S), f"[parameters: {REDACTED}]"),
    # Rasa: "... user message 'it's my back'." (quotes inside: up to the last one)
    (re.compile(r"(message '|message \")[^\n]*(['\"])"), rf"\g<1>{REDACTED}\g<2>"),
    (
        re.compile(
            rf"""(?P<key>["']?{_FIELDS}["']?\s*[:=]\s*)"""
            r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.|(?<=\w)'(?=\w))*'|\[[^\]]*\]|\{[^}]*\}|[^,\s)}]+)"""
        ),
        rf"\g<key>{REDACTED}",
    ),
)
# Quoted strings, paired left to right; those with a space are redacted.
# An apostrophe between letters ("can't") does not end a single-quoted string.
_QUOTED = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.|(?<=\w)'(?=\w))*'""")
_base_factory = logging.getLogRecordFactory()
_PACKET_LOGGERS = ("engineio", "socketio")


def redact(text: str) -> str:
    """``text`` with a person's words replaced by ``<redacted>``."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return _QUOTED.sub(_redact_quoted, text)


def _redact_quoted(match: re.Match[str]) -> str:
    quoted = match.group(0)
    if REDACTED in quoted or not re.search(r"\s", quoted):
        return quoted
    return f"{quoted[0]}{REDACTED}{quoted[0]}"


def _redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    try:
        record.msg = redact(record.getMessage())
        record.args = None
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and record.name.startswith(_PACKET_LOGGERS):
            record.msg = f"{record.msg} ({type(error).__name__})"
            record.exc_info, record.exc_text = None, None
        elif record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(
                "".join(traceback.format_exception(*record.exc_info))
            )
    except Exception:  # a log line must never break the caller
        record.msg, record.args = "<log message could not be redacted>", None
    return record


def install() -> None:
    """Redact every log record created in this process from now on (idempotent)."""
    if logging.getLogRecordFactory() is not _redacting_factory:
        logging.setLogRecordFactory(_redacting_factory)
