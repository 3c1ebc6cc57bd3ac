"""Where the data lives, the engine, migrations and transactions.

- `REUNITE_DATABASE_URL` (or an explicit URL) takes any SQLAlchemy URL;
- else `REUNITE_HOME/reunite.db`; else `reunite.db` in platformdirs' user data dir.
SQLite runs in WAL mode with foreign keys on. The schema is brought to Alembic's head
on open; a quick version check skips importing Alembic when it already is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from reunite.domain.errors import ReuniteError
from reunite.store.location import data_home, database_url
from reunite.store.revisions import head_revision

__all__ = ["Database", "data_home", "database_url", "describe_location", "head_revision"]
from reunite.store.types import KeyState, current_key

if TYPE_CHECKING:
    from reunite.crypto import Vault


def describe_location(url: str) -> str:
    """A human description of where the data is (never shows a password)."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")  # first: the next pragma may have to wait
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA secure_delete=ON")  # overwritten, not just unlinked, when deleted
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReuniteError(
                f"Can't create the data folder {path.parent}: {error.strerror}."
            ) from None
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as error:
        raise ReuniteError(f"Can't use the database URL: {error}.") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as error:
        raise ReuniteError(f"Can't open the database: {error.orig}.") from None


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One migrating process at a time: a file lock beside a SQLite file (its DDL is not
    transactional under the stdlib driver), an advisory lock on PostgreSQL."""
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no file locks, best effort
            yield
            return
        with open(f"{engine.url.database}.migrate-lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(7724301)"))
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(7724301)"))
        return
    yield


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, once, however many processes start at once."""
    if _current_revision(engine) == head_revision():
        return
    from alembic import command
    from alembic.config import Config

    with _migration_lock(engine):
        if _current_revision(engine) == head_revision():
            return  # another process migrated while we waited
        config = Config()
        config.set_main_option("script_location", "reunite.store:migrations")
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


class Database:
    """An engine with its session factory and, when a passphrase is set, the key vault.

    `transaction()` commits all or nothing, with the unlocked data key (if any) in force
    for the encrypted columns.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self.engine = make_engine(self.url)
        migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.vault: Vault | None = self._load_vault()
        self.key: bytes | None = None

    def _load_vault(self) -> Vault | None:
        with self.engine.connect() as conn:
            value = conn.execute(text("SELECT value FROM settings WHERE key = 'vault'")).scalar()
        if not value:
            return None
        from reunite.crypto import Vault

        return Vault.from_json(value)

    @property
    def encrypted(self) -> bool:
        return self.vault is not None

    @property
    def locked(self) -> bool:
        return self.vault is not None and self.key is None

    def unlock(self, passphrase: str) -> None:
        if self.vault is None:
            return
        from reunite.crypto import unlock

        self.key = unlock(self.vault, passphrase)

    def lock(self) -> None:
        """Forget the key (on lock or idle)."""
        self.key = None

    @contextmanager
    def transaction(self, *, key_state: KeyState | None = None) -> Iterator[Session]:
        state = key_state or KeyState(enabled=self.vault is not None, key=self.key)
        token = current_key.set(state)
        session = self._sessions()
        try:
            with session.begin():
                yield session
        finally:
            session.close()
            current_key.reset(token)

    def scrub(self) -> None:
        """Leave no old plaintext behind: checkpoint the WAL and rebuild the file (SQLite)."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.key = None
        self.engine.dispose()
