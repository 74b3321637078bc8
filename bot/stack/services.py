"""PostgreSQL, Redis and nginx from Debian's packages, run as plain processes.

Each service keeps its data and logs in one folder (``var/`` for ``make
run-prod``, a temporary one in the tests), listens on a loopback port and runs
in the foreground, so the launcher (or supervisord) owns it and Ctrl-C stops
it. PostgreSQL refuses to run as root: as root, it runs as the ``postgres``
user that Debian's package creates, over a data folder that user owns.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.settings import PROJECT_ROOT

PACKAGES = {"postgres": "postgresql", "redis": "redis-server", "nginx": "nginx-light"}
INSTALL_SCRIPT = PROJECT_ROOT / "scripts" / "setup_services.sh"
PG_USER = "backchat"
DATABASES = ("backchat", "backchat_tracker")
NOT_INSTALLED = "PostgreSQL is not installed (apt-get install postgresql)"


class ServiceError(RuntimeError):
    """A backing service is missing or does not start; the message says why."""


def _version(postgres: Path) -> int:
    name = postgres.parent.parent.name
    return int(name) if name.isdigit() else 0


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's ``bin`` folder, if any."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/postgres"),
        key=_version,
    )
    return versions[-1].parent if versions else None


def missing_packages() -> list[str]:
    """Debian packages the production profile needs and lacks."""
    missing = []
    if postgres_bin() is None:
        missing.append(PACKAGES["postgres"])
    if not shutil.which("redis-server"):
        missing.append(PACKAGES["redis"])
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        missing.append(PACKAGES["nginx"])
    return missing


def ensure_packages() -> None:
    """Install the missing packages (``scripts/setup_services.sh``, apt-get)."""
    missing = missing_packages()
    if not missing:
        return
    result = subprocess.run(
        ["bash", str(INSTALL_SCRIPT), *missing],
        capture_output=True,
        text=True,
        timeout=900,
    )
    still = missing_packages()
    if result.returncode or still:
        raise ServiceError(
            f"could not install {', '.join(still or missing)} with apt-get: "
            f"{result.stderr.strip()[-400:]}"
        )


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def _let_others_through(folder: Path) -> None:
    """Let other users traverse ``folder`` and its parents (o+x, not read).

    Inside the project (``var/`` is owner-only) the bit is added; elsewhere a
    folder that does not allow it is an error, not something to change.
    """
    for part in [folder, *folder.parents]:
        if part.stat().st_mode & 0o001:
            continue
        if part == PROJECT_ROOT or PROJECT_ROOT in part.parents:
            part.chmod(part.stat().st_mode | 0o001)
        else:
            raise ServiceError(
                f"the postgres user cannot reach {folder}: {part} is closed to "
                "other users; choose a data folder under the project or /tmp"
            )


def as_user(user: str | None) -> dict[str, Any]:
    """``subprocess`` arguments that run as ``user`` with its own groups only.

    ``user=`` alone keeps root's group, which a folder closed to its group
    (``var/``) then refuses even to a user it lets through.
    """
    if user is None:
        return {}
    import pwd

    return {"user": user, "group": pwd.getpwnam(user).pw_gid, "extra_groups": []}


def _run_as() -> str | None:
    """The user PostgreSQL runs as: ``postgres`` when we are root, else us."""
    return "postgres" if os.geteuid() == 0 else None


@dataclass
class Postgres:
    """A PostgreSQL cluster in ``folder``, listening on 127.0.0.1:``port``."""

    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def user(self) -> str | None:
        return _run_as()

    def password(self) -> str:
        """The ``backchat`` role's password, made once (owner-only file)."""
        path = self.folder / "password"
        if not path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(16))
            path.chmod(0o600)
        return path.read_text().strip()

    def url(self, database: str = "backchat") -> str:
        """SQLAlchemy URL of ``database`` as the ``backchat`` role."""
        return (
            f"postgresql://{PG_USER}:{self.password()}@127.0.0.1:{self.port}/{database}"
        )

    def init(self) -> None:
        """Create the cluster (``initdb``) unless it exists; password auth on TCP."""
        if (self.data / "PG_VERSION").exists():
            return
        binaries = postgres_bin()
        if binaries is None:
            raise ServiceError(NOT_INSTALLED)
        self.data.mkdir(parents=True, exist_ok=True)
        pwfile = self.folder / "initdb-password"
        pwfile.write_text(self.password() + "\n")
        self._own(self.folder)
        result = subprocess.run(
            [
                str(binaries / "initdb"),
                "-D",
                str(self.data),
                "-U",
                PG_USER,
                f"--pwfile={pwfile}",
                "--auth-host=scram-sha-256",
                "--auth-local=scram-sha-256",
                "-E",
                "UTF8",
            ],
            capture_output=True,
            text=True,
            **as_user(self.user),
        )
        pwfile.unlink()
        if result.returncode:
            raise ServiceError(f"initdb failed: {result.stderr.strip()[-800:]}")

    def _own(self, path: Path) -> None:
        if self.user:
            _let_others_through(path.resolve().parent)
            path.chmod(0o700)
            shutil.chown(path, self.user, self.user)
            for child in path.rglob("*"):
                shutil.chown(child, self.user, self.user)

    def command(self) -> list[str]:
        """The server in the foreground."""
        binaries = postgres_bin()
        if binaries is None:
            raise ServiceError(NOT_INSTALLED)
        return [
            str(binaries / "postgres"),
            "-D",
            str(self.data),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            f"port={self.port}",
            "-c",
            f"unix_socket_directories={self.data}",
            "-c",
            "max_connections=200",
        ]

    def ready(self) -> bool:
        import psycopg2

        try:
            psycopg2.connect(self.url("postgres"), connect_timeout=2).close()
        except psycopg2.Error:
            return False
        return True

    def create_databases(self, names: tuple[str, ...] = DATABASES) -> None:
        """Create each database unless it exists."""
        import psycopg2

        connection = psycopg2.connect(self.url("postgres"), connect_timeout=5)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                for name in names:
                    cursor.execute(
                        "select 1 from pg_database where datname = %s", (name,)
                    )
                    if cursor.fetchone() is None:
                        cursor.execute(f'create database "{name}"')
        finally:
            connection.close()


@dataclass
class Redis:
    """A Redis for Rasa's conversation locks; nothing persisted."""

    folder: Path
    port: int

    def command(self) -> list[str]:
        return [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.folder),
            "--daemonize",
            "no",
        ]

    def ready(self) -> bool:
        import redis

        try:
            client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
            return bool(client.ping())
        except redis.RedisError:
            return False


def wait_until(check: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll ``check`` until true; raise ``ServiceError`` naming ``what``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise ServiceError(f"{what} did not become ready within {seconds:.0f} s")
