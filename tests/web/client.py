"""The web app in this process, called through its ASGI interface: no server, no port.

Sanic's own test client (sanic-testing) is not installed; ``httpx2``'s ASGI
transport does the same job. ``WebApp`` gives the tests a synchronous,
requests-like surface (``get``, ``post``, a cookie jar that follows the app's
``Set-Cookie``) over a private event loop in its own thread, and runs the
app's start-up and shut-down listeners as a server would (the ASGI lifespan
protocol).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import threading
from collections.abc import Coroutine, Mapping
from typing import Any, TypeVar

import httpx2
import pytest
from sanic import Sanic

from bot.stack import free_port
from bot.web.app import create_app
from bot.web.config import load_web_settings

T = TypeVar("T")
BASE_URL = "http://127.0.0.1"
REQUEST_SECONDS = 60  # far beyond any request here; a hang fails, never blocks
# For the modules using WebApp (pytestmark): Sanic warns, at every call, that
# the server listeners run at the lifespan events; here that is the aim.
LIFESPAN_LISTENERS_ARE_MEANT = pytest.mark.filterwarnings(
    "ignore:You have set a listener:UserWarning"
)
_app_names = itertools.count(1)  # Sanic refuses two live apps of one name


class WebApp:
    """``bot.web.app`` on ``database_url``, Rasa a port nobody listens on."""

    def __init__(self, database_url: str, env: Mapping[str, str] | None = None) -> None:
        """Build the app and run its start-up listeners."""
        settings = load_web_settings(
            {
                **os.environ,
                "BACKCHAT_DATABASE_URL": database_url,
                "BACKCHAT_RASA_URL": f"http://127.0.0.1:{free_port()}",
                "BACKCHAT_RASA_TOKEN": "unused",
                **(env or {}),
            }
        )
        self.database_url = database_url
        # As sanic-testing does: Sanic then rewrites its request handling afresh
        # for each app rather than rewriting the rewritten code (which fails).
        Sanic.test_mode = True
        self.app = create_app(settings, name=f"backchat_web_test_{next(_app_names)}")
        self.app.config.MOTD = False
        # The app's own loop in its own thread, as a server's: whatever loop an
        # earlier test left running in this thread cannot get in the way.
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._lifespan: asyncio.Queue[dict[str, str]] = self.run(_new_queue())
        self._answers: asyncio.Queue[dict[str, str]] = self.run(_new_queue())
        self._server = asyncio.run_coroutine_threadsafe(
            self.app({"type": "lifespan"}, self._lifespan.get, self._answers.put),
            self._loop,
        )
        self._lifespan_step("lifespan.startup")
        self.http = self.client()

    def client(self) -> httpx2.AsyncClient:
        """A new browser: its own cookie jar, redirects not followed."""
        transport = httpx2.ASGITransport(app=self.app)
        return httpx2.AsyncClient(transport=transport, base_url=BASE_URL, timeout=30)

    def get(self, path: str, **options: Any) -> httpx2.Response:
        """GET ``path`` (see ``request``)."""
        return self.request("GET", path, **options)

    def post(self, path: str, **options: Any) -> httpx2.Response:
        """POST ``path`` (see ``request``)."""
        return self.request("POST", path, **options)

    def request(
        self,
        method: str,
        path: str,
        *,
        data: bytes | Mapping[str, str] | None = None,
        follow: bool = True,
        http: httpx2.AsyncClient | None = None,
        **options: Any,
    ) -> httpx2.Response:
        """One request with ``http`` (the default browser), as requests would send it.

        ``data`` is a form when a mapping and the raw body when bytes;
        ``follow`` follows redirects; the other options are httpx2's.
        """
        if isinstance(data, bytes):
            options["content"] = data
        elif data is not None:
            options["data"] = data
        client = http or self.http
        return self.run(
            client.request(method, path, follow_redirects=follow, **options)
        )

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        """Run ``work`` on the app's loop (where its listeners ran); its result."""
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(
            timeout=REQUEST_SECONDS
        )

    def close(self) -> None:
        """Run the shut-down listeners, stop the loop and its thread."""
        self.run(self.http.aclose())
        self._lifespan_step("lifespan.shutdown")
        # Sanic 21.12 goes on to handle the lifespan scope as a request once it
        # has shut down, and fails (no request); uvicorn ignores that, so do we.
        with contextlib.suppress(AttributeError):
            self._server.result(timeout=REQUEST_SECONDS)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=REQUEST_SECONDS)
        self._loop.close()

    def _lifespan_step(self, event: str) -> None:
        self._loop.call_soon_threadsafe(self._lifespan.put_nowait, {"type": event})
        answer = self.run(self._answers.get())
        assert answer == {"type": f"{event}.complete"}, answer


async def _new_queue() -> asyncio.Queue[dict[str, str]]:
    return asyncio.Queue()  # made on the loop that uses it
