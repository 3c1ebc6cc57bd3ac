"""Failed sign-in attempts, shared by every app process for the rate limit.

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
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_login_attempts_key_at", "login_attempts", ["key", "at"])


def downgrade() -> None:
    op.drop_index("ix_login_attempts_key_at", "login_attempts")
    op.drop_table("login_attempts")
