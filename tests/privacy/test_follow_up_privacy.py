"""The remembered follow-up is a person's data too: exported and deleted with them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

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


def _age_follow_up(url: str, sender: str, days: int) -> None:
    """Move ``sender``'s remembered episode and its check-ins ``days`` back."""
    when = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(days=days)
    params = {"when": when, "sender": sender}
    with sa.create_engine(url).begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE follow_up_check_in SET created_at = :when WHERE episode_id IN "
                "(SELECT id FROM follow_up_episode WHERE sender_id = :sender)"
            ),
            params,
        )
        conn.execute(
            sa.text(
                "UPDATE follow_up_episode SET created_at = :when "
                "WHERE sender_id = :sender"
            ),
            params,
        )


def test_the_purge_keeps_a_remembered_person_until_the_follow_up_is_stale(
    person: dict[str, str],  # noqa: F811
) -> None:
    # "old" has a conversation idle for 60 days; they agreed to be remembered
    remember(person["db"], "old")
    _age_follow_up(person["db"], "old", 40)
    assert cli(person, "purge", "--older-than", "30d") == EXIT_OK
    assert count(person["tracker"], "events", "old") > 0
    assert count(person["db"], "follow_up_episode", "old") == 1
    _age_follow_up(person["db"], "old", 200)
    assert cli(person, "purge", "--older-than", "30d") == EXIT_OK
    assert count(person["tracker"], "events", "old") == 0
    assert count(person["db"], "follow_up_episode", "old") == 0


def test_a_stale_follow_up_with_no_conversation_left_is_purged(
    person: dict[str, str],  # noqa: F811
) -> None:
    remember(person["db"], "kim")
    _age_follow_up(person["db"], "kim", 200)
    assert cli(person, "purge", "--older-than", "30d") == EXIT_OK
    assert count(person["db"], "follow_up_episode", "kim") == 0
