"""Checks, with pdfplumber directly, that benchmarks/pdfgen.py makes what it says."""

from __future__ import annotations

import re

import pytest

pdfplumber = pytest.importorskip("pdfplumber")
pytest.importorskip("fpdf")

from pdfplumber.utils.exceptions import PdfminerException  # noqa: E402

from benchmarks import pdfgen  # noqa: E402
from benchmarks.pdfgen import (  # noqa: E402
    FOOTER_BAND, HEADER_BAND, law_text, make_big_law_pdf, make_binary_file, make_corrupt_pdf,
    make_empty_file, make_encrypted_pdf, make_law_pdf, make_scanned_pdf, make_truncated_pdf,
)

needs_khmer_font = pytest.mark.skipif(
    not pdfgen.KHMER_FONT.exists(),
    reason=f"{pdfgen.KHMER_FONT} missing: install the Debian package fonts-khmeros "
           "(apt-get install fonts-khmeros)")

HEADING = re.compile(r"^(Article|មាត្រា) \S+$")


def bands(path, **open_args) -> list[tuple[str, str, str]]:
    """(header band, body, footer band) text of every page."""
    out = []
    with pdfplumber.open(path, **open_args) as pdf:
        for page in pdf.pages:
            w, h = page.width, page.height
            out.append(tuple(page.within_bbox(box).extract_text() for box in
                             [(0, 0, w, HEADER_BAND), (0, HEADER_BAND, w, h - FOOTER_BAND),
                              (0, h - FOOTER_BAND, w, h)]))
            page.close()
    return out


def body_lines(path) -> list[str]:
    return [line for _, body, _ in bands(path) for line in body.splitlines()]


def read_everything(path, **open_args) -> None:
    with pdfplumber.open(path, **open_args) as pdf:
        for page in pdf.pages:
            page.extract_text()


# ---------------------------------------------------------------- law_text

def test_law_text_has_chapters_articles_and_legal_vocabulary():
    lines = law_text(25)
    assert lines[:3] == ["CHAPTER 1", "GENERAL PROVISIONS", "Article 1"]
    assert [x for x in lines if x.startswith("CHAPTER")] == ["CHAPTER 1", "CHAPTER 2", "CHAPTER 3"]
    assert [x for x in lines if HEADING.match(x)] == [f"Article {n}" for n in range(1, 26)]
    text = "\n".join(lines)
    for needle in ("shall", "shall not", "working days", "riels", "at least"):
        assert needle in text
    assert re.search(r"^(\d+-|\([a-d]\)) ", text, re.M), "no numbered points"
    assert re.search(r"\b\w+ \(\d+\) (working )?days\b", text)
    assert re.search(r"fine of \d{1,3}(,\d{3})+ riels", text)


def test_law_text_is_deterministic_and_seeded():
    assert law_text(10) == law_text(10)
    assert law_text(10, seed=1) != law_text(10)
    assert "Article 4.-" in law_text(5, heading_suffix=".-")


def test_law_text_khmer_uses_khmer_numerals_only():
    lines = law_text(12, khmer_numerals=True)
    assert lines[:3] == ["ជំពូកទី ១", "បទប្បញ្ញត្តិទូទៅ", "មាត្រា ១"]
    assert "ជំពូកទី ២" in lines and "មាត្រា ១២" in lines
    assert not re.search(r"[0-9]", "".join(lines))


# ---------------------------------------------------------------- law PDFs

def test_header_and_footer_on_every_page(tmp_path):
    path = make_law_pdf(tmp_path / "law.pdf", 40)
    pages = bands(path)
    assert len(pages) >= 3
    for n, (top, body, bottom) in enumerate(pages, 1):
        assert top == "Official Gazette No. 42"
        assert bottom == f"Page {n} of {len(pages)}"
        assert "Gazette" not in body and "Page " not in body
    with pdfplumber.open(path) as pdf:
        assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (595, 842)  # A4


def test_header_and_footer_can_be_left_out(tmp_path):
    pages = bands(make_law_pdf(tmp_path / "law.pdf", 10, header=None, footer=False))
    assert all(top == "" and bottom == "" for top, _, bottom in pages)


def test_articles_flow_across_pages_in_order(tmp_path):
    pages = [body.splitlines() for _, body, _ in bands(make_law_pdf(tmp_path / "law.pdf", 40))]
    headings = [line for page in pages for line in page if HEADING.match(line)]
    assert headings == [f"Article {n}" for n in range(1, 41)]
    first_lines = [page[0] for page in pages[1:]]
    assert any(not HEADING.match(x) and not x.startswith("CHAPTER") for x in first_lines), \
        "no article continues from one page to the next"


def test_given_lines_are_laid_out_verbatim(tmp_path):
    lines = law_text(6, heading_suffix=".-")
    text = " ".join(body_lines(make_law_pdf(tmp_path / "law.pdf", lines)))
    assert text.split() == " ".join(lines).split()


def test_two_column_page_has_two_clusters_of_words(tmp_path):
    path = make_law_pdf(tmp_path / "law.pdf", 30, two_column_pages=(2,))
    with pdfplumber.open(path) as pdf:
        def body_words(page):
            return page.within_bbox((0, HEADER_BAND, page.width, page.height - FOOTER_BAND)
                                    ).extract_words()
        one, two = body_words(pdf.pages[0]), body_words(pdf.pages[1])
        middle = pdf.pages[1].width / 2
    assert any(w["x0"] < middle < w["x1"] for w in one)          # a single column
    assert not any(w["x0"] < middle < w["x1"] for w in two)      # nothing crosses the gutter
    left = [w for w in two if w["x1"] < middle]
    right = [w for w in two if w["x0"] > middle]
    assert len(left) > 100 and len(right) > 100
    assert min(w["x0"] for w in left) == pytest.approx(pdfgen.MARGIN, abs=1)
    assert min(w["x0"] for w in right) > middle + pdfgen.GUTTER / 2 - 1


def test_hyphenation_breaks_words_and_nothing_else(tmp_path):
    plain = body_lines(make_law_pdf(tmp_path / "plain.pdf", 30))
    hyph = body_lines(make_law_pdf(tmp_path / "hyph.pdf", 30, hyphenate=True))
    broken = re.findall(r"(\S+)-\n(\S+)", "\n".join(hyph))
    assert len(broken) >= 5
    for head, tail in broken:
        assert (head + tail).rstrip(".,;:") in pdfgen.HYPHEN_BREAKS, (head, tail)
    assert not re.search(r"[a-z]-\n[a-z]", "\n".join(plain))
    joined = re.sub(r"([a-z])-\n([a-z])", r"\1\2", "\n".join(hyph))
    assert joined.split() == "\n".join(plain).split()


@pytest.mark.parametrize("where", ["start", "end"])
def test_table_of_contents(tmp_path, where):
    path = make_law_pdf(tmp_path / "law.pdf", 20, toc=where)
    pages = [body.splitlines() for _, body, _ in bands(path)]
    toc_page = pages[0] if where == "start" else pages[-1]
    assert toc_page[0] == "Contents"
    entries = [re.fullmatch(r"(.+?) \.{3,} (\d+)", line) for line in toc_page[1:]]
    assert all(entries)
    assert entries[0].group(1) == "CHAPTER 1 GENERAL PROVISIONS"
    articles = {m.group(1): int(m.group(2)) for m in entries if m.group(1).startswith("Article")}
    assert list(articles) == [f"Article {n}" for n in range(1, 21)]
    for heading, page in articles.items():          # the numbers point at the right page
        assert heading in pages[page - 1], heading
    if where == "start":
        assert min(articles.values()) >= 2


def test_duplicate_article_is_printed_again_near_the_end(tmp_path):
    path = make_law_pdf(tmp_path / "law.pdf", 20, duplicate_article=3)
    headings = [line for line in body_lines(path) if HEADING.match(line)]
    assert headings.count("Article 3") == 2
    assert headings[-3:] == ["Article 19", "Article 3", "Article 20"]


def test_output_is_deterministic(tmp_path):
    options = dict(hyphenate=True, two_column_pages=(2,), toc="start", duplicate_article=2)
    a = make_law_pdf(tmp_path / "a.pdf", 20, **options).read_bytes()
    b = make_law_pdf(tmp_path / "b.pdf", 20, **options).read_bytes()
    assert a == b
    assert (make_encrypted_pdf(tmp_path / "e1.pdf").read_bytes()
            == make_encrypted_pdf(tmp_path / "e2.pdf").read_bytes())
    assert (make_scanned_pdf(tmp_path / "s1.pdf").read_bytes()
            == make_scanned_pdf(tmp_path / "s2.pdf").read_bytes())


@needs_khmer_font
def test_khmer_text_and_digits_extract_exactly(tmp_path):
    lines = law_text(15, khmer_numerals=True)
    path = make_law_pdf(tmp_path / "km.pdf", lines, font="khmer")
    got = body_lines(path)
    assert [x for x in got if HEADING.match(x)] == [f"មាត្រា {n}".translate(pdfgen.KHMER_DIGITS)
                                                   for n in range(1, 16)]
    assert "ជំពូកទី ២" in got
    assert " ".join(got).split() == " ".join(lines).split()   # every code point comes back
    assert all(top == "Official Gazette No. 42" for top, _, _ in bands(path))


@pytest.mark.slow
def test_big_law_pdf(tmp_path):
    path = make_big_law_pdf(tmp_path / "big.pdf")
    with pdfplumber.open(path) as pdf:              # one extraction a page: header first,
        pages = []                                   # footer last (bands are tested above)
        for page in pdf.pages:
            pages.append(page.extract_text().splitlines())
            page.close()
    assert 95 <= len(pages) <= 105
    assert [p[0] for p in pages] == ["Official Gazette No. 42"] * len(pages)
    assert [p[-1] for p in pages] == [f"Page {n} of {len(pages)}" for n in range(1, len(pages) + 1)]
    headings = [x for p in pages for x in p[1:-1] if HEADING.match(x)]
    assert headings == [f"Article {n}" for n in range(1, 491)]


# ---------------------------------------------------------------- bad inputs

def test_scanned_pdf_has_an_image_and_no_text(tmp_path):
    with pdfplumber.open(make_scanned_pdf(tmp_path / "scan.pdf")) as pdf:
        (page,) = pdf.pages
        assert page.chars == [] and page.extract_text() == ""
        assert len(page.images) == 1


def test_encrypted_pdf_needs_the_user_password(tmp_path):
    path = make_encrypted_pdf(tmp_path / "locked.pdf", password="secret")
    with pytest.raises(PdfminerException):
        read_everything(path)
    assert "Article 1" in bands(path, password="secret")[0][1]


@pytest.mark.parametrize("maker", [make_truncated_pdf, make_corrupt_pdf, make_empty_file,
                                   make_binary_file])
def test_broken_files_raise(tmp_path, maker):
    path = maker(tmp_path / "broken.pdf")
    with pytest.raises(PdfminerException):
        read_everything(path)


def test_broken_files_look_as_described(tmp_path):
    whole = make_law_pdf(tmp_path / "whole.pdf", 12).stat().st_size
    assert make_truncated_pdf(tmp_path / "t.pdf").stat().st_size == whole // 2
    assert make_corrupt_pdf(tmp_path / "c.pdf").read_bytes().startswith(b"%PDF-")
    assert make_empty_file(tmp_path / "e.pdf").stat().st_size == 0
    assert not make_binary_file(tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
