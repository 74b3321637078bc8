"""What the chat channels accept, and how sessions and settings are locked down."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, check_can_serve, load_settings
from bot.web.input_guard import (
    Refusal,
    check_message,
    issue_session_id,
    origin_allowed,
    valid_sender_id,
    valid_session_id,
)

SECRET = b"test secret"


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("my back hurts", None),
        ("", None),
        ("x" * 2000, None),
        ("x" * 2001, Refusal.TOO_LONG),
        ("back " * 200_000, Refusal.TOO_LONG),
        ("\ud800 lone surrogate", Refusal.BAD_UNICODE),
        ("😭 emoji, עברית, 中文, \U0010fffd", None),
        (None, Refusal.NOT_TEXT),
        (12, Refusal.NOT_TEXT),
        (["hi"], Refusal.NOT_TEXT),
        ({"text": "hi"}, Refusal.NOT_TEXT),
    ],
)
def test_messages_are_checked_before_rasa(
    text: object, refusal: Refusal | None
) -> None:
    assert check_message(text, 2000) is refusal


def test_refusals_name_their_responses() -> None:
    assert Refusal.TOO_LONG.response == "utter_message_too_long"
    assert Refusal.BAD_UNICODE.response == "utter_message_unreadable"
    assert Refusal.NOT_TEXT.response == "utter_message_unreadable"


@pytest.mark.parametrize(
    ("sender", "ok"),
    [
        ("test-0123abcd", True),
        ("0123456789abcdef0123456789abcdef", True),
        ("user@example.org", True),
        ("", False),
        (" ", False),
        (None, False),
        (12, False),
        ("../etc/passwd", False),
        ("a" * 101, False),
        ("<script>", False),
        ("-leading-dash", False),
    ],
)
def test_sender_ids_must_look_like_ids(sender: object, ok: bool) -> None:
    assert valid_sender_id(sender) is ok


def test_session_ids_are_issued_and_signed_by_the_server() -> None:
    issued = issue_session_id(SECRET)
    assert len(issued) == 32 and valid_session_id(issued, SECRET)
    assert issue_session_id(SECRET) != issued
    assert not valid_session_id(issued, b"another server")
    guessed = "0123456789abcdef0123456789abcdef"
    assert not valid_session_id(guessed, SECRET)
    tampered = issued[:16] + ("0" if issued[16] != "0" else "1") + issued[17:]
    assert not valid_session_id(tampered, SECRET)


@pytest.mark.parametrize(
    ("origin", "ok"),
    [
        ("https://clinic.example", True),
        ("https://clinic.example/", True),
        ("https://evil.example", False),
        ("null", False),
        (None, True),  # not a browser
    ],
)
def test_only_listed_origins_may_open_the_widget(origin: str | None, ok: bool) -> None:
    assert origin_allowed(origin, ("https://clinic.example",)) is ok


def test_production_refuses_to_start_without_secrets() -> None:
    settings = load_settings({"BACKCHAT_PROFILE": "production"})
    with pytest.raises(SettingsError, match="BACKCHAT_RASA_TOKEN"):
        check_can_serve(settings)
    complete = load_settings(
        {
            "BACKCHAT_PROFILE": "production",
            "BACKCHAT_RASA_TOKEN": "t",
            "BACKCHAT_ACTION_TOKEN": "a",
            "BACKCHAT_SESSION_SECRET": "s",
            "BACKCHAT_ALLOWED_ORIGINS": "https://clinic.example",
        }
    )
    check_can_serve(complete)
    assert complete.rest_requires_token
    assert not load_settings({}).rest_requires_token


def test_production_cookies_are_secure() -> None:
    from bot.web.config import load_web_settings

    assert load_web_settings({"BACKCHAT_PROFILE": "production"}).secure_cookies
    assert not load_web_settings({}).secure_cookies


def test_secrets_can_come_from_files(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("from-a-file\n")
    settings = load_settings({"BACKCHAT_RASA_TOKEN_FILE": str(token)})
    assert settings.rasa_token == "from-a-file"
    with pytest.raises(SettingsError, match="cannot be read"):
        load_settings({"BACKCHAT_ACTION_TOKEN_FILE": str(tmp_path / "missing")})


def test_rasa_gets_its_token_inside_the_process_and_binds_loopback() -> None:
    from bot.rasa.run import rasa_arguments

    settings = load_settings({"BACKCHAT_RASA_TOKEN": "sekrit"})
    args = rasa_arguments(["--enable-api"], settings, {})
    assert args == [
        "run",
        "--enable-api",
        "--interface",
        "127.0.0.1",
        "--auth-token",
        "sekrit",
    ]
    with pytest.raises(SettingsError, match="not on the command line"):
        rasa_arguments(["--auth-token", "x"], settings, {})
    public = rasa_arguments([], settings, {"BACKCHAT_RASA_HOST": "0.0.0.0"})
    assert public[public.index("--interface") + 1] == "0.0.0.0"


def test_the_action_server_checks_the_shared_secret() -> None:
    from bot.rasa.action_server import authorised

    assert authorised("Bearer s3cret", "s3cret")
    assert authorised("bearer s3cret", "s3cret")
    assert not authorised("Bearer wrong", "s3cret")
    assert not authorised(None, "s3cret")
    assert not authorised("s3cret", "s3cret")


def test_the_console_error_never_shows_the_token() -> None:
    import asyncio

    from bot.web.rasa_client import RasaClient, RasaError

    client = RasaClient("http://127.0.0.1:1", "very-secret-token")

    async def call() -> str:
        try:
            await client.tracker("someone")
        except RasaError as error:
            return str(error)
        finally:
            await client.close()
        return ""

    message = asyncio.run(call())
    assert message and "very-secret-token" not in message
