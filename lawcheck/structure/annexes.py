"""Where the body of a law ends: annexes, appendices and schedules (``Annex``, ``Appendix``,
``Schedule``, ``ឧបសម្ព័ន្ធ``), and the law printed again in another language after its
signatures (the Khmer text after the English, a Dutch translation after a treaty's English
text). What follows the body is set aside, and the parse report says so: never articles of
this law."""

from __future__ import annotations

import re

from lawcheck.model import Line, Skipped
from lawcheck.structure import noise
from lawcheck.structure.headings import (
    DIVISIONS, KHMER_LETTER, is_annex_heading, strip_markup,
)
from lawcheck.structure.layout import ends_sentence

# "### Artikel 1", "Điều 1.", "**Articolo 1**": a word and the number 1 alone on a line
_NUMBERED_WORD = re.compile(r"^(?P<word>[^\W\d_]{3,20})\s+(?P<num>\d{1,3})\s*[.:\-–—]*$")


def body_end(lines: list[Line], headings: list, toc: list[bool]) -> int | None:
    """The index where the body ends (an annex or a version in another language), or None."""
    found = [i for i in (annex_start(lines, headings, toc),
                         foreign_version(lines, headings, toc)) if i is not None]
    return min(found) if found else None


def foreign_version(lines: list[Line], headings: list, toc: list[bool]) -> int | None:
    """After the law's last article, the law again in a language whose heading word lawcheck
    does not read ("### Artikel 1" … "### Artikel 2" after a treaty's "Article 8"): the same
    unknown word numbered 1, 2 on lines of their own. It starts at the first Markdown heading
    (its title) after the last article, or at its "1"."""
    arts = [i for i, h in enumerate(headings) if h is not None and h.kind == "article"
            and not h.listed and not toc[i]]
    if not arts:
        return None
    numbered: dict[str, list[tuple[int, int]]] = {}
    previous = ""
    for i in range(arts[-1] + 1, len(lines)):
        text = lines[i].text.strip()
        m = _NUMBERED_WORD.match(strip_markup(text))
        after = previous
        previous = text or previous
        # a heading of its own: after a finished sentence or a title, not inside a sentence
        # ("… held in" / "Room 2" / "every month.")
        if m is not None and headings[i] is None and m.group("word")[:1].isupper() \
                and (ends_sentence(after) or after.startswith("#") or noise.title_like(after)
                     and not after[-1:].islower()):
            numbered.setdefault(m.group("word").lower(), []).append((i, int(m.group("num"))))
    for runs in numbered.values():
        values = [v for _, v in runs]
        if values[:2] != [1, 2]:
            continue
        first = runs[0][0]
        titles = [j for j in range(arts[-1] + 1, first)
                  if lines[j].text.lstrip().startswith("#")]
        return titles[0] if titles else first
    return None


def annex_start(lines: list[Line], headings: list, toc: list[bool]) -> int | None:
    """Where the first annex (appendix, schedule, ឧបសម្ព័ន្ធ) begins, once the law has had an
    article; a line continuing a sentence ("… as set out in" / "Annex 2") is not one."""
    seen_article = False
    previous = ""
    script = None  # the script of the body's article headings: Khmer or Latin
    for i, line in enumerate(lines):
        h = headings[i]
        text = line.text.strip()
        if h is not None and h.kind == "article" and not h.listed and not toc[i]:
            khmer = bool(KHMER_LETTER.search(text))
            if script is None:
                script = khmer
            elif khmer != script and h.value == 1:
                # the law again in its other language, from its first article (and the
                # division heading and title just above it)
                filled = [j for j in range(max(0, i - 8), i) if lines[j].text.strip()][-4:]
                for j in filled:
                    d = headings[j]
                    if d is not None and d.kind in DIVISIONS and all(
                            noise.title_like(lines[k].text) for k in filled if k > j):
                        return j
                return i
            seen_article = True
        elif seen_article and not toc[i] and is_annex_heading(text) and (
                text.startswith("#") or not previous or ends_sentence(previous)
                or noise.title_like(previous)):
            return i
        if text:
            previous = strip_markup(text)
    return None


def set_aside(lines: list[Line], skipped: list[Skipped], warnings: list[str]) -> None:
    if not is_annex_heading(lines[0].text.strip()):  # a second-language version
        end = next((i for i, l in enumerate(lines) if is_annex_heading(l.text.strip())),
                   len(lines))
        block = tuple(l for l in lines[:end] if l.text.strip())
        skipped.append(Skipped("other-language", block))
        warnings.append(f"line {block[0].number}: the law starts again at "
                        f"{strip_markup(block[0].text)!r} in its other language; those "
                        f"{len(block)} line(s) are set aside as a second-language version, "
                        "not articles of this law")
        lines = lines[end:]
        if not lines:
            return
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or is_annex_heading(lines[i].text.strip()):
            block = tuple(l for l in lines[start:i] if l.text.strip())
            if block:
                skipped.append(Skipped("annex", block))
                warnings.append(f"line {block[0].number}: {strip_markup(block[0].text)!r} and "
                                f"the {len(block) - 1} line(s) after it are an annex, set aside: "
                                "not articles of this law")
            start = i
