"""Read runs back: find one by (a prefix of) its id, list them for ``history``, and restore each
subject's report with the exact texts it cited (lawcheck.report.runs prints a run again)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Iterator

from lawcheck.audit.packing import UnreadableRecord, unpack
from lawcheck.errors import InputError, StoreError


def find_run(session, run_id: str):
    from lawcheck.store import runs as repo

    wanted = (run_id or "").strip()
    found = repo.runs_matching(session, wanted) if wanted else []
    if not found:
        raise InputError(f"no stored run has the id {run_id!r}", code="LC410",
                         fix="`lawcheck history` lists the stored runs and their ids")
    if len(found) > 1:
        raise InputError(f"{run_id!r} is the start of several run ids: "
                         f"{', '.join(r.id for r in found)}", code="LC411",
                         fix="type more of the id (`lawcheck history` lists them)")
    return found[0]


def history_row(run) -> dict:
    """One run as SPEC §7's ``history`` JSON shows it."""
    subject = {"kind": "plan" if run.kind == "plan" else "statements", "source": run.source,
               "sha256": run.sha256}
    if run.kind != "plan":
        subject["subjects"] = run.subjects
    return {"id": run.id, "checked_at": run.checked_at, "as_of": run.as_of.isoformat(),
            "subject": subject, "rulebase": {"version": run.rulebase, "rules": run.rules},
            "corpus": {"version": run.corpus, "laws": run.laws}, "risk": run.risk,
            "findings": run.findings}


def reports(session, run):
    """Each subject's report, in order, exactly as stored (redacted unless text was kept)."""
    from lawcheck.store import runs as repo

    texts = {sha: text for _, _, sha, text in repo.cited(session, run.id)}
    for seq, _subject, blob, _text in repo.subjects_of(session, run.id):
        yield _hydrate(_inflate(blob, run, seq, "report"), texts)


def _inflate(blob: bytes, run, seq: int, what: str):
    """A stored report (parsed) or text: either format of lawcheck.audit.packing (each checks
    a checksum over the content, so a changed byte is caught), UTF-8, and for a report JSON. Any of those failing means the record was damaged or altered after it
    was written; say which, rather than print the run without it."""
    try:
        data = unpack(blob).decode("utf-8")
        return json.loads(data) if what == "report" else data
    except UnreadableRecord as exc:
        reason = str(exc)
    except (UnicodeDecodeError, ValueError, TypeError) as exc:
        reason = f"{type(exc).__name__}: {exc}"
    subject = "the plan" if run.kind == "plan" else f"statement {seq + 1}"
    raise StoreError(f"run {run.id}: the stored {what} of {subject} cannot be read: it is "
                     f"damaged, was altered after it was recorded, or is of a newer format "
                     f"({reason})", code="LC416",
                     fix="restore the database from a backup (or, for a newer format, use the "
                         "lawcheck that wrote it); lawcheck shows and exports a run only whole, "
                         "and the other runs are unaffected (`lawcheck history` lists them)")


def _hydrate(report: dict, texts: dict[str, str]) -> dict:
    for finding in report.get("findings") or []:
        for c in finding.get("citations") or []:
            ref = c.get("text") if isinstance(c, dict) else None
            if isinstance(ref, dict) and "$ref" in ref:
                c["text"] = texts.get(ref["$ref"], "")
    return report


@dataclass(frozen=True)
class StoredRun:
    """What a stored run holds, for the rendering layer (lawcheck.report.runs) to print again:
    its kind, how ``check`` or ``review`` printed it, each subject's report in order, and the
    text of each subject when it was kept ("" when not)."""
    kind: str
    render: dict
    reports: Callable[[], Iterator[dict]]
    texts: Callable[[], Iterator[str]]


def stored_run(session, run) -> StoredRun:
    """``run`` as data (the reports are read from ``session`` when iterated)."""
    from lawcheck.store import runs as repo

    def texts() -> Iterator[str]:
        for seq, _subject, _blob, kept in repo.subjects_of(session, run.id):
            yield _inflate(kept, run, seq, "text") if kept else ""

    return StoredRun(run.kind, dict(run.render or {}), lambda: reports(session, run), texts)


def privacy_note(run) -> str | None:
    """What a reader of a redacted run must be told (None when the text was kept)."""
    if run.keep_text:
        return None
    return (f"note: run {run.id} was recorded without --keep-text: the plan or statement text "
            "was not kept, so activity titles, excerpts and flagged words are left out.")
