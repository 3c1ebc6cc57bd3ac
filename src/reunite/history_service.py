"""Chat-history use cases: import an export into the store, and read insights from it.

The only place where the importers, the history analytics and the database meet.
An import is one transaction: either every new message is stored or none is.
Insights are computed with SQL aggregates; only a bounded sample of messages is
scored for warmth in Python.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.orm import Session

from reunite.domain.errors import InvalidInput, ReuniteError
from reunite.domain.history.insights import (
    CONVERSATION_GAP_HOURS,
    GoodTime,
    Insights,
    MonthPoint,
    Quote,
    WeekPoint,
    WeekWarmth,
    find_turning_points,
    good_quote,
    pick_good_times,
    pick_quotes,
)
from reunite.importers import Message, parse_file
from reunite.store.db import Database
from reunite.store.history_models import ChatImportRow, ChatMessageRow, ChatRow
from reunite.store.types import current_key, open_text, seal_text

#: Messages read before storing anything, to learn who is in the chat.
PEEK_MESSAGES = 5000
_BATCH = 20_000
#: Roughly how many messages are scored for warmth when computing insights.
WARMTH_SAMPLE = 3000


class GroupChat(InvalidInput):
    """The export is a group chat; Reunite is about one person."""


@dataclass
class Participants:
    senders: Counter[str] = field(default_factory=Counter)
    messages: int = 0
    group_events: int = 0
    several_chats: bool = False
    date_order_guessed: bool = False

    @property
    def names(self) -> list[str]:
        return sorted(self.senders, key=lambda name: (-self.senders[name], name))


@dataclass(frozen=True)
class ImportResult:
    chat_id: int
    me: str
    other: str
    parsed: int
    added: int
    first: datetime | None
    last: datetime | None
    notes: tuple[str, ...] = ()


def _group_message(path: Path, names: list[str]) -> str:
    shown = ", ".join(names[:5]) + (" and others" if len(names) > 5 else "")
    return (
        f"{path.name} is a group chat ({shown}); Reunite imports a chat between you and one "
        "person, so export the one-to-one chat with your ex instead."
    )


def peek_participants(
    path: Path, format: str | None = None, date_order: str | None = None
) -> Participants:
    """Who writes in the chat: from the first messages, or the whole file when that is unclear."""
    found = Participants()
    chat = parse_file(path, format, date_order=date_order)
    for message in chat:
        found.messages += 1
        if message.sender is not None:
            found.senders[message.sender] += 1
        if found.messages >= PEEK_MESSAGES and len(found.senders) >= 2:
            break
    found.group_events = chat.report.group_events
    found.date_order_guessed = chat.report.date_order_guessed
    found.several_chats = any("several chats" in note for note in chat.report.notes)
    return found


TEXT_CONTEXT = "chat_messages.text"  # associated data of the encrypted message text
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_FP_LOW = (1 << 30) - 1
_FP_OFFSET = 2_208_988_800  # seconds from 1900-01-01 to 1970-01-01


class HistoryService:
    """Chat history of one user (`user_id`; the local user when not given)."""

    def __init__(self, database: Database, user_id: int | None = None) -> None:
        self.db = database
        if user_id is None:
            from reunite.services import Reunite

            user_id = Reunite(database).user_id
        self.user_id = user_id

    # -- import ---------------------------------------------------------------------------

    def import_file(
        self,
        path: Path | str,
        *,
        me: str | None = None,
        format: str | None = None,
        date_order: str | None = None,
        choose_me: Callable[[list[str]], str] | None = None,
        choose_date_order: Callable[[], str] | None = None,
        progress: Callable[[int], None] | None = None,
        now: datetime | None = None,
    ) -> ImportResult:
        """Store the messages of an export that are not stored yet, all or nothing.

        `choose_me` is asked which sender is the user when `me` is not given;
        `choose_date_order` ("dmy" or "mdy") when the file cannot tell its date order.
        """
        path = Path(path)
        people = peek_participants(path, format, date_order)
        names = people.names
        if people.messages == 0:
            raise InvalidInput(f"{path.name} holds no messages.")
        if people.several_chats:
            raise InvalidInput(
                f"{path.name} is a whole-account export with several chats; export just the "
                "chat with your ex (in Telegram Desktop: open the chat, ⋮, Export chat history)."
            )
        if len(names) > 2 or people.group_events:
            raise GroupChat(_group_message(path, names))
        if people.messages < 2:
            raise InvalidInput(
                f"{path.name} holds a single message; there is nothing to learn from one line."
            )
        if len(names) < 2:
            raise InvalidInput(
                f"Only {names[0] if names else 'nobody'} writes in {path.name}; import a chat "
                "where both of you write."
            )
        if people.date_order_guessed and date_order is None and choose_date_order is not None:
            date_order = choose_date_order()
        if me is None:
            if choose_me is None:
                raise InvalidInput(
                    f"Which of {names[0]} or {names[1]} are you? Say it with --me NAME."
                )
            me = choose_me(names)
        if me not in names:
            raise InvalidInput(
                f"Nobody called {me!r} writes in {path.name}; the people in it are "
                f"{names[0]} and {names[1]}."
            )
        other = names[1] if me == names[0] else names[0]
        stamp = now or datetime.now().replace(microsecond=0)
        chat = parse_file(path, format, date_order=date_order)
        with self.db.transaction() as session:
            chat_row = self._chat_for(session, self.user_id, me, other, stamp)
            import_row = ChatImportRow(
                chat_id=chat_row.id,
                file_name=path.name,
                format=chat.report.format,
                layout=chat.report.layout[:300],
                imported_at=stamp,
                parsed=0,
                added=0,
            )
            session.add(import_row)
            session.flush()
            parsed, added, first, last = self._store(
                session, chat_row.id, import_row.id, chat, {me, other}, path, progress
            )
            import_row.parsed = parsed
            import_row.added = added
        return ImportResult(
            chat_row.id, me, other, parsed, added, first, last, tuple(chat.report.notes)
        )

    @staticmethod
    def _chat_for(session: Session, user_id: int, me: str, other: str, now: datetime) -> ChatRow:
        row = session.scalars(
            select(ChatRow).where(
                ChatRow.user_id == user_id,
                ((ChatRow.me == me) & (ChatRow.other == other))
                | ((ChatRow.me == other) & (ChatRow.other == me)),
            )
        ).first()
        if row is None:
            row = ChatRow(user_id=user_id, me=me, other=other, created_at=now)
            session.add(row)
            session.flush()
        elif row.me != me:
            row.me, row.other = me, other
        return row

    def _store(
        self,
        session: Session,
        chat_id: int,
        import_id: int,
        messages: Iterable[Message],
        people: set[str],
        path: Path,
        progress: Callable[[int], None] | None,
    ) -> tuple[int, int, datetime | None, datetime | None]:
        connection = session.connection()
        sqlite = connection.dialect.name == "sqlite"
        state = _StoreState()
        rows = _rows(messages, chat_id, import_id, people, path, sqlite, state)
        added = 0
        while batch := list(islice(rows, _BATCH)):
            added += _insert(connection, batch)
            if progress is not None:
                progress(batch[-1][5])
        if not sqlite:  # drivers' executemany row counts are unreliable; count what is new
            added = int(
                connection.execute(
                    select(func.count())
                    .select_from(ChatMessageRow)
                    .where(ChatMessageRow.import_id == import_id)
                ).scalar_one()
            )
        parsed, first, last = state.parsed, state.first, state.last
        return parsed, added, first, last

    # -- reading --------------------------------------------------------------------------

    def chats(self) -> list[ChatRow]:
        with self.db.transaction() as session:
            return list(
                session.scalars(
                    select(ChatRow).where(ChatRow.user_id == self.user_id).order_by(ChatRow.id)
                )
            )

    def insights(self, chat_id: int | None = None) -> Insights:
        """The insights of one imported chat (the latest imported when not given)."""
        with self.db.transaction() as session:
            if chat_id is None:
                chat = session.scalars(
                    select(ChatRow)
                    .join(ChatImportRow, ChatImportRow.chat_id == ChatRow.id)
                    .where(ChatRow.user_id == self.user_id)
                    .order_by(ChatImportRow.id.desc())
                ).first()
            else:
                chat = session.get(ChatRow, chat_id)
                if chat is not None and chat.user_id != self.user_id:
                    chat = None  # another user's chat is indistinguishable from none
            if chat is None:
                raise ReuniteError(
                    "No chat history imported yet; run `reunite history import FILE` first."
                )
            return _Insighter(session.connection(), chat).run()


def time_key(ts: int) -> int:
    """The smallest fingerprint of a message at wall-clock second `ts` (fingerprints sort by time)."""
    return ((ts + _FP_OFFSET) & 0x1FFFFFFFF) << 30


@dataclass
class _StoreState:
    parsed: int = 0
    first: datetime | None = None
    last: datetime | None = None


def _rows(
    messages: Iterable[Message],
    chat_id: int,
    import_id: int,
    people: set[str],
    path: Path,
    sqlite: bool,
    state: _StoreState,
) -> Iterator[tuple[Any, ...]]:
    """Database rows for the messages: fingerprint, integer time columns and reply gaps.

    The fingerprint is the wall-clock time (seconds since 1900, in the high bits, so new
    rows append to the index) and a CRC of sender, text and repeat count (low 30 bits).
    Identical messages at the same time (two "ok"s in one minute) get repeat counts
    0, 1, … so both are kept, and a longer export of the same chat gives the same values.
    """
    seen: dict[tuple[str | None, str], int] = {}
    last_time: datetime | None = None
    days: dict[int, int] = {}
    previous_ts: int | None = None
    previous_sender: str | None = None
    crc = zlib.crc32
    first = last = None
    parsed = 0
    epoch_day, low_bits, offset = _EPOCH_DAY, _FP_LOW, _FP_OFFSET
    key_state = current_key.get()
    encrypting = key_state is not None and key_state.enabled
    try:
        for message in messages:
            time, sender, body = message.time, message.sender, message.text
            if sender is not None and sender not in people:
                raise GroupChat(_group_message(path, sorted(people | {sender})))
            parsed += 1
            if time != last_time:
                seen.clear()
                last_time = time
                if first is None or time < first:
                    first = time
                if last is None or time > last:
                    last = time
            key = (sender, body)
            repeat = seen.get(key, 0)
            seen[key] = repeat + 1
            ordinal = time.toordinal()
            day_start = days.get(ordinal)
            if day_start is None:
                day_start = days[ordinal] = (ordinal - epoch_day) * 86400
            ts = day_start + time.hour * 3600 + time.minute * 60 + time.second
            fingerprint = (((ts + offset) & 0x1FFFFFFFF) << 30) | (  # time_key(ts) | crc
                crc(f"{sender}\x1f{body}\x1f{repeat}".encode("utf-8", "surrogatepass")) & low_bits
            )
            gap = None
            if sender is not None and previous_ts is not None:
                gap = ts - previous_ts if ts > previous_ts else 0
            yield (
                chat_id,
                import_id,
                time.isoformat(" ", "microseconds") if sqlite else time,
                sender,
                seal_text(body, TEXT_CONTEXT) if encrypting else body,
                message.line,
                message.kind,
                fingerprint,
                ts,
                gap,
                gap if gap is not None and sender != previous_sender else None,
                len(body) if message.kind == "text" else None,
            )
            if sender is not None:
                previous_ts, previous_sender = ts, sender
    finally:
        state.parsed, state.first, state.last = parsed, first, last


_COLUMNS = (
    "chat_id, import_id, time, sender, text, line, kind, fingerprint, ts, gap, reply_gap, chars"
)
_SQLITE_INSERT = (
    f"INSERT OR IGNORE INTO chat_messages ({_COLUMNS}) "  # noqa: S608 - constant column list
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _insert(connection: Connection, rows: list[tuple[Any, ...]]) -> int:
    if connection.dialect.name == "sqlite":
        raw = connection.connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()
        cursor.executemany(_SQLITE_INSERT, rows)
        return int(cursor.rowcount)
    names = _COLUMNS.split(", ")
    statement = insert(ChatMessageRow)
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(ChatMessageRow).on_conflict_do_nothing()
    result = connection.execute(statement, [dict(zip(names, row, strict=True)) for row in rows])
    return int(result.rowcount or 0)


# -- insights -------------------------------------------------------------------------------


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _when(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def warmth(text_: str) -> float:
    """VADER's compound score of a message, -1 (cold, hostile) … 1 (warm)."""
    return float(_vader().polarity_scores(text_)["compound"])


def _months(months: dict[date, list[float]]) -> list[MonthPoint]:
    """Every month from the first to the last (quiet months as zeros), with averages."""
    if not months:
        return []

    def average(total: float, count: float, scale: float = 1.0) -> float | None:
        return total / count / scale if count else None

    result: list[MonthPoint] = []
    cursor, end = min(months), max(months)
    while cursor <= end:
        v = months.get(cursor, [0.0] * 12)
        result.append(
            MonthPoint(
                month=cursor,
                them_messages=int(v[0]),
                them_started=int(v[1]),
                them_reply_minutes=average(v[2], v[3], 60),
                them_length=average(v[4], v[5]),
                me_messages=int(v[6]),
                me_started=int(v[7]),
                me_reply_minutes=average(v[8], v[9], 60),
                me_length=average(v[10], v[11]),
            )
        )
        cursor = (cursor.replace(day=28) + timedelta(days=4)).replace(day=1)
    return result


class _Insighter:
    def __init__(self, connection: Connection, chat: ChatRow) -> None:
        self.connection = connection
        self.chat = chat
        self.params = {"chat": chat.id, "me": chat.me}

    def _rows(self, query: str, **extra: Any) -> list[Any]:
        return list(self.connection.execute(text(query), {**self.params, **extra}))

    def run(self) -> Insights:
        chat = self.chat
        gap = CONVERSATION_GAP_HOURS * 3600
        # One scan: per day, hour and person; weeks, months and the heatmap add these up.
        rows = self._rows(
            "SELECT ts / 86400 AS d, (ts % 86400) / 3600 AS h, sender = :me AS mine, COUNT(*), "
            "SUM(CASE WHEN gap IS NULL OR gap >= :gap THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN reply_gap < :gap THEN reply_gap END), "
            "COUNT(CASE WHEN reply_gap < :gap THEN 1 END), "
            "SUM(chars), COUNT(chars) "
            "FROM chat_messages WHERE chat_id = :chat AND sender IS NOT NULL "
            "GROUP BY ts / 86400, (ts % 86400) / 3600, sender = :me",
            gap=gap,
        )
        heat = [[0] * 24 for _ in range(7)]
        weeks: dict[int, list[int]] = {}
        months: dict[date, list[float]] = {}
        month_of: dict[int, date] = {}
        totals = [0, 0]  # them, me
        weekday_of: dict[int, int] = {}
        for days, hour, mine, count, started, reply_sum, replies, length_sum, texts in rows:
            day, count, who = int(days) + _EPOCH_DAY, int(count), 1 if mine else 0
            weekday = weekday_of.get(day)
            if weekday is None:
                weekday = weekday_of[day] = date.fromordinal(day).weekday()
            heat[weekday][int(hour)] += count
            totals[who] += count
            week = weeks.setdefault(day - (day - 1) % 7, [0, 0])
            week[who] += count
            month = month_of.get(day)
            if month is None:
                month = month_of[day] = date.fromordinal(day).replace(day=1)
            # per person (them at 0, me at 6): messages, started, reply seconds, replies,
            # text characters, texts
            slot = months.setdefault(month, [0.0] * 12)
            base = 6 * who
            slot[base] += count
            slot[base + 1] += int(started or 0)
            slot[base + 2] += float(reply_sum or 0)
            slot[base + 3] += int(replies or 0)
            slot[base + 4] += float(length_sum or 0)
            slot[base + 5] += int(texts or 0)
        weekly = tuple(
            WeekPoint(date.fromordinal(start), counts[1], counts[0])
            for start, counts in sorted(weeks.items())
        )
        monthly = _months(months)
        sample_weeks, monthly = self._warmth(monthly, weekly)
        good = self._good_times(pick_good_times(sample_weeks))
        first = self._rows(
            "SELECT time FROM chat_messages WHERE chat_id = :chat AND sender IS NOT NULL "
            "ORDER BY fingerprint ASC LIMIT 1"
        )
        last = self._rows(
            "SELECT time FROM chat_messages WHERE chat_id = :chat AND sender IS NOT NULL "
            "ORDER BY fingerprint DESC LIMIT 1"
        )
        return Insights(
            me=chat.me,
            other=chat.other,
            total=totals[0] + totals[1],
            me_total=totals[1],
            them_total=totals[0],
            first=_when(first[0][0]) if first else None,
            last=_when(last[0][0]) if last else None,
            weekly=weekly,
            monthly=tuple(monthly),
            heatmap=tuple(tuple(row) for row in heat),
            turning_points=find_turning_points(monthly, chat.other),
            good_times=good,
        )

    def _warmth(
        self, monthly: list[MonthPoint], weekly: tuple[WeekPoint, ...]
    ) -> tuple[list[WeekWarmth], list[MonthPoint]]:
        total = sum(w.me + w.them for w in weekly)
        step = max(1, total // WARMTH_SAMPLE)
        rows = self._rows(
            "SELECT time, sender = :me, text FROM chat_messages WHERE chat_id = :chat "
            "AND kind = 'text' AND sender IS NOT NULL AND fingerprint % :step = 0",
            step=step,
        )
        by_month: dict[tuple[date, bool], list[float]] = {}
        by_week: dict[date, list[float]] = {}
        for time, mine, stored in rows:
            when = _when(time)
            score = warmth(open_text(stored, TEXT_CONTEXT))
            by_month.setdefault((when.date().replace(day=1), bool(mine)), []).append(score)
            monday = when.date() - timedelta(days=when.weekday())
            by_week.setdefault(monday, []).append(score)
        points = []
        for point in monthly:
            me_scores = by_month.get((point.month, True), [])
            them_scores = by_month.get((point.month, False), [])
            points.append(
                MonthPoint(
                    **{
                        **point.__dict__,
                        "me_warmth": sum(me_scores) / len(me_scores)
                        if len(me_scores) >= 3
                        else None,
                        "them_warmth": sum(them_scores) / len(them_scores)
                        if len(them_scores) >= 3
                        else None,
                    }
                )
            )
        counts = {w.week: w.me + w.them for w in weekly}
        weeks = [
            WeekWarmth(week, sum(scores) / len(scores), len(scores), counts.get(week, 0))
            for week, scores in by_week.items()
        ]
        min_sampled = 5 if step > 1 else 3
        weeks = [w for w in weeks if w.sampled >= min_sampled]
        return weeks, points

    def _good_times(self, weeks: tuple[WeekWarmth, ...]) -> tuple[GoodTime, ...]:
        result = []
        for week in weeks:
            start = (week.week.toordinal() - _EPOCH_DAY) * 86400
            rows = self._rows(
                "SELECT time, sender, text, line FROM chat_messages WHERE chat_id = :chat "
                "AND kind = 'text' AND sender IS NOT NULL "
                "AND fingerprint >= :start AND fingerprint < :end "
                "ORDER BY fingerprint LIMIT 2000",
                start=time_key(start),
                end=time_key(start + 7 * 86400),
            )
            quotes = pick_quotes(
                [
                    (warmth(body), Quote(_when(time), sender, body, int(line)))
                    for time, sender, body, line in (
                        (t, who, open_text(stored, TEXT_CONTEXT), n) for t, who, stored, n in rows
                    )
                    if good_quote(body)
                ]
            )
            result.append(
                GoodTime(
                    start=week.week,
                    end=week.week + timedelta(days=6),
                    warmth=week.warmth,
                    messages=week.messages,
                    quotes=quotes,
                )
            )
        return tuple(result)
