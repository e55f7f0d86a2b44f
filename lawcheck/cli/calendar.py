"""``lawcheck calendar --org ORG``: the organisation's compliance deadlines, as text, JSON or an
iCalendar file to import into a shared calendar."""

from __future__ import annotations

import sys

import click

from lawcheck.cli.render import FORCE
from lawcheck.report.formats import formats, renderer

FORMATS = formats("calendar")  # text, json, ics: the registry's calendar renderers


@click.command("calendar")
@click.option("--org", type=click.Path(dir_okay=False),
              help="Organization YAML or JSON (an --org file, or a whole plan). Without it, "
              "only the coming elections and their campaign periods are listed.")
@click.option("--plan", type=click.Path(dir_okay=False),
              help="A plan (YAML, JSON, CSV or XLSX; a CSV or XLSX one with --org): its "
              "activities' own deadlines too, such as each demonstration's notice. A whole "
              "YAML or JSON plan given as --org counts as --plan.")
@click.option("--as-of", metavar="DATE",
              help="Judge what is due or overdue as of this date (default: today).")
@click.option("--from", "start", metavar="DATE", help="First day to list (default: --as-of).")
@click.option("--to", "end", metavar="DATE", help="Last day to list (default: a year after "
              "--from). Overdue deadlines are listed whatever their date.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Default: from -o's file name; else text on a terminal, json otherwise.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the calendar here (e.g. deadlines.ics).")
@FORCE
def calendar(org, plan, as_of, start, end, fmt, output, force) -> None:
    """List the organisation's legal deadlines: annual reports, donor-report copies, change
    notices, bank-account declaration, MoU expiry, tax returns, asset declarations (to check)
    and election campaign periods, each with the provision it rests on; then every coming
    election to the end of the election calendar, with its polling day (or expected window)
    and campaign period; with a plan, each demonstration's notice lodge-by date. In .ics,
    each campaign start and each duty still due has a reminder a week before.
    """
    from lawcheck.cli.render import deliver, output_format, prepare_output
    from lawcheck.deadlines import compliance_calendar

    fmt = output_format(output, fmt, FORMATS, command="calendar") or (
        "text" if output or sys.stdout.isatty() else "json")
    prepare_output(output, force)
    cal = compliance_calendar(org, as_of=as_of, start=start, end=end, plan=plan)
    text = renderer("calendar", fmt)(cal)
    if output:
        deliver(text, output, newline="")  # keep the CRLF of .ics; 0600 like every output
    elif fmt == "ics":  # bytes go to the binary stream untouched: the CRLF line ends stay
        click.echo(text.encode("utf-8"), nl=False)
    else:
        click.echo(text, nl=False)
