"""Column types that encrypt what people write, when the database has a passphrase.

The data key of the current transaction lives in a context variable set by
`Database.transaction()`; with no vault the values are stored as they are. Reading an
encrypted value without the key raises `Locked` (one clear sentence), never garbage.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from reunite.domain.errors import Locked

FIELD_PREFIX = "enc:1:"  # as reunite.crypto writes it; checked here without loading crypto


@dataclass(frozen=True)
class KeyState:
    enabled: bool = False  # the database has a passphrase: new values must be encrypted
    key: bytes | None = None


current_key: ContextVar[KeyState | None] = ContextVar("reunite_key_state", default=None)
_PLAIN = KeyState()

LOCKED_MESSAGE = "Your data is locked; unlock it with your passphrase first."


def _encrypt(text: str, context: str) -> str:
    state = current_key.get() or _PLAIN
    if not state.enabled:
        return text
    if state.key is None:
        raise Locked(LOCKED_MESSAGE)
    from reunite.crypto import encrypt_field

    return encrypt_field(state.key, text, context)


def _decrypt(value: str, context: str) -> str:
    if not value.startswith(FIELD_PREFIX):
        return value
    state = current_key.get() or _PLAIN
    if state.key is None:
        raise Locked(LOCKED_MESSAGE)
    from reunite.crypto import decrypt_field

    return decrypt_field(state.key, value, context)


def seal_text(text: str, context: str) -> str:
    """Encrypt for a raw (driver-level) write, as EncryptedText would."""
    return _encrypt(text, context)


def open_text(value: str, context: str) -> str:
    """Decrypt a value read with raw SQL, as EncryptedText would."""
    return _decrypt(value, context)


class EncryptedText(TypeDecorator[str]):
    """Text, encrypted at rest with AES-256-GCM when a passphrase is set."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else _encrypt(value, self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else _decrypt(value, self.context)


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON document stored as text, encrypted at rest when a passphrase is set."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return _encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")), self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return json.loads(_decrypt(value, self.context))
