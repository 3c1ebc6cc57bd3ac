"""Use cases: the only place where the pure domain meets storage.

The CLI, the web pages and the JSON API all call this facade, so the method behaves
the same in every face. Each write is one transaction: a crash mid-command leaves the
database as it was before the command.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from reunite.domain import journey as engine
from reunite.domain.errors import InvalidInput, Locked, NoJourney
from reunite.domain.journey import Journey, PlanStep, Status
from reunite.domain.model import Event, EventKind
from reunite.domain.situation import Answers, Assessment, assess
from reunite.playbook import Playbook, Sourced, load_playbook
from reunite.quick import DraftFacts, draft_facts_from, stored_answers
from reunite.store.db import Database, describe_location
from reunite.store.models import (
    LOCAL_USERNAME,
    Base,
    EventRow,
    JournalRow,
    JourneyRow,
    SettingRow,
    UserRow,
)
from reunite.store.types import EncryptedJSON, EncryptedText, KeyState, current_key

# Every table must be known whatever was imported first: backups and wipes cover them all.
import reunite.store.history_models  # noqa: F401  isort: skip

BACKUP_FORMAT = "reunite-backup"
BACKUP_VERSION = 1
#: Tables that belong to the installation, not to a user: never exported or wiped per user.
SYSTEM_TABLES = frozenset({"users", "settings", "login_attempts", "alembic_version"})
MAX_JOURNAL_CHARS = 20_000


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

    def __init__(
        self, database: Database, playbook: Playbook | None = None, user_id: int | None = None
    ) -> None:
        self.db = database
        self.pb = playbook or load_playbook()
        self.user_id = user_id if user_id is not None else self._local_user()

    @classmethod
    def open(
        cls,
        database_url: str | None = None,
        *,
        passphrase: str | None = None,
        user_id: int | None = None,
    ) -> Reunite:
        database = Database(database_url)
        if passphrase is not None:
            database.unlock(passphrase)
        return cls(database, user_id=user_id)

    def _local_user(self) -> int:
        """The one user of local mode, created on first use (safely, if two processes race)."""
        from sqlalchemy.exc import IntegrityError

        for _attempt in range(2):
            try:
                with self.db.transaction() as session:
                    user = session.scalars(
                        select(UserRow).where(UserRow.username == LOCAL_USERNAME)
                    ).first()
                    if user is None:
                        user = UserRow(
                            username=LOCAL_USERNAME, created_at=datetime.now(), session_epoch=0
                        )
                        session.add(user)
                        session.flush()
                    return user.id
            except IntegrityError:
                continue  # another process created it a moment ago: read it
        raise RuntimeError("could not create or read the local user")

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
        from reunite.schemas import parse_answers

        return parse_answers(data, where)

    # ------------------------------------------------------------ journey

    def _active(self, session: Session) -> JourneyRow | None:
        return session.scalars(
            select(JourneyRow)
            .where(JourneyRow.user_id == self.user_id, JourneyRow.active.is_(True))
            .order_by(JourneyRow.id.desc())
        ).first()

    def _require(self, session: Session) -> JourneyRow:
        row = self._active(session)
        if row is None:
            raise NoJourney("No journey yet: start one with 'reunite start'.")
        return row

    def _begin(self, row: JourneyRow) -> Journey:
        return engine.begin(assess(stored_answers(row.answers), self.pb), row.started_at)

    def _replay(self, row: JourneyRow, now: datetime) -> Journey:
        return engine.replay(self._begin(row), [_event(e) for e in row.events], now, self.pb)

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
                user_id=self.user_id,
                created_at=now,
                started_at=now,
                answers=_answers_json(answers),
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
            return assess(stored_answers(row.answers), self.pb)

    def status(self, now: datetime) -> Status:
        return engine.status(self.journey(now), now, self.pb)

    def draft_facts(self, now: datetime) -> DraftFacts | None:
        """What the coach needs, in one read: the stage, why drafting is refused (if it is),
        the no-contact day count and the approach. None without a journey."""
        with self.db.transaction() as session:
            row = self._active(session)
            if row is None:
                return None
            events = [_event(e) for e in row.events]
            return draft_facts_from(row.answers, row.started_at, events, now, self.pb)

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
                    user_id=self.user_id,
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

    def preview_plan(self, assessment: Assessment, now: datetime) -> list[PlanStep]:
        """The dated plan a journey begun now would have, before anything is saved."""
        return engine.plan(engine.begin(assessment, now), now, self.pb)

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
                user_id=self.user_id,
                created_at=now,
                text=body,
                mood=mood,
                tags=list(clean_tags),
                crisis=crisis,
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
        """Entries newest first; search runs after decryption, so it works when locked-at-rest."""
        with self.db.transaction() as session:
            stmt = (
                select(JournalRow)
                .where(JournalRow.user_id == self.user_id)
                .order_by(JournalRow.created_at.desc(), JournalRow.id.desc())
            )
            entries = [_entry(r) for r in session.scalars(stmt).all()]
        if query and query.strip():
            needle = query.strip().casefold()
            entries = [e for e in entries if needle in e.text.casefold()]
        if tag:
            entries = [e for e in entries if tag in e.tags]
        return entries

    def history(self) -> Any:
        """This user's chat history (import and insights)."""
        from reunite.history_service import HistoryService

        return HistoryService(self.db, self.user_id)

    # ------------------------------------------------------------ backup

    def _user_tables(self) -> list[Table]:
        return [t for t in Base.metadata.sorted_tables if t.name not in SYSTEM_TABLES]

    def _owner_filter(self, table: Table) -> Any:
        """The condition that a row of `table` belongs to this user: its own user_id, or
        through the chain of parents that leads to one (a message → its chat → the user)."""
        if "user_id" in table.c:
            return table.c.user_id == self.user_id
        for fk in table.foreign_keys:
            parent = fk.column.table
            if parent.name in SYSTEM_TABLES:
                continue
            parent_filter = self._owner_filter(parent)
            if parent_filter is not None:
                return fk.parent.in_(select(fk.column).where(parent_filter))
        return None

    def _owned(self, table: Table) -> Any:
        """A select of this user's rows of a table."""
        condition = self._owner_filter(table)
        if condition is None:
            raise RuntimeError(f"table {table.name} has no owner: every table must have one")
        return select(table).where(condition)

    def export(self, now: datetime) -> dict[str, Any]:
        """Every record of this user, as plain JSON (restorable with import_backup)."""
        tables: dict[str, list[dict[str, Any]]] = {}
        with self.db.transaction() as session:
            for table in self._user_tables():
                rows = session.execute(self._owned(table).order_by(*table.primary_key.columns))
                tables[table.name] = [
                    {k: _to_json(v) for k, v in row.items() if k != "user_id"}
                    for row in rows.mappings()
                ]
        return {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "exported_at": now.isoformat(),
            "tables": tables,
        }

    def export_bytes(self, now: datetime, passphrase: str | None = None) -> bytes:
        """The backup file: JSON, or an encrypted blob when a backup passphrase is given."""
        from reunite import crypto

        raw = json.dumps(self.export(now), ensure_ascii=False, indent=1).encode("utf-8")
        return crypto.encrypt_blob(passphrase, raw) if passphrase is not None else raw

    def read_backup(self, blob: bytes, passphrase: str | None = None) -> object:
        """Decrypt (if needed) and parse a backup file; any damage is one clear error."""
        from reunite import crypto

        if crypto.is_blob(blob):
            if passphrase is None:
                raise Locked("That backup is encrypted; give its passphrase to import it.")
            blob = crypto.decrypt_blob(passphrase, blob)
        try:
            return json.loads(blob.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise InvalidInput("That file is not a Reunite backup (not valid JSON).") from None

    def import_backup(self, data: object) -> dict[str, int]:
        """Replace this user's records with the backup's, all or nothing.

        Row ids are given anew (so a backup can be restored beside other users' data) and
        references between tables are mapped to the new ids.
        """
        if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
            raise InvalidInput("That file is not a Reunite backup.")
        if data.get("version") != BACKUP_VERSION:
            raise InvalidInput(
                f"That backup has version {data.get('version')!r}; this Reunite reads version 1."
            )
        tables = data.get("tables")
        if not isinstance(tables, dict):
            raise InvalidInput("That backup has no tables.")
        known = {t.name: t for t in self._user_tables()}
        unknown = set(tables) - set(known)
        if unknown:
            raise InvalidInput(
                f"That backup has tables this Reunite doesn't know: {', '.join(sorted(unknown))}."
            )
        counts: dict[str, int] = {}
        try:
            with self.db.transaction() as session:
                self._delete_user_rows(session)
                new_ids: dict[str, dict[Any, Any]] = {}
                for table in self._user_tables():
                    rows = tables.get(table.name, [])
                    if not isinstance(rows, list):
                        raise InvalidInput(f"Backup table '{table.name}' is not a list of rows.")
                    counts[table.name] = self._restore_table(session, table, rows, new_ids)
        except (InvalidInput, Locked):
            raise
        except Exception as error:  # any bad row aborts the whole import
            raise InvalidInput(
                f"That backup could not be restored, nothing was changed ({type(error).__name__})."
            ) from None
        return counts

    def _restore_table(
        self, session: Session, table: Table, rows: list[Any], new_ids: dict[str, dict[Any, Any]]
    ) -> int:
        referenced = any(
            fk.column.table is table for t in Base.metadata.tables.values() for fk in t.foreign_keys
        )
        pk = next(iter(table.primary_key.columns)).name
        converted = []
        for row in rows:
            values = _from_json(table, row)
            old_id = values.pop(pk, None)
            if "user_id" in table.c:
                values["user_id"] = self.user_id
            for fk in table.foreign_keys:
                parent = fk.column.table.name
                if parent in SYSTEM_TABLES or fk.parent.name not in values:
                    continue
                mapping = new_ids.get(parent, {})
                if values[fk.parent.name] not in mapping:
                    raise InvalidInput(
                        f"Backup table '{table.name}' points at a missing {parent} row."
                    )
                values[fk.parent.name] = mapping[values[fk.parent.name]]
            converted.append((old_id, values))
        if referenced:
            ids = new_ids.setdefault(table.name, {})
            for old_id, values in converted:
                result = session.connection().execute(table.insert().values(**values))
                key = result.inserted_primary_key
                ids[old_id] = key[0] if key else None
        elif converted:
            session.execute(table.insert(), [values for _old, values in converted])
        return len(converted)

    def _delete_user_rows(self, session: Session) -> None:
        for table in reversed(self._user_tables()):
            session.execute(delete(table).where(self._owner_filter(table)))

    def wipe(self) -> None:
        """Delete every record of this user in one transaction, then scrub the file."""
        with self.db.transaction() as session:
            self._delete_user_rows(session)
        self.db.scrub()

    def delete_everything_of_user(self) -> None:
        """Account deletion: every row of this user, then the user, in one transaction."""
        with self.db.transaction() as session:
            self._delete_user_rows(session)
            session.execute(delete(UserRow).where(UserRow.id == self.user_id))
        self.db.scrub()

    def counts(self) -> dict[str, int]:
        with self.db.transaction() as session:
            return {
                table.name: session.scalar(
                    select(func.count()).select_from(self._owned(table).subquery())
                )
                or 0
                for table in self._user_tables()
            }

    # ------------------------------------------------------------ passphrase lock

    @property
    def encrypted(self) -> bool:
        return self.db.encrypted

    @property
    def locked(self) -> bool:
        return self.db.locked

    def unlock(self, passphrase: str) -> None:
        self.db.unlock(passphrase)

    def lock(self) -> None:
        self.db.lock()

    def set_passphrase(self, new: str, current: str | None = None) -> None:
        """Turn encryption on, or change the passphrase: a new data key, and every
        encrypted field re-encrypted with it, in one transaction."""
        from reunite import crypto

        crypto.check_passphrase_strength(new)
        old = self._key_state_for(current)
        vault, key = crypto.new_vault(new)
        self._reencrypt(old, KeyState(enabled=True, key=key), vault.to_json())
        self.db.vault, self.db.key = vault, key
        self.db.scrub()

    def remove_passphrase(self, current: str) -> None:
        """Decrypt everything and forget the vault, in one transaction."""
        old = self._key_state_for(current)
        if not old.enabled:
            raise InvalidInput("There is no passphrase to remove.")
        self._reencrypt(old, KeyState(enabled=False, key=None), None)
        self.db.vault, self.db.key = None, None
        self.db.scrub()

    def _key_state_for(self, current: str | None) -> KeyState:
        from reunite import crypto

        if self.db.vault is None:
            return KeyState(enabled=False, key=None)
        if current is None:
            raise InvalidInput("Give the current passphrase to change it.")
        return KeyState(enabled=True, key=crypto.unlock(self.db.vault, current))

    def _reencrypt(self, old: KeyState, new: KeyState, vault_json: str | None) -> None:
        encrypted_tables = [
            t
            for t in Base.metadata.sorted_tables
            if any(isinstance(c.type, EncryptedText | EncryptedJSON) for c in t.columns)
        ]
        with self.db.transaction(key_state=old) as session:
            snapshot: list[tuple[Table, list[str], list[dict[str, Any]]]] = []
            for table in encrypted_tables:
                columns = [
                    c.name
                    for c in table.columns
                    if isinstance(c.type, EncryptedText | EncryptedJSON)
                ]
                pk = next(iter(table.primary_key.columns))
                found = session.execute(select(pk, *(table.c[c] for c in columns))).mappings()
                plain = [{"_pk": r[pk.name], **{c: r[c] for c in columns}} for r in found]
                snapshot.append((table, columns, plain))
            token = current_key.set(new)
            try:
                for table, columns, plain in snapshot:
                    if not plain:
                        continue
                    pk = next(iter(table.primary_key.columns))
                    stmt = (
                        update(table)
                        .where(pk == bindparam("_pk"))
                        .values({c: bindparam(c) for c in columns})
                    )
                    session.connection().execute(stmt, plain)
                session.execute(delete(SettingRow).where(SettingRow.key == "vault"))
                if vault_json is not None:
                    session.add(SettingRow(key="vault", value=vault_json))
                session.flush()
            finally:
                current_key.reset(token)


def _answers_json(answers: Answers) -> dict[str, Any]:
    """Answers as stored: plain JSON (tuples become lists)."""
    return {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in dataclasses.asdict(answers).items()
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
