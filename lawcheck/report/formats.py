"""Every format lawcheck writes, in one registry: its name, the file extensions that mean it,
its media type, and, for each kind of subject, the renderer that writes it.

The CLI picks a format from ``-o FILE``'s extension here (``cli.render.output_format``), the
review opens its writers here (``review.outputs.open_writer``), and the web page names its
downloads here. Renderers are named as ``module:attribute`` inside :mod:`lawcheck.report` and
imported only when asked for, so that ``lawcheck --help`` loads no renderer (rich, Jinja2,
openpyxl); a test checks that every one of them resolves and lives in this package.

Subjects: ``plan`` (a check report, SPEC §5: a function ``(report, **options) -> str``),
``statements`` (a batch of statement reports: a writer class, see :mod:`lawcheck.report.writers`),
``calendar`` (a compliance calendar: ``(calendar) -> str``) and ``catalog`` (the rule catalogue:
``(rulebase, titles) -> str``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import PurePath


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]  # the first is the one lawcheck names its own files with
    media_type: str
    #: Read in a terminal (cat, less): control characters are shown there as on screen.
    shown: bool = False


#: In the order the CLI lists extensions in its messages.
FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", (".txt",), "text/plain; charset=utf-8", shown=True),
    Format("markdown", (".md", ".markdown"), "text/markdown; charset=utf-8", shown=True),
    Format("html", (".html", ".htm"), "text/html; charset=utf-8"),
    Format("json", (".json",), "application/json", shown=True),
    Format("jsonl", (".jsonl", ".ndjson"), "application/x-ndjson"),
    Format("csv", (".csv",), "text/csv; charset=utf-8"),
    Format("xlsx", (".xlsx",),
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    Format("ics", (".ics",), "text/calendar; charset=utf-8"),
    Format("summary", (), "application/json"),  # counts only, never a file of its own
    Format("zip", (".zip",), "application/zip"),  # the evidence pack (lawcheck.audit.export)
    Format("pdf", (".pdf",), "application/pdf"),  # not written: named so it can be refused
)}

#: Output file extensions and the format each one means (SPEC §8, §7 output files).
SUFFIXES: dict[str, str] = {ext: f.name for f in FORMATS.values() for ext in f.extensions}

_CALENDAR = "lawcheck.report.calendar"

RENDERERS: dict[str, dict[str, str]] = {
    "plan": {"text": "lawcheck.report.text:render_text",
             "json": "lawcheck.report.jsonfmt:render_json",
             "markdown": "lawcheck.report.markdown:render_markdown",
             "html": "lawcheck.report.html:render_html"},
    "statements": {"jsonl": "lawcheck.report.writers:JsonlWriter",
                   "json": "lawcheck.report.writers:JsonWriter",
                   "csv": "lawcheck.report.writers:CsvWriter",
                   "html": "lawcheck.report.review_page:HtmlWriter",
                   "text": "lawcheck.report.writers:TextWriter",
                   "summary": "lawcheck.report.writers:SummaryWriter",
                   "xlsx": "lawcheck.report.xlsx:XlsxWriter"},
    "calendar": {"text": f"{_CALENDAR}:render_text", "json": f"{_CALENDAR}:render_json",
                 "ics": f"{_CALENDAR}:render_ics"},
    "catalog": {"markdown": "lawcheck.report.catalog:render_markdown",
                "html": "lawcheck.report.catalog:render_html"},
}


def formats(subject: str) -> tuple[str, ...]:
    """The formats ``subject`` can be written in, in the registry's order."""
    return tuple(RENDERERS[subject])


def renderer(subject: str, fmt: str):
    """The function or writer class that writes ``subject`` as ``fmt`` (imported now)."""
    try:
        target = RENDERERS[subject][fmt]
    except KeyError:
        raise ValueError(f"lawcheck cannot write a {subject} as {fmt!r}; use one of: "
                         f"{', '.join(RENDERERS.get(subject, ()))}") from None
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)


def format_of(path: str | None) -> str | None:
    """The format ``path``'s extension names (None: no extension, or one lawcheck never
    writes)."""
    if not path:
        return None
    return SUFFIXES.get(PurePath(str(path)).suffix.lower())


def extensions(names, *, leave_out=()) -> list[str]:
    """The extensions of the formats ``names``, in the registry's order."""
    return [ext for ext, name in SUFFIXES.items() if name in names and ext not in leave_out]


def media_type(fmt: str) -> str:
    return FORMATS[fmt].media_type
