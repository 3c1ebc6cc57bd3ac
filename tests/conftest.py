"""Shared fixtures: the playbook, a fixed clock, an isolated data folder, the database backend.

The database-touching suite runs on SQLite, and again on PostgreSQL when
REUNITE_TEST_BACKEND=postgres (make test does this in CI): each test then gets a fresh
PostgreSQL database of its own.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from reunite.playbook import Playbook, load_playbook

ROOT = Path(__file__).resolve().parents[1]
BACKEND = os.environ.get("REUNITE_TEST_BACKEND", "sqlite")


def postgres_base_url() -> str | None:
    """The test server's URL: REUNITE_TEST_POSTGRES_URL, or the file ensure-postgres.sh writes."""
    url = os.environ.get("REUNITE_TEST_POSTGRES_URL")
    if url:
        return url
    path = ROOT / ".pytest-postgres-url"
    return path.read_text().strip() if path.exists() else None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: inspects the SQLite file itself")
    if BACKEND == "postgres" and postgres_base_url() is None:
        raise pytest.UsageError(
            "REUNITE_TEST_BACKEND=postgres but no server: run scripts/ensure-postgres.sh"
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if BACKEND != "postgres":
        return
    skip = pytest.mark.skip(reason="inspects the SQLite file; covered by the SQLite pass")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pb() -> Playbook:
    return load_playbook()


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 11, 21, 9, 0)


def _fresh_postgres_database() -> tuple[str, str]:
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(postgres_base_url() or "")
    name = f"reunite_test_{uuid.uuid4().hex[:12]}"
    plain = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, base.set(database=name).render_as_string(hide_password=False)


def _drop_postgres_database(name: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(postgres_base_url() or "").set(drivername="postgresql")
    with psycopg.connect(base.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def reunite_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private REUNITE_HOME (and, on the PostgreSQL pass, a private database) per test."""
    home = tmp_path / "home"
    monkeypatch.setenv("REUNITE_HOME", str(home))
    monkeypatch.delenv("REUNITE_DATABASE_URL", raising=False)
    monkeypatch.delenv("REUNITE_NOW", raising=False)
    for name in ("REUNITE_PASSPHRASE", "REUNITE_NEW_PASSPHRASE", "REUNITE_BACKUP_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(
        "REUNITE_FAST_KDF", "1"
    )  # cheap scrypt in tests; one test uses the real cost
    if BACKEND != "postgres":
        yield home
        return
    name, url = _fresh_postgres_database()
    monkeypatch.setenv("REUNITE_DATABASE_URL", url)
    try:
        yield home
    finally:
        _drop_postgres_database(name)
