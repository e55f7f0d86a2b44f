"""laws → provisions: read a law file, parse it, annotate its provisions, store a version.

Reading, parsing and annotating (:func:`prepare`) touch no database; storing
(:func:`store_prepared`) happens inside the caller's transaction, so an ingest lands whole or
not at all.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from lawcheck.errors import OptionError, SourceFileError
from lawcheck.model import Annotation, IngestOptions, ParsedLaw, SourceText
from lawcheck.structure.parser import parse

LAW_ID = re.compile(r"^[a-z]{2,3}/[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
SUFFIXES = {".txt": "text", ".md": "text", ".markdown": "text", ".pdf": "pdf"}


@dataclass(frozen=True)
class Prepared:
    path: Path
    source: SourceText
    parsed: ParsedLaw
    annotations: tuple[tuple[Annotation, ...], ...]
    language: str


@dataclass(frozen=True)
class IngestResult:
    law_id: str
    version: str
    language: str
    title: str
    source: str
    sha256: str
    provisions: int
    annotations: int
    report: dict
    unchanged: bool  # the same file was already stored as this version
    run_id: str | None
    # rules citing a provision this version no longer has, while it is the law's newest:
    # ({"rule", "citation", "reason"}), so the parse report names them (see rules/dating.py)
    rules_affected: tuple = ()


#: The longest values the database keeps (store/schema.py): SQLite would silently accept longer
#: ones, PostgreSQL refuse them mid-transaction; both are told before any work.
LIMITS = {"law id": 100, "--version": 100, "--title": 500, "source path": 1000}


def check_length(value: str | None, what: str) -> str | None:
    if value is not None and len(value) > LIMITS[what]:
        raise OptionError(f"the {what} is {len(value)} characters long; the limit is "
                          f"{LIMITS[what]}", code="LC221" if what == "law id" else "LC220",
                          fix=f"give a shorter {what}")
    return value


def check_law_id(law_id: str) -> str:
    check_length(law_id, "law id")
    if not LAW_ID.match(law_id or ""):
        slug = re.sub(r"[^a-z0-9]+", "-", (law_id or "").lower()).strip("-")
        hint = f" (e.g. kh/{slug.split('-', 1)[-1] or 'my-law'})" if slug else ""
        raise OptionError(f"bad law id {law_id!r}: expected <jurisdiction>/<slug>, lower case "
                          "letters, digits and hyphens", code="LC221",
                          fix=f"use an id like kh/lango-2015{hint}")
    return law_id


def check_language(language: str | None) -> str | None:
    if language is not None and not LANGUAGE.match(language):
        raise OptionError(f"bad language code {language!r}", code="LC223",
                          fix="use an ISO 639 code such as en or km")
    return language


def source_kind(path: Path) -> str | None:
    """"pdf" or "text" by the file's suffix (or a PDF header), None for anything else."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None and path.is_file():
        with path.open("rb") as fh:
            kind = "pdf" if b"%PDF-" in fh.read(1024) else None
    return kind


def read_source(path: Path, ocr: bool = False) -> SourceText:
    kind = source_kind(path)
    if kind is None:
        raise SourceFileError(f"{path}: unsupported file type {path.suffix or '(none)'!r}",
                              code="LC205", fix="give a .txt, .md or .pdf file")
    if kind == "pdf":
        from lawcheck.sources.pdf import read_pdf

        return read_pdf(path, ocr=ocr)
    from lawcheck.sources.textfile import read_text

    return read_text(path)


def start_annotation(path: Path):
    """For a PDF, a child process that loads spaCy and the annotation pipeline now, while the
    caller opens the store and reads the PDF (lawcheck/annotate/background.py); None for a text
    file (read at once: nothing to overlap), once spaCy is loaded in this process, or when no
    core is free for it (background.needed). Give it to
    :func:`prepare`, and close it if prepare is never reached."""
    from lawcheck.annotate import background

    if source_kind(path) != "pdf" or not background.needed():
        return None
    return background.start()


def prepare(path: Path, language: str | None = None, ocr: bool = False,
            early=None) -> Prepared:
    """Read, parse and annotate a law file (``ocr``: read a PDF's scanned or undecodable pages
    with Tesseract). ``early``: the caller's :func:`start_annotation`, else one is started here.
    Raises SourceFileError for unusable input."""
    check_language(language)
    early = early if early is not None else start_annotation(path)
    try:
        return _prepare(path, language, ocr, early)
    finally:
        if early is not None:
            early.close()


def _prepare(path: Path, language: str | None, ocr: bool, early) -> Prepared:
    source = read_source(path, ocr)
    parsed = parse(source, language)
    leaves = [p for p in parsed.provisions
              if p.kind in ("article", "paragraph", "section") and p.text]
    if not leaves:
        raise SourceFileError(
            f"{path}: no articles found ({sum(len(p) for p in source.pages)} lines read)",
            code="LC214",
            fix="lawcheck recognises headings such as 'Article 5', 'Article 5.-', 'Art. 5' and "
                "'មាត្រា ៥' (or 'Paragraph 1' in a letter without articles, 'Section 4' in a law "
                "numbered by sections) at the start of a "
                "line; check that the file is the law's text (a scanned PDF must be OCRed first)")
    annotations = annotate_provisions(parsed, early)
    return Prepared(path, source, parsed, annotations, parsed.language)


def annotate_provisions(parsed: ParsedLaw, early=None) -> tuple[tuple[Annotation, ...], ...]:
    """Annotations for every provision, in the order of ``parsed.provisions``.

    Only articles go through the NLP pipeline: a paragraph's or point's text is a slice of its
    article's, so its annotations are the article's that fall inside that slice, shifted. This
    annotates each character once instead of three times. All texts go to the pipeline in one
    pass: in ``early`` (a :mod:`lawcheck.annotate.background` child) when given and it
    answers, otherwise here.
    """
    from lawcheck.annotate import annotate_many

    provisions = parsed.provisions
    kinds = {p.id: p.kind for p in provisions}
    # the units of text: articles, and paragraphs that stand alone (instruments without articles)
    roots = {p.id for p in provisions if p.text and (
        p.kind in ("article", "section") or p.kind == "paragraph" and kinds.get(p.parent) not in
        ("article", "paragraph", "section"))}
    parents = {p.id: p.parent for p in provisions}
    texts = {p.id: p.text for p in provisions}
    # each other provision is a slice of its root (offset), or, not found in it, annotated alone
    slices: dict[str, tuple[str, int]] = {}
    alone: list[str] = []
    cursor: dict[str, int] = {}
    for p in provisions:
        if p.id in roots or not p.text:
            continue
        root = p.parent
        while root is not None and root not in roots:
            root = parents.get(root)
        offset = texts[root].find(p.text, cursor.get(root, 0)) if root else -1
        if root is None or offset < 0:
            alone.append(p.id)
            continue
        if p.kind == "paragraph":
            cursor[root] = offset  # points are searched from their paragraph on
        slices[p.id] = (root, offset)
    units = [p.id for p in provisions if p.id in roots] + alone
    batch = [texts[i] for i in units]
    done = early.annotate_many(batch, parsed.language) if early is not None else None
    found = dict(zip(units, done if done is not None else annotate_many(batch,
                                                                        parsed.language)))
    result: list[tuple[Annotation, ...]] = []
    for p in provisions:
        if p.id not in slices:
            result.append(found.get(p.id, ()))
            continue
        root, offset = slices[p.id]
        end = offset + len(p.text)
        result.append(tuple(
            replace(a, start=a.start - offset, end=a.end - offset)
            for a in found[root] if a.start >= offset and a.end <= end))
    return tuple(result)


def store_prepared(session, prepared: Prepared, options: IngestOptions, *,
                   origin: str = "user", law_meta: dict | None = None,
                   version_meta: dict | None = None,
                   confidence: dict[str, tuple[str, str]] | None = None,
                   default_confidence: str = "uncertain", digest: bool = False,
                   replace: bool = False, now: datetime | None = None,
                   ends: date | None = None) -> IngestResult:
    """Store a prepared law as a new version, in the caller's transaction. ``ends`` is the
    last day of a law repealed without a successor in the store (a shipped law's
    ``effective_to``): the version ends then, or earlier where a later version starts."""
    from lawcheck.store import repository as repo
    from lawcheck.store.schema import IngestRun, LawVersion

    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    law_id = check_law_id(options.law_id)
    parsed, source = prepared.parsed, prepared.source
    language = options.language or prepared.language
    stored = repo.get_law(session, law_id)  # a new version keeps the law's title by default
    title = options.title or parsed.title or (stored.title if stored else "") or law_id
    existing = repo.versions_of(session, law_id, language)
    for version in existing if not replace else ():  # shipped laws: metadata may change
        if version.sha256 == source.sha256 and options.version in (None, version.version):
            return _result(law_id, version.version, language, version.title, source, parsed,
                           prepared, unchanged=True, run_id=None)
    label = options.version or (options.effective.isoformat() if options.effective
                                else f"v{len(existing) + 1}")
    check_length(label, "--version")
    check_length(options.title, "--title")
    title = title[:LIMITS["--title"]]  # a title read from the text itself is shortened
    check_length(str(source.path), "source path")
    clash = repo.find_version(session, law_id, label, language)
    if clash:
        if not replace:
            raise OptionError(
                f"{law_id} already has a version {label!r} ({language}) with different "
                f"content (from {clash[0].source})", code="LC224",
                fix="give the new text its own --version label (e.g. the date it takes "
                    "effect); versions are kept side by side")
        repo.delete_version(session, clash[0])
        session.flush()
    new_law = repo.get_law(session, law_id) is None
    repo.ensure_law(session, law_id, title if new_law or options.title else "", origin,
                    law_meta or {}, now)
    effective_to = fit_in_history(repo.versions_of(session, law_id, language), options.effective)
    if ends is not None and (effective_to is None or ends < effective_to):
        effective_to = ends
    report = _with_ocr(parsed.report.to_dict(), source)
    run = IngestRun(id=str(uuid.uuid4()), started_at=now, finished_at=now,
                    source=str(source.path), sha256=source.sha256, law_id=law_id,
                    version=label, origin=origin, report=report)
    session.add(run)
    session.flush()
    version = LawVersion(
        law_id=law_id, version=label, language=language, title=title,
        source=str(source.path), sha256=source.sha256, effective_from=options.effective,
        effective_to=effective_to, confidence=default_confidence, digest=digest,
        meta=version_meta or {}, report=report, ingested_at=now, ingest_run_id=run.id)
    repo.add_version(session, version, list(parsed.provisions), list(prepared.annotations),
                     confidence or {})
    return _result(law_id, label, language, title, source, parsed, prepared,
                   unchanged=False, run_id=run.id)


def fit_in_history(versions: list, effective: date | None) -> date | None:
    """Place a version taking effect on ``effective`` among the stored ``versions`` (one
    language): the version in force before it ends the day before, and the new one ends the day
    before the next later version starts. So ingesting an older text after a newer one still
    leaves exactly one version open-ended. Returns the new version's effective_to."""
    if effective is None:
        return None
    dated = [v for v in versions if v.effective_from is not None]
    earlier = [v for v in dated if v.effective_from < effective]
    later = [v for v in dated if v.effective_from > effective]
    if earlier:
        previous = max(earlier, key=lambda v: v.effective_from)
        if previous.effective_to is None or previous.effective_to >= effective:
            previous.effective_to = effective - timedelta(days=1)
    if later:
        return min(v.effective_from for v in later) - timedelta(days=1)
    return None


def _result(law_id, label, language, title, source, parsed, prepared, *, unchanged, run_id):
    return IngestResult(law_id, label, language, title, str(source.path), source.sha256,
                        len(parsed.provisions), sum(len(a) for a in prepared.annotations),
                        _with_ocr(parsed.report.to_dict(), source), unchanged, run_id)


def _with_ocr(report: dict, source) -> dict:
    """The parse report, naming the pages whose text OCR read (sources/ocr.py): the version's
    text there is Tesseract's reading, not the publisher's."""
    pages = getattr(source, "ocr_pages", ())
    if pages:
        report = {**report, "ocr": {"pages": list(pages), "engine": source.ocr_engine}}
    return report


def parse_date(value: str | date | None, what: str = "date") -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise OptionError(f"bad {what} {value!r}: expected YYYY-MM-DD", code="LC222",
                          fix="write the date as e.g. 2026-12-01") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        # deadlines, calendars and elections are counted forward from the date: past year
        # 9999 that overflows, and no law or plan of lawcheck's lies outside these years
        raise OptionError(f"{what} {value!r} is outside the years lawcheck can count "
                          f"({FIRST_YEAR}-{LAST_YEAR})", code="LC222",
                          fix="give a date between those years")
    return day


#: The years a date given on the command line may fall in (see parse_date).
FIRST_YEAR, LAST_YEAR = 1900, 2200
