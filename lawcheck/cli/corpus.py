"""``lawcheck corpus …``: ingest laws, list, show, search and compare them."""

from __future__ import annotations

import click

from lawcheck.cli import render
from lawcheck.report import corpus as corpus_view

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                      show_default=True, help="Output format.")


@click.group()
def corpus() -> None:
    """The law corpus: laws, their versions and provisions."""


@corpus.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--law", "law_id", required=True, metavar="ID",
              help="Law id, <jurisdiction>/<slug>, e.g. kh/lango-2015.")
@click.option("--version", metavar="V", help="Version label (default: the effective date, or v1, v2…).")
@click.option("--effective", metavar="DATE", help="Date this version takes effect (YYYY-MM-DD).")
@click.option("--title", metavar="T", help="Title of the law (default: read from the file).")
@click.option("--language", metavar="L", help="Language code, e.g. en or km (default: detected).")
@click.option("--new", is_flag=True, help="The law is not in the corpus yet: start it (a law id "
              "the corpus does not hold is refused without this, so a typo cannot start a "
              "second law).")
@click.option("--ocr", is_flag=True, help="Read a PDF's scanned pages, and pages whose text "
              "layer cannot be decoded ((cid:N) codes), with Tesseract (Khmer and English); "
              "the parse report and `corpus show` name those pages.")
@FORMAT
@click.pass_obj
def ingest(obj, file, law_id, version, effective, title, language, new, ocr, fmt) -> None:
    """Parse a law (.txt, .md or .pdf) and store it as a new version; print a parse report."""
    from lawcheck import api

    result = api.ingest(file, law_id=law_id, version=version, effective=effective,
                        title=title, language=language, new=new, db=obj["db"], ocr=ocr)
    if fmt == "json":
        from dataclasses import asdict

        render.echo_json(asdict(result))
    else:
        click.echo(corpus_view.ingest_text(result))


@corpus.command("list")
@FORMAT
@click.pass_obj
def list_(obj, fmt) -> None:
    """List the laws in the corpus with their versions."""
    from lawcheck import api

    laws = api.list_laws(db=obj["db"])
    if fmt == "json":
        render.echo_json(laws)
    else:
        from lawcheck.api.corpus import law_marks

        click.echo(corpus_view.laws_text(laws, law_marks(db=obj["db"])))


@corpus.command()
@click.argument("ref", metavar="LAW_OR_PROVISION")
@click.option("--version", metavar="V", help="Show this version of the law (default: newest).")
@click.option("--language", metavar="L", help="Show the version in this language.")
@FORMAT
@click.pass_obj
def show(obj, ref, version, language, fmt) -> None:
    """Show a law (kh/…) with its provisions, or one provision (kh/…/art-5) with its versions."""
    from lawcheck import api

    result = api.show(ref, version=version, language=language, db=obj["db"])
    if "versions" in result:  # a provision
        if fmt == "json":
            render.echo_json(result)
        else:
            click.echo(corpus_view.provision_text(result))
    elif fmt == "json":
        render.echo_json({k: result[k] for k in ("id", "title", "version", "provisions")})
    else:
        click.echo(corpus_view.law_text(result))


@corpus.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500))
@FORMAT
@click.pass_obj
def search(obj, words, limit, fmt) -> None:
    """Full-text search of provisions, best matches first (every word must occur)."""
    from lawcheck import api

    hits = api.search(" ".join(words), limit=limit, db=obj["db"])
    render.echo_json(hits) if fmt == "json" else click.echo(corpus_view.search_text(hits))


@corpus.command()
@click.argument("law_id", metavar="LAW")
@click.argument("versions", nargs=-1, metavar="[V1 V2]")
@click.option("--language", metavar="L", help="Compare versions in this language.")
@FORMAT
@click.pass_obj
def diff(obj, law_id, versions, language, fmt) -> None:
    """Provisions added, removed and changed between two versions (default: the newest two)."""
    from lawcheck import api

    if len(versions) not in (0, 2):
        raise click.UsageError("give two versions (V1 V2) or none")
    result = api.diff(law_id, *(versions or (None, None)), language=language, db=obj["db"])
    render.echo_json(result) if fmt == "json" else click.echo(corpus_view.diff_text(result))
