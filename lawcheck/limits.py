"""Documented limits on what lawcheck reads, so that a hostile or broken file cannot take the
machine's memory or time (issue 18). Each is checked before the expensive step, and going over
one is a located input error (exit 2), never a crash. docs/settings.md lists them.

The values are generous for real work: the largest real plan seen is a few kilobytes, the
largest law PDF (107 pages) about 2 MB with some 20 MB of decompressed streams, and a long
Facebook post some 10,000 characters.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from pathlib import Path

from lawcheck.errors import InputError, Where

MB = 1024 * 1024

#: A plan or organisation file (YAML, JSON, CSV) or a rule/lexicon/precedent YAML file.
PLAN_BYTES = 10 * MB
#: An XLSX workbook on disk, and everything inside it once unzipped.
XLSX_BYTES = 20 * MB
XLSX_UNZIPPED = 200 * MB
#: openpyxl holds a workbook's shared strings in memory even when streaming rows.
XLSX_SHARED_STRINGS = 64 * MB
#: Activities in one plan (rows of a sheet).
PLAN_ROWS = 10_000
#: Characters of one statement; a longer row is skipped with its line number.
STATEMENT_CHARS = 100_000
#: A law PDF on disk, and all its content streams once decompressed.
PDF_BYTES = 200 * MB
PDF_UNPACKED = 1024 * MB
#: Pages one `corpus ingest --ocr` reads by OCR (about 20 s a page on two cores).
OCR_PAGES = 500
#: Nesting of YAML and JSON (lawcheck's files need fewer than ten levels).
NESTING = 300


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB"


def check_size(path: Path, limit: int, what: str, code: str = "LC207") -> None:
    """Refuse a file bigger than ``limit`` bytes before reading it."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return  # the reader reports a missing or unreadable file itself
    if size > limit:
        raise InputError(f"the file is {_mb(size)}; lawcheck reads {what} of at most "
                         f"{_mb(limit)}",
                         code=code, where=Where(str(path)),
                         fix="check that this is the right file; split it if it really is "
                             "that large (limits: docs/settings.md)")


def check_workbook(path: Path, data: bytes | None = None) -> None:
    """Refuse an XLSX whose parts unzip to more than the limits (a zip bomb)."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as book:
            members = book.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a workbook: the reader says so
    total = sum(m.file_size for m in members)
    shared = sum(m.file_size for m in members if m.filename.lower().endswith(
        "sharedstrings.xml"))
    if total > XLSX_UNZIPPED or shared > XLSX_SHARED_STRINGS:
        raise InputError(f"the workbook unzips to {_mb(total)} ({_mb(shared)} of shared text); "
                         f"lawcheck reads workbooks of at most {_mb(XLSX_UNZIPPED)} unzipped "
                         f"and {_mb(XLSX_SHARED_STRINGS)} of shared text", code="LC208",
                         where=Where(str(path)),
                         fix="save the sheet again from a spreadsheet program, or export it "
                             "as CSV (limits: docs/settings.md)")


_STREAM = re.compile(rb"/FlateDecode.{0,400}?stream\r?\n", re.S)


def check_pdf_streams(path: Path, data: bytes) -> None:
    """Refuse a PDF whose Flate streams would decompress to more than PDF_UNPACKED bytes.

    pdfminer decompresses each stream whole, in memory; a 1 MB file can hold gigabytes. Each
    stream is inflated here in bounded pieces and only counted, so the check itself stays
    small."""
    total = 0
    for found in _STREAM.finditer(data):
        inflater = zlib.decompressobj()
        chunk = data[found.end():found.end() + 64 * MB]
        while chunk and total <= PDF_UNPACKED:
            try:
                out = inflater.decompress(chunk, 4 * MB)
            except zlib.error:
                break
            total += len(out)
            if not out:
                break
            chunk = inflater.unconsumed_tail
        if total > PDF_UNPACKED:
            raise InputError(f"the PDF holds streams that decompress to more than "
                             f"{_mb(PDF_UNPACKED)}; lawcheck will not open it (a compression "
                             "bomb, or a scan far larger than a law)", code="LC209",
                             where=Where(str(path)),
                             fix="check where the file comes from; a text or a re-saved PDF "
                                 "of the law can be ingested instead (limits: "
                                 "docs/settings.md)")
