"""The rule-base part of the façade: load and lint, list, show, test, coverage, catalogue,
impact of a law change, and explain."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lawcheck import catalog, yamlio
from lawcheck.api.corpus import diff
from lawcheck.engine import get_engine
from lawcheck.errors import InputError, NotFoundError, RulesError, Where
from lawcheck.explain import explain_rule
from lawcheck.findings import fill_parameters, parameters
from lawcheck.ingest import parse_date
from lawcheck.precedents import load_precedents
from lawcheck.rulebase import dating
from lawcheck.rulebase.conditions import check_value
from lawcheck.rulebase.dating import CITATION_GONE
from lawcheck.ruletests import run_cases
from lawcheck.service import citation_index, load_rulebase, opened, rule_paths
from lawcheck.settings import engine_name, rules_dir
from lawcheck.yamlio import did_you_mean


def load_rules(paths=None, *, db: str | None = None):
    """Load and check the rule base (every problem reported at once, as a RulesError)."""
    with opened(db) as store:
        return load_rulebase(store, paths)


def lint_rules(paths=None, *, db: str | None = None):
    """Load the rule base and check it against the corpus's dates: each rule in force from the
    day its legal basis is (or saying why not), no citation gone from its law's newest version,
    every parameter found in each version of its provision. Raises RulesError listing all."""
    with opened(db) as store:
        rulebase = load_rulebase(store, paths)
        index = citation_index(store, rulebase)
    problems = dating.check(rulebase, index) + dating.check_parameters(rulebase, index)
    if problems:
        raise RulesError(problems)
    return rulebase


def rules_list(*, db: str | None = None) -> list[dict]:
    rulebase = load_rules(db=db)
    return [{"id": r.id, "title": r.title, "category": r.category, "kind": r.kind,
             "severity": r.severity, "consequence": r.consequence,
             "citations": list(r.citations), "effective_from": _iso(r.effective_from),
             "effective_to": _iso(r.effective_to),
             "tests": sum(r.id in case.expect for case in rulebase.tests)}
            for r in rulebase.rules]


def rules_show(rule_id: str, *, db: str | None = None) -> dict:
    with opened(db) as store:
        rulebase = load_rulebase(store)
        rule = _rule(rulebase, rule_id)
        index = citation_index(store, rulebase)
    citations = []
    for cited in rule.citations:
        versions = sorted(index.get(cited, []), key=lambda v: (v.effective_from or date.min))
        citations += [{"provision": cited, "version": v.version, "language": v.language,
                       "effective_from": _iso(v.effective_from),
                       "effective_to": _iso(v.effective_to), "title": v.title, "text": v.text}
                      for v in versions]
    return {
        "id": rule.id, "title": rule.title, "file": f"{rule.file}:{rule.line}",
        "applies_to": rule.applies_to, "org_types": list(rule.org_types),
        "category": rule.category, "kind": rule.kind, "severity": rule.severity,
        "consequence": rule.consequence, "pillar": rule.pillar,
        "effective_from": _iso(rule.effective_from), "effective_to": _iso(rule.effective_to),
        "scope": catalog.condition_text(rule.scope), "when": catalog.condition_text(rule.when)
        if rule.when is not None else [], "exception_to": list(rule.exception_to),
        "message": {"what": rule.message.what, "why": rule.message.why,
                    "todo": rule.message.todo},
        "mitigations": [{"id": m, "text": fill_parameters(rulebase.mitigations[m],
                                                           date.today(), index)}
                        for m in rule.mitigations],
        "effective_note": rule.effective_note or None, "version_of": rule.version_of or None,
        "parameters": _parameters_now(rule, index),
        "confidence": rule.confidence,
        "reviewed": {"by": rule.reviewed_by, "on": _iso(rule.reviewed_on)},
        "citations": citations,
        "tests": sum(rule.id in case.expect for case in rulebase.tests),
        "precedents": _precedents_of(rule),
    }


def _precedents_of(rule) -> list[dict]:
    """The precedents a rule names ({"id", "date", "summary"}), oldest first."""
    if not rule.precedents:
        return []

    named = set(rule.precedents)
    return [p.brief() for p in load_precedents() if p.id in named]


def _parameters_now(rule, index) -> list[dict]:
    """Each parameter with the text it reads today (the message shows it in its place)."""
    today = parameters(rule, date.today(), index)
    return [{"name": p.name, "citation": p.citation, "pattern": p.pattern, "value": p.value,
             "reads": today[f"param.{p.name}"]} for p in rule.parameters]


def rules_test(paths=None, *, db: str | None = None, engine: str | None = None,
               today: date | None = None):
    with opened(db) as store:
        rulebase = load_rulebase(store)
        selected = None
        if paths:
            # relative paths are the user's, from the working directory; the cases know theirs
            # as loaded, so both sides are compared resolved
            chosen = {p.resolve() for p in rule_paths(paths)}
            selected = [c for c in rulebase.tests if Path(c.file).resolve() in chosen]
            if not selected:
                shown = ", ".join(str(p) for p in paths)
                raise InputError(
                    f"no test cases found in {shown}", code="LC206",
                    fix=f"give a *.tests.yaml file or folder under the rule base "
                        f"({rules_dir()}); `lawcheck rules list` shows each rule's tests")
        index = citation_index(store, rulebase)
    return run_cases(rulebase, get_engine(engine or engine_name()), index, selected, today)


def rules_coverage(*, db: str | None = None) -> dict:
    """Rules no test case expects to fire, and provisions no rule cites (by provision)."""
    from lawcheck.store import repository as repo

    with opened(db) as store:
        rulebase = load_rulebase(store)
        with store.sessions() as session:
            laws = sorted({r.law for r in rulebase.rules if r.law} |
                          {"/".join(c.split("/")[:2]) for r in rulebase.rules
                           for c in r.citations})
            # the units a rule cites: articles, and the paragraphs of instruments without them
            articles = sorted(pid for pid in repo.provision_ids(session)
                              if "/".join(pid.split("/")[:2]) in laws and pid.count("/") == 2
                              and pid.rsplit("/", 1)[-1].startswith(("art-", "para-")))
    cited: dict[str, list[str]] = {}
    for rule in rulebase.rules:
        for c in rule.citations:
            article = "/".join(c.split("/")[:3])
            cited.setdefault(article, []).append(rule.id)
    return {
        "rules": len(rulebase.rules),
        "untested_rules": [r.id for r in rulebase.rules
                           if r.when is not None
                           and not any(r.id in case.expect for case in rulebase.tests)],
        "provisions": {pid: sorted(set(cited.get(pid, []))) for pid in articles},
        "uncited_provisions": [pid for pid in articles if pid not in cited],
    }


def rules_catalog(fmt: str = "markdown", *, db: str | None = None) -> str:
    with opened(db) as store:
        rulebase = load_rulebase(store)
        index = citation_index(store, rulebase)
    titles = {pid: next((v.title for v in versions if v.title), "")
              for pid, versions in index.items()}
    from lawcheck.report.formats import renderer

    return renderer("catalog", fmt)(rulebase, titles)


def rules_impact(law_id: str, v1: str | None = None, v2: str | None = None, *,
                 db: str | None = None) -> dict:
    changes = diff(law_id, v1, v2, db=db)
    touched = {pid: "added" for pid in changes["added"]}
    touched.update({c["id"]: "changed" for c in changes["changed"]})
    touched.update({pid: "removed" for pid in changes["removed"]})
    gone = set(changes["removed"])
    rulebase = load_rules(db=db)
    affected = []
    for rule in rulebase.rules:
        hits = []
        for cited in rule.citations:
            article = "/".join(cited.split("/")[:3])
            if cited in gone or article in gone:
                hits.append({"provision": cited, "change": CITATION_GONE})
            elif cited in touched or article in touched:
                change = touched.get(cited) or touched[article]
                hits.append({"provision": cited, "change": change})
        if hits:
            affected.append({"rule": rule.id, "title": rule.title, "citations": hits})
    return {"law": law_id, "from": changes["from"], "to": changes["to"], "rules": affected,
            "changed_provisions": sorted(touched), "notice": changes.get("notice")}


def explain(rule_id: str, facts_path: str | Path, *, as_of: str | date | None = None,
            db: str | None = None) -> dict:
    with opened(db) as store:
        rulebase = load_rulebase(store)
        rule = _rule(rulebase, rule_id)
        facts = read_facts(Path(facts_path), rulebase)
        index = citation_index(store, rulebase)
    day = facts.get("subject.date") or parse_date(as_of, "--as-of date") or date.today()
    return explain_rule(rulebase, rule, facts, day, index)


def read_facts(path: Path, rulebase) -> dict:
    """A facts file (YAML or JSON): a mapping of declared facts, or ``facts:`` holding one."""
    data = yamlio.load(path, error=InputError)
    if isinstance(data, dict) and set(data) == {"facts"}:
        data = data["facts"]
    if not isinstance(data, dict):
        raise InputError("expected a mapping of facts (name: value)", where=Where(str(path), 1),
                         fix="write one fact per line, e.g. `activity.participants: 150`")
    facts = {}
    for name, value in data.items():
        where = data.where(name) if hasattr(data, "where") else Where(str(path))
        spec = rulebase.facts.get(name)
        if spec is None:
            raise InputError(f"undeclared fact {name!r}" + did_you_mean(name, rulebase.facts),
                             where=where, code="LC304", fix="rules/facts.yaml lists the facts")
        ok, normal = check_value(spec, value)
        if not ok:
            raise InputError(f"{value!r} is not a valid {spec.type} for {name}"
                             + (f" (one of: {', '.join(spec.values)})" if spec.values else ""),
                             where=where, code="LC305", fix="correct the value")
        facts[name] = normal
    return facts


def _rule(rulebase, rule_id: str):
    rule = rulebase.rule(rule_id)
    if rule is None:
        raise NotFoundError(f"no rule {rule_id!r}" + did_you_mean(rule_id,
                                                                 [r.id for r in rulebase.rules]),
                            code="LC316", fix="`lawcheck rules list` shows the rules")
    return rule


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
