"""Failed sign-in attempts (the rate limit, shared by every app process); chats get an owner.

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
    with op.batch_alter_table("chats") as batch:
        batch.add_column(sa.Column("user_id", sa.Integer, nullable=True))
        batch.create_foreign_key("fk_chats_user", "users", ["user_id"], ["id"], ondelete="CASCADE")
        batch.create_index("ix_chats_user", ["user_id"])


def downgrade() -> None:
    with op.batch_alter_table("chats") as batch:
        batch.drop_index("ix_chats_user")
        batch.drop_constraint("fk_chats_user", type_="foreignkey")
        batch.drop_column("user_id")
    op.drop_index("ix_login_attempts_key_at", "login_attempts")
    op.drop_table("login_attempts")
