"""Read and write laws, versions and provisions. Every function takes an open session; the
caller owns the transaction (an ingest is one transaction: all of it lands, or none)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, insert, literal, select, text
from sqlalchemy.orm import Session

from lawcheck.model import Annotation, Provision
from lawcheck.store.schema import (
    AnnotationRow, Law, LawVersion, ProvisionRow, Setting,
)


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def get_law(session: Session, law_id: str) -> Law | None:
    return session.get(Law, law_id)


def all_laws(session: Session) -> list[Law]:
    return list(session.scalars(select(Law).order_by(Law.id)))


def versions_of(session: Session, law_id: str, language: str | None = None) -> list[LawVersion]:
    """Oldest first: by effective date (unknown dates first), then by ingest order."""
    query = select(LawVersion).where(LawVersion.law_id == law_id)
    if language:
        query = query.where(LawVersion.language == language)
    rows = list(session.scalars(query))
    return sorted(rows, key=lambda v: (v.effective_from or date.min, v.ingested_at, v.id))


def find_version(session: Session, law_id: str, version: str,
                 language: str | None = None) -> list[LawVersion]:
    query = select(LawVersion).where(LawVersion.law_id == law_id,
                                     LawVersion.version == version)
    if language:
        query = query.where(LawVersion.language == language)
    return list(session.scalars(query))


def provision_count(session: Session, law_id: str) -> int:
    query = (select(func.count(func.distinct(ProvisionRow.provision_id)))
             .join(LawVersion, LawVersion.id == ProvisionRow.version_id)
             .where(LawVersion.law_id == law_id))
    return session.scalar(query) or 0


def provisions_of(session: Session, version_id: int) -> list[ProvisionRow]:
    return list(session.scalars(select(ProvisionRow).where(ProvisionRow.version_id == version_id)
                                .order_by(ProvisionRow.ord)))


def provision_rows(session: Session, provision_id: str) -> list[tuple[LawVersion, ProvisionRow]]:
    query = (select(LawVersion, ProvisionRow)
             .join(ProvisionRow, ProvisionRow.version_id == LawVersion.id)
             .where(ProvisionRow.provision_id == provision_id))
    rows = [(v, p) for v, p in session.execute(query)]
    return sorted(rows, key=lambda vp: (vp[0].effective_from or date.min, vp[0].ingested_at,
                                        vp[0].id))


def annotations_for(session: Session, row_ids: list[int]) -> dict[int, list[AnnotationRow]]:
    found: dict[int, list[AnnotationRow]] = {}
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start:start + 500]
        query = (select(AnnotationRow).where(AnnotationRow.provision_row_id.in_(chunk))
                 .order_by(AnnotationRow.provision_row_id, AnnotationRow.start))
        for row in session.scalars(query):
            found.setdefault(row.provision_row_id, []).append(row)
    return found


def ensure_law(session: Session, law_id: str, title: str, origin: str, meta: dict,
               now: datetime) -> Law:
    law = session.get(Law, law_id)
    if law is None:
        law = Law(id=law_id, jurisdiction=law_id.split("/", 1)[0], title=title, origin=origin,
                  meta=meta, created_at=now)
        session.add(law)
    else:  # an existing law keeps its title unless one is given on purpose
        if title:
            law.title = title
        if meta:
            law.meta = dict(meta)
    return law


def close_previous(session: Session, law_id: str, language: str, effective: date | None) -> None:
    """A new version that takes effect on ``effective`` ends the open one before it."""
    if effective is None:
        return
    for previous in versions_of(session, law_id, language):
        if previous.effective_from and previous.effective_from < effective \
                and previous.effective_to is None:
            previous.effective_to = effective - timedelta(days=1)


def add_version(session: Session, version: LawVersion, provisions: list[Provision],
                annotations: list[tuple[Annotation, ...]],
                confidence: dict[str, tuple[str, str]]) -> None:
    """Insert a version with its provisions and their annotations, in bulk."""
    session.add(version)
    session.flush()
    law_id = version.law_id
    rows = [{
        "version_id": version.id, "provision_id": f"{law_id}/{p.id}", "path_id": p.id,
        "kind": p.kind, "number": p.number, "title": p.title, "heading": p.heading,
        "path": list(p.path), "parent": p.parent, "text": p.text, "ord": p.order,
        "segmented": segmented_text(p.title, p.text),
        "confidence": confidence.get(p.id, (version.confidence, ""))[0],
        "source_note": _note(p, confidence.get(p.id)), "line": p.line, "page": p.page,
    } for p in provisions]
    if not rows:
        return
    ids = list(session.scalars(insert(ProvisionRow).returning(
        ProvisionRow.id, sort_by_parameter_order=True), rows))
    notes = [{
        "provision_row_id": row_id, "kind": a.kind, "label": a.label, "start": a.start,
        "end": a.end, "text": a.text, "cue": a.cue, "value": a.value_dict(),
        "machine": True, "reviewed": False,
    } for row_id, found in zip(ids, annotations) for a in found]
    if notes:
        session.execute(insert(AnnotationRow), notes)


def _note(provision: Provision, marked: tuple[str, str] | None) -> str:
    parts = [provision.note] if provision.note else []
    if marked and marked[1]:
        parts.append(marked[1])
    return " ".join(parts)


def delete_version(session: Session, version: LawVersion) -> None:
    row_ids = select(ProvisionRow.id).where(ProvisionRow.version_id == version.id)
    session.execute(delete(AnnotationRow).where(AnnotationRow.provision_row_id.in_(row_ids)))
    session.execute(delete(ProvisionRow).where(ProvisionRow.version_id == version.id))
    session.delete(version)


def segmented_text(title: str, body: str) -> str | None:
    """What the Khmer search index holds for a provision: its title and text with Khmer runs
    split into words (lawcheck.speech.segment), or None when neither has a Khmer letter."""
    from lawcheck.speech.segment import has_khmer, segmented

    if not (has_khmer(title or "") or has_khmer(body or "")):
        return None
    return segmented(title or "") + " \n " + segmented(body or "")


def search(session: Session, words: str, limit: int) -> list[tuple[ProvisionRow, LawVersion, float, str]]:
    """Rank articles and divisions by relevance to ``words`` (all words must occur). A query
    with Khmer letters is matched word by word against the segmented index, so a Khmer word is
    found inside a longer run of the law's text."""
    terms = re.findall(r"[\w\u1780-\u17FF]+", words)
    if not terms:
        return []
    khmer = any(re.search("[\u1780-\u17FF]", t) for t in terms)
    if khmer:
        hits = _search_khmer(session, terms, limit)
    elif session.get_bind().dialect.name == "sqlite":
        query = " AND ".join('"' + t.replace('"', '') + '"' for t in terms)
        sql = text(
            "SELECT provisions_fts.rowid, bm25(provisions_fts, 2.0, 1.0) AS rank, "
            "snippet(provisions_fts, 1, '[', ']', '…', 16) FROM provisions_fts "
            "WHERE provisions_fts MATCH :q ORDER BY rank LIMIT :n")
        hits = [(rid, -rank, snip) for rid, rank, snip in
                session.execute(sql, {"q": query, "n": limit * 8})]
    else:  # portable fallback: every word must occur; rank by occurrences
        # autoescape: "_" (a word character, so a possible term) and "%" are literals, as in
        # SQLite's FTS, not LIKE wildcards
        cond = [func.lower(ProvisionRow.text).contains(t.lower(), autoescape=True)
                for t in terms]
        rows = session.scalars(select(ProvisionRow).where(*cond).limit(limit * 8))
        hits = [(r.id, float(sum(r.text.lower().count(t.lower()) for t in terms)),
                 _snippet(r.text, terms[0])) for r in rows]
    found = []
    for row_id, score, snippet in hits:
        row = session.get(ProvisionRow, row_id)
        if row is None or row.kind in ("paragraph", "point"):
            continue
        found.append((row, session.get(LawVersion, row.version_id), score, snippet))
    found.sort(key=lambda item: (-item[2], item[0].provision_id))
    return found


def _search_khmer(session: Session, terms: list[str], limit: int) -> list[tuple[int, float, str]]:
    """Each term, segmented as the index was, must occur as a run of whole words."""
    from lawcheck.speech.segment import segmented

    phrases = [segmented(t) for t in terms]
    if session.get_bind().dialect.name == "sqlite":
        query = " AND ".join('"' + p.replace('"', '') + '"' for p in phrases)
        sql = text("SELECT provisions_fts_km.rowid, bm25(provisions_fts_km) AS rank "
                   "FROM provisions_fts_km WHERE provisions_fts_km MATCH :q "
                   "ORDER BY rank LIMIT :n")
        ranked = [(rid, -rank) for rid, rank in session.execute(sql, {"q": query,
                                                                      "n": limit * 8})]
    else:  # whole words: the phrase between spaces of the segmented text
        spaced = literal(" ") + func.lower(ProvisionRow.segmented) + literal(" ")
        cond = [spaced.contains(" " + p.lower() + " ", autoescape=True) for p in phrases]
        rows = session.execute(select(ProvisionRow.id, ProvisionRow.segmented)
                               .where(ProvisionRow.segmented.is_not(None), *cond)
                               .limit(limit * 8))
        ranked = [(rid, float(sum((" " + seg.lower() + " ").count(" " + p.lower() + " ")
                                  for p in phrases))) for rid, seg in rows]
    out = []
    for rid, score in ranked:
        body = session.scalar(select(ProvisionRow.text).where(ProvisionRow.id == rid)) or ""
        out.append((rid, score, _snippet(body, terms[0], marked=True)))
    return out


def _snippet(body: str, term: str, width: int = 80, marked: bool = False) -> str:
    at = body.lower().find(term.lower())
    start = max(0, at - width // 2)
    piece = body[start:start + width]
    if marked and at >= 0:  # [word] as SQLite's snippet() marks it
        piece = body[start:at] + "[" + body[at:at + len(term)] + "]" + body[at + len(term):
                                                                          start + width]
    return ("…" if start else "") + piece + "…"


def provision_ids(session: Session) -> set[str]:
    """Every citable id: each provision, and each law as a whole (for duties the sources tie
    to a law but to no established article)."""
    ids = set(session.scalars(select(func.distinct(ProvisionRow.provision_id))))
    return ids | set(session.scalars(select(Law.id)))


def citation_index(session: Session, ids: set[str] | None = None) -> dict[str, list]:
    """Every version of the given provisions (all when ``ids`` is None), for citations and
    for deciding which provision version is in force on a date."""
    from lawcheck.model import ProvisionVersion

    query = (select(ProvisionRow.provision_id, LawVersion.version, LawVersion.language,
                    LawVersion.effective_from, LawVersion.effective_to, ProvisionRow.title,
                    ProvisionRow.text, LawVersion.digest, ProvisionRow.confidence)
             .join(LawVersion, LawVersion.id == ProvisionRow.version_id))
    if ids is not None:
        query = query.where(ProvisionRow.provision_id.in_(sorted(ids)))
    index: dict[str, list] = {}
    for pid, *rest in session.execute(query):
        *fields, digest, confidence = rest
        index.setdefault(pid, []).append(ProvisionVersion(*fields, bool(digest),
                                                          confidence or ""))
    laws = select(Law).where(Law.id.in_(sorted(ids))) if ids is not None else select(Law)
    for law in session.scalars(laws):  # a law cited as a whole: its summary stands for text
        for v in law.versions:
            index.setdefault(law.id, []).append(ProvisionVersion(
                v.version, v.language, v.effective_from, v.effective_to, law.title,
                str((law.meta or {}).get("summary", "")), bool(v.digest), v.confidence or ""))
    return index


def corpus_version(session: Session) -> dict:
    """The corpus a report was checked against: a hash over every stored law version's source
    hash (which fixes its provision texts) and the number of laws."""
    import hashlib

    rows = sorted(session.execute(select(LawVersion.law_id, LawVersion.version,
                                         LawVersion.language, LawVersion.sha256)))
    digest = hashlib.sha256("\n".join("\t".join(map(str, r)) for r in rows).encode())
    return {"version": digest.hexdigest(), "laws": len({r[0] for r in rows})}
