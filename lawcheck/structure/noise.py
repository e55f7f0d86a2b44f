"""Tell law text from what surrounds it: running headers and footers, page numbers, OCR debris,
tables of contents, the promulgation preamble and signature blocks.

Nothing here deletes text: each recognised block becomes a :class:`~lawcheck.model.Skipped`
value that the parse report lists, so a reader can always see what was set aside and why.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from lawcheck.model import Line, Skipped
from lawcheck.structure.headings import Heading, match_heading, strip_markup, to_ascii_digits

_DIGITS = re.compile(r"[0-9០-៩]+")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|ទំព័រ(?:ទី)?)\s*#(?:\s*(?:of|/|នៃ)\s*#)?|#\s*(?:/|of)\s*#|[-–—]?\s*#\s*[-–—]?|#)$",
    re.IGNORECASE,
)
_CONTENTS = re.compile(r"^(?:table of )?contents$|^មាតិកា$|^sommaire$", re.IGNORECASE)

_PREAMBLE_CUES = re.compile(
    r"kingdom of cambodia|nation\W+religion\W+king|royal (?:kram|decree|code)|having seen|"
    r"^promulgat|^we\b|his majesty|have agreed as follows|"
    r"ព្រះរាជាណាចក្រកម្ពុជា|ជាតិ\s*សាសនា\s*ព្រះមហាក្សត្រ|"
    r"ព្រះរាជក្រម|បានទ្រង់យល់|ប្រកាសឱ្យប្រើ|^យើង$|^លេខ\s*[:៖]",
    re.IGNORECASE,
)
# Looked for only after the last article of the body (parser.parse): inside the law "signed",
# "made in" or ធ្វើនៅ ("do at", a verb) are ordinary words.
_SIGNATURE_CUES = re.compile(
    r"^(?:made|done|given) (?:at|in) (?:the )?(?:(?-i:[A-Z])|royal palace|phnom penh)|"
    r"^phnom penh,? .*\d{4}|royal palace|"
    r"^[\[(]?\s*(?:signature|signed|seal)[^\])]{0,30}[\])]?$|^submitted for\b|^informed to\b|"
    r"^signed\b.{0,50}$|^having submitted\b|^for copying and distribution|"
    r"^(?:this|the present) (?:law|code|constitution|royal kram)\b.{0,30}"
    r"\b(?:was|has been|is) (?:adopted|approved|enacted|passed|promulgated)|"
    r"^in the name and by the royal command|^in the king.s name|"
    r"^ធ្វើនៅ\s*(?:រាជធានី|ភ្នំពេញ|ព្រះបរមរាជវាំង|ព្រះរាជវាំង|ទីក្រុង|ខេត្ត|ក្រុង)|"
    r"^រាជធានីភ្នំពេញ\s*,?\s*ថ្ងៃ|ព្រះរាជវាំង|ព្រះហស្ថលេខា|^បានយកសេចក្តីក្រាបបង្គំទូល|"
    r"^(?:ច្បាប់|រដ្ឋធម្មនុញ្ញ|ព្រះរាជក្រម)នេះ\s*(?:ត្រូវបាន.{0,40}(?:អនុម័ត|ប្រកាស).*)?$|"
    r"^ត្រូវបាន(?:សភាធម្មនុញ្ញ|រដ្ឋសភា|ព្រឹទ្ធសភា).{0,20}អនុម័ត|^ភ្នំពេញ\s*,?\s*ថ្ងៃ",
    re.IGNORECASE,
)
_DECLARED_EN = re.compile(r"contains?\s+(\d+)\s+chapters?\s+and\s+(\d+)\s+articles?", re.I)
_DECLARED_KM = re.compile(r"មានចំនួន\s*([០-៩\d]+)\s*ជំពូក\s*និង\s*([០-៩\d]+)\s*មាត្រា")


def normalise(text: str) -> str:
    """The shape of a line for repetition tests: markup, case and numbers ignored."""
    return re.sub(r"\s+", " ", _DIGITS.sub("#", strip_markup(text).lower())).strip()


def is_page_number(text: str) -> bool:
    plain = strip_markup(text).strip("-–— ")
    if plain.isdigit() and len(plain) > 3:
        return False  # a year on its own line, not a page number
    return bool(_PAGE_NUMBER.match(normalise(text)))


def is_debris(text: str) -> bool:
    """OCR debris: a line made mostly of stray marks."""
    stripped = text.strip()
    if not stripped:
        return False
    useful = sum(unicodedata.category(ch)[0] in "LNM" for ch in stripped)
    if len(stripped) <= 4:
        return useful == 0 and stripped not in {"-", "•", "*", "—", "–", "---", "***"}
    return useful / len(stripped) < 0.3 and not re.fullmatch(r"[-=*_ ]{3,}", stripped)


def is_preamble_cue(text: str) -> bool:
    return bool(_PREAMBLE_CUES.search(strip_markup(text)))


# A treaty's attestation clause ("IN WITNESS WHEREOF the undersigned … DONE at Paris …") opens
# its signatures however long the line that holds it.
_ATTESTATION = re.compile(r"^in witness whereof\b", re.IGNORECASE)


def is_signature_cue(text: str) -> bool:
    plain = strip_markup(text)
    return len(plain) <= 160 and bool(_SIGNATURE_CUES.search(plain)) \
        or bool(_ATTESTATION.match(plain))


def is_contents_title(text: str) -> bool:
    return bool(_CONTENTS.match(strip_markup(text)))


def declared_counts(lines: Sequence[Line]) -> dict[str, int]:
    """Counts a law states of itself ("Contains 6 Chapters and 30 Articles")."""
    from lawcheck.structure.headings import to_ascii_digits

    for line in lines:
        m = _DECLARED_EN.search(line.text) or _DECLARED_KM.search(line.text)
        if m:
            return {"chapters": int(to_ascii_digits(m.group(1))),
                    "articles": int(to_ascii_digits(m.group(2)))}
    return {}


def strip_running(pages: Sequence[Sequence[Line]]) -> tuple[list[Line], list[Skipped]]:
    """Remove running headers, footers and page numbers; return the remaining lines in order.

    A header or footer is an edge line (see :attr:`Line.edge`) whose shape, numbers ignored,
    recurs at the edge of at least half the pages (and at least three). A page number is an
    edge line that reads like one ("12", "Page 3 of 10", "- 4 -"). With a single page (a plain
    text file) only lines that read like page numbers are taken out.
    """
    pages = [_mark_text_edges(page) if not any(l.edge for l in page) else list(page)
             for page in pages]
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({normalise(l.text) for l in page if l.edge and l.text.strip()})
    # on two pages, a line at the same edge of both (a short law's running header)
    threshold = 2 if len(pages) == 2 else max(3, math.ceil(len(pages) / 2))
    running = {shape for shape, n in counts.items() if n >= threshold and shape}

    kept: list[Line] = []
    skipped: list[Skipped] = []
    for page in pages:
        top = True
        for line in page:
            shape = normalise(line.text)
            if line.text.strip() and not line.edge:
                top = False
            if not line.text.strip():
                kept.append(line)
                continue
            if (line.edge or len(pages) == 1) and is_page_number(line.text) \
                    and not match_heading(line.text):
                skipped.append(Skipped("page-number", (line,)))
            elif line.edge and shape in running and not _structural(line.text):
                skipped.append(Skipped("header" if top else "footer", (line,)))
            else:
                kept.append(line)
    return _page_number_run(kept, skipped, len(pages))


def _page_number_run(kept: list[Line], skipped: list[Skipped], pages: int):
    """OCR puts a page's number wherever the page's lines fell, often mid-text: lone number
    lines that count up (mostly by one, as pages do) across a paged text are page numbers."""
    if pages < 3:
        return kept, skipped
    lone = [(i, int(to_ascii_digits(strip_markup(l.text)))) for i, l in enumerate(kept)
            if re.fullmatch(r"[0-9០-៩]{1,4}", strip_markup(l.text).strip("-–— "))]
    if len(lone) < 5:
        return kept, skipped
    steps = [b[1] - a[1] for a, b in zip(lone, lone[1:])]
    if sum(1 <= d <= 3 for d in steps) < 0.8 * len(steps):
        return kept, skipped
    chain = {i for k, (i, v) in enumerate(lone)
             if (k > 0 and 1 <= v - lone[k - 1][1] <= 3)
             or (k + 1 < len(lone) and 1 <= lone[k + 1][1] - v <= 3)}
    skipped = skipped + [Skipped("page-number", (kept[i],)) for i in sorted(chain)]
    return [l for i, l in enumerate(kept) if i not in chain], skipped


def _structural(text: str) -> bool:
    heading = match_heading(text)
    return heading is not None and not heading.toc_like and not heading.listed


def _mark_text_edges(page: Sequence[Line], depth: int = 2) -> list[Line]:
    """For text pages (form-feed separated) the first and last lines play the edge bands."""
    filled = [i for i, l in enumerate(page) if l.text.strip()]
    if len(filled) < 3 * depth + 2:
        depth = 1  # a short page: only its first and last lines can be header and footer
    edge = set(filled[:depth]) | set(filled[-depth:])
    return [Line(l.text, l.page, l.number, i in edge) for i, l in enumerate(page)]


def find_toc(lines: Sequence[Line], headings: Sequence[Heading | None]) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of ``lines`` that form a table of contents.

    A TOC is a run holding at least three entries that look like TOC entries (list items,
    dot leaders, page numbers, "(Article 1 to 4)" ranges), where between two entries there are
    at most three other non-blank lines, all short and title-like. A "Contents" line just
    before the run belongs to it.
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        h = headings[i]
        if not (h and (h.listed or h.toc_like)):
            i += 1
            continue
        start, end, entries, gap, j = i, i + 1, 1, 0, i + 1
        while j < n and gap <= 3:
            text = lines[j].text.strip()
            hj = headings[j]
            if hj and (hj.listed or hj.toc_like):
                entries, gap, end = entries + 1, 0, j + 1
            elif not text:
                pass
            elif hj or title_like(text):
                gap += 1
            else:
                break
            j += 1
        if entries >= 3:
            k = start - 1
            while k >= 0 and start - k <= 4:
                if is_contents_title(lines[k].text):
                    start = k
                    break
                k -= 1
            while start > 0 and headings[start - 1] is not None:
                start -= 1  # an unlisted chapter line right above the first entry
            spans.append((start, end))
            i = end
        else:
            i += 1
    return spans


def title_like(text: str) -> bool:
    plain = strip_markup(text)
    return len(plain) <= 90 and not plain.rstrip().endswith((".", ";", "។")) \
        and len(plain.split()) <= 14


_FRONT_KEY = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")
_HTML_TAG = re.compile(r"^<[A-Za-z][^<>]*>$")  # a line that is one HTML tag (<meta …/>)
_GENERATED = re.compile(r"\b(?:pdf|page) generated\b", re.I)


def web_leftovers(lines: Sequence[Line]) -> tuple[list[bool], list[Skipped]]:
    """What a page saved from the web carries besides the law: YAML front matter blocks
    (``---`` / ``key: value`` / ``---``, one per saved page), HTML comments, and lines that
    repeat what those comments hold ("PDF generated: 27 Apr 2022" printed again outside one).
    Returns a mask of such lines and the blocks, kind "web"."""
    n = len(lines)
    mask = [False] * n
    blocks: list[Skipped] = []
    i = 0
    in_comments: set[str] = set()
    while i < n:
        text = lines[i].text.strip()
        if text == "---":
            j = i + 1
            while j < n and j - i <= 25 and lines[j].text.strip() != "---":
                j += 1
            inner = [l.text for l in lines[i + 1:j] if l.text.strip()]
            if j < n and j - i <= 25 and inner and _FRONT_KEY.match(inner[0].strip()) \
                    and sum(bool(_FRONT_KEY.match(t.strip())) for t in inner) * 2 >= len(inner):
                mask[i:j + 1] = [True] * (j + 1 - i)
                blocks.append(Skipped("web", tuple(lines[i:j + 1])))
                i = j + 1
                continue
        if _HTML_TAG.match(text):
            mask[i] = True
            blocks.append(Skipped("web", (lines[i],)))
            i += 1
            continue
        if text.startswith("<!--"):
            j = i
            while j < n and "-->" not in lines[j].text:
                j += 1
            j = min(j, n - 1)
            mask[i:j + 1] = [True] * (j + 1 - i)
            block = tuple(lines[i:j + 1])
            blocks.append(Skipped("web", block))
            in_comments.update(normalise(l.text.replace("<!--", "").replace("-->", ""))
                               for l in block)
            i = j + 1
            continue
        i += 1
    in_comments.discard("")
    shapes = Counter(normalise(l.text) for l, m in zip(lines, mask) if not m)
    for i, line in enumerate(lines):
        shape = normalise(line.text)
        if mask[i] or not shape:
            continue
        if _GENERATED.search(line.text) or (shape in in_comments and shapes[shape] >= 2
                                             and match_heading(line.text) is None):
            mask[i] = True
            blocks.append(Skipped("web", (line,)))
    return mask, blocks


def web_tags(lines: Sequence[Line], headings: Sequence[Heading | None]) -> list[bool]:
    """On a page saved from a constitution site, topic tags sit between the lines of an
    article ("Freedom of religion", "Right to work"): short lines that start with a capital and
    end no sentence, between a finished sentence (or a heading, or another tag) and a line that
    starts a new one. Only called for texts that carry web leftovers."""
    from lawcheck.structure.headings import match_point
    from lawcheck.structure.layout import ends_sentence

    filled = [i for i, l in enumerate(lines) if l.text.strip()]
    tags = [False] * len(lines)
    short = {i: _tag_shaped(lines[i].text, headings[i]) for i in filled}
    for k, i in enumerate(filled):
        text = strip_markup(lines[i].text)
        if not short[i] or not text[:1].isupper():
            continue  # (a heading printed at a line's end is split off by the parser)
        before = filled[k - 1] if k else None
        after = filled[k + 1] if k + 1 < len(filled) else None
        if before is not None and not (tags[before] or headings[before] is not None
                                       or ends_sentence(lines[before].text)):
            continue
        if after is not None and lines[after].text.strip()[:1].islower():
            continue
        tags[i] = True
    _broken_tags(lines, headings, filled, short, tags)
    return tags


def _tag_shaped(text: str, heading: Heading | None) -> bool:
    """Short enough for a topic tag, ending no sentence, not a heading or a numbered point."""
    from lawcheck.structure.headings import match_point

    text = strip_markup(text)
    return heading is None and len(text) <= 60 and len(text.split()) <= 8 \
        and not text.endswith((".", ";", ":", "!", "?", "។", "៖", ",", "-")) \
        and match_point(text) is None \
        and not re.search(r"(?:Article|ARTICLE|មាត្រា)\s*[0-9០-៩]+\s*[.:\-–—]*$", text)


def _broken_tags(lines: Sequence[Line], headings: Sequence[Heading | None], filled: list[int],
                 short: dict[int, bool], tags: list[bool]) -> None:
    """Tags broken over lines and interleaved by the page's layout ("Regulation" / "evidence
    collection" / "Freedom of of" / "movement"): a run of tag-shaped lines, the first in
    capitals, between a finished sentence (or a heading, or a tag) and a line that opens a new
    one (capital, numbered point or heading), is all tags, its lower-case halves too. Text
    never stops like that: its sentence ends before a new one starts."""
    from lawcheck.structure.headings import match_point
    from lawcheck.structure.layout import ends_sentence

    k = 0
    while k < len(filled):
        if not short[filled[k]]:
            k += 1
            continue
        end = k
        while end + 1 < len(filled) and short[filled[end + 1]]:
            end += 1
        run = filled[k:end + 1]
        before = filled[k - 1] if k else None
        after = filled[end + 1] if end + 1 < len(filled) else None
        opened = before is None or tags[before] or headings[before] is not None \
            or ends_sentence(lines[before].text)
        nxt = strip_markup(lines[after].text) if after is not None else ""
        closed = after is None or headings[after] is not None or nxt[:1].isupper() \
            or match_point(nxt) is not None
        if len(run) >= 2 and not all(tags[i] for i in run) and opened and closed \
                and strip_markup(lines[run[0]].text)[:1].isupper():
            for i in run:
                tags[i] = True
        k = end + 1
