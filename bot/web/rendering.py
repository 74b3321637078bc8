"""Templates, cookies, request bodies and dates: what every blueprint shares."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import jinja2
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.web.cases import BadInputError
from bot.web.sessions import ConsoleSession

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = TEMPLATES.parent / "static"


def templates(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """A Jinja environment that escapes everything and fails on a missing name."""
    env = jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined
    )
    env.filters["when"] = when
    return env


def body(request: Request, json_only: bool = False) -> dict[str, Any]:
    """The request's JSON object (always, for the API) or its form fields."""
    if not request.body:
        return {}
    if json_only or (request.content_type or "").startswith("application/json"):
        try:
            parsed = json.loads(request.body)
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            # RecursionError: nesting deeper than the parser goes ("[[[[...").
            raise BadInputError("the body is not valid JSON") from error
        if not isinstance(parsed, dict):
            raise BadInputError("the body must be a JSON object")
        return parsed
    try:
        return {key: request.form.get(key) for key in request.form}
    except Exception as error:
        raise BadInputError("the form could not be read") from error


def page(
    app: Sanic,
    template: str,
    session: ConsoleSession,
    status: int = 200,
    **context: Any,
) -> HTTPResponse:
    """A console page for the signed-in ``session``."""
    defaults = {
        "error": None,
        "clinician": session.clinician,
        "csrf_token": session.csrf_token,
    }
    html = app.ctx.pages.get_template(template).render(**{**defaults, **context})
    return response.html(html, status=status)


def set_cookie(
    app: Sanic, resp: HTTPResponse, name: str, value: str, max_age: int | None = None
) -> None:
    """A console cookie: HTTP-only, same-site strict, Secure when configured."""
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/console"
    if max_age is not None:
        cookie["max-age"] = max_age
    if app.ctx.settings.secure_cookies:
        cookie["secure"] = True


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC (naive database times are UTC)."""
    if moment is None:
        return None
    return (
        moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    ).isoformat()


def when(moment: datetime | None) -> str:
    """A time as a clinician reads it."""
    if moment is None:
        return ""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")
