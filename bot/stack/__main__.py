"""``python -m bot.stack``: the production profile under supervisord (make run-prod).

PostgreSQL, Redis, N Rasa replicas, the action server, the web app and nginx,
each restarted by supervisord if it crashes; data and logs in ``--dir``
(default ``var/prod``); every port on loopback; Ctrl-C stops everything.
Secrets come from the environment (``scripts/env.sh``). Ports:

=============================  =======  ===================================
variable                       default  what
=============================  =======  ===================================
BACKCHAT_PROXY_PORT            8080     nginx: the page, the widget, REST
BACKCHAT_RASA_PORT             5005     the first replica (then +1 each)
BACKCHAT_RASA_REPLICAS         2        how many Rasa replicas
BACKCHAT_ACTION_PORT           5055     the action server
BACKCHAT_ACTION_PROXY_PORT     5056     nginx in front of the action server
BACKCHAT_WEB_PORT              8000     the web app
BACKCHAT_POSTGRES_PORT         5433     PostgreSQL
BACKCHAT_PROD_REDIS_PORT       6380     Redis (Rasa's conversation locks)
=============================  =======  ===================================
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.settings import PROJECT_ROOT, SettingsError
from bot.stack.commands import BIN
from bot.stack.database import prepare_database
from bot.stack.production import SERVICES, ProductionStack
from bot.stack.services import ServiceError, ensure_packages, wait_until
from bot.stack.stack import answers
from bot.supervise import supervisord_config

DEFAULTS = {
    "BACKCHAT_PROXY_PORT": 8080,
    "BACKCHAT_RASA_PORT": 5005,
    "BACKCHAT_RASA_REPLICAS": 2,
    "BACKCHAT_ACTION_PORT": 5055,
    "BACKCHAT_ACTION_PROXY_PORT": 5056,
    "BACKCHAT_WEB_PORT": 8000,
    "BACKCHAT_POSTGRES_PORT": 5433,
    "BACKCHAT_PROD_REDIS_PORT": 6380,
}
SECRETS = ("BACKCHAT_RASA_TOKEN", "BACKCHAT_ACTION_TOKEN", "BACKCHAT_SESSION_SECRET")


def numbers(env: Mapping[str, str]) -> dict[str, int]:
    """The ports and replica count from ``env``; a clear error for a bad one."""
    values = {}
    for name, default in DEFAULTS.items():
        raw = env.get(name) or str(default)
        if not raw.isdigit() or int(raw) < 1 or int(raw) > 65535:
            raise SettingsError(f"{name} must be a whole number from 1, got {raw!r}")
        values[name] = int(raw)
    if values["BACKCHAT_RASA_REPLICAS"] > 32:
        raise SettingsError("BACKCHAT_RASA_REPLICAS above 32 is surely a mistake")
    return values


def build_stack(model: Path, folder: Path, env: Mapping[str, str]) -> ProductionStack:
    """The production stack on the configured ports, with the given secrets."""
    missing = [name for name in SECRETS if not env.get(name)]
    if missing:
        raise SettingsError(f"set {', '.join(missing)} (source scripts/env.sh)")
    ports = numbers(env)
    replicas = ports["BACKCHAT_RASA_REPLICAS"]
    first = ports["BACKCHAT_RASA_PORT"]
    return ProductionStack(
        model=model,
        workdir=folder,
        services_dir=folder,
        replicas=replicas,
        rasa_ports=tuple(range(first, first + replicas)),
        action_port=ports["BACKCHAT_ACTION_PORT"],
        web_port=ports["BACKCHAT_WEB_PORT"],
        proxy_port=ports["BACKCHAT_PROXY_PORT"],
        action_proxy_port=ports["BACKCHAT_ACTION_PROXY_PORT"],
        postgres_port=ports["BACKCHAT_POSTGRES_PORT"],
        redis_port=ports["BACKCHAT_PROD_REDIS_PORT"],
        token=env["BACKCHAT_RASA_TOKEN"],
        action_token=env["BACKCHAT_ACTION_TOKEN"],
        session_secret=env["BACKCHAT_SESSION_SECRET"],
        rest_requires_token=True,
        settings_profile="production",
    )


def supervised_config(stack: ProductionStack, folder: Path) -> Path:
    """supervisord's configuration: services start at once, servers when told."""
    programs = stack.programs()
    # supervisord stops in reverse priority: nginx first, the services last.
    options = {
        name: {
            "autostart": "true" if name in SERVICES else "false",
            "priority": "100"
            if name in SERVICES
            else "900"
            if name == "nginx"
            else "500",
        }
        for name in programs
    }
    for name, program in programs.items():
        if program.user:
            options[name]["user"] = program.user
    options["postgres"]["stopsignal"] = "INT"  # fast shutdown: clients cut off
    conf = folder / "supervisord.conf"
    commands = {name: program.command for name, program in programs.items()}
    conf.write_text(supervisord_config(folder, PROJECT_ROOT, commands, options=options))
    return conf


def run(stack: ProductionStack, folder: Path) -> int:
    """Start everything under supervisord and wait for Ctrl-C."""
    stack.prepare()
    conf = supervised_config(stack, folder)
    supervisord = subprocess.Popen(
        [str(BIN / "supervisord"), "-n", "-c", str(conf)], env=stack.env
    )
    try:
        wait_until(stack.postgres.ready, 60, "PostgreSQL")
        wait_until(stack.redis.ready, 30, "Redis")
        stack.postgres.create_databases()
        prepare_database(folder, stack.database_url)
        servers = [name for name in stack.programs() if name not in SERVICES]
        print(f"==> starting {', '.join(servers)} (models load in about a minute)")
        subprocess.run(
            [str(BIN / "supervisorctl"), "-c", str(conf), "start", *servers],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wait_until(lambda: all(answers(u) for u in stack.health_urls()), 300, "servers")
        print(banner(stack, folder))
        return supervisord.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if supervisord.poll() is None:
            supervisord.terminate()
        supervisord.wait(timeout=120)


def banner(stack: ProductionStack, folder: Path) -> str:
    return f"""
BackChat, production profile: {stack.replicas} Rasa replicas behind nginx.
  Chat in a browser: {stack.url}/
  Clinician console: {stack.url}/console
  REST:              curl -s -XPOST {stack.url}/webhooks/rest/webhook \\
                       -H "Authorization: Bearer $(cat var/secrets/rasa-token)" \\
                       -d '{{"sender":"me","message":"hi"}}'
  Processes:         .venv/bin/supervisorctl -c {folder}/supervisord.conf status
  Logs and data:     {folder}/
Press Ctrl-C to stop everything."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.stack", description=__doc__)
    parser.add_argument("--dir", type=Path, default=PROJECT_ROOT / "var" / "prod")
    parser.add_argument("--model", type=Path, help="default: train if data changed")
    args = parser.parse_args(argv)
    folder = args.dir.resolve()
    try:
        ensure_packages()
        if args.model is None:
            from bot.modelcache import ensure_model

            print("==> training the model if the data changed")
            args.model = ensure_model()
        stack = build_stack(args.model, folder, os.environ)
        return run(stack, folder)
    except (SettingsError, ServiceError) as error:
        print(f"python -m bot.stack: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
