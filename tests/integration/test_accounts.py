"""Hosted-mode accounts: argon2id, rate limit, sessions, logout everywhere, deletion, scoping."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from factories import answers
from reunite import accounts
from reunite.domain.errors import InvalidInput, NoJourney
from reunite.services import Reunite
from reunite.store.db import Database

NOW = datetime(2026, 11, 21, 9, 0)


@pytest.fixture
def db(reunite_home: Path) -> Iterator[Database]:
    database = Database()
    yield database
    database.close()


def test_passwords_are_hashed_with_argon2id(db: Database) -> None:
    from sqlalchemy import select

    from reunite.store.models import UserRow

    accounts.create_account(db, "Robin@example.org", "a long enough password", NOW)
    with db.transaction() as session:
        stored = session.scalar(
            select(UserRow.password_hash).where(UserRow.username == "robin@example.org")
        )
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert "a long enough password" not in stored


@pytest.mark.parametrize(
    ("username", "password", "fragment"),
    [
        ("ab", "a long enough password", "username"),
        ("local", "a long enough password", "username"),
        ("robin", "short", "at least 10"),
    ],
)
def test_bad_sign_ups_get_one_clear_sentence(
    db: Database, username: str, password: str, fragment: str
) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        accounts.create_account(db, username, password, NOW)


def test_usernames_are_unique_whatever_the_case(db: Database) -> None:
    accounts.create_account(db, "robin", "a long enough password", NOW)
    with pytest.raises(InvalidInput, match="taken"):
        accounts.create_account(db, "ROBIN", "another long password", NOW)


def test_sign_in_never_says_which_part_was_wrong(db: Database) -> None:
    user = accounts.create_account(db, "robin", "a long enough password", NOW)
    assert user == accounts.sign_in(db, "Robin", "a long enough password", NOW)
    with pytest.raises(accounts.SignInFailed) as wrong_password:
        accounts.sign_in(db, "robin", "not the password", NOW)
    with pytest.raises(accounts.SignInFailed) as no_such_user:
        accounts.sign_in(db, "nobody", "not the password", NOW)
    assert wrong_password.value.message == no_such_user.value.message


def test_sign_in_is_rate_limited_per_account_and_address(db: Database) -> None:
    accounts.create_account(db, "robin", "a long enough password", NOW)
    for minute in range(accounts.MAX_ATTEMPTS):
        with pytest.raises(accounts.SignInFailed):
            accounts.sign_in(db, "robin", "guess", NOW + timedelta(minutes=minute), "10.0.0.9")
    with pytest.raises(accounts.TooManyAttempts):
        accounts.sign_in(db, "robin", "a long enough password", NOW + timedelta(minutes=6))
    with pytest.raises(accounts.TooManyAttempts):  # the same address trying another account
        accounts.sign_in(db, "someone-else", "guess", NOW + timedelta(minutes=6), "10.0.0.9")
    later = NOW + timedelta(minutes=30)
    assert accounts.sign_in(db, "robin", "a long enough password", later) > 0


def test_sessions_are_signed_expire_and_end_everywhere(db: Database) -> None:
    user = accounts.create_account(db, "robin", "a long enough password", NOW)
    token = accounts.issue_session(db, user, NOW)
    session = accounts.read_session(db, token, NOW + timedelta(hours=1))
    assert session is not None
    assert user == session.user_id
    forged = token.replace(f"{user}.", f"{user + 1}.", 1)
    assert accounts.read_session(db, forged, NOW) is None
    assert accounts.read_session(db, token, NOW + timedelta(days=15)) is None
    accounts.logout_everywhere(db, user)
    assert accounts.read_session(db, token, NOW + timedelta(hours=2)) is None
    assert accounts.read_session(db, accounts.issue_session(db, user, NOW), NOW) is not None


def test_csrf_tokens_are_bound_to_the_session(db: Database) -> None:
    user = accounts.create_account(db, "robin", "a long enough password", NOW)
    one, two = (
        accounts.issue_session(db, user, NOW),
        accounts.issue_session(db, user, NOW + timedelta(seconds=1)),
    )
    token = accounts.csrf_token(db, one)
    assert accounts.check_csrf(db, one, token)
    assert not accounts.check_csrf(db, two, token)
    assert not accounts.check_csrf(db, one, None)


def _fill(db: Database, user_id: int, words: str) -> Reunite:
    core = Reunite(db, user_id=user_id)
    core.start_journey(answers(), NOW)
    core.add_journal(words, 5, ["reflection"], NOW)
    return core


def test_one_user_cannot_see_another_users_records(db: Database) -> None:
    a = accounts.create_account(db, "alice", "a long enough password", NOW)
    b = accounts.create_account(db, "bobby", "a long enough password", NOW)
    alice = _fill(db, a, "alice's private words")
    bob = Reunite(db, user_id=b)
    assert [] == bob.journal()
    assert not bob.has_journey()
    with pytest.raises(NoJourney):
        bob.status(NOW)
    assert all(rows == [] for rows in bob.export(NOW)["tables"].values())
    bob.wipe()
    assert ["alice's private words"] == [e.text for e in alice.journal()]


def test_deleting_an_account_deletes_every_row_of_it_and_nothing_else(db: Database) -> None:
    a = accounts.create_account(db, "alice", "a long enough password", NOW)
    b = accounts.create_account(db, "bobby", "a long enough password", NOW)
    _fill(db, a, "alice writes")
    bob = _fill(db, b, "bob writes")
    with pytest.raises(accounts.SignInFailed):
        accounts.delete_account(db, a, "wrong password")
    accounts.delete_account(db, a, "a long enough password")
    assert all(count == 0 for count in Reunite(db, user_id=a).counts().values())
    with pytest.raises(accounts.SignInFailed):
        accounts.sign_in(db, "alice", "a long enough password", NOW)
    assert ["bob writes"] == [e.text for e in bob.journal()]
    assert bob.has_journey()
