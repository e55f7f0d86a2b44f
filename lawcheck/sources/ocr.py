"""Optical character recognition of PDF pages with Tesseract (Debian ``tesseract-ocr`` and its
Khmer model ``tesseract-ocr-khm``), through pytesseract: the only module that runs it.

``lawcheck corpus ingest FILE.pdf --ocr`` reads a page this way when it has no text layer (a
scan) or when its text layer cannot be decoded (its font maps glyphs to no characters, which
pdfplumber shows as ``(cid:N)``). The page is rendered at 300 dpi by pdfplumber (pypdfium2)
and read with the Khmer and English models together. The version's parse report names the
pages read this way, so nobody takes OCR text for the publisher's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawcheck.errors import SourceFileError
from lawcheck.model import Line, SourceText

LANGUAGES = "khm+eng"
RESOLUTION = 300
_FIX = ("install Tesseract and its Khmer model (Debian: `apt-get install tesseract-ocr "
        "tesseract-ocr-khm`; .ci/run does this) and the Python package pytesseract "
        "(`pip install pytesseract`), or ingest a text version of the law")


@dataclass(frozen=True)
class OcrSourceText(SourceText):
    """A PDF's text with some pages read by OCR: which ones, and with what."""

    ocr_pages: tuple[int, ...] = ()
    ocr_engine: str = ""


def engine() -> str:
    """'tesseract 5.3.0 (khm+eng)'; raises LC216 when Tesseract or a model is missing."""
    try:
        import pytesseract

        version = pytesseract.get_tesseract_version()
        installed = set(pytesseract.get_languages(config=""))
    except Exception as exc:  # noqa: BLE001 - ImportError, TesseractNotFoundError, OSError
        raise SourceFileError(f"--ocr needs Tesseract, which is not available "
                              f"({exc.__class__.__name__})", code="LC216", fix=_FIX) from None
    missing = [lang for lang in LANGUAGES.split("+") if lang not in installed]
    if missing:
        raise SourceFileError(f"--ocr needs Tesseract's {', '.join(missing)} model, which is "
                              "not installed", code="LC216", fix=_FIX)
    return f"tesseract {version} ({LANGUAGES})"


def page_lines(page, page_no: int, start: int) -> list[Line]:
    """The lines of one pdfplumber page, read by Tesseract (no edge bands: a scan's running
    header is found by the parser's repeated-line check instead)."""
    import pytesseract

    image = page.to_image(resolution=RESOLUTION).original
    text = pytesseract.image_to_string(image, lang=LANGUAGES, config="--psm 4")
    lines: list[Line] = []
    for raw in text.splitlines():
        lines.append(Line(raw.strip(), page_no, start + len(lines) + 1))
    while lines and not lines[-1].text:
        lines.pop()
    return lines
