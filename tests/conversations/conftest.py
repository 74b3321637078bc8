"""One trained model and one running stack per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.modelcache import ensure_model
from tests.conversations.stack import Stack, prepare_database


@pytest.fixture(scope="session")
def model() -> Path:
    return ensure_model()


@pytest.fixture(scope="session")
def stack(model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Rasa server, action server and databases, as `make run` starts them."""
    workdir = tmp_path_factory.mktemp("stack")
    prepare_database(workdir)
    running = Stack(model=model, workdir=workdir).start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def stack_without_actions(
    model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    """The Rasa server alone, its action server unreachable."""
    running = Stack(
        model=model, workdir=tmp_path_factory.mktemp("no-actions"), with_actions=False
    ).start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()
