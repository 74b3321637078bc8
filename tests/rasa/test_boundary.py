"""The Rasa boundary: only ``bot/rasa/`` imports Rasa, and its patches are explicit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor

import bot.rasa
from bot.rasa import (
    SUPPORTED_RASA,
    RasaVersionError,
    check_rasa_version,
    install,
    installed,
    patches,
    uninstall,
)

ROOT = Path(__file__).resolve().parents[2]
BOUNDARY = ROOT / "bot" / "rasa"


def rasa_imports(source: str) -> list[str]:
    """Modules of the ``rasa`` package (not ``rasa_sdk``) a source file imports."""
    return [n for n in _imported(source) if n == "rasa" or n.startswith("rasa.")]


def test_rasa_imports_are_found_and_rasa_sdk_is_not() -> None:
    source = (
        "import rasa\nfrom rasa.core import agent\nimport rasa_sdk\n"
        "from rasa_sdk import Tracker\nfrom . import rasa\n"
        "def f():\n    from rasa.shared.core.events import SlotSet\n"
    )
    assert rasa_imports(source) == ["rasa", "rasa.core", "rasa.shared.core.events"]


@pytest.mark.parametrize("package", ["bot", "actions"])
def test_only_the_boundary_imports_rasa(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in sorted((ROOT / package).rglob("*.py"))
        if BOUNDARY not in path.parents
        and (found := rasa_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "import Rasa only inside bot/rasa/"


def test_only_the_boundary_in_bot_imports_rasa_sdk() -> None:
    # actions/ is the rasa-sdk action code itself; in bot/ the SDK is Rasa too
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "bot").rglob("*.py"))
        if BOUNDARY not in path.parents
        and any(
            name == "rasa_sdk" or name.startswith("rasa_sdk.")
            for name in _imported(path.read_text(encoding="utf-8"))
        )
    ]
    assert offenders == [], "import rasa_sdk in bot/ only inside bot/rasa/"


def _imported(source: str) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_the_boundary_package_imports_no_rasa_itself() -> None:
    """``import bot.rasa`` patches nothing and loads no Rasa module."""
    assert rasa_imports((BOUNDARY / "__init__.py").read_text()) == [
        "rasa"  # inside install(), for its version
    ]


def test_the_version_the_patches_were_written_for_is_accepted() -> None:
    check_rasa_version(SUPPORTED_RASA)


@pytest.mark.parametrize("other", ["3.6.20", "3.6.22", "3.7.0", "4.0.0", ""])
def test_another_rasa_release_is_refused_with_what_to_do(other: str) -> None:
    with pytest.raises(RasaVersionError, match=rf"Rasa {other} is installed") as error:
        check_rasa_version(other)
    assert f"rasa=={SUPPORTED_RASA}" in str(error.value)


def test_install_refuses_another_release_and_patches_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import rasa

    run = RemoteAction.__dict__["run"]
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RasaVersionError):
        install()
    assert RemoteAction.__dict__["run"] is run
    assert not installed()


def test_install_applies_every_patch_and_uninstall_gives_rasa_back() -> None:
    before = {(p.owner, p.name): p.owner.__dict__[p.name] for p in patches()}
    assert not installed()
    install()
    try:
        assert installed()
        assert all(p.owner.__dict__[p.name] is p.replacement for p in patches())
    finally:
        uninstall()
    assert not installed()
    after = {(p.owner, p.name): p.owner.__dict__[p.name] for p in patches()}
    assert after == before


def test_the_patched_rasa_methods_are_the_ones_listed() -> None:
    """Each patch that remains, by the Rasa method it replaces."""
    assert {(p.owner, p.name) for p in patches()} == {
        (RemoteAction, "_validate_action_result"),
        (RemoteAction, "run"),
        (MessageProcessor, "_should_handle_message"),
        (bot.rasa.import_module("rasa.shared.core.events").Event, "resolve_by_type"),
        (bot.rasa.import_module("rasa.utils.endpoints").EndpointConfig, "session"),
    }


def test_the_boundary_readme_gives_each_patch_its_reason() -> None:
    readme = (Path(bot.rasa.__file__).parent / "README.md").read_text()
    table = readme.split("## The patches that remain")[1].split("\n## ")[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    documented = {row.split("`")[1] for row in rows}
    assert documented == {f"{p.owner.__name__}.{p.name}" for p in patches()}


def test_a_model_is_not_served_without_the_patches() -> None:
    from bot.rasa.policy import EmergencyPolicy

    with pytest.raises(RuntimeError, match=r"python -m bot\.rasa\.run"):
        EmergencyPolicy.load({}, None, None, None)  # type: ignore[arg-type]
