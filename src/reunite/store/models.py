"""Tables. The journey is event-sourced: answers + events are the truth; the stage is derived.

Every user-owned row carries `user_id`: in local mode there is one user ("local"); in
hosted mode every query is scoped to the signed-in user. What people write is stored
with the encrypted column types (`store.types`), which encrypt when a passphrase is set.
Datetimes are naive wall-clock times of the user ("day 3 of 30" is about their days).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from reunite.store.models_names import LOCAL_USERNAME
from reunite.store.types import EncryptedJSON, EncryptedText

__all__ = ["LOCAL_USERNAME", "Base"]


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}  # noqa: RUF012


class SettingRow(Base):
    """Per-database settings, e.g. the wrapped data key ("vault")."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)  # bump = logout everywhere


class LoginAttemptRow(Base):
    """A failed sign-in, kept for the rate limit (shared by every app process)."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)


class JourneyRow(Base):
    __tablename__ = "journeys"
    __table_args__ = (Index("ix_journeys_user", "user_id", "active"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    answers: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("journeys.answers"))
    assessment: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("journeys.assessment"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    events: Mapped[list[EventRow]] = relationship(
        back_populates="journey", order_by="EventRow.seq", cascade="all, delete-orphan"
    )


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_journey_seq", "journey_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime)
    data: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("events.data"))
    note: Mapped[str | None] = mapped_column(EncryptedText("events.note"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    journey: Mapped[JourneyRow] = relationship(back_populates="events")


class JournalRow(Base):
    __tablename__ = "journal_entries"
    __table_args__ = (Index("ix_journal_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(EncryptedText("journal_entries.text"))
    mood: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    crisis: Mapped[bool] = mapped_column(Boolean, default=False)
