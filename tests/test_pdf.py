"""Reading laws from PDFs the tests make themselves (benchmarks/pdfgen.py)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from lawcheck.errors import SourceFileError
from lawcheck.sources.pdf import read_pdf
from lawcheck.structure.parser import parse
from benchmarks import pdfgen
from tests.lawtext import articles, parse_text

LINES = pdfgen.law_text(40)
TRUTH = articles(parse_text("\n".join(LINES)))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _check_articles(law) -> None:
    got = articles(law)
    assert list(got) == list(TRUTH)
    wrong = [n for n in TRUTH if _norm(TRUTH[n]) != _norm(got[n])]
    assert not wrong, f"articles whose text differs from the source: {wrong}"


@pytest.mark.parametrize("options", [
    {},
    {"hyphenate": True},
    {"two_column_pages": (2, 3)},
    {"toc": "start"},
    {"toc": "end", "duplicate_article": 7},
    {"hyphenate": True, "two_column_pages": (1, 2, 3, 4), "toc": "start"},
], ids=["plain", "hyphenated", "two-columns", "toc-start", "toc-end-duplicate", "all"])
def test_pdf_articles_match_their_source(tmp_path, options):
    path = pdfgen.make_law_pdf(tmp_path / "law.pdf", LINES, **options)
    source = read_pdf(path)
    law = parse(source)
    _check_articles(law)
    report = law.report
    kinds = Counter(s.kind for s in report.skipped)
    pages = max(line.page for s in report.skipped for line in s.lines)
    assert kinds["header"] == pages and kinds["page-number"] == pages  # every page's band
    assert report.unplaced == ()
    if options.get("hyphenate"):
        broken = sum(bool(re.search(r"[a-z]-$", line.text)) for page in source.pages
                     for line in page)
        assert broken > 5 and report.hyphens_joined == broken
    if options.get("toc"):
        assert kinds["toc"] >= 1 and not report.duplicates[1:]
    if options.get("duplicate_article"):
        assert [(d.provision, d.identical) for d in report.duplicates] == [("art-7", True)]
    assert not any("Gazette" in p.text or re.search(r"Page \d+ of", p.text)
                   for p in law.provisions)


def test_pdf_articles_broken_across_pages_are_whole(tmp_path):
    path = pdfgen.make_law_pdf(tmp_path / "law.pdf", LINES)
    law = parse(read_pdf(path))
    spanning = [a for a in law.provisions if a.kind == "article"
                and a.page is not None and _norm(a.text) == _norm(TRUTH[a.number])]
    pages = {a.page for a in spanning}
    assert len(pages) > 1  # the law runs over several pages and every article is whole


def test_khmer_pdf_numerals(tmp_path):
    if not pdfgen.KHMER_FONT.exists():
        pytest.skip("Khmer font missing: apt-get install fonts-khmeros (.ci/run does this)")
    lines = pdfgen.law_text(12, khmer_numerals=True)
    path = pdfgen.make_law_pdf(tmp_path / "km.pdf", lines, font="khmer")
    law = parse(read_pdf(path))
    assert law.language == "km"
    assert [a.number for a in law.provisions if a.kind == "article"] == [
        str(n) for n in range(1, 13)]
    truth = articles(parse_text("\n".join(lines)))
    # Wrapped Khmer lines are joined without a space (Khmer writes none between words), so
    # compare ignoring spaces: the characters and their order must be exact.
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    assert {n: squash(t) for n, t in articles(law).items()} == \
        {n: squash(t) for n, t in truth.items()}


@pytest.mark.parametrize("maker, code, phrase", [
    (pdfgen.make_scanned_pdf, "LC211", "again with --ocr"),
    (pdfgen.make_encrypted_pdf, "LC212", "password"),
    (pdfgen.make_truncated_pdf, "LC213", "damaged or truncated"),
    (pdfgen.make_corrupt_pdf, "LC213", "damaged or truncated"),
    (pdfgen.make_empty_file, "LC202", "empty"),
    (pdfgen.make_binary_file, "LC213", "not a PDF"),
], ids=["scanned", "encrypted", "truncated", "corrupt", "empty", "binary"])
def test_bad_pdfs_are_named_errors(tmp_path, maker, code, phrase):
    path = maker(tmp_path / "bad.pdf")
    with pytest.raises(SourceFileError) as info:
        read_pdf(path)
    assert info.value.code == code
    assert str(path) in info.value.render()
    assert phrase in info.value.render()


def test_a_two_page_law_whose_last_page_has_a_short_second_column(tmp_path):
    """Nine articles fill page 1 and a little of page 2, set in two columns: its right column
    holds five lines at the top (under a fifth of the page's words), and the header stands on
    two pages only. Both are read as they are printed (issue 15: the Paris Agreement)."""
    lines = pdfgen.law_text(9)
    truth = articles(parse_text("\n".join(lines)))
    law = parse(read_pdf(pdfgen.make_law_pdf(tmp_path / "law.pdf", lines,
                                              two_column_pages=(2,))))
    got = articles(law)
    assert list(got) == list(truth)
    assert [n for n in truth if _norm(truth[n]) != _norm(got[n])] == []
    assert sum(s.kind == "header" for s in law.report.skipped) == 2
    assert not any("Official Gazette" in text for text in got.values())
