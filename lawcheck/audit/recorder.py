"""Record one run: stamp each report with the run id, redact it unless text is kept, spool it to
a private temporary file, and write the whole run in one transaction at :meth:`commit`."""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import re
import secrets
import tempfile
import zipfile
import zlib
from datetime import date, datetime, timezone
from pathlib import Path

from lawcheck import __version__
from lawcheck.jsonbytes import dumps

from lawcheck.audit.packing import Packer, _deflate
from lawcheck.vocabulary import RISK_LEVELS

#: Keys under a finding's ``where`` (and its ``flags``) that echo the input's words.
WHERE_TEXT_KEYS = ("excerpt", "text", "quote")
#: Top-level and ``subject`` keys that would hold a statement's words.
SUBJECT_TEXT_KEYS = ("text",)
_BATCH = 500  # subjects per INSERT while committing, and per spooled pickle: bounded memory
# Each stored report is compact JSON from lawcheck.jsonbytes (orjson), the encoder of the JSONL
# output: records written before it (the standard library's ", " and ": " separators) read the
# same, since readers parse them (json.loads) and hash nothing over the stored bytes.
_ENCODE = dumps
_RISK_ORDER = RISK_LEVELS


def new_run_id(moment: datetime | None = None) -> str:
    """Sortable and short enough to type: ``20261201-023000-9f3a0c1d`` (UTC time + 32 random
    bits, so runs started in the same second by several processes do not collide)."""
    moment = (moment or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{moment:%Y%m%d-%H%M%S}-{secrets.token_hex(4)}"


def redact(report: dict) -> dict:
    """The report without any words of the plan or statement: activity titles, excerpts and
    flagged phrases go; rule ids, categories, span offsets and hashes stay."""
    out = dict(report)  # a copy less the text keys, in the same order (issue 13, speed)
    for key in SUBJECT_TEXT_KEYS:
        out.pop(key, None)
    if isinstance(out.get("subject"), dict):
        out["subject"] = subject = dict(out["subject"])
        for key in SUBJECT_TEXT_KEYS:
            subject.pop(key, None)
    if isinstance(out.get("activities"), list):
        out["activities"] = [{**a, "title": ""} if isinstance(a, dict) and "title" in a else a
                             for a in out["activities"]]
    out["findings"] = [_redact_finding(f) for f in out.get("findings") or []]
    return out


def _redact_finding(finding: dict) -> dict:
    where = finding.get("where")
    if not isinstance(where, dict):
        return finding
    clean = {k: v for k, v in where.items() if k not in WHERE_TEXT_KEYS}
    if isinstance(clean.get("flags"), list):
        clean["flags"] = [{k: v for k, v in flag.items() if k not in WHERE_TEXT_KEYS}
                          if isinstance(flag, dict) else flag for flag in clean["flags"]]
    return {**finding, "where": clean}


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class RunRecorder:
    """Collects the reports of one run and stores them all at once; see :mod:`lawcheck.audit`."""

    def __init__(self, store, *, kind: str, source: str, sha256: str, keep_text: bool = False,
                 render: dict | None = None, rules_dir: Path | None = None,
                 spool_dir: Path | None = None) -> None:
        self.store = store
        self.kind = kind
        self.keep_text = keep_text
        self.id = new_run_id()
        self._meta = {"source": source, "sha256": sha256, "render": dict(render or {})}
        self._rules_dir = rules_dir
        # Unlinked at once (0600): a process killed before commit() leaves no file behind.
        self._spool = tempfile.TemporaryFile(dir=spool_dir)
        self._pending: list[tuple] = []  # spooled _BATCH at a time: one pickle per batch
        self._pack = Packer().pack  # reports: format 1 (lawcheck.audit.packing)
        self._texts: dict[str, str] = {}
        self._citations: dict[tuple[str, str], str | None] = {}
        self._inputs: list[dict] = []
        self._first: dict | None = None
        self._risk: dict = {}
        self._ranks: dict = {}  # kind -> _risk_rank of self._risk[kind]
        self.subjects = 0
        self.findings = 0
        self.committed = False

    # --- while checking ------------------------------------------------------------------

    def stamp(self, report: dict, *, plain: bool = False) -> dict:
        """The report as printed and stored: with ``run`` and ``privacy``, and in JSON's own
        types (tuples become lists), so that ``show`` renders the same bytes later. ``plain``:
        the caller vouches that the report holds JSON types only (the statement reviewer's do),
        which saves a round trip through JSON per statement."""
        stamped = {**report, "run": self.id, "privacy": {"text_kept": self.keep_text}}
        return stamped if plain else json.loads(json.dumps(stamped, ensure_ascii=False))

    def add(self, report: dict, *, text: str | None = None, plain: bool = False) -> dict:
        """Add one subject's report (a plan, or one statement of a batch); returns it stamped,
        ready to render. ``text`` is the statement's own words: stored only with keep_text,
        and used otherwise to prove that none of it reaches the database. ``plain``: see
        :meth:`stamp`."""
        stamped = self.stamp(report, plain=plain) if report.get("run") != self.id else report
        stored = stamped if self.keep_text else redact(stamped)
        blob = _ENCODE(self._dehydrate(stored))
        if not self.keep_text and text and _leaks(blob, text, stored):
            # a redaction gap must neither store the words nor stop the batch: keep only the
            # labels (rules, categories, levels, spans), which hold no words at all
            stored = skeleton(stored)
            blob = _ENCODE(self._dehydrate(stored))
        seq = self.subjects
        findings = [{"run_id": self.id, "seq": seq, "rule": f.get("rule", ""),
                     "category": f.get("category", ""), "kind": f.get("kind", ""),
                     "severity": f.get("severity", ""),
                     "spans": (f.get("where") or {}).get("spans") or []}
                    for f in stamped.get("findings") or []]
        subject = {k: v for k, v in (stored.get("subject") or {}).items()}
        kept = _deflate(text.encode("utf-8"), 1) if self.keep_text and text else None
        self._pending.append((seq, subject, self._pack(blob), kept, findings))
        if len(self._pending) >= _BATCH:
            self._flush_pending()
        self.subjects += 1
        self.findings += len(findings)
        self._first = self._first or {k: stamped.get(k) for k in
                                      ("checked_at", "as_of", "rulebase", "corpus", "lawcheck")}
        self._merge_risk(stamped.get("risk") or {})
        return stamped

    def add_input(self, name: str, content: bytes) -> None:
        """An input file (the plan, the organisation file): kept only with keep_text."""
        if self.keep_text:
            self._inputs.append({"run_id": self.id, "seq": len(self._inputs), "name": name,
                                 "sha256": hashlib.sha256(content).hexdigest(),
                                 "content": zlib.compress(content)})

    def _flush_pending(self) -> None:
        pickle.dump(self._pending, self._spool, protocol=pickle.HIGHEST_PROTOCOL)
        self._pending = []

    def _dehydrate(self, report: dict) -> dict:
        """Citation texts become references to one stored copy each (``{"$ref": sha256}``,
        in the same place, so key order and hence rendering are unchanged)."""
        findings = []
        for f in report.get("findings") or []:
            cites = []
            for c in f.get("citations") or []:
                if isinstance(c, dict) and isinstance(c.get("text"), str):
                    sha = _sha(c["text"])
                    self._texts[sha] = c["text"]
                    self._citations[(str(c.get("provision", "")), sha)] = c.get("version")
                    c = {**c, "text": {"$ref": sha}}
                cites.append(c)
            findings.append({**f, "citations": cites} if "citations" in f else f)
        if not findings and type(report.get("findings")) is list:
            return report  # no finding (most statements): the same content, not copied again
        return {**report, "findings": findings}

    def _merge_risk(self, risk: dict) -> None:
        """A batch's risk is, for each kind, that of its riskiest subject."""
        for key, value in risk.items():
            mine = self._risk.get(key)
            if type(mine) is dict and type(value) is dict and \
                    value.get("level") == mine.get("level") and \
                    value.get("score") == mine.get("score"):
                continue  # the same level and score: the same rank, not riskier (most subjects)
            rank = _risk_rank(value)
            # the rank of the riskiest so far is kept, not worked out again per subject
            if mine is None or rank > self._ranks[key]:
                self._risk[key] = value
                self._ranks[key] = rank

    # --- at the end ----------------------------------------------------------------------

    def commit(self) -> str:
        """Write the run and all it holds in one transaction; returns the run id."""
        from lawcheck.store import runs as repo

        if self.committed:
            return self.id
        first = self._first or {}
        rulebase, corpus = first.get("rulebase") or {}, first.get("corpus") or {}
        checked_at = first.get("checked_at") or datetime.now(timezone.utc).astimezone() \
            .isoformat(timespec="seconds")
        moment = datetime.fromisoformat(checked_at)
        moment = moment if moment.tzinfo else moment.astimezone()
        as_of = first.get("as_of")
        run = {"id": self.id, "checked_at": checked_at,
               "checked_utc": moment.astimezone(timezone.utc).replace(tzinfo=None),
               "as_of": date.fromisoformat(as_of) if as_of else moment.date(),
               "kind": self.kind, "source": self._meta["source"],
               "sha256": self._meta["sha256"], "rulebase": str(rulebase.get("version", "")),
               "rules": int(rulebase.get("rules") or 0),
               "corpus": str(corpus.get("version", "")), "laws": int(corpus.get("laws") or 0),
               "keep_text": self.keep_text, "risk": self._risk, "subjects": self.subjects,
               "findings": self.findings, "render": self._meta["render"],
               "lawcheck": str(first.get("lawcheck") or __version__)}
        citations = [{"run_id": self.id, "provision": p, "sha256": s, "version": v}
                     for (p, s), v in sorted(self._citations.items())]
        if self._pending:
            self._flush_pending()
        self._spool.seek(0)
        with self.store.transaction() as session:
            run["recorded_by"] = repo.current_user(session)
            repo.add_run(session, run, self._texts, citations, self._inputs)
            if run["rulebase"] and not repo.has_snapshot(session, run["rulebase"]):
                files = snapshot_rules(self._rules_dir, run["rulebase"])
                if files is not None:
                    repo.add_snapshot(session, run["rulebase"], files)
            subjects, findings = [], []
            for seq, subject, report, text, found in _records(self._spool):
                subjects.append({"run_id": self.id, "seq": seq, "subject": subject,
                                 "report": report, "text": text})
                findings += found
                if len(subjects) >= _BATCH:
                    repo.add_subjects(session, subjects, findings)
                    subjects, findings = [], []
            repo.add_subjects(session, subjects, findings)
        self.committed = True
        self.discard()
        return self.id

    def discard(self) -> None:
        """Forget the spooled reports (the run is then not recorded, unless committed)."""
        self._pending = []
        self._spool.close()

    def __enter__(self) -> RunRecorder:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        """Commit when the block ends normally; record nothing when it raised."""
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def _records(spool):
    while True:
        try:
            yield from pickle.load(spool)  # our own file, written a moment ago by this process
        except EOFError:
            return


def _risk_rank(value) -> tuple:
    value = value if isinstance(value, dict) else {}
    level = value.get("level")
    score = value.get("score")
    return (_RISK_ORDER.index(level) if level in _RISK_ORDER else -1,
            score if isinstance(score, (int, float)) else -1.0)


def _leaks(blob: bytes, text: str, report: dict) -> bool:
    """True when the redacted report still carries words of the statement that lawcheck did
    not write itself. A statement may quote lawcheck's own advice, a rule title or the law
    (a training leaflet that cites Art 495): those words are in the report because lawcheck put
    them there, so only the statement's other words, in runs of 20 characters or more, count."""
    candidates = dict.fromkeys([text.strip()] + [line.strip() for line in text.splitlines()])
    pieces = [p for p in candidates if len(p) >= 20 and _in(p, blob)]  # each piece once: a
    # one-line statement is its own only line, and any() below needs no piece twice
    if not pieces:
        return False
    generated = _generated_texts() + _report_texts(report)
    return any(_in(run, blob) for piece in pieces for run in _own_words(piece, generated))


def _in(piece: str, blob: bytes) -> bool:
    """True when ``piece``, as the record's encoder writes a string, is inside ``blob``."""
    return dumps(piece)[1:-1] in blob


def _own_words(piece: str, generated: list[str]) -> list[str]:
    """The runs (20 characters or more) of ``piece`` that no text of lawcheck's covers."""
    covered = [False] * len(piece)
    for segment in generated:
        start = piece.find(segment)
        while start != -1:
            covered[start:start + len(segment)] = [True] * len(segment)
            start = piece.find(segment, start + 1)
    runs, current = [], []
    for char, done in zip(piece, covered):
        if done:
            runs.append("".join(current))
            current = []
        else:
            current.append(char)
    runs.append("".join(current))
    return [run.strip() for run in runs if len(run.strip()) >= 20]


_GENERATED: list[str] | None = None
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _generated_texts() -> list[str]:
    """Every text lawcheck writes from its own data, cut at the places a value is filled in:
    rule titles and messages, mitigations, the safer wordings. Loaded once per process."""
    global _GENERATED
    if _GENERATED is None:
        from lawcheck import yamlio
        from lawcheck.rulebase.loader import load
        from lawcheck.settings import rules_dir

        texts: list[str] = []
        try:
            rulebase = load(rules_dir())
            for rule in rulebase.rules:
                texts.append(rule.title)
                for part in (rule.message.what, rule.message.why, rule.message.todo):
                    texts += _PLACEHOLDER.split(" ".join(part.split()))
            texts += [m.text for m in rulebase.mitigations.values()]
            texts += _strings(yamlio.load(rules_dir() / "lexicons" / "suggestions.yaml"))
        except Exception:  # noqa: BLE001 - without them every statement word counts: stricter
            pass
        _GENERATED = sorted({" ".join(t.split()) for t in texts if len(t.strip()) >= 12},
                            key=len, reverse=True)
    return _GENERATED


def _report_texts(report: dict) -> list[str]:
    """Texts the report quotes from the corpus and the precedent base, not from the input."""
    out = []
    for finding in report.get("findings") or []:
        out += [str(c.get(k) or "") for c in finding.get("citations") or []
                for k in ("text", "title")]
        out += [str(p.get("summary") or "") for p in finding.get("precedents") or []
                if isinstance(p, dict)]
    return [t for t in out if len(t) >= 12]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def skeleton(report: dict) -> dict:
    """Only the labels of a report: what was found where, at which level, with no prose."""
    keep = ("lawcheck", "checked_at", "as_of", "rulebase", "corpus", "risk", "run")
    out = {k: report[k] for k in keep if k in report}
    subject = report.get("subject") or {}
    out["subject"] = {k: subject[k] for k in ("kind", "id", "sha256") if k in subject}
    out["findings"] = [{k: f.get(k) for k in ("rule", "category", "kind", "severity",
                                               "consequence", "confidence")}
                       | {"where": {"spans": (f.get("where") or {}).get("spans") or []}}
                       for f in report.get("findings") or []]
    out["privacy"] = {"text_kept": False, "reduced": "the words of this statement matched the "
                      "report, so only its labels were stored"}
    return out


def snapshot_rules(root: Path | None, version: str) -> bytes | None:
    """The rule files as a zip with fixed timestamps, or None when the files on disk are no
    longer those of ``version`` (edited since the check): better no snapshot than a wrong one.
    The hash is taken over the very bytes zipped, as ``rulebase.loader.version_of`` does."""
    from lawcheck.settings import rules_dir

    root = Path(root or rules_dir())
    digest = hashlib.sha256()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as pack:
        for path in sorted(root.rglob("*.yaml")):
            name, content = path.relative_to(root).as_posix(), path.read_bytes()
            digest.update(name.encode() + b"\0" + content)
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            pack.writestr(info, content)
    return buffer.getvalue() if digest.hexdigest() == version else None
