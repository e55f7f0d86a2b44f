"""The typed report (lawcheck.report_model, issue 16): built once for plans and statements,
immutable, and JSON only at the edge, where ``to_dict()`` keeps SPEC §5's keys in their order
(the goldens in tests/golden hold them byte for byte)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from lawcheck.api.check import check, check_report, exit_code
from lawcheck.report.jsonfmt import render_json
from lawcheck.report_model import (Finding, Header, Report, Risk, Risks, StatementReport,
                                   StatementSummary, Subject, Where, build_report)

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CLOCK = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=7)))
DEFAMATION = "Statement {}: the district chief is a corrupt thief."


def dumped(value) -> str:
    """JSON as the report prints it: key order matters, so compare the text, not the dicts."""
    return json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("name", ["land-forum", "foreign-march", "health-training"])
def test_every_golden_finding_and_risk_comes_back_byte_for_byte(name):
    report = json.loads((GOLDEN / f"check-{name}.json").read_text(encoding="utf-8"))
    kinds = set()
    for found in report["findings"]:
        typed = Finding.from_dict(found)
        assert dumped(typed.to_dict()) == dumped(found)
        kinds.add(("question" if typed.question else "rule",
                   "precedents" if typed.precedents else "-",
                   "words" if typed.where.spans is not None else "-"))
    for score, shown in report["risk"].items():
        risk = Risk(shown["level"], shown["score"], tuple(shown["drivers"]),
                    tuple(shown["explanation"]), shown.get("ladder"))
        assert dumped(risk.to_dict()) == dumped(shown), score
    if name == "foreign-march":  # the goldens hold questions, precedents and placed statements
        assert {k[0] for k in kinds} == {"question", "rule"} and ("rule", "precedents", "-") in kinds


def test_the_plan_check_is_typed_through_and_json_only_at_the_edge(db_url):
    plan = ROOT / "examples" / "foreign-march.yaml"
    typed = check_report(plan, as_of="2026-12-01", db=db_url, clock=CLOCK)
    assert isinstance(typed, Report) and isinstance(typed.risk, Risks)
    assert all(isinstance(f, Finding) and isinstance(f.where, Where) for f in typed.findings)
    questions = [f for f in typed.findings if f.question]
    assert questions and all(isinstance(f.question, int) and f.missing for f in questions)
    assert [type(s) for s in typed.statements] == [StatementSummary] * 3
    as_json = check(plan, as_of="2026-12-01", db=db_url, clock=CLOCK)
    assert render_json(typed) == render_json(as_json)
    for fail_on in ("info", "medium", "high", "critical"):
        assert exit_code(typed, fail_on) == exit_code(as_json, fail_on)
    assert exit_code(typed, "info") == 1 and exit_code(typed, "critical") == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        typed.findings[0].why = "edited"  # type: ignore[misc]


def test_statements_sharing_an_outcome_each_keep_their_own_words(tmp_path):
    """The reviewer reuses one outcome for statements with the same facts; placing a finding
    at one statement's words makes a new value, never edits the shared one."""
    from lawcheck.review.inputs import StatementInput
    from lawcheck.review.reviewer import ReviewerSpec

    reviewer = ReviewerSpec(db=str(tmp_path / "l.db"), sync=True,
                            as_of=date(2026, 12, 1)).build()
    first = StatementInput("a", DEFAMATION.format(1), "t.csv", 2, date(2026, 11, 2), "facebook")
    # a word the learned model does not know: the same learned score, so the same facts
    # (statement.learned_strong is a cut on that score)
    opening = "Update. "
    second = StatementInput("b", opening + DEFAMATION.format(2), "t.csv", 3,
                            date(2026, 11, 2), "facebook")
    one = reviewer.report(first)
    before = dumped(one.to_dict())
    two = reviewer.report(second)
    assert isinstance(one, StatementReport) and one.findings, "the example must find something"
    assert one.risk is two.risk  # one outcome, shared
    assert dumped(one.to_dict()) == before
    assert {f.where.statement for f in one.findings} == {"a"}
    assert {f.where.statement for f in two.findings} == {"b"}
    shift = len(opening)
    for a, b in zip(one.findings, two.findings):
        assert a.rule == b.rule and a.where.spans and b.where.spans
        assert [(s + shift, e + shift) for s, e in a.where.spans] == list(b.where.spans)
    assert reviewer.review(first) == one.to_dict()


def _header() -> Header:
    return Header("0", "2026-12-01T09:30:00+07:00", "2026-12-01", {"version": "v", "rules": 1},
                  {"version": "c", "laws": 1})


def _nothing() -> Risks:
    none = Risk("none", 0.0, (), ("none: no finding has a consequence that leads to it",))
    return Risks(none, none)


def test_one_builder_makes_either_report_and_refuses_what_the_kind_lacks():
    plan = build_report(_header(), Subject("plan", "p.yaml", "s"), _nothing(), [], [], [],
                        activities=[{"id": "A1"}])
    statement = build_report(_header(), Subject("statement", "t.csv", "s", "7", 2), _nothing(),
                             [], [], ["a caveat"], analysis={"language": "en"},
                             result="no findings")
    assert isinstance(plan, Report) and "statements" not in plan.to_dict()
    assert list(statement.to_dict()) == ["lawcheck", "checked_at", "as_of", "rulebase", "corpus",
                                         "subject", "risk", "findings", "not_checked",
                                         "analysis", "result", "caveats"]
    assert statement.to_dict()["subject"] == {"kind": "statement", "id": "7", "source": "t.csv",
                                              "line": 2, "sha256": "s"}
    with pytest.raises(ValueError, match="no analysis"):
        build_report(_header(), Subject("plan", "p", "s"), _nothing(), [], [], [], result="x")
    with pytest.raises(ValueError, match="no deadlines"):
        build_report(_header(), Subject("statement", "t", "s", "1"), _nothing(), [], [], [],
                     deadlines=[{"date": "2026-12-01"}])
    with pytest.raises(ValueError, match="not 'law'"):
        build_report(_header(), Subject("law", "l", "s"), _nothing(), [], [], [])


def test_a_key_the_model_does_not_know_is_refused_not_dropped():
    with pytest.raises(ValueError, match="unknown keys"):
        Where.from_dict({"activity": "A1", "row": 4})
    found = json.loads((GOLDEN / "check-land-forum.json").read_text())["findings"][0]
    with pytest.raises(ValueError, match="unknown keys"):
        Finding.from_dict({**found, "note": "lost in JSON"})
