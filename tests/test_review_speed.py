"""Issue 13 (speed and memory): the shortcuts of the review path give the same results as the
long way round."""

from __future__ import annotations

from types import SimpleNamespace

from lawcheck import precedent_links
from lawcheck.precedent_links import closest, with_precedents
from lawcheck.precedents import load_precedents
from lawcheck.report_model import Finding, Where

TEXTS = [
    "The court must release the prisoner; the charges are politically motivated.",
    "The government sold our border land to Vietnam.",
    "Everyone must join the march to the provincial hall on Monday.",
    "Do not vote in the coming election and spoil your ballots.",
    "We held a training on clean water for farmers.",
    "The border land and the court and the election: villagers demand land titles.",
    "",
]
ORGS = [{}, {"type": "domestic_ngo"}, {"type": "foreign_ngo", "sector": "human_rights"},
        {"type": "association", "sector": "environment"}]


def finding(rule: str, category: str) -> Finding:
    return Finding(rule, "t", category, "risk", "high", "prosecution", "speech",
                   Where(statement="s1"), "why", "what", "todo", "likely")


def test_memoised_precedent_rankings_equal_the_unmemoised_ones():
    base = load_precedents()
    assert isinstance(base, tuple) and base  # the memo is used for a loaded base only
    categories = sorted({c for p in base for c in p.categories})
    named = tuple(sorted(p.id for p in base)[:4])
    rules = [SimpleNamespace(id=f"open.{c}", precedents=(), category=c, applies_to="statement")
             for c in categories] + [SimpleNamespace(id="named", precedents=named,
                                                     category=categories[0],
                                                     applies_to="statement")]
    rulebase = SimpleNamespace(rules=tuple(rules))
    findings = [finding(r.id, r.category) for r in rules]
    precedent_links._RANKED.clear()
    calls = 0
    for _ in range(2):  # the second round is answered from the memo
        for org in ORGS:
            for text in TEXTS:
                got = with_precedents(findings, rulebase, base, organization=org,
                                      topics=[text])
                calls += len(findings)
                for rule, done in zip(rules, got):
                    want = [p.brief() for p in closest(rule, rule.category, base,
                                                       kind="statement", organization=org,
                                                       topics=[text])]
                    assert list(done.precedents or ()) == want, (rule.id, org, text)
    assert 0 < len(precedent_links._RANKED) < calls / 2  # it did memoise
    # a ranking that depends on the words is not shared between different words
    border = with_precedents(findings, rulebase, base, topics=[TEXTS[1]])
    water = with_precedents(findings, rulebase, base, topics=[TEXTS[4]])
    assert any(a.precedents != b.precedents for a, b in zip(border, water))
