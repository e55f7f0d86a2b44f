"""`corpus ingest --ocr` on a real Khmer law: the Peaceful Demonstration Law's Khmer text in
../shared is set in Khmer OS with text shaping (as Khmer PDFs are), rasterised by pdftoppm at
150 dpi into a scan, and ingested with --ocr. Prints the articles found against those of the
source, and the character accuracy of each article's OCR text against the source's (the
share of the source's characters found in order, spaces ignored), with the time per page.

    python benchmarks/khmer_ocr.py [--dpi 150]

Needs fonts-khmeros, tesseract-ocr, tesseract-ocr-khm and poppler-utils (.ci/run installs
them); the source text is read from ../shared and never copied into the project.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "corpus-samples" / "kh" / "peaceful-demonstration-2009" / "km.md"
FONT = "/usr/share/fonts/truetype/khmeros/KhmerOS.ttf"


DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


def _source_articles(lines: list[str]) -> dict[str, str]:
    """Article number -> text (spaces removed) of the source, from its 'មាត្រា N' lines to the
    next heading; the table of contents (before the first article body) is left out."""
    articles: dict[str, str] = {}
    current = None
    for line in lines:
        m = re.match(r"^មាត្រា\s*([០-៩0-9]+)\s*[:៖.-]?\s*(.*)$", line)
        if m:
            current = m.group(1).translate(DIGITS)
            articles[current] = "".join(m.group(2).split())
        elif re.match(r"^(ជំពូកទី|ធ្វើនៅ)", line):
            current = None
        elif current is not None:
            articles[current] += "".join(line.split())
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from fpdf import FPDF

    lines = [re.sub(r"^(#+|-)\s*", "", l).strip()
             for l in SOURCE.read_text(encoding="utf-8").splitlines()]
    lines = [l for l in lines if l]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pdf = FPDF(unit="pt", format="A4")
        pdf.add_font("khmer", fname=FONT)
        pdf.set_font("khmer", size=12)
        pdf.set_text_shaping(True)
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(500, 22, line, new_x="LMARGIN", new_y="NEXT")
        (tmp / "law.pdf").write_bytes(bytes(pdf.output()))
        subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(tmp / "law.pdf"),
                        str(tmp / "page")], check=True)
        scan = FPDF(unit="pt", format="A4")
        pages = sorted(tmp.glob("page-*.png"))
        for image in pages:
            scan.add_page()
            scan.image(str(image), x=0, y=0, w=595.28, h=841.89)
        (tmp / "scan.pdf").write_bytes(bytes(scan.output()))
        db = str(tmp / "ocr.db")
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "lawcheck", "--db", db, "corpus",
                               "ingest", str(tmp / "scan.pdf"), "--law", "kh/demo-ocr",
                               "--new", "--language", "km", "--ocr", "--format", "json"],
                              capture_output=True, text=True)
        took = time.perf_counter() - started
        if done.returncode:
            print(done.stdout, done.stderr)
            return 1
        shown = json.loads(subprocess.run(
            [sys.executable, "-m", "lawcheck", "--db", db, "corpus", "show", "kh/demo-ocr",
             "--format", "json"], capture_output=True, text=True).stdout)
    articles = {p["number"]: "".join(p["text"].split()) for p in shown["provisions"]
                if p["kind"] == "article"}
    source = _source_articles(lines)
    matched = total = 0
    for number, text in source.items():
        total += len(text)
        if number in articles:
            blocks = difflib.SequenceMatcher(None, text, articles[number],
                                             autojunk=False).get_matching_blocks()
            matched += sum(b.size for b in blocks)
    result = {"pages": len(pages), "dpi": args.dpi, "seconds": round(took, 1),
              "seconds_per_page": round(took / max(1, len(pages)), 1),
              "articles_in_source": len(source), "articles_found": len(articles),
              "missing_articles": sorted(set(source) - set(articles), key=int),
              "source_article_chars": total,
              # characters of the source articles found in order in the OCR text of the same
              # article (a missing article counts as all wrong)
              "character_accuracy": round(matched / max(1, total), 4)}
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
