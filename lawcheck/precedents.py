"""The precedent base: real enforcement events in ``corpus/precedents/YYYY.yaml``.

Loaded strictly like the rules (corpus/precedents/README.md fixes the schema): duplicate keys,
unknown keys (with a did-you-mean), wrong types, values outside a vocabulary, bad dates, ids that
do not match their date or file, and citations of provisions the corpus lacks are all reported
in one pass as a :class:`PrecedentError` (LC340-LC348), each with file:line. A precedent's
``reconstruction`` (one plan activity, or a statement) is checked with the plan validator, so a
reconstruction that ``lawcheck check`` would refuse fails here first.

Public use (the plan check, the statement analyser, the CLI)::

    from lawcheck.precedents import load_precedents
    for p in load_precedents():          # a tuple of Precedent, sorted by date then id
        p.id, p.date, p.categories, p.level, p.did.quote, p.one_line()
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import LawcheckError, PrecedentError, Problem, Where
from lawcheck.model import CONFIDENCE
from lawcheck.plan import schema as s
from lawcheck.rulebase.model import CATEGORIES, CONSEQUENCES, ORG_TYPES
from lawcheck.yamlio import did_you_mean

WHO_KINDS = ("person", "organisation", "network", "community", "union", "media", "party")
DID_KINDS = ("activity", "statement", "organisation")
ACTIONS = ("warning", "questioning", "summons", "dispersal", "ban", "blocked", "detention",
           "arrest", "charge", "conviction", "acquittal", "pardon", "release", "fine",
           "suspension", "deregistration", "mou-termination", "licence-revocation", "closure",
           "expulsion", "surveillance", "other")
LEVELS = ("low", "moderate", "high", "critical")  # risk levels an outcome can imply
PRECISIONS = ("day", "month", "year")
ONE_LINE_PART = 110  # characters of each half of a report's one-line precedent
QUOTE_MAX = 350  # "never more than ~300 characters" (README): a margin, not a licence
ID = re.compile(r"^(\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*$")
FILE = re.compile(r"^(\d{4})\.yaml$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- the record ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Who:
    kind: str
    org_type: str | None = None
    role: str | None = None
    sector: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Did:
    kind: str
    summary: str
    activity_type: str | None = None
    place: str | None = None
    public_space: bool | None = None
    size: int | None = None
    topics: tuple[str, ...] = ()
    medium: str | None = None
    quote: str | None = None
    quote_language: str | None = None
    translated: bool | None = None


@dataclass(frozen=True)
class Outcome:
    actions: tuple[str, ...]
    summary: str
    by: str | None = None
    sentence: str | None = None


@dataclass(frozen=True)
class Basis:
    cited: str
    provision: str | None = None


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str
    date: date | None = None


@dataclass(frozen=True)
class Precedent:
    """One enforcement event. ``reconstruction`` is plain data: ``{"statement": {...}}`` or
    ``{"activity": {...}, "organization": {...}}`` (plan vocabulary, validated on load)."""

    id: str
    date: date
    date_precision: str
    who: Who
    did: Did
    outcome: Outcome
    legal_basis: tuple[Basis, ...]
    categories: tuple[str, ...]
    level: str
    consequence: str
    confidence: str
    sources: tuple[Source, ...]
    note: str | None
    reconstruction: dict = dataclasses.field(compare=False, hash=False)
    file: str = dataclasses.field(default="", compare=False)
    line: int = dataclasses.field(default=0, compare=False)

    @property
    def year(self) -> int:
        return self.date.year

    def one_line(self) -> str:
        """"2017: <what they did>; <what the authorities did>" for reports: the first sentence
        of each summary (``precedents show`` gives the rest)."""
        what, done = _sentence(self.did.summary), _sentence(self.outcome.summary)
        return f"{self.year}: {what[:1].lower() + what[1:]}; {done[:1].lower() + done[1:]}"

    def brief(self) -> dict:
        """The SPEC §5 (as amended) form a finding carries."""
        return {"id": self.id, "date": self.date.isoformat(), "summary": self.one_line()}

    def text(self) -> str:
        """Every searchable word of the precedent."""
        parts = [self.id, self.did.summary, self.outcome.summary, self.did.quote or "",
                 self.who.role or "", self.who.name or "", self.who.sector or "",
                 self.did.place or "", self.did.activity_type or "", " ".join(self.did.topics),
                 " ".join(self.categories), " ".join(self.outcome.actions),
                 " ".join(b.cited for b in self.legal_basis), self.note or ""]
        return " ".join(parts)


def _sentence(text: str) -> str:
    """The first sentence, without its full stop (an abbreviation like "Art." does not end
    one: a sentence ends at a full stop followed by a space and a capital)."""
    found = re.search(r"(?<![A-Z][a-z])(?<!\b[A-Z])(?<!Art)(?<!No)\.\s+(?=[A-Z])", text)
    first = (text[:found.start()] if found else text).rstrip(". ")
    return textwrap.shorten(first, ONE_LINE_PART, placeholder=" …")


# --- the schema, as data -------------------------------------------------------------------

@dataclass(frozen=True)
class F:
    """A field: its type (str, int, bool, date, list, map), whether required, a vocabulary, the
    item type of a list, the fields of a map."""

    type: str
    required: bool = False
    values: tuple[str, ...] = ()
    item: "F | None" = None
    fields: dict | None = None
    nonempty: bool = False


_STR, _REQ = F("str"), F("str", required=True)
WHO = {"kind": F("str", True, WHO_KINDS), "org_type": F("str", values=ORG_TYPES),
       "role": _STR, "sector": F("str", values=s.SECTORS), "name": _STR}
DID = {"kind": F("str", True, DID_KINDS), "summary": _REQ,
       "activity_type": F("str", values=s.ACTIVITY_TYPES), "place": _STR,
       "public_space": F("bool"), "size": F("int"), "topics": F("list", item=_STR),
       "medium": F("str", values=s.MEDIA), "quote": _STR,
       "quote_language": F("str", values=("en", "km")), "translated": F("bool")}
OUTCOME = {"actions": F("list", True, item=F("str", values=ACTIONS), nonempty=True),
           "by": _STR, "sentence": _STR, "summary": _REQ}
BASIS = {"cited": _REQ, "provision": _STR}
SOURCE = {"title": _REQ, "publisher": _REQ, "url": _REQ, "date": F("date")}
STATEMENT = {"text": _REQ, "date": F("date"), "medium": F("str", values=s.MEDIA),
             "org_type": F("str", values=ORG_TYPES), "speaker": F("str", values=s.SPEAKERS)}
PRECEDENT = {
    "id": _REQ, "date": F("date", True), "date_precision": F("str", values=PRECISIONS),
    "who": F("map", True, fields=WHO), "did": F("map", True, fields=DID),
    "outcome": F("map", True, fields=OUTCOME),
    "legal_basis": F("list", True, item=F("map", fields=BASIS)),
    "categories": F("list", True, item=F("str", values=CATEGORIES), nonempty=True),
    "level": F("str", True, LEVELS), "consequence": F("str", True, CONSEQUENCES),
    "confidence": F("str", True, CONFIDENCE),
    "sources": F("list", True, item=F("map", fields=SOURCE), nonempty=True),
    "note": _STR, "reconstruction": F("map", True),
}
_TYPES = {"str": (str,), "int": (int,), "bool": (bool,), "date": (date,), "list": (list,),
          "map": (dict,)}
_SHOWN = {"str": "text", "int": "a whole number", "bool": "true or false",
          "date": "a date YYYY-MM-DD", "list": "a list", "map": "a mapping"}


class _Reader:
    """Checks one file against the schema, appending every problem to a shared list."""

    def __init__(self, file: str, problems: list[Problem], subject: str | None = None):
        self.file, self.problems, self.subject = file, problems, subject

    def add(self, code: str, where: Where, message: str, fix: str | None = None) -> None:
        self.problems.append(Problem(code, where, message, self.subject, fix))

    def map(self, raw: dict, fields: dict, path: str) -> dict:
        out, missing = {}, []
        for key in raw:
            if key not in fields:
                self.add("LC342", raw.where(key), f"unknown key {path}{key!r}"
                         + did_you_mean(str(key), fields),
                         "see corpus/precedents/README.md for the keys a precedent may use")
        for key, spec in fields.items():
            if key in raw and raw[key] is None and spec.type == "list":
                out[key] = self.value([], spec, f"{path}{key}", raw.where(key))  # null = none
                continue
            if key not in raw or raw[key] is None:
                if spec.required:
                    missing.append(key)
                continue
            value = self.value(raw[key], spec, f"{path}{key}", raw.where(key))
            if value is not None:
                out[key] = value
        if missing:
            self.add("LC343", raw.where(), f"missing required key{'s' * (len(missing) > 1)} "
                     + ", ".join(f"{path}{k}" for k in missing),
                     "add them; see corpus/precedents/README.md")
        return out

    def value(self, raw, spec: F, path: str, where: Where):
        if spec.type == "date" and isinstance(raw, str):
            try:
                raw = date.fromisoformat(raw) if DATE.match(raw) else raw
            except ValueError as exc:
                self.add("LC344", where, f"{path!r} is not a real date: {raw!r} ({exc})",
                         "correct the value on that line")
                return None
        bad_bool = isinstance(raw, bool) and spec.type in ("int", "date")
        if not isinstance(raw, _TYPES[spec.type]) or bad_bool:
            if spec.type == "str" and isinstance(raw, (int, float, date)) \
                    and not isinstance(raw, bool):
                raw = str(raw)  # a place called 1979 or a sentence "5": text is fine
            else:
                self.add("LC344", where, f"{path!r} must be {_SHOWN[spec.type]}, not "
                         f"{raw!r}", "correct the value on that line" +
                         ("; with date_precision month or year write the first day"
                          if spec.type == "date" else ""))
                return None
        if spec.values and raw not in spec.values:
            self.add("LC345", where, f"{path!r}: {raw!r} is not one of: "
                     f"{', '.join(spec.values)}" + did_you_mean(str(raw), spec.values))
            return None
        if spec.type == "list":
            if spec.nonempty and not raw:
                self.add("LC343", where, f"{path!r} must name at least one value")
            items = [self.value(v, spec.item, f"{path}[{i}]",
                                v.where() if hasattr(v, "where") else where)
                     for i, v in enumerate(raw)]
            return [v for v in items if v is not None]
        if spec.type == "map" and spec.fields is not None:
            return self.map(raw, spec.fields, f"{path}.")
        return raw.strip() if isinstance(raw, str) else raw


# --- loading ---------------------------------------------------------------------------------

def precedents_dir() -> Path:
    from lawcheck.settings import precedents_dir as configured

    return configured()


def precedent_files(root: Path | None = None) -> list[Path]:
    root = Path(root) if root is not None else precedents_dir()
    return sorted(root.glob("*.yaml")) if root.is_dir() else []


def load_precedents(root: Path | str | None = None, *, provisions: set[str] | None = None,
                    paths: list[Path] | None = None) -> tuple[Precedent, ...]:
    """Load and check every precedent under ``root`` (default: the shipped
    ``corpus/precedents``), or the files ``paths``; sorted by date, then id.

    ``provisions``: provision ids of the corpus, to check ``legal_basis[].provision`` (None
    skips that check). Raises :class:`~lawcheck.errors.PrecedentError` listing every problem.
    The result is reused within a process while the files' bytes stay the same."""
    files = [Path(p) for p in paths] if paths is not None else precedent_files(
        Path(root) if root is not None else None)
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path).encode() + b"\0" + (path.read_bytes() if path.is_file()
                                                     else b"") + b"\0")
    key = (digest.hexdigest(), None if provisions is None else frozenset(provisions))
    if key not in _LOADED:
        found = _load(files, provisions)
        _LOADED.clear()
        _LOADED[key] = found
    return _LOADED[key]


_LOADED: dict = {}


def get(precedent_id: str, precedents=None) -> Precedent:
    from lawcheck.errors import NotFoundError

    precedents = load_precedents() if precedents is None else precedents
    for p in precedents:
        if p.id == precedent_id:
            return p
    raise NotFoundError(f"no precedent {precedent_id!r}"
                        + did_you_mean(precedent_id, [p.id for p in precedents]),
                        fix="`lawcheck precedents list` shows the ids", code="LC349")


def _load(files: list[Path], provisions) -> tuple[Precedent, ...]:
    problems: list[Problem] = []
    found: list[Precedent] = []
    first: dict[str, Precedent] = {}
    for path in files:
        for p in _load_file(path, provisions, problems):
            if p.id in first:
                problems.append(Problem("LC346", Where(p.file, p.line), f"duplicate precedent "
                                        f"id (first at {first[p.id].file}:{first[p.id].line})",
                                        p.id, "ids are unique and never reused: rename one"))
                continue
            first[p.id] = p
            found.append(p)
    if problems:
        raise PrecedentError(problems)
    return tuple(sorted(found, key=lambda p: (p.date, p.id)))


def _load_file(path: Path, provisions, problems: list[Problem]) -> list[Precedent]:
    try:  # dates stay text and are checked one by one, so a bad date hides no other problem;
        # the shipped files' parse is cached like the rules' (yamlio.load)
        data = yamlio.load(path, dates=False)
    except LawcheckError as exc:
        problems.append(Problem("LC341", exc.where or Where(str(path)), exc.what, None, exc.fix))
        return []
    reader = _Reader(str(path), problems)
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("precedents"), list):
        reader.add("LC343", Where(str(path), 1), "a precedent file holds 'precedents:' (a list)",
                   "see corpus/precedents/README.md")
        return []
    for key in set(data) - {"precedents"}:
        reader.add("LC342", data.where(key), f"unknown key {key!r} at the top of a precedent "
                   "file" + did_you_mean(str(key), ["precedents"]))
    year = FILE.match(path.name)
    out = []
    for item in data["precedents"]:
        if not isinstance(item, dict):
            reader.add("LC344", Where(str(path)), "each precedent must be a mapping")
            continue
        p = _precedent(path, item, provisions, problems, int(year.group(1)) if year else None)
        if p is not None:
            out.append(p)
    return out


def _precedent(path: Path, item: dict, provisions, problems, file_year) -> Precedent | None:
    count = len(problems)
    pid = str(item.get("id", "?"))
    reader = _Reader(str(path), problems, pid)
    v = reader.map(item, PRECEDENT, "")
    match = ID.match(pid)
    if "id" in v and not match:
        reader.add("LC346", item.where("id"), f"id {pid!r} must be YYYY-slug (lower case "
                   "letters, digits, hyphens), e.g. 2020-rong-chhun-arrest")
    day = v.get("date")
    if match and day and int(match.group(1)) != day.year:
        reader.add("LC346", item.where("id"), f"id {pid!r} starts with {match.group(1)} but the "
                   f"date is {day.isoformat()}", "the id's year is the year of the date")
    if file_year and day and day.year != file_year:
        reader.add("LC346", item.where("date"), f"dated {day.year} but in {path.name}",
                   f"move it to {day.year}.yaml")
    quote = v.get("did", {}).get("quote")
    if quote and len(quote) > QUOTE_MAX:
        reader.add("LC344", item["did"].where("quote"), f"the quote has {len(quote)} "
                   f"characters; a quote is a short excerpt (at most {QUOTE_MAX})",
                   "keep the few words that matter; paraphrase the rest in summary")
    for i, basis in enumerate(v.get("legal_basis", [])):
        pid_ = basis.get("provision")
        if pid_ and provisions is not None and pid_ not in provisions:
            reader.add("LC347", item["legal_basis"][i].where("provision"),
                       f"legal_basis[{i}].provision {pid_!r} is not a provision in the corpus"
                       + did_you_mean(pid_, provisions),
                       "name only a provision id `lawcheck corpus show LAW` lists, or leave "
                       "'provision' out and keep 'cited'")
    if "reconstruction" in item and isinstance(item["reconstruction"], dict):
        _reconstruction(reader, item["reconstruction"], v.get("did", {}).get("kind"))
    if len(problems) > count:
        return None
    return _build(v, str(path), item.start)


def _reconstruction(reader: _Reader, raw: dict, did_kind: str | None) -> None:
    from lawcheck.plan.validate import Checker

    allowed = {"statement", "activity", "organization"}
    for key in raw:
        if key not in allowed:
            reader.add("LC342", raw.where(key), f"unknown key reconstruction.{key!r}"
                       + did_you_mean(str(key), allowed))
    if ("statement" in raw) == ("activity" in raw):
        reader.add("LC348", raw.where(), "a reconstruction holds either 'statement:' or "
                   "'activity:' (with its 'organization:'), exactly one")
        return
    if "statement" in raw:
        if "organization" in raw:
            reader.add("LC348", raw.where("organization"), "a statement reconstruction gives "
                       "org_type inside statement:, not an organization:")
        if isinstance(raw["statement"], dict):
            reader.map(raw["statement"], STATEMENT, "reconstruction.statement.")
        else:
            reader.add("LC344", raw.where("statement"), "reconstruction.statement must be a "
                       "mapping (text, date, medium, org_type)")
        return
    # one plan activity and its organization, checked as `lawcheck check` would check them
    checker = Checker(reader.file, plan_problems := [])
    org = dataclasses.replace(s.ORGANIZATION, required=True, fields=tuple(
        dataclasses.replace(f, required=False) if f.name == "name" else f
        for f in s.ORGANIZATION.fields))
    for key, field in (("organization", org), ("activity", s.ACTIVITY)):
        if key not in raw:
            reader.add("LC348", raw.where(), f"an activity reconstruction needs "
                       f"'{key}:'" + (" (type and sector at least)" if key == "organization"
                                      else ""))
        else:
            checker.value(raw[key], field, f"reconstruction.{key}", raw.where(key))
    for problem in plan_problems:
        reader.add("LC348", problem.where, f"reconstruction: {problem.message} "
                   f"(plan check {problem.code})", problem.fix)


def _build(v: dict, file: str, line: int) -> Precedent:
    did = dict(v["did"], topics=tuple(v["did"].get("topics", ())))
    outcome = dict(v["outcome"], actions=tuple(v["outcome"]["actions"]))
    return Precedent(
        id=v["id"], date=v["date"], date_precision=v.get("date_precision", "day"),
        who=Who(**v["who"]), did=Did(**did), outcome=Outcome(**outcome),
        legal_basis=tuple(Basis(**b) for b in v["legal_basis"]),
        categories=tuple(v["categories"]), level=v["level"], consequence=v["consequence"],
        confidence=v["confidence"], sources=tuple(Source(**x) for x in v["sources"]),
        note=v.get("note"), reconstruction=_plain(v["reconstruction"]), file=file, line=line)


def _plain(value):
    """Reconstruction data as plain dicts and lists (no line bookkeeping)."""
    if isinstance(value, dict):
        return {k: _plain(x) for k, x in value.items()}
    if isinstance(value, list):
        return [_plain(x) for x in value]
    return value


# --- reading the base ------------------------------------------------------------------------

def to_dict(p: Precedent, *, full: bool = True) -> dict:
    """JSON-ready form: ``full`` is every field (``precedents show``), else the listing row."""
    def plain(value):
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    row = {"id": p.id, "date": p.date.isoformat(), "date_precision": p.date_precision,
           "summary": p.one_line(), "categories": list(p.categories), "level": p.level,
           "consequence": p.consequence, "confidence": p.confidence,
           "actions": list(p.outcome.actions)}
    if not full:
        return row
    return {**row, "who": plain(dataclasses.asdict(p.who)), "did": plain(dataclasses.asdict(p.did)),
            "outcome": plain(dataclasses.asdict(p.outcome)),
            "legal_basis": plain([dataclasses.asdict(b) for b in p.legal_basis]),
            "sources": plain([dataclasses.asdict(x) for x in p.sources]), "note": p.note,
            "reconstruction": plain(p.reconstruction), "file": p.file, "line": p.line}


_WORD = re.compile(r"[\w']+")


def search(words, precedents) -> list[tuple[int, Precedent]]:
    """Precedents in which every word occurs (as a word or the start of one, any case), best
    first: most occurrences, then newest."""
    wanted = [w.lower() for w in words for w in _WORD.findall(w)]
    hits = []
    for p in precedents:
        tokens = [t.lower() for t in _WORD.findall(p.text())]
        counts = [sum(t.startswith(w) for t in tokens) for w in wanted]
        if wanted and all(counts):
            hits.append((sum(counts), p))
    return sorted(hits, key=lambda h: (-h[0], -h[1].date.toordinal(), h[1].id))
