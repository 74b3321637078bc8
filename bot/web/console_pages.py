"""The clinician console's pages: sign-in, the queue, a case and its actions."""

from __future__ import annotations

import asyncio
import math
from typing import Any

from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.handoff import console
from bot.handoff.accounts import authenticate
from bot.web.cases import MAX_REPLY_CHARS, BadInputError, act, case_view
from bot.web.console_auth import (
    CSRF_FIELD,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    signed_in,
)
from bot.web.rendering import body, page, set_cookie
from bot.web.security import new_token, tokens_match
from bot.web.sessions import ConsoleSession


def blueprint() -> Blueprint:
    """A fresh blueprint of the console's pages (one per app)."""
    bp = Blueprint("console", url_prefix="/console")

    @bp.get("")
    async def console_home(_request: Request) -> HTTPResponse:
        return response.redirect("/console/queue", status=303)

    @bp.get("/login")
    async def login_page(request: Request) -> HTTPResponse:
        return _login_page(request.app)

    @bp.post("/login")
    async def login(request: Request) -> HTTPResponse:
        app = request.app
        try:
            form = body(request)
        except BadInputError as error:
            return _login_page(app, str(error), error.status)
        if not tokens_match(
            request.cookies.get(LOGIN_CSRF_COOKIE), form.get(CSRF_FIELD)
        ):
            return _login_page(app, "The form expired: please try again.", 403)
        name = str(form.get("name") or "").strip().lower()[:40]
        password = str(form.get("password") or "")
        client = request.remote_addr or request.ip or ""
        wait = app.ctx.throttle.retry_after(name, client)
        if wait > 0:
            resp = _login_page(
                app,
                f"Too many failed attempts: try again in {math.ceil(wait)} seconds.",
                429,
            )
            resp.headers["Retry-After"] = str(math.ceil(wait))
            return resp
        # scrypt takes ~50 ms of CPU: in a thread, so other requests go on.
        clinician = await asyncio.to_thread(_authenticate, app, name, password)
        if clinician is None:
            app.ctx.throttle.failed(name, client)
            return _login_page(app, "Wrong name or password.", 401)
        app.ctx.throttle.succeeded(name, client)
        resp = response.redirect("/console/queue", status=303)
        set_cookie(app, resp, SESSION_COOKIE, app.ctx.sessions.create(clinician))
        del resp.cookies[LOGIN_CSRF_COOKIE]
        return resp

    @bp.post("/logout")
    @signed_in(api=False)
    async def logout(request: Request, _session: ConsoleSession, _body: dict) -> Any:
        request.app.ctx.sessions.drop(request.cookies.get(SESSION_COOKIE))
        resp = response.redirect("/console/login", status=303)
        del resp.cookies[SESSION_COOKIE]
        return resp

    @bp.get("/queue")
    @signed_in(api=False)
    async def queue_page(request: Request, session: ConsoleSession, _b: dict) -> Any:
        with request.app.ctx.db() as db:
            entries = console.list_queue(db)
        return page(request.app, "queue.html", session, entries=entries)

    @bp.get("/cases/<case_id:int>")
    @signed_in(api=False)
    async def case_page(
        request: Request, session: ConsoleSession, _body: dict, case_id: int
    ) -> Any:
        view = await case_view(request.app, case_id)
        return page(
            request.app, "case.html", session, max_reply=MAX_REPLY_CHARS, **view
        )

    @bp.post("/cases/<case_id:int>/<action:str>")
    @signed_in(api=False)
    async def case_form(
        request: Request,
        session: ConsoleSession,
        posted: dict,
        case_id: int,
        action: str,
    ) -> Any:
        await act(request.app, session, posted, case_id, action)
        return response.redirect(f"/console/cases/{case_id}", status=303)

    return bp


def _authenticate(app: Sanic, name: str, password: str) -> Any:
    with app.ctx.db() as db:
        return authenticate(db, name, password)


def _login_page(
    app: Sanic, error: str | None = None, status: int = 200
) -> HTTPResponse:
    token = new_token()
    html = app.ctx.pages.get_template("login.html").render(
        clinician=None, csrf_token="", error=error, login_csrf=token
    )
    resp = response.html(html, status=status)
    set_cookie(app, resp, LOGIN_CSRF_COOKIE, token, max_age=30 * 60)
    return resp
