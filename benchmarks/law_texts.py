"""The law-text set (issue 13, "quoting a law" is not a false alarm): real Cambodian law texts,
one article a statement, all benign, read in place from ../shared (never copied here).

An NGO statement quotes the law all the time ("Article 41 of the Constitution guarantees ...";
the press law's "shall not publish anything that affects national security"). A law that
defines an offence does not commit it, so an article of a real law, reviewed as a statement,
must raise no speech finding of severity medium or more (the same line the real set's outcome
measure draws). Articles come from the project's own parser (lawcheck.structure.parser) for the
Markdown and text files, and from the provisions the JSON samples already hold (their
``content``), so no new article splitter is written. The text reviewed is the article's text
without its heading: a statement that quotes the words need not print "Article N".

Used by tests/test_law_text_quoting.py and the law-text section of benchmarks/quality.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"

# THE SPLIT, by document, fixed by the lead (issue 13, session 25) before anyone ran lawcheck on
# these texts: the analyser may be tuned on the tune part; the untouched part is only measured,
# its aggregates only, and its articles are never listed or read while changing the analyser.
# Never move a document between parts: a document moved after its result was seen is no longer
# untouched. (path under ../shared, language)
TUNE = (
    ("corpus-samples/kh/peaceful-demonstration-2009/en.md", "en"),
    ("corpus-samples/kh/peaceful-demonstration-2009/km.md", "km"),
    ("corpus-samples/kh/press-regime-1995/en.md", "en"),
    ("corpus-samples/kh/press-regime-1995/km.md", "km"),
    ("real-laws/kh-labour-1997-en.txt", "en"),
    ("real-laws/kh-land-2001-en.txt", "en"),
    ("corpus-samples/kh/aml-cft-law-2007-en.json", "en"),
)
UNTOUCHED = (
    ("corpus-samples/kh/constitution-en.json", "en"),
    ("real-laws/km-constitution-clean.md", "km"),
    ("corpus-samples/kh/anti-corruption-law-2010-en.json", "en"),
    ("real-laws/kh-education-2007-en.txt", "en"),
    ("real-laws/kh-disability-2009-en.txt", "en"),
    ("real-laws/kh-arbitration-2006-en.txt", "en"),
)
# not used: km-constitution-ocr.txt is the same text as the clean one; the Viet Nam
# constitution is not Cambodian law
NOT_USED = ("real-laws/km-constitution-ocr.txt", "real-laws/vn-constitution-2013-en.md")
PARTS = {"tune": TUNE, "untouched": UNTOUCHED}
ORG_TYPE = "domestic_ngo"  # read as a domestic NGO's statement, as the real set is


@dataclass(frozen=True)
class Article:
    """One article of a real law, as a statement to review (the review reads ``id``, ``text``,
    ``source``, ``line``, ``org_type`` and optional ``language``, ``date``, ``medium``)."""

    id: str
    text: str
    source: str
    line: int
    language: str
    org_type: str = ORG_TYPE


def missing(part: str) -> list[str]:
    """The part's documents that are not in ../shared (the set is skipped where absent)."""
    return [path for path, _ in PARTS[part] if not (SHARED / path).is_file()]


def articles(part: str, language: str | None = None) -> list[Article]:
    """The part's articles (of one language when given), in document order."""
    out: list[Article] = []
    for path, lang in PARTS[part]:
        if language and lang != language:
            continue
        out += _read(SHARED / path, path, lang)
    return out


def _read(file: Path, name: str, language: str) -> list[Article]:
    stem = name.rsplit("/", 1)[-1] if not name.endswith((".md",)) else \
        "/".join(name.split("/")[-2:])
    if file.suffix == ".json":
        data = json.loads(file.read_text(encoding="utf-8"))
        return [Article(f"law:{stem}:{n}:{p['provision_ref']}", p["content"], name, n, language)
                for n, p in enumerate(data["provisions"], 1) if p["content"].strip()]
    from lawcheck.sources.textfile import read_text
    from lawcheck.structure.parser import parse

    law = parse(read_text(file), language)
    return [Article(f"law:{stem}:{p.id}", p.text, name, p.line, language)
            for p in law.provisions if p.kind == "article" and p.text.strip()]
