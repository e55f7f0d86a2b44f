"""Read a law from a PDF with pdfplumber, page by page, into lines with their layout facts.

This is the only module that imports pdfplumber. Each page is closed as soon as it is read
(without it, memory grows by ~10 MB a page). Words are grouped into lines by position; lines in
the top and bottom bands of a page are marked as edge lines, where running headers, footers and
page numbers live; a page set in two columns is read column by column; a wide vertical gap
between lines becomes a blank line (a paragraph break).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from statistics import median

from lawcheck.errors import SourceFileError
from lawcheck.model import Line, SourceText
from lawcheck.sources.textfile import read_bytes

BAND = 0.075  # top and bottom 7.5 % of the page height
_FIX_CORRUPT = ("the file is damaged or truncated: download it again, or open it in a PDF "
                "viewer and save a new copy, or ingest a text version of the law")


def read_pdf(path: Path, ocr: bool = False) -> SourceText:
    """The PDF's lines. A page without a text layer, or whose text layer cannot be decoded
    ((cid:N) codes: its font maps glyphs to no characters), is read by OCR when ``ocr`` is set
    (lawcheck/sources/ocr.py); otherwise the reader refuses it with what to do."""
    from lawcheck import limits

    limits.check_size(path, limits.PDF_BYTES, "PDFs")
    data = read_bytes(path)
    if b"%PDF-" not in data[:1024]:
        raise SourceFileError(f"{path} is not a PDF (no %PDF header)", code="LC213",
                              fix="check that this is the law's PDF; a text version can be "
                                  "ingested as .txt or .md")
    limits.check_pdf_streams(path, data)  # a compression bomb is refused before pdfminer
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    pages: list[tuple[Line, ...]] = []
    chars = images = 0
    number = 0
    undecodable: list[tuple[int, int, int]] = []   # (page, words with cid codes, words)
    read_by_ocr: list[int] = []
    engine = None
    if ocr:
        from lawcheck.sources import ocr as ocr_reader

        engine = ocr_reader.engine()  # a missing Tesseract is said before any page is read
    try:
        with pdfplumber.open(path) as pdf:
            for index, page in enumerate(pdf.pages, start=1):
                try:
                    chars += len(page.chars)
                    images += len(page.images)
                    lines = _page_lines(page, index, number)
                    bad = _cid_words(lines)
                    if bad[0]:
                        undecodable.append((index, *bad))
                    if ocr and (not page.chars or bad[0]):
                        if len(read_by_ocr) >= limits.OCR_PAGES:
                            raise SourceFileError(
                                f"{path}: more than {limits.OCR_PAGES} pages to read by OCR",
                                code="LC217", fix="split the PDF (e.g. `qpdf --split-pages`) "
                                "and ingest the parts, or ingest a text version of the law")
                        lines = ocr_reader.page_lines(page, index, number)
                        read_by_ocr.append(index)
                finally:
                    page.close()
                number += len(lines)
                pages.append(tuple(lines))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) \
                or isinstance(exc.__cause__, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise SourceFileError(
                f"{path} is encrypted and needs a password to open", code="LC212",
                fix="open it with its password in a PDF viewer and save an unprotected copy "
                    "(e.g. `qpdf --decrypt --password=… in.pdf out.pdf`), then ingest that"
            ) from None
        raise SourceFileError(f"{path} cannot be read as a PDF ({_describe(cause)})",
                              code="LC213", fix=_FIX_CORRUPT) from None
    except Exception as exc:  # noqa: BLE001 - sorted by where it was raised, below
        if not _from_pdf_library(exc):
            raise  # a bug of lawcheck's own stays a bug (LC900), never "a corrupt PDF"
        raise SourceFileError(f"{path} cannot be read as a PDF ({exc.__class__.__name__})",
                              code="LC213", fix=_FIX_CORRUPT) from None
    if not pages:
        raise SourceFileError(f"{path} has no pages", code="LC213", fix=_FIX_CORRUPT)
    if chars == 0 and not ocr:
        raise SourceFileError(
            f"{path} has no text layer ({len(pages)} page(s)"
            + (", scanned images only)" if images else ")"), code="LC211",
            fix="run the command again with --ocr to read the pages with Tesseract (Khmer and "
                "English), or ingest a text version of the law")
    if undecodable and not ocr:
        shown = ", ".join(str(p) for p, _, _ in undecodable[:8]) + (
            " …" if len(undecodable) > 8 else "")
        bad, words = sum(b for _, b, _ in undecodable), sum(w for _, _, w in undecodable)
        raise SourceFileError(
            f"{path} has a text layer that cannot be decoded on {len(undecodable)} page(s) "
            f"({shown}): {bad} of {words} words there hold (cid:N) codes, glyphs the PDF's "
            "fonts map to no character (no usable ToUnicode table; common in Khmer PDFs made "
            "with shaped or legacy fonts), so their characters cannot be recovered from the "
            "file", code="LC215",
            fix="run the command again with --ocr to read those pages with Tesseract (Khmer "
                "and English); or ingest a text version of the law")
    digest = hashlib.sha256(data).hexdigest()
    if read_by_ocr:
        from lawcheck.sources.ocr import OcrSourceText

        return OcrSourceText(str(path), digest, "pdf", tuple(pages), ocr_pages=tuple(read_by_ocr),
                             ocr_engine=engine or "")
    return SourceText(str(path), digest, "pdf", tuple(pages))


def _cid_words(lines) -> tuple[int, int]:
    """(words holding a (cid:N) code, words) on a page's lines."""
    words = [w for line in lines for w in line.text.split()]
    return sum("(cid:" in w for w in words), len(words)


def _from_pdf_library(exc: BaseException) -> bool:
    """True when ``exc`` was raised inside pdfminer or pdfplumber: a damaged or hostile file
    makes them fail in many ways (MalformedPDFException, OverflowError, IndexError,
    struct.error, zlib.error, …), none of which is lawcheck's bug."""
    if isinstance(exc, RecursionError):
        return True
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return last is not None and any(f"{sep}{lib}{sep}" in last for sep in ("/", "\\")
                                    for lib in ("pdfminer", "pdfplumber"))


def _describe(cause: object) -> str:
    text = str(cause or "").strip()
    return text[:120] if text else cause.__class__.__name__ if cause else "unknown error"


def _page_lines(page, page_no: int, start: int) -> list[Line]:
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    height = float(page.height)
    top_band, bottom_band = height * BAND, height * (1 - BAND)
    head = [w for w in words if w["bottom"] <= top_band]
    foot = [w for w in words if w["top"] >= bottom_band]
    body = [w for w in words if w["bottom"] > top_band and w["top"] < bottom_band]
    groups = [(head, True)]
    gutter = _gutter(body, float(page.width))
    if gutter is None:
        groups.append((body, False))
    else:
        groups.append(([w for w in body if w["x1"] <= gutter], False))
        groups.append(([w for w in body if w["x0"] >= gutter], False))
    groups.append((foot, True))

    lines: list[Line] = []
    for group, edge in groups:
        rows = _rows(group)
        gaps = [b[0] - a[0] for a, b in zip(rows, rows[1:])]
        spacing = median(gaps) if gaps else 0.0
        previous = None
        for top, text in rows:
            if previous is not None and spacing and top - previous > spacing * 1.6 and not edge:
                lines.append(Line("", page_no, start + len(lines) + 1))
            lines.append(Line(text, page_no, start + len(lines) + 1, edge))
            previous = top
    return lines


def _rows(words: list[dict]) -> list[tuple[float, str]]:
    """Group words into lines: same baseline within a tolerance, then left to right."""
    rows: list[tuple[float, list[dict]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]) <= 2.5:
            rows[-1][1].append(word)
        else:
            rows.append((word["top"], [word]))
    return [(top, " ".join(w["text"] for w in sorted(ws, key=lambda w: w["x0"])))
            for top, ws in rows]


def _gutter(words: list[dict], width: float) -> float | None:
    """The x of a vertical gutter splitting the page into two columns, if there is one.

    A gutter lies in the middle third, no word crosses it, and both sides hold a fair share
    of the words, side by side on the page (a single column of short lines has nothing on the
    right of the gap).
    """
    if len(words) < 20:
        return None
    spans = sorted((w["x0"], w["x1"]) for w in words)
    best, covered = None, spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > covered + 6 and width / 3 <= (x0 + covered) / 2 <= 2 * width / 3:
            best = (x0 + covered) / 2
            break
        covered = max(covered, x1)
    if best is None:
        return None
    left = [w for w in words if w["x1"] <= best]
    right = [w for w in words if w["x0"] >= best]
    if min(len(left), len(right)) < 0.2 * len(words) and not _short_last_column(left, right):
        return None
    top = max(min(w["top"] for w in left), min(w["top"] for w in right))
    bottom = min(max(w["bottom"] for w in left), max(w["bottom"] for w in right))
    shorter = min(max(w["bottom"] for w in side) - min(w["top"] for w in side)
                  for side in (left, right))
    return best if bottom - top >= 0.5 * shorter else None  # side by side, not stacked


def _short_last_column(left: list[dict], right: list[dict]) -> bool:
    """The last page of a two-column law: its right column holds a few lines only, but they
    start at the top, beside the left column's first lines (a signature or a date set to the
    right sits lower down, and a single column has words crossing the middle)."""
    rows = {round(w["top"]) for w in right}
    if len(right) >= len(left) or len(rows) < 3:
        return False
    line = median(w["bottom"] - w["top"] for w in left)
    return min(w["top"] for w in right) <= min(w["top"] for w in left) + 2 * line
