"""Batch review: statements from :mod:`inputs` through :func:`parallel.ordered_map` into every
writer of :mod:`outputs`, with counts returned for the CLI to print."""

from __future__ import annotations

from typing import Iterable

from lawcheck.review.inputs import BadRow
from lawcheck.review.outputs import SummaryWriter, Writer
from lawcheck.review.parallel import ordered_map
from lawcheck.review.progress import Progress


def run_batch(items: Iterable, spec, writers: list[Writer], *, jobs: int = 1,
              skip_ids=frozenset(), progress: Progress | None = None, chunk: int = 64,
              transform=None) -> dict:
    """Review every item not in ``skip_ids`` (ids a resumed run already wrote); return the
    summary counts. Writers are closed whatever happens, so a failed run leaves whole records.
    ``transform(item, report)`` returns the report to write (the audit trail's copy, which
    carries the run id)."""
    summary = SummaryWriter()
    skipped = [0]

    def wanted():
        for item in items:
            if not isinstance(item, BadRow) and item.id in skip_ids:
                skipped[0] += 1
            else:
                yield item

    try:
        for item, report in ordered_map(spec, wanted(), jobs=jobs, chunk=chunk):
            if isinstance(item, BadRow):
                summary.bad(item)
                for writer in writers:
                    if writer.shows_bad_rows:
                        writer.bad(item)
            else:
                if transform is not None:
                    report = transform(item, report)
                summary.write(item, report)
                for writer in writers:
                    writer.write(item, report)
            if progress is not None:
                progress.tick(bad=isinstance(item, BadRow))
    except BaseException:
        _close(writers, progress, quiet=True)  # the first error is the one to report
        raise
    _close(writers, progress)
    return summary.result() | {"skipped": skipped[0]}


def _close(writers, progress, quiet: bool = False) -> None:
    """Close all, even when one fails; the first failure is raised after the others closed."""
    failure = None
    for writer in writers:
        try:
            # a failed batch aborts: a resumable file keeps its whole records, a page or a
            # workbook is not written at all (see Writer.abort)
            (getattr(writer, "abort", writer.close) if quiet else writer.close)()
        except Exception as exc:  # noqa: BLE001 - re-raised below
            failure = failure or exc
    if progress is not None:
        progress.close()
    if failure is not None and not quiet:
        raise failure
