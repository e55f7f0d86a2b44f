"""What every CLI command that prints or writes shares: the output format from ``-o FILE``'s
extension (the registry in lawcheck.report.formats), ``--force``, writing a file safely, and
JSON. The text renderings themselves are in lawcheck.report (corpus, rules, the reports)."""

from __future__ import annotations

import json

import click

def output_format(output: str | None, fmt: str | None, formats, *, command: str,
                  hints: dict[str, str] | None = None) -> str | None:
    """The format to write ``output`` in: ``--format`` when given, else the one its extension
    names (the registry in lawcheck.report.formats). An extension the command cannot write is
    refused here, before any work (exit 2), with the extensions it can write; ``hints`` says
    what to do instead for some (".pdf"). Returns ``fmt`` (perhaps None: the command's own
    default) when there is no file or no extension."""
    from pathlib import PurePath

    from lawcheck.errors import OptionError, Where
    from lawcheck.report.formats import extensions, format_of

    if not output:
        return fmt
    suffix = PurePath(str(output)).suffix.lower()
    if not suffix:
        return fmt
    wanted = format_of(output)
    if wanted in formats and suffix not in (hints or {}):
        return fmt or wanted
    can = ", ".join(extensions(formats, leave_out=hints or {}))
    raise OptionError(
        f"`lawcheck {command}` cannot write a {suffix} file", code="LC228",
        where=Where(str(output)),
        fix=(hints or {}).get(suffix) or f"name the output with one of the extensions it "
        f"writes: {can}")


#: ``--force`` for every command that writes ``-o FILE`` (see lawcheck.outfile).
FORCE = click.option("--force", is_flag=True,
                     help="Replace -o FILE even when lawcheck did not write it (never the "
                          "database).")


def prepare_output(output: str | None, force: bool = False) -> None:
    """Refuse ``output`` before any work: the database or its -wal/-shm/-journal files, a
    folder, or an existing file lawcheck did not write (without ``force``)."""
    if not output:
        return
    from lawcheck.outfile import check_output

    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    check_output(output, db=(obj or {}).get("db"), force=force)


def deliver(text: str, output: str | None, *, newline: str | None = None,
            fmt: str | None = None) -> None:
    """Print ``text``, or write it to ``output`` and say so on stderr: through a 0600
    temporary file renamed into place (reports quote plans and statements; a full disk or a
    kill never leaves half a file). ``newline=""`` keeps CR LF line ends (.ics)."""
    if output:
        from lawcheck.outfile import atomic
        from lawcheck.report.formats import FORMATS

        # a file read in a terminal (cat, less) shows control characters as the screen does;
        # in JSON a \uXXXX inside a string is the same character, so the data is unchanged
        if fmt in FORMATS and FORMATS[fmt].shown:
            from lawcheck.report.safe import visible

            text = visible(text)
        with atomic(output, newline=newline) as fh:
            fh.write(text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def echo_json(value) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False))
