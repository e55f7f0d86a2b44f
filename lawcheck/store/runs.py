"""Queries for the audit trail: write a run in one transaction, read runs back, delete them
for good. Dialect-neutral SQLAlchemy; the only dialect branches are "insert unless present",
the space reclaiming that follows a delete (``VACUUM`` on SQLite, ``VACUUM FULL`` on
PostgreSQL), and a run's subjects and findings handed to SQLite's driver directly
(:data:`DRIVER_INSERT`).
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from lawcheck.store.schema import (
    CitedText, RulebaseSnapshot, Run, RunCitation, RunFinding, RunInput, RunSubject,
)

#: Child tables first: a delete must not rely on ON DELETE CASCADE being switched on.
_CHILDREN = (RunFinding, RunSubject, RunCitation, RunInput)
#: What ``VACUUM FULL`` rewrites on PostgreSQL after a purge.
RUN_TABLES = ("runs", "run_subjects", "run_findings", "run_citations", "run_inputs",
              "cited_texts", "rulebase_snapshots")


def _insert_missing(session: Session, model, rows: list[dict]) -> None:
    """Insert rows whose primary key is not there yet (two writers may add the same text)."""
    if not rows:
        return
    name = session.get_bind().dialect.name
    if name in ("sqlite", "postgresql"):
        if name == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        session.execute(dialect_insert(model).on_conflict_do_nothing(), rows)
        return
    key = model.__mapper__.primary_key[0]
    have = set(session.scalars(select(key).where(key.in_([r[key.name] for r in rows]))))
    fresh = [r for r in rows if r[key.name] not in have]
    if fresh:
        session.execute(insert(model), fresh)


def add_run(session: Session, run: dict, texts: dict[str, str],
            citations: list[dict], inputs: list[dict]) -> None:
    session.execute(insert(Run), [run])
    _insert_missing(session, CitedText, [{"sha256": k, "text": v} for k, v in texts.items()])
    if citations:
        session.execute(insert(RunCitation), citations)
    if inputs:
        session.execute(insert(RunInput), inputs)


def has_snapshot(session: Session, version: str) -> bool:
    return session.get(RulebaseSnapshot, version) is not None


def add_snapshot(session: Session, version: str, files: bytes) -> None:
    _insert_missing(session, RulebaseSnapshot,
                    [{"version": version, "created_at": datetime.now(timezone.utc).replace(tzinfo=None), "files": files}])


#: Dialects whose driver takes the subjects' and findings' rows straight (sqlite3's "?"):
#: SQLAlchemy's per-row parameter building and its JSON encoding (the standard library's) were
#: a third of committing a 20,000-statement run. Other dialects take the portable Core insert.
DRIVER_INSERT = {"sqlite"}
_SUBJECTS_SQL = "INSERT INTO run_subjects (run_id, seq, subject, report, text) VALUES (?, ?, ?, ?, ?)"
_FINDINGS_SQL = ("INSERT INTO run_findings (run_id, seq, rule, category, kind, severity, spans) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)")


def add_subjects(session: Session, subjects: list[dict], findings: list[dict]) -> None:
    # Core inserts on the session's connection (one executemany each, in the session's
    # transaction): the ORM's bulk path adds only its own bookkeeping for plain rows
    connection = session.connection()
    if connection.dialect.name in DRIVER_INSERT:
        # the same rows, in the same transaction; the JSON columns as compact JSON
        # (lawcheck.jsonbytes), which SQLAlchemy's JSON type reads back as the same values
        from lawcheck.jsonbytes import dumps_str

        if subjects:
            connection.exec_driver_sql(_SUBJECTS_SQL, [
                (s["run_id"], s["seq"], dumps_str(s["subject"]), s["report"], s["text"])
                for s in subjects])
        if findings:
            connection.exec_driver_sql(_FINDINGS_SQL, [
                (f["run_id"], f["seq"], f["rule"], f["category"], f["kind"], f["severity"],
                 dumps_str(f["spans"])) for f in findings])
        return
    if subjects:
        connection.execute(insert(RunSubject.__table__), subjects)
    if findings:
        connection.execute(insert(RunFinding.__table__), findings)


def runs_matching(session: Session, prefix: str) -> list[Run]:
    """Runs whose id is ``prefix`` or starts with it (ids are long; a prefix is enough)."""
    exact = session.get(Run, prefix)
    if exact is not None:
        return [exact]
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return list(session.scalars(select(Run).where(Run.id.like(escaped + "%", escape="\\"))
                                .order_by(Run.id).limit(10)))


def latest_runs(session: Session, limit: int | None) -> list[Run]:
    query = select(Run).order_by(Run.checked_utc.desc(), Run.id.desc())
    return list(session.scalars(query.limit(limit) if limit else query))


def subjects_of(session: Session, run_id: str, batch: int = 500):
    """The run's subjects in order, streamed: a run may hold 200,000 statements."""
    query = (select(RunSubject.seq, RunSubject.subject, RunSubject.report, RunSubject.text)
             .where(RunSubject.run_id == run_id).order_by(RunSubject.seq)
             .execution_options(yield_per=batch))
    yield from session.execute(query)


def cited(session: Session, run_id: str) -> list[tuple[str, str | None, str, str]]:
    """(provision, version, sha256, exact text) of every provision version the run cited."""
    query = (select(RunCitation.provision, RunCitation.version, RunCitation.sha256,
                    CitedText.text)
             .join(CitedText, CitedText.sha256 == RunCitation.sha256)
             .where(RunCitation.run_id == run_id)
             .order_by(RunCitation.provision, RunCitation.version, RunCitation.sha256))
    return [tuple(row) for row in session.execute(query)]


def inputs_of(session: Session, run_id: str) -> list[RunInput]:
    return list(session.scalars(select(RunInput).where(RunInput.run_id == run_id)
                                .order_by(RunInput.seq)))


def snapshot(session: Session, version: str) -> bytes | None:
    row = session.get(RulebaseSnapshot, version)
    return row.files if row else None


def current_user(session: Session) -> str:
    """Who is recording: the database role on a server (what its permissions follow), the
    login on SQLite (a file on one person's machine)."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.execute(text("SELECT current_user")).scalar())
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (some containers): still record the run
        return "unknown"


def chosen_runs(before: datetime | None, by: str | None = None):
    chosen = select(Run.id)
    if before is not None:
        chosen = chosen.where(Run.checked_utc < before)
    if by is not None:
        chosen = chosen.where(Run.recorded_by == by)
    return chosen


def who_recorded(session: Session, before: datetime | None, by: str | None = None) -> dict:
    """{recorder (None = before lawcheck recorded it): runs} for the runs a purge would take."""
    ids = chosen_runs(before, by)
    rows = session.execute(select(Run.recorded_by, func.count()).where(Run.id.in_(ids))
                           .group_by(Run.recorded_by))
    return {who: n for who, n in rows}


def delete_runs(session: Session, before: datetime | None, by: str | None = None) -> dict:
    """Delete runs checked before ``before`` (all when None; only ``by``'s when given) with
    every row that hangs off them, then texts and snapshots no run refers to any more.
    Returns what went."""
    chosen = chosen_runs(before, by)
    ids = chosen
    counts = {
        "runs": session.scalar(select(func.count()).select_from(chosen.subquery())) or 0,
        "findings": session.scalar(select(func.count()).select_from(RunFinding)
                                   .where(RunFinding.run_id.in_(ids))) or 0,
        "subjects": session.scalar(select(func.count()).select_from(RunSubject)
                                   .where(RunSubject.run_id.in_(ids))) or 0,
    }
    for child in _CHILDREN:
        session.execute(delete(child).where(child.run_id.in_(ids)))
    session.execute(delete(Run).where(Run.id.in_(ids)))
    session.execute(delete(CitedText).where(
        CitedText.sha256.not_in(select(RunCitation.sha256).distinct())))
    session.execute(delete(RulebaseSnapshot).where(
        RulebaseSnapshot.version.not_in(select(Run.rulebase).distinct())))
    return counts


def secure_delete(session: Session) -> None:
    """On SQLite, overwrite deleted content with zeros instead of leaving it in free pages."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA secure_delete=ON")


def reclaim(engine) -> list[str]:
    """Give the space of deleted rows back, outside any transaction: ``VACUUM`` and a
    truncating WAL checkpoint on SQLite (old pages live on in the WAL until then),
    ``VACUUM FULL`` of the run tables on PostgreSQL. Returns the tables whose space could not
    be given back: PostgreSQL skips, with only a server-side warning, tables the role does not
    own, and their deleted rows stay readable in the files until the owner vacuums them."""
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()
    elif engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            skipped = []
            for table in RUN_TABLES:
                owner = conn.execute(text(
                    "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
                    "WHERE c.oid = to_regclass(:t)"), {"t": table}).scalar()
                if not owner:
                    skipped.append(table)
                    continue
                conn.exec_driver_sql(f"VACUUM FULL {table}")
            return skipped
    return []


def file_size(engine) -> int | None:
    """Bytes the SQLite database takes on disk (file plus WAL); None for a server."""
    if engine.dialect.name != "sqlite" or not engine.url.database \
            or engine.url.database == ":memory:":
        return None
    path = engine.url.database
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
