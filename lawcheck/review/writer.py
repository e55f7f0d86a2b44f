"""The base of every review writer: it takes ``(statement, report)`` pairs in input order, and
rows that could not be reviewed through :meth:`Writer.bad`."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from lawcheck.outfile import remember
from lawcheck.review.inputs import BadRow, StatementInput


class Writer:
    shows_bad_rows = False
    path: str | None = None  # the file written, when the writer owns one

    def __init__(self, out: IO[str], owns: bool = False) -> None:
        self.out, self.owns = out, owns

    def write(self, item: StatementInput, report: dict) -> None:
        raise NotImplementedError

    def bad(self, row: BadRow) -> None:
        """A row that could not be reviewed; only writers that show them override this."""

    def close(self) -> None:
        self.out.flush()
        if self.owns:
            self.out.close()
            if self.path:
                remember(Path(self.path))  # so the next run may replace its own output

    def abort(self) -> None:
        """The batch failed: keep what is whole (a resumable file), or nothing (a page)."""
        discard = getattr(self.out, "discard", None)
        if self.owns and discard is not None:
            discard()
        else:
            self.close()
