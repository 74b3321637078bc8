"""The hazard log (docs/safety/hazard-log.yml) stays true to the code and tests."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.triage import Urgency, load_ruleset

ROOT = Path(__file__).resolve().parents[2]
LOG = yaml.safe_load((ROOT / "docs" / "safety" / "hazard-log.yml").read_text())
RULESET = load_ruleset()


def controls() -> list[dict[str, Any]]:
    return [control for hazard in LOG["hazards"] for control in hazard["controls"]]


def defined_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


@pytest.mark.parametrize(
    "test_id", sorted({t for control in controls() for t in control["tests"]})
)
def test_every_test_the_log_names_exists(test_id: str) -> None:
    path, _, name = test_id.partition("::")
    assert (ROOT / path).is_file(), f"{test_id}: no such file"
    if name:
        assert name in defined_functions(ROOT / path), f"{test_id}: no such test"


def test_every_code_path_the_log_names_exists() -> None:
    missing = [
        path
        for control in controls()
        for path in control.get("code", [])
        if not (ROOT / path).exists()
    ]
    assert missing == []


def test_every_rule_the_log_names_exists() -> None:
    known = {rule.id for rule in RULESET.rules} | {RULESET.crisis.id}
    named = {rule for control in controls() for rule in control.get("rules", [])}
    assert named - known == set()


def test_every_emergency_rule_and_the_crisis_rule_has_a_hazard() -> None:
    named = {rule for control in controls() for rule in control.get("rules", [])}
    emergency = {r.id for r in RULESET.rules if r.urgency is Urgency.EMERGENCY}
    assert emergency - named == set()
    assert RULESET.crisis.id in named


def test_every_hazard_has_causes_controls_and_a_residual_risk() -> None:
    for hazard in LOG["hazards"]:
        assert hazard["causes"] and hazard["controls"], hazard["id"]
        residual = hazard["residual"]
        assert 1 <= residual["severity"] <= 5 and 1 <= residual["likelihood"] <= 5
        assert all(control["tests"] for control in hazard["controls"]), hazard["id"]


def test_the_clinical_review_table_is_current() -> None:
    from bot.evaluation.clinical_report import README, review_table

    assert review_table(RULESET) in README.read_text(), "run make clinical-report"
