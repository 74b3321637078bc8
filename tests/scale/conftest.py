"""The production profile started once for the fault tests, and their figures.

The stack starts its own PostgreSQL, Redis and nginx from Debian's packages
(installed with apt-get when missing); the tests are skipped, with the reason,
only when a package cannot be installed. The figures each test records (sent,
answered, lost, recovery times) are printed at the end of the run.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.stack.production import ProductionStack
from bot.stack.services import ServiceError, ensure_packages

FIGURES: list[str] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if FIGURES:
        terminalreporter.section("production profile: fault figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def figure() -> Callable[[str], None]:
    """Record one line of figures for the end-of-run summary."""

    def record(line: str) -> None:
        print(line)
        FIGURES.append(line)

    return record


@pytest.fixture(scope="session")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProductionStack]:
    """Two Rasa replicas, the action server and the web app behind nginx."""
    try:
        ensure_packages()
    except ServiceError as error:
        pytest.skip(str(error))
    from bot.modelcache import ensure_model

    workdir = tmp_path_factory.mktemp("production")
    model = workdir / "model.tar.gz"  # a copy: another run retraining cannot race it
    shutil.copyfile(ensure_model(), model)
    # Outside pytest's owner-only temporary folder: PostgreSQL runs as `postgres`
    # when the tests run as root, and must reach its data.
    services = Path(tempfile.mkdtemp(prefix="backchat-services-"))
    running = ProductionStack(
        model=model, workdir=workdir, services_dir=services, replicas=2
    )
    try:
        running.start()
        running.wait_ready()
        yield running
    finally:
        running.stop()
        shutil.rmtree(services, ignore_errors=True)
