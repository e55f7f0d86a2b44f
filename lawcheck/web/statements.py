"""Statements for the review page: pasted, or an uploaded CSV/XLSX/JSONL/TXT file whose id and
text columns the user may map; then the CLI's review, writing the page's own collection and the
CSV, HTML and XLSX downloads in one pass."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.errors import InputError
from lawcheck.review.outputs import CsvWriter, HtmlWriter, Writer
from lawcheck.web import uploads

TABLES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Source:
    path: Path
    name: str


@dataclass
class NeedsMapping:
    name: str
    headers: list[str]
    guess: dict
    token: str


@dataclass
class Result:
    name: str
    summary: dict
    pairs: list = field(default_factory=list)
    bad: list = field(default_factory=list)
    downloads: dict = field(default_factory=dict)


async def gather(form, tmp: str, cache, field: str = "statements"):
    """The statements to review as one file in ``tmp``; or what the user must map first."""
    source = await _source(form, tmp, cache, field)
    if source.path.suffix.lower() not in TABLES:
        return source
    headers = _headers(source.path)
    names = [h.strip().lower() for h in headers]
    if "id" in names and "text" in names:
        return source
    id_col, text_col = form.get("id_column") or "", form.get("text_column") or ""
    if id_col in headers and text_col in headers:
        return _remapped(source, headers, id_col, text_col)
    if cache is None:  # the JSON API: the reader's own located message says what is missing
        return source
    token = cache.put({"upload": (source.name, source.path.read_bytes())})
    return NeedsMapping(source.name, headers, _guess(headers), token)


async def _source(form, tmp, cache, field) -> Source:
    kept = form.get("upload_token")
    if kept and cache is not None:
        entry = cache.pop(kept)
        if entry is None or "upload" not in entry:
            raise InputError("the uploaded file is no longer kept", code="LC282",
                             fix="choose the file again")
        name, data = entry["upload"]
        path = Path(tmp) / uploads.safe_name(name, "statements")
        path.write_bytes(data)
        return Source(path, path.name)
    path = await uploads.save(form.get(field), tmp, "statements")
    if path is not None:
        return Source(path, path.name)
    text = form.get("text") or ""
    if not isinstance(text, str) or not text.strip():
        raise InputError("nothing to review", code="LC263",
                         fix="paste statements in the box, or choose a CSV, XLSX, JSONL or "
                             "TXT file")
    return _pasted(text, form.get("split") or "blank", tmp)


def split(text: str, how: str = "blank") -> list[str]:
    """Pasted statements: one per line, or separated by blank lines (the default)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n") if how == "line" else re.split(r"\n\s*\n", text)
    return [p.strip() for p in parts if p.strip()]


def _pasted(text: str, how: str, tmp: str) -> Source:
    path = Path(tmp) / "pasted.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "text"])
        for number, statement in enumerate(split(text, how), 1):
            out.writerow([f"P{number}", statement])
    return Source(path, "pasted statements")


def _rows(path: Path):
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        from lawcheck import limits

        limits.check_workbook(path)
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            yield from (list(r) for r in book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()
        return
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
        yield from csv.reader(fh)


def _headers(path: Path) -> list[str]:
    try:
        for row in _rows(path):
            cells = ["" if c is None else str(c).strip() for c in row]
            if any(cells):
                while cells and not cells[-1]:
                    cells.pop()
                return cells
    except Exception:  # noqa: BLE001 - not a readable table: the reader names the problem
        return ["id", "text"]
    return ["id", "text"]


def _guess(headers: list[str]) -> dict:
    from lawcheck.review.inputs import ID_WORDS, TEXT_WORDS, column_guess

    return {"id": column_guess(headers, ID_WORDS), "text": column_guess(headers, TEXT_WORDS)}


def _remapped(source: Source, headers, id_col: str, text_col: str) -> Source:
    """The table again as CSV with the chosen columns named id and text; the optional columns
    lawcheck knows are kept, every other column is left out (the page says which)."""
    from lawcheck.review.inputs import COLUMNS

    keep = {headers.index(id_col): "id", headers.index(text_col): "text"}
    for index, header in enumerate(headers):
        if header.strip().lower() in COLUMNS and header.strip().lower() not in ("id", "text") \
                and index not in keep:
            keep[index] = header.strip().lower()
    target = source.path.with_name(source.path.stem + "-mapped.csv")
    with target.open("w", encoding="utf-8", newline="") as fh:
        out, seen_header = csv.writer(fh), False
        for row in _rows(source.path):
            cells = ["" if c is None else str(c) for c in row]
            if not seen_header and any(c.strip() for c in cells):
                seen_header = True
                out.writerow(list(keep.values()))
                continue
            out.writerow([cells[i] if i < len(cells) else "" for i in keep])
    return Source(target, source.name)


class Collector(Writer):
    shows_bad_rows = True

    def __init__(self) -> None:
        super().__init__(None)
        self.pairs, self.rows = [], []

    def write(self, item, report) -> None:
        self.pairs.append((item, report))

    def bad(self, row) -> None:
        self.rows.append(row)

    def close(self) -> None:
        pass


class Renamed(Writer):
    """Passes statements on with the user's file name in place of the temporary path."""

    def __init__(self, inner: Writer, name: str) -> None:
        super().__init__(None)
        self.inner, self.name = inner, name
        self.shows_bad_rows = inner.shows_bad_rows

    def write(self, item, report) -> None:
        subject = dict(report.get("subject") or {}, source=self.name)
        self.inner.write(dataclasses.replace(item, source=self.name),
                         dict(report, subject=subject))

    def bad(self, row) -> None:
        self.inner.bad(dataclasses.replace(row, source=self.name))

    def close(self) -> None:
        self.inner.close()

    def abort(self) -> None:
        getattr(self.inner, "abort", self.inner.close)()


class _Kept(io.StringIO):
    def close(self) -> None:  # the writers close their stream; the page still reads it
        self.kept = self.getvalue()
        super().close()


def run(settings, source: Source, form, tmp: str, org: Path | None = None) -> Result:
    from lawcheck import api
    from lawcheck.report.xlsx import XlsxWriter
    from lawcheck.review.batch import write_reviews

    collector, csv_out, html_out = Collector(), _Kept(), _Kept()
    xlsx = Path(tmp) / "review.xlsx"
    writers = [Renamed(w, source.name) for w in (
        collector, CsvWriter(csv_out, owns=True), HtmlWriter(html_out, owns=True),
        XlsxWriter(str(xlsx)))]
    options = {k: (form.get(k) or None) for k in ("date", "org_type", "medium")}
    if org is not None:
        options["org_type"] = None  # the organisation file gives the type (as --org does)
    reviews = api.review([str(source.path)], **options, org=org, db=settings.db,
                         record=True, keep_text=settings.keep_text, render={"format": "summary"})
    summary = write_reviews(reviews, writers)
    if org is not None:
        from lawcheck.plan import load_organization

        organization = load_organization(org) or {}
        summary["organization"] = organization.get("name")
        summary["org_type"] = organization.get("type")
    return Result(source.name, summary, collector.pairs, collector.rows,
                  {"csv": "\ufeff" + csv_out.kept, "html": html_out.kept,
                   "xlsx": xlsx.read_bytes()})
