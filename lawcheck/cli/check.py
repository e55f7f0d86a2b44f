"""``lawcheck check PLAN``: what a planned activity exposes the organisation and its people to."""

from __future__ import annotations

import sys

import click

from lawcheck.cli.render import FORCE
from lawcheck.vocabulary import SEVERITIES

FORMATS = ("text", "json", "markdown", "html")
PDF_HINT = ("lawcheck does not write PDF: write the report with -o report.html and print it to "
            "PDF from a web browser (the page has a print layout)")


@click.command()
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--org", type=click.Path(dir_okay=False),
              help="Organization YAML (needed with a CSV or XLSX plan of activities).")
@click.option("--as-of", metavar="DATE", help="Check as of this date (default: today).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Default: from -o's file name; else text on a terminal, json otherwise.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="high", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--engine", type=click.Choice(["durable", "reference"]),
              help="Rules engine (default: durable where installed).")
@click.option("--keep-text", is_flag=True,
              help="Store the plan's text with the run, so `lawcheck show` can print this "
                   "report again word for word (by default only hashes and findings are kept).")
@FORCE
@click.pass_obj
def check(obj, plan, org, as_of, fmt, output, fail_on, engine, keep_text, force) -> None:
    """Check an activity plan (YAML, JSON, CSV or XLSX) against the rule base.

    Prints each finding with the article it rests on, why it matters and what to do, and the
    two risks (deregistration of the organisation, prosecution of its people).
    """
    from lawcheck import api
    from lawcheck.api.check import exit_code
    from lawcheck.cli.render import deliver, output_format, prepare_output
    from lawcheck.report import render

    fmt = output_format(output, fmt, FORMATS, command="check", hints={".pdf": PDF_HINT}) or (
        "text" if output or sys.stdout.isatty() else "json")
    prepare_output(output, force)
    report = api.check(plan, org=org, as_of=as_of, db=obj["db"], engine=engine, record=True,
                       keep_text=keep_text, render={"format": fmt, "width": 100})
    text = render(report, fmt, color=fmt == "text" and not output and sys.stdout.isatty())
    deliver(text, output, fmt=fmt)
    raise SystemExit(exit_code(report, fail_on))
