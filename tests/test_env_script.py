"""scripts/env.sh: the worker count decides the lock store; bad counts stop early."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def source_env(workers: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKCHAT_")}
    env.pop("SANIC_WORKERS", None)
    if workers is not None:
        env["BACKCHAT_RASA_WORKERS"] = workers
    return subprocess.run(
        [
            "bash",
            "-c",
            "set -e; source scripts/env.sh; "
            'echo "$SANIC_WORKERS $BACKCHAT_LOCK_STORE $BACKCHAT_REDIS_PORT"',
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    ("workers", "expected"),
    [
        (None, "1 in_memory 6379"),
        ("", "1 in_memory 6379"),  # empty is unset
        ("1", "1 in_memory 6379"),
        ("2", "2 redis 6379"),
    ],
)
def test_workers_choose_the_lock_store(workers: str | None, expected: str) -> None:
    result = source_env(workers)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.parametrize("workers", ["0", "two", "-1", "2; rm -rf /", "1.5"])
def test_a_bad_worker_count_stops_with_a_clear_message(workers: str) -> None:
    result = source_env(workers)
    assert result.returncode != 0
    assert "BACKCHAT_RASA_WORKERS must be a whole number of at least 1" in result.stderr


@pytest.mark.parametrize(
    ("lock_store", "expected"),
    [("in_memory", "InMemoryLockStore"), ("redis", "RedisLockStore")],
)
def test_endpoints_yml_takes_the_lock_store_from_the_environment(
    lock_store: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import read_endpoint_config

    for name, value in {
        "BACKCHAT_ACTION_ENDPOINT": "http://127.0.0.1:1/webhook",
        "BACKCHAT_ACTION_TOKEN": "test-action-secret",
        "BACKCHAT_TRACKER_DIALECT": "sqlite",
        "BACKCHAT_TRACKER_URL": "sqlite:///unused.db",
        "BACKCHAT_LOCK_STORE": lock_store,
        "BACKCHAT_REDIS_HOST": "127.0.0.1",
        "BACKCHAT_REDIS_PORT": "6399",
    }.items():
        monkeypatch.setenv(name, value)
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "lock_store")
    store = LockStore.create(config)  # Redis connects lazily: no server needed
    assert type(store).__name__ == "ConversationLockStore"
    assert type(store.backend).__name__ == expected
    if lock_store == "redis":
        assert store.backend.red.connection_pool.connection_kwargs["port"] == 6399
