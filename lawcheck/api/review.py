"""Statement review (SPEC §4, §7): statements in, one report per statement out, streamed.

``review`` checks every input and option first (a file that cannot be read at all is an exit-2
error before anything is written), loads the shipped corpus once in this process, then streams
the statements through the reviewer (in ``jobs`` worker processes when asked) into the chosen
writer. Malformed rows are counted and reported with their line; the rest still runs.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO

from lawcheck.errors import OptionError
from lawcheck.rulebase.model import SEVERITIES


def review(paths=(), *, text: str | None = None, stdin: IO[str] | None = None,
           org: str | Path | None = None, date: str | date | None = None,
           medium: str | None = None, speaker: str | None = None, org_type: str | None = None,
           db: str | None = None, engine: str | None = None, model: str | None = None,
           jobs: int = 1, fmt: str = "jsonl", output: str | Path | None = None,
           stream: IO[str] | None = None, resume: bool = False, progress=None,
           clock: datetime | None = None, record: bool = True, keep_text: bool = False,
           extra_writers=(), columns: dict[str, str] | None = None) -> dict:
    """Review statements; write reports with ``fmt`` to ``output`` (or ``stream``); return the
    summary counts (SPEC §4). ``record`` stores the run in the audit trail; ``columns`` names
    the sheet columns holding the id and the text ({"id": "No", "text": "Post text"})."""
    from lawcheck.api.corpus import opened
    from lawcheck.ingest import parse_date
    from lawcheck.plan import load_organization
    from lawcheck.review.batch import run_batch
    from lawcheck.review.inputs import read_statements
    from lawcheck.review.outputs import open_writer, resume_state
    from lawcheck.review.reviewer import ReviewerSpec
    from lawcheck.store.db import resolve_url

    if jobs < 1:
        raise OptionError(f"--jobs {jobs} is not a number of processes", code="LC220",
                          fix="give --jobs 1 or more (at most the number of CPU cores helps)")
    if resume and output is None:
        raise OptionError("--resume needs -o FILE: the output of the run to continue",
                          code="LC220", fix="add -o with the file the interrupted run wrote")
    day = parse_date(date, "--date")
    if org:
        load_organization(org)  # a bad organisation file is an exit-2 error before any work
    defaults = {k: v for k, v in (("date", day), ("medium", medium), ("speaker", speaker),
                                  ("org_type", org_type)) if v}
    items = read_statements([str(p) for p in paths], text=text, stdin=stdin or sys.stdin,
                            defaults=defaults, columns=columns)
    skip = frozenset(resume_state(str(output), fmt, _sources_of(paths, text))) if resume \
        else frozenset()
    url = resolve_url(db)
    with opened(url):  # loads or refreshes the shipped corpus once, here, not in each worker
        pass
    moment = clock or datetime.now(timezone.utc).astimezone()
    spec = ReviewerSpec(db=url, org=str(org) if org else None, as_of=day or _today(),
                        engine=engine, model=model,
                        checked_at=moment.isoformat(timespec="seconds"))
    writer = open_writer(fmt, str(output) if output else None, stream=stream, append=resume)
    writers = [writer, *extra_writers]
    if not record:
        return run_batch(items, spec, writers, jobs=jobs, skip_ids=skip, progress=progress)
    from lawcheck.audit import RunRecorder

    with opened(url, sync=False) as store:
        with RunRecorder(store, kind="statements", source=_sources(paths, text),
                         sha256=_inputs_sha256(paths, text), keep_text=keep_text,
                         # a workbook is not text `show` can print: it replays such a run as
                         # jsonl (`lawcheck show RUN -o FILE.csv` gives a sheet again)
                         render={"format": "jsonl" if fmt == "xlsx" else fmt}) as recorder:
            summary = run_batch(items, spec, writers, jobs=jobs, skip_ids=skip,
                                progress=progress,
                                transform=lambda item, report: recorder.add(
                                    report, text=item.text, plain=True))
            summary["run"] = recorder.id
    return summary


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
