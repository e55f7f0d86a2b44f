"""Parse the lines of a law into its provisions: divisions (part, book, chapter, section),
articles, paragraphs and points, with a report of what was found and what was set aside.

The parser never drops text silently: every line ends up in a provision, in a skipped block
(preamble, table of contents, signatures, headers, footers, page numbers, debris, a duplicate
article) or in the unplaced list, and the report says which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawcheck.model import (
    Duplicate, Line, ParsedLaw, ParseReport, Provision, Skipped, SourceText,
)
from lawcheck.structure import annexes, noise
from lawcheck.structure.headings import (
    KHMER_LETTER, RANK, Heading, match_heading, match_point, strip_markup,
)
from lawcheck.structure.layout import ParaBreak, ends_sentence, lay_out, vocabulary_of
from lawcheck.structure.prepass import (
    _drop_references, _numbered_sections, _ranks, _repair_numbers, _runs_on, _short_line,
    _split_glued_headings, _subheadings, _titled,
)
from lawcheck.structure.titles import (
    FUNCTION_WORDS, article_title_like, marked_title, sentence_openers, split_title,
    title_opening, titled_line,
)

_LAW_TITLE = re.compile(r"^(?:the\s+)?(?:law|code|constitution|sub-decree|prakas|royal)\b|^ច្បាប់",
                        re.IGNORECASE)


@dataclass
class _Open:
    """A division or article being read."""

    heading: Heading
    id: str
    lines: list[Line]  # heading line(s) as printed
    path: tuple[str, ...]
    title: str
    awaiting_title: bool
    body: list = field(default_factory=list)
    pending_title: Line | None = None  # a possible title, confirmed by the line after it
    pending_more: list = field(default_factory=list)  # its wrapped continuation lines

    def pending_lines(self) -> list[Line]:
        lines = [self.pending_title, *self.pending_more] if self.pending_title else []
        self.pending_title, self.pending_more = None, []
        return lines
    bare_listed: bool = False  # a bare heading followed straight by the next article's
    rehomed: bool = False  # its heading came before a division heading (OCR order)

    def has_text(self) -> bool:
        return self.pending_title is not None or any(
            isinstance(l, Line) and l.text.strip() for l in self.body)

    @property
    def display(self) -> str:
        printed = strip_markup(self.lines[0].text)
        if self.title and self.title not in printed:
            return f"{printed}: {self.title}"
        return printed


def detect_language(lines: list[Line]) -> str:
    sample = "".join(line.text for line in lines[:400])
    letters = sum(ch.isalpha() for ch in sample) or 1
    return "km" if len(KHMER_LETTER.findall(sample)) / letters > 0.3 else "en"


def parse(source: SourceText, language: str | None = None) -> ParsedLaw:
    lines, skipped = noise.strip_running(source.pages)
    web, web_blocks = noise.web_leftovers(lines)
    skipped.extend(web_blocks)
    lines = [line for line, leftover in zip(lines, web) if not leftover]
    headings = [match_heading(line.text) if line.text.strip() else None for line in lines]
    warnings: list[str] = []
    _split_glued_headings(lines, headings, [False] * len(lines), warnings)
    if len(web_blocks) >= 2:  # a page saved from the web: its topic tags are not law text
        tags = noise.web_tags(lines, headings)
        skipped.extend(Skipped("web", (line,)) for line, tag in zip(lines, tags) if tag)
        lines = [line for line, tag in zip(lines, tags) if not tag]
        headings = [h for h, tag in zip(headings, tags) if not tag]
    toc = [False] * len(lines)
    for start, end in noise.find_toc(lines, headings):
        block = tuple(line for line in lines[start:end] if line.text.strip())
        skipped.append(Skipped("toc", block))
        toc[start:end] = [True] * (end - start)
    annex_at = annexes.body_end(lines, headings, toc)
    body = annex_at if annex_at is not None else len(lines)
    _drop_references(lines, headings, toc, body)
    _repair_numbers(lines, headings, toc, body, warnings)
    builder = _Builder(_short_line(lines, headings), vocabulary_of(lines))
    builder.warnings.extend(warnings)
    builder.ranks = _ranks(headings[:body], toc)
    builder.subheadings = _subheadings(lines, headings, toc, body)
    builder.titled = _titled(lines, headings, toc, body)
    if builder.titled:
        builder.openers = sentence_openers(l.text if h is None else None
                                           for l, h in zip(lines[:body], headings))
    # An instrument without articles (a ministry letter, a notification) is made of numbered
    # paragraphs: then a top-level "Paragraph N" holds text instead of grouping articles.
    arts = [i for i, h in enumerate(headings[:body])
            if h is not None and h.kind == "article" and not h.listed and not toc[i]]
    builder.paragraph_leaves = not arts
    if not arts and not any(h is not None and h.kind == "paragraph" for h in headings[:body]):
        # Laws numbered by sections ("Section 4", or "4." at the start of a paragraph) instead
        # of articles: the sections hold the text.
        arts = [i for i, h in enumerate(headings[:body])
                if h is not None and h.kind == "section" and not h.listed and not toc[i]]
        if len(arts) < 2:
            arts = _numbered_sections(lines, headings, toc, body)
        if len(arts) >= 2:
            builder.section_leaves, builder.paragraph_leaves = True, False
            builder.warnings.append(f"no article headings: the law's {len(arts)} sections are "
                                    "read as its provisions")
        else:
            arts = []
    # A signature block, enactment formula or "done at" is looked for only after the last
    # article: inside the law such words are ordinary text.
    # The last article is the last one with a number not seen before: a law repeated after its
    # signature (a Royal Kram quoting "Article 21") does not move the signature block.
    seen: set[str] = set()
    fresh = [i for i in arts if not (headings[i].slug in seen or seen.add(headings[i].slug))]
    builder.signature_after = lines[fresh[-1]].number if fresh else 0
    for i, line in enumerate(lines[:body]):
        if not toc[i]:
            builder.feed(line, headings[i] if i not in builder.subheadings
                         else builder.subheadings[i])
    parsed = builder.finish(skipped)
    if annex_at is not None:
        annexes.set_aside(lines[annex_at:], skipped, builder.warnings)
    declared = noise.declared_counts(lines)
    report = _report(parsed, builder, declared)
    return ParsedLaw(tuple(parsed), report, language or detect_language(lines),
                     title=builder.law_title)


class _Builder:
    def __init__(self, short_line: int, vocabulary: frozenset[str]) -> None:
        self.short_line = short_line
        self.vocabulary = vocabulary
        self.front: list[Line] = []
        self.started = False
        self.stack: list[_Open] = []
        self.article: _Open | None = None
        self.signature: list[Line] | None = None
        self.out: list[Provision] = []
        self.articles: dict[str, tuple[_Open, str, str | None]] = {}
        self.unplaced: list[Skipped] = []
        self.skipped: list[Skipped] = []
        self.duplicates: list[Duplicate] = []
        self.warnings: list[str] = []
        self.hyphens = 0
        self.paragraph_leaves = False
        self.law_title = ""
        self.divisions: dict[str, _Open] = {}
        self.ranks: dict[str, float] = dict(RANK)
        self.subheadings: dict[int, Heading] = {}
        self.signature_after = 0  # line number of the last article's heading
        self.filled: set[str] = set()  # divisions that have had an article
        self.waiting: _Open | None = None  # an empty article whose text may follow the next
        # the law gives (nearly) every article a title line: True; (nearly) none: False
        self.titled: bool | None = None
        self.section_leaves = False  # a law numbered by sections, not articles
        self.openers: frozenset[str] = frozenset()  # words that open sentences in the law

    # -- feeding lines -------------------------------------------------------------------
    def feed(self, line: Line, heading: Heading | None) -> None:
        text = line.text.strip()
        if not text:
            if self.article is not None and self.signature is None:
                self.article.body.append(line)
            return
        if heading is not None and not heading.listed:
            self._heading(line, heading)
        elif noise.is_debris(text):
            self.skipped.append(Skipped("debris", (line,)))
        elif self.signature is not None:
            if (text[:1].islower() or text.endswith((".", "។"))) \
                    and not noise.is_signature_cue(text) \
                    and not _runs_on(self.signature[-1].text):
                self.unplaced.append(Skipped("unplaced", (line,)))  # a stray fragment
            else:
                self.signature.append(line)
        elif self.started and line.number > self.signature_after \
                and noise.is_signature_cue(text):
            self._close_article()
            self.signature = [line]
        elif not self.started:
            self.front.append(line)
        elif self.article is not None and self.article.rehomed and not self.article.has_text() \
                and self.stack and self.stack[-1].awaiting_title and noise.title_like(text):
            # "Article 1" / "CHAPTER 1" / "SOVEREIGNTY": the title is the chapter's
            division = self.stack[-1]
            division.title = strip_markup(text)
            division.lines.append(line)
            division.awaiting_title = False
            self.article.path = tuple(o.display for o in self.stack)
        elif self.article is not None:
            art = self.article
            if art.pending_title is not None and self._title_goes_on(art, text):
                art.pending_more.append(line)  # a title wrapped over two lines (a column)
            elif art.pending_title is not None:
                # A title is followed by a new sentence; a wrapped first line is not.
                pending = art.pending_lines()
                if text[:1].islower() or KHMER_LETTER.match(text):
                    art.body.extend(pending)
                else:
                    art.title = " ".join(strip_markup(l.text) for l in pending)
                    art.lines.extend(pending)
                art.body.append(line)
            elif art.awaiting_title and (
                    self.titled and (titled_line(text) or title_opening(text))
                    or self.titled is None and article_title_like(text)
                    or self.titled is False and marked_title(text)):
                art.pending_title = line
            elif art.awaiting_title and self.titled and (
                    shared := split_title(text, self.openers)) is not None:
                self._title_and_sentence(art, line, *shared)
            else:
                art.body.append(line)
            art.awaiting_title = False
        elif self.stack and self.stack[-1].awaiting_title and noise.title_like(text):
            self.stack[-1].title = strip_markup(text)
            self.stack[-1].lines.append(line)
            self.stack[-1].awaiting_title = False
        elif self.stack and self.stack[-1].id not in self.filled and noise.title_like(text):
            # a second title line under a division, before its first article ("SECTION 1" /
            # "Scope of Application" / "Different Categories of Workers …")
            division = self.stack[-1]
            division.title = f"{division.title} / {strip_markup(text)}" if division.title \
                else strip_markup(text)
            division.lines.append(line)
        else:
            self.unplaced.append(Skipped("unplaced", (line,)))

    def _heading(self, line: Line, heading: Heading) -> None:
        self._end_signature()
        if heading.kind == "paragraph" and self.article is not None \
                and self.article.heading.kind in ("article", "section"):
            self.article.body.append(ParaBreak(heading.number, line))
            return
        if not self.started:
            self._front_matter()
        self.started = True
        held = None
        if self.article is not None and not self.article.has_text():
            if heading.kind == "article":
                self.article.bare_listed = not self.article.rehomed
                art = self.article
                if self.waiting is None and not art.rehomed and art.heading.value is not None \
                        and heading.value == art.heading.value + 1 and not heading.inline:
                    # "Article 3" / "Article 4" / two sentences: OCR put both headings first;
                    # decided when Article 4 closes
                    self.waiting, self.article = art, None
            elif heading.kind in self.ranks and heading.kind != "paragraph" \
                    and not self.article.heading.inline and not self.article.title:
                # OCR order: "Article 1" printed above "CHAPTER 1"; the article opens the
                # chapter's text and belongs to it
                held, self.article = self.article, None
        self._close_article(force=heading.kind != "article")
        for item in self.stack:
            item.awaiting_title = False
        rank = self.ranks[heading.kind] if heading.kind != "paragraph" else 3.5
        while self.stack and self._rank(self.stack[-1]) >= rank:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        path = tuple(o.display for o in self.stack)
        if heading.kind == "article" or heading.kind == "paragraph" and self.paragraph_leaves \
                or heading.kind == "section" and self.section_leaves:
            ident = f"{parent.id}/{heading.slug}" if parent and heading.kind == "paragraph" \
                else heading.slug
            self.article = _Open(heading, ident, [line], path, heading.title,
                                 not heading.title and not heading.inline)
            self.filled.update(o.id for o in self.stack)
            if heading.inline:
                self.article.body.append(Line(heading.inline, line.page, line.number))
            return
        ident = f"{parent.id}/{heading.slug}" if parent else heading.slug
        if any(p.id == ident for p in self.out):
            ident = self._repeated_division(ident, line)
        opened = _Open(heading, ident, [line], path, heading.title, not heading.title)
        self.stack.append(opened)
        self.divisions[ident] = opened
        self._emit(opened, kind=heading.kind, text="")
        if held is not None:
            held.path = tuple(o.display for o in self.stack)
            held.rehomed = True
            self.article = held

    def _title_and_sentence(self, art: _Open, line: Line, title: str, rest: str) -> None:
        """A titled law printed an article's title and its first sentence on one line: the
        title goes to the heading, the rest opens the text; the report says where."""
        art.title = title
        art.lines.append(Line(title, line.page, line.number, line.edge))
        art.body.append(Line(rest, line.page, line.number, line.edge))
        self.warnings.append(f"line {line.number}: {art.id}'s title and first sentence share "
                             f"one line; read as the title {title!r} and text from "
                             f"{rest.split()[0]!r}: check it against the official text")

    def _title_goes_on(self, art: _Open, text: str) -> bool:
        """Does ``text`` carry on the pending title ("… Functions of" / "Arbitration Assistance
        and Supervision", "… Claim" / "before Court")? Only while the whole still reads as a
        title and the pending part left off mid-phrase or the line starts in lower case."""
        if art.pending_more or ends_sentence(text) or KHMER_LETTER.search(text):
            return False
        pending = strip_markup(art.pending_title.text)
        words = pending.split()
        if not (text[:1].islower() or words[-1].lower() in FUNCTION_WORDS
                or pending.endswith(",") or self.titled and len(text.split()) <= 2):
            return False
        whole = f"{pending} {strip_markup(text)}"
        return titled_line(whole) if self.titled else article_title_like(whole)

    def _rank(self, item: _Open) -> float:
        return self.ranks[item.heading.kind] if item.heading.kind != "paragraph" else 3.5

    def _repeated_division(self, ident: str, line: Line) -> str:
        n = 2
        while any(p.id == f"{ident}-{n}" for p in self.out):
            n += 1
        self.warnings.append(f"line {line.number}: {ident} appears twice; the second is "
                             f"stored as {ident}-{n}")
        return f"{ident}-{n}"

    # -- closing -------------------------------------------------------------------------
    def _end_signature(self) -> None:
        if self.signature:
            self.skipped.append(Skipped("signature", tuple(self.signature)))
        self.signature = None

    def _front_matter(self) -> None:
        if not self.front:
            return
        for line in self.front:
            plain = strip_markup(line.text)
            if _LAW_TITLE.match(plain) and 2 <= len(plain.split()) <= 16 \
                    and not self.law_title:
                self.law_title = plain
        cued = any(noise.is_preamble_cue(l.text) or _LAW_TITLE.match(strip_markup(l.text))
                   for l in self.front)
        kind = "preamble" if cued or all(noise.title_like(l.text) for l in self.front) \
            else "unplaced"
        block = Skipped(kind, tuple(self.front))
        (self.skipped if kind == "preamble" else self.unplaced).append(block)
        self.front = []

    def _close_article(self, force: bool = True) -> None:
        art, self.article = self.article, None
        if art is None and not force:
            return  # an article waiting for the next one's text stays waiting
        waiting, self.waiting = self.waiting, None
        if waiting is not None:
            if art is not None and art.has_text():
                self._share_first_sentence(waiting, art)
            self._close_one(waiting)
        if art is not None:
            self._close_one(art)

    def _share_first_sentence(self, empty: _Open, art: _Open) -> None:
        """Give an empty article the first sentence printed under the next one, when that one
        holds more than one sentence: the OCR order "Article 3 / Article 4 / text 3 / text 4"."""
        if art.pending_title is not None:
            art.body[:0] = art.pending_lines()
        lines = [(k, l) for k, l in enumerate(art.body) if isinstance(l, Line) and l.text.strip()]
        ends = [k for k, l in lines if ends_sentence(l.text)]
        if not ends or not any(k > ends[0] for k, _ in lines):
            return
        cut = ends[0] + 1
        empty.body.extend(art.body[:cut])
        art.body[:cut] = []
        first, last = lines[0][1], art.body and lines[-1][1]
        self.warnings.append(
            f"line {empty.lines[0].number}: {empty.id} has no text of its own and "
            f"{art.id} (line {art.lines[0].number}) follows it at once; the first sentence "
            f"under {art.id} (from line {first.number}) is taken as {empty.id}'s text "
            "(the order OCR often gives): check it against the official text")

    def _close_one(self, art: _Open) -> None:
        if art.pending_title is not None:  # the article's only line: its text, not a title
            art.body.extend(art.pending_lines())
        layout = lay_out(art.body, self.short_line, self.vocabulary)
        self.hyphens += layout.hyphens_joined
        text = layout.text
        key = art.id
        parent = self.stack[-1].id if self.stack else None
        if key in self.articles:
            first, first_text, first_parent = self.articles[key]
            if not first_text.strip() and text.strip() and (
                    first.bare_listed or first_parent == parent):
                # Never across a division: an empty article is not replaced by a namesake
                # under another chapter (unless it was a bare list of headings, a contents).
                # The first was a bare heading (a contents entry): the real article is this one.
                self.out = [p for p in self.out
                            if p.id != key and not p.id.startswith(key + "/")]
                self.skipped.append(Skipped("toc", tuple(first.lines)))
            else:
                same = _normal(first_text) == _normal(text)
                self.duplicates.append(Duplicate(key, first.lines[0].number,
                                                 art.lines[0].number, same))
                lines = tuple(art.lines) + tuple(l for l in art.body
                                                 if isinstance(l, Line) and l.text.strip())
                (self.skipped if same else self.unplaced).append(Skipped("duplicate", lines))
                return
        self.articles[key] = (art, text, parent)
        leaf_kind = art.heading.kind  # "article", or "paragraph" in an instrument without articles
        self._emit(art, kind=leaf_kind, text=text, leaf=True)
        paragraphs = layout.paragraphs
        numbered = leaf_kind in ("article", "section") and (len(paragraphs) > 1
                                               or any(p.number for p in paragraphs))
        for index, para in enumerate(paragraphs, start=1):
            parent_id, parent_path = art.id, art.path + (art.display,)
            if numbered:
                number = para.number or str(index)
                parent_id = f"{art.id}/para-{number}"
                self._add(parent_id, "paragraph", number, "", "", art.path + (art.display,),
                          para.text, art.id, para.line)
                parent_path = parent_path + (f"Paragraph {number}",)
            seen: set[str] = set()
            for count, unit in enumerate(para.points, start=1):
                label = unit.label or str(count)
                slug = f"point-{label.lower()}"
                while slug in seen:
                    slug += "-2"
                seen.add(slug)
                self._add(f"{parent_id}/{slug}", "point", label, "", unit.marker, parent_path,
                          unit.text, parent_id, unit.line)

    def _emit(self, item: _Open, *, kind: str, text: str, leaf: bool = False) -> None:
        parent = None
        if leaf:  # articles (and paragraphs of instruments without articles) hang on divisions
            parent = self.stack[-1].id if self.stack else None
        elif "/" in item.id:
            parent = item.id.rsplit("/", 1)[0]
        heading_text = "\n".join(l.text for l in item.lines)
        self._add(item.id, kind, item.heading.number, item.title, heading_text, item.path,
                  text, parent, item.lines[0], note="(new)" if item.heading.new else "")

    def _add(self, ident, kind, number, title, heading, path, text, parent, line, note=""):
        self.out.append(Provision(ident, kind, number, title, heading, tuple(path), text,
                                  0, parent, line.number if line else None,
                                  line.page if line else None, note))

    def finish(self, skipped: list[Skipped]) -> list[Provision]:
        if not self.started:
            self._front_matter()
        self._close_article()
        self._end_signature()
        skipped.extend(self.skipped)
        self.skipped = skipped
        out = []
        for i, p in enumerate(self.out):
            title, heading = p.title, p.heading
            if p.id in self.divisions:  # a division's title may come on the line after it
                opened = self.divisions[p.id]
                title, heading = opened.title, "\n".join(l.text for l in opened.lines)
            out.append(Provision(p.id, p.kind, p.number, title, heading, p.path, p.text, i,
                                 p.parent, p.line, p.page, p.note))
        for p in out:
            if p.kind == "article" and not p.text.strip():
                self.warnings.append(f"line {p.line}: {p.id} has no text")
        return out


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _report(provisions: list[Provision], b: _Builder, declared: dict) -> ParseReport:
    articles = [p for p in provisions if p.kind == "article"]
    chapters = sum(p.kind == "chapter" for p in provisions)
    numbers = sorted({int(p.number) for p in articles if p.number.isdigit()})
    gaps: list[str] = []
    expected = 1
    for n in numbers:
        if n > expected:
            gaps.append(str(expected) if n - 1 == expected else f"{expected}-{n - 1}")
        expected = max(expected, n + 1)
    warnings = list(b.warnings)
    for key, found in (("chapters", chapters), ("articles", len(articles))):
        if key in declared and declared[key] != found:
            warnings.append(f"the law says it has {declared[key]} {key}; found {found}")
    return ParseReport(chapters, len(articles), tuple(gaps), tuple(b.duplicates),
                       tuple(b.unplaced), tuple(b.skipped), declared, tuple(warnings),
                       b.hyphens)
