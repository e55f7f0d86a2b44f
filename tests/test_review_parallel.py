"""Ordered parallel review: input order kept, input pulled lazily, worker failures surfaced, no
process left behind; the batch driver and the progress line."""

from __future__ import annotations

import io
import json
import multiprocessing
import re
import time
import traceback

import pytest

from lawcheck.errors import InputError
from lawcheck.review.batch import run_batch
from lawcheck.review.inputs import BadRow, StatementInput
from lawcheck.review.outputs import open_writer
from lawcheck.review.parallel import RemoteTraceback, WorkerError, ordered_map
from lawcheck.review.progress import Progress
from tests.review_fake import FakeSpec, fake_report


def statements(count: int, bad_every: int = 0):
    for i in range(count):
        if bad_every and i % bad_every == 0:
            yield BadRow("s.csv", i + 2, None, "LC268", "no id")
        else:
            yield StatementInput(id=f"s{i}", text=f"we march {i}", source="s.csv", line=i + 2)


@pytest.fixture(autouse=True)
def no_orphans():
    yield
    assert multiprocessing.active_children() == []


def test_two_workers_keep_input_order_when_chunks_finish_out_of_order():
    items = list(statements(60, bad_every=7))
    # s1 is in the first chunk and slow, so the second chunk finishes first
    results = list(ordered_map(FakeSpec(slow_ids=("s1",)), items, jobs=2, chunk=4))
    assert [item for item, _ in results] == items
    for item, report in results:
        if isinstance(item, BadRow):
            assert report is None
        else:
            assert report == fake_report(item)


def test_one_job_runs_in_process_with_the_same_results():
    items = list(statements(20, bad_every=5))
    assert list(ordered_map(FakeSpec(), items, jobs=1)) == \
        list(ordered_map(FakeSpec(), items, jobs=2, chunk=3))


def test_the_input_is_not_drained_ahead_of_the_consumer():
    pulled = [0]

    def source():
        for item in statements(1000):
            pulled[0] += 1
            yield item

    results = ordered_map(FakeSpec(), source(), jobs=2, chunk=4, window=2)
    first = next(results)
    time.sleep(0.3)  # an eager feeder thread would keep pulling while the consumer pauses
    assert first[0].id == "s0"
    assert pulled[0] <= 3 * 4  # the window's chunks plus the one refilled before yielding
    results.close()  # stopping early stops the workers (checked by no_orphans)


def test_a_worker_exception_surfaces_with_its_traceback_and_stops_the_pool():
    with pytest.raises(WorkerError) as caught:
        list(ordered_map(FakeSpec(fail_on="s13"), statements(40), jobs=2, chunk=4))
    error = caught.value
    assert "'s13'" in str(error)
    assert isinstance(error.__cause__, RemoteTraceback)
    logged = "".join(traceback.format_exception(error))  # what the CLI writes to its log
    assert "ValueError: fake failure on s13" in logged and "review_fake.py" in logged


def test_a_lawcheck_error_in_a_worker_keeps_its_class_and_exit_code():
    with pytest.raises(InputError) as caught:
        list(ordered_map(FakeSpec(refuse_on="s3"), statements(10), jobs=2, chunk=2))
    assert caught.value.code == "LC269" and caught.value.exit_code == 2
    assert caught.value.where.file == "s.csv" and caught.value.where.line == 5


def test_a_reviewer_that_cannot_be_built_and_a_worker_that_dies_are_errors():
    with pytest.raises(WorkerError, match="building the reviewer"):
        list(ordered_map(FakeSpec(fail_build=True), statements(10), jobs=2, chunk=2))
    with pytest.raises(WorkerError, match="stopped unexpectedly.*exit code 7"):
        list(ordered_map(FakeSpec(exit_on="s5"), statements(40), jobs=2, chunk=2))


def test_an_interrupt_in_the_parent_stops_every_worker():
    def source():
        yield from statements(30)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(ordered_map(FakeSpec(delay=0.01), source(), jobs=2, chunk=4))


def test_run_batch_skips_resumed_ids_and_sends_bad_rows_only_to_writers_that_show_them(tmp_path):
    jsonl, html = io.StringIO(), tmp_path / "out.html"
    summary = run_batch(statements(12, bad_every=5), FakeSpec(),
                        [open_writer("jsonl", stream=jsonl), open_writer("html", str(html))],
                        jobs=2, chunk=2, skip_ids={"s1", "s2"})
    ids = [json.loads(line)["subject"]["id"] for line in jsonl.getvalue().splitlines()]
    assert ids == ["s3", "s4", "s6", "s7", "s8", "s9", "s11"]
    assert summary["statements"] == 7 and summary["bad_rows"] == 3 and summary["skipped"] == 2
    page = html.read_text()
    assert page.count("<li>s.csv:") == 3 and page.endswith("</html>\n")


def test_run_batch_closes_writers_when_a_review_fails(tmp_path):
    path = tmp_path / "out.jsonl"
    writer = open_writer("jsonl", str(path))
    with pytest.raises(WorkerError):
        run_batch(statements(30), FakeSpec(fail_on="s20"), [writer], jobs=2, chunk=4)
    assert writer.out.closed
    lines = path.read_text().splitlines()
    assert [json.loads(line)["subject"]["id"] for line in lines] == [f"s{i}" for i in range(20)]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_count_and_rate_on_a_terminal_only():
    now, read = [100.0], [0]
    tty, pipe = Terminal(), io.StringIO()
    for stream in (tty, pipe):
        read[0] = 0
        progress = Progress(stream, total_bytes=1000, position=lambda: read[0],
                            clock=lambda: now[0])
        for _ in range(50):
            now[0] += 0.1
            read[0] += 5
            progress.tick()
        progress.tick(bad=True)
        progress.close()
    assert pipe.getvalue() == ""  # a pipe or a log file gets no cursor movements at all
    last = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", tty.getvalue()).split("\r")[-1]
    # 250 of 1000 bytes read in 5 s: a quarter done, about 15 s left (rich's own estimate)
    assert re.match(r"51 statements, 10/s, 1 bad rows \S+ +25% about 0:00:1[56]\n$", last), last
    assert tty.getvalue().endswith("\n\x1b[?25h")  # the line ends, the cursor comes back


def test_progress_without_a_size_shows_count_and_rate_only():
    now = [0.0]
    tty = Terminal()
    progress = Progress(tty, clock=lambda: now[0])
    for _ in range(8):
        now[0] += 0.25
        progress.tick()
    progress.close()
    last = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", tty.getvalue()).split("\r")[-1]
    assert last == "8 statements, 4/s\n"


def test_the_worker_that_died_is_named_even_when_its_exit_code_shows_late():
    """The pool's thread may be reaping the dead worker while the error is made: its exit code
    reads as unknown for a moment. The error must still name it, not the sibling the pool
    terminated (CI once reported 'exit code -15' for a worker that exited with 7)."""
    import signal

    from lawcheck.review.parallel import _died

    class Late:
        def __init__(self, name, code, unknown_for):
            self.name, self.code, self.unknown_for = name, code, unknown_for

        def join(self, timeout=None):
            pass

        @property
        def exitcode(self):
            if self.unknown_for:
                self.unknown_for -= 1
                return None
            return self.code

    seen = {1: Late("dead", 7, unknown_for=3), 2: Late("sibling", -signal.SIGTERM, 0)}
    error = _died(seen)
    assert "review worker dead stopped unexpectedly (exit code 7" in str(error)
