"""The console's HTTP API refuses what it should, with a clear 4xx (or 502).

The web app runs in this process (``tests.web.client``): Rasa is a port nobody
listens on, so every request that gets as far as calling Rasa answers 502 and
changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from bot.db import get_session_factory
from bot.handoff.models import HandoffCase
from tests.web.client import LIFESPAN_LISTENERS_ARE_MEANT, WebApp
from tests.web.conftest import CLINICIAN, CLINICIAN_PASSWORD, prepare_database

pytestmark = LIFESPAN_LISTENERS_ARE_MEANT

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


class Console:
    """A clinician's browser on the console: its own cookies and CSRF token."""

    def __init__(self, web: WebApp) -> None:
        self.web = web
        self.database_url = web.database_url
        self.http = web.client()
        self.csrf = ""

    def get(self, path: str, **options: Any) -> httpx2.Response:
        return self.web.get(path, http=self.http, **options)

    def sign_in(
        self, name: str = CLINICIAN, password: str = CLINICIAN_PASSWORD
    ) -> httpx2.Response:
        form = self.get("/console/login")
        token = CSRF_INPUT.search(form.text).group(1)  # type: ignore[union-attr]
        response = self.web.post(
            "/console/login",
            http=self.http,
            data={"csrf_token": token, "name": name, "password": password},
        )
        found = CSRF_INPUT.search(self.get("/console/queue").text)
        self.csrf = found.group(1) if found else ""
        return response

    def post(self, path: str, **options: Any) -> httpx2.Response:
        headers = {"X-CSRF-Token": self.csrf, **options.pop("headers", {})}
        return self.web.post(path, http=self.http, headers=headers, **options)


@pytest.fixture(scope="module")
def web_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebApp]:
    workdir: Path = tmp_path_factory.mktemp("web-api")
    database_url = prepare_database(workdir)
    with get_session_factory(database_url).begin() as session:
        session.add(
            HandoffCase(
                sender_id="0123456789abcdef0123456789abcdef",
                urgency="urgent",
                reason="red_flag",
                fired_rule_ids=["RF-X"],
                ruleset_version="t",
                summary={"quotes": ["has_fever: <script>hot</script>"]},
            )
        )
    web = WebApp(database_url)
    try:
        yield web
    finally:
        web.close()


@pytest.fixture
def signed_in(web_app: WebApp) -> Iterator[Console]:
    console = Console(web_app)
    assert console.sign_in().status_code == 200
    yield console
    web_app.run(console.http.aclose())


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/console/api/queue"),
        ("GET", "/console/api/cases/1"),
        ("POST", "/console/api/cases/1/claim"),
        ("POST", "/console/api/cases/1/reply"),
        ("POST", "/console/api/cases/1/resolve"),
    ],
)
def test_no_api_answers_without_a_session(
    web_app: WebApp, method: str, path: str
) -> None:
    response = web_app.request(method, path, json={}, http=web_app.client())
    assert response.status_code == 401
    assert response.json() == {"error": "sign in first"}


@pytest.mark.parametrize("path", ["/console/queue", "/console/cases/1", "/console"])
def test_no_page_answers_without_a_session(web_app: WebApp, path: str) -> None:
    browser = web_app.client()
    response = web_app.get(path, follow=False, http=browser)
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/console")
    followed = web_app.get(path, http=browser)
    assert followed.url.path == "/console/login"
    assert "Triage summary" not in followed.text


def test_a_forged_session_cookie_is_refused(web_app: WebApp) -> None:
    browser = web_app.client()
    browser.cookies.set("bc_console", "forged")
    assert web_app.get("/console/api/queue", http=browser).status_code == 401


def test_sign_in_needs_the_form_token_and_the_password(web_app: WebApp) -> None:
    console = Console(web_app)
    forged = web_app.post(
        "/console/login",
        http=console.http,
        data={
            "csrf_token": "forged",
            "name": CLINICIAN,
            "password": CLINICIAN_PASSWORD,
        },
    )
    assert forged.status_code == 403
    assert console.sign_in(password="not the password").status_code == 401
    assert console.get("/console/api/queue").status_code == 401


def test_sign_in_is_throttled(web_app: WebApp) -> None:
    console = Console(web_app)
    codes = [console.sign_in("mallory", "guess number x").status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]


def test_changes_need_the_csrf_token(signed_in: Console) -> None:
    response = signed_in.post(
        "/console/api/cases/1/claim", json={}, headers={"X-CSRF-Token": "forged"}
    )
    assert response.status_code == 403
    form = signed_in.web.post("/console/cases/1/claim", http=signed_in.http, data={})
    assert form.status_code == 403


def test_the_queue_and_the_case_are_readable_when_signed_in(signed_in: Console) -> None:
    queue = signed_in.get("/console/api/queue").json()
    assert [case["urgency"] for case in queue["cases"]] == ["urgent"]
    case = signed_in.get("/console/api/cases/1").json()
    assert case["transcript"] == []
    assert "could not be reached" in case["transcript_error"]
    page = signed_in.get("/console/cases/1")
    assert "&lt;script&gt;hot&lt;/script&gt;" in page.text
    assert "<script>hot" not in page.text
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"{not json", "application/json", 400, "not valid JSON"),
        (b"[1, 2]", "application/json", 400, "JSON object"),
        (b"text=hi", "application/x-www-form-urlencoded", 400, "not valid JSON"),
        (b'{"text": ""}', "application/json", 422, "write a reply"),
        (b'{"text": 12}', "application/json", 422, "write a reply"),
        (b'{"text": "' + b"x" * 2001 + b'"}', "application/json", 422, "at most"),
    ],
)
def test_bad_replies_get_a_clear_4xx(
    signed_in: Console, body: bytes, content_type: str, status: int, message: str
) -> None:
    response = signed_in.post(
        "/console/api/cases/1/reply", data=body, headers={"Content-Type": content_type}
    )
    assert response.status_code == status
    assert message in response.json()["error"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/console/api/cases/999/claim", 404),
        ("/console/api/cases/0/claim", 404),
        ("/console/api/cases/99999999999999999999/claim", 404),
        ("/console/api/cases/abc/claim", 404),
        ("/console/api/cases/1/explode", 404),
        ("/console/api/cases/1/reply", 409),  # not claimed yet
        ("/console/api/cases/1/resolve", 409),
    ],
)
def test_unknown_cases_and_actions_get_a_4xx(
    signed_in: Console, path: str, status: int
) -> None:
    response = signed_in.post(path, json={"text": "hello"})
    assert response.status_code == status


def test_a_claim_that_cannot_reach_rasa_is_undone(signed_in: Console) -> None:
    response = signed_in.post("/console/api/cases/1/claim", json={})
    assert response.status_code == 502
    assert "could not be reached" in response.json()["error"]
    queue = signed_in.get("/console/api/queue").json()
    assert queue["cases"][0]["held_by"] is None


def test_a_sign_in_survives_a_restart_of_the_web_app(signed_in: Console) -> None:
    restarted = WebApp(signed_in.database_url)  # a new app: nothing in memory
    try:
        browser = restarted.client()
        browser.cookies = signed_in.http.cookies  # the same browser's cookie jar
        page = restarted.get("/console/queue", follow=False, http=browser)
        assert page.status_code == 200 and "Sign in" not in page.text
        api = restarted.get("/console/api/queue", http=browser)
        assert api.status_code == 200 and "cases" in api.json()
    finally:
        restarted.close()
