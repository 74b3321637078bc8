"""The one launcher: BackChat's servers with their environment, as one group.

* ``commands``: the command line of each server (action server, Rasa, web app),
  shared by ``bot.supervise`` (``make run``), the test stacks and the bench;
* ``processes``: running named commands, each in its own process group, and
  stopping them together;
* ``stack``: the embedded profile (SQLite, one Rasa server), as ``Stack`` and
  ``WebStack`` (with the web app);
* ``services`` and ``nginx``: PostgreSQL, Redis and nginx run as plain
  processes with their data in one folder, for the production profile;
* ``production``: the production profile, ``ProductionStack``: N Rasa replicas
  and the action server behind nginx, PostgreSQL and Redis
  (``python -m bot.stack``, ``make run-prod``).
"""

from bot.stack.commands import free_port
from bot.stack.database import prepare_database
from bot.stack.stack import Stack, WebStack

__all__ = ["Stack", "WebStack", "free_port", "prepare_database"]
