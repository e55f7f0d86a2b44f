"""The command line: a thin click layer over :mod:`lawcheck.api`.

Commands parse options, call one API function, render the result and map errors to exit codes
(SPEC §6). Nothing heavy is imported here: ``lawcheck --help`` loads click and this package only.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import traceback

import click

from lawcheck import __version__
from lawcheck.errors import EXIT_INTERNAL, LawcheckError


class LawcheckGroup(click.Group):
    """A group that turns lawcheck errors into messages and exit codes, never tracebacks."""

    def invoke(self, ctx: click.Context):
        from lawcheck.report.safe import VisibleStream

        # one place for every word lawcheck prints: a control character from a plan, a
        # statement, a file name or a law text is shown, never obeyed by the terminal
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = VisibleStream(sys.stdout), VisibleStream(sys.stderr)
        try:
            return self._invoke(ctx)
        finally:
            sys.stdout, sys.stderr = saved

    def _invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LawcheckError as exc:
            click.echo(exc.render(), err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            fault = _fault(exc)
            if fault is not None:  # the machine, not lawcheck: say what to do, exit 2
                click.echo(fault.render(), err=True)
                ctx.exit(fault.exit_code)
            # a bug: say so briefly, keep the details in the log. Only the exception's class
            # is printed: a database error's text holds the SQL and its parameters (statement
            # ids, paths, report JSON), which do not belong on a shared terminal
            where = _log(exc)
            click.echo(f"error LC900: internal error ({exc.__class__.__name__}); this is a bug "
                       f"in lawcheck. Details (private, 0600): {where}", err=True)
            ctx.exit(EXIT_INTERNAL)


#: errno values that mean the machine refused the write, not that lawcheck failed.
_FULL = {"ENOSPC", "EDQUOT", "EFBIG"}
_READ_ONLY = {"EROFS", "EACCES", "EPERM"}
#: SQLite's words for the same faults (sqlite3.OperationalError, wrapped by SQLAlchemy).
_SQLITE_FAULTS = (("database or disk is full", "LC422", "the disk holding the database is full"),
                  ("attempt to write a readonly database", "LC423",
                   "the database file or its folder is read-only"),
                  ("unable to open database file", "LC423",
                   "the database file or its folder cannot be opened for writing"))


def _fault(exc: BaseException):
    """A LawcheckError for a fault of the machine (disk full, read-only file or mount), or None.

    A full disk or a read-only mount is not damage: the message must not tell the user to
    restore a backup, and nothing half-written is kept (writes go to a temporary file first)."""
    import errno

    from lawcheck.errors import OutputError

    seen = exc
    for _ in range(4):  # the OSError may be wrapped (SQLAlchemy keeps it as .orig)
        if isinstance(seen, OSError) and seen.errno is not None:
            name = errno.errorcode.get(seen.errno, "")
            target = seen.filename or "the output"
            if name in _FULL:
                return OutputError(f"cannot write {target}: no space left on the device",
                                   code="LC422", fix="free some space (or write -o elsewhere) "
                                   "and run the command again")
            if name in _READ_ONLY:
                return OutputError(f"cannot write {target}: the file or its folder is "
                                   "read-only or not yours", code="LC423",
                                   fix="write somewhere you may write (-o, --db or "
                                       "LAWCHECK_DB), or fix the permissions")
        text = str(seen).splitlines()[0] if str(seen) else ""
        for sign, code, what in _SQLITE_FAULTS:
            if sign in text:
                return OutputError(f"cannot write the database: {what}", code=code,
                                   fix="free space or make the database writable (or point "
                                       "--db at another file) and run again; the database is "
                                       "not damaged and nothing half-written was kept")
        seen = getattr(seen, "orig", None) or seen.__cause__ or seen.__context__
        if seen is None:
            break
    return None


def _log(exc: BaseException) -> str:
    from lawcheck.settings import log_path, private_dir

    text = "".join(traceback.format_exception(exc))
    try:
        path = log_path()
        private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:  # the log may name private files
            fh.write(text + "\n")
        return str(path)
    except OSError:
        sys.stderr.write(text)
        return "printed above"


@click.group(cls=LawcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawcheck")
@click.option("--db", metavar="URL", envvar="LAWCHECK_DB", show_envvar=True,
              help="Database: a SQLAlchemy URL or a SQLite file path "
                   "(default: lawcheck.db in your data folder).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Check NGO activity plans and statements against Cambodian law, offline.

    Nothing you give lawcheck leaves this machine.
    """
    ctx.obj = {"db": db}


from lawcheck.cli.calendar import calendar  # noqa: E402  (registers after the group exists)
from lawcheck.cli.check import check  # noqa: E402
from lawcheck.cli.corpus import corpus  # noqa: E402
from lawcheck.cli.plan import plan  # noqa: E402
from lawcheck.cli.precedents import precedents  # noqa: E402
from lawcheck.cli.review import review  # noqa: E402
from lawcheck.cli.serve import serve  # noqa: E402
from lawcheck.cli.rules import explain, rules  # noqa: E402
from lawcheck.cli.history import export, history, purge, show, wipe  # noqa: E402

cli.add_command(calendar)
cli.add_command(check)
cli.add_command(corpus)
cli.add_command(plan)
cli.add_command(precedents)
cli.add_command(review)
cli.add_command(serve)
cli.add_command(rules)
cli.add_command(explain)
for _command in (history, show, export, purge, wipe):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    faulthandler.enable()
    cli.main(args=argv, prog_name="lawcheck")
