"""The web tests' servers: the launcher's ``WebStack`` (``bot.stack``)."""

from __future__ import annotations

from bot.stack.commands import CHANNEL, web_credentials
from bot.stack.stack import WebStack, spawn_web_app

__all__ = ["CHANNEL", "WebStack", "spawn_web_app", "web_credentials"]
