"""Real laws as they come (issue 15): every article found, none invented, none cut.

Third-party texts stay in ../shared/real-laws/ (tested in place, skipped where the folder is
absent); texts whose licence allows it are kept in tests/data/laws/texts/. tests/data/laws/
holds the truth written for each by reading it: where every
article's heading and text are, and the division it sits in. An article is whole when its stored
text has the character count (white space aside) of its span in the source, within 2 %.

An article the parser does not yet get right is listed, with the reason, under
``known_defects`` in its truth file: the test fails when a new one appears and when a listed one
is fixed (so the list is kept true).
"""

from __future__ import annotations

import pytest

from lawcheck.sources.textfile import read_text
from lawcheck.structure.parser import parse
from tests.real_laws import (
    REAL_LAWS, TEXTS, compare, load, sha256, source_lines, source_path, truths,
)

CASES = truths()


def _source(truth: dict):
    path = source_path(truth)
    if not path.exists():
        pytest.skip(f"{truth['source']} is not in {REAL_LAWS} (third-party texts tested "
                    "in place)")
    assert sha256(path) == truth["sha256"], (
        f"{path} changed since its truth was written: read it again and update "
        f"tests/data/laws/ before trusting this test")
    return path


def test_there_is_a_truth_for_every_real_text():
    kept = {p.name for p in TEXTS.iterdir() if p.suffix in (".txt", ".md")
            and p.name != "README.md"}
    shared = {p.name for p in REAL_LAWS.iterdir() if p.suffix in (".txt", ".md")
              and p.name != "README.md"} if REAL_LAWS.is_dir() else set()
    sources = {load(t)["source"] for t in CASES}
    assert kept <= sources and shared <= sources
    assert not kept & shared, "a text kept in the project and also in ../shared/real-laws"
    if REAL_LAWS.is_dir():
        assert sources == kept | shared, "a truth without its text"


@pytest.mark.parametrize("truth_file", CASES, ids=[c.stem for c in CASES])
def test_every_article_found_none_invented_none_cut(truth_file):
    truth = load(truth_file)
    path = _source(truth)
    law = parse(read_text(path))
    outcome = compare(truth, law, source_lines(path))
    known = dict(truth.get("known_defects") or {})
    assert not outcome.missing or set(outcome.missing) <= set(known), \
        f"articles not found: {outcome.missing}"
    assert not outcome.invented or set(outcome.invented) <= set(known), \
        f"articles invented: {outcome.invented}"
    new = {**outcome.cut, **outcome.misplaced}
    new = {k: v for k, v in new.items() if k not in known}
    assert not new, f"articles not whole or misplaced: {new}"
    fixed = set(known) - outcome.failing()
    assert not fixed, f"listed as known defects but now right (take them off the list): {fixed}"


def test_truth_files_hold_no_law_text():
    """Only line numbers and ids: the texts are third-party and are not copied here."""
    for path in CASES:
        truth = load(path)
        for article in truth["articles"]:
            assert all(isinstance(v, (int, str, type(None))) for v in article)
            assert all(len(str(v)) < 40 for v in article)


# every English text (the Khmer ones below: one column only)
PDF_CASES = [c for c in CASES if not c.stem.startswith("km-")]


@pytest.mark.slow
@pytest.mark.parametrize("truth_file", PDF_CASES, ids=[c.stem for c in PDF_CASES])
def test_real_law_as_a_pdf_with_running_headers_page_numbers_and_two_columns(truth_file, tmp_path):
    """The law's own text laid out again as a PDF, built here on the fly: a running header
    and "Page N of M" on every page, pages 2, 3 and 5 in two columns."""
    from lawcheck.sources.pdf import read_pdf
    from benchmarks import pdfgen
    from tests.real_laws import characters, logical_lines

    truth = load(truth_file)
    path = _source(truth)
    lines, want = logical_lines(truth, source_lines(path))
    pdf = pdfgen.make_law_pdf(tmp_path / "law.pdf", lines, header="Kingdom of Cambodia - "
                              "Official Translation", two_column_pages=(2, 3, 5))
    source = read_pdf(pdf)
    law = parse(source)
    got = {p.id: p for p in law.provisions if p.kind == "article"}
    assert sorted(got) == sorted(want), "articles found in the PDF differ from the law's"
    not_whole = {i: (characters(got[i].text), n) for i, n in want.items()
                 if abs(characters(got[i].text) - n) > max(0.02 * n, 2)}
    assert not not_whole, f"articles not whole in the PDF (stored, source): {not_whole}"
    assert not any("Official Translation" in p.text or "Page " in p.text
                   for p in got.values())
    assert sum(s.kind == "header" for s in law.report.skipped) >= min(5, len(source.pages))


def test_khmer_constitution_as_a_pdf(tmp_path):
    """The first 40 articles of the clean Khmer Constitution as a PDF in Khmer OS (unshaped, so
    the text layer reads back exactly), with a running header and page numbers. One column:
    pdfgen wraps at spaces, and a Khmer phrase wider than half a page would cross the gutter."""
    from lawcheck.sources.pdf import read_pdf
    from benchmarks import pdfgen
    from tests.real_laws import TRUTH, logical_lines

    if not pdfgen.KHMER_FONT.exists():
        pytest.skip("Khmer font missing: apt-get install fonts-khmeros (.ci/run does this)")
    truth = load(TRUTH / "km-constitution-clean.yaml")
    path = _source(truth)
    lines, want = logical_lines(truth, source_lines(path), limit=40)
    pdf = pdfgen.make_law_pdf(tmp_path / "km.pdf", lines, font="khmer",
                              header="Official Gazette")
    law = parse(read_pdf(pdf))
    got = {p.id: p for p in law.provisions if p.kind == "article"}
    assert law.language == "km"
    assert sorted(got) == sorted(want)
    squash = lambda s: len("".join(s.split()))  # noqa: E731
    not_whole = {i: (squash(got[i].text), n) for i, n in want.items()
                 if abs(squash(got[i].text) - n) > max(0.02 * n, 2)}
    assert not not_whole, f"articles not whole in the PDF (stored, source): {not_whole}"
