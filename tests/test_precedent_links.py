"""Findings carry the closest precedents (SPEC §5 as amended), and every report format shows
them, one line each."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from lawcheck import api
from lawcheck.precedent_links import attach, closest
from lawcheck.precedents import load_precedents
from lawcheck.report import render

GOOD = Path(__file__).parent / "precedents" / "good"
SITUATION, CHHUN = "2017-situation-room-ordered-to-stop", "2020-rong-chhun-arrest"


@pytest.fixture(autouse=True)
def fixture_precedents(monkeypatch):
    monkeypatch.setenv("LAWCHECK_PRECEDENTS", str(GOOD))


def rule(precedents=(), category="registration"):
    return SimpleNamespace(id="r", precedents=precedents, category=category,
                           applies_to="activity")


def test_a_rule_that_names_precedents_offers_only_those():
    base = load_precedents(GOOD)
    assert [p.id for p in closest(rule((CHHUN,)), "registration", base)] == [CHHUN]
    assert [p.id for p in closest(rule(), "registration", base)] == [SITUATION]
    assert closest(rule(), "tax", base) == []


def test_resemblance_orders_candidates_and_ties_do_not_depend_on_order():
    base = load_precedents(GOOD)
    both = rule((CHHUN, SITUATION))
    like_observation = closest(both, "x", base, kind="activity",
                               activity={"type": "election_observation"})
    like_border = closest(both, "x", base, kind="statement", topics=["border posts and land"])
    assert [p.id for p in like_observation] == [SITUATION, CHHUN]
    assert [p.id for p in like_border] == [CHHUN, SITUATION]
    assert closest(both, "x", tuple(reversed(base))) == closest(both, "x", base)
    assert len(closest(both, "x", base, limit=1)) == 1


def test_attach_adds_briefs_only_where_there_are_some():
    base = load_precedents(GOOD)
    rulebase = SimpleNamespace(rules=[SimpleNamespace(id="a", precedents=(), category="tax",
                                                      applies_to="organization"),
                                      SimpleNamespace(id="b", precedents=(CHHUN,),
                                                      category="incitement",
                                                      applies_to="statement")])
    findings = [{"rule": "a", "category": "tax"}, {"rule": "b", "category": "incitement"}]
    attach(findings, rulebase, base)
    assert "precedents" not in findings[0]
    assert findings[1]["precedents"] == [{"id": CHHUN, "date": "2020-07-31",
                                          "summary": base[1].one_line()}]


def test_plan_check_and_review_carry_precedents(tmp_path, db_url):
    plan = tmp_path / "plan.yaml"
    plan.write_text("organization: {name: N, type: domestic_association, sector: elections,\n"
                    "  registration: {registered: false}}\n"
                    "activities: [{id: A1, type: election_observation, start: 2026-12-10}]\n")
    report = api.check(plan, as_of="2026-12-01", db=db_url)
    unregistered = next(f for f in report["findings"]
                        if f["rule"] == "kh.registration.unregistered")
    assert [p["id"] for p in unregistered["precedents"]] == [SITUATION]
    for fmt in ("text", "markdown", "html"):
        shown = render(report, fmt, color=False, width=120)
        assert "2017: an election-monitoring coalition" in shown, fmt
    as_json = json.loads(render(report, "json"))["findings"]
    assert next(f for f in as_json if f["rule"] == "kh.registration.unregistered")[
        "precedents"] == unregistered["precedents"]
    text = ("Farmers in the border villages have lost their rice fields to the new border "
            "posts, and the government gave our land away to Vietnam.")
    found = [f for _, report in api.review(text=text, date="2020-07-20", db=db_url,
                                           org_type="domestic_association")
             for f in report["findings"]]
    assert any(p["id"] == CHHUN for f in found for p in f.get("precedents", ())), found
