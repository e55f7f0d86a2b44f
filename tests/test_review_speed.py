"""Issue 13 (speed and memory): the shortcuts of the review path give the same results as the
long way round."""

from __future__ import annotations

import gc
from types import SimpleNamespace

from lawcheck import precedent_links
from lawcheck.precedent_links import closest, with_precedents
from lawcheck.precedents import load_precedents
from lawcheck.report_model import Finding, Where
from lawcheck.review.parallel import ordered_map

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


class _Spec:
    def build(self):
        return SimpleNamespace(review=lambda item: {"id": item.id, "frozen": gc.get_freeze_count()})


def test_an_in_process_review_hides_its_heap_from_the_collector_only_while_it_reviews():
    items = [SimpleNamespace(id=f"s{i}") for i in range(3)]
    assert gc.get_freeze_count() == 0
    between = []
    for _, report in ordered_map(_Spec(), items, jobs=1):
        assert report["frozen"] > 0  # frozen while reviewing
        between.append(gc.get_freeze_count())
    assert between == [0, 0, 0]  # never while the caller has the report: a review left
    stopped = ordered_map(_Spec(), items, jobs=1)  # unfinished cannot keep it frozen
    next(stopped)
    assert gc.get_freeze_count() == 0
    stopped.close()
    gc.freeze()  # a caller's own frozen objects are left as they are
    try:
        kept = gc.get_freeze_count()
        list(ordered_map(_Spec(), items, jobs=1))
        assert gc.get_freeze_count() == kept
    finally:
        gc.unfreeze()
