"""The ruleset file's validation: bad files fail with every problem listed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.triage import RulesetError, Urgency, load_ruleset
from bot.triage.ruleset_file import (
    DEFAULT_RULESET_PATH,
    default_ruleset,
    parse_ruleset,
)


def good_document() -> dict:
    return yaml.safe_load(DEFAULT_RULESET_PATH.read_text())


def rule(document: dict, rule_id: str) -> dict:
    """The rule of ``document`` with this id (never by position: rules move)."""
    (found,) = [r for r in document["rules"] if r["id"] == rule_id]
    return found


def test_shipped_ruleset_is_valid_and_cites_sources() -> None:
    ruleset = load_ruleset()
    assert ruleset.version
    assert all(rule.source for rule in ruleset.rules)
    assert ruleset.answers_at(Urgency.EMERGENCY) >= {
        "has_bladder_bowel_change",
        "has_saddle_numbness",
        "is_major_trauma",
    }


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("version"), "version"),
        (lambda d: rule(d, "RF-CES-01").pop("source"), "missing ['source']"),
        (lambda d: rule(d, "RF-CES-01").update(urgency="whenever"), "unknown urgency"),
        (lambda d: rule(d, "RF-CES-02").update(id="RF-CES-01"), "duplicate id"),
        (
            lambda d: rule(d, "RF-CES-01").update(when={"answer": "x", "regex": ".*"}),
            "exactly one of",
        ),
        (
            lambda d: rule(d, "RF-CES-01").update(when={"eval": "1"}),
            "unknown condition",
        ),
        (lambda d: rule(d, "RF-CES-01").update(source=["NOWHERE"]), "unknown source"),
        (lambda d: d.update(levels=[]), "levels"),
    ],
)
def test_bad_ruleset_is_rejected_with_a_clear_message(mutate, message: str) -> None:
    document = good_document()
    mutate(document)
    with pytest.raises(RulesetError, match=re.escape(message)):
        parse_ruleset(document)


def test_unreadable_file_is_a_ruleset_error(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yml"
    bad.write_text("rules: [unclosed")
    with pytest.raises(RulesetError, match="cannot read"):
        load_ruleset(bad)
    with pytest.raises(RulesetError, match="mapping"):
        parse_ruleset(["not", "a", "mapping"])  # type: ignore[arg-type]


def test_emergency_policy_knows_every_emergency_answer_of_the_ruleset() -> None:
    from bot.rasa.policy import EmergencyPolicy

    policy_answers = set(EmergencyPolicy.get_default_config()["answers"])
    assert policy_answers == load_ruleset().sufficient_alone(Urgency.EMERGENCY)


def test_the_values_a_rule_asks_about() -> None:
    ruleset = default_ruleset()
    assert "upper_back" in ruleset.values_asked_about("pain_location")
    assert "lower_back" not in ruleset.values_asked_about("pain_location")
    assert ruleset.values_asked_about("no_such_answer") == frozenset()
