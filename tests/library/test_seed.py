"""Seeding and importing: idempotent, updating, all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.library.export import export_yaml, read_content
from bot.library.models import (
    Activity,
    ActivityVerdictRow,
    AvoidItem,
    ContentVersion,
    Contraindication,
    Exercise,
    ExerciseAlias,
    exercise_contraindication,
)
from bot.library.search import find_exercise
from bot.library.seed import import_file, seed_library
from bot.library.specs import ContentError
from bot.settings import PROJECT_ROOT

TABLES = (
    Exercise, ExerciseAlias, Contraindication, AvoidItem, Activity,
    ActivityVerdictRow, ContentVersion,
)  # fmt: skip

CONTENT_DIR = PROJECT_ROOT / "data" / "library"

NEW_EXERCISE = """\
version: "1.1.0"
exercises:
  - name: Wall slide
    aliases: [wall slides]
    category: posture
    body_areas: [upper_back]
    phases: [chronic, maintain]
    difficulty: 1
    instructions: [Stand with your back to a wall., Slide your arms up slowly.]
    dose: 10 slow slides.
    contraindications: [recent_injury]
    source: seeds/003_14b5b588468db479.txt
"""


def snapshot(session: Session) -> dict[str, list[tuple]]:
    """Every row of every library table, as plain tuples."""
    out = {}
    for model in TABLES:
        columns = model.__table__.columns
        rows = session.execute(select(*columns).order_by(*columns)).all()
        out[model.__tablename__] = [tuple(row) for row in rows]
    links = select(exercise_contraindication).order_by(*exercise_contraindication.c)
    out["links"] = [tuple(row) for row in session.execute(links).all()]
    return out


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_seeding_loads_everything(factory: sessionmaker) -> None:
    with factory.begin() as session:
        report = seed_library(session, CONTENT_DIR)

    with factory() as session:
        assert count(session, Exercise) >= 25
        assert count(session, Contraindication) == 3
        assert len(report.created) == (
            count(session, Exercise) + count(session, Contraindication)
            + count(session, AvoidItem) + count(session, Activity)
        )  # fmt: skip
        assert report.versions == {
            "activities": "1.0.0", "avoid": "1.0.0", "contraindications": "1.0.0",
            "exercises": "1.0.0",
        }  # fmt: skip
        plank = find_exercise(session, "plank")
        assert plank.contraindication_codes == ["acute_phase", "recent_injury"]


def test_seeding_twice_changes_nothing(seeded_factory: sessionmaker) -> None:
    with seeded_factory() as session:
        before = snapshot(session)

    with seeded_factory.begin() as session:
        report = seed_library(session, CONTENT_DIR)

    assert not report.changed
    assert report.summary().startswith("created 0, updated 0, deleted 0")
    with seeded_factory() as session:
        assert snapshot(session) == before


def test_changed_files_update_rows(
    seeded_factory: sessionmaker, content_dir: Path
) -> None:
    path = content_dir / "exercises.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("dose: Hold 3 to 5 seconds, 10 times each side.", "dose: X.")
    text = text.replace("aliases: [bird dogs, bird dog exercise]", "aliases: [bd]")
    text = text.replace(
        "aliases: [planks, front plank, plank hold, forearm plank]",
        "aliases: [planks, front plank, plank hold, forearm plank, bird dog exercise]",
    )
    path.write_text(text, encoding="utf-8")

    with seeded_factory.begin() as session:
        report = seed_library(session, content_dir)

    assert report.updated == ("exercise 'Bird dog'", "exercise 'Plank'")
    assert report.created == () and report.deleted == ()
    with seeded_factory() as session:
        bird_dog = find_exercise(session, "bd")
        assert bird_dog.name == "Bird dog" and bird_dog.dose == "X."
        assert find_exercise(session, "bird dog exercise").name == "Plank"


def test_entries_removed_from_files_are_deleted(
    seeded_factory: sessionmaker, content_dir: Path
) -> None:
    path = content_dir / "activities.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - name: Golf")
    end = text.index("  - name: High-intensity")
    path.write_text(text[:start] + text[end:], encoding="utf-8")

    with seeded_factory.begin() as session:
        report = seed_library(session, content_dir)

    assert report.deleted == ("activity 'Golf'",)
    with seeded_factory() as session:
        names = session.scalars(select(Activity.name)).all()
        assert "Golf" not in names
        orphans = select(ActivityVerdictRow).where(
            ActivityVerdictRow.activity_id.not_in(select(Activity.id))
        )
        assert session.scalars(orphans).all() == []


def test_invalid_content_changes_nothing(
    seeded_factory: sessionmaker, content_dir: Path
) -> None:
    path = content_dir / "exercises.yml"
    text = path.read_text(encoding="utf-8").replace("dose: X", "dose: Y")
    text = text.replace("body_areas: [upper_back, neck]", "body_areas: [elbow]", 1)
    path.write_text(text.replace("Hold 5 seconds, 10 times.", "Changed."), "utf-8")
    with seeded_factory() as session:
        before = snapshot(session)

    with (
        pytest.raises(ContentError, match="unknown value 'elbow'"),
        seeded_factory.begin() as session,
    ):
        seed_library(session, content_dir)

    with seeded_factory() as session:
        assert snapshot(session) == before


def test_invalid_content_leaves_an_empty_database_empty(
    factory: sessionmaker, content_dir: Path
) -> None:
    (content_dir / "avoid.yml").write_text("version: 1\navoid: [\n", "utf-8")

    with (
        pytest.raises(ContentError, match=r"avoid\.yml: not valid YAML"),
        factory.begin() as session,
    ):
        seed_library(session, content_dir)

    with factory() as session:
        assert all(count(session, model) == 0 for model in TABLES)


def test_import_adds_new_entries_after_the_others(
    seeded_factory: sessionmaker, tmp_path: Path
) -> None:
    path = tmp_path / "new.yml"
    path.write_text(NEW_EXERCISE, encoding="utf-8")

    with seeded_factory.begin() as session:
        report = import_file(session, path)

    assert report.created == ("exercise 'Wall slide'",)
    with seeded_factory() as session:
        wall = find_exercise(session, "wall slides")
        assert wall.contraindication_codes == ["recent_injury"]
        last = session.scalars(select(Exercise).order_by(Exercise.sort_order.desc()))
        assert last.first().name == "Wall slide"
        assert session.get(ContentVersion, "exercises").version == "1.1.0"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("aliases: [wall slides]", "aliases: [cat cow]"), "'cat cow'"),
        (("contraindications: [recent_injury]", "contraindications: [gout]"), "gout"),
        (("name: Wall slide", "name: Cat-cow"), "duplicate exercise name or alias"),
        (("    dose: 10 slow slides.\n", ""), "missing field 'dose'"),
    ],
    ids=["alias-taken", "unknown-contraindication", "clashes-with-alias", "no-dose"],
)
def test_a_bad_import_writes_nothing(
    seeded_factory: sessionmaker, tmp_path: Path, edit: tuple[str, str], expected: str
) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(NEW_EXERCISE.replace(*edit), encoding="utf-8")
    with seeded_factory() as session:
        before = snapshot(session)

    with pytest.raises(ContentError) as caught, seeded_factory.begin() as session:
        import_file(session, path)

    assert expected in str(caught.value)
    with seeded_factory() as session:
        assert snapshot(session) == before


def test_export_then_import_changes_nothing(
    seeded_factory: sessionmaker, tmp_path: Path
) -> None:
    path = tmp_path / "export.yml"
    with seeded_factory() as session:
        path.write_text(export_yaml(session), encoding="utf-8")
        before = snapshot(session)

    with seeded_factory.begin() as session:
        report = import_file(session, path)

    assert not report.changed
    with seeded_factory() as session:
        after = snapshot(session)
        versions = after.pop("library_content_version")
        before.pop("library_content_version")
        assert after == before
        assert {row[2] for row in versions} == {"export.yml"}


def test_read_content_matches_the_files(session: Session) -> None:
    from bot.library.content import load_content

    files = load_content(CONTENT_DIR)
    stored = read_content(session)

    assert [e.name for e in stored.exercises] == [e.name for e in files.exercises]
    assert [sorted(e.aliases) for e in stored.exercises] == [
        sorted(e.aliases) for e in files.exercises
    ]
    assert stored.avoid == files.avoid


def test_seeding_on_postgresql(postgres_factory: sessionmaker) -> None:
    with postgres_factory.begin() as session:
        first = seed_library(session, CONTENT_DIR)
    with postgres_factory.begin() as session:
        second = seed_library(session, CONTENT_DIR)
        assert find_exercise(session, "brige").name == "Glute bridge"

    assert first.changed and not second.changed
