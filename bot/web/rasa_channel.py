"""Rasa adapter: the socket.io channel the widget talks to, fixed and hardened.

Registered in ``credentials.yml`` by its module path
(``bot.web.rasa_channel.SocketIOChannel``). It is Rasa's own ``SocketIOInput``
with two session handlers replaced:

* ``session_request`` awaits ``enter_room``: in python-socketio >= 5.10 it is a
  coroutine that Rasa 3.6 calls without ``await``, so the session room was never
  joined and the bot's replies (and a clinician's) never reached the browser.
  This keeps the patched python-socketio/python-engineio instead of pinning
  versions with published denial-of-service advisories.
* a session id must look like the random ids Rasa hands out (32 hex digits);
  anything else gets a fresh one, so a guessable id cannot be used to join
  someone else's conversation, and a message is accepted only for a session
  whose room the socket has joined.
"""

from __future__ import annotations

import inspect
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"^[0-9a-f]{32}$")


def valid_session_id(value: Any) -> bool:
    """Whether ``value`` looks like a session id the server handed out."""
    return isinstance(value, str) and bool(SESSION_ID.match(value))


class SocketIOChannel(SocketIOInput):
    """Rasa's socket.io channel with sessions that work and cannot be borrowed."""

    @classmethod
    def name(cls) -> str:
        """Same name as Rasa's channel: the widget and ``output_channel`` use it."""
        return "socketio"

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's blueprint, with the session handlers replaced."""
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        namespace = self.namespace or "/"
        handle_message = sio.handlers[namespace][self.user_message_evt]

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if valid_session_id(requested) else uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def user_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                rooms = sio.rooms(sid, namespace=self.namespace)
                if data.get("session_id") not in rooms:
                    logger.warning("message for a session this socket has not joined")
                    return
            await handle_message(sid, data)

        return socketio_webhook
