"""Tables of the exercise library, on BackChat's one shared metadata.

Lists (body areas, phases, steps, cautions, conditions) are JSON columns: the
library is small, so filtering happens in Python over the loaded rows, which
keeps queries identical on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, relationship

from bot.db import Base

exercise_contraindication = Table(
    "library_exercise_contraindication",
    Base.metadata,
    Column(
        "exercise_id",
        Integer,
        ForeignKey("library_exercise.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "contraindication_id",
        Integer,
        ForeignKey("library_contraindication.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)


class Contraindication(Base):
    """A situation in which some exercises must not be suggested."""

    __tablename__ = "library_contraindication"
    __table_args__ = (
        UniqueConstraint("code", name="uq_library_contraindication_code"),
    )

    id: Mapped[int] = Column(Integer, primary_key=True)
    code: Mapped[str] = Column(String(40), nullable=False)
    title: Mapped[str] = Column(String(200), nullable=False)
    description: Mapped[str] = Column(Text, nullable=False)
    source: Mapped[str] = Column(String(200), nullable=False)
    sort_order: Mapped[int] = Column(Integer, nullable=False, default=0)


class Exercise(Base):
    """One exercise with its steps, dose, cautions and suitability."""

    __tablename__ = "library_exercise"
    __table_args__ = (UniqueConstraint("name", name="uq_library_exercise_name"),)

    id: Mapped[int] = Column(Integer, primary_key=True)
    name: Mapped[str] = Column(String(120), nullable=False)
    category: Mapped[str] = Column(String(40), nullable=False, index=True)
    body_areas: Mapped[list] = Column(JSON, nullable=False, default=list)
    phases: Mapped[list] = Column(JSON, nullable=False, default=list)
    difficulty: Mapped[int] = Column(Integer, nullable=False)
    instructions: Mapped[list] = Column(JSON, nullable=False, default=list)
    dose: Mapped[str] = Column(String(300), nullable=False)
    cautions: Mapped[list] = Column(JSON, nullable=False, default=list)
    easier_alternative: Mapped[str | None] = Column(String(120), nullable=True)
    source: Mapped[str] = Column(String(200), nullable=False)
    sort_order: Mapped[int] = Column(Integer, nullable=False, default=0)

    aliases: Mapped[list[ExerciseAlias]] = relationship(
        "ExerciseAlias",
        back_populates="exercise",
        cascade="all, delete-orphan",
        order_by="ExerciseAlias.alias",
    )
    contraindications: Mapped[list[Contraindication]] = relationship(
        Contraindication,
        secondary=exercise_contraindication,
        order_by=Contraindication.code,
    )

    @property
    def alias_names(self) -> list[str]:
        """The exercise's aliases, sorted."""
        return sorted(alias.alias for alias in self.aliases)

    @property
    def contraindication_codes(self) -> list[str]:
        """Codes of the contraindications linked to the exercise, sorted."""
        return sorted(item.code for item in self.contraindications)


class ExerciseAlias(Base):
    """Another name a person may use for an exercise ("cat cow")."""

    __tablename__ = "library_exercise_alias"
    __table_args__ = (
        UniqueConstraint("alias", name="uq_library_exercise_alias_alias"),
    )

    id: Mapped[int] = Column(Integer, primary_key=True)
    exercise_id: Mapped[int] = Column(
        Integer,
        ForeignKey("library_exercise.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    alias: Mapped[str] = Column(String(120), nullable=False)

    exercise: Mapped[Exercise] = relationship(Exercise, back_populates="aliases")


class AvoidItem(Base):
    """Something to avoid or change, why, and to whom it applies."""

    __tablename__ = "library_avoid_item"
    __table_args__ = (UniqueConstraint("code", name="uq_library_avoid_item_code"),)

    id: Mapped[int] = Column(Integer, primary_key=True)
    code: Mapped[str] = Column(String(40), nullable=False)
    activity: Mapped[str] = Column(String(200), nullable=False)
    why: Mapped[str] = Column(Text, nullable=False)
    instead: Mapped[str | None] = Column(Text, nullable=True)
    applies_to: Mapped[list] = Column(JSON, nullable=False, default=list)
    source: Mapped[str] = Column(String(200), nullable=False)
    sort_order: Mapped[int] = Column(Integer, nullable=False, default=0)


class Activity(Base):
    """An everyday activity or sport with a verdict per condition."""

    __tablename__ = "library_activity"
    __table_args__ = (UniqueConstraint("name", name="uq_library_activity_name"),)

    id: Mapped[int] = Column(Integer, primary_key=True)
    name: Mapped[str] = Column(String(120), nullable=False)
    aliases: Mapped[list] = Column(JSON, nullable=False, default=list)
    source: Mapped[str] = Column(String(200), nullable=False)
    sort_order: Mapped[int] = Column(Integer, nullable=False, default=0)

    verdicts: Mapped[list[ActivityVerdictRow]] = relationship(
        "ActivityVerdictRow",
        back_populates="activity",
        cascade="all, delete-orphan",
        order_by="ActivityVerdictRow.condition",
    )


class ActivityVerdictRow(Base):
    """The verdict on one activity for one condition, with the reason."""

    __tablename__ = "library_activity_verdict"
    __table_args__ = (
        UniqueConstraint(
            "activity_id", "condition", name="uq_library_activity_verdict_condition"
        ),
    )

    id: Mapped[int] = Column(Integer, primary_key=True)
    activity_id: Mapped[int] = Column(
        Integer,
        ForeignKey("library_activity.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    condition: Mapped[str] = Column(String(40), nullable=False)
    verdict: Mapped[str] = Column(String(20), nullable=False)
    why: Mapped[str] = Column(Text, nullable=False)

    activity: Mapped[Activity] = relationship(Activity, back_populates="verdicts")


class ContentVersion(Base):
    """Which version of each content section is loaded, and from where."""

    __tablename__ = "library_content_version"

    section: Mapped[str] = Column(String(40), primary_key=True)
    version: Mapped[str] = Column(String(40), nullable=False)
    source_file: Mapped[str] = Column(String(300), nullable=False)
