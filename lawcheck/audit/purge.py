"""Delete runs for good: the rows, then the space they took, so that a seized laptop's
database file no longer holds them (SQLite overwrites deleted pages with zeros, then
``VACUUM`` rebuilds the file and the WAL is truncated; PostgreSQL runs ``VACUUM FULL``)."""

from __future__ import annotations

from datetime import date, datetime, time


def delete_runs(store, before: date | None) -> dict:
    """Delete the runs checked before ``before`` (UTC midnight; every run when None).

    Returns ``{"runs", "findings", "subjects", "bytes_before", "bytes_after", "freed"}``;
    the byte counts are None on a database server."""
    from lawcheck.store import runs as repo

    size_before = repo.file_size(store.engine)
    cutoff = datetime.combine(before, time.min) if before else None
    with store.transaction() as session:
        repo.secure_delete(session)
        counts = repo.delete_runs(session, cutoff)
    repo.reclaim(store.engine)
    size_after = repo.file_size(store.engine)
    freed = size_before - size_after if size_before is not None else None
    return {**counts, "bytes_before": size_before, "bytes_after": size_after, "freed": freed}
