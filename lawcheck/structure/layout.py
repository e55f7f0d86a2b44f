"""Lay out the body of one article: join wrapped lines, undo end-of-line hyphenation, and split
it into paragraphs and numbered points.

Cambodian laws count paragraphs (កថាខណ្ឌ) as the blocks of an article; a list of points belongs
to the paragraph that introduces it. So "Article 6" with an intro, three bullets and a closing
sentence has two paragraphs, the first holding three points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawcheck.model import Line
from lawcheck.structure.headings import KHMER_LETTER, match_point

TERMINAL = (".", ";", ":", "។", "៖", "!", "?", "”", '"', ")")
# Prefixes whose hyphen is part of the word: "non-\naligned" stays "non-aligned".
_KEEP_HYPHEN = {"non", "self", "ex", "anti", "co", "quasi", "semi", "multi", "cross", "well",
                "half", "full", "long", "short", "sub", "inter", "pre", "post", "counter",
                "socio", "inter-", "state", "law", "re", "vice", "so", "by", "one", "two"}
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")


@dataclass
class Unit:
    """A point or a run of intro text; ``marker``/``label`` are set for points."""

    text: str
    line: Line
    marker: str = ""
    label: str | None = None
    last: int = 0  # length of the last physical line joined in


@dataclass
class Paragraph:
    line: Line | None
    number: str | None = None  # set when the law numbers it explicitly (កថាខណ្ឌទី ២)
    units: list[Unit] = field(default_factory=list)

    @property
    def text(self) -> str:
        parts = []
        for unit in self.units:
            parts.append(f"{unit.marker} {unit.text}".strip() if unit.marker else unit.text)
        return "\n".join(p for p in parts if p)

    @property
    def points(self) -> list[Unit]:
        return [u for u in self.units if u.marker]


@dataclass
class Layout:
    paragraphs: list[Paragraph]
    hyphens_joined: int = 0

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs if p.text)


class ParaBreak:
    """A sentinel in an article body: an explicit paragraph heading ("Paragraph 2")."""

    def __init__(self, number: str, line: Line) -> None:
        self.number, self.line = number, line


def join(left: str, right: str, vocabulary: frozenset[str] = frozenset()) -> tuple[str, bool]:
    """Join two wrapped lines; returns the text and whether a hyphen was removed.

    A hyphen at the end of a line is removed ("govern-" + "ment") unless the document spells
    the compound with a hyphen elsewhere, or the left part is a prefix that keeps its hyphen
    ("non-aligned"). The document's own words decide first.
    """
    if not left:
        return right, False
    m = _HYPHEN_END.search(left)
    if m and right[:1].islower():
        head = m.group(1).lower()
        tail = re.match(r"[a-z]+", right.lower())
        tail = tail.group(0) if tail else ""
        if head + tail not in vocabulary and (
                f"{head}-{tail}" in vocabulary or head in _KEEP_HYPHEN):
            return left + right, False
        return left[:-1] + right, True
    if KHMER_LETTER.match(left[-1:]) and KHMER_LETTER.match(right[:1]):
        return left + right, False
    return f"{left} {right}", False


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return text.endswith(TERMINAL) and not text.endswith(("...", "…"))


def vocabulary_of(lines) -> frozenset[str]:
    """Lower-case words of a document, hyphenated compounds included, for :func:`join`."""
    words: set[str] = set()
    for line in lines:
        words.update(re.findall(r"[a-z]+(?:-[a-z]+)*", line.text.lower()))
    return frozenset(words)


def lay_out(body: list[Line | ParaBreak], short_line: int,
            vocabulary: frozenset[str] = frozenset()) -> Layout:
    """Split an article body into paragraphs and points.

    ``short_line``: a line shorter than this that ends a sentence also ends its paragraph, even
    without a blank line after it (the text is wrapped, and this line stopped early).
    """
    layout = Layout([])
    para: Paragraph | None = None
    unit: Unit | None = None
    blank = False

    def new_paragraph(line: Line | None, number: str | None = None) -> Paragraph:
        nonlocal para, unit
        para = Paragraph(line, number)
        layout.paragraphs.append(para)
        unit = None
        return para

    for item in body:
        if isinstance(item, ParaBreak):
            new_paragraph(item.line, item.number)
            blank = False
            continue
        text = item.text.strip()
        if not text:
            blank = True
            continue
        point = match_point(text)
        if point is not None:
            if para is None or (blank and unit is not None and not unit.marker
                                and para.points):
                new_paragraph(item)
            unit = Unit(point.body, item, point.marker, point.label, len(text))
            para.units.append(unit)
        elif unit is not None and _continues(unit, text, blank, short_line):
            unit.text, joined = join(unit.text, text, vocabulary)
            unit.last = len(text)
            layout.hyphens_joined += joined
        else:
            if para is None or para.units:
                new_paragraph(item)
            unit = Unit(text, item, last=len(text))
            para.units.append(unit)
        blank = False
    layout.paragraphs = [p for p in layout.paragraphs if p.units or p.number]
    return layout


def _continues(unit: Unit, text: str, blank: bool, short_line: int) -> bool:
    """Does ``text`` carry on the sentence or paragraph of ``unit``?"""
    prev = unit.text
    lower = text[:1].islower()
    if blank:
        # A blank line inside a sentence is a PDF artefact ("… and non-" / "" / "aligned …",
        # "… in accordance with" / "" / "Article 26 …"): a paragraph ends with a sentence.
        return not ends_sentence(prev) and not prev.endswith(("...", "…"))
    if not ends_sentence(prev):
        return True
    return lower or (short_line > 0 and unit.last >= short_line)
