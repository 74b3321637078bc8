"""Fixtures of the web tests: a database with a clinician, the running stack, a browser.

The browser is Debian's chromium driven by Playwright (never `playwright install`);
``scripts/setup_browser.sh`` installs it and the widget's npm package when missing.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.db import Base, get_engine, get_session_factory
from tests.conversations.stack import ROOT
from tests.conversations.stack import prepare_database as migrated_and_seeded
from tests.web.stack import WebStack

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDGET_BUNDLE = ROOT / "node_modules/rasa-webchat/lib/index.js"
CLINICIAN = "alice"
CLINICIAN_PASSWORD = "a long test password"


def prepare_database(workdir: Path) -> str:
    """A migrated, seeded BackChat database with one clinician account."""
    from bot.handoff.accounts import create_account

    url = migrated_and_seeded(workdir)
    with get_session_factory(url).begin() as session:
        create_account(session, CLINICIAN, CLINICIAN_PASSWORD)
    return url


def _ensure_browser_installed() -> str | None:
    """Install chromium and the widget if missing; the reason they can't be, or None."""
    if not (CHROMIUM.exists() and WIDGET_BUNDLE.exists()):
        result = subprocess.run(
            ["bash", str(ROOT / "scripts/setup_browser.sh")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            return f"scripts/setup_browser.sh failed: {result.stderr[-500:]}"
    if not CHROMIUM.exists():
        return "chromium could not be installed (apt-get install chromium)"
    if not WIDGET_BUNDLE.exists():
        return "rasa-webchat could not be installed (npm ci)"
    return None


@pytest.fixture(scope="session")
def web_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The trained model, copied so that another run retraining cannot race it."""
    from bot.modelcache import ensure_model

    copy = tmp_path_factory.mktemp("model") / "model.tar.gz"
    shutil.copyfile(ensure_model(), copy)
    return copy


@pytest.fixture(scope="session")
def web_stack(
    web_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WebStack]:
    """Rasa (token-protected), the action server and the web app."""
    reason = _ensure_browser_installed()
    if reason:
        pytest.skip(reason)
    workdir = tmp_path_factory.mktemp("web-stack")
    prepare_database(workdir)
    running = WebStack(model=web_model, workdir=workdir).start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def browser(web_stack: WebStack) -> Iterator[Any]:
    """Headless Debian chromium, driven by Playwright, for one module.

    Not for the session: Playwright's sync API keeps an event loop marked as
    running in the main thread until it stops, and every later test that runs
    a loop there (``asyncio.run``, ``run_until_complete``) would fail.
    """
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip)"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def db_session(tmp_path: Path) -> Iterator[Any]:
    """A session on a fresh database with every table; rolled back at the end."""
    # Importing the models registers their tables.
    import bot.handoff.console_models
    import bot.handoff.models  # noqa: F401

    url = f"sqlite:///{tmp_path / 'console.db'}"
    Base.metadata.create_all(get_engine(url))
    with get_session_factory(url)() as session:
        yield session
        session.rollback()
