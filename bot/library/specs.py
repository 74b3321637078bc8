"""Plain, validated content of the library, as read from files or the database."""

from __future__ import annotations

from dataclasses import dataclass, field

SECTIONS = ("contraindications", "exercises", "avoid", "activities")


class ContentError(ValueError):
    """Library content that cannot be loaded; lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        """Build the error from the problems found, one message each."""
        self.problems = list(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{count} {noun} in library content:\n{lines}")


@dataclass(frozen=True)
class ContraindicationSpec:
    """A contraindication code with its explanation."""

    code: str
    title: str
    description: str
    source: str
    sort_order: int = 0


@dataclass(frozen=True)
class ExerciseSpec:
    """An exercise as written in a content file."""

    name: str
    category: str
    body_areas: tuple[str, ...]
    phases: tuple[str, ...]
    difficulty: int
    instructions: tuple[str, ...]
    dose: str
    source: str
    aliases: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    contraindications: tuple[str, ...] = ()
    easier_alternative: str | None = None
    sort_order: int = 0


@dataclass(frozen=True)
class AvoidSpec:
    """A piece of what-to-avoid advice."""

    code: str
    activity: str
    why: str
    applies_to: tuple[str, ...]
    source: str
    instead: str | None = None
    sort_order: int = 0


@dataclass(frozen=True)
class VerdictSpec:
    """The verdict on an activity for one condition."""

    condition: str
    verdict: str
    why: str


@dataclass(frozen=True)
class ActivitySpec:
    """An activity a person may ask about, with verdicts per condition."""

    name: str
    verdicts: tuple[VerdictSpec, ...]
    source: str
    aliases: tuple[str, ...] = ()
    sort_order: int = 0


@dataclass(frozen=True)
class SectionVersion:
    """The version of one content section and the file it came from."""

    version: str
    source_file: str


@dataclass(frozen=True)
class LibraryContent:
    """Everything in the library: entries per section and section versions."""

    contraindications: tuple[ContraindicationSpec, ...] = ()
    exercises: tuple[ExerciseSpec, ...] = ()
    avoid: tuple[AvoidSpec, ...] = ()
    activities: tuple[ActivitySpec, ...] = ()
    versions: dict[str, SectionVersion] = field(default_factory=dict)

    def sections(self) -> list[str]:
        """Names of the sections that have a version (were present in a file)."""
        return [name for name in SECTIONS if name in self.versions]
