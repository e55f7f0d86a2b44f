"""``lawcheck review``: what planned statements expose their authors to, sentence by sentence."""

from __future__ import annotations

import sys

import click

from lawcheck.cli.render import FORCE
from lawcheck.vocabulary import MEDIA, ORG_TYPES, SEVERITIES, SPEAKERS

FORMATS = ("text", "jsonl", "json", "csv", "html", "summary", "xlsx")


@click.command()
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--text", "text", metavar="TEXT", help="Review this one statement.")
@click.option("--org", type=click.Path(dir_okay=False),
              help="Organization YAML: its type decides which duties apply (e.g. neutrality).")
@click.option("--org-type", type=click.Choice(ORG_TYPES),
              help="Organization type for rows without an org_type column (instead of --org).")
@click.option("--date", "date_", metavar="DATE",
              help="Date of statements that give none (default: today); decides which laws "
                   "apply and whether an election campaign is on.")
@click.option("--medium", type=click.Choice(MEDIA),
              help="Medium of statements that give none.")
@click.option("--speaker", type=click.Choice(SPEAKERS),
              help="Speaker of statements that give none.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Default: from -o's file name; else text on a terminal, jsonl otherwise.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the reports here.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (each loads its own pipeline); output stays in input order.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run: skip the ids already in -o (jsonl or csv).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="high", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--model", metavar="NAME",
              help="An installed trained spaCy pipeline to add person and organization names "
                   "(optional; the default needs none).")
@click.option("--engine", type=click.Choice(["durable", "reference"]),
              help="Rules engine (default: durable where installed).")
@click.option("--id-column", metavar="HEADER",
              help="The CSV/XLSX column that holds each statement's id, when it is not 'id'.")
@click.option("--text-column", metavar="HEADER",
              help="The CSV/XLSX column that holds the statement, when it is not 'text' (e.g. "
                   "'Post text'). With either option, other columns lawcheck does not know are "
                   "left out.")
@click.option("--keep-text", is_flag=True,
              help="Keep the statements' words in the audit trail, so 'lawcheck show' can print "
                   "this run again exactly (default: only hashes and findings are kept).")
@FORCE
@click.pass_obj
def review(obj, files, text, org, org_type, date_, medium, speaker, fmt, output, jobs, resume,
           fail_on, model, engine, id_column, text_column, keep_text, force) -> None:
    """Review planned statements: FILE... (.csv, .jsonl, .xlsx, .txt, folders of .txt),
    '-' for standard input, or --text.

    Each statement gets a report: the words that carry a legal risk, the article, why, and a
    safer way to say it. CSV, JSONL and XLSX need the columns id and text; date, medium,
    speaker, org_type and language are optional.
    """
    from lawcheck.api.review import already_written, exit_code, review as run
    from lawcheck.cli.render import output_format, prepare_output
    from lawcheck.errors import OptionError
    from lawcheck.review.batch import write_reviews
    from lawcheck.review.outputs import Writer, open_writer
    from lawcheck.review.progress import Progress

    if not files and text is None:
        raise OptionError("nothing to review", code="LC220",
                          fix="give statement files, '-' for standard input, or --text \"…\"")
    if org and org_type:
        raise OptionError("--org and --org-type both give the organization type", code="LC220",
                          fix="give one of them")
    fmt = output_format(output, fmt, FORMATS, command="review") or (
        "text" if not output and sys.stdout.isatty() else "jsonl")
    # --resume continues a file that must be lawcheck's own (checked line by line when read)
    prepare_output(output, force or resume)
    if resume and output is None:
        raise OptionError("--resume needs -o FILE: the output of the run to continue",
                          code="LC220", fix="add -o with the file the interrupted run wrote")

    class BadRowsToStderr(Writer):
        """Malformed rows are named on stderr as they come, whatever the output format."""

        shows_bad_rows = True

        def write(self, item, report) -> None:
            pass

        def bad(self, row) -> None:
            click.echo(f"skipped: {row.render()}", err=True)

        def close(self) -> None:
            pass

    reviews = run(files, text=text, stdin=sys.stdin, org=org, org_type=org_type, date=date_,
                  medium=medium, speaker=speaker, db=obj["db"], engine=engine, model=model,
                  jobs=jobs, keep_text=keep_text, record=True,
                  # a workbook is not text `show` can print: it replays such a run as jsonl
                  # (`lawcheck show RUN -o FILE.csv` gives a sheet again)
                  render={"format": "jsonl" if fmt == "xlsx" else fmt},
                  columns={k: v for k, v in (("id", id_column), ("text", text_column)) if v},
                  skip_ids=already_written(output, fmt, files, text) if resume else ())
    writers = [open_writer(fmt, str(output) if output else None, stream=sys.stdout,
                           append=resume), BadRowsToStderr(None)]
    # draws only when stderr is a terminal
    summary = write_reviews(reviews, writers, progress=Progress(sys.stderr))
    click.echo(_summary_line(summary, output), err=True)
    raise SystemExit(exit_code(summary, fail_on))


def _summary_line(summary: dict, output: str | None) -> str:
    from lawcheck.speech.measured import batch_note

    severities = ", ".join(f"{n} {k}" for k, n in (summary.get("by_severity") or {}).items())
    line = (f"reviewed {summary['statements']} statement(s): {summary['flagged']} flagged, "
            f"{summary['findings']} finding(s)" + (f" ({severities})" if severities else ""))
    unscreened = [f"{summary[k]} {k.replace('_', ' ')}" for k in ("not_screened",
                                                                    "partly_screened")
                  if summary.get(k)]
    if unscreened:
        line += (f"; {' and '.join(unscreened)} (a script lawcheck cannot "
                 "analyse: have a person review them)")
    if summary["statements"] > summary["flagged"]:  # say once what a "no findings" is worth
        line += f"; {batch_note()}"
    if summary.get("checks_not_made"):
        line += (f"; {summary['checks_not_made']} with checks lawcheck could not make (a law "
                 "or rule not in force on the date, a date the election calendar does not "
                 "cover): see each report")
    if summary.get("skipped"):
        line += f"; {summary['skipped']} already in {output} (resumed)"
    if summary.get("bad_rows"):
        line += (f"; {summary['bad_rows']} row(s) could not be read and were NOT reviewed "
                 "(listed above; exit code 2): fix them and run again")
    line += f"; wrote {output}" if output else ""
    return line + (f"; run {summary['run']} (lawcheck show {summary['run']})"
                   if summary.get("run") else "")
