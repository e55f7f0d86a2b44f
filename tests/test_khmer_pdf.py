"""Khmer law PDFs (issue 14): a shaped Khmer PDF whose text layer cannot be decoded is refused
with what to do (LC215), a scan without --ocr says to use it (LC211), and `corpus ingest --ocr`
reads a Khmer law rendered to PDF and rasterised (pdftoppm) into the right articles, marked as
OCR in the parse report and `corpus show`. The law text is the project's own."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawcheck.cli import cli

KHMER_FONT = Path("/usr/share/fonts/truetype/khmeros/KhmerOS.ttf")
LAW = ["ច្បាប់ស្តីពីការរៀបចំសហគមន៍",
       "ជំពូកទី ១ បទប្បញ្ញត្តិទូទៅ",
       "មាត្រា ១",
       "ច្បាប់នេះមានគោលបំណងកំណត់នីតិវិធីនៃការរៀបចំកិច្ចប្រជុំសហគមន៍។",
       "មាត្រា ២",
       "អ្នករៀបចំត្រូវជូនដំណឹងជាលាយលក្ខណ៍អក្សរទៅអាជ្ញាធរមូលដ្ឋាន យ៉ាងតិចប្រាំថ្ងៃមុនកិច្ចប្រជុំ។",
       "មាត្រា ៣",
       "អាជ្ញាធរមូលដ្ឋានត្រូវឆ្លើយតបជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេលបីថ្ងៃ។"]


def _tesseract_khmer() -> bool:
    try:
        import pytesseract

        return "khm" in pytesseract.get_languages(config="")
    except Exception:  # noqa: BLE001 - not installed in some way
        return False


needs_font = pytest.mark.skipif(not KHMER_FONT.is_file(), reason="apt-get install fonts-khmeros "
                                "(.ci/run does this)")
needs_ocr = pytest.mark.skipif(not (_tesseract_khmer() and shutil.which("pdftoppm")),
                               reason="apt-get install tesseract-ocr tesseract-ocr-khm "
                                      "poppler-utils (.ci/run does this)")


def shaped_pdf(path: Path, lines=LAW) -> Path:
    """The law set in Khmer OS with text shaping, as real Khmer PDFs are: its text layer holds
    glyphs (subscripts, vowel forms) that map to no character."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("khmer", fname=str(KHMER_FONT))
    pdf.set_font("khmer", size=14)
    pdf.set_text_shaping(True)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(480, 28, line, new_x="LMARGIN", new_y="NEXT")
    path.write_bytes(bytes(pdf.output()))
    return path


def scanned_pdf(source: Path, path: Path, dpi: int = 150) -> Path:
    """``source`` rasterised by pdftoppm, each page put back as a picture: a scan."""
    from fpdf import FPDF

    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(prefix)], check=True)
    pdf = FPDF(unit="pt", format="A4")
    for image in sorted(path.parent.glob(prefix.name + "-*.png")):
        pdf.add_page()
        pdf.image(str(image), x=0, y=0, w=595.28, h=841.89)
    path.write_bytes(bytes(pdf.output()))
    return path


def run(tmp_path, *args):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *map(str, args)])


@needs_font
def test_an_undecodable_khmer_text_layer_is_refused_with_what_to_do(tmp_path):
    result = run(tmp_path, "corpus", "ingest", shaped_pdf(tmp_path / "law.pdf"), "--law",
                 "kh/km-test", "--new", "--language", "km")
    assert result.exit_code == 2, result.output
    assert "LC215" in result.output and "(cid:N)" in result.output
    assert "--ocr" in result.output and "Traceback" not in result.output


@needs_font
@needs_ocr
@pytest.mark.slow
def test_a_scan_without_ocr_says_to_use_it_and_with_ocr_reads_the_articles(tmp_path):
    scan = scanned_pdf(shaped_pdf(tmp_path / "law.pdf"), tmp_path / "scan.pdf")
    refused = run(tmp_path, "corpus", "ingest", scan, "--law", "kh/km-test", "--new")
    assert refused.exit_code == 2 and "LC211" in refused.output and "--ocr" in refused.output

    result = run(tmp_path, "corpus", "ingest", scan, "--law", "kh/km-test", "--new",
                 "--language", "km", "--ocr", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)["report"]
    assert report["ocr"]["pages"] == [1] and "khm" in report["ocr"]["engine"]
    assert "OCR" in run(tmp_path, "corpus", "show", "kh/km-test").output
    law = json.loads(run(tmp_path, "corpus", "show", "kh/km-test", "--format", "json").output)
    articles = {p["id"].rsplit("/", 1)[1]: p["text"] for p in law["provisions"]
                if p["kind"] == "article"}
    assert sorted(articles) == ["art-1", "art-2", "art-3"]
    for key, source in (("art-1", LAW[3]), ("art-2", LAW[5]), ("art-3", LAW[7])):
        accuracy = difflib.SequenceMatcher(None, "".join(source.split()),
                                           "".join(articles[key].split()),
                                           autojunk=False).ratio()
        assert accuracy >= 0.9, (key, accuracy, articles[key])
    found = json.loads(run(tmp_path, "corpus", "search", "សហគមន៍", "--format", "json").output)
    assert "kh/km-test/art-1" in [h["id"] for h in found]
