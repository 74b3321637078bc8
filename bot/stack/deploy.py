"""The production profile for containers: ports, names and nginx's configuration.

``docs/deploy/compose/`` and ``docs/deploy/kubernetes/`` run the same servers as
``make run-prod`` with service names instead of loopback ports; the nginx
configuration of the compose file is generated from ``bot.stack.nginx`` here
(``python -m bot.stack.deploy > docs/deploy/compose/nginx.conf``), and a test
checks the committed copy and the commands in both against the launcher's.
"""

from __future__ import annotations

from pathlib import Path

from bot.stack import nginx

PUBLIC_PORT = 8080
ACTIONS_PROXY_PORT = 5056
RASA_PORT = 5005
ACTION_PORT = 5055
WEB_PORT = 8000
COMPOSE_REPLICAS = 2
NGINX_FOLDER = Path("/var/cache/nginx")  # writable in Debian's nginx image


def compose_replica_names(replicas: int = COMPOSE_REPLICAS) -> tuple[str, ...]:
    return tuple(f"rasa-{i + 1}" for i in range(replicas))


def compose_layout(replicas: int = COMPOSE_REPLICAS) -> nginx.Layout:
    """nginx in the compose file: the services by name, listening on all."""
    return nginx.Layout(
        folder=NGINX_FOLDER,
        public=f"0.0.0.0:{PUBLIC_PORT}",
        actions_listen=f"0.0.0.0:{ACTIONS_PROXY_PORT}",
        rasa=tuple(f"{name}:{RASA_PORT}" for name in compose_replica_names(replicas)),
        action_servers=(f"actions:{ACTION_PORT}",),
        web=f"web:{WEB_PORT}",
        worker_user="nginx",
    )


def main() -> None:
    """Print the compose file's nginx configuration."""
    print(nginx.config(compose_layout()), end="")


if __name__ == "__main__":
    main()
