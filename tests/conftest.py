"""Shared fixtures: the playbook, a fixed clock, an isolated data folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from reunite.playbook import Playbook, load_playbook


@pytest.fixture(scope="session")
def pb() -> Playbook:
    return load_playbook()


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 11, 21, 9, 0)


@pytest.fixture
def reunite_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private REUNITE_HOME for one test; no real user data is ever touched."""
    home = tmp_path / "home"
    monkeypatch.setenv("REUNITE_HOME", str(home))
    monkeypatch.delenv("REUNITE_DATABASE_URL", raising=False)
    monkeypatch.delenv("REUNITE_NOW", raising=False)
    for name in ("REUNITE_PASSPHRASE", "REUNITE_NEW_PASSPHRASE", "REUNITE_BACKUP_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(
        "REUNITE_FAST_KDF", "1"
    )  # cheap scrypt in tests; one test uses the real cost
    return home
