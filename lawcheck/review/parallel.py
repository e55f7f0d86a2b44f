"""Run a reviewer over a stream of statements in worker processes, keeping input order and memory
bounded.

:func:`ordered_map` yields ``(item, report)`` in input order; a :class:`BadRow` passes straight
through as ``(row, None)`` without reaching a worker.

Chunks (issue 13, speed): in one process the input is read ``AHEAD`` statements at a time, and a
worker gets its statements as a chunk; either way the reviewer's ``prepare`` (when it has one)
sees the chunk before its first report, so work that is cheaper for many statements at once (the
learned signal's scores, the rules engine's new fact sets: lawcheck.review.reviewer) is done
together. The reports are the same as one at a time; an error met while reading ahead is raised
after the statements read before it have been handed on.

The workers are a :class:`concurrent.futures.ProcessPoolExecutor`. It is never handed the whole
input (``Executor.map`` submits every item at once, so a million-row file would end up in
memory): the parent submits chunks itself and keeps a window of at most ``window`` futures —
finished or not — between "read from the input" and "yielded to the caller", waiting on the
oldest one first. The input is so pulled only as fast as results are consumed, and the results
come back in input order.

Why ``spawn``: each worker builds its own reviewer (spaCy pipeline, durable_rules host) on its
first chunk, never inheriting one. ``fork`` starts faster, but would copy whatever the parent
holds at that moment — open SQLAlchemy connections to the same SQLite file, durable_rules' timer
threads and C state — which is unsafe in a child. A spawned worker pays its imports once (a
fraction of a second, in parallel); a batch large enough to want workers runs for much longer.
``start_method`` lets a benchmark compare.

Errors: a worker catches everything its reviewer raises and sends it back as a value, with its
traceback text (a lawcheck error's keyword-only constructor defeats pickle, which would break the
pool); the parent raises :class:`WorkerError` whose ``__cause__`` carries that text, so the CLI's
error log shows it while the screen shows one line. A lawcheck error (bad input, exit 2) keeps
its class. A worker that dies (killed, out of memory) breaks the pool; that is a WorkerError
naming its exit code. Workers ignore Ctrl-C; the parent stops them, so no process outlives the
batch.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import time
import traceback
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from lawcheck.errors import LawcheckError
from lawcheck.review.inputs import BadRow

_STOP_GRACE = 5.0  # seconds the pool's processes have to end once stopped
_REAP_LOOKS, _REAP_PAUSE = 20, 0.05  # up to a second for an exit code being stored (_died)


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


# statements read ahead in one process, so the learned signal scores them together
# (Reviewer.prepare; issue 13, speed)
AHEAD = 128


def _in_process(spec, items) -> Iterator[tuple]:
    reviewer = None
    source = iter(items)
    while True:
        batch, error = _read_ahead(source, AHEAD)
        statements = [item for item in batch if not isinstance(item, BadRow)]
        if statements:
            if reviewer is None:
                reviewer = spec.build()  # lazily: an input of bad rows only never loads it
            prepare = getattr(reviewer, "prepare", None)  # a reviewer may work one at a time
            if prepare is not None:
                with _heap_frozen() as frozen:
                    if frozen:
                        # each statement read is hidden too (gc.freeze again), so the
                        # collections the rest of the chunk triggers do not scan the chunk's
                        # readings again and again; then one young collection takes the rules
                        # engine's reference cycles (durable_rules' callbacks) made by the
                        # chunk before they reach the oldest generation: 0.05-0.11 s of
                        # collection per 20,000 statements became about 0.01, and the cyclic
                        # garbage left to the oldest generation fell from about 13,700 objects
                        # to 3,500 (issue 13, speed and memory)
                        prepare(statements, hide=gc.freeze)
                        gc.collect(0)
                    else:
                        prepare(statements)
        for item in batch:
            if isinstance(item, BadRow) or reviewer is None:  # None: a chunk of bad rows only
                yield item, None
                continue
            with _heap_frozen():
                report = reviewer.review(item)
            yield item, report
        if error is not None:
            raise error
        if len(batch) < AHEAD:
            return


def _read_ahead(source: Iterator, size: int) -> tuple[list, Exception | None]:
    """Up to ``size`` items, and the error that stopped reading them, if one did: raised only
    after the items read before it have been reviewed and handed on, as without reading
    ahead (a row that fails to read halfway through a file)."""
    batch: list = []
    try:
        for item in source:
            batch.append(item)
            if len(batch) == size:
                break
    except Exception as error:  # noqa: BLE001 - raised again by the caller, in its place
        return batch, error
    return batch, None


@contextmanager
def _heap_frozen():
    """Hide every object alive now (the rule base, the spaCy pipeline, the precedents: some
    180,000 objects) from the cyclic garbage collector for the duration of the block. A review
    makes many short-lived containers, and each full collection they trigger would walk that
    whole heap again: about 7% of an in-process review, and most of the time spent unpickling
    the workers' reports (0.27-0.42 s per 6,400 reports with the collector, 0.05 s without).
    Objects are still freed by reference counting, and the block hands them all back
    (``gc.unfreeze``, constant time), so the block must never span a ``yield``: a generator
    left unfinished in a reference cycle would keep the heap frozen for good. Left alone when
    the collector is off or something else froze objects already. Yields whether it froze."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield False
        return
    gc.freeze()
    try:
        yield True  # the block may freeze more (gc.freeze): the end unfreezes it all
    finally:
        gc.unfreeze()


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
    pool = ProcessPoolExecutor(max_workers=jobs,
                               mp_context=multiprocessing.get_context(start_method),
                               initializer=_start_worker, initargs=(spec, os.getpid()))
    seen: dict = {}  # pid -> Process, to name the one that died (the pool forgets them)
    clean = False
    try:
        source = _chunks(items, chunk)
        pending: deque = deque()  # (chunk, future), oldest first: at most ``window`` of them

        def submit(batch: list) -> None:
            statements = [item for item in batch if not isinstance(item, BadRow)]
            try:
                future = pool.submit(_review_chunk, statements) if statements else None
            except BrokenProcessPool:  # a worker died since the last result was read
                raise _died(seen) from None
            pending.append((batch, future))
            seen.update(getattr(pool, "_processes", None) or {})

        for batch in source:
            submit(batch)
            if len(pending) >= window:
                break
        while pending:
            batch, future = pending.popleft()
            reports = iter(_result(future, seen) if future is not None else ())
            refill = next(source, None)  # read the next chunk before the caller pauses
            if refill is not None:
                submit(refill)
            for item in batch:
                yield (item, None) if isinstance(item, BadRow) else (item, next(reports))
        clean = True
    finally:
        _stop(pool, seen, clean)


def _result(future, seen: dict) -> list:
    try:
        status, payload = future.result()
    except BrokenProcessPool:
        raise _died(seen) from None
    if status == "ok":
        with _heap_frozen():
            return pickle.loads(payload)  # pickled by the worker: see _review_chunk
    what, error, text = payload
    cause = RemoteTraceback(text)
    if error is not None:
        raise error from cause
    raise WorkerError(f"reviewing {what} failed in a worker process", text) from cause


def _died(seen: dict) -> WorkerError:
    """The error for a pool broken by a worker that ended: the first one that did not end by
    the pool's own hand (it terminates the others once one is gone)."""
    processes = list(seen.values())
    for process in processes:
        process.join(_STOP_GRACE)
    # The pool's own thread reaps its processes too. When it waits on one at the same moment,
    # this side's wait finds nothing to reap and reads no exit code until that thread has
    # stored it, a moment later; without the second look, the worker that died was missed and a
    # sibling the pool terminated was named instead (seen once in CI under load).
    for _ in range(_REAP_LOOKS):
        if all(p.exitcode is not None for p in processes):
            break
        time.sleep(_REAP_PAUSE)
    ended = [p for p in processes if p.exitcode is not None]
    dead = next((p for p in ended if p.exitcode != -signal.SIGTERM), ended[0] if ended else None)
    code = dead.exitcode if dead is not None else "unknown"
    name = f" {dead.name}" if dead is not None else ""
    return WorkerError(f"review worker{name} stopped unexpectedly (exit code {code}: killed, "
                       "crashed or out of memory)")


def _stop(pool, seen: dict, clean: bool) -> None:
    if clean:
        pool.shutdown(wait=True)
        return
    # an error or Ctrl-C in the parent: running chunks are killed, the others dropped. The
    # pool's own thread reaps the processes (it sees them end); waiting for it means none is
    # left half-reaped, still listed as a child, when this returns.
    processes = list({**seen, **(getattr(pool, "_processes", None) or {})}.values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in processes:
        process.join(_STOP_GRACE)
        if process.is_alive():
            process.kill()
            process.join()


# --- the worker side ---------------------------------------------------------------------------

_SPEC: list = []      # this worker's spec, then its reviewer once built


def _start_worker(spec, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C stops
    _die_with(parent)
    _SPEC[:] = [spec, None]


def _review_chunk(statements: list) -> tuple:
    """("ok", reports) or ("error", (what failed, a portable lawcheck error or None, its
    traceback)): an exception never leaves the worker as such (see the module docstring)."""
    what = "building the reviewer"
    try:
        spec, reviewer = _SPEC
        if reviewer is None:
            reviewer = _SPEC[1] = spec.build()
            gc.freeze()  # for good: this process is ours (see _heap_frozen)
        what = "scoring the chunk's learned signal"
        prepare = getattr(reviewer, "prepare", None)  # a reviewer may work one at a time
        if prepare is not None:
            prepare(statements)
        reports = []
        for statement in statements:
            what = f"statement {statement.id!r} ({statement.source})"
            reports.append(reviewer.review(statement))
        # pickled here, so that the parent unpickles them itself, with its heap hidden from
        # the collector (the pool's own thread would unpickle them with the collector on)
        return "ok", pickle.dumps(reports, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # noqa: BLE001 - everything must reach the parent
        text = "".join(traceback.format_exception(exc))
        return "error", (what, _portable(exc), text)


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
