"""The console's pure parts: passwords, sessions, CSRF, queue, transcript, escaping."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import jinja2
import pytest

from bot.handoff import accounts, console
from bot.handoff.accounts import AccountError, Clinician
from bot.handoff.console import QueueEntry
from bot.web import wording
from bot.web.security import LoginThrottle, tokens_match
from bot.web.transcript import (
    BOT,
    CLINICIAN,
    CLINICIAN_METADATA_KEY,
    PERSON,
    SYSTEM,
    build_transcript,
    is_paused,
    split_quote,
)
from tests.web.stack import CHANNEL, web_credentials

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- passwords --------------------------------------------------------------------


def test_a_password_hash_verifies_and_is_salted() -> None:
    first = accounts.hash_password("a long password")
    second = accounts.hash_password("a long password")
    assert first != second
    assert first.startswith("scrypt$16384$8$1$")
    assert accounts.verify_password("a long password", first)
    assert not accounts.verify_password("a long passworD", first)


@pytest.mark.parametrize(
    "stored",
    ["", "plain", "md5$x$y", "scrypt$16384$8$1$!!!$???", "scrypt$a$b$c$d$e"],
)
def test_a_malformed_stored_hash_never_verifies(stored: str) -> None:
    assert accounts.verify_password("anything at all", stored) is False


def test_an_overlong_password_is_refused_without_hashing() -> None:
    stored = accounts.hash_password("a long password")
    assert not accounts.verify_password("x" * 5000, stored)


@pytest.mark.parametrize(
    ("name", "password", "problem"),
    [
        ("A", "a long password", "name"),
        ("Alice", "a long password", "name"),
        ("al ice", "a long password", "name"),
        ("alice", "short", "at least"),
        ("alice", "x" * 1025, "at most"),
        ("alice", " padded password ", "spaces"),
    ],
)
def test_bad_new_accounts_are_refused(name: str, password: str, problem: str) -> None:
    with pytest.raises(AccountError, match=problem):
        accounts.check_new_account(name, password)


def test_accounts_authenticate_only_with_the_right_password(db_session) -> None:
    account = accounts.create_account(db_session, "bob", "bobs long password")
    assert accounts.authenticate(db_session, "bob", "bobs long password") == Clinician(
        id=account.id, name="bob"
    )
    assert accounts.authenticate(db_session, "bob", "wrong password!") is None
    assert accounts.authenticate(db_session, "nobody", "bobs long password") is None
    with pytest.raises(AccountError, match="already exists"):
        accounts.create_account(db_session, "bob", "another long one")


# --- sessions, CSRF, throttling ---------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "submitted", "ok"),
    [
        ("abc", "abc", True),
        ("abc", "abd", False),
        ("abc", None, False),
        ("", "", False),
        (None, None, False),
        ("abc", "", False),
    ],
)
def test_csrf_tokens_match_only_when_equal_and_present(
    expected: str | None, submitted: str | None, ok: bool
) -> None:
    assert tokens_match(expected, submitted) is ok


def test_sign_in_is_throttled_after_repeated_failures() -> None:
    clock = Clock()
    throttle = LoginThrottle(max_failures=3, window_seconds=100, clock=clock)
    for _ in range(3):
        assert throttle.allowed("alice")
        throttle.failed("alice")
    assert not throttle.allowed("alice")
    assert throttle.allowed("bob")
    clock.now += 101
    assert throttle.allowed("alice")


# --- the queue --------------------------------------------------------------------


def _entry(case_id: int, urgency: str, minutes: int) -> QueueEntry:
    return QueueEntry(
        case_id, urgency, "red_flag", T0 + timedelta(minutes=minutes), "open", None
    )


def test_the_queue_is_ordered_by_urgency_then_time_waiting() -> None:
    entries = [
        _entry(1, "soon", 0),
        _entry(2, "emergency", 30),
        _entry(3, "urgent", 5),
        _entry(4, "emergency", 10),
        _entry(5, "unknown", -100),
        _entry(6, "self_care", 0),
    ]
    assert [e.case_id for e in console.order_queue(entries)] == [4, 2, 3, 1, 6, 5]


def test_naive_and_aware_times_sort_together() -> None:
    naive = QueueEntry(1, "urgent", "r", datetime(2026, 1, 1, 8), "open", None)
    aware = _entry(2, "urgent", 0)
    assert [e.case_id for e in console.order_queue([aware, naive])] == [1, 2]


def _case(session, sender: str, urgency: str, minutes: int):
    from bot.handoff.models import HandoffCase

    case = HandoffCase(
        sender_id=sender,
        urgency=urgency,
        reason="red_flag",
        fired_rule_ids=[],
        ruleset_version="t",
        summary={},
        created_at=T0 + timedelta(minutes=minutes),
    )
    session.add(case)
    session.flush()
    return case


def test_claim_and_resolve_a_case(db_session) -> None:
    alice = accounts.create_account(db_session, "alice", "alices long password")
    bob = accounts.create_account(db_session, "bob", "bobs long password")
    late = _case(db_session, "s1", "urgent", 10)
    first = _case(db_session, "s2", "emergency", 20)
    assert [e.case_id for e in console.list_queue(db_session)] == [first.id, late.id]

    console.claim_case(db_session, first.id, alice.id)
    console.claim_case(db_session, first.id, alice.id)  # again: no-op
    assert console.holder_of(db_session, first.id) == "alice"
    assert console.list_queue(db_session)[0].held_by == "alice"
    with pytest.raises(console.CaseHeldByOtherError):
        console.claim_case(db_session, first.id, bob.id)
    with pytest.raises(console.CaseNotHeldError):
        console.resolve_case(db_session, first.id, bob.id)
    with pytest.raises(console.CaseNotHeldError):
        console.require_holder(db_session, late.id, alice.id)

    console.resolve_case(db_session, first.id, alice.id)
    assert [e.case_id for e in console.list_queue(db_session)] == [late.id]
    assert len(console.list_queue(db_session, include_resolved=True)) == 2
    with pytest.raises(console.CaseClosedError):
        console.claim_case(db_session, first.id, alice.id)
    with pytest.raises(console.CaseNotFoundError):
        console.get_case(db_session, 999)


# --- transcript -------------------------------------------------------------------


def test_the_transcript_shows_button_titles_and_tells_clinicians_apart() -> None:
    buttons = [{"title": "None of these", "payload": "/deny"}]
    events = [
        {"event": "session_started", "timestamp": 1.0},
        {"event": "bot", "text": "Any of these?", "data": {"buttons": buttons}},
        {"event": "user", "text": "/deny", "timestamp": 2.0},
        {"event": "action", "name": "action_listen"},
        {"event": "bot", "text": "Hi", "metadata": {CLINICIAN_METADATA_KEY: "alice"}},
        {"event": "pause"},
        {"event": "user", "text": "<b>help</b>"},
    ]
    turns = build_transcript(events)
    assert [(t.speaker, t.text, t.button) for t in turns] == [
        (SYSTEM, "New session started.", False),
        (BOT, "Any of these?", False),
        (PERSON, "None of these", True),
        (CLINICIAN, "Hi", False),
        (SYSTEM, "Bot paused: a clinician holds the conversation.", False),
        (PERSON, "<b>help</b>", False),
    ]
    assert turns[3].clinician == "alice"
    assert turns[0].at == datetime.fromtimestamp(1.0, tz=timezone.utc)
    assert is_paused(events)
    assert not is_paused([*events, {"event": "resume"}])


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("has_saddle_numbness: numb bum", ("saddle numbness", "numb bum")),
        ("is_after_injury: I fell", ("after injury", "I fell")),
        ("just words: with a colon", ("", "just words: with a colon")),
        ("no colon", ("", "no colon")),
    ],
)
def test_quotes_are_split_into_flag_and_words(quote: str, expected: tuple) -> None:
    assert split_quote(quote) == expected


def test_wording_marks_a_clinician_reply_and_keeps_a_safety_net() -> None:
    assert wording.reply("alice", "hi") == "Clinician alice: hi"
    assert "call 999" in wording.joined("alice")


# --- escaping ---------------------------------------------------------------------


def test_the_case_page_escapes_everything_the_person_typed() -> None:
    from bot.web.rendering import TEMPLATES
    from bot.web.rendering import templates as _templates
    from bot.web.transcript import Turn

    env = _templates(jinja2.FileSystemLoader(str(TEMPLATES)))
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'

    class Case:
        id, urgency, reason, status = 7, "emergency", "red_flag", "open"
        created_at, fired_rule_ids, ruleset_version = T0, ["RF-1"], "v"

    html = env.get_template("case.html").render(
        case=Case,
        held_by=None,
        answers=[("pain_location", attack)],
        missing=[],
        quotes=[("fever", attack)],
        transcript=[Turn(PERSON, attack, T0)],
        transcript_error=None,
        paused=False,
        error=None,
        clinician=Clinician(1, "alice"),
        csrf_token="t",
        max_reply=10,
    )
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


# --- the widget's Rasa channel and credentials ------------------------------------


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("0123456789abcdef0123456789abcdef", False),  # well-formed, not signed
        ("alice", False),
        (None, False),
        (12, False),
        ("0123456789abcdef0123456789abcdef0", False),
    ],
)
def test_only_server_made_session_ids_are_accepted(value: object, ok: bool) -> None:
    from bot.rasa.channel import valid_session_id
    from bot.web.input_guard import issue_session_id

    secret = b"k"
    assert valid_session_id(value, secret) is ok
    issued = issue_session_id(secret)
    assert valid_session_id(issued, secret)
    assert not valid_session_id(issued.upper(), secret)


def test_test_credentials_swap_in_the_fixed_channel(tmp_path: Path) -> None:
    import yaml

    from tests.conversations.stack import ROOT

    written = yaml.safe_load(
        web_credentials(ROOT / "credentials.yml", tmp_path / "c.yml").read_text()
    )
    assert "socketio" not in written
    assert written[CHANNEL]["session_persistence"] is True


# --- the accounts command ---------------------------------------------------------


def test_the_accounts_command_creates_an_account_without_a_default_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import io

    from bot.web.accounts import EXIT_BAD_INPUT, EXIT_OK, main
    from tests.web.conftest import prepare_database

    url = prepare_database(tmp_path)
    monkeypatch.setenv("BACKCHAT_DATABASE_URL", url)
    monkeypatch.setattr("sys.stdin", io.StringIO("carols long password\n"))
    assert main(["create", "carol", "--password-stdin"]) == EXIT_OK
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["create", "dave", "--password-stdin"]) == EXIT_BAD_INPUT
    assert "at least 10" in capsys.readouterr().err
    assert main(["list"]) == EXIT_OK
    assert capsys.readouterr().out.split() == ["alice", "carol"]


def test_sign_in_backs_off_instead_of_locking_the_real_user_out() -> None:
    clock = Clock()
    throttle = LoginThrottle(max_failures=3, client_failures=5, clock=clock)
    for _ in range(3):
        assert throttle.allowed("alice", "10.0.0.66")
        throttle.failed("alice", "10.0.0.66")
    # The guesser waits 1 s, then 2, 4...; alice on her own machine does not.
    assert throttle.retry_after("alice", "10.0.0.66") == 1.0
    assert throttle.allowed("alice", "10.0.0.7")
    clock.now += 1
    assert throttle.allowed("alice", "10.0.0.66")
    throttle.failed("alice", "10.0.0.66")
    assert throttle.retry_after("alice", "10.0.0.66") == 2.0


def test_password_spraying_across_names_is_slowed() -> None:
    clock = Clock()
    throttle = LoginThrottle(max_failures=3, client_failures=5, clock=clock)
    for n in range(5):
        throttle.failed(f"name{n}", "10.0.0.66")
    assert not throttle.allowed("someone-else", "10.0.0.66")
    assert throttle.allowed("someone-else", "10.0.0.7")
    clock.now += 15 * 60 + 1
    assert throttle.allowed("someone-else", "10.0.0.66")


def test_the_favicon_is_served(tmp_path: Path) -> None:
    from bot.web.app import create_app
    from bot.web.config import WebSettings

    app = create_app(WebSettings(), name="favicon_test")
    routes = {route.path for route in app.router.routes}
    assert {"favicon.ico", "favicon.svg"} <= routes
    assert (WebSettings().web_dir / "favicon.svg").read_text().startswith("<svg")
