"""Console sign-ins in the database, so they survive a restart (console_session).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create console_session (a hash of the cookie token, never the token)."""
    op.create_table(
        "console_session",
        sa.Column("token_sha256", sa.String(length=64), primary_key=True),
        sa.Column(
            "clinician_id",
            sa.Integer(),
            sa.ForeignKey("clinician_account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_console_session_clinician_id", "console_session", ["clinician_id"]
    )
    op.create_index("ix_console_session_expires_at", "console_session", ["expires_at"])


def downgrade() -> None:
    """Drop console_session: everyone is signed out."""
    op.drop_index("ix_console_session_expires_at", table_name="console_session")
    op.drop_index("ix_console_session_clinician_id", table_name="console_session")
    op.drop_table("console_session")
