"""The corpus shipped with lawcheck (``corpus/<jurisdiction>/<slug>/law.yaml`` plus its text):
strict loading of the metadata, and loading into the database on first use and again whenever
the files change (by hash). No init step.

The digest text goes through the same parser as any user's law, so the shipped corpus also
tests the parser; the metadata adds what the text cannot say: dates, sources and the
confidence of each provision, carried over from ``../shared/legal``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import CorpusDataError, Where
from lawcheck.ingest import LAW_ID, prepare, store_prepared
from lawcheck.model import CONFIDENCE, IngestOptions
from lawcheck.settings import corpus_dir

REQUIRED = {"id": str, "title": str, "language": str, "version": str, "text": str,
            "confidence": str}
OPTIONAL = {"short_title": str, "jurisdiction": str, "kind": str, "royal_kram": str,
            "adopted": date, "senate_approved": date, "promulgated": date,
            "effective_from": date, "effective_to": date, "effective_note": str,
            "structure": dict, "covered": str, "digest": bool, "sources": list,
            "provisions": dict, "notes": str, "summary": str}
PROVISION_KEYS = {"confidence": str, "source": str, "note": str}
SETTING = "shipped-corpus"


@dataclass(frozen=True)
class LawFile:
    folder: Path
    meta: dict
    sha256: str

    @property
    def law_id(self) -> str:
        return self.meta["id"]


def law_files(root: Path | None = None) -> list[Path]:
    root = root or corpus_dir()
    return sorted(root.glob("*/*/law.yaml")) if root.is_dir() else []


def load_law_file(path: Path) -> LawFile:
    meta = yamlio.load(path)
    where = lambda key: Where(str(path), getattr(meta, "lines", {}).get(key))  # noqa: E731
    if not isinstance(meta, dict):
        raise CorpusDataError("expected a mapping of metadata keys", where=Where(str(path), 1),
                              fix="see corpus/README.md for the keys of law.yaml")
    problems = []
    for key in meta:
        if key not in REQUIRED and key not in OPTIONAL:
            problems.append((where(key), f"unknown key {key!r}"
                             + yamlio.did_you_mean(key, [*REQUIRED, *OPTIONAL])))
    for key, kind in {**REQUIRED, **OPTIONAL}.items():
        if key not in meta:
            if key in REQUIRED:
                problems.append((Where(str(path)), f"missing required key {key!r}"))
        elif not isinstance(meta[key], kind) or (kind is date and isinstance(meta[key], bool)):
            shown = "a date YYYY-MM-DD" if kind is date else kind.__name__
            problems.append((where(key), f"{key!r} must be {shown}, not {meta[key]!r}"))
    if isinstance(meta.get("id"), str) and not LAW_ID.match(meta["id"]):
        problems.append((where("id"), f"bad law id {meta['id']!r}"))
    if meta.get("confidence") not in CONFIDENCE:
        problems.append((where("confidence"), f"confidence must be one of {', '.join(CONFIDENCE)}"))
    for pid, entry in (meta.get("provisions") or {}).items():
        line = Where(str(path), meta["provisions"].lines.get(pid)) \
            if hasattr(meta["provisions"], "lines") else Where(str(path))
        if not isinstance(entry, dict):
            problems.append((line, f"provision {pid!r}: expected a mapping"))
            continue
        for key in entry:
            if key not in PROVISION_KEYS:
                problems.append((line, f"provision {pid!r}: unknown key {key!r}"
                                 + yamlio.did_you_mean(key, PROVISION_KEYS)))
        if entry.get("confidence") not in CONFIDENCE:
            problems.append((line, f"provision {pid!r}: confidence must be one of "
                             f"{', '.join(CONFIDENCE)}"))
    if problems:
        text = "; ".join(f"{w}: {msg}" for w, msg in problems)
        raise CorpusDataError(f"{len(problems)} problem(s) in law metadata: {text}",
                              where=problems[0][0],
                              fix="see corpus/README.md for the keys of law.yaml")
    text_file = path.parent / meta["text"]
    if not text_file.is_file():
        raise CorpusDataError(f"the text file {meta['text']!r} does not exist",
                              where=where("text"), fix="name a file in the same folder")
    digest = hashlib.sha256()
    for file in sorted(path.parent.iterdir()):
        if file.is_file():
            digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return LawFile(path.parent, meta, digest.hexdigest())


def corpus_hash(files: list[LawFile]) -> str:
    return hashlib.sha256("".join(f.sha256 for f in files).encode()).hexdigest()


def sync(store, root: Path | None = None) -> list[str]:
    """Load shipped laws that are new or changed since the last load; return their ids."""
    from lawcheck.store import repository as repo

    files = [load_law_file(p) for p in law_files(root)]
    if not files:
        return []
    overall = corpus_hash(files)
    with store.sessions() as session:
        if repo.get_setting(session, SETTING) == overall:
            return []
        changed = [f for f in files
                   if repo.get_setting(session, f"{SETTING}:{f.law_id}") != f.sha256]
    loaded = []
    prepared = {f.law_id: _prepare(f) for f in changed}  # parse outside the write lock
    with store.transaction() as session:
        if repo.get_setting(session, SETTING) == overall:  # another process got there first
            return []
        for law in changed:
            key = f"{SETTING}:{law.law_id}"
            if repo.get_setting(session, key) == law.sha256:
                continue
            meta = law.meta
            confidence = {pid: (e["confidence"], e.get("note", ""))
                          for pid, e in (meta.get("provisions") or {}).items()}
            store_prepared(
                session, prepared[law.law_id],
                IngestOptions(law.law_id, meta["version"], meta.get("effective_from"),
                              meta["title"], meta["language"]),
                origin="shipped", law_meta=_plain(meta), version_meta={"digest": True},
                confidence=confidence, default_confidence=meta["confidence"],
                digest=bool(meta.get("digest")), replace=True, ends=meta.get("effective_to"))
            repo.set_setting(session, key, law.sha256)
            loaded.append(law.law_id)
        repo.set_setting(session, SETTING, overall)
    return loaded


def _prepare(law: LawFile):
    meta = law.meta
    prepared = prepare(law.folder / meta["text"], meta["language"])
    ids = {p.id for p in prepared.parsed.provisions}
    unknown = [pid for pid in (meta.get("provisions") or {}) if pid not in ids]
    if unknown:
        raise CorpusDataError(
            f"{law.law_id}: metadata describes provisions the text does not have: "
            f"{', '.join(unknown)}", where=Where(str(law.folder / "law.yaml")),
            fix="fix the provision ids (e.g. art-5, chapter-2) or the text")
    expected = meta.get("structure") or {}
    report = prepared.parsed.report
    for key, found in (("chapters", report.chapters), ("articles", report.articles)):
        if key in expected and meta.get("covered", "").startswith("all") \
                and expected[key] != found:
            raise CorpusDataError(
                f"{law.law_id}: law.yaml says {expected[key]} {key}, the text has {found}",
                where=Where(str(law.folder / meta["text"])),
                fix="check the headings of the text against the law's structure")
    return prepared


def _plain(value):
    """Metadata as JSON-ready plain values (dates as ISO strings)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
