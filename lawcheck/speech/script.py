"""Which script each part of a statement is written in, and so what the analyser can read.

The analyser reads English only. Before it runs, :func:`screen` looks at every character of the
statement: Khmer script (U+1780–U+17FF, U+19E0–U+19FF), Latin letters, or letters of another
script. Runs of Khmer (or other non-Latin) letters are *unanalysed spans*: they are blanked out
of the text the analyser sees (offsets stay the same, so every span the analyser returns is still
an index into the original text) and named in the report, so a statement in Khmer, or the Khmer
half of a two-language post, is never reported as screened.

Zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF) are neither letters nor
separators: Khmer writes U+200B between words, so they stay inside a Khmer run and never split a
sentence. Khmer digits and punctuation (khan ។, bariyosan ៕ …) are not letters either; they join
a Khmer run when they sit inside or right after it, so an English sentence that quotes a Khmer
date is not marked unanalysed for its digits alone.

Values: ``language`` is ``en`` (Latin letters only), ``km`` (Khmer letters only), ``und`` (letters
of another script only), ``mixed`` (letters of more than one), ``zxx`` (no letters at all).
``analysed`` is ``True`` (everything with letters was analysed), ``"partial"`` (the Latin part
was analysed, the spans were not) or ``False`` (nothing was analysed). Test it with ``is True``:
``"partial"`` is a true value in Python.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KHMER_RANGES = ((0x1780, 0x17FF), (0x19E0, 0x19FF))
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Khmer signs that are not letters: khan .. the currency sign (U+17D4–U+17DB), digits
# (U+17E0–U+17E9) and the numeric symbols for divination lore (U+17F0–U+17F9)
_KHMER_NEUTRAL = {*range(0x17D4, 0x17DC), *range(0x17E0, 0x17EA), *range(0x17F0, 0x17FA)}
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|[\u17d4\u17d5]+|\n\s*")
NAMES = {"km": "Khmer", "und": "a script lawcheck does not read"}


@dataclass(frozen=True)
class Sentence:
    span: tuple[int, int]
    language: str          # en, km, und, mixed (sentences without letters are not listed)
    analysed: object       # True, "partial", False


@dataclass(frozen=True)
class Screen:
    """What of one statement the English analyser can read."""

    language: str                          # the override when one was given, else ``detected``
    detected: str
    analysed: object                       # True, "partial" or False
    unanalysed: tuple[tuple[int, int, str], ...]   # (start, end, script) of unread passages
    sentences: tuple[Sentence, ...]
    masked: str                            # the text the analyser may see (same length)
    override: str | None = None
    languages: tuple[str, ...] = ()        # the analysers that read it (bilingual.read)

    def to_dict(self) -> dict:
        return {"language": self.language, "detected": self.detected,
                "analysed": self.analysed,
                **({"analysed_languages": list(self.languages)} if self.languages else {}),
                "unanalysed": [{"span": [s, e], "script": script}
                               for s, e, script in self.unanalysed],
                "sentences": [{"span": list(s.span), "language": s.language,
                               "analysed": s.analysed} for s in self.sentences]}


def english(code: str) -> bool:
    """A language code the analyser reads: en, eng, or en with a region (en-gb)."""
    return code.split("-", 1)[0] in ("en", "eng")


def _is_khmer(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in KHMER_RANGES)


_CLASS: dict[str, str] = {}


def classify(ch: str) -> str:
    """``k`` Khmer letter, ``l`` Latin letter, ``o`` letter of another script, ``m`` a combining
    mark (it takes the class of the letter before it), ``j`` a Khmer sign that joins a Khmer run
    (digit, punctuation, zero-width character), ``n`` anything else."""
    code = ord(ch)
    if _is_khmer(code):
        return "j" if code in _KHMER_NEUTRAL else "k"
    if ch in ZERO_WIDTH:
        return "j"
    if code < 0x80:
        return "l" if ch.isalpha() else "n"
    category = unicodedata.category(ch)
    if category[0] == "M":
        return "m"
    if category[0] != "L":
        return "n"
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0x2C60 <= code <= 0x2C7F \
            or 0xA720 <= code <= 0xA7FF or 0xFF21 <= code <= 0xFF5A:
        return "l"
    return "o"


def screen(text: str, override: str | None = None) -> Screen:
    """The script, language and unanalysed spans of ``text``. ``override`` is the statement's
    ``language`` column: any language but English makes the whole statement unanalysed; English
    cannot make Khmer letters readable, so with ``en`` the spans stay as detected."""
    override = (override or "").strip().lower() or None
    if text.isascii():  # the common case, without a look at each character
        detected = "en" if any(c.isalpha() for c in text) else "zxx"
        classes = None
        runs: list[tuple[int, int, str]] = []
    else:
        classes = _classes(text)
        runs = _runs(classes)
        detected = _language(classes)
    # sentences are reported only for a statement that is not plain English: skip the work
    wanted = bool(runs) or detected == "mixed" or (override and not english(override))
    sentences = tuple(_sentences(text, classes, runs)) if wanted else ()
    if override and not english(override):
        whole = _trimmed(text)
        runs = [(*whole, override)] if whole else []
        sentences = tuple(Sentence(s.span, s.language, False) for s in sentences)
    has_latin = (classes is None and detected == "en") or (
        classes is not None and "l" in classes)
    if not runs:
        analysed: object = True
    elif override and not english(override) or not has_latin:
        analysed = False
    else:
        analysed = "partial"
    return Screen(language=override or detected, detected=detected, analysed=analysed,
                  unanalysed=tuple(runs), sentences=sentences,
                  masked=_mask(text, runs) if runs and analysed else text, override=override)


def _classes(text: str) -> str:
    out, last, known = [], "n", _CLASS
    for ch in text:
        c = known.get(ch)
        if c is None:
            c = classify(ch)
            if len(known) < 65536:  # a bounded memo: statements use few distinct characters
                known[ch] = c
        if c == "m":
            c = last if last in "klo" else "n"
        out.append(c)
        if c != "j":
            last = c
    return "".join(out)


_RUN = re.compile(r"k(?:[^lo]*k)?j*|o(?:[^kl]*o)?")


def _runs(classes: str) -> list[tuple[int, int, str]]:
    """Maximal passages of Khmer (or other non-Latin) letters: from the first letter to the last,
    across spaces, digits and punctuation, until a letter of another script; Khmer signs right
    after the last letter (a closing khan) belong to the passage."""
    return [(m.start(), m.end(), "km" if m.group()[0] == "k" else "und")
            for m in _RUN.finditer(classes)]


def _language(classes: str) -> str:
    found = [name for letter, name in (("l", "en"), ("k", "km"), ("o", "und"))
             if letter in classes]
    return found[0] if len(found) == 1 else ("mixed" if found else "zxx")


def _sentences(text: str, classes: str | None, runs) -> list[Sentence]:
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        out.append((start, match.end()))
        start = match.end()
    out.append((start, len(text)))
    sentences = []
    for a, b in out:
        piece = text[a:b]
        a, b = a + len(piece) - len(piece.lstrip()), b - (len(piece) - len(piece.rstrip()))
        if a >= b:
            continue
        if classes is None:
            letters = "l" if any(c.isalpha() for c in text[a:b]) else ""
        else:
            letters = "".join(sorted(set(classes[a:b]) & set("klo")))
        if not letters:
            continue
        language = _language(letters)
        unread = any(s < b and a < e for s, e, _ in runs)
        sentences.append(Sentence((a, b), language, True if not unread else
                                  ("partial" if "l" in letters else False)))
    return sentences


def _trimmed(text: str) -> tuple[int, int] | None:
    stripped = text.strip()
    if not stripped:
        return None
    start = len(text) - len(text.lstrip())
    return start, start + len(stripped)


def _mask(text: str, runs) -> str:
    """The text with each unanalysed passage blanked (same length, so offsets hold); a Khmer
    sentence end becomes a full stop and line breaks stay, so the English sentences on either
    side are not read as one."""
    chars = list(text)
    for start, end, _ in runs:
        for i in range(start, end):
            ch = chars[i]
            chars[i] = "." if ch in "\u17d4\u17d5" else ("\n" if ch == "\n" else " ")
    return "".join(chars)


def caveat(result: Screen, subject: str = "this statement") -> str | None:
    """One plain sentence for a report, or None when everything was analysed."""
    if result.analysed is True:
        return None
    scripts = " and ".join(sorted({NAMES.get(s, s) for _, _, s in result.unanalysed}))
    spans = ", ".join(f"{s}-{e}" for s, e, _ in result.unanalysed[:5]) + (
        f" and {len(result.unanalysed) - 5} more" if len(result.unanalysed) > 5 else "")
    if result.analysed is False:
        if result.override and not english(result.override):
            why = f"is marked as language {result.override!r}"
        else:
            why = f"is written in {scripts}"
        return (f"NOT SCREENED: {subject} {why}, which lawcheck cannot analyse (characters "
                f"{spans}); the absence of findings says nothing about it: have a person who "
                "reads it review it.")
    return (f"PARTLY SCREENED: only the English of {subject} was analysed; the passages in "
            f"{scripts} (characters {spans}) were not: have a person who reads them review "
            "them.")


def result_label(analysed, findings: int) -> str:
    """The overall result of one statement: never "no findings" for a statement not (fully)
    analysed."""
    if analysed is False:
        return "not screened"
    if analysed != True:  # noqa: E712 - "partial" is truthy
        return "partly screened"
    return "findings" if findings else "no findings"
