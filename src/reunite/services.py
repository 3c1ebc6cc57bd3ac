"""Use cases: the only place where the pure domain meets storage.

The CLI, the web pages and the JSON API all call this facade, so the method behaves
the same in every face. Each write is one transaction: a crash mid-command leaves the
database as it was before the command.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from reunite.domain import journey as engine
from reunite.domain.errors import InvalidInput, NoJourney
from reunite.domain.journey import Journey, PlanStep, Status
from reunite.domain.model import Event, EventKind, Stage
from reunite.domain.situation import Answers, Assessment, assess
from reunite.playbook import Playbook, Sourced, load_playbook
from reunite.schemas import AnswersIn, parse_answers
from reunite.store.db import Database, describe_location
from reunite.store.models import Base, EventRow, JournalRow, JourneyRow

BACKUP_FORMAT = "reunite-backup"
BACKUP_VERSION = 1
MAX_JOURNAL_CHARS = 20_000
JOURNAL_TAGS_HINT = ("urge-to-text", "unsent-letter", "reflection", "gratitude", "sad", "hopeful")


@dataclass(frozen=True)
class LogResult:
    """What happened when an event was logged."""

    event: EventKind
    at: datetime
    status: Status
    effects: tuple[Sourced, ...]
    reading: Any = None  # the coach's reading of a reply, when there was one

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "event": self.event.value,
            "at": self.at.isoformat(),
            "effects": [e.to_dict() for e in self.effects],
            "status": self.status.to_dict(),
        }
        if self.reading is not None:
            out["reading"] = self.reading.to_dict()
        return out


@dataclass(frozen=True)
class StoredEvent:
    id: int
    kind: EventKind
    at: datetime
    data: dict[str, Any]
    note: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "at": self.at.isoformat(),
            "data": self.data,
            "note": self.note,
        }


@dataclass(frozen=True)
class JournalEntry:
    id: int
    created_at: datetime
    text: str
    mood: int | None
    tags: tuple[str, ...]
    crisis: bool = False
    effects: tuple[Sourced, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "text": self.text,
            "mood": self.mood,
            "tags": list(self.tags),
            "crisis": self.crisis,
        }


def _entry(row: JournalRow, effects: tuple[Sourced, ...] = ()) -> JournalEntry:
    return JournalEntry(
        row.id, row.created_at, row.text, row.mood, tuple(row.tags or ()), row.crisis, effects
    )


def _event(row: EventRow) -> Event:
    return Event(EventKind(row.kind), row.at, dict(row.data or {}))


def _stored(row: EventRow) -> StoredEvent:
    return StoredEvent(row.id, EventKind(row.kind), row.at, dict(row.data or {}), row.note)


class Reunite:
    """The application: one per database, opened by every face of the product."""

    def __init__(self, database: Database, playbook: Playbook | None = None) -> None:
        self.db = database
        self.pb = playbook or load_playbook()

    @classmethod
    def open(cls, database_url: str | None = None) -> Reunite:
        return cls(Database(database_url))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Reunite:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def data_location(self) -> str:
        return describe_location(self.db.url)

    # ------------------------------------------------------------ assessment

    def assess(self, answers: Answers) -> Assessment:
        return assess(answers, self.pb)

    @staticmethod
    def parse_answers(data: object, where: str = "answers") -> Answers:
        return parse_answers(data, where)

    # ------------------------------------------------------------ journey

    def _active(self, session: Session) -> JourneyRow | None:
        return session.scalars(
            select(JourneyRow).where(JourneyRow.active.is_(True)).order_by(JourneyRow.id.desc())
        ).first()

    def _require(self, session: Session) -> JourneyRow:
        row = self._active(session)
        if row is None:
            raise NoJourney("No journey yet: start one with 'reunite start'.")
        return row

    def _begin(self, row: JourneyRow) -> Journey:
        answers = parse_answers(row.answers, "stored answers")
        return engine.begin(assess(answers, self.pb), row.started_at)

    def _replay(self, row: JourneyRow, now: datetime) -> Journey:
        events = [_event(e) for e in row.events]
        start = self._begin(row)
        latest = max([now, *(e.at for e in events)])
        return engine.replay(start, events, latest, self.pb)

    def has_journey(self) -> bool:
        with self.db.transaction() as session:
            return self._active(session) is not None

    def start_journey(
        self, answers: Answers, now: datetime, *, replace: bool = False
    ) -> tuple[Assessment, Status]:
        assessment = assess(answers, self.pb)
        with self.db.transaction() as session:
            existing = self._active(session)
            if existing is not None:
                if not replace:
                    raise InvalidInput(
                        "A journey is already under way; add --replace to start a new one "
                        "(the old one is kept in your backup)."
                    )
                existing.active = False
            row = JourneyRow(
                created_at=now,
                started_at=now,
                answers=AnswersIn.model_validate(answers.__dict__).model_dump(),
                assessment=assessment.to_dict(),
                active=True,
            )
            session.add(row)
        journey = engine.begin(assessment, now)
        return assessment, engine.status(journey, now, self.pb)

    def journey(self, now: datetime) -> Journey:
        with self.db.transaction() as session:
            return self._replay(self._require(session), now)

    def assessment(self) -> Assessment:
        with self.db.transaction() as session:
            row = self._require(session)
            return assess(parse_answers(row.answers, "stored answers"), self.pb)

    def status(self, now: datetime) -> Status:
        return engine.status(self.journey(now), now, self.pb)

    def current_stage(self, now: datetime) -> Stage | None:
        with self.db.transaction() as session:
            row = self._active(session)
            if row is None:
                return None
            return self._replay(row, now).stage

    def no_contact_progress(self, now: datetime) -> tuple[int, int] | None:
        with self.db.transaction() as session:
            row = self._active(session)
            if row is None:
                return None
            progress = engine.no_contact_progress(self._replay(row, now), now)
            return (progress.day, progress.days) if progress else None

    def contact_closed_reason(self, now: datetime) -> str | None:
        """Why drafting messages to the ex is refused outright (a no_contact boundary, safety)."""
        with self.db.transaction() as session:
            row = self._active(session)
            if row is None:
                return None
            j = self._replay(row, now)
        if j.stage is Stage.SAFETY:
            return "This journey is about your safety, so Reunite won't help write to them."
        if j.stage is Stage.LET_GO and j.closed_reason in (
            "asked_no_contact",
            "boundary_no_contact",
        ):
            return (
                "They asked you not to contact them, so Reunite won't help write to them. "
                "Your journal is here for anything you need to say."
            )
        return None

    def log(
        self,
        event_kind: EventKind,
        now: datetime,
        at: datetime | None = None,
        note: str | None = None,
        **data: Any,
    ) -> LogResult:
        """Record one event if the method allows it; the engine decides, storage keeps it."""
        when = at or now
        if when > now:
            raise InvalidInput("That date is in the future; log things once they've happened.")
        if note is not None and len(note) > MAX_JOURNAL_CHARS:
            raise InvalidInput(
                f"That note is too long; keep it under {MAX_JOURNAL_CHARS:,} characters."
            )
        clean = {
            k: (v.value if hasattr(v, "value") else v) for k, v in data.items() if v is not None
        }
        if note:
            clean["note"] = note
        with self.db.transaction() as session:
            row = self._require(session)
            if when < row.started_at:
                raise InvalidInput("That date is before your journey started.")
            current = self._begin(row)
            for stored in row.events:
                current = engine.apply(current, _event(stored), self.pb).journey
            decision = engine.apply(current, Event(event_kind, when, clean), self.pb)
            seq = (
                session.scalar(select(func.max(EventRow.seq)).where(EventRow.journey_id == row.id))
                or 0
            ) + 1
            session.add(
                EventRow(
                    journey_id=row.id,
                    seq=seq,
                    kind=event_kind.value,
                    at=when,
                    data=clean,
                    note=note,
                    created_at=now,
                )
            )
        return LogResult(
            event_kind, when, engine.status(decision.journey, now, self.pb), decision.effects
        )

    def log_reply(self, text: str, now: datetime, at: datetime | None = None) -> LogResult:
        """Their reply: the coach reads it, and a boundary applies at once."""
        from reunite.domain.coach import read_reply

        reading = read_reply(text)
        result = self.log(
            EventKind.REPLY,
            now,
            at,
            text=text,
            boundary=reading.boundary,
            tone=reading.tone,
            signals=list(reading.signals),
        )
        return LogResult(result.event, result.at, result.status, result.effects, reading)

    def events(self) -> list[StoredEvent]:
        with self.db.transaction() as session:
            row = self._require(session)
            return [_stored(e) for e in row.events]

    def plan(self, now: datetime) -> list[PlanStep]:
        return engine.plan(self.journey(now), now, self.pb)

    def plan_ics(self, now: datetime) -> bytes:
        """The dated plan as an iCalendar file (all-day events, one per step)."""
        from icalendar import Calendar
        from icalendar import Event as CalEvent

        steps = self.plan(now)
        calendar = Calendar()
        calendar.add("prodid", "-//Reunite//reunite//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", "Reunite plan")
        for step in steps:
            item = CalEvent()
            item.add("uid", f"reunite-{step.stage.value}-{step.date.isoformat()}@reunite.local")
            item.add("dtstamp", now)
            item.add("dtstart", step.date)
            item.add(
                "summary", f"Reunite: {step.title}" + (" (estimated)" if step.estimated else "")
            )
            item.add("description", f"{step.text}\n\nSource: {step.source}")
            item.add("transp", "TRANSPARENT")
            calendar.add_component(item)
        return bytes(calendar.to_ical())

    # ------------------------------------------------------------ journal

    def add_journal(
        self, text: str, mood: int | None, tags: Sequence[str], now: datetime
    ) -> JournalEntry:
        body = text.strip()
        if not body:
            raise InvalidInput("A journal entry needs some text.")
        if len(body) > MAX_JOURNAL_CHARS:
            raise InvalidInput(
                f"That entry is too long; keep it under {MAX_JOURNAL_CHARS:,} characters."
            )
        if mood is not None and not 1 <= mood <= 10:
            raise InvalidInput("Mood is a number from 1 (very low) to 10 (very good).")
        clean_tags = tuple(
            dict.fromkeys(t.strip().lower().replace(" ", "-") for t in tags if t.strip())
        )
        crisis = _detect_crisis(body)
        effects: tuple[Sourced, ...] = ()
        with self.db.transaction() as session:
            row = JournalRow(
                created_at=now, text=body, mood=mood, tags=list(clean_tags), crisis=crisis
            )
            session.add(row)
            session.flush()
            entry = _entry(row)
        if "urge-to-text" in clean_tags and self.has_journey():
            # An urge is a first-class event, never a slip: nothing was sent.
            effects = self.log(EventKind.URGE, now, note=None).effects
        return JournalEntry(
            entry.id, entry.created_at, entry.text, entry.mood, entry.tags, crisis, effects
        )

    def journal(self, query: str | None = None, tag: str | None = None) -> list[JournalEntry]:
        with self.db.transaction() as session:
            stmt = select(JournalRow).order_by(JournalRow.created_at.desc(), JournalRow.id.desc())
            if query:
                like = f"%{query.strip()}%"
                stmt = stmt.where(or_(JournalRow.text.ilike(like)))
            rows = session.scalars(stmt).all()
            entries = [_entry(r) for r in rows]
        if tag:
            entries = [e for e in entries if tag in e.tags]
        return entries

    # ------------------------------------------------------------ backup

    def export(self, now: datetime) -> dict[str, Any]:
        """Every row of every table, as plain JSON (restorable with import_backup)."""
        tables: dict[str, list[dict[str, Any]]] = {}
        with self.db.transaction() as session:
            for table in Base.metadata.sorted_tables:
                rows = session.execute(select(table)).mappings().all()
                tables[table.name] = [
                    {key: _to_json(value) for key, value in row.items()} for row in rows
                ]
        return {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "exported_at": now.isoformat(),
            "tables": tables,
        }

    def import_backup(self, data: object) -> dict[str, int]:
        """Replace everything with the backup's rows, all or nothing."""
        if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
            raise InvalidInput("That file is not a Reunite backup.")
        if data.get("version") != BACKUP_VERSION:
            raise InvalidInput(
                f"That backup has version {data.get('version')!r}; this Reunite reads version 1."
            )
        tables = data.get("tables")
        if not isinstance(tables, dict):
            raise InvalidInput("That backup has no tables.")
        known = {t.name: t for t in Base.metadata.sorted_tables}
        unknown = set(tables) - set(known)
        if unknown:
            raise InvalidInput(
                f"That backup has tables this Reunite doesn't know: {', '.join(sorted(unknown))}."
            )
        counts: dict[str, int] = {}
        try:
            with self.db.transaction() as session:
                for table in reversed(Base.metadata.sorted_tables):
                    session.execute(delete(table))
                for table in Base.metadata.sorted_tables:
                    rows = tables.get(table.name, [])
                    if not isinstance(rows, list):
                        raise InvalidInput(f"Backup table '{table.name}' is not a list of rows.")
                    converted = [_from_json(table, row) for row in rows]
                    if converted:
                        session.execute(table.insert(), converted)
                    counts[table.name] = len(converted)
        except InvalidInput:
            raise
        except Exception as error:  # any bad row aborts the whole import
            raise InvalidInput(
                f"That backup could not be restored, nothing was changed ({type(error).__name__})."
            ) from None
        return counts

    def wipe(self) -> None:
        """Delete every record in one transaction."""
        with self.db.transaction() as session:
            for table in reversed(Base.metadata.sorted_tables):
                session.execute(delete(table))

    def counts(self) -> dict[str, int]:
        with self.db.transaction() as session:
            return {
                table.name: session.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }


def _detect_crisis(text: str) -> bool:
    from reunite.domain.coach import detect_crisis

    return bool(detect_crisis(text))


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"$b64": base64.b64encode(value).decode("ascii")}
    return value


def _from_json(table: Any, row: object) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise InvalidInput(f"A row of '{table.name}' is not an object.")
    out: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in row:
            continue
        value = row[column.name]
        python_type: type | None
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            python_type = None
        if value is None:
            out[column.name] = None
        elif python_type is datetime:
            out[column.name] = datetime.fromisoformat(str(value))
        elif python_type is date:
            out[column.name] = date.fromisoformat(str(value))
        elif python_type is bytes and isinstance(value, dict):
            out[column.name] = base64.b64decode(value["$b64"], validate=True)
        else:
            out[column.name] = value
    extra = set(row) - {c.name for c in table.columns}
    if extra:
        raise InvalidInput(
            f"Backup table '{table.name}' has unknown columns: {', '.join(sorted(extra))}."
        )
    return out


@contextmanager
def opened(database_url: str | None = None) -> Iterator[Reunite]:
    app = Reunite.open(database_url)
    try:
        yield app
    finally:
        app.close()


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
