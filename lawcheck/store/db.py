"""Open the database: resolve its URL, create the SQLite file safely, refuse foreign or corrupt
files, and bring the schema up to date with Alembic.

Only this package imports SQLAlchemy. The embedded default is a SQLite file in the user's data
directory, created with mode 0600 in a 0700 folder, in WAL mode with a busy timeout; writes take
the lock up front (``BEGIN IMMEDIATE``) so two processes never fail to upgrade a read lock.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import sessionmaker

from lawcheck.errors import OptionError, StoreError
from lawcheck.settings import default_db_path

HEAD = "0001"  # the newest migration; a test checks it against the migrations folder
_OUR_TABLES = {"laws", "law_versions", "provisions", "annotations", "ingest_runs", "store_meta"}
_SQLITE_MAGIC = b"SQLite format 3\x00"


def resolve_url(url: str | None) -> str:
    """``--db`` flag, else ``LAWCHECK_DB``, else the SQLite file in the data directory."""
    url = url or os.environ.get("LAWCHECK_DB")
    if url:
        if "://" not in url:  # a bare path is taken as a SQLite file
            url = f"sqlite:///{Path(url).expanduser().resolve()}"
        return url
    return f"sqlite:///{default_db_path()}"


class Store:
    """An open database: an engine plus a session factory."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.dialect = engine.dialect.name

    @contextmanager
    def transaction(self):
        """One unit of work: committed whole, or rolled back whole."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    url = resolve_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise OptionError(f"not a database URL: {url!r}", code="LC220",
                          fix="use e.g. sqlite:////path/to/lawcheck.db or "
                              "postgresql+psycopg://user@localhost/lawcheck") from None
    sqlite = parsed.get_backend_name() == "sqlite"
    path = parsed.database if sqlite and parsed.database not in (None, "", ":memory:") else None
    if path:
        _prepare_sqlite_file(Path(path))
    try:
        engine = create_engine(url, **({"connect_args": {"timeout": 30}} if sqlite else {}))
    except Exception as exc:  # missing driver, bad options
        raise StoreError(f"cannot open database {_safe(url)}: {exc}", code="LC404",
                         fix="check the URL and that its driver is installed "
                             "(PostgreSQL needs `pip install psycopg[binary]`)") from None
    if sqlite:
        _sqlite_events(engine)
    store = Store(engine)
    try:
        _migrate(store, url)
    except StoreError:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise StoreError(f"cannot use database {_safe(url)}: {exc.orig if hasattr(exc, 'orig') else exc}",
                         code="LC401" if "not a database" in str(exc) else "LC404",
                         fix="check the file or server; lawcheck never overwrites an existing "
                             "database — point --db or LAWCHECK_DB at a new file to start "
                             "afresh") from None
    return store


def _safe(url: str) -> str:
    """A URL fit for messages: no password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _prepare_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file", code="LC404",
                             fix="point --db or LAWCHECK_DB at a file path")
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != _SQLITE_MAGIC:
            raise StoreError(f"{path} is not a SQLite database (corrupt, or another kind "
                             "of file)", code="LC401",
                             fix="lawcheck will not overwrite it: move it aside, or point --db "
                                 "or LAWCHECK_DB at another file")
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return  # another lawcheck process created it a moment ago
    os.close(fd)


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - exercised via engine
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # pragma: no cover - exercised via engine
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _migrate(store: Store, url: str) -> None:
    with store.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        current = None
        if "alembic_version" in tables:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if current == HEAD:
        return
    if current is None and tables - {"alembic_version"}:
        if not _OUR_TABLES & tables:
            raise StoreError(f"{_safe(url)} holds another program's tables "
                             f"({', '.join(sorted(tables)[:5])}…)", code="LC402",
                             fix="lawcheck will not write into it: point --db or LAWCHECK_DB "
                                 "at a new file or an empty database")
    if current is not None and not _known_revision(current):
        raise StoreError(f"{_safe(url)} was written by a newer lawcheck (schema {current})",
                         code="LC403", fix="upgrade lawcheck (`pip install -U lawcheck`)")
    _run_alembic(store, "upgrade", "head")


def _known_revision(revision: str) -> bool:
    versions = Path(__file__).parent / "migrations" / "versions"
    return any(p.name.startswith(f"{revision}_") for p in versions.glob("*.py"))


def _run_alembic(store: Store, command_name: str, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, command_name)(cfg, target)
