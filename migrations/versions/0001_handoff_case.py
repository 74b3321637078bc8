"""Create handoff_case, the clinician hand-off queue (bot/handoff/models.py).

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_INDEXED = ("sender_id", "urgency", "status", "created_at")


def upgrade() -> None:
    """Create the table and its indexes."""
    op.create_table(
        "handoff_case",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sender_id", sa.String(length=255), nullable=False),
        sa.Column("urgency", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("fired_rule_ids", sa.JSON(), nullable=False),
        sa.Column("ruleset_version", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
    )
    for column in _INDEXED:
        op.create_index(f"ix_handoff_case_{column}", "handoff_case", [column])


def downgrade() -> None:
    """Drop the table and its indexes."""
    for column in reversed(_INDEXED):
        op.drop_index(f"ix_handoff_case_{column}", table_name="handoff_case")
    op.drop_table("handoff_case")
