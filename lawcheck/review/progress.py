"""A progress line on stderr for long batch reviews: only on a terminal, silent otherwise (a
log file or a pipe must not fill with carriage returns).

The total is unknown for streamed input, so it shows the count and the rate, plus an estimate of
the time left when the caller knows the input's size in bytes and how far it has read.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Callable

_REDRAW = 0.2  # seconds between redraws: drawing every statement would slow fast reviews down


class Progress:
    def __init__(self, stream: IO[str] | None = None, *, total_bytes: int | None = None,
                 position: Callable[[], int] | None = None, clock=time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total_bytes, self.position, self.clock = total_bytes, position, clock
        self.count = self.bad = 0
        self.started = self.drawn = clock()

    def tick(self, bad: bool = False) -> None:
        self.count += 1
        self.bad += bad
        if self.enabled and self.clock() - self.drawn >= _REDRAW:
            self._draw()

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.count / elapsed
        text = f"{self.count:,} statements, {rate:,.0f}/s"
        if self.bad:
            text += f", {self.bad:,} bad rows"
        if self.total_bytes and self.position is not None:
            done = min(self.position() / self.total_bytes, 1.0)
            if done > 0:
                left = elapsed * (1 - done) / done
                text += f", {done:.0%}, about {_duration(left)} left"
        return text

    def _draw(self) -> None:
        self.drawn = self.clock()
        self.stream.write("\r" + self.line() + "\033[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.count:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
