"""Two Rasa workers behind one port: conversations stay whole and in order.

Each message may land on either worker, so this checks the Redis lock store and
the tracker store's check that its remembered tracker is still the latest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conversations.stack import Stack, prepare_database
from tests.conversations.test_triage_conversations import (
    BENIGN_SCREEN_ANSWERS,
    EMERGENCY,
    converse,
    sender,
    start_lower_back,
)


def redis_answers(port: int) -> bool:
    import redis

    try:
        return bool(redis.Redis(host="127.0.0.1", port=port, socket_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="module")
def two_workers(
    model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    port = int(os.environ.get("BACKCHAT_REDIS_PORT", "6379"))
    if not redis_answers(port):
        pytest.skip(f"no Redis on 127.0.0.1:{port} (make test starts one)")
    workdir = tmp_path_factory.mktemp("two-workers")
    prepare_database(workdir)
    running = Stack(model=model, workdir=workdir, workers=2).start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


def benign_triage(stack: Stack) -> str:
    who = sender()
    start_lower_back(stack, who)
    converse(stack, who, BENIGN_SCREEN_ANSWERS)
    return who


def _children(pid: int) -> list[str]:
    """The child processes of every thread of ``pid`` (a worker may be forked
    by any of them)."""
    return [
        child
        for task in Path(f"/proc/{pid}/task").iterdir()
        for child in (task / "children").read_text().split()
    ]


def test_rasa_really_runs_two_workers(two_workers: Stack) -> None:
    rasa = two_workers.processes["rasa"].pid
    # On a loaded 2-core machine the second worker may still be starting (or
    # be restarted) when the first answers: wait for it, then count.
    deadline = time.monotonic() + 30
    while len(_children(rasa)) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert len(_children(rasa)) == 2


def test_parallel_conversations_complete_across_workers(two_workers: Stack) -> None:
    with ThreadPoolExecutor(max_workers=6) as pool:
        senders = list(pool.map(lambda _: benign_triage(two_workers), range(6)))
    for who in senders:
        slots = two_workers.slots(who)
        assert slots["triage_level"] == "self_care"
        assert slots["has_night_pain"] is False
        assert slots["pain_location"] == "lower_back"


def test_an_emergency_still_comes_first_with_two_workers(two_workers: Stack) -> None:
    who = sender()
    start_lower_back(two_workers, who)
    reply = two_workers.text(who, "yes")
    assert EMERGENCY in reply.lower()
