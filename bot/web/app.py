"""BackChat's web app: the demo page with the chat widget, and the clinician console.

Run with ``python -m bot.web.app`` (``make run`` does). Every console page and
API needs a signed-in session; every form and API call that changes something
needs the session's CSRF token; a case's conversation is found only through the
case (never from an id the browser sends); templates escape everything.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import datetime, timezone
from functools import wraps
from pathlib import Path
from typing import Any

import jinja2
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.db import get_session_factory
from bot.handoff import console
from bot.handoff.accounts import authenticate
from bot.web.cases import (
    MAX_REPLY_CHARS,
    BadInputError,
    case_view,
    check_case_id,
    claim,
    reply,
    resolve,
)
from bot.web.config import WebSettings, load_web_settings
from bot.web.rasa_client import RasaClient, RasaError
from bot.web.security import (
    ConsoleSession,
    LoginThrottle,
    SessionStore,
    new_token,
    tokens_match,
)

SESSION_COOKIE = "bc_console"
LOGIN_CSRF_COOKIE = "bc_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
MAX_BODY_BYTES = 64 * 1024
ACTIONS = ("claim", "resolve", "reply")
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
TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = TEMPLATES.parent / "static"

Handler = Callable[..., Awaitable[HTTPResponse]]


def create_app(settings: WebSettings, name: str = "backchat_web") -> Sanic:
    """Build the web app; nothing is opened until the server starts."""
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.ctx.settings = settings
    app.ctx.sessions = SessionStore(lifetime_seconds=settings.session_minutes * 60)
    app.ctx.throttle = LoginThrottle()
    app.ctx.rasa = RasaClient(settings.rasa_url, settings.rasa_token)
    app.ctx.db = get_session_factory(settings.core.database_url)
    app.ctx.pages = _templates(jinja2.FileSystemLoader(str(TEMPLATES)))
    app.ctx.demo = _templates(jinja2.FileSystemLoader(str(settings.web_dir)))

    @app.after_server_stop
    async def close_rasa(app: Sanic, _loop: Any) -> None:
        await app.ctx.rasa.close()

    @app.middleware("response")
    async def security_headers(request: Request, resp: HTTPResponse) -> None:
        if request.path.startswith("/console"):
            for key, value in CONSOLE_HEADERS.items():
                resp.headers.setdefault(key, value)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")

    _add_public_routes(app, settings)
    _add_console_routes(app)
    return app


# --- the demo page and the widget -------------------------------------------------


def _add_public_routes(app: Sanic, settings: WebSettings) -> None:
    @app.get("/")
    async def demo_page(request: Request) -> HTTPResponse:
        page = app.ctx.demo.get_template("index.html").render(
            widget_url="/widget.js",
            socket_url=settings.public_rasa_url,
            message_delay=request.args.get("delay", "400")
            if request.args.get("delay", "400").isdigit()
            else "400",
        )
        return response.html(page, headers=_demo_headers(settings.public_rasa_url))

    @app.get("/widget.js")
    async def widget_loader(_request: Request) -> HTTPResponse:
        return await response.file(
            settings.web_dir / "widget.js", mime_type="text/javascript"
        )

    @app.get("/favicon.svg")
    async def favicon(_request: Request) -> HTTPResponse:
        return await response.file(
            settings.web_dir / "favicon.svg",
            mime_type="image/svg+xml",
            headers={"Cache-Control": "max-age=86400"},
        )

    @app.get("/favicon.ico")
    async def favicon_ico(_request: Request) -> HTTPResponse:
        return response.redirect("/favicon.svg", status=301)

    @app.get("/widget.css")
    async def widget_style(_request: Request) -> HTTPResponse:
        return await response.file(
            settings.web_dir / "widget.css", mime_type="text/css"
        )

    @app.get("/vendor/rasa-webchat.js")
    async def widget_bundle(_request: Request) -> HTTPResponse:
        if not settings.widget_bundle.is_file():
            return response.text(
                "rasa-webchat is not installed: run scripts/setup_browser.sh", 503
            )
        return await response.file(settings.widget_bundle, mime_type="text/javascript")

    @app.get("/static/<name:(console\\.css|console\\.js)>")
    async def console_asset(_request: Request, name: str) -> HTTPResponse:
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return await response.file(STATIC / name, mime_type=kind)


# --- the console ------------------------------------------------------------------


def _add_console_routes(app: Sanic) -> None:
    def signed_in(api: bool) -> Callable[[Handler], Handler]:
        """Require a session (and, on POST, its CSRF token) before the handler."""

        def decorate(handler: Handler) -> Handler:
            @wraps(handler)
            async def wrapper(request: Request, *args: Any, **kwargs: Any) -> Any:
                session = app.ctx.sessions.get(request.cookies.get(SESSION_COOKIE))
                if session is None:
                    if api:
                        return response.json({"error": "sign in first"}, 401)
                    return response.redirect("/console/login", status=303)
                try:
                    body = _body(request, api) if request.method == "POST" else {}
                    if request.method == "POST" and not tokens_match(
                        session.csrf_token,
                        request.headers.get(CSRF_HEADER) or body.get(CSRF_FIELD),
                    ):
                        raise BadInputError("missing or wrong CSRF token", 403)
                    return await handler(request, session, body, *args, **kwargs)
                except (BadInputError, console.ConsoleError, RasaError) as error:
                    return _error(app, request, session, error, api)

            return wrapper

        return decorate

    @app.get("/console")
    async def console_home(_request: Request) -> HTTPResponse:
        return response.redirect("/console/queue", status=303)

    @app.get("/console/login")
    async def login_page(request: Request) -> HTTPResponse:
        return _login_page(app, request)

    @app.post("/console/login")
    async def login(request: Request) -> HTTPResponse:
        try:
            form = _body(request)
        except BadInputError as error:
            return _login_page(app, request, str(error), error.status)
        if not tokens_match(
            request.cookies.get(LOGIN_CSRF_COOKIE), form.get(CSRF_FIELD)
        ):
            return _login_page(app, request, "The form expired: please try again.", 403)
        name = str(form.get("name") or "").strip().lower()[:40]
        password = str(form.get("password") or "")
        client = request.remote_addr or request.ip or ""
        wait = app.ctx.throttle.retry_after(name, client)
        if wait > 0:
            resp = _login_page(
                app,
                request,
                f"Too many failed attempts: try again in {math.ceil(wait)} seconds.",
                429,
            )
            resp.headers["Retry-After"] = str(math.ceil(wait))
            return resp
        # scrypt takes ~50 ms of CPU: in a thread, so other requests go on.
        clinician = await asyncio.to_thread(_authenticate, app, name, password)
        if clinician is None:
            app.ctx.throttle.failed(name, client)
            return _login_page(app, request, "Wrong name or password.", 401)
        app.ctx.throttle.succeeded(name, client)
        resp = response.redirect("/console/queue", status=303)
        _set_cookie(app, resp, SESSION_COOKIE, app.ctx.sessions.create(clinician))
        del resp.cookies[LOGIN_CSRF_COOKIE]
        return resp

    @app.post("/console/logout")
    @signed_in(api=False)
    async def logout(request: Request, _session: ConsoleSession, _body: dict) -> Any:
        app.ctx.sessions.drop(request.cookies.get(SESSION_COOKIE))
        resp = response.redirect("/console/login", status=303)
        del resp.cookies[SESSION_COOKIE]
        return resp

    @app.get("/console/queue")
    @signed_in(api=False)
    async def queue_page(
        _request: Request, session: ConsoleSession, _body: dict
    ) -> Any:
        with app.ctx.db() as db:
            entries = console.list_queue(db)
        return _page(app, "queue.html", session, entries=entries)

    @app.get("/console/api/queue")
    @signed_in(api=True)
    async def queue_api(_request: Request, _session: ConsoleSession, _b: dict) -> Any:
        with app.ctx.db() as db:
            entries = console.list_queue(db)
        return response.json({"cases": [_entry_json(e) for e in entries]})

    @app.get("/console/cases/<case_id:int>")
    @signed_in(api=False)
    async def case_page(
        _request: Request, session: ConsoleSession, _body: dict, case_id: int
    ) -> Any:
        view = await case_view(app, case_id)
        return _page(app, "case.html", session, max_reply=MAX_REPLY_CHARS, **view)

    @app.get("/console/api/cases/<case_id:int>")
    @signed_in(api=True)
    async def case_api(
        _request: Request, _session: ConsoleSession, _body: dict, case_id: int
    ) -> Any:
        view = await case_view(app, case_id)
        case = view["case"]
        return response.json(
            {
                "case": _entry_json(
                    console.QueueEntry(
                        case.id,
                        case.urgency,
                        case.reason,
                        case.created_at,
                        case.status,
                        view["held_by"],
                    )
                ),
                "summary": case.summary,
                "fired_rule_ids": case.fired_rule_ids,
                "ruleset_version": case.ruleset_version,
                "paused": view["paused"],
                "transcript": [
                    {**asdict(turn), "at": _iso(turn.at), "at_text": _when(turn.at)}
                    for turn in view["transcript"]
                ],
                "transcript_error": view["transcript_error"],
            }
        )

    async def act(
        session: ConsoleSession, body: dict, case_id: int, action: str
    ) -> str:
        check_case_id(case_id)
        if action == "claim":
            await claim(app, session, case_id)
            return "claimed"
        if action == "resolve":
            await resolve(app, session, case_id)
            return "resolved"
        if action == "reply":
            await reply(app, session, case_id, body.get("text"))
            return "sent"
        raise BadInputError(f"unknown action {action!r}", 404)

    @app.post("/console/cases/<case_id:int>/<action:str>")
    @signed_in(api=False)
    async def case_form(
        _request: Request,
        session: ConsoleSession,
        body: dict,
        case_id: int,
        action: str,
    ) -> Any:
        await act(session, body, case_id, action)
        return response.redirect(f"/console/cases/{case_id}", status=303)

    @app.post("/console/api/cases/<case_id:int>/<action:str>")
    @signed_in(api=True)
    async def case_action_api(
        _request: Request,
        session: ConsoleSession,
        body: dict,
        case_id: int,
        action: str,
    ) -> Any:
        return response.json(
            {"case_id": case_id, "result": await act(session, body, case_id, action)}
        )


# --- console operations -----------------------------------------------------------


# --- helpers ----------------------------------------------------------------------


def _body(request: Request, json_only: bool = False) -> dict[str, Any]:
    """The request's JSON object (always, for the API) or its form fields."""
    if not request.body:
        return {}
    if json_only or (request.content_type or "").startswith("application/json"):
        try:
            body = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as error:
            raise BadInputError("the body is not valid JSON") from error
        if not isinstance(body, dict):
            raise BadInputError("the body must be a JSON object")
        return body
    try:
        return {key: request.form.get(key) for key in request.form}
    except Exception as error:
        raise BadInputError("the form could not be read") from error


def _authenticate(app: Sanic, name: str, password: str) -> Any:
    with app.ctx.db() as db:
        return authenticate(db, name, password)


def _demo_headers(rasa_url: str) -> dict[str, str]:
    """The demo page's CSP: the widget may reach only this site and Rasa.

    It also keeps rasa-webchat from fetching web fonts from a third party, which
    would tell that party who opened a back-pain chat.
    """
    socket = rasa_url.replace("https://", "wss://").replace("http://", "ws://")
    return {
        "Content-Security-Policy": (
            f"default-src 'self'; connect-src 'self' {rasa_url} {socket}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self'; frame-ancestors 'none'; base-uri 'none'"
        ),
        "Referrer-Policy": "no-referrer",
    }


def _templates(loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined
    )
    env.filters["when"] = _when
    return env


def _page(
    app: Sanic,
    template: str,
    session: ConsoleSession,
    status: int = 200,
    **context: Any,
) -> HTTPResponse:
    defaults = {
        "error": None,
        "clinician": session.clinician,
        "csrf_token": session.csrf_token,
    }
    html = app.ctx.pages.get_template(template).render(**{**defaults, **context})
    return response.html(html, status=status)


def _login_page(
    app: Sanic, request: Request, error: str | None = None, status: int = 200
) -> HTTPResponse:
    token = new_token()
    html = app.ctx.pages.get_template("login.html").render(
        clinician=None, csrf_token="", error=error, login_csrf=token
    )
    resp = response.html(html, status=status)
    _set_cookie(app, resp, LOGIN_CSRF_COOKIE, token, max_age=30 * 60)
    return resp


def _error(
    app: Sanic, request: Request, session: ConsoleSession, error: Exception, api: bool
) -> HTTPResponse:
    status = getattr(error, "status", 502 if isinstance(error, RasaError) else 400)
    if isinstance(error, RasaError):
        status = 502
    if api:
        return response.json({"error": str(error)}, status=status)
    back = (
        request.path.rsplit("/", 1)[0] if request.method == "POST" else "/console/queue"
    )
    return _page(app, "error.html", session, status=status, error=str(error), back=back)


def _set_cookie(
    app: Sanic, resp: HTTPResponse, name: str, value: str, max_age: int | None = None
) -> None:
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/console"
    if max_age is not None:
        cookie["max-age"] = max_age
    if app.ctx.settings.secure_cookies:
        cookie["secure"] = True


def _entry_json(entry: console.QueueEntry) -> dict[str, Any]:
    return {**asdict(entry), "created_at": _iso(entry.created_at)}


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return (
        moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    ).isoformat()


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")


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
