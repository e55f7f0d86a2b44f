"""Issue 13 (speed), the statement review's fast paths of the s25 round: each gives exactly
what the plain way gives (the same values, in the same order, of the same types)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from lawcheck.speech import Analyser, facts, likeness
from lawcheck.speech.lexicon import FACT_VALUES, TARGETED
from lawcheck.speech.model import MENTIONS, Mention
from tests.statement_texts import benchmark_statements, set_texts

EDGES = ["", "a", "The King.", "Ça coûte — “quoted” words…", "#FreeThem now!",
         "The court must release Sok Dara; the charges are politically motivated."]


def _texts() -> list[str]:
    return list(EDGES) + set_texts(150) + benchmark_statements(5, 300)


def _facts_reference(found, mentions) -> dict:
    """facts.facts as first written: sets per label fact, flags, then one sorted dict."""
    labels = {name: set() for name, values in FACT_VALUES.items() if values is not None
              or name in TARGETED}
    labels[facts.REPORTED] = set()
    flags = {name: False for name, values in FACT_VALUES.items()
             if values is None and name not in TARGETED}
    for act in found:
        if act.mode == "asserted" or (act.mode == "reported" and act.fact not in TARGETED
                                      and (act.fact, act.value) not in facts.OWN_VOICE_ONLY):
            if act.fact in flags:
                flags[act.fact] = True
            else:
                labels[act.fact].add(act.value)
    result = {name: sorted(values) for name, values in labels.items()}
    result.update(flags)
    result["statement.mentions"] = sorted({m.category for m in mentions})
    return dict(sorted(result.items()))


def _same(a: dict, b: dict) -> bool:
    return list(a) == list(b) and a == b and [type(v) for v in a.values()] == \
        [type(v) for v in b.values()]


def test_facts_of_a_statement_without_acts_are_the_reference_facts():
    rng = random.Random(3)
    for _ in range(300):
        mentions = tuple(Mention(rng.choice(MENTIONS), "x", 0, 1)
                         for _ in range(rng.randint(0, 6)))
        fast, slow = facts.facts((), mentions), _facts_reference((), mentions)
        assert _same(fast, slow), mentions
        # each label its own list: changing one changes no other, nor a later statement's
        fast["statement.calls"].append("march")
        assert fast["statement.accuses"] == [] and facts.facts((), ())["statement.calls"] == []


def test_analyse_is_analyse_many_and_facts_are_the_reference_on_every_set():
    analyser = Analyser()
    texts = _texts()
    with_acts = 0
    for text in texts:
        one = analyser.analyse(text)
        assert one == next(analyser.analyse_many([text])), text
        assert _same(one.facts, _facts_reference(one.acts, one.mentions)), text
        with_acts += bool(one.acts)
    assert with_acts > 50  # statements with acts (the full path) and without (the fast one)
    assert len(texts) - with_acts > 50


def test_words_of_is_the_token_pattern_whatever_came_before():
    texts = _texts()
    rng = random.Random(5)
    for _ in range(2000):
        text = rng.choice(texts)
        assert likeness.words_of(text) == likeness._TOKEN.findall(text.lower())
    assert likeness.words_of("Abc DEF g") == ["abc", "def"]
    assert likeness.words_of("") == []


def test_the_memoised_labels_of_an_outcome_are_true_comparisons(tmp_path):
    from lawcheck.review.inputs import StatementInput
    from lawcheck.review.reviewer import ReviewerSpec, true_comparisons

    reviewer = ReviewerSpec(db=str(tmp_path / "w.db"), sync=True).build()
    checked = 0
    for k, text in enumerate(benchmark_statements(9, 200)):
        item = StatementInput(id=f"s{k}", text=text, source="t", line=k,
                              date=date(2026, 12, 5), org_type="domestic_ngo")
        report = reviewer.report(item)
        for outcome in reviewer._memo.values():
            for finding in outcome.findings:
                rule = reviewer.rules[finding.rule]
                assert outcome.wanted(finding.rule, reviewer.rules) == \
                    true_comparisons(rule.condition, outcome.facts)
                checked += 1
        assert report.to_dict() == reviewer.report(item).to_dict()  # memo hit: the same
    assert checked > 0


def test_the_run_risk_is_the_riskiest_subjects_in_any_order():
    from lawcheck.audit.recorder import RunRecorder, _risk_rank

    levels = ["none", "low", "medium", "high", "critical"]
    rng = random.Random(7)
    for _ in range(200):
        risks = [{"deregistration": {"level": rng.choice(levels), "score": rng.random()},
                  "prosecution": {"level": rng.choice(levels), "score": rng.random()}}
                 for _ in range(rng.randint(1, 12))]
        recorder = RunRecorder.__new__(RunRecorder)
        recorder._risk, recorder._ranks = {}, {}
        for risk in risks:
            recorder._merge_risk(risk)
        for kind in ("deregistration", "prosecution"):
            best = risks[0][kind]
            for risk in risks[1:]:  # the first of the riskiest, as the plain loop kept it
                if _risk_rank(risk[kind]) > _risk_rank(best):
                    best = risk[kind]
            assert recorder._risk[kind] is best


@pytest.mark.parametrize("medium", ["facebook", "Facebook ", "fax"])
def test_a_remembered_cell_is_read_as_the_first_time(medium):
    from lawcheck.review.inputs import BadRow, IdSet, _statement, _VALUES

    _VALUES.clear()
    rows = [_statement("f.csv", k, {"id": f"s{k}", "text": "Hello.", "medium": medium,
                                    "date": "2026-12-05"}, {}, IdSet()) for k in range(3)]
    if medium == "fax":  # a wrong cell is named on every row, not only the first
        assert all(isinstance(r, BadRow) and "fax" in r.message for r in rows)
    else:
        assert [(r.medium, r.date) for r in rows] == [("facebook", date(2026, 12, 5))] * 3
