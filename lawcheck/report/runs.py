"""A stored run printed again (``lawcheck show``, the evidence pack): a plan as ``check``
printed it, a batch of statements through the same writers ``review`` used, so the output is the
same bytes (rows that could not be reviewed are not stored, so a page that listed them lists
none)."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

from lawcheck.errors import InputError
from lawcheck.report.formats import formats, renderer

PLAN_FORMATS = formats("plan")
BATCH_FORMATS = ("jsonl", "json", "csv", "text", "html", "summary")


def render_run(run, fmt: str | None, *, color: bool = False) -> str:
    """``run`` (a lawcheck.audit.stored.StoredRun) as ``fmt``, by default the format it was
    printed in: for a plan, as ``check`` printed it; for a batch of statements, one JSON object
    a line (or each report in turn, in a document format)."""
    from lawcheck.report import render

    stored = run.render or {}
    fmt = fmt or stored.get("format") or ("json" if run.kind == "plan" else "jsonl")
    allowed = PLAN_FORMATS if run.kind == "plan" else BATCH_FORMATS
    if fmt not in allowed:
        raise InputError(f"a {run.kind} run cannot be shown as {fmt!r}", code="LC412",
                         fix=f"use --format with one of: {', '.join(allowed)}")
    if run.kind == "plan":
        report = next(iter(run.reports()))
        return render(report, fmt, color=color and fmt == "text",
                      width=int(stored.get("width") or 100))
    if fmt == "json":
        return json.dumps(list(run.reports()), ensure_ascii=False, indent=2) + "\n"
    return _statements(run, fmt)


def _statements(run, fmt: str) -> str:
    out = io.StringIO()
    writer = renderer("statements", fmt)(out)
    for report, text in zip(run.reports(), run.texts()):
        subject = report.get("subject") or {}
        writer.write(SimpleNamespace(id=str(subject.get("id", "")), text=text or "",
                                     source=str(subject.get("source", "")),
                                     line=subject.get("line")), report)
    writer.close()
    return out.getvalue()


def history_text(runs: list[dict]) -> str:
    """``lawcheck history``: one line a run (SPEC §7 history rows), newest first."""
    if not runs:
        return "No runs stored yet: every `lawcheck check` is recorded here."
    rows = [("ID", "CHECKED", "AS OF", "SUBJECT", "DEREG.", "PROSEC.", "FINDINGS")]
    for r in runs:
        risk = r["risk"] or {}
        rows.append((r["id"], r["checked_at"], r["as_of"],
                     f"{r['subject']['kind']} {r['subject']['source']}",
                     str((risk.get("deregistration") or {}).get("level", "-")),
                     str((risk.get("prosecution") or {}).get("level", "-")),
                     str(r["findings"])))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
                     for row in rows)
