"""One statement → one report (SPEC §5): analyse the words, turn them into facts, run the
statement rules, point every finding at the words behind it, and score the risk.

The analyser's labels are the only thing the engine sees. Rules are pure functions of facts, so
the outcome for a fact set is computed once and reused: in a batch most statements share a
handful of fact sets (most of them benign), and the engine is the slow part.

:class:`ReviewerSpec` is what a worker process receives (small and picklable);
``spec.build()`` opens the store read-only, loads the rule base, the analyser and the weights
once, and returns a :class:`Reviewer`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import cast

from lawcheck import __version__
from lawcheck.elections import ElectionCalendar
from lawcheck.model import Context
from lawcheck.precedent_links import with_precedents
from lawcheck.report_model import (Finding, Flag, Header, Risks, StatementReport, Subject, Where,
                                   build_report, replaced)
from lawcheck.speech import learned, likeness
from lawcheck.rulebase.conditions import All, Any, Cmp, evaluate
from lawcheck.service import citation_index, load_rulebase, opened
from lawcheck.speech.measured import no_finding_note
from lawcheck.speech.bilingual import read
from lawcheck.speech.script import caveat, result_label, screen

# The modes of acts the analyser turns into facts: said in the statement's own voice, or
# repeated from someone else (repeating publishes it; reported accusations and insults feed
# statement.reported_accusation only). Negated, hypothetical, question, quoted-law and
# described acts (charges called false or political with no outcome asked and no court named)
# make no fact and are listed in the report's analysis.set_aside.
_COUNTED = ("asserted", "reported")
_MEMO_LIMIT = 4096
# Reviewer.review builds the JSON of a report without findings directly (_plain_dict); tests
# turn it off to compare with the typed report's to_dict (issue 13, speed)
PLAIN_FAST = True


def statement_facts(analysis, *, medium: str | None, speaker: str | None, day: date | None,
                    organization: dict, elections: ElectionCalendar) -> dict:
    """The facts of one statement: the analyser's labels plus what the input says about it."""
    facts = dict(analysis.facts)
    if medium:
        online = _ONLINE.get(medium)
        if online is None:  # a few media in a batch: each looked up once (issue 13, speed)
            from lawcheck.derive import online as online_of

            if len(_ONLINE) >= 64:
                _ONLINE.clear()
            online = _ONLINE[medium] = online_of([medium])  # as an activity's statements
        facts["statement.medium"] = medium
        facts["statement.online"] = online
    if speaker:
        facts["statement.speaker"] = speaker
    if day is not None:
        facts["subject.date"] = day
        facts.update(_campaign(day, elections))
    for key in ("type", "public_profile", "sector"):
        if organization.get(key):
            facts[f"organization.{key}"] = organization[key]
    return facts


_CAMPAIGNS: dict = {}
_ONLINE: dict[str, bool] = {}  # medium -> statement.online


def _campaign(day: date, elections: ElectionCalendar) -> dict:
    """statement.in_campaign_period and .campaign_election for ``day`` (statements of a batch
    share a few dates: worked out once per date)."""
    key = (day, id(elections))
    held = _CAMPAIGNS.get(key)
    if held is not None and held[0] is elections:  # the same list, not a new one at its address
        return held[1]
    from lawcheck.derive import campaign_facts  # only when the date is new (an import
    # statement costs about a microsecond even when the module is loaded)

    found = campaign_facts([day], elections, "statement")[0]
    if len(_CAMPAIGNS) > 1024:
        _CAMPAIGNS.clear()
    _CAMPAIGNS[key] = (elections, found)
    return found


def true_comparisons(node, facts: dict) -> set[tuple[str, object]]:
    """(fact, value) of the comparisons that make ``node`` true: the labels a finding rests on."""
    if isinstance(node, Cmp):
        if node.op in ("contains", "==") and evaluate(node, facts) is True:
            return {(node.fact, node.value)}
        return set()
    if isinstance(node, (All, Any)):
        found: set = set()
        for part in node.parts:
            if evaluate(part, facts) is True:
                found |= true_comparisons(part, facts)
        return found
    return set()  # a negation rests on what is absent: no words to point at


def locate(rule, facts: dict, analysis, text: str, where: Where, wanted=None) -> Where:
    """``where`` for a statement finding: the spans of the acts behind the labels it used
    (``wanted``: true_comparisons(rule.condition, facts), when the caller holds it)."""
    if wanted is None:
        wanted = true_comparisons(rule.condition, facts)
    acts = [a for a in analysis.acts
            if (a.fact, a.value) in wanted and a.mode in _COUNTED]
    acts.sort(key=lambda a: (a.start, a.end))
    spans, flags, seen = [], [], set()
    for act in acts:
        if (act.start, act.end) in seen:
            continue
        seen.add((act.start, act.end))
        spans.append((act.start, act.end))
        flags.append(Flag((act.start, act.end), text[act.start:act.end], act.mode,
                          act.suggestion))
    excerpt = ""
    if acts:
        first, last = acts[0].sentence
        excerpt = text[first:last].strip()
        if len(excerpt) > 300:
            excerpt = excerpt[:297].rstrip() + "…"
    return where.words(spans, excerpt, flags)


def name_matches(findings: Sequence[Finding], matches, text: str) -> list[Finding]:
    """A likeness finding names the precedents it matched, with their similarity, and points at
    the whole statement (likeness is a property of all its words)."""
    return [_named(f, matches, text) if f.rule.startswith(LIKENESS) else f for f in findings]


def _named(finding: Finding, matches, text: str) -> Finding:
    from lawcheck.speech.likeness import FACT_VALUES

    mine = [m for m in matches
            if finding.category in {FACT_VALUES.get(c) for c in m.categories}]
    precedents = tuple({"id": m.id, "date": m.date, "summary": m.summary,
                        "similarity": m.similarity} for m in mine[:3])
    best = mine[0] if mine else None
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    where = finding.where
    if best is not None and end > start:
        note = (f"close to the words of precedent {best.id} ({best.date}; similarity "
                f"{best.similarity:.2f}): {best.summary}")
        where = where.words([(start, end)], text[start:end][:300],
                            [Flag((start, end), text[start:end], "asserted", note)])
    return replaced(finding, precedents=precedents, where=where)


LIKENESS = "kh.speech.precedent.likeness."
LEARNED = "kh.speech.learned."
# the one reason a statement goes unscored by the learned signal (Context.unknown)
LEARNED_UNREAD = dict.fromkeys(
    ("statement.learned_like", "statement.learned_strong"),
    "the learned resemblance to real statements that drew action (kh.speech.learned.*) reads "
    "English only and was not computed for this statement")


def name_signals(findings: Sequence[Finding], signals, text: str, model) -> list[Finding]:
    """A learned finding says what it rests on: its score, how many real statements it learned
    from, the words that weighed most in this statement and the closest real cases (id, date,
    outcome, source)."""
    by_category = {s.category: s for s in signals}
    return [_explained(f, by_category[f.category], text, model)
            if f.rule.startswith(LEARNED) and f.category in by_category else f
            for f in findings]


def _explained(finding: Finding, signal, text: str, model) -> Finding:
    benign = model.data["real"]["benign"]
    note = (f"Statistical resemblance (score {signal.score:.2f}, threshold "
            f"{signal.threshold:.2f}) learned from {signal.trained_on} real published statements "
            f"that drew {signal.category} action and {benign} real ones that drew none")
    if signal.words:
        note += "; words that weighed most here: " + ", ".join(f'"{w}"' for w in signal.words)
    if signal.cases:
        note += "; closest real cases: " + "; ".join(
            f"{c.id} ({c.date or 'date unknown'}: {c.outcome}; source: {c.title}, {c.url})"
            for c in signal.cases)
    # it points at the sentences holding the words that weighed most (whole sentences: marking
    # single words would split the spans the analyser's own findings point at)
    spans = _sentences_with(text, signal.words)
    where = finding.where.words(spans, " ".join(text[a:b] for a, b in spans)[:300],
                                [Flag((a, b), text[a:b], "asserted",
                                      f"learned {signal.category} resemblance, score "
                                      f"{signal.score:.2f}: see the finding for the words and "
                                      f"cases") for a, b in spans]) if spans else finding.where
    return replaced(finding, why=f"{finding.why} {note}.", where=where)


def _sentences_with(text: str, words) -> list[tuple[int, int]]:
    """The spans of the sentences of ``text`` that hold any of ``words`` (n-grams, matched as
    whole words whatever the case and spacing); the whole text when none is found."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^\s.!?][^.!?]*[.!?]*", text)]
    found = set()
    for word in words:
        pattern = r"\b" + r"\W+".join(map(re.escape, word.split())) + r"\b"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            found |= {(a, b) for a, b in sentences if a <= m.start() < b}
    if not found:
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        return [(start, end)] if end > start else []
    return [(a, len(text[:b].rstrip())) for a, b in sorted(found)]


def set_aside(analysis) -> list[dict]:
    """Acts the analyser saw but did not count (negated, hypothetical, questions, quoted law,
    charges described as false or political with no outcome asked)."""
    return [{"span": [a.start, a.end], "mode": a.mode, "fact": a.fact, "value": a.value}
            for a in analysis.acts if a.mode not in ("asserted", "reported")]


def analyse_screened(analyser, screened, text: str):
    """(screen, analysis): the English analyser on the Latin text, the Khmer analyser on the
    Khmer passages (lawcheck.speech.bilingual); what neither reads stays unanalysed."""
    return read(analyser, screened, text)


def analysis_dict(screened, analysis) -> dict:
    """``analysis`` of a report (docs/review.md): language, analysed, the passages not read, the
    sentences of a statement that is not plain English, and the acts set aside."""
    out = screened.to_dict()
    if screened.analysed is True and screened.detected != "mixed":
        del out["sentences"]  # one language throughout: the statement's own label says it all
    out["set_aside"] = set_aside(analysis)
    return out


@dataclass(frozen=True)
class ReviewerSpec:
    """Everything a worker needs to build its own reviewer (picklable)."""

    db: str | None = None
    org: str | None = None          # --org file
    as_of: date | None = None       # the date of statements that give none (--date, else today)
    engine: str | None = None
    model: str | None = None        # optional trained spaCy pipeline
    checked_at: str | None = None   # one timestamp for the whole batch
    sync: bool = False              # load the shipped corpus first (the parent does it once)

    def build(self) -> "Reviewer":
        return Reviewer(self)


class Reviewer:
    def __init__(self, spec: ReviewerSpec) -> None:
        from lawcheck.derive import load_calendars
        from lawcheck.engine import compile_rulebase, get_engine
        from lawcheck.plan import load_organization
        from lawcheck.precedents import load_precedents
        from lawcheck.risk import load_weights
        from lawcheck.settings import engine_name, rules_dir
        from lawcheck.speech import Analyser
        from lawcheck.store import repository as repo

        self.spec = spec
        with opened(spec.db, sync=spec.sync) as store:
            full = load_rulebase(store)
            self.index = citation_index(store, full)
            with store.sessions() as session:
                self.corpus = repo.corpus_version(session)
        self.rulebase = replace(full, rules=tuple(r for r in full.rules
                                                  if r.applies_to == "statement"))
        self.rules = {r.id: r for r in self.rulebase.rules}
        self.compiled = compile_rulebase(self.rulebase)
        self.engine = get_engine(spec.engine or engine_name())
        self.header = {"version": full.version, "rules": len(full.rules)}
        self.organization = load_organization(spec.org) if spec.org else {}
        self.weights = load_weights(rules_dir() / "risk.yaml")
        self.elections = load_calendars(rules_dir()).elections
        self.analyser = Analyser(model=spec.model)
        self.precedents = load_precedents()
        self.likeness = likeness.load(self.precedents)
        self.learned = learned.load()
        self.today = spec.as_of or date.today()
        self.checked_at = spec.checked_at or \
            datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
        self._memo: dict = {}
        self._headers: dict = {}
        self._caveats: dict = {}  # the caveats of a report without findings (_plain_dict)
        self._scored = None  # the learned model with a chunk's scores (prepare)
        self._held: dict = {}  # id(item) -> (item, what _read gave), for the chunk (prepare)

    def prepare(self, items, hide=None) -> None:
        """Work out the learned signal of a chunk of statements at once, before their reports
        (lawcheck.speech.learned_batch; issue 13, speed): :meth:`report` then reads each score
        instead of scoring one statement at a time. The same numbers, float for float; a
        statement outside the last chunk is scored on its own, as without it. ``hide`` is
        called after each statement is read (the in-process review passes ``gc.freeze``
        inside the block that froze the heap: see lawcheck.review.parallel)."""
        from lawcheck.speech import learned_batch

        try:
            self._scored = learned_batch.view(self.learned, [
                item.text for item in items if not getattr(item, "learned", None)])
        except Exception:  # noqa: BLE001 - each statement is then scored alone, in its place
            self._scored = None
        # each statement read up to its fact set, and the fact sets the memo lacks sent to the
        # rules engine in one call (one session for them all); a statement that fails to read
        # is left to report(), which raises in its place, after the statements before it
        read: dict = {}
        for item in items:
            try:
                read[id(item)] = (item, self._read(item))
            except Exception:  # noqa: BLE001 - raised again by report(), in its place
                continue
            if hide is not None:
                hide()
        try:
            self._settle([r[5:9] for _, r in read.values()], [r[10] for _, r in read.values()])
        except Exception:  # noqa: BLE001 - each fact set is then settled alone, in its place
            pass
        self._held = read

    def review(self, item) -> dict:
        """The report of one statement, as SPEC §5 JSON (see :meth:`report`). A statement
        whose fact set has no finding (most of a batch) gets its JSON from :meth:`_plain_dict`,
        without the typed report in between (issue 13, speed): the same dict."""
        if not PLAIN_FAST:
            return self.report(item).to_dict()
        held = self._held.pop(id(item), None)
        read = held[1] if held is not None and held[0] is item else self._read(item)
        text, screened, analysis, matches, signals, facts, day, organization, unknown, model, \
            key = read
        outcome = self._outcome(facts, day, organization, unknown, key)
        if outcome.findings:
            return self._finish(item, text, screened, analysis, matches, signals, facts, day,
                                organization, model, outcome).to_dict()
        return self._plain_dict(item, text, screened, analysis, facts, day, organization,
                                outcome)

    def _plain_dict(self, item, text, screened, analysis, facts, day, organization,
                    outcome) -> dict:
        """``_finish(...).to_dict()`` for a fact set without findings: no finding to place,
        name or attach precedents to, so the report is its header, subject, risk, not_checked,
        analysis, result and caveats. What depends only on the fact set's outcome, the screen's
        verdict, the organisation type and the names mentioned (the caveats) is worked out once
        per batch; every dict and list is new for each report, as to_dict makes them."""
        note = caveat(screened) if screened.analysed is not True else None
        mentions = facts.get("statement.mentions") or ()
        typed = bool(organization.get("type"))
        ckey = (id(outcome), note, typed, screened.analysed,
                mentions if type(mentions) is tuple else tuple(mentions))
        held = self._caveats.get(ckey)
        if held is None or held[0] is not outcome:
            caveats = [note] if note else []
            if not typed:
                caveats.append("The organisation type is not given (--org, or an org_type "
                               "column): the rules that depend on it could not run (see "
                               "not_checked).")
            for reason in sorted({n["reason"] for n in outcome.not_checked
                                  if n.get("reason")}):
                caveats.append(f"Not checked because {reason}.")
            result = result_label(screened.analysed, 0)
            if result == "no findings":
                caveats.append(no_finding_note(mentions, self.precedents))
            if len(self._caveats) >= _MEMO_LIMIT:
                self._caveats.clear()
            held = self._caveats[ckey] = (outcome, tuple(caveats), result)
        header = self._headers.get(day)
        if header is None:
            if len(self._headers) >= _MEMO_LIMIT:
                self._headers.clear()
            header = self._headers[day] = Header(__version__, self.checked_at, day.isoformat(),
                                                 self.header, self.corpus)
        return {"lawcheck": header.lawcheck, "checked_at": header.checked_at,
                "as_of": header.as_of, "rulebase": dict(header.rulebase),
                "corpus": dict(header.corpus),
                "subject": {"kind": "statement", "id": item.id, "source": item.source,
                            "line": getattr(item, "line", None),
                            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
                "risk": outcome.risk.to_dict(), "findings": [],
                "not_checked": [dict(n) for n in outcome.not_checked],
                "analysis": analysis_dict(screened, analysis), "result": held[2],
                "caveats": list(held[1])}

    def report(self, item) -> StatementReport:
        """The report of one statement (``item``: an id, its text, and optionally its source,
        line, language, date, medium, speaker and org_type)."""
        held = self._held.pop(id(item), None)
        read = held[1] if held is not None and held[0] is item else self._read(item)
        text, screened, analysis, matches, signals, facts, day, organization, unknown, model, \
            key = read
        outcome = self._outcome(facts, day, organization, unknown, key)
        return self._finish(item, text, screened, analysis, matches, signals, facts, day,
                            organization, model, outcome)

    def _read(self, item) -> tuple:
        """A statement read up to its fact set: the analysis, the likeness, the learned signal
        and the facts, with what :meth:`_outcome` needs (see :meth:`report`)."""
        text = item.text
        screened = screen(text, getattr(item, "language", None))
        english = screened.analysed is True  # the learned model reads English and nothing else
        screened, analysis = analyse_screened(self.analyser, screened, text)
        day = getattr(item, "date", None) or self.today
        organization = self.organization
        if getattr(item, "org_type", None):
            organization = {**organization, "type": item.org_type}
        facts = statement_facts(analysis, medium=getattr(item, "medium", None),
                                speaker=getattr(item, "speaker", None), day=day,
                                organization=organization, elections=self.elections)
        # precedent likeness; the quality benchmark leaves out the item's own event
        matches = self.likeness.matches(text, getattr(item, "exclude_precedents", ())) \
            if likeness.candidate(analysis) else []
        if matches:
            facts["statement.precedent_like"] = likeness.fact_values(matches)
        # the learned signal; the quality benchmark scores a statement it was trained on with
        # the model of the fold that did not see it (item.learned, lawcheck.speech.learned)
        model = getattr(item, "learned", None) or self.learned
        scorer = self._scored if model is self.learned and self._scored is not None else model
        signals = scorer.signals(text) if english and scorer is not None else []
        if english and model is not None:  # scored: [] is an answer; unscored stays not_checked
            facts["statement.learned_like"] = learned.fact_values(signals)
            facts["statement.learned_strong"] = learned.strong_values(signals)
        # why the learned fact is missing travels with not_checked, so every format that shows
        # what was not checked (text, html, csv, not only JSON's caveats) says it
        unknown = LEARNED_UNREAD if not english and model is not None and \
            any(c.isalpha() for c in text) else None
        # the memo key, made once here: prepare's _settle and report's _outcome both need it
        # (the facts are complete and no longer change; issue 13, speed)
        return (text, screened, analysis, matches, signals, facts, day, organization, unknown,
                model, self._key(facts, day, organization, unknown))

    def _finish(self, item, text, screened, analysis, matches, signals, facts, day,
                organization, model, outcome) -> StatementReport:
        """The report of a statement read by :meth:`_read`, with its fact set's outcome."""
        here = Where(statement=item.id)
        findings = [replaced(f, where=locate(self.rules[f.rule], outcome.facts, analysis, text,
                                            here, outcome.wanted(f.rule, self.rules)))
                    for f in outcome.findings]
        findings = with_precedents(findings, self.rulebase, self.precedents,
                                   organization=organization, topics=[text])
        if matches:
            findings = name_matches(findings, matches, text)
        if signals:
            findings = name_signals(findings, signals, text, model)
        caveats = [note] if (note := caveat(screened)) else []
        if not organization.get("type"):
            caveats.append("The organisation type is not given (--org, or an org_type column): "
                           "the rules that depend on it could not run (see not_checked).")
        for reason in sorted({n["reason"] for n in outcome.not_checked if n.get("reason")}):
            caveats.append(f"Not checked because {reason}.")  # e.g. a date the election
                                                              # calendar does not cover
        subject = Subject("statement", item.source,
                          hashlib.sha256(text.encode("utf-8")).hexdigest(), item.id,
                          getattr(item, "line", None))
        header = self._headers.get(day)
        if header is None:  # one per date (a frozen value): a batch's statements share a few
            if len(self._headers) >= _MEMO_LIMIT:
                self._headers.clear()
            header = self._headers[day] = Header(__version__, self.checked_at, day.isoformat(),
                                                 self.header, self.corpus)
        result = result_label(screened.analysed, len(findings))
        if result == "no findings":  # name what it touches that words were punished for
            caveats.append(no_finding_note(facts.get("statement.mentions") or (),
                                           self.precedents))
        return cast(StatementReport, build_report(
            header, subject, outcome.risk, findings, outcome.not_checked, caveats,
            analysis=analysis_dict(screened, analysis), result=result))

    def _outcome(self, facts: dict, day: date, organization: dict,
                 unknown: dict | None = None, key: tuple | None = None) -> "_Outcome":
        """Findings (not yet placed at words), not_checked and risk for one fact set,
        memoised; ``key`` is :meth:`_key` of the same, when the caller made it already."""
        if key is None:
            key = self._key(facts, day, organization, unknown)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        return self._settle([(facts, day, organization, unknown)], [key])[key]

    def _key(self, facts: dict, day: date, organization: dict, unknown) -> tuple:
        # the facts in the order statement_facts and report() add them: the same content
        # comes in the same order, so no sort is needed (issue 13, speed)
        return (day, tuple([(k, tuple(v) if isinstance(v, list) else v)
                            for k, v in facts.items()]),
                id(organization) if organization is self.organization
                else tuple(sorted((k, str(v)) for k, v in organization.items())),
                unknown is not None)

    def _settle(self, wanted, keys=None) -> dict:
        """The outcomes of the fact sets ``(facts, day, organization, unknown)`` the memo
        lacks, worked out by one call of the rules engine (evaluate_contexts takes a list:
        each context's outcome is the one it gets alone) and memoised; key -> outcome.
        ``keys``: :meth:`_key` of each fact set, when the caller made them already."""
        missing: dict = {}
        if keys is None:
            keys = [self._key(*w) for w in wanted]
        for key, (facts, day, organization, unknown) in zip(keys, wanted):
            if key not in self._memo and key not in missing:
                missing[key] = (facts, day, organization, unknown)
        if not missing:
            return {}
        from lawcheck.engine import normalise  # imported on a miss only: an import statement
        from lawcheck.findings import evaluate_contexts  # costs about a microsecond even
        from lawcheck.risk import assess  # when the module is loaded

        contexts = [Context(facts, day, {}, "statement", dict(unknown or {}))
                    for facts, day, _, unknown in missing.values()]
        outcomes = evaluate_contexts(self.rulebase, self.compiled, self.engine, contexts,
                                     self.index)
        settled = {}
        for (key, (facts, day, organization, _)), outcome in zip(missing.items(), outcomes):
            normal = normalise(facts, self.rulebase.facts)
            in_campaign = bool(normal.get("statement.in_campaign_period"))
            result = _Outcome(normal, outcome.findings,
                              tuple(dict(item) for item in outcome.not_checked),
                              assess(outcome.findings, organization, in_campaign,
                                     self.weights, as_of=day))
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = settled[key] = result
        return settled


@dataclass(frozen=True)
class _Outcome:
    """What the rule base says about one statement's fact set (shared by the statements of a
    batch that have the same facts): its findings are not yet placed at any statement's words."""

    facts: dict  # as the engine compared them
    findings: tuple[Finding, ...]
    not_checked: tuple[dict, ...]
    risk: Risks
    # rule id -> the labels its finding rests on (true_comparisons over ``facts``), worked out
    # once for the fact set rather than once per statement that has it (issue 13, speed)
    _wanted: dict = field(default_factory=dict, compare=False, repr=False)

    def wanted(self, rule_id: str, rules: dict) -> frozenset:
        found = self._wanted.get(rule_id)
        if found is None:
            found = self._wanted[rule_id] = frozenset(
                true_comparisons(rules[rule_id].condition, self.facts))
        return found
