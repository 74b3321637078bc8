"""The production profile's settings: ports, secrets, supervisord's programs."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError
from bot.stack.__main__ import build_stack, main, numbers, supervised_config
from bot.stack.production import ProductionStack

SECRETS = {
    "BACKCHAT_RASA_TOKEN": "t",
    "BACKCHAT_ACTION_TOKEN": "a",
    "BACKCHAT_SESSION_SECRET": "s",
}


def test_defaults_are_the_documented_ports() -> None:
    assert numbers({}) == {
        "BACKCHAT_PROXY_PORT": 8080,
        "BACKCHAT_RASA_PORT": 5005,
        "BACKCHAT_RASA_REPLICAS": 2,
        "BACKCHAT_ACTION_PORT": 5055,
        "BACKCHAT_ACTION_PROXY_PORT": 5056,
        "BACKCHAT_WEB_PORT": 8000,
        "BACKCHAT_POSTGRES_PORT": 5433,
        "BACKCHAT_PROD_REDIS_PORT": 6380,
    }


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BACKCHAT_RASA_REPLICAS", "0"),
        ("BACKCHAT_RASA_REPLICAS", "two"),
        ("BACKCHAT_RASA_REPLICAS", "99"),
        ("BACKCHAT_PROXY_PORT", "70000"),
        ("BACKCHAT_POSTGRES_PORT", "-1"),
    ],
)
def test_a_bad_number_is_refused_by_name(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        numbers({name: value})


def test_secrets_are_required(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="BACKCHAT_ACTION_TOKEN"):
        build_stack(tmp_path / "m.tar.gz", tmp_path, {"BACKCHAT_RASA_TOKEN": "t"})


def test_main_answers_bad_settings_with_a_message(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("bot.stack.__main__.ensure_packages", lambda: None)
    monkeypatch.setenv("BACKCHAT_RASA_REPLICAS", "none")
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    model = tmp_path / "m.tar.gz"
    assert main(["--dir", str(tmp_path), "--model", str(model)]) == 2
    assert "BACKCHAT_RASA_REPLICAS must be a whole number" in capsys.readouterr().err


def test_replicas_get_consecutive_ports_and_the_secrets(tmp_path: Path) -> None:
    env = {**SECRETS, "BACKCHAT_RASA_REPLICAS": "3", "BACKCHAT_RASA_PORT": "7000"}
    stack = build_stack(tmp_path / "m.tar.gz", tmp_path, env)
    assert stack.rasa_ports == (7000, 7001, 7002)
    assert stack.replica_names == ("rasa-1", "rasa-2", "rasa-3")
    served = stack.env
    assert served["BACKCHAT_RASA_TOKEN"] == "t"
    assert served["BACKCHAT_SESSION_SECRET"] == "s"
    assert served["BACKCHAT_PROFILE"] == "production"
    assert served["BACKCHAT_REST_REQUIRES_TOKEN"] == "1"
    assert served["BACKCHAT_LOCK_STORE"] == "redis"
    assert served["SANIC_WORKERS"] == "1"
    assert served["BACKCHAT_TRACKER_URL"].startswith("postgresql://backchat:")
    assert served["BACKCHAT_TRACKER_URL"].endswith("/backchat_tracker")
    assert served["BACKCHAT_DATABASE_URL"].endswith(":5433/backchat")
    assert served["BACKCHAT_ACTION_ENDPOINT"] == "http://127.0.0.1:5056/webhook"


def test_supervisord_starts_the_services_and_stops_them_last(tmp_path: Path) -> None:
    stack = build_stack(tmp_path / "m.tar.gz", tmp_path, SECRETS)
    text = supervised_config(stack, tmp_path).read_text()
    programs = {}
    for section in text.split("\n\n"):
        lines = section.splitlines()
        if lines and lines[0].startswith("[program:"):
            name = lines[0][len("[program:") : -1]
            programs[name] = dict(line.split("=", 1) for line in lines[1:])
    assert list(programs) == [
        "postgres",
        "redis",
        "actions",
        "rasa-1",
        "rasa-2",
        "web",
        "nginx",
    ]
    autostart = {name: p["autostart"] for name, p in programs.items()}
    assert autostart == {
        n: "true" if n in ("postgres", "redis") else "false" for n in programs
    }
    assert programs["postgres"]["priority"] < programs["rasa-1"]["priority"]
    assert programs["rasa-1"]["priority"] < programs["nginx"]["priority"]
    assert programs["postgres"]["stopsignal"] == "INT"


@pytest.mark.parametrize("replicas", [0, -1])
def test_a_stack_without_replicas_is_refused(tmp_path: Path, replicas: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ProductionStack(model=tmp_path, workdir=tmp_path, replicas=replicas)
