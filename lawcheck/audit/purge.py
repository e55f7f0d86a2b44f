"""Delete runs for good: the rows, then the space they took, so that a seized laptop's
database file no longer holds them (SQLite overwrites deleted pages with zeros, then
``VACUUM`` rebuilds the file and the WAL is truncated; PostgreSQL runs ``VACUUM FULL``)."""

from __future__ import annotations

from datetime import date, datetime, time


def delete_runs(store, before: date | None, mine: bool = False) -> dict:
    """Delete the runs checked before ``before`` (UTC midnight; every run when None), only
    those this user recorded when ``mine``.

    Returns ``{"runs", "findings", "subjects", "bytes_before", "bytes_after", "freed",
    "by", "unreclaimed"}``; the byte counts are None on a database server, ``by`` is the
    recorder whose runs were chosen (None: everyone's) and ``unreclaimed`` the tables whose
    space PostgreSQL would not give back to this role."""
    from lawcheck.store import runs as repo

    size_before = repo.file_size(store.engine)
    cutoff = datetime.combine(before, time.min) if before else None
    with store.transaction() as session:
        by = repo.current_user(session) if mine else None
        repo.secure_delete(session)
        counts = repo.delete_runs(session, cutoff, by)
    unreclaimed = repo.reclaim(store.engine)
    size_after = repo.file_size(store.engine)
    freed = size_before - size_after if size_before is not None else None
    return {**counts, "bytes_before": size_before, "bytes_after": size_after, "freed": freed,
            "by": by, "unreclaimed": unreclaimed}


def preview(store, before: date | None, mine: bool = False) -> dict:
    """What a purge or wipe would delete: ``{"database", "by", "whose": {recorder: runs}}``."""
    from lawcheck.store import runs as repo
    from lawcheck.store.db import safe_url

    cutoff = datetime.combine(before, time.min) if before else None
    with store.sessions() as session:
        by = repo.current_user(session) if mine else None
        whose = repo.who_recorded(session, cutoff, by)
    return {"database": safe_url(str(store.engine.url)), "by": by, "whose": whose}
