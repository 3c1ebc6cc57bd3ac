"""Users, journeys, their events, the journal, and settings (the key vault).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _user_fk() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("session_epoch", sa.Integer, nullable=False),
    )
    op.create_table(
        "journeys",
        sa.Column("id", sa.Integer, primary_key=True),
        _user_fk(),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("assessment", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_index("ix_journeys_user", "journeys", ["user_id", "active"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        _user_fk(),
        sa.Column(
            "journey_id",
            sa.Integer,
            sa.ForeignKey("journeys.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_events_journey_seq", "events", ["journey_id", "seq"])
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        _user_fk(),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("mood", sa.Integer, nullable=True),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("crisis", sa.Boolean, nullable=False),
    )
    op.create_index("ix_journal_user_created", "journal_entries", ["user_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_journal_user_created", "journal_entries")
    op.drop_table("journal_entries")
    op.drop_index("ix_events_journey_seq", "events")
    op.drop_table("events")
    op.drop_index("ix_journeys_user", "journeys")
    op.drop_table("journeys")
    op.drop_table("users")
    op.drop_table("settings")
