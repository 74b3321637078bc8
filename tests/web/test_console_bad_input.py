"""The bad-input corpus against the clinician console: never a 5xx, a clear
error, and whatever a person wrote is shown escaped."""

from __future__ import annotations

import pytest

from bot.db import get_session_factory
from bot.handoff.models import HandoffCase
from tests import figures
from tests.security.corpus import BODIES, TEXTS
from tests.web.client import LIFESPAN_LISTENERS_ARE_MEANT, WebApp
from tests.web.test_console_api import Console, signed_in, web_app

__all__ = ["signed_in", "web_app"]  # fixtures used here

pytestmark = LIFESPAN_LISTENERS_ARE_MEANT

SHOWN = {k: v for k, v in TEXTS.items() if len(v) < 60_000}


@pytest.mark.parametrize("text", list(TEXTS.values()), ids=list(TEXTS))
def test_a_reply_of_any_text_gets_a_clear_answer(signed_in: Console, text: str) -> None:
    response = signed_in.post("/console/api/cases/1/reply", json={"text": text})
    figures.bad_input("console", response.status_code)
    assert response.status_code in (409, 413, 422)  # not claimed, too big, empty
    if response.status_code != 413:
        assert response.json()["error"]


@pytest.mark.parametrize(("body", "content_type"), BODIES.values(), ids=list(BODIES))
@pytest.mark.parametrize(
    "path", ["/console/api/cases/1/reply", "/console/cases/1/reply"]
)
def test_every_bad_body_gets_a_4xx(
    signed_in: Console, path: str, body: bytes, content_type: str
) -> None:
    response = signed_in.post(path, data=body, headers={"Content-Type": content_type})
    figures.bad_input("console", response.status_code)
    assert 400 <= response.status_code < 500
    assert "Traceback" not in response.text


def test_what_a_person_wrote_is_shown_escaped(signed_in: Console) -> None:
    with get_session_factory(signed_in.database_url).begin() as session:
        case = HandoffCase(
            sender_id="fedcba9876543210fedcba9876543210",
            urgency="emergency",
            reason="red_flag",
            fired_rule_ids=["RF-X"],
            ruleset_version="t",
            summary={
                "answers": {"pain_location": TEXTS["html"]},
                "quotes": [f"{k}: {v}" for k, v in SHOWN.items()],
            },
        )
        session.add(case)
        session.flush()
        case_id = case.id
    for path in (f"/console/cases/{case_id}", f"/console/api/cases/{case_id}"):
        response = signed_in.get(path)
        figures.bad_input("console", response.status_code)
        assert response.status_code == 200
    page = signed_in.get(f"/console/cases/{case_id}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page


@pytest.mark.parametrize("text", list(TEXTS.values()), ids=list(TEXTS))
def test_sign_in_with_any_text_is_refused_clearly(web_app: WebApp, text: str) -> None:
    # Last in this module: the failures slow this client's later sign-ins.
    console = Console(web_app)
    for name, password in ((text, "a long test password"), ("alice", text)):
        response = console.sign_in(name, password)
        figures.bad_input("console", response.status_code)
        assert response.status_code in (400, 401, 413, 429)
        assert "Traceback" not in response.text
