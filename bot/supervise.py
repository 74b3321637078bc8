"""Run BackChat's three servers under supervisord, which restarts a crashed one.

``python -m bot.supervise MODEL [--dir var]`` writes ``supervisord.conf`` into
``--dir`` and runs supervisord in the foreground (Ctrl-C stops everything):

* ``actions``: the action server (``bot.rasa.action_server``);
* ``rasa``: ``rasa run`` through ``bot.rasa.run`` (token from the environment);
* ``web``: the demo page and the clinician console (``bot.web.app``).

Each is restarted at once if it exits, while the others keep serving; logs go to
``<dir>/<name>.log``. Ports, hosts and secrets come from the environment
(``scripts/env.sh``), which supervisord passes on. ``supervisorctl -c
<dir>/supervisord.conf status`` shows them. ``docs/deploy/`` has systemd units
for a server install.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.settings import PROJECT_ROOT
from bot.stack.commands import BIN, actions_command, rasa_command, web_command

PROGRAMS = ("actions", "rasa", "web")


def commands(
    model: str,
    env: Mapping[str, str],
    credentials: str = "credentials.yml",
) -> dict[str, list[str]]:
    """The command line of each program (no secrets: they stay in the environment)."""
    web_port = env.get("BACKCHAT_WEB_PORT", "8000")
    origins = env.get("BACKCHAT_ALLOWED_ORIGINS", f"http://localhost:{web_port}")
    return {
        "actions": actions_command(int(env.get("BACKCHAT_ACTION_PORT", "5055"))),
        "rasa": rasa_command(
            model,
            int(env.get("BACKCHAT_RASA_PORT", "5005")),
            credentials=credentials,
            cors=tuple(origins.split(",")),
        ),
        "web": web_command(),
    }


def supervisord_config(
    workdir: Path,
    project: Path,
    programs: Mapping[str, Sequence[str]],
    *,
    start_seconds: int = 3,
    options: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """supervisord's configuration for ``programs``, run in ``project``.

    ``options`` adds or overrides settings of a program by name (for example
    ``user`` or ``autostart``).
    """
    lines = [
        "[supervisord]",
        f"logfile={workdir / 'supervisord.log'}",
        f"pidfile={workdir / 'supervisord.pid'}",
        "nodaemon=true",
        "loglevel=info",
        "",
        "[unix_http_server]",
        f"file={workdir / 'supervisor.sock'}",
        "chmod=0700",
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = "
        "supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[supervisorctl]",
        f"serverurl=unix://{workdir / 'supervisor.sock'}",
    ]
    for name, command in programs.items():
        settings = {
            "command": " ".join(_quote(part) for part in command),
            "directory": str(project),
            "autostart": "true",
            "autorestart": "true",
            "startsecs": str(start_seconds),
            "startretries": "1000",
            "stopasgroup": "true",
            "killasgroup": "true",
            "stopwaitsecs": "20",
            "redirect_stderr": "true",
            "stdout_logfile": str(workdir / f"{name}.log"),
            "stdout_logfile_maxbytes": "10MB",
            "stdout_logfile_backups": "3",
            **(options or {}).get(name, {}),
        }
        lines += ["", f"[program:{name}]", *(f"{k}={v}" for k, v in settings.items())]
    return "\n".join(lines) + "\n"


def _quote(part: str) -> str:
    # supervisord splits with shlex; '%' starts its own expansions.
    part = part.replace("%", "%%")
    return f'"{part}"' if any(c in part for c in " \t'\"") else part


def main(argv: Sequence[str] | None = None) -> None:
    """Write the configuration and run supervisord in the foreground."""
    parser = argparse.ArgumentParser(prog="python -m bot.supervise")
    parser.add_argument("model")
    parser.add_argument("--dir", type=Path, default=PROJECT_ROOT / "var")
    parser.add_argument("--credentials", default="credentials.yml")
    args = parser.parse_args(argv)
    workdir = args.dir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "supervisord.conf"
    programs = commands(args.model, os.environ, args.credentials)
    config.write_text(supervisord_config(workdir, Path.cwd(), programs))
    supervisord = BIN / "supervisord"
    os.execv(str(supervisord), [str(supervisord), "-n", "-c", str(config)])


if __name__ == "__main__":
    main()
