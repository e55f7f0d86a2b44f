"""A progress line on stderr for long batch reviews, drawn by ``rich.progress``: only on a
terminal, silent otherwise (a log file or a pipe must not fill with cursor movements).

The total is unknown for streamed input, so the line shows the count and the rate; when the
caller knows the input's size in bytes and how far it has read, a bar, the share read and the
time left follow. rich is imported only when there is a terminal to draw on.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any, Callable

_REDRAW = 0.2  # seconds between redraws: drawing every statement would slow fast reviews down


class Progress:
    def __init__(self, stream: IO[str] | None = None, *, total_bytes: int | None = None,
                 position: Callable[[], int] | None = None, clock=time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total_bytes, self.position, self.clock = total_bytes, position, clock
        self.count = self.bad = 0
        self.started = self.drawn = clock()
        self._bar: Any = None   # a rich.progress.Progress once drawn
        self._task: Any = None

    def tick(self, bad: bool = False) -> None:
        self.count += 1
        self.bad += bad
        if self.enabled and self.clock() - self.drawn >= _REDRAW:
            self._draw()

    def line(self) -> str:
        """The words of the line: count, rate and bad rows (the bar adds share and time left)."""
        elapsed = max(self.clock() - self.started, 1e-9)
        text = f"{self.count:,} statements, {self.count / elapsed:,.0f}/s"
        if self.bad:
            text += f", {self.bad:,} bad rows"
        return text

    def _sized(self) -> bool:
        return bool(self.total_bytes) and self.position is not None

    def _done(self) -> int | None:
        """Bytes read so far, when the input's size is known."""
        if not self.total_bytes or self.position is None:
            return None
        return min(self.position(), self.total_bytes)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, Progress as Bar, TaskProgressColumn, TextColumn,
                                   TimeRemainingColumn)

        columns: list[Any] = [TextColumn("{task.description}")]
        if self._sized():
            columns += [BarColumn(), TaskProgressColumn(), TextColumn("about"),
                        TimeRemainingColumn()]
        # redrawn by tick() only, on this clock: no refresh thread, nothing drawn off a terminal
        console = Console(file=self.stream, force_terminal=True, highlight=False)
        self._bar = Bar(*columns, console=console, auto_refresh=False, get_time=self.clock)
        self._task = self._bar.add_task(self.line(), total=self.total_bytes if self._sized()
                                        else None, start=True)
        self._bar.start()

    def _draw(self) -> None:
        if self._bar is None:
            self._start()
        self.drawn = self.clock()
        self._bar.update(self._task, description=self.line(), completed=self._done())
        self._bar.refresh()

    def close(self) -> None:
        if self.enabled and self.count:
            self._draw()
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
