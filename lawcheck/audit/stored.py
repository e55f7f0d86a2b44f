"""Read runs back: find one by (a prefix of) its id, list them for ``history``, restore each
subject's report with the exact texts it cited, and render it again for ``show``."""

from __future__ import annotations

import json
import zlib

from lawcheck.errors import InputError

PLAN_FORMATS = ("text", "json", "markdown", "html")
BATCH_FORMATS = ("jsonl", "json", "csv", "text", "html", "summary")


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
    for _seq, _subject, blob, _text in repo.subjects_of(session, run.id):
        yield _hydrate(json.loads(zlib.decompress(blob).decode("utf-8")), texts)


def _hydrate(report: dict, texts: dict[str, str]) -> dict:
    for finding in report.get("findings") or []:
        for c in finding.get("citations") or []:
            ref = c.get("text") if isinstance(c, dict) else None
            if isinstance(ref, dict) and "$ref" in ref:
                c["text"] = texts.get(ref["$ref"], "")
    return report


def render_run(session, run, fmt: str | None, *, color: bool = False) -> str:
    """The run printed again: for a plan, as ``check`` printed it; for a batch of statements,
    one JSON object a line (or each report in turn, in a document format)."""
    from lawcheck.report import render

    stored = run.render or {}
    fmt = fmt or stored.get("format") or ("json" if run.kind == "plan" else "jsonl")
    allowed = PLAN_FORMATS if run.kind == "plan" else BATCH_FORMATS
    if fmt not in allowed:
        raise InputError(f"a {run.kind} run cannot be shown as {fmt!r}", code="LC412",
                         fix=f"use --format with one of: {', '.join(allowed)}")
    width = int(stored.get("width") or 100)
    if run.kind == "plan":
        if fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports(session, run))
        report = next(iter(reports(session, run)))
        return render(report, fmt, color=color and fmt == "text", width=width)
    if fmt == "json":
        return json.dumps(list(reports(session, run)), ensure_ascii=False, indent=2) + "\n"
    return _render_statements(session, run, fmt)


def _render_statements(session, run, fmt: str) -> str:
    """A batch through the same writers ``review`` used, so the output is the same bytes (rows
    that could not be reviewed are not stored, so a page that listed them lists none)."""
    import io

    from lawcheck.review.inputs import StatementInput
    from lawcheck.review.outputs import open_writer
    from lawcheck.store import runs as repo

    out = io.StringIO()
    writer = open_writer(fmt, stream=out)
    texts = (zlib.decompress(kept).decode("utf-8") if kept else ""
             for _seq, _subject, _blob, kept in repo.subjects_of(session, run.id))
    for report, text in zip(reports(session, run), texts):
        subject = report.get("subject") or {}
        writer.write(StatementInput(id=str(subject.get("id", "")), text=text or "",
                                    source=str(subject.get("source", "")),
                                    line=subject.get("line")), report)
    writer.close()
    return out.getvalue()


def privacy_note(run) -> str | None:
    """What a reader of a redacted run must be told (None when the text was kept)."""
    if run.keep_text:
        return None
    return (f"note: run {run.id} was recorded without --keep-text: the plan or statement text "
            "was not kept, so activity titles, excerpts and flagged words are left out.")
