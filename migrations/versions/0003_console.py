"""Create the clinician console's tables (bot/handoff/console_models.py).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create clinician_account, then handoff_claim which refers to it."""
    op.create_table(
        "clinician_account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("name", name="uq_clinician_account_name"),
    )
    op.create_table(
        "handoff_claim",
        sa.Column(
            "case_id",
            sa.Integer(),
            sa.ForeignKey("handoff_case.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "clinician_id",
            sa.Integer(),
            sa.ForeignKey("clinician_account.id"),
            nullable=False,
        ),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_handoff_claim_clinician_id", "handoff_claim", ["clinician_id"])


def downgrade() -> None:
    """Drop the console's tables, children first."""
    op.drop_index("ix_handoff_claim_clinician_id", table_name="handoff_claim")
    op.drop_table("handoff_claim")
    op.drop_table("clinician_account")
