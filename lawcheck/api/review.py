"""Statement review (SPEC §4, §7): statements in, one report per statement out, streamed.

``review`` checks every input and option at once (a file that cannot be read at all is an
exit-2 error before anything runs), loads the shipped corpus once in this process, and returns
:class:`Reviews`: an iterator of :class:`~lawcheck.review.batch.Reviewed` pairs — each statement
with its report, or a malformed row (with its line) and no report — in input order, reviewed as
they are asked for (in ``jobs`` worker processes when asked). The caller writes them: the CLI
and the web page through :func:`lawcheck.review.batch.write_reviews`.

``record`` stores the run in the audit trail, as ``check`` does: each report handed out then
carries the run id, and the run is written whole when the last report has been handed out;
a review stopped before (an error, Ctrl-C, ``close()``) records nothing.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO, Iterator

from lawcheck.errors import OptionError
from lawcheck.rulebase.model import SEVERITIES


def review(paths=(), *, text: str | None = None, stdin: IO[str] | None = None,
           org: str | Path | None = None, date: str | date | None = None,
           medium: str | None = None, speaker: str | None = None, org_type: str | None = None,
           db=None, engine: str | None = None, model: str | None = None, jobs: int = 1,
           clock: datetime | None = None, record: bool = False, keep_text: bool = False,
           render: dict | None = None, columns: dict[str, str] | None = None,
           skip_ids=frozenset()) -> "Reviews":
    """Review statements: ``paths`` (CSV, JSONL, XLSX, TXT files or folders; "-" for
    ``stdin``) or ``text``. Returns :class:`Reviews`, an iterator of (statement, report) pairs
    in input order. ``columns`` names the sheet columns holding the id and the text
    ({"id": "No", "text": "Post text"}); ``skip_ids`` are ids left out (what a resumed output
    already holds); with ``record`` the run is stored in the audit trail (``keep_text`` keeps
    the statements' words, ``render`` the format to print it again with ``lawcheck show``)."""
    from lawcheck.ingest import parse_date
    from lawcheck.plan import load_organization
    from lawcheck.review.inputs import read_statements
    from lawcheck.review.reviewer import ReviewerSpec
    from lawcheck.service import opened

    if jobs < 1:
        raise OptionError(f"--jobs {jobs} is not a number of processes", code="LC220",
                          fix="give --jobs 1 or more (at most the number of CPU cores helps)")
    day = parse_date(date, "--date")
    if org:
        load_organization(org)  # a bad organisation file is an exit-2 error before any work
    defaults = {k: v for k, v in (("date", day), ("medium", medium), ("speaker", speaker),
                                  ("org_type", org_type)) if v}
    items = read_statements([str(p) for p in paths], text=text, stdin=stdin or sys.stdin,
                            defaults=defaults, columns=columns)
    with opened(db):  # loads or refreshes the shipped corpus once, here, not in each worker
        pass
    moment = clock or datetime.now(timezone.utc).astimezone()
    spec = ReviewerSpec(db=_for_reviewer(db, jobs), org=str(org) if org else None, as_of=day or _today(),
                        engine=engine, model=model,
                        checked_at=moment.isoformat(timespec="seconds"))
    recording = None
    if record:
        recording = {"db": db, "kind": "statements", "source": _sources(paths, text),
                     "sha256": _inputs_sha256(paths, text), "keep_text": keep_text,
                     "render": render}
    return Reviews(items, spec, jobs=jobs, skip_ids=frozenset(skip_ids), recording=recording)


class Reviews:
    """The reports of one review, made as they are asked for: iterate it for
    :class:`~lawcheck.review.batch.Reviewed` pairs ``(item, report)`` in input order
    (``report`` is None for a row that could not be read). Once it is exhausted, ``run`` is
    the audit-trail run id (None unless recorded) and ``skipped`` the number of statements
    left out by ``skip_ids``. ``close()`` (or leaving a ``with`` block) stops the review and
    its worker processes; a recorded run that did not reach its end is not stored."""

    def __init__(self, items, spec, *, jobs: int, skip_ids, recording: dict | None) -> None:
        from lawcheck.review.batch import Skipping

        self.spec = spec
        self.run: str | None = None
        self._wanted = Skipping(items, skip_ids)
        self._pairs = self._reviewed(jobs, recording)

    @property
    def skipped(self) -> int:
        return self._wanted.count

    def __iter__(self) -> "Reviews":
        return self

    def __next__(self):
        return next(self._pairs)

    def close(self) -> None:
        self._pairs.close()

    def __enter__(self) -> "Reviews":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _reviewed(self, jobs: int, recording: dict | None) -> Iterator:
        from lawcheck.review.batch import reviewed

        if recording is None:
            yield from reviewed(self._wanted, self.spec, jobs=jobs)
            return
        from lawcheck.audit import RunRecorder
        from lawcheck.service import opened

        db = recording.pop("db")
        render = recording.pop("render") or {}
        with opened(db, sync=False) as store:
            with RunRecorder(store, **recording, render=render) as recorder:
                yield from reviewed(self._wanted, self.spec, jobs=jobs,
                                    transform=lambda item, report: recorder.add(
                                        report, text=item.text, plain=True))
            self.run = recorder.id  # committed: the block ended without an error


def already_written(output, fmt: str, paths=(), text: str | None = None) -> frozenset:
    """The statement ids an interrupted run already wrote to ``output`` (``--resume``); the
    file must be lawcheck's own output of the same inputs (checked line by line)."""
    from lawcheck.review.outputs import resume_state

    return frozenset(resume_state(str(output), fmt, _sources_of(paths, text)))


def _for_reviewer(db, jobs: int):
    """What the reviewer opens: an open store as it is in this process (Lawcheck's), else the
    database URL (worker processes open their own connection)."""
    from lawcheck.store.db import Store, resolve_url

    if isinstance(db, Store):
        return db if jobs == 1 else db.engine.url.render_as_string(hide_password=False)
    return resolve_url(db)


def _sources_of(paths, text) -> set[str] | None:
    """The input names statement reports carry as subject.source, to tell this run's own
    output from another file when resuming; None when they cannot be known (stdin, --text)."""
    if text is not None or not paths or any(str(p) == "-" for p in paths):
        return None
    return {str(p) for p in paths}


def _sources(paths, text) -> str:
    names = [str(p) for p in paths] + (["--text"] if text is not None else [])
    return ", ".join(names)


def _inputs_sha256(paths, text) -> str:
    """One hash over every input file's bytes (and --text), in the order given."""
    import hashlib
    import os

    digest = hashlib.sha256()
    for path in paths:
        if path == "-" or not os.path.isfile(path):
            continue  # stdin is hashed per statement; folders' files are in each report
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    if text is not None:
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def _today():
    return date.today()


def exit_code(summary: dict, fail_on: str = "high") -> int:
    """SPEC §6 for a batch: 2 when some rows could not be read (SPEC §8: every other statement
    is written first, but an unscreened row must never look screened to a script); else 1 when
    a statement was not (fully) screened or any finding is at or above ``fail_on``; else 0."""
    if summary.get("bad_rows"):
        return 2
    if summary.get("not_screened") or summary.get("partly_screened"):
        # words lawcheck could not read may hold anything: they cannot be shown to stay below
        # the threshold, so a script must not read the batch as clean (the summary says why)
        return 1
    threshold = SEVERITIES.index(fail_on)
    return int(any(SEVERITIES.index(level) >= threshold and count
                   for level, count in (summary.get("by_severity") or {}).items()))
