"""Encryption at rest and encrypted backups (issue 5, local mode), end to end via the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import Cli, assert_clean_error
from reunite import crypto

SECRET = "the-quiet-walrus-7741"


def raw_bytes(home: Path) -> bytes:
    """Everything SQLite keeps on disk: the database file, its WAL and shared memory."""
    return b"".join(p.read_bytes() for p in home.glob("reunite.db*"))


@pytest.fixture
def protected(cli: Cli, answers_file, monkeypatch: pytest.MonkeyPatch) -> Cli:  # type: ignore[no-untyped-def]
    cli("start", "--answers", answers_file(safety_concern=False))
    cli("journal", "add", f"I wrote {SECRET} at 2am", "--tag", "unsent-letter")
    cli.at("2026-11-25T10:00")("log", "urge", "--note", f"note {SECRET}")
    monkeypatch.setenv("REUNITE_NEW_PASSPHRASE", "correct horse battery")
    assert 0 == cli("passphrase", "set").code
    monkeypatch.delenv("REUNITE_NEW_PASSPHRASE")
    monkeypatch.setenv("REUNITE_PASSPHRASE", "correct horse battery")
    return cli


@pytest.mark.sqlite_only
def test_the_raw_database_never_shows_what_was_written(protected: Cli, reunite_home: Path) -> None:
    """Issue 5: a test greps the raw database file for a known secret and finds nothing."""
    assert SECRET.encode() not in raw_bytes(reunite_home)
    protected("journal", "add", f"after locking: {SECRET}")
    protected("log", "reply", f"they said {SECRET}, please stop texting me")
    assert SECRET.encode() not in raw_bytes(reunite_home)
    texts = [e["text"] for e in protected("journal", "list", "--json").json()]
    assert f"I wrote {SECRET} at 2am" in texts


def test_a_wrong_passphrase_is_a_clear_error_and_changes_nothing(
    protected: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REUNITE_PASSPHRASE", "not the one at all")
    assert_clean_error(protected("journal", "list"), 5, "not the right one")
    monkeypatch.setenv("REUNITE_PASSPHRASE", "correct horse battery")
    assert 2 == len(protected("journal", "list", "--json").json()) + 1  # entry + nothing else


def test_without_a_passphrase_the_data_stays_locked(
    protected: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REUNITE_PASSPHRASE")
    assert_clean_error(protected("status", stdin=""), 5, "protected by a passphrase")


@pytest.mark.sqlite_only
def test_changing_the_passphrase_re_encrypts_everything(
    protected: Cli, monkeypatch: pytest.MonkeyPatch, reunite_home: Path
) -> None:
    before = raw_bytes(reunite_home)
    monkeypatch.setenv("REUNITE_NEW_PASSPHRASE", "a brand new phrase")
    assert 0 == protected("passphrase", "change").code
    monkeypatch.setenv("REUNITE_PASSPHRASE", "correct horse battery")
    assert_clean_error(protected("journal", "list"), 5, "not the right one")
    monkeypatch.setenv("REUNITE_PASSPHRASE", "a brand new phrase")
    assert SECRET in protected("journal", "list").out
    assert 1 == protected("status", "--json").json()["urges"]
    assert before != raw_bytes(reunite_home)


def test_removing_the_passphrase_decrypts_in_one_go(
    protected: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert 0 == protected("passphrase", "remove").code
    monkeypatch.delenv("REUNITE_PASSPHRASE")
    assert SECRET in protected("journal", "list").out
    assert {"encrypted": False} == protected("passphrase", "status", "--json").json()


def test_a_short_passphrase_is_refused(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REUNITE_NEW_PASSPHRASE", "short")
    assert_clean_error(cli("passphrase", "set"), 2, "at least 8 characters")


def test_an_encrypted_backup_round_trips_and_hides_its_contents(
    protected: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REUNITE_BACKUP_PASSPHRASE", "backup phrase here")
    blob = protected.raw_out("export", "--encrypt")
    assert crypto.is_blob(blob)
    assert SECRET.encode() not in blob
    path = tmp_path / "backup.enc"
    path.write_bytes(blob)
    assert 0 == protected("wipe", "--yes").code
    assert 0 == protected("import-backup", str(path)).code
    assert SECRET in protected("journal", "list").out


@pytest.mark.parametrize("position", [0, 20, -1, -20])
def test_a_tampered_encrypted_backup_fails_whole(
    protected: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, position: int
) -> None:
    """Issue 5: an import of a tampered backup fails whole with a clear message."""
    monkeypatch.setenv("REUNITE_BACKUP_PASSPHRASE", "backup phrase here")
    blob = bytearray(protected.raw_out("export", "--encrypt"))
    blob[position] ^= 0x01
    path = tmp_path / "tampered.enc"
    path.write_bytes(bytes(blob))
    before = protected("journal", "list", "--json").json()
    result = protected("import-backup", str(path), "--yes")
    assert 2 == result.code
    assert "Traceback" not in result.err
    assert before == protected("journal", "list", "--json").json()


def test_a_wrong_backup_passphrase_imports_nothing(
    protected: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REUNITE_BACKUP_PASSPHRASE", "backup phrase here")
    path = tmp_path / "b.enc"
    path.write_bytes(protected.raw_out("export", "--encrypt"))
    monkeypatch.setenv("REUNITE_BACKUP_PASSPHRASE", "something else")
    assert_clean_error(protected("import-backup", str(path), "--yes"), 2, "passphrase is wrong")


def test_production_key_derivation_works(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real scrypt cost (n=2**15) round-trips; tests otherwise use a cheaper one."""
    monkeypatch.delenv("REUNITE_FAST_KDF", raising=False)
    blob = crypto.encrypt_blob("a long passphrase", json.dumps({"a": 1}).encode())
    assert b'"n":32768' in blob[:200]
    assert {"a": 1} == json.loads(crypto.decrypt_blob("a long passphrase", blob))
