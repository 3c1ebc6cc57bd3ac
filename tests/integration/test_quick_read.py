"""The coach's light journey reader agrees with the full facade (src/reunite/quick.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from factories import answers
from reunite import quick
from reunite.domain.model import EventKind
from reunite.playbook import load_playbook
from reunite.services import Reunite

NOW = datetime(2026, 11, 21, 9, 0)
pytestmark = pytest.mark.sqlite_only


def _url(home: Path) -> str:
    return f"sqlite:///{home / 'reunite.db'}"


@pytest.mark.parametrize(
    "steps",
    [
        [],
        [(EventKind.URGE, 2, {}), (EventKind.SLIP, 5, {})],
        [
            (EventKind.CONTACT, 31, {}),
            (EventKind.REPLY, 31.1, {"boundary": "no_contact", "tone": "cold"}),
        ],
        [
            (EventKind.CONTACT, 31, {}),
            (EventKind.REPLY, 31.1, {"tone": "warm"}),
            (EventKind.MEETUP, 35, {"went": "good"}),
        ],
        [(EventKind.LET_GO, 3, {})],
    ],
)
def test_the_quick_reader_gives_the_same_facts_as_the_facade(tmp_path: Path, steps: list) -> None:  # type: ignore[type-arg]
    core = Reunite.open(_url(tmp_path))
    core.start_journey(answers(relationship_months=20), NOW)
    for kind, day, data in steps:
        core.log(kind, NOW + timedelta(days=day), **data)
    later = NOW + timedelta(days=40)
    expected = core.draft_facts(later)
    core.close()
    assert expected == quick.draft_facts(_url(tmp_path), later, load_playbook())


def test_no_database_means_no_journey(tmp_path: Path) -> None:
    assert quick.draft_facts(_url(tmp_path), NOW, load_playbook()) is None


def test_an_encrypted_or_non_sqlite_database_takes_the_full_path(tmp_path: Path) -> None:
    assert quick.NOT_QUICK == quick.draft_facts("postgresql+psycopg://x@h/db", NOW, load_playbook())
    core = Reunite.open(_url(tmp_path))
    core.start_journey(answers(), NOW)
    core.set_passphrase("correct horse battery")
    core.close()
    assert quick.NOT_QUICK == quick.draft_facts(_url(tmp_path), NOW, load_playbook())


def test_the_quick_reader_never_imports_sqlalchemy(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from datetime import datetime; from reunite import quick; "
        "from reunite.playbook import load_playbook; "
        f"quick.draft_facts('{_url(tmp_path)}', datetime(2026,1,1), load_playbook()); "
        "print(any(m.startswith('sqlalchemy') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "False" == out.stdout.strip()
