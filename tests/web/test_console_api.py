"""The console's HTTP API refuses what it should, with a clear 4xx (or 502).

The web app runs alone here: Rasa is a port nobody listens on, so every request
that gets as far as calling Rasa answers 502 and changes nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bot.db import get_session_factory
from bot.handoff.models import HandoffCase
from tests.conversations.stack import free_port
from tests.web.conftest import CLINICIAN, CLINICIAN_PASSWORD, prepare_database
from tests.web.stack import spawn_web_app


class Console:
    def __init__(self, url: str, database_url: str) -> None:
        self.url = url
        self.database_url = database_url
        self.http = requests.Session()
        self.csrf = ""

    def sign_in(self, name: str = CLINICIAN, password: str = CLINICIAN_PASSWORD):
        form = self.http.get(f"{self.url}/console/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        response = self.http.post(
            f"{self.url}/console/login",
            data={"csrf_token": token, "name": name, "password": password},
        )
        page = self.http.get(f"{self.url}/console/queue")
        found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        self.csrf = found.group(1) if found else ""
        return response

    def post(self, path: str, **kwargs) -> requests.Response:
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.http.post(
            f"{self.url}{path}", headers=headers, timeout=20, **kwargs
        )


@pytest.fixture(scope="module")
def web_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
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
    with running_web_app(workdir, database_url) as url:
        yield url, database_url


@contextlib.contextmanager
def running_web_app(workdir: Path, database_url: str) -> Iterator[str]:
    """The web app alone on a free port, until the block ends; its URL."""
    port = free_port()
    env = {
        **os.environ,
        "BACKCHAT_DATABASE_URL": database_url,
        "BACKCHAT_WEB_PORT": str(port),
        "BACKCHAT_RASA_URL": f"http://127.0.0.1:{free_port()}",
        "BACKCHAT_RASA_TOKEN": "unused",
    }
    process = spawn_web_app(workdir, env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, (workdir / "web.log").read_text()
            try:
                if requests.get(f"{url}/widget.js", timeout=2).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def signed_in(web_app: tuple[str, str]) -> Console:
    console = Console(*web_app)
    assert console.sign_in().status_code == 200
    return console


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
    web_app: tuple[str, str], method: str, path: str
) -> None:
    response = requests.request(method, f"{web_app[0]}{path}", json={}, timeout=10)
    assert response.status_code == 401
    assert response.json() == {"error": "sign in first"}


@pytest.mark.parametrize("path", ["/console/queue", "/console/cases/1", "/console"])
def test_no_page_answers_without_a_session(web_app: tuple[str, str], path: str) -> None:
    response = requests.get(f"{web_app[0]}{path}", allow_redirects=False, timeout=10)
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/console")
    followed = requests.get(f"{web_app[0]}{path}", timeout=10)
    assert followed.url.endswith("/console/login")
    assert "Triage summary" not in followed.text


def test_a_forged_session_cookie_is_refused(web_app: tuple[str, str]) -> None:
    response = requests.get(
        f"{web_app[0]}/console/api/queue", cookies={"bc_console": "forged"}, timeout=10
    )
    assert response.status_code == 401


def test_sign_in_needs_the_form_token_and_the_password(web_app) -> None:
    console = Console(*web_app)
    forged = console.http.post(
        f"{console.url}/console/login",
        data={
            "csrf_token": "forged",
            "name": CLINICIAN,
            "password": CLINICIAN_PASSWORD,
        },
    )
    assert forged.status_code == 403
    assert console.sign_in(password="not the password").status_code == 401
    assert console.http.get(f"{console.url}/console/api/queue").status_code == 401


def test_sign_in_is_throttled(web_app: tuple[str, str]) -> None:
    console = Console(*web_app)
    codes = [console.sign_in("mallory", "guess number x").status_code for _ in range(6)]
    assert codes == [401] * 5 + [429]


def test_changes_need_the_csrf_token(signed_in: Console) -> None:
    response = signed_in.post(
        "/console/api/cases/1/claim", json={}, headers={"X-CSRF-Token": "forged"}
    )
    assert response.status_code == 403
    form = signed_in.http.post(f"{signed_in.url}/console/cases/1/claim", data={})
    assert form.status_code == 403


def test_the_queue_and_the_case_are_readable_when_signed_in(signed_in: Console) -> None:
    queue = signed_in.http.get(f"{signed_in.url}/console/api/queue").json()
    assert [case["urgency"] for case in queue["cases"]] == ["urgent"]
    case = signed_in.http.get(f"{signed_in.url}/console/api/cases/1").json()
    assert case["transcript"] == []
    assert "could not be reached" in case["transcript_error"]
    page = signed_in.http.get(f"{signed_in.url}/console/cases/1")
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


def test_a_huge_body_is_refused(signed_in: Console) -> None:
    response = signed_in.post(
        "/console/api/cases/1/reply", json={"text": "x" * 200_000}
    )
    assert response.status_code == 413


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
    queue = signed_in.http.get(f"{signed_in.url}/console/api/queue").json()
    assert queue["cases"][0]["held_by"] is None


def test_a_sign_in_survives_a_restart_of_the_web_app(
    signed_in: Console, tmp_path: Path
) -> None:
    with running_web_app(tmp_path, signed_in.database_url) as restarted:
        # Same cookie jar (cookies are per host, not per port), a new process.
        page = signed_in.http.get(f"{restarted}/console/queue", allow_redirects=False)
        assert page.status_code == 200 and "Sign in" not in page.text
        api = signed_in.http.get(f"{restarted}/console/api/queue")
        assert api.status_code == 200 and "cases" in api.json()
