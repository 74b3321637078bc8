"""The production profile: N Rasa replicas and the action server behind nginx.

PostgreSQL holds the tracker store (database ``backchat_tracker``) and
BackChat's own tables (``backchat``: library, hand-off queue, console sessions,
follow-ups); Redis holds Rasa's conversation locks, so any replica can answer
any message. Each replica is a one-worker ``rasa run``; the widget's socket.io
sessions are pinned to one replica by nginx (``bot.stack.nginx``).

``ProductionStack`` runs it all as one process group (tests, bench);
``python -m bot.stack`` runs it under supervisord (``make run-prod``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bot.stack import nginx
from bot.stack.commands import (
    actions_command,
    free_port,
    project_credentials,
    rasa_command,
    web_command,
)
from bot.stack.database import prepare_database
from bot.stack.services import (
    Postgres,
    Redis,
    ServiceError,
    nginx_binary,
    wait_until,
)
from bot.stack.stack import WebStack, answers

SERVICES = ("postgres", "redis")


@dataclass(frozen=True)
class Program:
    """One process of the stack: its command and the user it runs as."""

    command: list[str]
    user: str | None = None


def _unprivileged_user() -> str:
    """``nobody`` and its group, for nginx's workers when started as root."""
    import grp
    import pwd

    group = grp.getgrgid(pwd.getpwnam("nobody").pw_gid).gr_name
    return f"nobody {group}"


def _free_ports(count: int) -> tuple[int, ...]:
    return tuple(free_port() for _ in range(count))


@dataclass
class ProductionStack(WebStack):
    """PostgreSQL, Redis, nginx, N Rasa replicas, the action server, the web app.

    ``url`` and ``web_url`` are nginx's public origin; ``replica_url(i)`` reaches
    one replica directly. ``services_dir`` holds the services' data (it must be
    reachable by the ``postgres`` user when run as root).
    """

    replicas: int = 2
    services_dir: Path | None = None
    proxy_port: int = field(default_factory=free_port)
    action_proxy_port: int = field(default_factory=free_port)
    postgres_port: int = field(default_factory=free_port)
    redis_port: int = field(default_factory=free_port)
    rasa_ports: tuple[int, ...] = ()
    settings_profile: str = "development"  # BACKCHAT_PROFILE of the servers

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.replicas < 1:
            raise ValueError(f"replicas must be at least 1, got {self.replicas}")
        if not self.rasa_ports:
            self.rasa_ports = _free_ports(self.replicas)
        if len(self.rasa_ports) != self.replicas:
            raise ValueError("give one Rasa port per replica")
        folder = self.services_dir or self.workdir / "services"
        self.services_dir = folder
        self.postgres = Postgres(folder / "postgres", self.postgres_port)
        self.redis = Redis(folder / "redis", self.redis_port)

    # Where things answer -------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"

    @property
    def web_url(self) -> str:
        return self.url

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_proxy_port}/webhook"

    def replica_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.rasa_ports[index]}"

    @property
    def replica_names(self) -> tuple[str, ...]:
        return tuple(f"rasa-{i + 1}" for i in range(self.replicas))

    @property
    def database_url(self) -> str:
        return self.postgres.url("backchat")

    @property
    def env(self) -> dict[str, str]:
        return {
            **super().env,
            "BACKCHAT_DATABASE_URL": self.database_url,
            "BACKCHAT_TRACKER_DIALECT": "postgresql",
            "BACKCHAT_TRACKER_URL": self.postgres.url("backchat_tracker"),
            "SANIC_WORKERS": "1",
            "BACKCHAT_LOCK_STORE": "redis",
            "BACKCHAT_REDIS_HOST": "127.0.0.1",
            "BACKCHAT_REDIS_PORT": str(self.redis_port),
            "BACKCHAT_RASA_URL": self.url,
            "BACKCHAT_PUBLIC_RASA_URL": self.url,
            "BACKCHAT_ALLOWED_ORIGINS": ",".join(self.origins()),
            "BACKCHAT_PROFILE": self.settings_profile,
        }

    def origins(self) -> list[str]:
        return [self.url, f"http://localhost:{self.proxy_port}"]

    # What runs -----------------------------------------------------------

    def nginx_layout(self) -> nginx.Layout:
        return nginx.Layout.local(
            self.nginx_dir,
            public_port=self.proxy_port,
            action_port=self.action_proxy_port,
            rasa_ports=self.rasa_ports,
            action_server_ports=(self.action_port,),
            web_port=self.web_port,
            worker_user=_unprivileged_user() if os.geteuid() == 0 else None,
        )

    @property
    def nginx_dir(self) -> Path:
        assert self.services_dir is not None
        return self.services_dir / "nginx"

    def write_nginx_config(self) -> Path:
        self.nginx_dir.mkdir(parents=True, exist_ok=True)
        self.nginx_dir.chmod(0o755)  # workers (nobody) reach their temp files
        conf = self.nginx_dir / "nginx.conf"
        conf.write_text(nginx.config(self.nginx_layout()))
        return conf

    def programs(self) -> dict[str, Program]:
        """Every process, in start order: services, then servers, then nginx."""
        credentials = project_credentials(self.workdir, self.project)
        programs = {
            "postgres": Program(self.postgres.command(), self.postgres.user),
            "redis": Program(self.redis.command()),
            "actions": Program(actions_command(self.action_port)),
        }
        cors = tuple(self.origins())
        for name, port in zip(self.replica_names, self.rasa_ports, strict=True):
            programs[name] = Program(
                rasa_command(self.model, port, credentials=credentials, cors=cors)
            )
        programs["web"] = Program(web_command())
        programs["nginx"] = Program(
            nginx.command(nginx_binary(), self.nginx_dir / "nginx.conf")
        )
        return programs

    def prepare(self) -> None:
        """Create what the programs need on disk: clusters, folders, nginx.conf."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        assert self.services_dir is not None
        self.services_dir.mkdir(parents=True, exist_ok=True)
        self.services_dir.chmod(0o755)
        self.redis.folder.mkdir(parents=True, exist_ok=True)
        self.postgres.init()
        self.write_nginx_config()

    def start(self) -> ProductionStack:
        """Start everything; the app's databases are created and migrated."""
        self.prepare()
        for name in SERVICES:
            self.start_program(name)
        self.wait_for_services()
        self.postgres.create_databases()
        prepare_database(self.workdir, self.database_url)
        for name in self.programs():
            if name not in SERVICES:
                self.start_program(name)
        return self

    def start_program(self, name: str) -> None:
        """Start (or restart, after ``kill``) one program by name."""
        program = self.programs()[name]
        self.group.spawn(
            name, program.command, cwd=self.project, env=self.env, user=program.user
        )

    def wait_for_services(self, seconds: float = 60) -> None:
        wait_until(self._services_ready, seconds, "PostgreSQL and Redis")

    def _services_ready(self) -> bool:
        for name, code in self.group.exited().items():
            raise ServiceError(f"{name} exited ({code}); log:\n{self.log(name)}")
        return self.postgres.ready() and self.redis.ready()

    def health_urls(self) -> list[str]:
        replicas = [
            f"{self.replica_url(i)}/status?token={self.token}"
            for i in range(self.replicas)
        ]
        return [
            *replicas,
            f"http://127.0.0.1:{self.action_port}/health",
            f"{self.url}/widget.js",
            f"{self.url}/status?token={self.token}",
        ]

    def wait_ready(self, timeout: float = 300) -> None:
        try:
            super().wait_ready(timeout)
        except TimeoutError as error:
            logs = "\n".join(
                f"--- {name}\n{self.group.log(name, 1500)}" for name in self.programs()
            )
            raise TimeoutError(f"{error}\n{logs}") from None

    def replica_serves(self, index: int) -> bool:
        return answers(f"{self.replica_url(index)}/status?token={self.token}")

    def serving(self, name: str) -> bool:
        """Whether the program ``name`` answers now."""
        if name == "postgres":
            return self.postgres.ready()
        if name == "redis":
            return self.redis.ready()
        if name == "actions":
            return answers(f"http://127.0.0.1:{self.action_port}/health")
        if name == "web":
            return answers(f"http://127.0.0.1:{self.web_port}/widget.js")
        if name == "nginx":
            return answers(f"{self.url}/widget.js")
        return self.replica_serves(self.replica_names.index(name))

    def wait_serving(self, name: str, seconds: float = 240) -> None:
        """Wait until ``name`` answers (after a start or restart)."""
        wait_until(lambda: self.serving(name), seconds, name)
