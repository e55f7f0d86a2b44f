"""Batch review: statements from :mod:`inputs` through :func:`parallel.ordered_map`, as
:class:`Reviewed` pairs in input order (:func:`reviewed`); :func:`write_reviews` writes such
pairs into every writer of :mod:`outputs` and returns the counts the CLI prints.

The library (``lawcheck.api.review``) returns the pairs; the CLI and the web page write them.
:func:`run_batch` does both at once, for callers that hold a reviewer spec and writers.
"""

from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

from lawcheck.review.inputs import BadRow
from lawcheck.review.parallel import ordered_map


class Reviewed(NamedTuple):
    """One row of a batch: a statement and its report (SPEC §5), or a row that could not be
    read (a :class:`BadRow`, with ``report`` None: it was not reviewed)."""

    item: object
    report: dict | None

    @property
    def bad(self) -> bool:
        return isinstance(self.item, BadRow)


class Skipping:
    """The items whose ids are not in ``skip_ids`` (what a resumed run already wrote); counts
    those left out in ``count``. Bad rows always pass: they are named again."""

    def __init__(self, items: Iterable, skip_ids=frozenset()) -> None:
        self.items, self.skip_ids, self.count = items, skip_ids, 0

    def __iter__(self) -> Iterator:
        for item in self.items:
            if self.skip_ids and not isinstance(item, BadRow) and item.id in self.skip_ids:
                self.count += 1
            else:
                yield item


def reviewed(items: Iterable, spec, *, jobs: int = 1, chunk: int = 64,
             transform=None) -> Iterator[Reviewed]:
    """Review every statement of ``items`` (in ``jobs`` processes); yield :class:`Reviewed` in
    input order. ``transform(item, report)`` returns the report to hand on (the audit trail's
    copy, which carries the run id)."""
    for item, report in ordered_map(spec, items, jobs=jobs, chunk=chunk):
        if report is not None and transform is not None:
            report = transform(item, report)
        yield Reviewed(item, report)


def write_reviews(results: Iterable, writers: list, *, progress=None) -> dict:
    """Write ``(item, report)`` pairs (bad rows with report None) into every writer; return
    the summary counts, with ``skipped`` and ``run`` when ``results`` knows them (the
    iterator ``lawcheck.api.review`` returns). Writers are closed whatever happens, so a failed
    run leaves whole records; the results are closed too (their worker processes stop)."""
    from lawcheck.review.outputs import SummaryWriter

    summary = SummaryWriter()
    try:
        for item, report in results:
            if report is None:
                summary.bad(item)
                for writer in writers:
                    if writer.shows_bad_rows:
                        writer.bad(item)
            else:
                summary.write(item, report)
                for writer in writers:
                    writer.write(item, report)
            if progress is not None:
                progress.tick(bad=report is None)
    except BaseException:
        _close(writers, progress, quiet=True)  # the first error is the one to report
        raise
    finally:
        if hasattr(results, "close"):
            results.close()
    _close(writers, progress)
    counts = summary.result() | {"skipped": getattr(results, "skipped", 0)}
    run = getattr(results, "run", None)
    return counts | {"run": run} if run else counts


def run_batch(items: Iterable, spec, writers: list, *, jobs: int = 1,
              skip_ids=frozenset(), progress=None, chunk: int = 64,
              transform=None) -> dict:
    """Review every item not in ``skip_ids`` (ids a resumed run already wrote) and write the
    reports; return the summary counts."""
    wanted = Skipping(items, skip_ids)
    counts = write_reviews(reviewed(wanted, spec, jobs=jobs, chunk=chunk, transform=transform),
                           writers, progress=progress)
    return counts | {"skipped": wanted.count}


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
