"""The passes the parser (lawcheck.structure.parser) makes over a law's lines before it builds the
provisions: headings glued to the end of a text line, cross-references that look like article
headings, printed numbers an extraction broke, the ranks of the divisions in this document,
numbered sections, whether articles carry titles, subheadings and what counts as a short line.

Each works on the lines and the heading candidates found so far and records what it changed, so
the parser's report can say so; none drops text.
"""

from __future__ import annotations

import re
import statistics

from lawcheck.model import Line
from lawcheck.structure import noise
from lawcheck.structure.headings import (
    KHMER_LETTER, RANK, Heading, match_heading, match_subheading, strip_markup, to_ascii_digits,
)
from lawcheck.structure.layout import ends_sentence
from lawcheck.structure.titles import FUNCTION_WORDS, titled_line


_GLUED = re.compile(r"^(?P<before>.*?\S)\s+"
                    r"(?P<head>(?:Article|ARTICLE|មាត្រា)\s*(?P<num>[0-9០-៩]{1,4})"
                    r"\s*[.:\-–—]*)\s*$")


def _split_glued_headings(lines: list[Line], headings: list, toc: list[bool],
                          warnings: list[str]) -> None:
    """An article heading printed at the end of another line ("… existing law. Article 50:",
    "Freedom of association Article 25") where the numbering needs it: the line is split in
    two. The number must be the next one the sequence expects and a later heading must go on
    from it; a number repeated by misprint is read as the expected one, with a warning."""
    positions = [i for i, h in enumerate(headings) if h is not None and h.kind == "article"
                 and not h.listed and not toc[i] and h.value is not None]
    last, k = 0, 0
    i = 0
    while i < len(lines):
        while k < len(positions) and positions[k] < i:
            k += 1
        h = headings[i]
        if h is not None and h.kind == "article" and h.value is not None and not toc[i] \
                and not h.listed:
            last = h.value
        elif h is None and not toc[i] and last:
            m = _GLUED.match(lines[i].text)
            later = headings[positions[k]].value if k < len(positions) else None
            before = m.group("before").strip() if m else ""
            # a heading glued on, not a reference wrapped at a line end ("… in accordance
            # with Article 5"): what precedes it ends a sentence or is a short tag
            glued = m is not None and (ends_sentence(before) or noise.title_like(before)
                                       and len(before.split()) <= 8 and before[:1].isupper()
                                       and before.split()[-1].lower() not in FUNCTION_WORDS)
            if glued and later is not None and later > last + 1:
                printed = int(to_ascii_digits(m.group("num")))
                if printed in (last + 1, last):
                    line = lines[i]
                    wanted = last + 1
                    head = match_heading(m.group("head").rstrip(":.-–— ") + ".")
                    if head is not None and head.kind == "article":
                        if printed != wanted:
                            head = match_heading(f"Article {wanted}.")
                            warnings.append(
                                f"line {line.number}: article printed as {m.group('head')!r} at "
                                f"the end of a line, read as Article {wanted} (it stands "
                                f"between {last} and {later})")
                        lines[i:i + 1] = [Line(m.group("before"), line.page, line.number,
                                               line.edge),
                                          Line(m.group("head"), line.page, line.number,
                                               line.edge)]
                        headings[i:i + 1] = [None, head]
                        toc[i:i + 1] = [False, False]
                        positions = [p + 1 if p > i else p for p in positions]
                        last = wanted
                        i += 2
                        continue
        i += 1


def _article_positions(headings: list, toc: list[bool], body: int) -> list[int]:
    return [i for i in range(body) if headings[i] is not None and headings[i].kind == "article"
            and not headings[i].listed and not toc[i] and headings[i].value is not None]


def _previous_text(lines: list[Line], i: int) -> str:
    for j in range(i - 1, -1, -1):
        if lines[j].text.strip():
            return lines[j].text.strip()
    return ""


def _drop_references(lines: list[Line], headings: list, toc: list[bool], body: int) -> None:
    """An "Article N" line that goes back in the numbering and continues an unfinished sentence
    is a wrapped reference ("… in accordance with" / "Article 28 (1) of this law."), not a new
    article."""
    last = 0
    for i in _article_positions(headings, toc, body):
        h = headings[i]
        previous = _previous_text(lines, i)
        if h.value < last and _unfinished(previous) and match_heading(previous) is None \
                and not h.inline.startswith(("-", "•")):
            headings[i] = None
            continue
        last = max(last, h.value)


def _runs_on(text: str) -> bool:
    """A signature-block line whose sentence goes on ("… National Assembly of the",
    "Have submitted to the King" / "for Royal Signature"): the next line belongs with it; a
    signatory's name does not go on."""
    words = strip_markup(text).split()
    name = len(words) <= 4 and (all(w[:1].isupper() for w in words)  # "Loy Lay Sreng"
                                or text.lstrip().startswith(("**", "__", "#")))
    return bool(words) and not ends_sentence(words[-1]) and not name


def _unfinished(text: str) -> bool:
    """A line that stops mid-sentence: it ends in a lower-case word or a comma (a title line,
    "THREE", does not); in Khmer, which has no case, a long line without its ។."""
    text = strip_markup(text)
    if not text or ends_sentence(text):
        return False
    last = text[-1]
    return last.islower() or last == "," or bool(KHMER_LETTER.match(last)) and len(text) > 40


_PRINTED_NUMBER = re.compile(r"[\d០-៩](?:[\d០-៩]|[.,]\s?(?=[\d០-៩]))*")


def _repair_numbers(lines: list[Line], headings: list, toc: list[bool], body: int,
                    warnings: list[str]) -> None:
    """A number misprinted in the source (``៣.០`` between 29 and 31, a second "50" between 50
    and 52) is read as the number the sequence implies, with a warning quoting the print."""
    positions = _article_positions(headings, toc, body)
    for k, i in enumerate(positions):
        h = headings[i]
        if k == 0 or k + 1 >= len(positions) or h.number != str(h.value):
            continue
        before, after = headings[positions[k - 1]].value, headings[positions[k + 1]].value
        if h.value == before + 1 or after != before + 2:
            continue
        text = lines[i].text
        m = _PRINTED_NUMBER.search(text, text.find(h.number) if h.number in text else 0)
        word_end = re.search(r"មាត្រា|Article|ARTICLE|Art\.", text)
        if word_end:
            m = _PRINTED_NUMBER.search(text, word_end.end())
        if m is None:
            continue
        printed = m.group(0)
        wanted = before + 1
        fixed = match_heading(text[:m.start()] + f"{wanted}." + text[m.end():])
        if fixed is None or fixed.kind != "article" or fixed.value != wanted:
            continue
        headings[i] = fixed
        warnings.append(f"line {lines[i].number}: article printed as {strip_markup(text)!r} "
                        f"read as Article {wanted} (it stands between {before} and {after})")


def _ranks(headings: list, toc: list[bool]) -> dict[str, float]:
    """Division ranks by document order: a book and a title hold everything; part, chapter
    and section rank by where each first appears, so "CHAPTER 3 / PART 1" puts the part
    inside the chapter and "PART 1 / CHAPTER 1" the chapter inside the part."""
    first: list[str] = []
    for i, h in enumerate(headings):
        if h is not None and not toc[i] and not h.listed \
                and h.kind in ("part", "chapter", "section") and h.kind not in first:
            first.append(h.kind)
    ranks = dict(RANK)
    for kind, rank in zip(first, sorted(RANK[k] for k in first)):
        ranks[kind] = rank
    return ranks


_NUMBERED = re.compile(r"^(?P<num>\d{1,3})\.(?:\s+(?P<rest>[A-Z(\[“\"].*))?$")


def _numbered_sections(lines: list[Line], headings: list, toc: list[bool], body: int) -> list[int]:
    """"1. …", "2. …" at the start of paragraphs, counting up from 1 through the law: its
    sections. A number out of turn (a numbered point inside a section) is not one."""
    expected, found = 1, []
    for i in range(body):
        if headings[i] is not None or toc[i]:
            continue
        m = _NUMBERED.match(strip_markup(lines[i].text))
        if m is None or int(m.group("num")) != expected:
            continue
        previous = _previous_text(lines, i)
        if previous and not (ends_sentence(previous) or noise.title_like(previous)):
            continue
        found.append(i)
        expected += 1
    if len(found) < 3:
        return []
    for i in found:
        m = _NUMBERED.match(strip_markup(lines[i].text))
        num = m.group("num")
        headings[i] = Heading("section", num, int(num), f"section-{num}", "",
                              (m.group("rest") or "").strip(), False, False, False)
    return found


def _titled(lines: list[Line], headings: list, toc: list[bool], body: int) -> bool | None:
    """Does the law give its articles titles? Most bare headings are followed by a short line
    that ends no sentence and a line that starts a new one (a wrapped first line is followed
    by its continuation, in lower case)."""
    bare = titled = 0
    for i in _article_positions(headings, toc, body):
        h = headings[i]
        if h.inline or h.title:
            continue
        bare += 1
        after = [j for j in range(i + 1, min(i + 8, body)) if lines[j].text.strip()][:2]
        if len(after) < 2 or any(headings[j] is not None for j in after):
            continue
        first, second = (lines[j].text.strip() for j in after)
        if titled_line(first) and not second[:1].islower():
            titled += 1
    if bare < 5:
        return None  # too few to tell: each line is judged on its own
    if titled >= 0.6 * bare:
        return True
    return False if titled <= 0.2 * bare else None


def _subheadings(lines: list[Line], headings: list, toc: list[bool], body: int) -> dict:
    """Lettered sub-headings ("A. Guaranteed Minimum Wage") followed by an article heading."""
    found = {}
    for i in range(body):
        if headings[i] is not None or toc[i]:
            continue
        sub = match_subheading(lines[i].text.strip()) if len(lines[i].text) < 100 else None
        if sub is None:
            continue
        after = [j for j in range(i + 1, min(i + 6, body)) if lines[j].text.strip()][:2]
        if after and headings[after[0]] is None and len(after) == 2 \
                and noise.title_like(lines[after[0]].text):
            after = after[1:]  # "H. Tips" / "Supervision and Distribution of Tips" / Article
        j = after[0] if after else body
        nxt = headings[j] if j < body else None
        if nxt is not None and nxt.kind == "article" and not toc[j] and not nxt.listed:
            letter, title = sub
            found[i] = Heading("subsection", letter, ord(letter) - 64, f"sub-{letter.lower()}",
                               title, "", False, False, False)
    return found


def _short_line(lines: list[Line], headings: list) -> int:
    """Below this length a line that ends a sentence also ends its paragraph.

    Hard-wrapped text (PDF extractions) has most long lines near one width; a line well short
    of it ended early. Unwrapped text (a paragraph per line) gives 0: every line is a paragraph.
    """
    lengths = [len(l.text.strip()) for l, h in zip(lines, headings) if h is None
               and len(l.text.strip()) > 30]
    if len(lengths) < 5:
        return 0
    unfinished = sum(not ends_sentence(l.text) for l, h in zip(lines, headings)
                     if h is None and len(l.text.strip()) > 30)
    if unfinished / len(lengths) < 0.3:
        return 0
    return int(statistics.quantiles(lengths, n=10)[-1] * 0.75)
