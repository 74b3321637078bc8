"""Create the exercise library tables (bot/library/models.py).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the library tables, parents first."""
    op.create_table(
        "library_contraindication",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.UniqueConstraint("code", name="uq_library_contraindication_code"),
    )
    op.create_table(
        "library_exercise",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("body_areas", sa.JSON(), nullable=False),
        sa.Column("phases", sa.JSON(), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=False),
        sa.Column("instructions", sa.JSON(), nullable=False),
        sa.Column("dose", sa.String(length=300), nullable=False),
        sa.Column("cautions", sa.JSON(), nullable=False),
        sa.Column("easier_alternative", sa.String(length=120), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.UniqueConstraint("name", name="uq_library_exercise_name"),
    )
    op.create_index("ix_library_exercise_category", "library_exercise", ["category"])
    op.create_table(
        "library_exercise_alias",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "exercise_id",
            sa.Integer(),
            sa.ForeignKey("library_exercise.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("alias", sa.String(length=120), nullable=False),
        sa.UniqueConstraint("alias", name="uq_library_exercise_alias_alias"),
    )
    op.create_index(
        "ix_library_exercise_alias_exercise_id",
        "library_exercise_alias",
        ["exercise_id"],
    )
    op.create_table(
        "library_exercise_contraindication",
        sa.Column(
            "exercise_id",
            sa.Integer(),
            sa.ForeignKey("library_exercise.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "contraindication_id",
            sa.Integer(),
            sa.ForeignKey("library_contraindication.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_table(
        "library_avoid_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("activity", sa.String(length=200), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("instead", sa.Text(), nullable=True),
        sa.Column("applies_to", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.UniqueConstraint("code", name="uq_library_avoid_item_code"),
    )
    op.create_table(
        "library_activity",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.UniqueConstraint("name", name="uq_library_activity_name"),
    )
    op.create_table(
        "library_activity_verdict",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "activity_id",
            sa.Integer(),
            sa.ForeignKey("library_activity.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("condition", sa.String(length=40), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.UniqueConstraint(
            "activity_id", "condition", name="uq_library_activity_verdict_condition"
        ),
    )
    op.create_index(
        "ix_library_activity_verdict_activity_id",
        "library_activity_verdict",
        ["activity_id"],
    )
    op.create_table(
        "library_content_version",
        sa.Column("section", sa.String(length=40), primary_key=True),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("source_file", sa.String(length=300), nullable=False),
    )


def downgrade() -> None:
    """Drop the library tables, children first."""
    op.drop_table("library_content_version")
    op.drop_index(
        "ix_library_activity_verdict_activity_id", table_name="library_activity_verdict"
    )
    op.drop_table("library_activity_verdict")
    op.drop_table("library_activity")
    op.drop_table("library_avoid_item")
    op.drop_table("library_exercise_contraindication")
    op.drop_index(
        "ix_library_exercise_alias_exercise_id", table_name="library_exercise_alias"
    )
    op.drop_table("library_exercise_alias")
    op.drop_index("ix_library_exercise_category", table_name="library_exercise")
    op.drop_table("library_exercise")
    op.drop_table("library_contraindication")
