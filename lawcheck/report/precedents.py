"""The precedent base in words for the terminal: a list of enforcement events, and one event
with who, what they did, what the authorities did, on what basis and the sources."""

from __future__ import annotations

import textwrap


def rows_text(rows: list[dict]) -> str:
    if not rows:
        return "no precedents"
    out = []
    for row in rows:
        out.append(f"{row['id']}  [{row['level']} · {row['confidence']}]  "
                   f"{', '.join(row['categories'])}")
        out.append(textwrap.fill(row["summary"], 96, initial_indent="    ",
                                 subsequent_indent="    "))
    out.append(f"{len(rows)} precedent{'s' * (len(rows) != 1)}")
    return "\n".join(out)


def show_text(p: dict) -> str:
    who, did, outcome = p["who"], p["did"], p["outcome"]
    fill = lambda label, text: textwrap.fill(  # noqa: E731
        f"{label:<12}{text}", 96, subsequent_indent=" " * 12)
    person = ", ".join(str(v) for v in (who.get("name"), who.get("role"), who.get("org_type"),
                                        who.get("sector")) if v)
    lines = [f"{p['id']}  ({p['date']}, precision: {p['date_precision']})",
             fill("who", f"{who['kind']}" + (f": {person}" if person else "")),
             fill("did", did["summary"])]
    detail = ", ".join(f"{k}: {did[k]}" for k in ("activity_type", "medium", "place", "size")
                       if did.get(k) is not None)
    if did.get("topics"):
        detail += (", " if detail else "") + "topics: " + ", ".join(did["topics"])
    if detail:
        lines.append(fill("", detail))
    if did.get("quote"):
        note = " (translated)" if did.get("translated") else ""
        lines.append(fill("quote", f"\"{did['quote']}\"{note}"))
    lines.append(fill("outcome", f"{outcome['summary']} [{', '.join(outcome['actions'])}]"
                      + (f" by {outcome['by']}" if outcome.get("by") else "")
                      + (f"; sentence: {outcome['sentence']}" if outcome.get("sentence") else "")))
    for basis in p["legal_basis"] or [{"cited": "none reported", "provision": None}]:
        lines.append(fill("cited", basis["cited"] + (f" ({basis['provision']})"
                                                     if basis.get("provision") else "")))
    lines.append(fill("implies", f"{p['level']} ({p['consequence']}) for: "
                      f"{', '.join(p['categories'])}"))
    lines.append(fill("confidence", p["confidence"] + (f"; {p['note']}" if p.get("note") else "")))
    for src in p["sources"]:
        lines.append(fill("source", f"{src['publisher']}, \"{src['title']}\""
                          + (f", {src['date']}" if src.get("date") else "") + f", {src['url']}"))
    lines.append(fill("file", f"{p['file']}:{p['line']}"))
    return "\n".join(lines)
