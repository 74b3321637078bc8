"""A turn that fails on our side is a technical problem, never bad input."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from rasa.shared.core.domain import Domain

from bot.rasa.channel import TURN_FAILED, turn_failed
from bot.web.input_guard import Refusal

ROOT = Path(__file__).resolve().parents[2]


def app_with_domain() -> SimpleNamespace:
    domain = Domain.load(str(ROOT / "domain.yml"))
    return SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(domain=domain)))


def test_the_person_is_told_to_try_again_with_the_emergency_line() -> None:
    app = app_with_domain()
    said = [{"recipient_id": "p", "text": "Got it: lower back."}]
    reply = turn_failed(app, "p", said)
    expected = app.ctx.agent.domain.responses[TURN_FAILED][0]["text"]
    assert reply == [*said, {"recipient_id": "p", "text": expected}]
    assert "technical problem" in expected and "try again" in expected
    assert "call 999" in expected
    unreadable = app.ctx.agent.domain.responses[Refusal.NOT_TEXT.response][0]
    assert reply[-1]["text"] != unreadable["text"]


def test_without_a_domain_the_fallback_still_says_so() -> None:
    (reply,) = turn_failed(None, "p", [])
    assert "technical problem" in reply["text"] and "999" in reply["text"]
