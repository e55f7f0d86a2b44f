"""The plan check: plan → facts → findings → risk → report (SPEC §5): a typed
:class:`~lawcheck.report_model.Report`, made JSON only at the edge (:func:`check`)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, cast

from lawcheck import __version__
from lawcheck.ingest import parse_date
from lawcheck.model import Context
from lawcheck.report_model import (AnyReport, Finding, Header, Report, StatementSummary, Subject,
                                   build_report)
from lawcheck.rulebase.model import SEVERITIES
from lawcheck.service import citation_index, load_rulebase, opened
from lawcheck.speech.measured import no_finding_note

if TYPE_CHECKING:
    from lawcheck.review.plan_statements import PlanStatement


def check(plan: str | Path, *, org: str | Path | None = None, as_of: str | date | None = None,
          db: str | None = None, engine: str | None = None,
          clock: datetime | None = None, record: bool = False, keep_text: bool = False,
          render: dict | None = None) -> dict:
    """Check an activity plan; return the report (SPEC §5) as a dict.

    With ``record`` the check is stored as a run (see :mod:`lawcheck.audit`) and the report
    returned is the one to print: it carries ``run`` and ``privacy``; ``keep_text`` keeps the
    plan's text too, ``render`` the format and options to print it again."""
    report = check_report(plan, org=org, as_of=as_of, db=db, engine=engine,
                          clock=clock).to_dict()
    if record:
        from lawcheck.api.audit import record_check

        inputs = [Path(plan)] + ([Path(org)] if org else [])
        return record_check(report, inputs=inputs, db=db, keep_text=keep_text, render=render)
    return report


def check_report(plan: str | Path, *, org: str | Path | None = None,
                 as_of: str | date | None = None, db: str | None = None,
                 engine: str | None = None, clock: datetime | None = None) -> Report:
    """Check an activity plan; return the typed report (:class:`lawcheck.report_model.Report`:
    ``to_dict()`` gives what :func:`check` returns without ``record``)."""
    from lawcheck.derive import derive, load_calendars
    from lawcheck.engine import compile_rulebase, get_engine
    from lawcheck.findings import evaluate_contexts
    from lawcheck.plan import load_plan
    from lawcheck.review.plan_statements import place_findings, plan_statements
    from lawcheck.risk import assess, load_weights
    from lawcheck.settings import engine_name, rules_dir
    from lawcheck.store import repository as repo

    day = parse_date(as_of, "--as-of date") or date.today()
    loaded = load_plan(Path(plan), Path(org) if org else None)
    cals = load_calendars(rules_dir())
    derived = derive(loaded.organization, list(loaded.activities), day, cals)
    with opened(db) as store:
        rulebase = load_rulebase(store)
        index = citation_index(store, rulebase)
        with store.sessions() as session:
            corpus = repo.corpus_version(session)
    statements = plan_statements(loaded.organization, loaded.activities, cals.elections)
    # each subject checked: the organisation and activities, then the plan's statements
    subjects: list[tuple[Context, PlanStatement | None]] = \
        [(c, None) for c in derived] + [(s.context, s) for s in statements]
    contexts = [c for c, _ in subjects]
    outcomes = evaluate_contexts(rulebase, compile_rulebase(rulebase),
                                 get_engine(engine or engine_name()), contexts, index)
    findings: list[Finding] = []
    screened: list[StatementSummary] = []
    for (_, statement), outcome in zip(subjects, outcomes):
        found = list(outcome.findings)
        if statement is not None:  # a statement: point at its words
            found = place_findings(found, statement, rulebase)
            screened.append(statement.summary(len(found)))
        findings += found
    not_checked, questions = _unknowns(contexts, outcomes, loaded, rulebase, index)
    findings = [Finding.from_dict(q) for q in questions] + findings
    findings = _link_precedents(findings, rulebase, loaded)
    in_campaign = any(c.facts.get("activity.in_campaign_period") for c in contexts)
    risk = assess(findings, loaded.organization, in_campaign,
                  load_weights(rules_dir() / "risk.yaml"), as_of=day)
    caveats = cals.caveats([c.date for c in contexts])
    due = _due(loaded, day, cals)
    caveats += [note for s in statements if (note := s.caveat())]
    unflagged: dict[str, list[str]] = {}
    for s in screened:
        if s.result == "no findings":
            unflagged.setdefault(s.activity, []).append(str(s.statement + 1))
    if unflagged:  # a statement no rule fired on is not cleared: say what that is worth
        where = "; ".join(f"statement{'s' * (len(n) > 1)} {', '.join(n)} of activity {a}"
                          for a, n in unflagged.items())
        caveats.append(f"No finding on {where}. {no_finding_note()}")
    moment = clock or datetime.now(timezone.utc).astimezone()
    header = Header(__version__, moment.isoformat(timespec="seconds"), day.isoformat(),
                    {"version": rulebase.version, "rules": len(rulebase.rules)}, corpus)
    return cast(Report, build_report(
        header, Subject("plan", loaded.source, loaded.sha256), risk, findings, not_checked,
        caveats, deadlines=due, statements=screened,
        activities=[{"id": a["id"], "title": a.get("title", ""), "type": a.get("type"),
                     "start": _iso(a.get("start"))} for a in loaded.activities]))


def _due(loaded, day: date, cals) -> list[dict]:
    """The compliance calendar's overdue entries and those falling due within SOON_DAYS of
    ``day`` (the organisation's duties and each activity's notice), soonest first: what the
    report's summary leads with."""
    from datetime import timedelta

    from lawcheck.deadlines import DUTIES, SOON_DAYS, deadlines

    organization = loaded.organization if isinstance(loaded.organization, dict) else {}
    entries, _ = deadlines(organization, day, cals, day, day + timedelta(days=SOON_DAYS),
                           activities=list(loaded.activities))
    notice = DUTIES["demonstration-notice"].citation  # its "check": a day it cannot count
    return [e.to_dict() for e in entries if e.status in ("overdue", "due")
            or (e.status == "check" and e.citation == notice)]


def _unknowns(contexts, outcomes, loaded, rulebase, index) -> tuple[list[dict], list[dict]]:
    """not_checked in plan keys, and the questions exposed activities must answer (SPEC §8)."""
    from lawcheck import unknowns as U
    from lawcheck.findings import _citation

    activities = {a["id"]: a for a in loaded.activities}
    not_checked, questions = [], []
    for c, outcome in zip(contexts, outcomes):
        raw = [dict(item) for item in outcome.not_checked]
        subject = U.Subject(loaded.organization, activities.get(c.where.get("activity")),
                            c.where.get("statement"))
        questions += U.questions(raw, rulebase, subject,
                                 lambda pid, day=c.date: _citation(pid, day, index))
        where = {k: c.where[k] for k in ("activity", "statement") if k in c.where}
        not_checked += [{**item, **where} for item in U.describe(raw, rulebase, subject)]
    return not_checked, questions


def _link_precedents(findings: list[Finding], rulebase, loaded) -> list[Finding]:
    """Each finding with the one to three closest real enforcement events (SPEC §5)."""
    from lawcheck.precedent_links import with_precedents
    from lawcheck.precedents import load_precedents

    organization = loaded.organization if isinstance(loaded.organization, dict) else {}
    return with_precedents(findings, rulebase, load_precedents(), organization=organization,
                           activities={a["id"]: a for a in loaded.activities})


def _iso(value) -> str:
    """Plan dates as the plan writes them: 2027-01-09, or 2027-01-09T07:00 with a time."""
    if hasattr(value, "hour"):
        return value.isoformat(timespec="minutes")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def exit_code(report: dict | AnyReport, fail_on: str = "high") -> int:
    """SPEC §6: 1 when a finding is at or above ``fail_on`` severity, else 0."""
    threshold = SEVERITIES.index(fail_on)
    severities = [f["severity"] for f in report["findings"]] if isinstance(report, dict) \
        else [f.severity for f in report.findings]
    return int(any(SEVERITIES.index(s) >= threshold for s in severities))
