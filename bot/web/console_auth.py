"""The console's guard: a signed-in session, its CSRF token on every change,
and errors shown as a page or as JSON."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from functools import wraps
from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.handoff import console
from bot.web.cases import BadInputError
from bot.web.rasa_client import RasaError
from bot.web.rendering import body, page
from bot.web.security import tokens_match
from bot.web.sessions import ConsoleSession

SESSION_COOKIE = "bc_console"
LOGIN_CSRF_COOKIE = "bc_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"

Handler = Callable[..., Coroutine[Any, Any, Any]]


def signed_in(api: bool) -> Callable[[Handler], Handler]:
    """Require a session (and, on POST, its CSRF token) before the handler.

    The handler gets ``(request, session, body, *route_args)``; a console,
    Rasa or bad-input error becomes an error page (or JSON for the API).
    """

    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> Any:
            sessions = request.app.ctx.sessions
            session = sessions.get(request.cookies.get(SESSION_COOKIE))
            if session is None:
                if api:
                    return response.json({"error": "sign in first"}, 401)
                return response.redirect("/console/login", status=303)
            try:
                posted = body(request, api) if request.method == "POST" else {}
                if request.method == "POST" and not tokens_match(
                    session.csrf_token,
                    request.headers.get(CSRF_HEADER) or posted.get(CSRF_FIELD),
                ):
                    raise BadInputError("missing or wrong CSRF token", 403)
                return await handler(request, session, posted, *args, **kwargs)
            except (BadInputError, console.ConsoleError, RasaError) as error:
                return error_response(request, session, error, api)

        return wrapper

    return decorate


def error_response(
    request: Request, session: ConsoleSession, error: Exception, api: bool
) -> HTTPResponse:
    """The error as JSON (API) or as the console's error page."""
    status = 502 if isinstance(error, RasaError) else getattr(error, "status", 400)
    if api:
        return response.json({"error": str(error)}, status=status)
    back = (
        request.path.rsplit("/", 1)[0] if request.method == "POST" else "/console/queue"
    )
    return page(
        request.app, "error.html", session, status=status, error=str(error), back=back
    )
