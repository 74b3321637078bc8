"""nginx's configuration: sticky socket.io, REST to any replica, and nginx -t."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.stack import nginx

LAYOUT = dict(
    public_port=8080,
    action_port=5056,
    rasa_ports=(5005, 5006),
    action_server_ports=(5055,),
    web_port=8000,
)


def block(text: str, opening: str) -> str:
    """The lines of the ``{ ... }`` block that starts with ``opening``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == opening)
    depth, body = 0, []
    for line in lines[start:]:
        depth += line.count("{") - line.count("}")
        body.append(line.strip())
        if depth == 0:
            return "\n".join(body)
    raise AssertionError(f"{opening} is not closed")


def test_socket_io_is_sticky_with_the_websocket_upgrade(tmp_path: Path) -> None:
    text = nginx.config(nginx.Layout.local(tmp_path, **LAYOUT))
    sticky = block(text, "upstream rasa_sticky {")
    assert "hash $backchat_route consistent;" in sticky
    assert sticky.count("server 127.0.0.1:") == 2
    socket = block(text, "location /socket.io/ {")
    assert "proxy_pass http://rasa_sticky;" in socket
    assert "proxy_set_header Upgrade $http_upgrade;" in socket
    assert "proxy_set_header Connection $connection_upgrade;" in socket


def test_rest_goes_to_any_replica_and_the_rest_to_the_web_app(tmp_path: Path) -> None:
    text = nginx.config(nginx.Layout.local(tmp_path, **LAYOUT))
    rasa = block(text, "upstream rasa {")
    assert "least_conn;" in rasa and "hash" not in rasa
    assert [line for line in rasa.splitlines() if line.startswith("server")] == [
        "server 127.0.0.1:5005 max_fails=1 fail_timeout=10s;",
        "server 127.0.0.1:5006 max_fails=1 fail_timeout=10s;",
    ]
    assert "proxy_pass http://rasa;" in block(text, f"location ~ {nginx.RASA_PATHS} {{")
    assert "proxy_pass http://web;" in block(text, "location / {")
    assert "listen 127.0.0.1:5056;" in text  # the action server, for Rasa


def test_a_layout_without_replicas_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one Rasa replica"):
        nginx.Layout.local(tmp_path, **{**LAYOUT, "rasa_ports": ()})
    with pytest.raises(ValueError, match="at least one action server"):
        nginx.Layout.local(tmp_path, **{**LAYOUT, "action_server_ports": ()})


def test_nginx_itself_accepts_the_configuration(tmp_path: Path) -> None:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.skip("nginx is not installed (the fault tests install it)")
    from bot.stack.production import _unprivileged_user

    user = _unprivileged_user() if shutil.os.geteuid() == 0 else None
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        nginx.config(nginx.Layout.local(tmp_path, **LAYOUT, worker_user=user))
    )
    command = nginx.command(binary, conf)
    checked = subprocess.run(
        [*command[:-2], "-t"], capture_output=True, text=True, timeout=30
    )
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


@pytest.mark.parametrize("upstream", ["rasa", "rasa_sticky", "actions", "web"])
def test_every_upstream_keeps_connections_open(tmp_path: Path, upstream: str) -> None:
    text = nginx.config(nginx.Layout.local(tmp_path, **LAYOUT))
    body = block(text, f"upstream {upstream} {{")
    assert f"keepalive {nginx.KEEPALIVE};" in body
    # Closed by nginx before Sanic closes it (5 s), so a POST is never sent on
    # a connection the server has just dropped.
    assert nginx.KEEPALIVE_TIMEOUT_S < 5
    locations = [
        block(text, "location /socket.io/ {"),
        block(text, f"location ~ {nginx.RASA_PATHS} {{"),
    ]
    for location in locations:
        assert "proxy_http_version 1.1;" in location
        assert "proxy_set_header Host $http_host;" in location
    assert 'proxy_set_header Connection "";' in locations[1]
    assert "'' '';" in block(text, "map $http_upgrade $connection_upgrade {")


def test_action_calls_are_kept_in_memory(tmp_path: Path) -> None:
    # A body in a temporary file reached the action server in two writes, the
    # second some 40 ms late (bot/stack/nginx.py): as large as allowed, in memory.
    text = nginx.config(nginx.Layout.local(tmp_path, **LAYOUT))
    listener = text.split("listen 127.0.0.1:5056;", 1)[1].split("location", 1)[0]
    assert listener.split() == [
        "client_max_body_size",
        f"{nginx.ACTION_BODY_MAX};",
        "client_body_buffer_size",
        f"{nginx.ACTION_BODY_MAX};",
    ]
