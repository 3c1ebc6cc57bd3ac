"""Accounts for the hosted mode: sign-up, sign-in, sessions, logout everywhere, deletion.

Passwords are hashed with argon2id (argon2-cffi). Sign-in attempts are counted in the
database, so several app processes behind a proxy share the limit and keep no state of
their own. Sessions are signed tokens (HMAC-SHA256 with a per-installation secret kept in
the database) carrying the user, the account's session epoch and the time of issue:
bumping the epoch signs the user out everywhere.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select

from reunite.domain.errors import InvalidInput, ReuniteError
from reunite.store.db import Database
from reunite.store.models import LOCAL_USERNAME, LoginAttemptRow, SettingRow, UserRow

MIN_PASSWORD = 10
MAX_ATTEMPTS = 5  # failed sign-ins per account (and per address) in the window
ATTEMPT_WINDOW = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(days=14)
_USERNAME = re.compile(r"^[A-Za-z0-9._@+-]{3,254}$")
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_DUMMY_HASH = _hasher.hash("not a real password, only for constant-time failures")


class SignInFailed(ReuniteError):
    exit_code = 6


class TooManyAttempts(ReuniteError):
    exit_code = 6


@dataclass(frozen=True)
class Session:
    user_id: int
    epoch: int
    issued: datetime


def _normal(username: str) -> str:
    return username.strip().lower()


def create_account(db: Database, username: str, password: str, now: datetime) -> int:
    name = _normal(username)
    if name == LOCAL_USERNAME or not _USERNAME.match(name):
        raise InvalidInput("Choose a username of 3 or more letters, digits or . _ @ + -.")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"Choose a password of at least {MIN_PASSWORD} characters.")
    with db.transaction() as session:
        if session.scalar(select(UserRow.id).where(UserRow.username == name)) is not None:
            raise InvalidInput("That username is taken; choose another.")
        user = UserRow(
            username=name, password_hash=_hasher.hash(password), created_at=now, session_epoch=0
        )
        session.add(user)
        session.flush()
        return user.id


def _recent_failures(db: Database, key: str, now: datetime) -> int:
    with db.transaction() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(LoginAttemptRow)
                .where(LoginAttemptRow.key == key, LoginAttemptRow.at > now - ATTEMPT_WINDOW)
            )
            or 0
        )


def _attempt_key(kind: str, value: str) -> str:
    return f"{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:32]


def sign_in(db: Database, username: str, password: str, now: datetime, address: str = "") -> int:
    """The user's id, or one vague error (never says which of name or password was wrong)."""
    name = _normal(username)
    keys = [_attempt_key("user", name)] + ([_attempt_key("addr", address)] if address else [])
    if any(_recent_failures(db, key, now) >= MAX_ATTEMPTS for key in keys):
        raise TooManyAttempts("Too many attempts; wait a quarter of an hour and try again.")
    with db.transaction() as session:
        user = session.scalars(select(UserRow).where(UserRow.username == name)).first()
        stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
        try:
            _hasher.verify(stored, password)
            ok = user is not None and user.password_hash is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or user is None:
            for key in keys:
                session.add(LoginAttemptRow(key=key, at=now))
        else:
            session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.key == keys[0]))
            if _hasher.check_needs_rehash(stored):
                user.password_hash = _hasher.hash(password)
            return user.id
    raise SignInFailed("That username and password don't match an account.")


def _secret(db: Database) -> bytes:
    """The installation's session secret, made once (safely, if two workers race)."""
    from sqlalchemy.exc import IntegrityError

    try:
        with db.transaction() as session:
            row = session.get(SettingRow, "session_secret")
            if row is None:
                row = SettingRow(key="session_secret", value=secrets.token_hex(32))
                session.add(row)
            return bytes.fromhex(row.value)
    except IntegrityError:
        with db.transaction() as session:
            row = session.get(SettingRow, "session_secret")
            assert row is not None
            return bytes.fromhex(row.value)


def _sign(secret: bytes, payload: str) -> str:
    mac = hmac.new(secret, payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def issue_session(db: Database, user_id: int, now: datetime) -> str:
    with db.transaction() as session:
        user = session.get(UserRow, user_id)
        if user is None:
            raise SignInFailed("That account no longer exists.")
        epoch = user.session_epoch
    payload = f"{user_id}.{epoch}.{int(now.timestamp())}"
    return f"{payload}.{_sign(_secret(db), payload)}"


def read_session(db: Database, token: str | None, now: datetime) -> Session | None:
    """The session a token stands for, or None if forged, expired or signed out everywhere."""
    if not token or token.count(".") != 3:
        return None
    payload, _, signature = token.rpartition(".")
    if not hmac.compare_digest(signature, _sign(_secret(db), payload)):
        return None
    try:
        user_id, epoch, issued = (int(part) for part in payload.split("."))
    except ValueError:
        return None
    issued_at = datetime.fromtimestamp(issued)
    if now - issued_at > SESSION_LIFETIME or issued_at > now + timedelta(minutes=5):
        return None
    with db.transaction() as session:
        user = session.get(UserRow, user_id)
        if user is None or user.session_epoch != epoch:
            return None
    return Session(user_id, epoch, issued_at)


def csrf_token(db: Database, session_token: str) -> str:
    """A token bound to the browser's session cookie (double submit, signed)."""
    return _sign(_secret(db), "csrf:" + session_token)


def check_csrf(db: Database, session_token: str, submitted: str | None) -> bool:
    return bool(submitted) and hmac.compare_digest(submitted or "", csrf_token(db, session_token))


def logout_everywhere(db: Database, user_id: int) -> None:
    with db.transaction() as session:
        user = session.get(UserRow, user_id)
        if user is not None:
            user.session_epoch += 1


def delete_account(db: Database, user_id: int, password: str) -> None:
    """Delete the account and every row that belongs to it, in one transaction."""
    from reunite.services import Reunite

    with db.transaction() as session:
        user = session.get(UserRow, user_id)
        if user is None or user.username == LOCAL_USERNAME:
            raise InvalidInput("There is no such account to delete.")
        try:
            _hasher.verify(user.password_hash or _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            raise SignInFailed("That password is not right; nothing was deleted.") from None
    Reunite(db, user_id=user_id).delete_everything_of_user()
