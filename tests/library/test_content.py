"""Content files: the shipped library is valid, and bad files are refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.library.content import SOURCE_PATTERN, load_content, parse_content_text
from bot.library.specs import ContentError
from bot.library.vocab import Category
from bot.settings import PROJECT_ROOT

REQUIRED_EXERCISES = (
    "Cat-camel stretch", "Bird dog", "Glute bridge", "Plank", "Knee-to-chest stretch",
    "Lying knee hug", "Child's pose", "Hamstring stretch", "Pelvic tilt",
    "Partial crunch", "Lower-back rotational stretch", "Piriformis stretch",
    "Kneeling psoas stretch", "Back extension", "Bottom-to-heel stretch",
    "Side flexion", "Shoulder-blade squeeze", "Thoracic extension",
    "Chest-opening stretch", "Sciatic nerve glide",
    "Knee-to-opposite-shoulder stretch", "Walking", "Swimming", "Cycling", "Tai chi",
)  # fmt: skip
REQUIRED_AVOID = (
    "AV-HIGH-IMPACT", "AV-HEAVY-LIFTING", "AV-BEND-TWIST", "AV-SIT-UPS",
    "AV-TO-FAILURE", "AV-BED-REST", "AV-LONG-SITTING", "AV-LIFT-FROM-WAIST",
)  # fmt: skip
REQUIRED_ACTIVITIES = (
    "Swimming", "Running", "Lifting weights", "Yoga", "Cycling", "Golf", "Gym",
)  # fmt: skip
# Medicine and diagnosis have no place in the library's wording.
FORBIDDEN = re.compile(
    r"\b(ibuprofen|paracetamol|acetaminophen|aspirin|painkillers?|medicines?|"
    r"medications?|tablets?|pills?|drugs?|diagnos\w*|herniat\w*|arthritis|"
    r"you have (a|an)\b)",
    re.IGNORECASE,
)

CONTENT_DIR = PROJECT_ROOT / "data" / "library"

EXERCISE = """\
  - name: {name}
    aliases: [{aliases}]
    category: stretch
    body_areas: [{area}]
    phases: [chronic]
    difficulty: 1
    instructions: [Lie down., Breathe.]
    dose: Hold 10 seconds.
    source: seeds/004_b2d704b986d4956d.txt
"""


def _doc(*entries: str, version: str = 'version: "9"\n') -> str:
    return version + "exercises:\n" + "".join(entries)


def _exercise(name: str = "Test stretch", aliases: str = "", area: str = "lower_back"):
    return EXERCISE.format(name=name, aliases=aliases, area=area)


def test_shipped_library_loads_with_versions() -> None:
    content = load_content(CONTENT_DIR)

    assert len(content.exercises) >= 25
    assert set(content.versions) == {
        "contraindications", "exercises", "avoid", "activities"
    }  # fmt: skip
    assert {v.version for v in content.versions.values()} == {"1.0.0"}


def test_shipped_library_has_the_required_entries() -> None:
    content = load_content(CONTENT_DIR)

    assert set(REQUIRED_EXERCISES) <= {e.name for e in content.exercises}
    assert set(REQUIRED_AVOID) <= {a.code for a in content.avoid}
    assert set(REQUIRED_ACTIVITIES) <= {a.name for a in content.activities}
    assert {c.code for c in content.contraindications} == {
        "leg_symptoms", "recent_injury", "acute_phase"
    }  # fmt: skip
    used = {e.category for e in content.exercises}
    assert used == {c.value for c in Category}


def test_every_entry_cites_a_seed_file_that_exists() -> None:
    content = load_content(CONTENT_DIR)
    entries = (
        *content.exercises, *content.contraindications, *content.avoid,
        *content.activities,
    )  # fmt: skip
    seeds = PROJECT_ROOT.parent / "shared"  # shared/ sits beside the checkout
    for entry in entries:
        assert SOURCE_PATTERN.match(entry.source), entry
        if seeds.exists():
            assert (seeds / entry.source).is_file(), entry.source


def test_library_text_has_no_medicine_or_diagnosis() -> None:
    for path in sorted(CONTENT_DIR.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert not FORBIDDEN.findall(text), path.name


def test_every_exercise_has_steps_and_a_dose() -> None:
    for exercise in load_content(CONTENT_DIR).exercises:
        assert len(exercise.instructions) >= 2, exercise.name
        assert exercise.dose, exercise.name
        assert 1 <= exercise.difficulty <= 3


def test_a_valid_document_parses() -> None:
    content = parse_content_text(_doc(_exercise(aliases="ts")), "new.yml")

    assert [e.name for e in content.exercises] == ["Test stretch"]
    assert content.exercises[0].aliases == ("ts",)
    assert content.versions["exercises"].version == "9"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "new.yml: file is empty"),
        ("   \n# only a comment\n", "new.yml: file is empty"),
        ("exercises: [\n  - name: x\n", "new.yml: not valid YAML"),
        ("- just\n- a list\n", "new.yml: top level must be a mapping"),
        (_doc(_exercise(), version=""), "missing top-level 'version'"),
        ('version: "1"\nrecipes: []\n', "unknown top-level key 'recipes'"),
        ('version: "1"\nexercises: []\n', "'exercises' must be a non-empty list"),
        (
            _doc(_exercise().replace("    dose: Hold 10 seconds.\n", "")),
            "exercises[0] 'Test stretch': missing field 'dose'",
        ),
        (
            _doc(_exercise(area="left_knee")),
            "field 'body_areas' unknown value 'left_knee'",
        ),
        (
            _doc(_exercise().replace("category: stretch", "category: jumping")),
            "field 'category' unknown value 'jumping'",
        ),
        (
            _doc(_exercise().replace("phases: [chronic]", "phases: [forever]")),
            "field 'phases' unknown value 'forever'",
        ),
        (
            _doc(_exercise().replace("difficulty: 1", "difficulty: 5")),
            "field 'difficulty' must be 1, 2 or 3",
        ),
        (
            _doc(_exercise().replace("seeds/004_b2d704b986d4956d.txt", "wikipedia")),
            "field 'source' must cite a seed file",
        ),
        (
            _doc(_exercise().replace("    dose:", "    dosage: x\n    dose:")),
            "unknown field 'dosage'",
        ),
        (_doc(_exercise(), _exercise()), "duplicate exercise name or alias"),
        (
            _doc(_exercise(), _exercise(name="Other", aliases="test-stretch")),
            "duplicate exercise name or alias 'test-stretch'",
        ),
        (
            _doc(_exercise().replace("    dose:", "    name: Again\n    dose:")),
            "not valid YAML: duplicate key 'name'",
        ),
        (
            _doc(_exercise().replace("  dose:", "  contraindications: [x]\n    dose:")),
            "unknown contraindication 'x'",
        ),
    ],
    ids=[
        "empty", "comment-only", "malformed", "not-mapping", "no-version",
        "unknown-section", "empty-section", "missing-field", "unknown-body-area",
        "unknown-category", "unknown-phase", "bad-difficulty", "bad-source",
        "unknown-field", "duplicate-name", "duplicate-alias", "duplicate-yaml-key",
        "unknown-contraindication",
    ],
)  # fmt: skip
def test_bad_documents_are_refused_with_a_clear_message(
    text: str, expected: str
) -> None:
    with pytest.raises(ContentError) as caught:
        parse_content_text(text, "new.yml")

    assert any(expected in problem for problem in caught.value.problems), (
        caught.value.problems
    )


def test_content_error_lists_every_problem() -> None:
    bad = _exercise(area="left_knee").replace("    dose: Hold 10 seconds.\n", "")
    with pytest.raises(ContentError) as caught:
        parse_content_text(_doc(bad, _exercise(name="Other", area="elbow")), "x.yml")

    assert caught.value.problems == [
        "x.yml: exercises[0] 'Test stretch': field 'body_areas' unknown value "
        "'left_knee' (allowed: lower_back, upper_back, neck, buttock_leg)",
        "x.yml: exercises[0] 'Test stretch': missing field 'dose'",
        "x.yml: exercises[1] 'Other': field 'body_areas' unknown value 'elbow' "
        "(allowed: lower_back, upper_back, neck, buttock_leg)",
    ]
    assert str(caught.value).startswith("3 problems in library content:")


def test_the_same_name_in_two_files_is_refused(content_dir: Path) -> None:
    (content_dir / "extra.yml").write_text(_doc(_exercise(name="Bird dog")))

    with pytest.raises(ContentError, match="duplicate exercise name or alias"):
        load_content(content_dir)


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="no content files"):
        load_content(tmp_path)
