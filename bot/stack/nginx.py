"""nginx in front of the Rasa replicas, the action server and the web app.

One public origin serves everything, so the widget's socket.io and the page
share cookies:

* ``/socket.io/`` goes to one replica per browser (sticky): nginx sets a
  ``backchat_route`` cookie on the first response and hashes on it (a client
  without cookies is hashed on its address), with the websocket upgrade. A
  replica that stops answering is skipped and its browsers reconnect to another;
* Rasa's REST channel and HTTP API go to any replica (least connections): every
  replica reads the conversation from the shared tracker store and locks it in
  Redis, so no stickiness is needed;
* everything else is the web app (page, widget, console).

Its access log (``access.log``) names the replica that answered each request.
A second, internal listener puts the action server(s) behind nginx for Rasa.
Only nginx's own open-source modules are used (``hash``, ``map``), as Debian
ships them.

Every upstream keeps idle connections open (``keepalive``, HTTP/1.1 with an
empty ``Connection`` header): without it nginx opened a new TCP connection to a
replica or the action server for every message, and Sanic set up a connection
task for each (about 1 ms of CPU per message, and a round trip, in the bench).
nginx drops an idle connection after 4 s, before Sanic does (5 s by default):
a POST on a connection the server has just closed would not be retried.

The action listener keeps each request body in memory
(``client_body_buffer_size``). With nginx's 16 kB default, every action call
(Rasa posts the whole tracker) was written to a temporary file and
forwarded in two writes, the second held back until the action server
acknowledged the first, which Linux delays by up to 40 ms: a message through
the production profile took 58 ms at one person, against 16 ms with the
bodies in memory (as direct to the action server).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

LOOPBACK = "127.0.0.1"
RASA_PATHS = r"^/(webhooks|conversations|status|version|model)(/|$)"
ROUTE_COOKIE = "backchat_route"
KEEPALIVE = 32  # idle connections kept open per nginx worker and upstream
KEEPALIVE_TIMEOUT_S = 4  # under Sanic's KEEP_ALIVE_TIMEOUT (5 s)
# An action call's body (the whole tracker), as the action server accepts it.
ACTION_BODY_MAX = "8m"


@dataclass(frozen=True)
class Layout:
    """Where nginx listens and what it forwards to, as ``host:port`` addresses.

    ``local`` builds the one-machine layout (everything on loopback); the
    container deployments in ``docs/deploy/`` use service names instead.
    """

    folder: Path  # pid file, logs and temporary files
    public: str  # where people (and REST clients) connect
    actions_listen: str  # the internal listener Rasa calls actions through
    rasa: tuple[str, ...]
    action_servers: tuple[str, ...]
    web: str
    worker_user: str | None = None  # when started as root

    def __post_init__(self) -> None:
        if not self.rasa:
            raise ValueError("nginx needs at least one Rasa replica")
        if not self.action_servers:
            raise ValueError("nginx needs at least one action server")

    @classmethod
    def local(
        cls,
        folder: Path,
        *,
        public_port: int,
        action_port: int,
        rasa_ports: Sequence[int],
        action_server_ports: Sequence[int],
        web_port: int,
        worker_user: str | None = None,
    ) -> Layout:
        """Everything on 127.0.0.1, by port."""
        return cls(
            folder=folder,
            public=f"{LOOPBACK}:{public_port}",
            actions_listen=f"{LOOPBACK}:{action_port}",
            rasa=tuple(f"{LOOPBACK}:{port}" for port in rasa_ports),
            action_servers=tuple(f"{LOOPBACK}:{port}" for port in action_server_ports),
            web=f"{LOOPBACK}:{web_port}",
            worker_user=worker_user,
        )


def _servers(addresses: Sequence[str], fail_timeout_s: int) -> list[str]:
    return [
        f"        server {address} max_fails=1 fail_timeout={fail_timeout_s}s;"
        for address in addresses
    ]


def _keepalive() -> list[str]:
    return [
        f"        keepalive {KEEPALIVE};",
        f"        keepalive_timeout {KEEPALIVE_TIMEOUT_S}s;",
    ]


def _proxy(upstream: str, *headers: str) -> list[str]:
    """A location's proxying to ``upstream`` over a kept-alive connection.

    A location that sets any header loses the server's, so each repeats them.
    """
    return [
        f"            proxy_pass http://{upstream};",
        "            proxy_http_version 1.1;",
        "            proxy_set_header Host $http_host;",
        "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        *(f"            proxy_set_header {header};" for header in headers),
    ]


def config(layout: Layout) -> str:
    """The whole ``nginx.conf`` for ``layout``."""
    folder = layout.folder
    user = [f"user {layout.worker_user};"] if layout.worker_user else []
    lines = [
        *user,
        "worker_processes 1;",
        f"pid {folder / 'nginx.pid'};",
        f"error_log {folder / 'nginx-error.log'} warn;",
        "events { worker_connections 2048; }",
        "http {",
        # Which replica answered each request: the fault tests and sizing read it.
        "    log_format upstream '$msec $upstream_addr $status $request_method $uri';",
        "    access_log off;",
        f"    client_body_temp_path {folder / 'tmp-body'};",
        f"    proxy_temp_path {folder / 'tmp-proxy'};",
        f"    fastcgi_temp_path {folder / 'tmp-fastcgi'};",
        f"    uwsgi_temp_path {folder / 'tmp-uwsgi'};",
        f"    scgi_temp_path {folder / 'tmp-scgi'};",
        "    client_max_body_size 1m;",
        "    proxy_connect_timeout 2s;",
        "    proxy_read_timeout 120s;",
        "    proxy_buffering off;",
        "    map $http_upgrade $connection_upgrade {",
        "        default upgrade;",
        "        '' '';",  # a plain request keeps the connection for the next
        "    }",
        f"    map $cookie_{ROUTE_COOKIE} $backchat_route {{",
        '        "" $remote_addr;',
        f"        default $cookie_{ROUTE_COOKIE};",
        "    }",
        f"    map $cookie_{ROUTE_COOKIE} $backchat_set_route {{",
        f'        "" "{ROUTE_COOKIE}=$request_id; Path=/; HttpOnly; SameSite=Lax";',
        '        default "";',
        "    }",
        "    upstream rasa {",
        "        least_conn;",
        *_servers(layout.rasa, 10),
        *_keepalive(),
        "    }",
        "    upstream rasa_sticky {",
        "        hash $backchat_route consistent;",
        *_servers(layout.rasa, 10),
        *_keepalive(),
        "    }",
        "    upstream actions {",
        *_servers(layout.action_servers, 2),
        *_keepalive(),
        "    }",
        "    upstream web {",
        f"        server {layout.web};",
        *_keepalive(),
        "    }",
        "    server {",
        f"        listen {layout.public};",
        f"        access_log {folder / 'access.log'} upstream;",
        "        add_header Set-Cookie $backchat_set_route;",
        "        location /socket.io/ {",
        *_proxy(
            "rasa_sticky",
            "Upgrade $http_upgrade",
            "Connection $connection_upgrade",
        ),
        "        }",
        f"        location ~ {RASA_PATHS} {{",
        *_proxy("rasa", 'Connection ""'),
        "        }",
        "        location / {",
        *_proxy("web", 'Connection ""'),
        "        }",
        "    }",
        "    server {",
        f"        listen {layout.actions_listen};",
        f"        client_max_body_size {ACTION_BODY_MAX};",
        # Bodies in memory, not in a temporary file: some 40 ms less per
        # action call (module docstring).
        f"        client_body_buffer_size {ACTION_BODY_MAX};",
        "        location / {",
        *_proxy("actions", 'Connection ""'),
        "        }",
        "    }",
        "}",
    ]
    return "\n".join(lines) + "\n"


def command(binary: str, conf: Path) -> list[str]:
    """nginx in the foreground with ``conf`` (its errors to its own log)."""
    return [
        binary,
        "-p",
        str(conf.parent),
        "-c",
        str(conf),
        "-e",
        "stderr",
        "-g",
        "daemon off;",
    ]
