"""Start ``rasa run`` with its secret from the environment, bound to loopback.

``python -m bot.rasa.run [rasa run options]`` is ``rasa run`` with two changes:
the API token comes from ``BACKCHAT_RASA_TOKEN`` (or ``BACKCHAT_RASA_TOKEN_FILE``)
and is added to the arguments inside this process, so ``ps`` never shows it; and
the server listens on ``BACKCHAT_RASA_HOST`` (default 127.0.0.1) unless
``--interface`` is given. The production profile refuses to start without the
secrets (``bot.settings.check_can_serve``). It also applies BackChat's patches
of Rasa (``bot.rasa.install``), refusing a Rasa release they were not written
for. ``python -m bot.rasa.run shell [options]`` is ``rasa shell`` with the
patches (``make shell``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from bot.rasa import RasaVersionError, install
from bot.settings import LOOPBACK, Settings, SettingsError, check_can_serve
from bot.settings import load_settings as _load

TOKEN_FLAGS = ("--auth-token", "-t")
INTERFACE_FLAGS = ("--interface", "-i")


def rasa_arguments(
    argv: Sequence[str], settings: Settings, env: Mapping[str, str]
) -> list[str]:
    """The full ``rasa run`` arguments; refuses a token on the command line."""
    args = list(argv)
    if args[:1] == ["shell"]:
        return args
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
    """Run Rasa (``python -m bot.rasa.run``)."""
    settings = _load()
    try:
        check_can_serve(settings)
        args = rasa_arguments(sys.argv[1:], settings, os.environ)
    except SettingsError as error:
        sys.exit(f"bot.rasa.run: {error}")
    from bot.privacy.logs import install as redact_logs

    redact_logs()
    # The one place the Rasa server gets BackChat's patches (bot/rasa/__init__.py),
    # before Rasa loads the model; Sanic's workers fork from here and keep them.
    try:
        install()
    except RasaVersionError as error:
        sys.exit(f"bot.rasa.run: {error}")
    sys.argv = ["rasa", *args]  # this process only; /proc/<pid>/cmdline is unchanged
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
