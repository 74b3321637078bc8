"""Nothing outside tests/ imports tests/: the launcher lives in bot.stack."""

from __future__ import annotations

import ast

import pytest

from bot.settings import PROJECT_ROOT

PACKAGES = ("bot", "actions", "bench", "scripts")


def imported_modules(source: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def test_the_check_sees_both_import_forms() -> None:
    source = "import tests.x\nfrom tests.conversations.stack import Stack\n"
    assert imported_modules(source) == {"tests.x", "tests.conversations.stack"}


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_outside_tests_imports_tests(package: str) -> None:
    offenders = [
        str(path.relative_to(PROJECT_ROOT))
        for path in sorted((PROJECT_ROOT / package).rglob("*.py"))
        if any(
            name == "tests" or name.startswith("tests.")
            for name in imported_modules(path.read_text())
        )
    ]
    assert offenders == []
