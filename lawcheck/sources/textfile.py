"""Read a law from a plain-text or Markdown file into pages of lines.

Form feeds (``\\f``, what ``pdftotext`` writes between pages) split pages, so running headers and
footers can be recognised in converted text too. Anything that is not text is refused with an
error that names the file and says what to do.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from lawcheck.errors import SourceFileError, Where
from lawcheck.model import Line, SourceText


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise SourceFileError(f"file not found: {path}", code="LC201",
                              fix="check the path; relative paths start from the current folder")
    if path.is_dir():
        raise SourceFileError(f"{path} is a folder, not a file", code="LC205",
                              fix="give the path of one .txt, .md or .pdf file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceFileError(f"cannot read {path}: {exc.strerror}", code="LC201",
                              fix="check that the file is readable by you") from exc
    if not data.strip():
        raise SourceFileError(f"{path} is empty", code="LC202",
                              fix="the file holds no text; export the law again or pick "
                                  "another file")
    return data


def decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:8192]:
            raise SourceFileError(
                f"{path} is a binary file, not text", code="LC203",
                fix="give a .txt or .md file in UTF-8, or the law's PDF")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise SourceFileError(
                f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start})", code="LC204", where=Where(str(path), line),
                fix="save the file as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`), or "
                    "ingest the PDF instead") from exc
    controls = sum(1 for ch in text[:8192]
                   if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise SourceFileError(f"{path} looks like a binary file, not text", code="LC203",
                              fix="give a .txt or .md file in UTF-8, or the law's PDF")
    return unicodedata.normalize("NFC", text)


def read_text(path: Path) -> SourceText:
    data = read_bytes(path)
    text = decode(path, data)
    return text_source(text, str(path), hashlib.sha256(data).hexdigest(),
                       "markdown" if path.suffix.lower() == ".md" else "text")


def text_source(text: str, name: str, sha256: str, kind: str = "text") -> SourceText:
    """Split text into pages (on form feeds) of lines numbered as the file numbers them: a form
    feed starts a new page without starting a new line, so "line N" in a report is line N of
    the file."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages: list[tuple[Line, ...]] = []
    page: list[Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        parts = raw.split("\f")
        for k, part in enumerate(parts):
            if k:
                pages.append(tuple(page))
                page = []
            if part or len(parts) == 1:
                page.append(Line(part.rstrip(), len(pages) + 1, number))
    pages.append(tuple(page))
    return SourceText(name, sha256, kind, tuple(pages))
