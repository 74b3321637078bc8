"""The remembered follow-up is a person's data too: exported and deleted with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import EXIT_NOT_FOUND, EXIT_OK
from bot.db import get_session_factory
from bot.followup.store import add_check_in, remember_episode
from tests.privacy.test_privacy_commands import cli, count, person  # noqa: F401


def remember(url: str, sender: str) -> None:
    with get_session_factory(url).begin() as session:
        episode = remember_episode(
            session,
            sender_id=sender,
            triage_level="self_care",
            summary="lower back, about 2 weeks",
            answers={"pain_location": "lower_back", "pain_duration_days": 14},
            startback={"total": 2, "psychosocial": 1, "risk": "low"},
            plan="utter_startback_low",
        )
        add_check_in(
            session,
            episode,
            change="worse",
            pain_score=7,
            verdict="worse",
            fired_rule_ids=[],
        )


def test_export_includes_the_episode_and_its_check_ins(
    person: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    remember(person["db"], "ann")
    out = tmp_path / "ann.json"
    assert cli(person, "export", "ann", "--out", str(out)) == EXIT_OK
    [episode] = json.loads(out.read_text())["follow_ups"]
    assert episode["startback"]["risk"] == "low"
    assert [(c["change"], c["pain_score"]) for c in episode["check_ins"]] == [
        ("worse", 7)
    ]


def test_a_person_with_only_a_follow_up_is_found_and_deleted(
    person: dict[str, str],  # noqa: F811
    capsys: pytest.CaptureFixture,
) -> None:
    remember(person["db"], "kim")  # no conversation left, only the follow-up
    assert cli(person, "export", "kim") == EXIT_OK
    assert count(person["db"], "follow_up_episode", "kim") == 1
    capsys.readouterr()
    assert cli(person, "delete", "kim") == EXIT_OK
    assert "2 follow-up records" in capsys.readouterr().out
    assert count(person["db"], "follow_up_episode", "kim") == 0
    [line] = Path(person["audit"]).read_text().splitlines()
    assert json.loads(line)["follow_ups"] == 2 and "kim" not in line
    assert cli(person, "delete", "kim") == EXIT_NOT_FOUND


def test_deleting_a_person_leaves_others_follow_ups(
    person: dict[str, str],  # noqa: F811
) -> None:
    remember(person["db"], "ann")
    remember(person["db"], "new")
    assert cli(person, "delete", "ann") == EXIT_OK
    assert count(person["db"], "follow_up_episode", "ann") == 0
    assert count(person["db"], "follow_up_episode", "new") == 1
