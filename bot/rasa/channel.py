"""Rasa adapter: the chat channels, fixed and hardened.

Registered in ``credentials.yml`` by module path. Both keep Rasa's channel names
(``rest``, ``socketio``), so URLs and ``output_channel`` do not change.

``SocketIOChannel`` is Rasa's ``SocketIOInput`` with its handlers replaced:

* ``session_request`` awaits ``enter_room``: in python-socketio >= 5.10 it is a
  coroutine that Rasa 3.6 calls without ``await``, so the session room was never
  joined and the bot's replies (and a clinician's) never reached the browser.
  This keeps the patched python-socketio/python-engineio instead of pinning
  versions with published denial-of-service advisories.
* session ids are issued by the server and signed (``BACKCHAT_SESSION_SECRET``):
  an id the client made up, or one of another server, gets a fresh one, so a
  guessed id cannot join someone else's conversation; a message is accepted only
  for a session whose room the socket has joined.
* a browser's ``Origin`` must be one of ``BACKCHAT_ALLOWED_ORIGINS``.

``RestChannel`` is Rasa's ``RestInput`` with a strict ``/webhook``: a JSON
object, a well-formed ``sender``, a string ``message``; with
``BACKCHAT_REST_REQUIRES_TOKEN`` (on in production) Rasa's token as well.

In both, a message that is too long or not valid text never reaches Rasa
(nothing is stored): the person gets ``utter_message_too_long`` or
``utter_message_unreadable``. A message that was fine but whose turn failed
(Redis or PostgreSQL down for longer than the stores wait) gets
``utter_action_server_down`` instead: a technical problem, try again in a few
minutes, and the emergency line; never the "couldn't read that" meant for bad
input. Logs never hold what the person wrote.
"""

from __future__ import annotations

import hmac
import inspect
import logging
import math
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import (
    CollectingOutputChannel,
    UserMessage,
)
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import Settings, load_settings
from bot.web.input_guard import (
    Refusal,
    check_message,
    issue_session_id,
    origin_allowed,
    valid_sender_id,
)
from bot.web.input_guard import valid_session_id as _signed_id_is_valid
from bot.web.rate_limit import MessageLimits

logger = logging.getLogger(__name__)

# The reply to a turn that failed on our side (the reviewed outage wording).
TURN_FAILED = "utter_action_server_down"
_FALLBACK_TEXT = {
    "utter_message_too_long": "That message is too long for me. Please send a "
    "shorter one. In an emergency call 999.",
    "utter_message_unreadable": "Sorry, I could not read that message. Please "
    "try again. In an emergency call 999.",
    "utter_message_too_fast": "You're sending messages too fast. Please wait a "
    "few seconds. In an emergency call 999.",
    TURN_FAILED: "Sorry, I'm having a technical problem. In an emergency call "
    "999. Otherwise please try again in a few minutes.",
}
_process_secret = secrets.token_bytes(32)


def session_secret(settings: Settings) -> bytes:
    """The key that signs session ids (per process when none is configured)."""
    if settings.session_secret:
        return settings.session_secret.encode()
    return _process_secret


def valid_session_id(value: Any, secret: bytes | None = None) -> bool:
    """Whether ``value`` is a session id this server issued."""
    return _signed_id_is_valid(
        value, secret if secret is not None else session_secret(load_settings())
    )


def message_limits(settings: Settings) -> MessageLimits:
    """The rate limits of one channel, from the settings."""
    return MessageLimits.of(
        settings.sender_messages_per_minute,
        settings.client_messages_per_minute,
        settings.rate_limit_loopback,
    )


def response_text(app: Any, name: str) -> str:
    """The first text of the domain's response ``name`` (wording lives there)."""
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    domain = getattr(agent, "domain", None)
    variants = (domain.responses.get(name) if domain else None) or []
    for variant in variants:
        if variant.get("text"):
            return variant["text"]
    return _FALLBACK_TEXT[name]


class SocketIOChannel(SocketIOInput):
    """Rasa's socket.io channel with sessions that work and cannot be borrowed."""

    @classmethod
    def name(cls) -> str:
        """Same name as Rasa's channel: the widget and ``output_channel`` use it."""
        return "socketio"

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's blueprint, with the connect and session handlers replaced."""
        settings = load_settings()
        secret = session_secret(settings)
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        namespace = self.namespace or "/"
        rasa_connect = sio.handlers[namespace]["connect"]
        handle_message = sio.handlers[namespace][self.user_message_evt]
        apps: list[Any] = []
        limits = message_limits(settings)
        clients: dict[str, str] = {}  # socket id -> client address

        @socketio_webhook.listener("before_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            apps.append(app)

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict, auth: Any = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if settings.allowed_origins and not origin_allowed(
                origin, settings.allowed_origins
            ):
                logger.warning("socket.io connection refused: origin not allowed")
                return False
            clients[sid] = str(environ.get("REMOTE_ADDR") or "")
            return await rasa_connect(sid, environ, auth)

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            clients.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = (
                requested
                if _signed_id_is_valid(requested, secret)
                else issue_session_id(secret)
            )
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def user_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                logger.warning("socket.io message refused: not an object")
                text = response_text(
                    apps[0] if apps else None, Refusal.NOT_TEXT.response
                )
                await sio.emit(self.bot_message_evt, {"text": text}, room=sid)
                return
            if self.session_persistence:
                rooms = sio.rooms(sid, namespace=self.namespace)
                if data.get("session_id") not in rooms:
                    logger.warning("message for a session this socket has not joined")
                    return
            refusal = check_message(data.get("message", ""), settings.max_message_chars)
            sender_id = str(data.get("session_id") or sid)
            if limits.wait(sender_id, clients.get(sid)) > 0:
                refusal = Refusal.TOO_FAST
            if refusal is not None:
                logger.warning("socket.io message refused: %s", refusal.name)
                text = response_text(apps[0] if apps else None, refusal.response)
                await sio.emit(self.bot_message_evt, {"text": text}, room=sid)
                return
            try:
                await handle_message(sid, data)
            except Exception as error:  # logged without what the person wrote
                logger.error(
                    "a message could not be handled (%s)", type(error).__name__
                )
                text = response_text(apps[0] if apps else None, TURN_FAILED)
                await sio.emit(self.bot_message_evt, {"text": text}, room=sid)

        return socketio_webhook


class RestChannel(RestInput):
    """Rasa's REST channel, strict about what it accepts."""

    @classmethod
    def name(cls) -> str:
        """Same name, so the URL stays ``/webhooks/rest/webhook``."""
        return "rest"

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[None]]
    ) -> Blueprint:
        """A health route and a ``/webhook`` that checks before Rasa sees it."""
        settings = load_settings()
        limits = message_limits(settings)
        webhook = Blueprint("custom_webhook_RestChannel", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if settings.rest_requires_token and not _has_token(
                request, settings.rasa_token
            ):
                return _refuse(401, "a token is needed")
            body = _json_object(request)
            if body is None:
                return _refuse(400, "the body must be a JSON object")
            sender_id = body.get("sender")
            if not valid_sender_id(sender_id):
                return _refuse(400, "'sender' must be 1-100 letters, digits or ._:@-")
            metadata = body.get("metadata")
            if metadata is not None and not isinstance(metadata, dict):
                return _refuse(400, "'metadata' must be an object")
            text = body.get("message")
            refusal = check_message(text, settings.max_message_chars)
            if refusal is Refusal.NOT_TEXT:
                return _refuse(400, "'message' must be a string")
            waiting = limits.wait(str(sender_id), request.remote_addr or request.ip)
            if waiting > 0:
                logger.warning("REST message refused: %s", Refusal.TOO_FAST.name)
                text = response_text(request.app, Refusal.TOO_FAST.response)
                resp = response.json(
                    [{"recipient_id": sender_id, "text": text}], status=429
                )
                resp.headers["Retry-After"] = str(math.ceil(waiting))
                return resp
            if refusal is not None:
                logger.warning("REST message refused: %s", refusal.name)
                why = response_text(request.app, refusal.response)
                return _reply(str(sender_id), why)
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text,
                        collector,
                        sender_id,
                        input_channel=self.name(),
                        metadata=metadata,
                    )
                )
            except Exception as error:  # logged without what the person wrote
                logger.error(
                    "a message could not be handled (%s)", type(error).__name__
                )
                return response.json(
                    turn_failed(request.app, str(sender_id), collector.messages)
                )
            return response.json(collector.messages)

        return webhook


def turn_failed(
    app: Any, sender_id: str, sent: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The REST reply when a turn failed on our side: what was said, then why.

    The message itself was fine (bad input is refused before Rasa), so the
    person is told of a technical problem and to try again, with the emergency
    line, as when the action server is down.
    """
    return [*sent, {"recipient_id": sender_id, "text": response_text(app, TURN_FAILED)}]


def _json_object(request: Request) -> dict[str, Any] | None:
    try:
        body = request.json
    except Exception:  # Sanic raises on bad JSON and bad UTF-8
        return None
    return body if isinstance(body, dict) else None


def _has_token(request: Request, token: str | None) -> bool:
    if not token:
        return False
    given = request.args.get("token") or ""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        given = header[7:].strip()
    return hmac.compare_digest(given.encode(), token.encode())


def _refuse(status: int, why: str) -> HTTPResponse:
    return response.json({"error": why}, status=status)


def _reply(sender_id: str, text: str) -> HTTPResponse:
    return response.json([{"recipient_id": sender_id, "text": text}])
