"""Create the follow-up tables (bot/followup/models.py): kept only with consent.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create follow_up_episode, then follow_up_check_in which refers to it."""
    op.create_table(
        "follow_up_episode",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sender_id", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("triage_level", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("startback", sa.JSON(), nullable=True),
        sa.Column("plan", sa.String(length=60), nullable=False),
    )
    op.create_index(
        "ix_follow_up_episode_sender_id", "follow_up_episode", ["sender_id"]
    )
    op.create_table(
        "follow_up_check_in",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "episode_id",
            sa.Integer(),
            sa.ForeignKey("follow_up_episode.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change", sa.String(length=10), nullable=False),
        sa.Column("pain_score", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("fired_rule_ids", sa.JSON(), nullable=False),
    )
    op.create_index(
        "ix_follow_up_check_in_episode_id", "follow_up_check_in", ["episode_id"]
    )


def downgrade() -> None:
    """Drop the follow-up tables, children first."""
    op.drop_index("ix_follow_up_check_in_episode_id", table_name="follow_up_check_in")
    op.drop_table("follow_up_check_in")
    op.drop_index("ix_follow_up_episode_sender_id", table_name="follow_up_episode")
    op.drop_table("follow_up_episode")
