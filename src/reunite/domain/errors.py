"""Errors the product can explain in one sentence.

Every edge (CLI, web, API) turns a ReuniteError into a clear message and a non-zero
exit or an error page; anything else is a bug.
"""

from __future__ import annotations


class ReuniteError(Exception):
    """Something the user can fix, described in one plain sentence."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(ReuniteError):
    """The user gave input we cannot use (a bad answers file, an unknown stage, a bad date)."""

    exit_code = 2


class NotAllowed(ReuniteError):
    """The method does not allow this now (contact during no-contact, after a boundary…)."""

    exit_code = 3


class NoJourney(ReuniteError):
    """A command needs a journey and none has been started."""

    exit_code = 4


class Locked(ReuniteError):
    """Encrypted data was needed and the key is not unlocked."""

    exit_code = 5


class WrongPassphrase(ReuniteError):
    exit_code = 5
