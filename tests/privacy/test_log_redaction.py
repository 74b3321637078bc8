"""Logs never hold what a person wrote."""

from __future__ import annotations

import logging

import pytest

from bot.privacy import logs
from bot.privacy.logs import REDACTED, redact

WORDS = "I can't feel my legs"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            f"An exception occured while handling user message '{WORDS}'.",
            "user message",
        ),
        (f'Received user message "{WORDS}" with intent', "with intent"),
        (f'{{"text": "{WORDS}", "intent": "report_pain"}}', "report_pain"),
        (f"{{'quotes': ['{WORDS}', 'numb'], 'id': 3}}", "'id': 3"),
        (f"rest.message.received.timeout text='{WORDS}'", "timeout"),
        (
            "(sqlite3.OperationalError) database is locked\n[SQL: INSERT INTO x]\n"
            f"[parameters: ('abc', '{{\"quotes\": [\"{WORDS}\"]}}')]\n(Background)",
            "database is locked",
        ),
    ],
)
def test_a_persons_words_are_redacted(line: str, kept: str) -> None:
    out = redact(line)
    assert "feel my legs" not in out
    assert REDACTED in out and kept in out


def test_names_and_ids_are_kept() -> None:
    line = "Failed to run custom action 'action_request_handoff' for 'test-123'"
    assert redact(line) == line


def test_the_factory_redacts_messages_and_tracebacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(logging, "_logRecordFactory", logging.getLogRecordFactory())
    logs.install()
    try:
        record = logging.getLogger("t").makeRecord(
            "t", logging.ERROR, __file__, 1, "user message '%s'", (WORDS,), None
        )
        assert record.getMessage() == f"user message '{REDACTED}'"
        try:
            raise ValueError(f"bad input 'oh {WORDS}'")
        except ValueError:
            import sys

            record = logging.getLogger("t").makeRecord(
                "t", logging.ERROR, __file__, 1, "failed", (), sys.exc_info()
            )
        text = logging.Formatter().format(record)
        assert "feel my legs" not in text and "ValueError" in text
    finally:
        logging.setLogRecordFactory(logs._base_factory)


def test_a_malformed_socket_io_packet_is_one_line_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setattr(logging, "_logRecordFactory", logging.getLogRecordFactory())
    logs.install()
    try:
        try:
            raise ValueError("Integer is too large")
        except ValueError:
            record = logging.getLogger("engineio.server").makeRecord(
                "engineio.server",
                logging.ERROR,
                __file__,
                1,
                "message async handler error",
                (),
                sys.exc_info(),
            )
        text = logging.Formatter().format(record)
        assert text == "message async handler error (ValueError)"
    finally:
        logging.setLogRecordFactory(logs._base_factory)
