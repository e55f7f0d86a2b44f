"""The corpus part of the façade: ingest laws, list, show, search and compare them.

Each function opens the store (``db``: a URL or path; default from ``LAWCHECK_DB`` or the data
directory), loads the shipped corpus if it changed, does one job and returns plain values.
Results that SPEC §7 fixes as JSON come back in exactly that shape; richer details (confidence,
annotations) ride along in separate keys the CLI renders as text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lawcheck.errors import NotFoundError, OptionError
from lawcheck.ingest import IngestResult, check_language, check_law_id, parse_date
from lawcheck.model import IngestOptions
from lawcheck.service import opened  # noqa: F401  (the façade's name for it)
from lawcheck.yamlio import did_you_mean


def ingest(path: str | Path, *, law_id: str, version: str | None = None,
           effective: str | date | None = None, title: str | None = None,
           language: str | None = None, new: bool = False,
           db: str | None = None, ocr: bool = False) -> IngestResult:
    """Parse a law file and store it as a new version of ``law_id`` (one transaction).
    ``ocr``: read a PDF's scanned or undecodable pages with Tesseract (sources/ocr.py).

    A law id the corpus does not hold yet needs ``new``: a mistyped id must not start a second
    law beside the one meant. The result names the rules that cite a provision this version no
    longer has (``rules_affected``)."""
    from dataclasses import replace

    from lawcheck.ingest import prepare, start_annotation, store_prepared

    check_law_id(law_id)
    check_language(language)
    options = IngestOptions(law_id, version, parse_date(effective, "effective date"), title,
                            language)
    # a PDF's annotation pipeline loads in a child while the store opens and the PDF is read
    early = start_annotation(Path(path))
    try:
        from lawcheck.store import repository as repo

        with opened(db) as store, store.sessions() as session:
            if not new and repo.get_law(session, law_id) is None:
                known = [law.id for law in repo.all_laws(session)]
                raise OptionError(
                    f"{law_id!r} is not a law in the corpus" + did_you_mean(law_id, known),
                    code="LC225", fix=f"to add a version of a law already stored, give its id "
                    "(`lawcheck corpus list`); to start a new law, repeat with --new")
        prepared = prepare(Path(path), language, ocr, early)
    finally:
        if early is not None:
            early.close()
    with opened(db) as store, store.transaction() as session:
        _check_placeable(session, options, language or prepared.language,
                         prepared.source.sha256)
        result = store_prepared(session, prepared, options)
        session.flush()
        return replace(result, rules_affected=tuple(citations_gone(session, law_id)))


def _check_placeable(session, options: IngestOptions, language: str, sha256: str) -> None:
    """An undated text of a law whose versions are dated cannot be placed in time: it would be
    a second open-ended version, and no one could say which applies on a date."""
    from lawcheck.store import repository as repo

    if options.effective is not None:
        return
    versions = repo.versions_of(session, options.law_id, language)
    dated = [v for v in versions if v.effective_from]
    stored = {v.sha256 for v in versions}  # the same text again changes nothing: let it through
    if dated and sha256 not in stored and options.version not in {v.version for v in dated}:
        latest = max(dated, key=lambda v: v.effective_from)
        raise OptionError(
            f"{options.law_id} has dated versions (the latest, {latest.version}, in force from "
            f"{latest.effective_from.isoformat()}); a new text needs the date it takes effect",
            code="LC220", fix="repeat with --effective YYYY-MM-DD (the date this text took or "
            "takes effect)")


def citations_gone(session, law_id: str) -> list[dict]:
    """Rules citing a provision of ``law_id`` that its newest version lacks. The rule base is
    read without checking it (a broken rule base must not block an ingest; `rules lint` says
    what is wrong with it)."""
    from lawcheck.errors import RulesError
    from lawcheck.rulebase import dating
    from lawcheck.rulebase.loader import load
    from lawcheck.settings import rules_dir
    from lawcheck.store import repository as repo

    try:
        rulebase = load(rules_dir())
    except RulesError:
        return [{"rule": "?", "citation": law_id, "reason": "the rule base has problems; run "
                 "`lawcheck rules lint` to see which rules cite this law"}]
    cited = {c for r in rulebase.rules for c in r.citations if dating.law_of(c) == law_id}
    index = repo.citation_index(session, cited | {law_id})
    found = []
    for rule in rulebase.rules:
        for citation in rule.citations:
            reason = dating.gone_reason(citation, index) if citation in cited \
                and not dating.ended_before(rule, citation, index) else None
            if reason:
                found.append({"rule": rule.id, "citation": citation, "reason": reason})
    return found


def list_laws(*, db: str | None = None) -> list[dict]:
    from lawcheck.store import repository as repo

    with opened(db) as store, store.sessions() as session:
        return [{
            "id": law.id,
            "title": law.title,
            "versions": [_version_json(v) for v in repo.versions_of(session, law.id)],
            "provisions": repo.provision_count(session, law.id),
        } for law in repo.all_laws(session)]


def law_marks(*, db: str | None = None) -> dict[str, dict]:
    """Each law's confidence mark and whether it is a digest, by law id (newest version), for
    listings that show the marks beside SPEC §7's fixed JSON."""
    from lawcheck.store import repository as repo

    with opened(db) as store, store.sessions() as session:
        found = {}
        for law in repo.all_laws(session):
            versions = repo.versions_of(session, law.id)
            if versions:
                newest = versions[-1]
                found[law.id] = {"confidence": newest.confidence, "digest": bool(newest.digest)}
        return found


def show(ref: str, *, version: str | None = None, language: str | None = None,
         db: str | None = None) -> dict:
    """A law (``kh/x``) with its provisions, or one provision (``kh/x/art-5``) with its versions."""
    ref = ref.strip().strip("/")
    if ref.count("/") >= 2:
        return _show_provision(ref, db)
    return _show_law(ref, version, language, db)


def _show_law(law_id: str, version: str | None, language: str | None, db) -> dict:
    from lawcheck.store import repository as repo

    with opened(db) as store, store.sessions() as session:
        law = _law_or_error(session, law_id)
        chosen = _pick_version(session, law.id, version, language)
        rows = repo.provisions_of(session, chosen.id)
        notes = repo.annotations_for(session, [r.id for r in rows])
        return {
            "id": law.id,
            "title": chosen.title or law.title,
            "version": chosen.version,
            "provisions": [_provision_json(r) for r in rows],
            "details": {
                "language": chosen.language, "confidence": chosen.confidence,
                "digest": chosen.digest, "effective_from": _iso(chosen.effective_from),
                "effective_to": _iso(chosen.effective_to), "source": chosen.source,
                "report": chosen.report,
                "provisions": {r.provision_id: {
                    "confidence": r.confidence, "note": r.source_note,
                    "annotations": [_annotation_json(a) for a in notes.get(r.id, [])],
                } for r in rows},
            },
        }


def _show_provision(provision_id: str, db) -> dict:
    from lawcheck.store import repository as repo

    with opened(db) as store, store.sessions() as session:
        found = repo.provision_rows(session, provision_id)
        if not found:
            law_id = "/".join(provision_id.split("/")[:2])
            law = _law_or_error(session, law_id)
            latest = _pick_version(session, law.id, None, None)
            known = [r.provision_id for r in repo.provisions_of(session, latest.id)]
            raise NotFoundError(f"no provision {provision_id!r} in {law_id}"
                                + did_you_mean(provision_id, known), code="LC232",
                                fix=f"`lawcheck corpus show {law_id}` lists its provisions")
        version, row = found[-1]
        notes = repo.annotations_for(session, [r.id for _, r in found])
        result = _provision_json(row)
        result["versions"] = [{
            **_version_json(v), "title": r.title, "text": r.text,
            "confidence": r.confidence, "note": r.source_note,
            "annotations": [_annotation_json(a) for a in notes.get(r.id, [])],
        } for v, r in found]
        return result


def search(words: str, *, limit: int = 20, db: str | None = None) -> list[dict]:
    from lawcheck.store import repository as repo

    with opened(db) as store, store.sessions() as session:
        hits = repo.search(session, words, limit)
        seen, results = set(), []
        for row, version, score, snippet in hits:
            key = (row.provision_id, version.language)
            if key in seen:
                continue
            seen.add(key)
            results.append({"id": row.provision_id, "kind": row.kind, "number": row.number,
                            "title": row.title, "law": version.law_id,
                            "version": version.version, "language": version.language,
                            "score": round(score, 4), "snippet": snippet})
        return results[:limit]


def diff(law_id: str, v1: str | None = None, v2: str | None = None, *,
         language: str | None = None, db: str | None = None) -> dict:
    from lawcheck.lawdiff import compare
    from lawcheck.store import repository as repo

    with opened(db) as store, store.sessions() as session:
        law = _law_or_error(session, law_id)
        if (v1 is None) != (v2 is None):
            raise NotFoundError("give both versions, or neither (the two newest are compared)",
                                code="LC233", fix=f"e.g. lawcheck corpus diff {law_id} V1 V2")
        if v1 is None:
            chosen = _pick_version(session, law.id, None, language)
            history = repo.versions_of(session, law.id, chosen.language)
            if len(history) < 2:
                raise NotFoundError(f"{law.id} has only one version ({chosen.language}); "
                                    "nothing to compare", code="LC233",
                                    fix="ingest another version first")
            old, new = history[-2], history[-1]
        else:
            old = _pick_version(session, law.id, v1, language)
            new = _pick_version(session, law.id, v2, language or old.language)
        before_rows = repo.provisions_of(session, old.id)
        after_rows = repo.provisions_of(session, new.id)
        # added and removed at every level (a paragraph a rule cites may vanish from an article
        # that remains); changes word by word per article, where a reader sees them whole
        before = {r.path_id: (r.title, r.text) for r in before_rows}
        after = {r.path_id: (r.title, r.text) for r in after_rows}
        order = [r.path_id for r in after_rows]
        order += [r.path_id for r in before_rows if r.path_id not in after]
        result = compare(before, after, order)
        keep = {r.path_id for r in before_rows + after_rows if r.kind not in ("paragraph", "point")}
        prefix = law.id + "/"
        return {
            "law": law.id,
            "from": _version_json(old),
            "to": _version_json(new),
            "notice": _digest_notice(old, new),
            "added": [prefix + pid for pid in result.added],
            "removed": [prefix + pid for pid in result.removed],
            "changed": [{"id": prefix + c.id, "title_before": c.title_before,
                         "title_after": c.title_after, "words": [list(w) for w in c.words]}
                        for c in result.changed if c.id in keep],
        }


def _digest_notice(old, new) -> str | None:
    """Shipped laws are digests in lawcheck's own words: compared with an official text, most
    differences are wording, not law, and a reader must know that before reading them."""
    if bool(old.digest) == bool(new.digest):
        return None
    digest, official = (old, new) if old.digest else (new, old)
    return (f"This compares a digest with an official text: version {digest.version} is "
            f"lawcheck's digest of the law in its own words, version {official.version} is the "
            "text as ingested. Most differences below are wording, not changes in the law; read "
            "each against the official text before concluding that the law changed.")


# -- helpers ---------------------------------------------------------------------------------

def _law_or_error(session, law_id: str):
    from lawcheck.store import repository as repo

    law = repo.get_law(session, law_id)
    if law is None:
        known = [l.id for l in repo.all_laws(session)]
        raise NotFoundError(f"no law {law_id!r} in the corpus" + did_you_mean(law_id, known),
                            code="LC231", fix="`lawcheck corpus list` shows the laws stored")
    return law


def _pick_version(session, law_id: str, version: str | None, language: str | None):
    from lawcheck.store import repository as repo

    check_language(language)
    if version is not None:
        found = repo.find_version(session, law_id, version, language)
        if not found:
            labels = sorted({v.version for v in repo.versions_of(session, law_id)})
            raise NotFoundError(f"{law_id} has no version {version!r}"
                                + (f" in language {language!r}" if language else "")
                                + did_you_mean(version, labels), code="LC233",
                                fix=f"its versions: {', '.join(labels)}")
        return found[0]
    versions = repo.versions_of(session, law_id, language)
    if not versions:
        raise NotFoundError(f"{law_id} has no version in language {language!r}",
                            code="LC233", fix="leave out --language to see any version")
    languages = {v.language for v in versions}
    preferred = "en" if "en" in languages else sorted(languages)[0]
    return [v for v in versions if v.language == preferred][-1]


def _version_json(v) -> dict:
    return {"version": v.version, "language": v.language,
            "effective_from": _iso(v.effective_from), "effective_to": _iso(v.effective_to),
            "source": v.source, "sha256": v.sha256}


def _provision_json(row) -> dict:
    return {"id": row.provision_id, "kind": row.kind, "number": row.number,
            "title": row.title, "path": list(row.path), "text": row.text}


def _annotation_json(a) -> dict:
    return {"kind": a.kind, "label": a.label, "start": a.start, "end": a.end, "text": a.text,
            "cue": a.cue, "value": a.value, "machine": a.machine, "reviewed": a.reviewed}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
