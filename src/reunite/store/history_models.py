"""Tables for imported chat history.

A chat is the conversation between the user (`me`) and one other person; each
import of an export file adds the messages not seen before (matched by a
fingerprint of time, sender, text and repeat count), so re-importing the same or
a longer export is harmless. Every message keeps the line it came from.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reunite.store.models import Base
from reunite.store.types import EncryptedText


class ChatRow(Base):
    __tablename__ = "chats"
    __table_args__ = (Index("ix_chats_user", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=True
    )
    me: Mapped[str] = mapped_column(String(200))
    other: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ChatImportRow(Base):
    __tablename__ = "chat_imports"
    __table_args__ = (Index("ix_chat_imports_chat", "chat_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chats.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(20))
    layout: Mapped[str] = mapped_column(String(300), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    parsed: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)


class ChatMessageRow(Base):
    __tablename__ = "chat_messages"
    __table_args__ = (Index("ux_chat_messages_fingerprint", "chat_id", "fingerprint", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chats.id", ondelete="CASCADE"))
    import_id: Mapped[int] = mapped_column(ForeignKey("chat_imports.id", ondelete="CASCADE"))
    time: Mapped[datetime] = mapped_column(DateTime)
    sender: Mapped[str | None] = mapped_column(String(200), nullable=True)
    text: Mapped[str] = mapped_column(EncryptedText("chat_messages.text"))
    line: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    # Wall-clock seconds in the high bits and a CRC of sender, text and repeat count in the
    # low 30: unique per chat (re-imports skip what is stored) and sorted by time, so its
    # index also serves time ranges and first/last (see history_service.time_key).
    fingerprint: Mapped[int] = mapped_column(BigInteger)
    # Derived from `time` at import so that insights group by integers, not date functions:
    ts: Mapped[int] = mapped_column(BigInteger)  # seconds since 1970-01-01 (local wall clock)
    # Seconds since the previous message in the export (None for the first and for
    # system lines), and the same only when the sender changed: a reply delay.
    gap: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reply_gap: Mapped[int | None] = mapped_column(Integer, nullable=True)
    chars: Mapped[int | None] = mapped_column(Integer, nullable=True)  # length of text messages
