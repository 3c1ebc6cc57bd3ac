"""The coach's journey facts without SQLAlchemy, for the one command whose start-up counts.

`reunite check "…"` must answer a cold process in well under a second, and importing the
ORM alone costs a third of that. When the database is a plain SQLite file at the current
schema without a passphrase, this module reads the active journey with the standard
library's sqlite3 (read-only) and lets the same pure engine replay it. In any other case
it says so and the caller takes the full path through `reunite.services`. The two paths
are checked against each other in the tests.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reunite.domain import journey as engine
from reunite.domain.model import Event, EventKind, Stage
from reunite.domain.playbook import Playbook
from reunite.domain.situation import Answers, assess
from reunite.store.models_names import LOCAL_USERNAME

NOT_QUICK = "not quick"


@dataclass(frozen=True)
class DraftFacts:
    stage: Stage
    closed_reason: str | None
    no_contact: tuple[int, int] | None
    approach: str


def stored_answers(data: dict[str, Any]) -> Answers:
    """Answers read back from storage: validated when they were saved, so no schema pass
    here (it kept pydantic out of every command's start-up); a damaged row still fails."""
    try:
        values: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in data.items()
        }
        return Answers(**values)
    except TypeError:
        from reunite.schemas import parse_answers

        return parse_answers(data, "stored answers")


def draft_facts_from(
    answers: dict[str, Any],
    started: datetime,
    events: list[Event],
    now: datetime,
    pb: Playbook,
) -> DraftFacts:
    plain = stored_answers(answers)
    assessment = assess(plain, pb)
    j = engine.replay(engine.begin(assessment, started), events, now, pb)
    progress = engine.no_contact_progress(j, now)
    return DraftFacts(
        stage=j.stage,
        closed_reason=engine.drafting_refusal(j),
        no_contact=(progress.day, progress.days) if progress else None,
        approach=assessment.approach,
    )


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value)


def draft_facts(url: str, now: datetime, pb: Playbook) -> DraftFacts | str | None:
    """The facts, None without a journey, or NOT_QUICK when the full path must answer."""
    from reunite.store.revisions import head_revision

    if not url.startswith("sqlite:///") or url == "sqlite:///:memory:":
        return NOT_QUICK
    path = Path(url.removeprefix("sqlite:///"))
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return NOT_QUICK
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != head_revision():
            return NOT_QUICK
        if conn.execute("SELECT 1 FROM settings WHERE key = 'vault'").fetchone():
            return NOT_QUICK  # encrypted: the full path unlocks it
        row = conn.execute(
            "SELECT j.id, j.answers, j.started_at FROM journeys j JOIN users u ON u.id = j.user_id "
            "WHERE u.username = ? AND j.active = 1 ORDER BY j.id DESC LIMIT 1",
            (LOCAL_USERNAME,),
        ).fetchone()
        if row is None:
            return None
        events = [
            Event(EventKind(kind), _when(at), json.loads(data))
            for kind, at, data in conn.execute(
                "SELECT kind, at, data FROM events WHERE journey_id = ? ORDER BY seq", (row[0],)
            )
        ]
        return draft_facts_from(json.loads(row[1]), _when(row[2]), events, now, pb)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return NOT_QUICK
    finally:
        conn.close()
