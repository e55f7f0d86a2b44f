"""The law corpus in words for the terminal: what an ingest found, the stored laws, a law or a
provision with its versions, search hits and the differences between two versions. The CLI
prints these; ``--format json`` prints the API result itself."""

from __future__ import annotations

import textwrap
from typing import Sequence

_SKIPPED = {"preamble": "preamble", "toc": "table of contents", "signature": "signature block",
            "header": "running header", "footer": "running footer",
            "page-number": "page number", "debris": "OCR debris", "duplicate": "duplicate"}


def ingest_text(result) -> str:
    r = result.report
    head = (f"{'Already stored' if result.unchanged else 'Ingested'} {result.law_id} version "
            f"{result.version} ({result.language}) from {result.source}")
    lines = [head,
             f"  title: {result.title}",
             f"  found: {r['chapters']} chapter(s), {r['articles']} article(s); "
             f"{result.provisions} provisions, {result.annotations} machine annotations "
             "(unreviewed)"]
    if r.get("ocr"):
        lines.append(_ocr_note(r["ocr"]))
    if r["declared"]:
        lines.append(f"  the law says of itself: {r['declared'].get('chapters')} chapters, "
                     f"{r['declared'].get('articles')} articles")
    lines.append("  gaps in article numbering: " + (", ".join(r["gaps"]) or "none"))
    for d in r["duplicates"]:
        verdict = ("identical, kept the first" if d["identical"]
                   else "DIFFERENT texts: kept the first, the second is listed as unplaced")
        lines.append(f"  duplicate: {d['provision']} printed twice (lines {d['first_line']} "
                     f"and {d['second_line']}): {verdict}")
    counts: dict[str, int] = {}
    for s in r["skipped"]:
        counts[s["kind"]] = counts.get(s["kind"], 0) + s["lines"]
    if counts:
        lines.append("  set aside: " + ", ".join(
            f"{_SKIPPED.get(k, k)} ({n} line{'s' if n != 1 else ''})"
            for k, n in sorted(counts.items())))
    if r["hyphens_joined"]:
        lines.append(f"  hyphenated line ends joined: {r['hyphens_joined']}")
    lines.append(f"  unplaced text: {len(r['unplaced']) or 'none'}")
    for u in r["unplaced"]:
        lines.append(f"    page {u['page']} line {u['line']}: {short(u['text'])}")
    for w in r["warnings"]:
        lines.append(f"  warning: {w}")
    affected = getattr(result, "rules_affected", ())
    if affected:
        lines.append(f"  RULES AFFECTED ({len(affected)}): they cite provisions this version no "
                     "longer has, and are not checked until a person corrects them "
                     "(`lawcheck rules impact " + result.law_id + "`):")
        lines += [f"    {a['rule']}: {a['reason']}" for a in affected]
    return "\n".join(lines)


def marks_legend() -> str:
    """What confirmed / likely / uncertain mean, by the kind of source behind them."""
    from lawcheck.model import CONFIDENCE_MEANING

    return "\n".join(textwrap.wrap("Marks: " + "; ".join(
        f"{mark} = {meaning}" for mark, meaning in CONFIDENCE_MEANING.items()) + ".", 96))


def laws_text(laws: list[dict], marks: dict | None = None) -> str:
    if not laws:
        return "No laws stored yet. Add one with `lawcheck corpus ingest FILE --law ID`."
    marks = marks or {}
    rows = [("ID", "TITLE", "VERSIONS", "PROVISIONS", "MARK")]
    for law in laws:
        versions = ", ".join(f"{v['version']} ({v['language']})" for v in law["versions"])
        mark = marks.get(law["id"], {})
        shown = (mark.get("confidence") or "?") + (", digest" if mark.get("digest") else "")
        rows.append((law["id"], short(law["title"], 48), versions, str(law["provisions"]),
                     shown))
    return (table(rows) + "\n\n" + marks_legend()
            + "\nA digest is lawcheck's summary in its own words, not the official text.")


def _ocr_note(ocr: dict) -> str:
    return (f"  OCR: the text of page(s) {', '.join(map(str, ocr['pages']))} was read by "
            f"{ocr['engine']}, not taken from the file; check it against the official text")


def law_text(law: dict) -> str:
    d = law["details"]
    span = f"effective {d['effective_from'] or 'date unknown'}"
    if d["effective_to"]:
        span += f" to {d['effective_to']}"
    out = [f"{law['id']} — {law['title']}",
           f"version {law['version']} ({d['language']}), {span}; confidence: {d['confidence']}"
           + ("; a digest in lawcheck's own words, not the official text" if d["digest"] else "")]
    if (d.get("report") or {}).get("ocr"):
        out.append(_ocr_note(d["report"]["ocr"]).strip())
    for p in law["provisions"]:
        extra = d["provisions"].get(p["id"], {})
        mark = f"  [{extra.get('confidence') or '?'}]"
        if p["kind"] in ("part", "book", "title", "chapter", "section", "subsection") \
                and not (p["kind"] == "section" and p["text"]):  # a law numbered by sections
            out += ["", f"{p['kind'].upper()} {p['number']}" + (f": {p['title']}" if p["title"] else "")]
        elif p["kind"] in ("article", "section") or p["kind"] == "paragraph" and "/art-" not in p["id"]:
            # articles, and the paragraphs of instruments that have no articles
            out.append(f"  {p['kind'].capitalize()} {p['number']}"
                       + (f" — {p['title']}" if p["title"] else "") + mark + f"   ({p['id']})")
            out += wrap_text(p["text"], "    ")
            notes = extra.get("annotations") or []
            if notes:
                out.append("    ↳ " + "; ".join(_annotation(a) for a in notes))
    out.append("")
    out.append("↳ lines are machine-made annotations (deontic, deadline, amount, sanction, "
               "cross-reference), not yet reviewed by a person.")
    out.append(marks_legend())
    return "\n".join(out)


def provision_text(p: dict) -> str:
    out = [f"{p['id']} — {p['kind']} {p['number']}" + (f": {p['title']}" if p["title"] else "")]
    if p["path"]:
        out.append("in: " + " › ".join(p["path"]))
    out.append("")
    out += wrap_text(p["text"], "") or ["(no text)"]
    for v in p["versions"]:
        out += ["", f"version {v['version']} ({v['language']}), effective "
                    f"{v['effective_from'] or '?'} to {v['effective_to'] or 'now'}; "
                    f"confidence: {v['confidence']}"]
        if v["note"]:
            out += textwrap.wrap("note: " + v["note"], 96, subsequent_indent="  ")
        for a in v["annotations"]:
            out.append(f"  • {_annotation(a)}  (machine-made, unreviewed)")
    return "\n".join(out)


def search_text(hits: list[dict]) -> str:
    if not hits:
        return "No provision matches."
    return "\n".join(f"{h['id']}  ({h['version']}, {h['language']})\n    {h['snippet']}"
                     for h in hits)


def diff_text(d: dict) -> str:
    from lawcheck.lawdiff import render_words

    out = [f"{d['law']}: {d['from']['version']} → {d['to']['version']}",
           f"  added {len(d['added'])}, removed {len(d['removed'])}, changed {len(d['changed'])}"]
    if d.get("notice"):
        out[1:1] = textwrap.wrap("NOTE: " + d["notice"], 96, initial_indent="  ",
                                 subsequent_indent="  ")
    out += [f"+ {pid}" for pid in d["added"]]
    out += [f"- {pid}" for pid in d["removed"]]
    for c in d["changed"]:
        out.append(f"~ {c['id']}")
        if c["title_before"] != c["title_after"]:
            out.append(f"    title: {c['title_before']!r} → {c['title_after']!r}")
        words = tuple(tuple(w) for w in c["words"])
        out += textwrap.wrap(render_words(words), 96, initial_indent="    ",
                             subsequent_indent="    ")
    return "\n".join(out)


def wrap_text(text: str, indent: str) -> list[str]:
    """Wrap each line of a provision on its own, keeping its paragraphs and points apart."""
    from lawcheck.speech.segment import wrap  # never cuts a Khmer cluster (no model needed)

    out: list[str] = []
    for line in text.split("\n"):
        out += wrap(line, 96, indent) if line.strip() else [""]
    return out


def _annotation(a: dict) -> str:
    value = a.get("value") or {}
    if a["kind"] == "deontic":
        return f"{a['label']} ({a['cue'] or '?'})"
    if a["kind"] == "deadline" and "n" in value:
        return f"deadline {value['n']} {value.get('unit', '')}".strip()
    return f"{a['kind']} {a['label']}: “{short(a['text'], 40)}”"


def short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def table(rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
