"""Open the database: resolve its URL, create the SQLite file safely, refuse foreign or corrupt
files, and bring the schema up to date with Alembic.

Only this package imports SQLAlchemy. The embedded default is a SQLite file in the user's data
directory, created with mode 0600 in a 0700 folder, in WAL mode with a busy timeout; writes take
the lock up front (``BEGIN IMMEDIATE``) so two processes never fail to upgrade a read lock.
On PostgreSQL, transactions run at the default READ COMMITTED and every write transaction first
takes one transaction-level advisory lock: the same one-writer-at-a-time rule as SQLite, so a
read-then-write (the shipped-corpus load, a migration) never races another process.
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

HEAD = "0004"  # the newest migration; a test checks it against the migrations folder
_OUR_TABLES = {"laws", "law_versions", "provisions", "annotations", "ingest_runs", "store_meta",
               "runs", "run_subjects", "run_findings", "run_citations", "cited_texts",
               "run_inputs", "rulebase_snapshots"}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_PG_WRITE_LOCK = 0x6C617763  # "lawc": the advisory lock key every lawcheck writer shares
_PG_CONNECT_TIMEOUT = 10  # seconds; a server that is down must not hang a command


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
            if self.dialect == "postgresql":
                _pg_write_lock(session)
            yield session

    def close(self) -> None:
        self.engine.dispose()
        path = self.engine.url.database if self.dialect == "sqlite" else None
        if path and path != ":memory:" and Path(path).is_file():
            _trust(Path(path))  # our own writes need no check at the next open


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
        engine = create_engine(url, **_engine_options(parsed))
    except Exception as exc:  # missing driver, bad options
        raise StoreError(f"cannot open database {safe_url(url)}: {exc}", code="LC404",
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
        if path and _read_only(Path(path)):
            raise StoreError(f"cannot write the database {path}: it, or the folder or mount it "
                             "is on, is read-only", code="LC423",
                             fix="copy it to a writable folder and point --db there, or make "
                                 "the folder writable; the file itself is fine") from None
        raise StoreError(f"cannot use database {safe_url(url)}: {exc.orig if hasattr(exc, 'orig') else exc}",
                         code="LC401" if _corrupt(exc) else "LC404",
                         fix=_SERVER_FIX if not sqlite else
                             "the file is damaged or unreadable: restore it from a backup, or "
                             "move it aside and point --db or LAWCHECK_DB at a new file "
                             "(lawcheck never overwrites an existing database)") from None
    return store


_SERVER_FIX = ("check that the database server is running and that the host, port, user and "
               "database name in --db or LAWCHECK_DB are right (e.g. `pg_isready -h HOST -p "
               "PORT`); lawcheck does not fall back to another database")


def _corrupt(exc: Exception) -> bool:
    return any(sign in str(exc) for sign in ("not a database", "malformed"))


def _engine_options(parsed) -> dict:
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return {"connect_args": {"timeout": 30}}
    if backend == "postgresql" and "connect_timeout" not in parsed.query:
        return {"connect_args": {"connect_timeout": _PG_CONNECT_TIMEOUT}}
    return {}


def _pg_write_lock(conn) -> None:
    """Wait for the shared writer lock; PostgreSQL releases it at commit or rollback."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})


def safe_url(url: str) -> str:
    """A URL fit for messages: no password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


# Files this process has already checked. Reading a database file with plain open()/close()
# while a SQLite connection of this process has it open drops that connection's POSIX locks
# (closing any descriptor of a file releases all the process's fcntl locks on it), and another
# process may then write under it: "database disk image is malformed". So a file is looked at
# once per process, before any connection to it exists.
_CHECKED: set[tuple[str, int, int]] = set()


def _prepare_sqlite_file(path: Path) -> None:
    if path.exists() and not path.is_dir():
        stat = path.stat()
        key = (str(path.resolve()), stat.st_dev, stat.st_ino)
        if key in _CHECKED:
            return
        _inspect_sqlite_file(path)
        _CHECKED.add(key)
        return
    _inspect_sqlite_file(path)  # creates it
    stat = path.stat()
    _CHECKED.add((str(path.resolve()), stat.st_dev, stat.st_ino))


def _inspect_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file", code="LC404",
                             fix="point --db or LAWCHECK_DB at a file path")
        with path.open("rb") as fh:
            head = fh.read(16)
        if not head:  # lawcheck never leaves an empty file behind (see _create_sqlite_file)
            raise StoreError(f"{path} is an empty file, not a lawcheck database", code="LC401",
                             fix="lawcheck will not write into a file it did not create: "
                                 "delete the empty file (lawcheck then creates a private one) "
                                 "or point --db or LAWCHECK_DB at another file")
        if head != _SQLITE_MAGIC:
            raise StoreError(f"{path} is not a SQLite database (corrupt, or another kind "
                             "of file)", code="LC401",
                             fix="lawcheck will not overwrite it: move it aside, or point --db "
                                 "or LAWCHECK_DB at another file")
        _refuse_foreign_sqlite(path)
        return
    from lawcheck.settings import private_dir

    private_dir(path.parent)
    _create_sqlite_file(path)


def _read_only(path: Path) -> bool:
    """True when the file, its folder or the mount they are on cannot be written."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        pass
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def delete_damaged(path: Path) -> int:
    """Delete a damaged SQLite database and its -wal, -shm and -journal files (``wipe`` on a
    file that cannot be opened); return the bytes removed. Only a file with SQLite's header."""
    with path.open("rb") as fh:
        if fh.read(16) != _SQLITE_MAGIC:
            raise StoreError(f"{path} is not a SQLite database; wipe will not delete it",
                             code="LC401", fix="move it aside yourself if it is not needed")
    freed = 0
    for file in (path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))):
        try:
            freed += file.stat().st_size
            file.unlink()
        except FileNotFoundError:
            continue
    _CHECKED.clear()
    return freed


def _quick_check(path: Path) -> None:
    """SQLite's quick_check (a few milliseconds per megabyte) on a file that changed since
    lawcheck last closed or checked it: damage inside is said at once, with what to do, instead
    of surfacing later as a crash in ``history`` or ``wipe``."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            verdict = [row[0] for row in con.execute("PRAGMA quick_check(5)")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        verdict = [str(exc)]
    if verdict != ["ok"]:
        said = " ".join(" ".join(verdict).split())
        raise StoreError(f"{path} is damaged inside (SQLite's check says: {said[:200]})",
                         code="LC405",
                         fix="restore it from a backup; or `lawcheck wipe` deletes it and "
                             "starts a new one (the stored runs are lost); the shipped laws "
                             "and rules reload themselves")
    _trust(path)


def _fingerprint(path: Path) -> list:
    """Size and modification time of the database and its WAL: what changes when anyone
    writes to it."""
    out = []
    for file in (path, Path(f"{path}-wal")):
        try:
            stat = file.stat()
            out += [stat.st_size, stat.st_mtime_ns]
        except OSError:
            out += [None, None]
    return out


def _trust_file() -> Path:
    from lawcheck.settings import data_dir

    return data_dir() / "checked.json"


def _trusted(path: Path) -> bool:
    import json

    try:
        known = json.loads(_trust_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return known.get(str(path.resolve())) == _fingerprint(path)


def _trust(path: Path) -> None:
    """Remember the file as it is now: checked, or just closed by lawcheck itself."""
    import json
    import tempfile

    from lawcheck.settings import private_dir

    file = _trust_file()
    try:
        known = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(known, dict):
            known = {}
    except (OSError, ValueError):
        known = {}
    key, now = str(path.resolve()), _fingerprint(path)
    if known.get(key) == now:
        return  # a store opened and closed without writing: nothing to record again
    # forget databases that are gone (wiped, or a test's or a one-off run's temporary file): the
    # list was read at every open and grew without end (4,222 entries on a developer machine),
    # and the paths of deleted stores are nobody's business
    known = {k: v for k, v in known.items() if k != key and Path(k).exists()}
    known[key] = now
    try:
        private_dir(file.parent)
        fd, temp = tempfile.mkstemp(dir=file.parent, prefix=".checked-")  # 0600
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(known, fh)
        os.replace(temp, file)
    except OSError:
        pass  # a read-only data folder: the next open checks again, which is only slower


def _refuse_foreign_sqlite(path: Path) -> None:
    """Look before writing: even switching a file to WAL rewrites its header, so another
    program's database is recognised through a read-only connection first."""
    trusted = _trusted(path)  # before connecting: even a read-only connection touches the WAL
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if _read_only(path):  # a read-only file or mount is not damage: never say "restore"
            raise StoreError(f"{path} cannot be opened: it, or the folder or mount it is on, is "
                             f"read-only ({exc})", code="LC423",
                             fix="lawcheck writes beside the database (its -wal and -shm files "
                                 "and every run): copy it to a writable folder and point --db "
                                 "there, or make the folder writable") from None
        raise StoreError(f"{path} is damaged and cannot be read ({exc})", code="LC405",
                         fix="restore it from a backup; or `lawcheck wipe` deletes it and "
                             "starts a new one (the stored runs are lost); lawcheck never "
                             "overwrites an existing database otherwise") from None
    if tables - {"alembic_version"} and not _OUR_TABLES & tables:
        raise StoreError(f"{path} holds another program's tables "
                         f"({', '.join(sorted(tables)[:5])}…)", code="LC402",
                         fix="lawcheck will not write into it: point --db or LAWCHECK_DB "
                             "at a new file or an empty database")
    if tables and not trusted:
        _quick_check(path)


def _create_sqlite_file(path: Path) -> None:
    """Make a private (0600) SQLite file and put it in place whole: built under a temporary
    name, then hard-linked, which fails if the name exists. So a file at ``path`` is always
    either a real database or someone else's, never a half-made one of ours."""
    import uuid

    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.new")
    os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        con = sqlite3.connect(temp)
        try:
            con.execute("PRAGMA journal_mode=WAL")  # writes the header; WAL persists in it
        finally:
            con.close()
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another lawcheck process created it a moment ago
        except OSError:  # a file system without hard links: exclusive create, then copy
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                return
            with os.fdopen(fd, "wb") as out:
                out.write(temp.read_bytes())
    finally:
        temp.unlink(missing_ok=True)


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
            raise StoreError(f"{safe_url(url)} holds another program's tables "
                             f"({', '.join(sorted(tables)[:5])}…)", code="LC402",
                             fix="lawcheck will not write into it: point --db or LAWCHECK_DB "
                                 "at a new file or an empty database")
    if current is not None and not _known_revision(current):
        raise StoreError(f"{safe_url(url)} was written by a newer lawcheck (schema {current})",
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
        if store.dialect == "postgresql":  # two first uses at once: one migrates, one waits
            _pg_write_lock(conn)
        cfg.attributes["connection"] = conn
        getattr(command, command_name)(cfg, target)
