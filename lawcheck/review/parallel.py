"""Run a reviewer over a stream of statements in worker processes, keeping input order and memory
bounded.

:func:`ordered_map` yields ``(item, report)`` in input order; a :class:`BadRow` passes straight
through as ``(row, None)`` without reaching a worker.

Why not ``multiprocessing.Pool``: ``Pool.imap`` feeds the input from a thread that drains it as
fast as it can, so a million-row file would end up in memory. Here the parent hands out chunks
itself and keeps at most ``window`` of them between "read from the input" and "yielded to the
caller" — finished or not — so the input is pulled only as fast as results are consumed.

Why ``spawn``: each worker builds its own reviewer (spaCy pipeline, durable_rules host) after
it starts, never inheriting one. ``fork`` starts faster, but would copy whatever the parent holds
at that moment — open SQLAlchemy connections to the same SQLite file, durable_rules' timer
threads and C state — which is unsafe in a child. A spawned worker pays its imports once (a
fraction of a second, in parallel); a batch large enough to want workers runs for much longer.
``start_method`` lets a benchmark compare.

Errors: an exception in a worker is sent back with its traceback text and raised in the parent
as :class:`WorkerError` whose ``__cause__`` carries that text, so the CLI's error log shows it
while the screen shows one line. A lawcheck error (bad input, exit 2) keeps its class. Workers
ignore Ctrl-C; the parent stops them, so no process outlives the batch.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import traceback
from itertools import islice
from typing import Iterable, Iterator

from lawcheck.errors import LawcheckError
from lawcheck.review.inputs import BadRow

_POLL = 0.5        # seconds between checks that every worker is still alive
_STOP_GRACE = 5.0  # seconds a worker has to finish after being told to stop


class WorkerError(RuntimeError):
    """A reviewer failed in a worker process: a bug, reported as an internal error (exit 3)."""

    def __init__(self, message: str, traceback_text: str = "") -> None:
        super().__init__(message)
        self.traceback_text = traceback_text


class RemoteTraceback(Exception):
    """The worker's traceback, attached as ``__cause__`` so error logs print it."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0]) if self.args else ""


def ordered_map(spec, items: Iterable, *, jobs: int, chunk: int = 64,
                window: int | None = None, start_method: str = "spawn") -> Iterator[tuple]:
    """Yield ``(item, spec.build().review(item))`` for each item, in input order."""
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    if jobs <= 1:
        return _in_process(spec, items)
    return _in_workers(spec, iter(items), jobs, chunk, window or 2 * jobs, start_method)


def _in_process(spec, items) -> Iterator[tuple]:
    reviewer = None
    for item in items:
        if isinstance(item, BadRow):
            yield item, None
            continue
        if reviewer is None:
            reviewer = spec.build()  # lazily: an input of bad rows only never loads the model
        yield item, reviewer.review(item)


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    """Lists of up to ``size`` statements, plus the bad rows met along the way."""
    while True:
        batch, statements = [], 0
        for item in items:
            batch.append(item)
            if not isinstance(item, BadRow):
                statements += 1
                if statements == size:
                    break
        if not batch:
            return
        yield batch


def _in_workers(spec, items, jobs, chunk, window, start_method) -> Iterator[tuple]:
    context = multiprocessing.get_context(start_method)
    tasks, results = context.Queue(), context.Queue()
    workers = [context.Process(target=_work, args=(spec, tasks, results, os.getpid()),
                               daemon=True, name=f"lawcheck-review-{n}") for n in range(jobs)]
    for worker in workers:
        worker.start()
    clean = False
    try:
        source = _chunks(items, chunk)
        held: dict[int, list] = {}      # sequence -> chunk, from read until yielded
        done: dict[int, list] = {}      # sequence -> reports, finished but not yet yielded
        sent = next_out = 0
        for batch in islice(source, window):
            _send(tasks, held, sent, batch)
            sent += 1
        while next_out < sent:
            seq, reports = _receive(results, workers)
            done[seq] = reports
            while next_out in done:
                batch, reports = held.pop(next_out), iter(done.pop(next_out))
                next_out += 1
                refill = next(source, None)  # read the next chunk before the caller pauses
                if refill is not None:
                    _send(tasks, held, sent, refill)
                    sent += 1
                for item in batch:
                    yield (item, None) if isinstance(item, BadRow) else (item, next(reports))
        clean = True
    finally:
        _stop(workers, tasks, results, clean)


def _send(tasks, held: dict, seq: int, batch: list) -> None:
    held[seq] = batch
    tasks.put((seq, [item for item in batch if not isinstance(item, BadRow)]))


def _receive(results, workers):
    while True:
        try:
            seq, status, payload = results.get(timeout=_POLL)
        except queue.Empty:
            dead = [w for w in workers if not w.is_alive()]
            if dead:
                raise WorkerError(f"review worker {dead[0].name} stopped unexpectedly (exit code "
                                  f"{dead[0].exitcode}: killed, crashed or out of memory)")
            continue
        if status == "ok":
            return seq, payload
        _raise_remote(payload)


def _raise_remote(payload) -> None:
    what, error, text = payload
    cause = RemoteTraceback(text)
    if error is not None:
        raise error from cause
    raise WorkerError(f"reviewing {what} failed in a worker process", text) from cause


def _stop(workers, tasks, results, clean: bool) -> None:
    if clean:
        for _ in workers:
            tasks.put(None)
        for worker in workers:
            worker.join(_STOP_GRACE)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join()
    for q in (tasks, results):
        q.cancel_join_thread()  # a worker killed mid-put must not make the parent hang at exit
        q.close()


# --- the worker side ---------------------------------------------------------------------------

def _work(spec, tasks, results, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C stops
    _die_with(parent)
    what = "building the reviewer"
    try:
        reviewer = spec.build()
        while (task := tasks.get()) is not None:
            seq, statements = task
            reports = []
            for statement in statements:
                what = f"statement {statement.id!r} ({statement.source})"
                reports.append(reviewer.review(statement))
            results.put((seq, "ok", reports))
    except BaseException as exc:  # noqa: BLE001 - everything must reach the parent
        text = "".join(traceback.format_exception(exc))
        results.put((-1, "error", (what, _portable(exc), text)))


def _die_with(parent: int) -> None:
    """End this worker when the parent ends, however it ends (SIGKILL, SIGTERM, SIGHUP).

    A worker holds statements in memory (about 135 MB with its model); orphaned, it would sit
    blocked on its task queue for minutes. On Linux the kernel sends SIGKILL when the parent
    dies (PR_SET_PDEATHSIG); elsewhere, and against the race where the parent died before that
    was set, a daemon thread watches the parent's pid once a second."""
    import ctypes
    import ctypes.util
    import threading
    import time

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the watchdog below does it

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="lawcheck-parent-watch", daemon=True).start()


def _portable(exc: BaseException):
    """A lawcheck error rebuilt for the parent, or None (the parent raises WorkerError)."""
    if not isinstance(exc, LawcheckError):
        return None
    try:
        copy = type(exc)(exc.what, fix=exc.fix, where=exc.where, code=exc.code)
    except TypeError:  # a subclass with another constructor: report it as a bug instead
        return None
    return _Rebuild(type(exc), exc.what, exc.fix, exc.where, copy.code)


class _Rebuild:
    """Pickles a LawcheckError by its fields (its keyword-only constructor defeats pickle)."""

    def __init__(self, cls, what, fix, where, code) -> None:
        self.fields = (cls, what, fix, where, code)

    def __reduce__(self):
        return _rebuild, self.fields


def _rebuild(cls, what, fix, where, code):
    return cls(what, fix=fix, where=where, code=code)
