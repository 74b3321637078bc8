"""What only the real server does: the web app as ``make run`` starts it.

Everything else about the web app is tested in this process
(``tests.web.client``); Sanic's request-size limit is enforced by its HTTP
server, before the app sees a request, so it is checked against a real one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bot.stack import free_port
from tests.polling import wait_for
from tests.web.conftest import prepare_database
from tests.web.stack import spawn_web_app


@pytest.fixture(scope="module")
def web_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``python -m bot.web.app`` on a free port, Rasa unreachable; its URL."""
    workdir: Path = tmp_path_factory.mktemp("web-server")
    port = free_port()
    env = {
        **os.environ,
        "BACKCHAT_DATABASE_URL": prepare_database(workdir),
        "BACKCHAT_WEB_PORT": str(port),
        "BACKCHAT_RASA_URL": f"http://127.0.0.1:{free_port()}",
        "BACKCHAT_RASA_TOKEN": "unused",
    }
    process = spawn_web_app(workdir, env)
    url = f"http://127.0.0.1:{port}"

    def serving() -> bool:
        assert process.poll() is None, (workdir / "web.log").read_text()
        try:
            return requests.get(f"{url}/widget.js", timeout=2).ok
        except requests.ConnectionError:
            return False

    try:
        assert wait_for(serving, 60), "the web app did not start in 60 s"
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize(
    "path", ["/console/api/cases/1/reply", "/console/login", "/console/cases/1/reply"]
)
def test_a_body_over_64_kb_is_refused_before_the_app(
    web_server: str, path: str
) -> None:
    response = requests.post(
        f"{web_server}{path}", json={"text": "x" * 200_000}, timeout=20
    )
    assert response.status_code == 413
    assert "Traceback" not in response.text
