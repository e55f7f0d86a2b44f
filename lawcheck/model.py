"""Values that cross stages: small, immutable, comparable.

laws → provisions: a :class:`SourceText` (pages of lines, from a text file or a PDF) is parsed
into :class:`Provision` values and a :class:`ParseReport`; annotation adds :class:`Annotation`
values to provisions. The store gives each provision's :class:`ProvisionVersion` values; facts
reach the rules as a :class:`Context` (one subject: an organisation, an activity, a statement).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lawcheck.vocabulary import CONFIDENCE  # re-exported: model.CONFIDENCE has readers

PROVISION_KINDS = ("book", "title", "part", "chapter", "section", "subsection", "article",
                   "paragraph", "point")
# What each mark means, by the kind of source behind it (issue 12): shown by reports, `corpus
# list`, `corpus show` and `rules list`.
CONFIDENCE_MEANING = {
    "confirmed": "stated by the official text, or by two independent reliable sources (a law "
                 "firm and the press, two press reports)",
    "likely": "one reliable source only (a law firm's summary, one press report), a machine "
              "translation, or an inference from sources",
    "uncertain": "sources conflict, or only a draft, a blog or commentary says it",
}


@dataclass(frozen=True)
class Line:
    """One line of source text. ``page`` and ``number`` are 1-based and locate it for reports."""

    text: str
    page: int
    number: int
    # True when the line sits in a page's top or bottom band (PDF) or among the first or last
    # lines of a page (text with form feeds): where running headers and footers live.
    edge: bool = False


@dataclass(frozen=True)
class SourceText:
    """What a reader gives the parser: the lines of a law, page by page, plus what it removed."""

    path: str
    sha256: str
    kind: str  # "text" | "markdown" | "pdf"
    pages: tuple[tuple[Line, ...], ...]
    # Lines the reader itself removed (running headers, footers, page numbers), for the report.
    removed: tuple[tuple[str, Line], ...] = ()


@dataclass(frozen=True)
class Provision:
    """One node of a law's hierarchy, as parsed.

    ``id`` is the provision path below the law (``art-24``, ``art-25/para-2``,
    ``chapter-2/section-1``); the store prefixes the law id (SPEC §2).
    """

    id: str
    kind: str
    number: str
    title: str
    heading: str  # the heading line as printed ("" for paragraphs and points without one)
    path: tuple[str, ...]  # enclosing headings, outermost first
    text: str
    order: int
    parent: str | None = None
    line: int | None = None  # first source line
    page: int | None = None
    note: str = ""  # e.g. "(new)" markers, repairs the parser made


@dataclass(frozen=True)
class Skipped:
    """A block the parser recognised as not law text: kept in the report, never silently lost."""

    kind: str  # "preamble" | "toc" | "signature" | "annex" | "web" | "header" | "footer" |
    #            "page-number" | "debris" | "duplicate"
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Duplicate:
    """An article printed twice. ``identical`` tells whether the two texts agree."""

    provision: str
    first_line: int
    second_line: int
    identical: bool


@dataclass(frozen=True)
class ParseReport:
    chapters: int
    articles: int
    gaps: tuple[str, ...]  # article numbers missing from the sequence ("14", "22-24")
    duplicates: tuple[Duplicate, ...]
    unplaced: tuple[Skipped, ...]  # text that could not be placed in any provision
    skipped: tuple[Skipped, ...]  # preamble, TOC, signatures, headers, footers
    declared: dict[str, int] = field(default_factory=dict)  # counts the law states of itself
    warnings: tuple[str, ...] = ()
    hyphens_joined: int = 0

    def to_dict(self) -> dict:
        return {
            "chapters": self.chapters,
            "articles": self.articles,
            "declared": dict(self.declared),
            "gaps": list(self.gaps),
            "duplicates": [
                {"provision": d.provision, "first_line": d.first_line,
                 "second_line": d.second_line, "identical": d.identical}
                for d in self.duplicates
            ],
            "unplaced": [
                {"kind": u.kind, "page": u.lines[0].page, "line": u.lines[0].number,
                 "text": u.text}
                for u in self.unplaced
            ],
            "skipped": [
                {"kind": s.kind, "page": s.lines[0].page, "line": s.lines[0].number,
                 "lines": len(s.lines)}
                for s in self.skipped
            ],
            "warnings": list(self.warnings),
            "hyphens_joined": self.hyphens_joined,
        }


@dataclass(frozen=True)
class ParsedLaw:
    provisions: tuple[Provision, ...]
    report: ParseReport
    language: str
    title: str = ""  # the law's own title, when its front matter states one


@dataclass(frozen=True)
class Annotation:
    """A machine-made finding about a provision's text; never reviewed until a person says so.

    ``kind`` is one of deontic, deadline, amount, sanction, xref; ``label`` refines it
    (obligation / prohibition / permission; working-days / days / hours / months / date;
    riel / participants / …; warning / fine / suspension / deregistration / imprisonment;
    article / articles). ``start``/``end`` are character offsets into the provision text.
    ``value`` holds parsed numbers (e.g. ``{"n": 5, "unit": "working-days"}``).
    """

    kind: str
    label: str
    start: int
    end: int
    text: str
    cue: str = ""
    value: tuple[tuple[str, object], ...] = ()

    def value_dict(self) -> dict:
        return dict(self.value)


@dataclass(frozen=True)
class IngestOptions:
    law_id: str
    version: str | None = None
    effective: date | None = None
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class ProvisionVersion:
    """One version of a stored provision, as rules cite it and reports quote it."""

    version: str
    language: str
    effective_from: date | None
    effective_to: date | None
    title: str
    text: str
    digest: bool = False     # lawcheck's digest in its own words, not the official text
    confidence: str = ""     # the provision's mark: confirmed | likely | uncertain

    def in_force(self, day: date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and \
            (self.effective_to is None or day <= self.effective_to)


@dataclass(frozen=True)
class Context:
    """One subject to check: its facts, where it sits in the input, and its date."""

    facts: dict
    date: date
    where: dict = field(default_factory=dict)
    kind: str | None = None  # organization | activity | statement; None: any rule applies
    unknown: dict = field(default_factory=dict)  # fact -> why lawcheck cannot know it (e.g. a
                                                 # date the holiday or election calendar
                                                 # does not cover); shown with not_checked
