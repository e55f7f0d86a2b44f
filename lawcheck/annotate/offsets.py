"""Whitespace normalisation that keeps a map back to the caller's character offsets.

Law texts come from PDFs and OCR: phrases break across lines ("shall\\nnot"), columns leave runs
of spaces, Khmer text carries zero-width spaces (U+200B) between words.  spaCy keeps every
whitespace run other than a single space as a token of its own, which would split "shall not"
or "working days" and hide them from phrase patterns.  So the annotator works on a normalised
copy — every whitespace run becomes one space, zero-width spaces and soft hyphens disappear —
and :class:`OffsetMap` turns offsets in the copy back into offsets in the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# A run of whitespace and/or invisible characters.
_RUN = re.compile(r"[\s\u200b\u200c\u200d\u00ad\ufeff]+")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u00ad\ufeff")


class OffsetMap:
    """Maps character offsets of the normalised text to offsets of the original text.

    Stored as the starts of the pieces copied unchanged: ``norm_starts[k]`` in the copy is
    ``orig_starts[k]`` in the original, and offsets inside a piece shift by the same amount.
    """

    __slots__ = ("norm_starts", "orig_starts", "identity")

    def __init__(self, norm_starts: list[int], orig_starts: list[int], identity: bool):
        self.norm_starts = norm_starts
        self.orig_starts = orig_starts
        self.identity = identity

    def _at(self, pos: int) -> int:
        k = bisect_right(self.norm_starts, pos) - 1
        return self.orig_starts[k] + (pos - self.norm_starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span ``start``..``end`` (end exclusive)."""
        if self.identity:
            return start, end
        if end <= start:
            orig = self._at(start)
            return orig, orig
        return self._at(start), self._at(end - 1) + 1


def normalise(text: str) -> tuple[str, OffsetMap]:
    """The text with each whitespace run as one space and invisible characters removed."""
    parts: list[str] = []
    norm_starts: list[int] = [0]
    orig_starts: list[int] = [0]
    pos = 0
    out = 0
    changed = False
    for match in _RUN.finditer(text):
        run = match.group()
        if run == " ":
            continue
        replacement = "" if all(ch in _INVISIBLE for ch in run) else " "
        changed = True
        start, end = match.span()
        parts.append(text[pos:start])
        out += start - pos
        # the replacement (if any) maps to the run's first character
        if replacement:
            norm_starts.append(out)
            orig_starts.append(start)
            parts.append(replacement)
            out += 1
        norm_starts.append(out)
        orig_starts.append(end)
        pos = end
    if not changed:
        return text, OffsetMap([0], [0], True)
    parts.append(text[pos:])
    return "".join(parts), OffsetMap(norm_starts, orig_starts, False)
