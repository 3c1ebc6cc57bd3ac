"""Kill -9 in the middle of a re-encryption or an import loses nothing committed and
leaves a consistent database (issue 5). A real `reunite` process is killed at several
moments; afterwards the data is wholly before or wholly after the command."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reunite.services import Reunite

ROWS = 25_000  # large enough that each command runs for seconds
pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]


def _populate(home: Path) -> None:
    core = Reunite.open(f"sqlite:///{home / 'reunite.db'}")
    try:
        from reunite.store.models import JournalRow

        with core.db.transaction() as session:
            session.add_all(
                JournalRow(
                    user_id=core.user_id,
                    created_at=datetime(2026, 11, 1, 8, 0),
                    text=f"entry number {i} with some words to encrypt",
                    mood=5,
                    tags=[],
                    crisis=False,
                )
                for i in range(ROWS)
            )
    finally:
        core.close()


def _run_and_kill(args: list[str], env: dict[str, str], home: Path, wal_bytes: int) -> int | None:
    """Start the command and SIGKILL it once its transaction has written `wal_bytes` to the
    write-ahead log: provably in the middle of the write, whatever the machine's speed."""
    wal = home / "reunite.db-wal"
    start_size = wal.stat().st_size if wal.exists() else 0
    process = subprocess.Popen(
        [sys.executable, "-c", "from reunite.cli import main; main()", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        size = wal.stat().st_size if wal.exists() else 0
        if size - start_size >= wal_bytes:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    _out, err = process.communicate()
    if process.returncode != -signal.SIGKILL:
        sys.stderr.write(err.decode(errors="replace"))
    return process.returncode


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REUNITE_")}
    env.update(REUNITE_HOME=str(home), REUNITE_FAST_KDF="1", **extra)
    return env


@pytest.mark.parametrize("wal_bytes", [64_000, 512_000, 2_000_000])
def test_kill_during_re_encryption_leaves_all_or_nothing(tmp_path: Path, wal_bytes: int) -> None:
    home = tmp_path / "home"
    _populate(home)
    code = _run_and_kill(
        ["passphrase", "set"],
        _env(home, REUNITE_NEW_PASSPHRASE="correct horse battery"),
        home,
        wal_bytes,
    )
    assert -signal.SIGKILL == code, "the command finished before the kill"
    with sqlite3.connect(home / "reunite.db") as conn:
        assert "ok" == conn.execute("pragma integrity_check").fetchone()[0]
        encrypted = conn.execute(
            "select count(*) from journal_entries where text like 'enc:1:%'"
        ).fetchone()[0]
        total = conn.execute("select count(*) from journal_entries").fetchone()[0]
        vault = conn.execute("select count(*) from settings where key = 'vault'").fetchone()[0]
    assert ROWS == total
    assert (encrypted, vault) in ((0, 0), (ROWS, 1)), (
        f"mixed state after a kill at {wal_bytes} WAL bytes"
    )
    core = Reunite.open(
        f"sqlite:///{home / 'reunite.db'}", passphrase="correct horse battery" if vault else None
    )
    try:
        assert ROWS == len(core.journal())
    finally:
        core.close()


@pytest.mark.parametrize("wal_bytes", [64_000, 512_000, 2_000_000])
def test_kill_during_import_leaves_the_old_data_or_the_new(tmp_path: Path, wal_bytes: int) -> None:
    source = tmp_path / "source"
    _populate(source)
    core = Reunite.open(f"sqlite:///{source / 'reunite.db'}")
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(core.export(datetime(2026, 11, 22))), encoding="utf-8")
    core.close()

    home = tmp_path / "home"
    target = Reunite.open(f"sqlite:///{home / 'reunite.db'}")
    target.add_journal("the only entry before the import", 5, [], datetime(2026, 11, 20))
    target.close()
    code = _run_and_kill(["import-backup", str(backup), "--yes"], _env(home), home, wal_bytes)
    assert -signal.SIGKILL == code, "the command finished before the kill"
    with sqlite3.connect(home / "reunite.db") as conn:
        assert "ok" == conn.execute("pragma integrity_check").fetchone()[0]
        total = conn.execute("select count(*) from journal_entries").fetchone()[0]
    assert total in (1, ROWS), f"half an import after a kill at {wal_bytes} WAL bytes"


@pytest.mark.parametrize("wal_bytes", [256_000, 2_000_000])
def test_kill_during_a_chat_import_keeps_the_earlier_import_whole(
    tmp_path: Path, wal_bytes: int
) -> None:
    """A first import of a short export, then a killed import of a long one: the database
    holds exactly the first import, never part of the second."""
    start = datetime(2020, 1, 1, 8, 0)

    def export(path: Path, count: int) -> Path:
        with path.open("w", encoding="utf-8") as out:
            for i in range(count):
                when = start + timedelta(minutes=7 * i)
                who = "Alex" if i % 2 else "Sam"
                out.write(f"{when:%d/%m/%Y, %H:%M} - {who}: message number {i} of the chat\n")
        return path

    home = tmp_path / "home"
    short = export(tmp_path / "short.txt", 500)
    env = _env(home)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from reunite.cli import main; main()",
            "history",
            "import",
            str(short),
            "--me",
            "Sam",
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    assert 0 == done.returncode, done.stderr
    long = export(tmp_path / "long.txt", 300_000)
    code = _run_and_kill(["history", "import", str(long), "--me", "Sam"], env, home, wal_bytes)
    assert -signal.SIGKILL == code, "the command finished before the kill"
    with sqlite3.connect(home / "reunite.db") as conn:
        assert "ok" == conn.execute("pragma integrity_check").fetchone()[0]
        messages = conn.execute("select count(*) from chat_messages").fetchone()[0]
        imports = conn.execute("select count(*) from chat_imports").fetchone()[0]
    assert (500, 1) == (messages, imports)
