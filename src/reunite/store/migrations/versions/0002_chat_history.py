"""Imported chat history: chats, their imports and messages.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chats",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("me", sa.String(200), nullable=False),
        sa.Column("other", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "chat_imports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("layout", sa.String(300), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("parsed", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
    )
    op.create_index("ix_chat_imports_chat", "chat_imports", ["chat_id"])
    op.create_table(
        "chat_messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "import_id",
            sa.Integer,
            sa.ForeignKey("chat_imports.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("time", sa.DateTime, nullable=False),
        sa.Column("sender", sa.String(200), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("fingerprint", sa.BigInteger, nullable=False),
        sa.Column("ts", sa.BigInteger, nullable=False),
        sa.Column("gap", sa.Integer, nullable=True),
        sa.Column("reply_gap", sa.Integer, nullable=True),
        sa.Column("chars", sa.Integer, nullable=True),
    )
    op.create_index(
        "ux_chat_messages_fingerprint", "chat_messages", ["chat_id", "fingerprint"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ux_chat_messages_fingerprint", "chat_messages")
    op.drop_table("chat_messages")
    op.drop_index("ix_chat_imports_chat", "chat_imports")
    op.drop_table("chat_imports")
    op.drop_table("chats")
