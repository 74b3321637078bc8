"""BackChat's web app: the demo page with the chat widget, and the clinician console.

Run with ``python -m bot.web.app`` (``make run`` does). The routes live in three
blueprints: ``public`` (the demo page, the widget and its assets), ``console``
(the clinician's pages) and ``console_api`` (their JSON API). Every console page
and API needs a signed-in session; every form and API call that changes
something needs the session's CSRF token; a case's conversation is found only
through the case (never from an id the browser sends); templates escape
everything.
"""

from __future__ import annotations

from typing import Any

import jinja2
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.db import get_session_factory
from bot.web import console_api, console_pages, public
from bot.web.config import WebSettings, load_web_settings
from bot.web.rasa_client import RasaClient
from bot.web.rendering import TEMPLATES, templates
from bot.web.security import LoginThrottle
from bot.web.sessions import SessionStore

MAX_BODY_BYTES = 64 * 1024
CONSOLE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        "img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def create_app(settings: WebSettings, name: str = "backchat_web") -> Sanic:
    """Build the web app; nothing is opened until the server starts."""
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.ctx.settings = settings
    app.ctx.db = get_session_factory(settings.core.database_url)
    app.ctx.sessions = SessionStore(app.ctx.db, settings.session_minutes * 60)
    app.ctx.throttle = LoginThrottle()
    app.ctx.rasa = RasaClient(settings.rasa_url, settings.rasa_token)
    app.ctx.pages = templates(jinja2.FileSystemLoader(str(TEMPLATES)))
    app.ctx.demo = templates(jinja2.FileSystemLoader(str(settings.web_dir)))

    @app.after_server_stop
    async def close_rasa(app: Sanic, _loop: Any) -> None:
        await app.ctx.rasa.close()

    @app.middleware("response")
    async def security_headers(request: Request, resp: HTTPResponse) -> None:
        if request.path.startswith("/console"):
            for key, value in CONSOLE_HEADERS.items():
                resp.headers.setdefault(key, value)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")

    app.blueprint(public.blueprint())
    app.blueprint(console_pages.blueprint())
    app.blueprint(console_api.blueprint())
    return app


def main() -> None:
    """Serve the demo page and the console (``python -m bot.web.app``)."""
    settings = load_web_settings()
    if not settings.rasa_token:
        print("warning: BACKCHAT_RASA_TOKEN is not set; the console cannot reach Rasa")
    app = create_app(settings)
    app.run(
        host=settings.host,
        port=settings.port,
        workers=1,
        access_log=False,
        motd=False,
        debug=False,
    )


if __name__ == "__main__":
    main()
