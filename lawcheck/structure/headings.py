"""Recognise the heading lines of a law (part, book, chapter, section, article, paragraph) and the
markers of numbered points, in English and Khmer, and normalise their numbers.

A heading line is recognised on its own; whether it is a real heading or a table-of-contents
entry is decided later from its neighbours (:mod:`lawcheck.structure.noise`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
KHMER_LETTER = re.compile(r"[\u1780-\u17FF]")

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}

# Rank decides nesting: a heading closes every open division of equal or deeper rank. These are
# the defaults; the parser orders part, chapter and section by where each first appears in the
# document (Cambodian laws put PART and SECTION inside chapters), see prepass._ranks.
RANK = {"book": 0, "title": 0.5, "part": 1, "chapter": 2, "section": 3, "subsection": 3.2,
        "article": 4, "paragraph": 5}
DIVISIONS = ("book", "title", "part", "chapter", "section", "subsection")

_NUM = r"(?P<num>\d+|[០-៩]+|[IVXLC]+|[ivxlc]+|[A-Za-z]+)"
_SUFFIX = r"(?:\s*(?P<suffix>bis|ter|quater|quinquies|sexies|[A-Z])\b)?"
_NEW = r"(?:\s*\((?P<new>new|amended|ថ្មី)\))?"
_SEP = r"(?P<sep>\s*(?:\.\s*[-_–—]|[-_–—:.]|\.{2,}|…)+)?"

_ENGLISH = {
    "book": r"BOOK|Book",
    "title": r"TITLE|Title",
    "part": r"PART|Part",
    "chapter": r"CHAPTER|Chapter",
    "section": r"SECTION|Section|SUB-SECTION|Sub-section",
    "paragraph": r"PARAGRAPH|Paragraph",
    "article": r"ARTICLE|Article|Art\.",
}
_KHMER = {
    "book": r"គន្ថី(?:ទី)?",
    "title": r"លន្តិកៈ(?:ទី)?",
    "part": r"ភាគ(?:ទី)?",
    "chapter": r"ជំពូក(?:ទី)?",
    "section": r"ផ្នែក(?:ទី)?",
    "paragraph": r"កថាខណ្ឌ(?:ទី)?",
    "article": r"មាត្រា",
}

_MARKUP = re.compile(r"^(?:#{1,6}\s+|>\s*)|(?:\*\*|__)")
_LIST = re.compile(r"^\s*(?:[-*•]\s+)")
_HEADING_RES = [
    (kind, re.compile(rf"^(?P<word>{pattern})\s*{_NUM}{_SUFFIX}{_NEW}{_SEP}\s*(?P<rest>.*)$"))
    for table in (_ENGLISH, _KHMER) for kind, pattern in table.items()
]
# What follows a number in a reference rather than a heading: "of this law", "នៃ…" ("of").
_REFERENCE = re.compile(
    r"^(?:\(\w{1,4}\)\s*)*(?:of|in|under|and|or|to|from|shall|is|are|was|has|which|as|"
    r"paragraph|para\.)\b|^(?:\(\w{1,4}\)\s*)*[,;]|^(?:នៃ|និង|ដល់|ខាងលើ|ខាងក្រោម|ដែល|ត្រូវ)",
    re.IGNORECASE)
# "new", "ថ្មី", "ថ្មី(ពីរ)", "ថ្មី )ពីរ(": the provision was amended (once, twice …)
_NEW_MARK = re.compile(r"^[(\[]?\s*(?:new|amended|ថ្មី)\s*(?:[()\[\]]\s*[^\s()]{0,12}\s*[()\[\]]?)?"
                       r"\s*[)\]]?$", re.IGNORECASE)
_LEADERS = re.compile(r"(?:\.{3,}|…+|_{3,})\s*[\d០-៩]*\s*$|(?<=\S)\s+[\d០-៩]{1,3}$")
_RANGE = re.compile(r"\(\s*(?:Articles?|Art\.|មាត្រា)[^)]*(?:to|-|–|ដល់)[^)]*\)")

_POINT = re.compile(
    r"^\s*(?:(?P<num>\d{1,3}|[០-៩]{1,3})\s*(?:[-–.)]|\.-)(?=\s|[^\d\s.,])"
    r"|\((?P<paren>[a-z]|\d{1,3}|[ivx]{1,5}|[ក-អ])\)"
    r"|(?P<letter>[a-zA-Z])\)"
    r"|(?P<bullet>[-•–*]))\s*"
)


@dataclass(frozen=True)
class Heading:
    kind: str  # book | part | chapter | section | paragraph | article
    number: str  # as printed, ASCII digits ("24", "437 bis", "I")
    value: int | None  # numeric value when it has one (roman and words converted)
    slug: str  # the id segment: "art-437-bis", "chapter-1"
    title: str  # a title on the heading line, if any
    inline: str  # body text that starts on the heading line, if any
    new: bool  # marked "(new)" / "(amended)"
    listed: bool  # the line was a list item ("- Article 1..."): a TOC entry, not a heading
    toc_like: bool  # dot leaders, page numbers or "(Article 1 to 4)" ranges


def strip_markup(text: str) -> str:
    """Drop Markdown heading marks and bold/italic markers around a line."""
    return _MARKUP.sub("", text).strip().strip("*_").strip()


def to_ascii_digits(text: str) -> str:
    return text.translate(KHMER_DIGITS)


def number_value(raw: str) -> int | None:
    raw = to_ascii_digits(raw)
    if raw.isdigit():
        return int(raw)
    if re.fullmatch(r"[IVXLC]+", raw.upper()):
        total, prev = 0, 0
        for ch in reversed(raw.upper()):
            v = _ROMAN[ch]
            total = total - v if v < prev else total + v
            prev = max(prev, v)
        return total
    return _WORDS.get(raw.lower())


def _slug_prefix(kind: str) -> str:
    return {"article": "art", "paragraph": "para"}.get(kind, kind)


def match_heading(line: str) -> Heading | None:
    """Return the heading this line states, or None for an ordinary line."""
    listed = bool(_LIST.match(line))
    text = strip_markup(_LIST.sub("", line, count=1) if listed else line)
    if not text:
        return None
    for kind, regex in _HEADING_RES:
        m = regex.match(text)
        if m is None:
            continue
        raw = m.group("num")
        value = number_value(raw)
        if value is None:
            continue  # "Article of this law", "Chapter headings" …
        sep = (m.group("sep") or "").strip()
        rest = m.group("rest").strip().strip("*_").strip()
        khmer = bool(KHMER_LETTER.search(m.group("word")))
        if rest and not sep and (khmer and kind == "article"
                                 or not _title_like(_RANGE.sub("", rest).strip(), khmer)):
            continue  # "Article 16 of this law applies …": a reference, not a heading
        if rest and sep == "." and kind != "article" and rest[:1].islower():
            continue
        if rest and not sep.strip(".") and _REFERENCE.match(rest):
            continue  # a wrapped reference: "ជំពូកទី១៤ នៃរដ្ឋធម្មនុញ្ញ…", "Article 28 (1) of this law."
        suffix = m.group("suffix") or ""
        if suffix and len(suffix) == 1 and suffix.isupper() and kind != "article":
            suffix = ""
        number = to_ascii_digits(raw) + (f" {suffix}" if suffix else "")
        slug_num = str(value) if kind != "article" else to_ascii_digits(raw)
        slug = f"{_slug_prefix(kind)}-{slug_num}" + (f"-{suffix.lower()}" if suffix else "")
        title, inline = "", ""
        new = bool(m.group("new"))
        if _NEW_MARK.match(rest):  # "មាត្រា ១១៦.- ថ្មី(ពីរ)": amended twice, not a title
            new, rest = True, ""
        if rest:
            if _is_prose(rest, khmer):
                inline = rest
            else:
                title = _LEADERS.sub("", _RANGE.sub("", rest)).strip(" :.-–—…")
        toc_like = bool(_LEADERS.search(sep + " " + rest) or _RANGE.search(rest)
                        or (sep.startswith("..") and (not rest or rest.isdigit())))
        if toc_like and re.fullmatch(r"[\d០-៩]+", title):
            title = ""
        return Heading(kind, number, value, slug, title, inline, new,
                       listed, toc_like)
    return None


def _title_like(rest: str, khmer: bool) -> bool:
    """A heading may carry its title without a separator: "CHAPTER 2 REGISTRATION"."""
    if khmer:
        return len(rest) <= 80 and "។" not in rest
    first = rest.split()[0]
    return (first[:1].isupper() or first[:1] in "([") and not _is_prose(rest, khmer) \
        and len(rest.split()) <= 12


def _is_prose(rest: str, khmer: bool) -> bool:
    """Body text that begins on the heading line ("Article 5.- Any group shall …")."""
    if khmer:
        return "។" in rest or len(rest) > 80
    words = rest.split()
    if len(words) > 4 and (";" in rest or rest.rstrip().endswith(",")
                           or words[-1].lower() in _TRAILING):
        return True  # "The State guarantees …; acknowledges, respects, and": a wrapped sentence
    return len(words) > 12 or (len(words) > 4 and rest.rstrip()[-1:] in ".;:")


_TRAILING = {"a", "an", "the", "of", "to", "in", "on", "for", "by", "with", "and", "or", "from",
             "at", "as", "that", "which", "shall", "may", "must", "is", "are", "be"}


@dataclass(frozen=True)
class Point:
    marker: str  # as printed: "1-", "(a)", "-"
    label: str | None  # "1", "a", None for bullets
    body: str


def match_point(line: str) -> Point | None:
    """A numbered or bulleted point: ``1-``, ``1.``, ``(a)``, ``a)``, ``-``, ``១-``."""
    m = _POINT.match(line)
    if m is None:
        return None
    body = line[m.end():]
    if m.group("bullet") and not body.strip():
        return None
    label = m.group("num") or m.group("paren") or m.group("letter")
    if label is not None:
        label = to_ascii_digits(label)
        if m.group("num") and not body.strip():
            return None  # a bare number on a line is a page number, not a point
    return Point(line[:m.end()].strip(), label, body.strip())


_ANNEX = re.compile(
    r"^(?:ANNEX|Annex|ANNEXE|Annexe|APPENDIX|Appendix|SCHEDULE|Schedule|ឧបសម្ព័ន្ធ(?:ទី)?)"
    r"(?:\s*(?:[\d០-៩]+|[IVXLC]+|[A-Z])\b)?\s*(?:[-–—:.]\s*(?P<rest>.*)|"
    r"\s+(?P<to>(?:TO|to|OF|of) (?:THE|the)\b.*))?$")


def is_annex_heading(line: str) -> bool:
    """A line that opens an annex, appendix or schedule ("Annex 1", "ឧបសម្ព័ន្ធទី ៣"): what
    follows is not the body of the law. A reference ("Annex 1 of this law sets …") is not."""
    text = strip_markup(line)
    m = _ANNEX.match(text)
    if m is None:
        return False
    rest = (m.group("rest") or m.group("to") or "").strip()
    if m.group("to") and re.search(r"\b(?:this|these|that)\b", rest, re.IGNORECASE):
        return False  # "Annex of the law sets out …" reads on
    return len(rest) <= 80 and not rest.endswith((".", "។", ";", ","))


_SUBHEADING = re.compile(r"^(?P<letter>[A-Z])\.\s+(?P<title>[A-Z][^.;:]{2,80})$")


def match_subheading(line: str) -> tuple[str, str] | None:
    """A lettered sub-heading between articles ("A. Guaranteed Minimum Wage"): (letter, title).
    The parser accepts one only where an article heading follows it."""
    m = _SUBHEADING.match(strip_markup(line))
    if m is None or len(m.group("title").split()) > 10:
        return None
    return m.group("letter"), m.group("title").strip()
