"""Text that reaches a terminal shows every control character instead of obeying it.

A plan title, a statement id, a file name or a law text may carry terminal escape sequences
(ESC, OSC, CSI, C1 controls): printed raw they can rewrite a pane's title, move the cursor over
earlier lines, or write to the clipboard (OSC 52). Every character of Unicode category Cc except
newline and tab, and the bidirectional overrides that can reorder a line (Trojan Source), is
shown as a ``\\uXXXX`` escape, which is readable in text and valid inside JSON strings. The only
sequences let through are SGR colour codes (``ESC [ … m``), which is what lawcheck's own coloured
output is made of and which cannot do more than colour text.
"""

from __future__ import annotations

import io
import re

_SGR = r"\x1b\[[0-9;]*m"
#: C0 and C1 controls but newline and tab, DEL, and the bidi embeddings, overrides and isolates;
#: a carriage return only when it does not end a line (CSV's line ends are CR LF), since alone
#: it moves the cursor back over what was printed.
_CONTROL = r"(?:[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n))"
_WITH_SGR = re.compile(f"({_SGR})|{_CONTROL}")
_PLAIN = re.compile(_CONTROL)


def _show(match: re.Match) -> str:
    return match.group(0) if match.lastindex else f"\\u{ord(match.group(0)):04x}"


def visible(text: str, *, colour: bool = False) -> str:
    """``text`` with every control character shown as ``\\uXXXX`` (SGR kept when ``colour``)."""
    if colour:
        return _WITH_SGR.sub(_show, text)
    return _PLAIN.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


class VisibleStream(io.TextIOBase):
    """A text stream that passes everything through :func:`visible` (colour codes kept)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text, colour=True))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self):
        return getattr(self._stream, "encoding", "utf-8")

    @property
    def errors(self):
        return getattr(self._stream, "errors", "strict")

    @property
    def buffer(self):
        return self._stream.buffer

    def __getattr__(self, name):
        return getattr(self._stream, name)
