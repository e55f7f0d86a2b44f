"""The audit-trail part of the façade: record a check, list runs, show one again, export its
evidence pack, and delete runs for good. See :mod:`lawcheck.audit` for what is stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lawcheck.api.corpus import opened
from lawcheck.ingest import parse_date


def record_check(report: dict, *, inputs: list[Path], db: str | None = None,
                 keep_text: bool = False, render: dict | None = None) -> dict:
    """Store a plan check as a run; returns the report to print (with ``run`` and
    ``privacy``). ``inputs`` (the plan and organisation files) are kept with keep_text only."""
    from lawcheck.audit import RunRecorder

    subject = report.get("subject") or {}
    with opened(db, sync=False) as store:
        with RunRecorder(store, kind="plan", source=str(subject.get("source", "")),
                         sha256=str(subject.get("sha256", "")), keep_text=keep_text,
                         render=render) as recorder:
            for path in inputs:
                recorder.add_input(str(path), Path(path).read_bytes())
            return recorder.add(report)


def history(*, limit: int | None = None, db: str | None = None) -> list[dict]:
    """SPEC §7: the stored runs, newest first."""
    from lawcheck.audit.stored import history_row
    from lawcheck.store import runs as repo

    with opened(db, sync=False) as store, store.sessions() as session:
        return [history_row(run) for run in repo.latest_runs(session, limit)]


def show_run(run_id: str, *, fmt: str | None = None, color: bool = False,
             db: str | None = None) -> tuple[str, str | None]:
    """(the run rendered again, a privacy note to show the reader or None)."""
    from lawcheck.audit.stored import find_run, privacy_note, stored_run
    from lawcheck.report.runs import render_run

    with opened(db, sync=False) as store, store.sessions() as session:
        run = find_run(session, run_id)
        return render_run(stored_run(session, run), fmt, color=color), privacy_note(run)


def export_run(run_id: str, output: str | Path, *, force: bool = False,
               db: str | None = None) -> dict:
    """Write the run's evidence pack (a zip, 0600) to ``output``; returns its manifest."""
    from lawcheck.audit.export import build_pack, write_private
    from lawcheck.audit.stored import find_run

    with opened(db, sync=False) as store, store.sessions() as session:
        run = find_run(session, run_id)
        data, manifest = build_pack(session, run)
    write_private(Path(output), data, force=force)
    return manifest


def purge(before: str | date, *, db: str | None = None, mine: bool = False) -> dict:
    """Delete for good every run checked before ``before`` (a date); only this user's runs
    when ``mine`` (a shared database)."""
    from lawcheck.audit.purge import delete_runs

    day = _purge_day(before)
    with opened(db, sync=False) as store:
        result = delete_runs(store, day, mine)
    clear_cache()
    return result


def _purge_day(before) -> date:
    from lawcheck.errors import OptionError

    day = parse_date(before, "--before date")
    if day is None:
        raise OptionError("purge needs a date", code="LC414",
                          fix="give --before YYYY-MM-DD (runs checked before that day go)")
    return day


def deletion_preview(*, before: str | date | None = None, db: str | None = None,
                     mine: bool = False) -> dict:
    """What ``purge``/``wipe`` would delete, to say before asking: the database (no password),
    whose runs and how many. A damaged database cannot be read: ``{"damaged": True}``."""
    from lawcheck.audit.purge import preview
    from lawcheck.errors import StoreError

    day = _purge_day(before) if before is not None else None
    try:
        with opened(db, sync=False) as store:
            return preview(store, day, mine)
    except StoreError as exc:
        if exc.code != "LC405":
            raise
        return {"damaged": True, "problem": exc.what}


def wipe(*, db: str | None = None, mine: bool = False) -> dict:
    """Delete every stored run for good (only this user's when ``mine``)."""
    from lawcheck.audit.purge import delete_runs
    from lawcheck.errors import StoreError

    try:
        with opened(db, sync=False) as store:
            result = delete_runs(store, None, mine)
    except StoreError as exc:
        if exc.code != "LC405" or mine:
            raise
        result = _delete_damaged(db)  # a damaged file cannot be opened: wipe deletes it
    clear_cache()
    return result


def _delete_damaged(db: str | None) -> dict:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from lawcheck.store.db import delete_damaged, resolve_url

    path = Path(make_url(resolve_url(db)).database)
    freed = delete_damaged(path)
    return {"runs": None, "findings": None, "freed": freed, "bytes_before": freed,
            "bytes_after": 0, "deleted_file": str(path)}


def clear_cache() -> None:
    """Remove lawcheck's cache of parsed files (wipe and purge leave nothing parsed behind)."""
    import shutil

    from lawcheck.settings import cache_dir

    shutil.rmtree(cache_dir(), ignore_errors=True)
