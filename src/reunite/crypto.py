"""Versioned, self-describing encryption for what people write here.

Two formats, both AES-256-GCM with a fresh 96-bit nonce per write:

- **Fields** (journal text, notes, replies, imported messages) are encrypted with the
  database's data key: ``"enc:1:" + base64(nonce ‖ ciphertext ‖ tag)``, with the table
  and column as associated data, so a value can't be moved to another column unnoticed.
- **Blobs** (encrypted backups) carry their own key-derivation header:
  ``b"REUNITE-ENC\\x00" + header_len + JSON header {v, kdf, n, r, p, salt} + nonce ‖ ct ‖ tag``,
  the header being authenticated as associated data. A wrong passphrase or a changed byte
  is one clear error, never garbage.

The data key itself is random (32 bytes) and stored only wrapped by a key derived from
the passphrase with scrypt (per-database salt); a key-check value tells a wrong
passphrase from damaged data.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from reunite.domain.errors import InvalidInput, Locked, ReuniteError, WrongPassphrase

__all__ = ["Locked", "Vault", "WrongPassphrase"]

FIELD_PREFIX = "enc:1:"
BLOB_MAGIC = b"REUNITE-ENC\x00"
BLOB_VERSION = 1
KEY_CHECK_PLAINTEXT = b"reunite key check v1"
MIN_PASSPHRASE = 8
# scrypt cost: n=2**15, r=8 → 32 MiB and ~0.1 s per derivation on this class of machine.
DEFAULT_KDF = {"kdf": "scrypt", "n": 2**15, "r": 8, "p": 1}
# tests may lower the cost; never below what a laptop attacker finds annoying in production
_TEST_KDF = {"kdf": "scrypt", "n": 2**10, "r": 8, "p": 1}


def kdf_params() -> dict[str, Any]:
    if os.environ.get("REUNITE_FAST_KDF") == "1":
        return dict(_TEST_KDF)
    return dict(DEFAULT_KDF)


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")


def derive_key(passphrase: str, salt: bytes, params: dict[str, Any]) -> bytes:
    if params.get("kdf") != "scrypt":
        raise InvalidInput(f"Unknown key derivation '{params.get('kdf')}'.")
    n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
    if not (2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
        raise InvalidInput("The key-derivation settings in that file are out of range.")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


# ---------------------------------------------------------------- fields


def encrypt_field(key: bytes, plaintext: str, context: str) -> str:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), context.encode("utf-8"))
    return FIELD_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def is_encrypted(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FIELD_PREFIX)


def decrypt_field(key: bytes, token: str, context: str) -> str:
    raw = base64.b64decode(token[len(FIELD_PREFIX) :])
    try:
        plain = AESGCM(key).decrypt(raw[:12], raw[12:], context.encode("utf-8"))
    except InvalidTag:
        raise ReuniteError(
            f"A stored value in {context} does not match its key: the database was changed "
            "outside Reunite."
        ) from None
    return plain.decode("utf-8")


# ---------------------------------------------------------------- the data key


@dataclass(frozen=True)
class Vault:
    """What is stored about the key: never the key, only its wrapped form and a check."""

    params: dict[str, Any]
    salt: bytes
    wrapped_key: bytes  # nonce ‖ AES-GCM(kek, data key)
    check: bytes  # nonce ‖ AES-GCM(data key, KEY_CHECK_PLAINTEXT)

    def to_json(self) -> str:
        return json.dumps(
            {
                "params": self.params,
                "salt": base64.b64encode(self.salt).decode(),
                "wrapped_key": base64.b64encode(self.wrapped_key).decode(),
                "check": base64.b64encode(self.check).decode(),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Vault:
        data = json.loads(text)
        return cls(
            params=dict(data["params"]),
            salt=base64.b64decode(data["salt"]),
            wrapped_key=base64.b64decode(data["wrapped_key"]),
            check=base64.b64decode(data["check"]),
        )


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _open(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], aad)


def new_vault(passphrase: str, data_key: bytes | None = None) -> tuple[Vault, bytes]:
    """A fresh data key (unless given) wrapped under the passphrase, with a fresh salt."""
    check_passphrase_strength(passphrase)
    key = data_key or AESGCM.generate_key(bit_length=256)
    params = kdf_params()
    salt = secrets.token_bytes(16)
    kek = derive_key(passphrase, salt, params)
    vault = Vault(
        params=params,
        salt=salt,
        wrapped_key=_seal(kek, key, b"reunite data key"),
        check=_seal(key, KEY_CHECK_PLAINTEXT, b"reunite key check"),
    )
    return vault, key


def unlock(vault: Vault, passphrase: str) -> bytes:
    """The data key, or WrongPassphrase. Nothing is changed either way."""
    kek = derive_key(passphrase, vault.salt, vault.params)
    try:
        key = _open(kek, vault.wrapped_key, b"reunite data key")
    except InvalidTag:
        raise WrongPassphrase(
            "That passphrase is not the right one; nothing was changed."
        ) from None
    try:
        if _open(key, vault.check, b"reunite key check") != KEY_CHECK_PLAINTEXT:
            raise InvalidTag
    except InvalidTag:
        raise ReuniteError("The stored key check failed: the key store was damaged.") from None
    return key


# ---------------------------------------------------------------- blobs (backups)


def is_blob(data: bytes) -> bool:
    return data.startswith(BLOB_MAGIC)


def encrypt_blob(passphrase: str, plaintext: bytes) -> bytes:
    check_passphrase_strength(passphrase)
    params = kdf_params()
    salt = secrets.token_bytes(16)
    header = json.dumps(
        {"v": BLOB_VERSION, **params, "salt": base64.b64encode(salt).decode()},
        separators=(",", ":"),
    ).encode()
    key = derive_key(passphrase, salt, params)
    prefix = BLOB_MAGIC + len(header).to_bytes(2, "big") + header
    return prefix + _seal(key, plaintext, prefix)


def decrypt_blob(passphrase: str, blob: bytes) -> bytes:
    """Plaintext of an encrypted backup; any change to any byte fails the whole file."""
    if not is_blob(blob):
        raise InvalidInput("That file is not an encrypted Reunite backup.")
    try:
        length = int.from_bytes(blob[len(BLOB_MAGIC) : len(BLOB_MAGIC) + 2], "big")
        start = len(BLOB_MAGIC) + 2
        header_bytes = blob[start : start + length]
        header = json.loads(header_bytes)
        if not isinstance(header, dict):
            raise ValueError("header is not an object")
        if header.get("v") != BLOB_VERSION:
            raise InvalidInput(f"That backup uses encryption version {header.get('v')!r}.")
        salt = base64.b64decode(header["salt"])
        key = derive_key(passphrase, salt, header)
        prefix = blob[: start + length]
        return _open(key, blob[start + length :], prefix)
    except InvalidTag:
        raise InvalidInput(
            "That backup could not be decrypted: the passphrase is wrong or the file was "
            "changed. Nothing was imported."
        ) from None
    except (ValueError, KeyError, TypeError, OverflowError):
        raise InvalidInput("That encrypted backup is damaged; nothing was imported.") from None
