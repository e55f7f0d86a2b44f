"""``lawcheck precedents …``: what the authorities actually did (corpus/precedents)."""

from __future__ import annotations

import textwrap

import click

from lawcheck.cli import render

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                      show_default=True, help="Output format.")
CATEGORIES = ("registration", "mou", "change-notification", "reporting", "tax", "assembly",
              "political-neutrality", "election", "public-order", "incitement", "defamation",
              "lese-majeste", "judicial", "security", "reputational")  # SPEC §5 (kept light)


@click.group()
def precedents() -> None:
    """Real enforcement events, 2010-2026, with their sources: list, show, search."""


@precedents.command("list")
@click.option("--category", type=click.Choice(CATEGORIES), help="Only this category.")
@FORMAT
@click.pass_obj
def list_(obj, category, fmt) -> None:
    """List the precedents, oldest first, one line each."""
    from lawcheck.api import precedents as api

    found = api.precedents_list(category=category, db=obj["db"])
    render.echo_json(found) if fmt == "json" else click.echo(rows_text(found))


@precedents.command()
@click.argument("precedent_id", metavar="ID")
@FORMAT
@click.pass_obj
def show(obj, precedent_id, fmt) -> None:
    """Show one precedent: who, what they did, what the authorities did, on what basis, the
    sources and the reconstruction lawcheck tests it with."""
    from lawcheck.api import precedents as api

    found = api.precedents_show(precedent_id, db=obj["db"])
    render.echo_json(found) if fmt == "json" else click.echo(show_text(found))


@precedents.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500))
@FORMAT
@click.pass_obj
def search(obj, words, limit, fmt) -> None:
    """Precedents in which every word occurs (a word matches words it begins), best first."""
    from lawcheck.api import precedents as api

    found = api.precedents_search(words, limit=limit, db=obj["db"])
    if fmt == "json":
        render.echo_json(found)
    else:
        click.echo(rows_text(found) if found else f"no precedent mentions all of: "
                   f"{' '.join(words)}")


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
