"""The real Cambodian law texts in ../shared/corpus-samples parse exactly (skipped where absent).

These texts were not written by this project; they are what users will bring. The JSON samples
are turned back into plain text and the articles compared with their source, character for
character once whitespace (and line-end hyphens) are ignored.
"""

from __future__ import annotations

import json
import re

import pytest

from lawcheck.sources.textfile import read_text, text_source
from lawcheck.structure.parser import parse

pytestmark = pytest.mark.samples


def _parse(path):
    return parse(read_text(path))


def _articles(law):
    return [p for p in law.provisions if p.kind == "article"]


@pytest.mark.parametrize("language", ["en", "km"])
def test_peaceful_demonstration(samples, language):
    law = _parse(samples / "peaceful-demonstration-2009" / f"{language}.md")
    r = law.report
    assert (r.chapters, r.articles) == (6, 30)
    assert [a.number for a in _articles(law)] == [str(n) for n in range(1, 31)]
    assert r.declared == {"chapters": 6, "articles": 30}
    assert (r.gaps, r.duplicates, r.unplaced, r.warnings) == ((), (), (), ())
    assert law.language == language
    kinds = {s.kind for s in r.skipped}
    assert {"preamble", "toc", "signature"} <= kinds
    chapters = [p for p in law.provisions if p.kind == "chapter"]
    assert [c.number for c in chapters] == ["1", "2", "3", "4", "5", "6"]
    assert all(c.title for c in chapters)
    by_id = {p.id: p for p in law.provisions}
    # Article 3 lists three exclusions as points; Article 30 is the last and stands alone
    assert [p.id for p in law.provisions if p.parent == "art-3"] == [
        "art-3/point-1", "art-3/point-2", "art-3/point-3"]
    assert by_id["art-30"].path[0].startswith(("Chapter 6", "ជំពូកទី ៦"))
    assert not any(s in by_id["art-30"].text for s in ("Sihamoni", "សីហមុនី", "Royal Palace"))


@pytest.mark.parametrize("language", ["en", "km"])
def test_press_regime(samples, language):
    law = _parse(samples / "press-regime-1995" / f"{language}.md")
    r = law.report
    assert (r.chapters, r.articles) == (5, 21)
    assert [a.number for a in _articles(law)] == [str(n) for n in range(1, 22)]
    # Article 21 is printed twice, the same text: one kept, the repeat reported
    assert [(d.provision, d.identical) for d in r.duplicates] == [("art-21", True)]
    assert {"toc", "signature", "preamble"} <= {s.kind for s in r.skipped}
    toc = [s for s in r.skipped if s.kind == "toc"]
    assert toc and toc[-1].lines[0].number > 300  # the trailing table of contents
    # the stray fragment between the signatures and the repeat is reported, not dropped
    assert len(r.unplaced) == 1 and r.unplaced[0].lines[0].number == 279
    art21 = [a for a in _articles(law) if a.number == "21"][0]
    assert len(art21.text) < 120  # the signature block did not leak into it


def _json_to_text(data: dict) -> str:
    out, chapter = [], None
    for p in data["provisions"]:
        if p["chapter"] != chapter:
            chapter = p["chapter"]
            out += ["", chapter, ""]
        title = p["title"].lstrip("- ").strip()
        out += ["", f"Article {p['provision_ref']}" + (f": {title}" if title else ""),
                p["content"]]
    return "\n".join(out)


def _same(a: str, b: str) -> bool:
    squash = lambda s: re.sub(r"[\s\-]+", "", s)  # noqa: E731
    return squash(a) == squash(b)


def test_constitution_every_article(samples):
    data = json.loads((samples / "constitution-en.json").read_text(encoding="utf-8"))
    law = parse(text_source(_json_to_text(data), "constitution.txt", "0" * 64))
    refs = [p["provision_ref"] for p in data["provisions"]]
    articles = {a.number: a for a in _articles(law)}
    assert list(articles) == refs  # all 138, in order
    assert law.report.gaps == ("134",)  # the source itself has no Article 134
    assert law.report.chapters == 14
    mismatched = [p["provision_ref"] for p in data["provisions"]
                  if not _same(articles[p["provision_ref"]].text, p["content"])]
    # Article 139 is the last; its source also holds the signature, which the parser sets aside
    assert mismatched == ["139"]
    squash = lambda s: re.sub(r"[\s\-]+", "", s)  # noqa: E731
    whole, kept = squash(data["provisions"][-1]["content"]), squash(articles["139"].text)
    signature = [s for s in law.report.skipped if s.kind == "signature"]
    assert whole == kept + squash(signature[0].text)
