"""Reading numbers as laws print them: "30", "5,000,000", "៥០០.០០០", "thirty-six (36)",
"100,000 (one hundred thousand)", "two (2) million", "one hundred and fifty", "thirty-first".

This is the one place that parses numbers (regex for digit strings, a small state machine for
English number words).  :class:`NumberReader` walks the tokens of a spaCy ``Doc`` (any sequence of
objects with ``text`` and ``whitespace_``) and returns :class:`Number` runs; the lexicon tagger
merges each run into one token whose NORM is ``#num`` (``#ord`` for ordinals).  A number and its
restatement in brackets ("five (5)") become one run and are counted once.  Nothing here imports
spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")
_KHMER_WORD = re.compile(r"[\u1780-\u17d3\u17d7\u17dc\u17dd]+")


def to_ascii_digits(text: str) -> str:
    """Khmer digits ០-៩ → ASCII 0-9; everything else unchanged."""
    return text.translate(KHMER_DIGITS)


def parse_digits(text: str) -> int | None:
    """An integer written in digits, with "," or "." thousands separators; else None.

    "5,000,000" → 5000000, "៥០០.០០០" → 500000, "1,00,000" → 100000 (a misprint that still reads
    as one number), "1.5" → None (a decimal, not a count).
    """
    text = to_ascii_digits(text)
    if not text.isascii() or not _DIGITS.fullmatch(text):
        return None
    if "." in text:
        groups = re.split(r"[.,]", text)
        if any(len(g) != 3 for g in groups[1:]) and "," not in text:
            return None
    return int(re.sub(r"[.,]", "", text))


@dataclass(frozen=True)
class Number:
    """A run of tokens ``start``..``end`` (exclusive) that reads as the integer ``value``."""

    start: int
    end: int
    value: int
    ordinal: bool = False


class NumberReader:
    """Finds number runs in a token sequence, using the number words of one language."""

    def __init__(self, cardinal: dict[str, int], scale: dict[str, int],
                 ordinal: dict[str, int], spelled_restatement: bool = False):
        self.cardinal = cardinal
        self.scale = scale
        self.ordinal = ordinal
        # Khmer: "២៤(ម្ភៃបួន)" — the bracket spells the number out in words we do not read.
        self.spelled_restatement = spelled_restatement
        self.words = set(cardinal) | set(ordinal)

    # -- one run -----------------------------------------------------------------------------
    def _words(self, toks, i: int, blocked) -> tuple[int, int, bool] | None:
        """English number words from ``i``: (end, value, ordinal) or None."""
        total = current = 0
        last = None  # "unit" | "teen" | "tens" | "hundred" | "scale"
        j, n, ordinal = i, len(toks), False
        while j < n and j not in blocked:
            low = toks[j].text.lower()
            if low in self.cardinal or low in self.ordinal:
                value = self.cardinal.get(low, self.ordinal.get(low))
                kind = "unit" if value < 10 else "teen" if value < 20 else "tens"
                if value % 10 and value > 20:
                    kind = "teen"  # tables may list "twenty-one" style entries: treat as final
                ok = last is None or (last == "tens" and kind == "unit") \
                    or (last in ("hundred", "scale") and kind in ("unit", "teen", "tens"))
                if not ok:
                    break
                current += value
                last = kind
                j += 1
                if low in self.ordinal and low not in self.cardinal:
                    ordinal = True
                    break
            elif low in self.scale and last is not None and last != "scale":
                factor = self.scale[low]
                if factor == 100:
                    if last == "hundred":
                        break
                    current *= 100
                    last = "hundred"
                else:
                    total += current * factor
                    current = 0
                    last = "scale"
                j += 1
            elif low == "-" and last == "tens" and j + 1 < n and not toks[j - 1].whitespace_ \
                    and not toks[j].whitespace_ and toks[j + 1].text.lower() in self.words:
                j += 1
            elif low == "and" and last in ("hundred", "scale") and j + 1 < n \
                    and toks[j + 1].text.lower() in self.cardinal:
                j += 1
            else:
                break
        if last is None:
            return None
        return j, total + current, ordinal

    def _plain(self, toks, i: int, blocked) -> tuple[int, int, bool] | None:
        """A number (digits or words, with a following scale word) starting at ``i``."""
        if i >= len(toks) or i in blocked:
            return None
        low = toks[i].text.lower()
        value = parse_digits(low)
        if value is not None:
            j = i + 1
            if j < len(toks) and j not in blocked and toks[j].text.lower() in self.scale:
                value *= self.scale[toks[j].text.lower()]
                j += 1
            return j, value, False
        match = _ORDINAL_DIGITS.fullmatch(low)
        if match:
            return i + 1, int(match.group(1)), True
        return self._words(toks, i, blocked)

    def _bracket(self, toks, i: int, blocked) -> tuple[int, int | None] | None:
        """``( number )`` at ``i``: (end after ")", value); value None for spelled Khmer."""
        if i + 2 >= len(toks) or toks[i].text != "(" or {i, i + 1} & blocked:
            return None
        inner = self._plain(toks, i + 1, blocked)
        if inner and inner[0] < len(toks) and toks[inner[0]].text == ")":
            return inner[0] + 1, inner[1]
        if self.spelled_restatement and toks[i + 2].text == ")" \
                and _KHMER_WORD.fullmatch(toks[i + 1].text):
            return i + 3, None
        return None

    def read(self, toks, i: int, blocked=frozenset()) -> Number | None:
        """The longest number run starting at token ``i`` (a bracket may open it)."""
        n = len(toks)
        if toks[i].text == "(":
            bracket = self._bracket(toks, i, blocked)
            if bracket is None or bracket[1] is None:
                return None
            return Number(i, bracket[0], bracket[1])
        plain = self._plain(toks, i, blocked)
        if plain is None:
            return None
        end, value, ordinal = plain
        bracket = self._bracket(toks, end, blocked) if end < n else None
        if bracket and not ordinal and bracket[1] in (value, None):
            end = bracket[0]
            if end < n and end not in blocked and toks[end].text.lower() in self.scale \
                    and value < 1000:
                value *= self.scale[toks[end].text.lower()]
                end += 1
        return Number(i, end, value, ordinal)

    def find(self, toks, candidates, blocked=frozenset()) -> list[Number]:
        """Non-overlapping runs, scanning the candidate token indices in order.

        ``candidates`` are the indices worth trying (tokens that look numeric); a "(" just
        before a candidate is tried first so that "(5)" is one run.
        """
        found: list[Number] = []
        taken = -1
        for i in sorted(candidates):
            if i < taken or i in blocked:
                continue
            start = i - 1 if i > 0 and i - 1 >= taken and toks[i - 1].text == "(" else i
            number = self.read(toks, start, blocked) if start != i else None
            if number is None or number.end <= i:
                number = self.read(toks, i, blocked)
            if number is not None:
                found.append(number)
                taken = number.end
        return found
