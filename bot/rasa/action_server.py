"""The action server, answering only Rasa: ``python -m bot.rasa.action_server``.

rasa_sdk's own app (``rasa_sdk.endpoint.create_app``) with:

* a shared secret: every call but ``/health`` needs ``Authorization: Bearer
  <BACKCHAT_ACTION_TOKEN>``, which Rasa sends (``endpoints.yml``); a forged call
  to ``/webhook`` is refused with 401 before any action runs;
* a bind to ``BACKCHAT_ACTION_HOST`` (default 127.0.0.1), no CORS;
* errors answered with a generic message and logged without the request body
  (rasa_sdk echoes the whole tracker back, and logs it);
* log redaction (``bot.privacy.logs``) and the hand-off outbox retried in the
  background (``bot.handoff.outbox``).

Without a token it refuses to start in production or off loopback; in
development it starts on loopback and warns.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys
from typing import Any

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import (
    LOOPBACK,
    Settings,
    SettingsError,
    check_can_serve,
    load_settings,
)

logger = logging.getLogger(__name__)

OPEN_PATHS = frozenset({"/health"})
MAX_BODY_BYTES = 8 * 1024 * 1024  # a long conversation's tracker, with room


def authorised(header: str | None, token: str | None) -> bool:
    """Whether an ``Authorization`` header carries ``token`` (constant time)."""
    if not token:
        return True  # development without a token: bound to loopback only
    if not header or not header.lower().startswith("bearer "):
        return False
    return hmac.compare_digest(header[7:].strip().encode(), token.encode())


def action_call_problem(call: Any) -> str | None:
    """What makes ``call`` (a ``/webhook`` body) unusable, or None.

    rasa_sdk trusts the body's shape; a list, or a tracker that is not an
    object, raised deep inside it (500). Checked first, it is a clear 400.
    """
    if not isinstance(call, dict):
        return "the body must be a JSON object"
    if not isinstance(call.get("next_action"), str):
        return "'next_action' must be a string"
    tracker = call.get("tracker")
    if not isinstance(tracker, dict):
        return "'tracker' must be an object"
    if not isinstance(tracker.get("sender_id", call.get("sender_id")), str):
        return "'sender_id' must be a string"
    shapes = {"slots": dict, "events": list, "latest_message": dict}
    for key, kind in shapes.items():
        if tracker.get(key) is not None and not isinstance(tracker[key], kind):
            return f"'tracker.{key}' has the wrong type"
    if call.get("domain") is not None and not isinstance(call["domain"], dict):
        return "'domain' must be an object"
    return None


def create_action_app(settings: Settings, package: str = "actions") -> Sanic:
    """rasa_sdk's app with the secret check and quiet errors."""
    from rasa_sdk.endpoint import create_app

    app = create_app(package, cors_origins=None)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES

    @app.on_request
    async def check_secret(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        if not authorised(request.headers.get("authorization"), settings.action_token):
            logger.warning("refused an action-server call without the shared secret")
            return response.json({"error": "unauthorised"}, status=401)
        if request.path == "/webhook" and request.method == "POST":
            if request.headers.get("Content-Encoding") == "deflate":
                return None  # rasa_sdk inflates it; Rasa itself never deflates
            try:
                call = request.json
            except Exception:  # Sanic raises on bad JSON and bad UTF-8
                call = None
            problem = action_call_problem(call)
            if problem is not None:
                logger.warning("refused an action call: %s", problem)
                return response.json({"error": problem}, status=400)
        return None

    @app.exception(Exception)
    async def quiet_error(request: Request, exception: Exception) -> HTTPResponse:
        status = getattr(exception, "status_code", 500)
        logger.error(
            "action-server error on %s: %s", request.path, type(exception).__name__
        )
        return response.json({"error": "the action failed"}, status=status)

    @app.after_server_start
    async def retry_outbox(app: Sanic, _loop: Any) -> None:
        from bot.handoff.outbox import start_retrying

        start_retrying(settings)

    return app


def main(argv: list[str] | None = None) -> None:
    """Serve the actions (``python -m bot.rasa.action_server --port 5055``)."""
    from bot.privacy.logs import install as redact_logs

    redact_logs()
    parser = argparse.ArgumentParser(prog="python -m bot.rasa.action_server")
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)
    settings = load_settings()
    try:
        check_can_serve(settings, "action_token")
    except SettingsError as error:
        sys.exit(f"bot.rasa.action_server: {error}")
    host = os.environ.get("BACKCHAT_ACTION_HOST") or LOOPBACK
    if not settings.action_token:
        if host != LOOPBACK:
            sys.exit(
                "bot.rasa.action_server: BACKCHAT_ACTION_TOKEN is needed off loopback"
            )
        logger.warning("BACKCHAT_ACTION_TOKEN is not set: any local process may call")
    logging.basicConfig(level=logging.INFO)
    app = create_action_app(settings, args.actions)
    app.run(host, args.port, workers=1, access_log=False, motd=False)


if __name__ == "__main__":
    main()
