"""The ``backchat`` command line: library and db commands, exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, build_parser, main
from bot.settings import PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "data" / "library"
NEW_EXERCISE = """\
version: "1.1.0"
exercises:
  - name: Wall slide
    category: posture
    body_areas: [upper_back]
    phases: [chronic]
    difficulty: 1
    instructions: [Stand with your back to a wall., Slide your arms up slowly.]
    dose: 10 slow slides.
    source: seeds/003_14b5b588468db479.txt
"""


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    """Global options pointing the CLI at a fresh SQLite file."""
    return ["--database-url", f"sqlite:///{tmp_path / 'cli.db'}"]


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated and seeded SQLite file, built once and copied per test."""
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    url = ["--database-url", f"sqlite:///{path}"]
    assert main([*url, "db", "upgrade"]) == EXIT_OK
    assert main([*url, "db", "seed"]) == EXIT_OK
    return path


@pytest.fixture
def seeded(
    template_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> list[str]:
    """Global options for a fresh copy of the migrated and seeded database."""
    target = tmp_path / "seeded.db"
    shutil.copyfile(template_db, target)
    capsys.readouterr()
    return ["--database-url", f"sqlite:///{target}"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_db_upgrade_seed_and_seed_again(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([*db, "db", "upgrade"], capsys)[:2] == (
        EXIT_OK, "database at revision 0005\n"
    )  # fmt: skip
    code, out, _ = run([*db, "db", "seed"], capsys)
    assert code == EXIT_OK and "created 58, updated 0, deleted 0" in out
    code, out, _ = run([*db, "db", "seed"], capsys)
    assert code == EXIT_OK and "created 0, updated 0, deleted 0, unchanged 58" in out
    assert run([*db, "db", "current"], capsys)[1] == "0005\n"


def test_db_downgrade(seeded: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*seeded, "db", "downgrade", "0001"], capsys)[:2] == (
        EXIT_OK, "database at revision 0001\n"
    )  # fmt: skip
    code, _, err = run([*seeded, "library", "list"], capsys)
    assert code == EXIT_NOT_FOUND and "run `backchat db upgrade`" in err


def test_library_before_migration_says_what_to_do(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run([*db, "library", "list"], capsys)

    assert code == EXIT_NOT_FOUND
    assert err.startswith("backchat: database not ready")


def test_library_list_show_search(
    seeded: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        [*seeded, "library", "list", "--category", "low_impact_cardio"], capsys
    )
    assert code == EXIT_OK
    assert [line.split("  ")[0] for line in out.splitlines()] == [
        "Walking", "Swimming", "Cycling", "Tai chi"
    ]  # fmt: skip

    code, out, _ = run([*seeded, "library", "show", "brige"], capsys)
    assert code == EXIT_OK and out.startswith("Glute bridge:\n1. Lie on your back")
    assert "source: seeds/002_ebafb05e50723dbb.txt" in out

    code, out, _ = run([*seeded, "library", "search", "upper", "back"], capsys)
    assert code == EXIT_OK and "Thoracic extension" in out


def test_library_show_and_search_not_found(
    seeded: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run([*seeded, "library", "show", "moonwalk"], capsys)
    assert code == EXIT_NOT_FOUND and "no exercise called 'moonwalk'" in err
    assert run([*seeded, "library", "search", "zzzz"], capsys)[0] == EXIT_NOT_FOUND


def test_library_import_and_export(
    seeded: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.yml"
    new.write_text(NEW_EXERCISE, encoding="utf-8")
    code, out, _ = run([*seeded, "library", "import", str(new)], capsys)
    assert code == EXIT_OK and out == "imported new.yml: " + (
        "created 1, updated 0, deleted 0, unchanged 0\n"
    )

    out_file = tmp_path / "export.yml"
    assert run([*seeded, "library", "export", "--out", str(out_file)], capsys)[0] == 0
    exported = yaml.safe_load(out_file.read_text(encoding="utf-8"))
    assert exported["exercises"][-1]["name"] == "Wall slide"
    assert len(exported["exercises"]) == 31

    code, out, _ = run([*seeded, "library", "export"], capsys)
    assert code == EXIT_OK and yaml.safe_load(out) == exported


BAD_FILES = {
    "missing-field": NEW_EXERCISE.replace("    dose: 10 slow slides.\n", ""),
    "unknown-body-area": NEW_EXERCISE.replace("[upper_back]", "[elbow]"),
    "duplicate-name": NEW_EXERCISE + NEW_EXERCISE.split("exercises:\n")[1],
    "malformed-yaml": "version: 1\nexercises: [\n",
    "empty-file": "",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_import_exits_2_and_writes_nothing(
    seeded: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    bad = tmp_path / f"{name}.yml"
    bad.write_text(BAD_FILES[name], encoding="utf-8")
    before = run([*seeded, "library", "export"], capsys)[1]

    code, out, err = run([*seeded, "library", "import", str(bad)], capsys)

    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert err.startswith(f"backchat: {bad}: nothing imported.\n")
    assert run([*seeded, "library", "export"], capsys)[1] == before


def test_import_of_a_missing_file(
    seeded: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        [*seeded, "library", "import", str(tmp_path / "nope.yml")], capsys
    )

    assert code == EXIT_BAD_INPUT and "no such file" in err


def test_seed_from_a_bad_folder_exits_2(
    seeded: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "exercises.yml").write_text("version: 1\nexercises: oops\n", "utf-8")

    code, _, err = run([*seeded, "db", "seed", "--content-dir", str(tmp_path)], capsys)

    assert code == EXIT_BAD_INPUT
    assert "nothing seeded" in err and "'exercises' must be a non-empty list" in err


@pytest.mark.parametrize(
    "args", [[], ["library"], ["library", "frobnicate"], ["db", "downgrade"]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)

    assert caught.value.code == 2


def test_a_new_command_group_can_be_added() -> None:
    def add_handoff(commands) -> None:
        group = commands.add_parser("handoff")
        group.set_defaults(handler=lambda args: 0)

    from bot.cli import COMMAND_GROUPS

    parser = build_parser((*COMMAND_GROUPS, add_handoff))
    assert parser.parse_args(["handoff"]).group == "handoff"


def test_module_entry_point_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--database-url",
         f"sqlite:///{tmp_path / 'm.db'}", "db", "upgrade"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout == "database at revision 0005\n"
