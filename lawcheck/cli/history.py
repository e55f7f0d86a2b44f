"""``lawcheck history``, ``show``, ``export``, ``purge`` and ``wipe``: the audit trail."""

from __future__ import annotations

import sys

import click

from lawcheck.cli.render import FORCE

SHOW_FORMATS = ("text", "json", "jsonl", "markdown", "html", "csv", "summary")

@click.command()
@click.option("--limit", type=click.IntRange(min=1), help="Show only the newest N runs.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_obj
def history(obj, limit, fmt) -> None:
    """List the stored runs of check and review, newest first."""
    from lawcheck import api
    from lawcheck.cli.render import echo_json
    from lawcheck.report.runs import history_text

    runs = api.history(limit=limit, db=obj["db"])
    echo_json(runs) if fmt == "json" else click.echo(history_text(runs))


@click.command()
@click.argument("run_id")
@click.option("--format", "fmt", type=click.Choice(SHOW_FORMATS),
              help="Default: from -o's file name; else the format the run was printed in.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
@FORCE
@click.pass_obj
def show(obj, run_id, fmt, output, force) -> None:
    """Print the report of a stored run again (ids: `lawcheck history`)."""
    from lawcheck import api
    from lawcheck.cli.render import deliver, output_format, prepare_output

    fmt = output_format(output, fmt, SHOW_FORMATS, command="show")
    prepare_output(output, force)
    text, note = api.show_run(run_id, fmt=fmt, db=obj["db"],
                              color=not output and sys.stdout.isatty())
    if note:
        click.echo(note, err=True)
    deliver(text, output, fmt=fmt)


@click.command()
@click.argument("run_id")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The evidence pack to write (a .zip).")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.pass_obj
def export(obj, run_id, output, force) -> None:
    """Write a run's evidence pack: report, cited law texts, rules, manifest with hashes."""
    from lawcheck import api
    from lawcheck.cli.render import output_format
    from lawcheck.outfile import check_output

    output_format(output, None, ("zip",), command="export")
    # the database is never an output; an existing pack needs --force (export checks it)
    check_output(output, db=obj["db"], force=True)
    manifest = api.export_run(run_id, output, force=force, db=obj["db"])
    click.echo(f"wrote {output}: {len(manifest['files']) + 1} files, "
               f"{len(manifest['provisions'])} cited provision versions"
               + ("" if manifest["rules_snapshot"] else "; the rule files of this rule-base "
                  "version were not stored, so they are missing"), err=True)


def _removed(result: dict) -> str:
    if result.get("deleted_file"):
        return (f"the database {result['deleted_file']} was damaged, so it was deleted with its "
                f"runs ({result['freed']} bytes); lawcheck starts a new one on next use")
    whose = f" recorded by {result['by']}" if result.get("by") else ""
    text = (f"removed {result['runs']} run{'s' if result['runs'] != 1 else ''}{whose} and "
            f"{result['findings']} finding{'s' if result['findings'] != 1 else ''}")
    if result["freed"] is not None:
        text += (f"; the database shrank by {result['freed']} bytes "
                 f"({result['bytes_before']} -> {result['bytes_after']})")
    if result.get("unreclaimed"):
        text += ("\nwarning: the space of the deleted runs could not be given back: this "
                 "database role does not own the tables " + ", ".join(result["unreclaimed"])
                 + ". Until their owner runs VACUUM FULL on them, the deleted rows stay "
                 "readable in the server's files.")
    return text


def _describe(preview: dict) -> str:
    """'12 runs (7 by alice, 5 by bob) in postgresql+psycopg://…/team'."""
    if preview.get("damaged"):
        return f"the damaged database ({preview['problem']}): the whole file will be deleted"
    whose = preview["whose"]
    total = sum(whose.values())
    parts = ", ".join(f"{n} by {who or 'an earlier lawcheck (recorder unknown)'}"
                      for who, n in sorted(whose.items(), key=lambda kv: (-kv[1], str(kv[0]))))
    return (f"{total} run{'s' if total != 1 else ''}" + (f" ({parts})" if parts else "")
            + f" in {preview['database']}")


def _confirm(what: str, yes: bool, code: str) -> None:
    from lawcheck.errors import OptionError

    if yes:
        return
    if not sys.stdin.isatty():
        raise OptionError(f"this would delete {what}, and needs confirmation", code=code,
                          fix="run it in a terminal, or add --yes")
    click.confirm(f"Delete {what}, for good?", abort=True)


MINE = click.option("--mine", is_flag=True,
                    help="Only the runs recorded by you (your database role on PostgreSQL, "
                         "your login on SQLite): for a shared database.")


@click.command()
@click.option("--before", metavar="DATE", required=True,
              help="Delete the runs checked before this day (YYYY-MM-DD, UTC).")
@MINE
@click.pass_obj
def purge(obj, before, mine) -> None:
    """Delete old runs for good (their space is overwritten and given back)."""
    from lawcheck import api

    click.echo(_removed(api.purge(before, db=obj["db"], mine=mine)))


@click.command()
@MINE
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def wipe(obj, mine, yes) -> None:
    """Delete every stored run for good (everyone's, unless --mine)."""
    from lawcheck import api

    preview = api.deletion_preview(db=obj["db"], mine=mine)
    _confirm(_describe(preview), yes, "LC415")
    click.echo(_removed(api.wipe(db=obj["db"], mine=mine)))
