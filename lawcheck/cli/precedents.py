"""``lawcheck precedents …``: what the authorities actually did (corpus/precedents)."""

from __future__ import annotations

import click

from lawcheck.cli import render
from lawcheck.report import precedents as precedents_view

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
    render.echo_json(found) if fmt == "json" else click.echo(precedents_view.rows_text(found))


@precedents.command()
@click.argument("precedent_id", metavar="ID")
@FORMAT
@click.pass_obj
def show(obj, precedent_id, fmt) -> None:
    """Show one precedent: who, what they did, what the authorities did, on what basis, the
    sources and the reconstruction lawcheck tests it with."""
    from lawcheck.api import precedents as api

    found = api.precedents_show(precedent_id, db=obj["db"])
    render.echo_json(found) if fmt == "json" else click.echo(precedents_view.show_text(found))


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
        click.echo(precedents_view.rows_text(found) if found
                   else f"no precedent mentions all of: {' '.join(words)}")
