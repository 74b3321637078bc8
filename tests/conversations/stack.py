"""The tests' servers: the launcher's embedded profile (``bot.stack``)."""

from __future__ import annotations

from bot.settings import PROJECT_ROOT as ROOT
from bot.stack import Stack, free_port, prepare_database
from bot.stack.commands import BIN

__all__ = ["BIN", "ROOT", "Stack", "free_port", "prepare_database"]
