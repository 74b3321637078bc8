"""Start ``rasa run`` with its secret from the environment, bound to loopback.

``python -m bot.rasa_run [rasa run options]`` is ``rasa run`` with two changes:
the API token comes from ``BACKCHAT_RASA_TOKEN`` (or ``BACKCHAT_RASA_TOKEN_FILE``)
and is added to the arguments inside this process, so ``ps`` never shows it; and
the server listens on ``BACKCHAT_RASA_HOST`` (default 127.0.0.1) unless
``--interface`` is given. The production profile refuses to start without the
secrets (``bot.settings.check_can_serve``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from bot.settings import LOOPBACK, Settings, SettingsError, check_can_serve
from bot.settings import load_settings as _load

TOKEN_FLAGS = ("--auth-token", "-t")
INTERFACE_FLAGS = ("--interface", "-i")


def rasa_arguments(
    argv: Sequence[str], settings: Settings, env: Mapping[str, str]
) -> list[str]:
    """The full ``rasa run`` arguments; refuses a token on the command line."""
    args = list(argv)
    if any(a in TOKEN_FLAGS or a.startswith("--auth-token=") for a in args):
        raise SettingsError(
            "give the token in BACKCHAT_RASA_TOKEN or BACKCHAT_RASA_TOKEN_FILE, "
            "not on the command line"
        )
    if not any(a in INTERFACE_FLAGS or a.startswith("--interface=") for a in args):
        args += ["--interface", env.get("BACKCHAT_RASA_HOST") or LOOPBACK]
    if settings.rasa_token:
        args += ["--auth-token", settings.rasa_token]
    return ["run", *args]


def main() -> None:
    """Run Rasa (``python -m bot.rasa_run``)."""
    settings = _load()
    try:
        check_can_serve(settings)
        args = rasa_arguments(sys.argv[1:], settings, os.environ)
    except SettingsError as error:
        sys.exit(f"bot.rasa_run: {error}")
    from bot.privacy.logs import install as redact_logs

    redact_logs()
    sys.argv = ["rasa", *args]  # this process only; /proc/<pid>/cmdline is unchanged
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
