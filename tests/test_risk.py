"""findings → risk: the invariants of the model, the worked examples of docs/risk-model.md, and
the strictness of rules/risk.yaml."""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck import risk
from lawcheck.errors import InputError, RulesError
from lawcheck.report_model import Finding, Where
from lawcheck.rulebase.model import CONFIDENCE, CONSEQUENCES, KINDS, SEVERITIES

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS_FILE = ROOT / "rules" / "risk.yaml"
DOC = ROOT / "docs" / "risk-model.md"
W = risk.load_weights(WEIGHTS_FILE)
AS_OF = date(2026, 12, 1)


def finding(rule, kind, severity, consequence, confidence, **where):
    """A typed finding with what the scores read (no category: neither the ladder nor a prior
    warning applies to it)."""
    return Finding(rule, rule, "", kind, severity, consequence, "programs", Where(**where), "",
                   "", "", confidence)


def assess(findings, org, election, weights, *, as_of=None) -> dict:
    """The scores as the report's JSON holds them (SPEC §5)."""
    return risk.assess(findings, org, election, weights, as_of=as_of).to_dict()


# --- strategies -----------------------------------------------------------------------------

findings_st = st.builds(
    finding, st.sampled_from([f"kh.test.rule-{i}" for i in range(6)]), st.sampled_from(KINDS),
    st.sampled_from(SEVERITIES), st.sampled_from(CONSEQUENCES), st.sampled_from(CONFIDENCE))
history_st = st.lists(st.fixed_dictionaries({
    "kind": st.sampled_from(risk.HISTORY_KINDS),
    "date": st.dates(date(2010, 1, 1), date(2027, 12, 31))}), max_size=4)
org_st = st.fixed_dictionaries({}, optional={
    "sector": st.sampled_from(risk.SECTORS), "public_profile": st.sampled_from(risk.PROFILES),
    "history": history_st})
as_of_st = st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2030, 12, 31)))


def exact(findings, org, election, as_of=None):
    return risk.exact_scores(findings, org, election, W, as_of=as_of)


def order(level: str) -> int:
    return risk.LEVELS.index(level)


# --- properties -----------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(findings_st, max_size=12), findings_st, org_st, st.booleans(), as_of_st)
def test_adding_a_finding_never_lowers_either_score(findings, extra, org, election, as_of):
    before, after = exact(findings, org, election, as_of), exact(findings + [extra], org,
                                                                 election, as_of)
    shown_before = assess(findings, org, election, W, as_of=as_of)
    shown_after = assess(findings + [extra], org, election, W, as_of=as_of)
    for score in risk.SCORES:
        assert after[score] >= before[score]
        assert shown_after[score]["score"] >= shown_before[score]["score"]
        assert order(shown_after[score]["level"]) >= order(shown_before[score]["level"])


@settings(max_examples=200, deadline=None)
@given(st.lists(findings_st, max_size=12), org_st, st.booleans(), st.randoms(use_true_random=False))
def test_the_order_of_findings_does_not_matter(findings, org, election, rnd):
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    assert assess(shuffled, org, election, W, as_of=AS_OF) == \
        assess(findings, org, election, W, as_of=AS_OF)


@settings(max_examples=200, deadline=None)
@given(st.lists(findings_st, max_size=20), org_st, st.booleans(), as_of_st)
def test_scores_are_bounded_and_none_means_no_finding_feeds_the_score(findings, org, election,
                                                                      as_of):
    result = assess(findings, org, election, W, as_of=as_of)
    for score, value in exact(findings, org, election, as_of).items():
        assert 0 <= value <= 1
        assert 0 <= result[score]["score"] <= 1
        feeding = {f.rule for f in findings if risk._base(f, score, W) > 0}
        assert set(result[score]["drivers"]) == feeding
        assert (result[score]["level"] == "none") == (not feeding)


@settings(max_examples=200, deadline=None)
@given(st.lists(findings_st, max_size=12), org_st, st.booleans(), as_of_st,
       st.sampled_from(risk.HISTORY_KINDS), st.dates(date(2010, 1, 1), date(2027, 12, 31)))
def test_more_exposure_never_lowers_a_score(findings, org, election, as_of, kind, day):
    base = exact(findings, org, election, as_of)
    warned = dict(org, history=[*org.get("history", []), {"kind": kind, "date": day}])
    in_election = exact(findings, org, True, as_of)
    for score in risk.SCORES:
        assert exact(findings, warned, election, as_of)[score] >= base[score]
        assert in_election[score] >= exact(findings, org, False, as_of)[score]
    by_profile = [exact(findings, dict(org, public_profile=p), election, as_of)
                  for p in risk.PROFILES]
    for score in risk.SCORES:
        assert by_profile[0][score] <= by_profile[1][score] <= by_profile[2][score]


@settings(max_examples=200, deadline=None)
@given(st.lists(findings_st, max_size=12), org_st, st.booleans(), as_of_st,
       st.sampled_from(risk.SCORES), st.data())
def test_a_finding_for_one_score_never_changes_the_other(findings, org, election, as_of, score,
                                                         data):
    other = risk.SCORES[1 - risk.SCORES.index(score)]
    only_this = [c for c in CONSEQUENCES if W.feeds[c][score] > 0 and W.feeds[c][other] == 0]
    extra = data.draw(st.builds(finding, st.just("kh.test.extra"), st.sampled_from(KINDS),
                                st.sampled_from(SEVERITIES), st.sampled_from(only_this),
                                st.sampled_from(CONFIDENCE)))
    assert assess(findings + [extra], org, election, W, as_of=as_of)[other] == \
        assess(findings, org, election, W, as_of=as_of)[other]


def test_the_consequences_feed_the_scores_the_issue_names():
    dereg = {c for c in CONSEQUENCES if W.feeds[c]["deregistration"] > 0}
    prosecution = {c for c in CONSEQUENCES if W.feeds[c]["prosecution"] > 0}
    assert dereg == {"warning", "suspension", "deregistration", "mou-termination", "expulsion"}
    assert prosecution == {"fine", "criminal"}
    assert W.feeds["warning"]["deregistration"] < W.feeds["suspension"]["deregistration"]
    assert W.kind["violation"] > W.kind["risk"] > W.kind["advisory"]
    assert W.confidence["confirmed"] > W.confidence["likely"] > W.confidence["uncertain"]


def test_context_alone_never_creates_risk():
    org = {"sector": "human_rights", "public_profile": "high",
           "history": [{"kind": "suspension", "date": date(2026, 1, 1)}]}
    result = assess([], org, True, W, as_of=AS_OF)
    assert all(result[s] == {"level": "none", "score": 0.0, "drivers": [], "explanation": [
        f"none: no finding has a consequence that leads to {s}"]} for s in risk.SCORES)


def test_older_history_counts_less_and_the_factor_is_capped():
    def factor(history):
        return risk._context({"history": history}, False, W, AS_OF, "deregistration")[0]

    recent = [{"kind": "warning", "date": date(2025, 6, 1)}]
    old = [{"kind": "warning", "date": date(2020, 6, 1)}]
    assert factor(recent) == Fraction(115, 100) * Fraction(125, 100)   # unstated profile 1.15
    assert factor(old) == Fraction(115, 100) * (1 + Fraction(1, 4) * Fraction(1, 2))
    assert factor(recent * 20) == Fraction(115, 100) * 2


def test_the_context_vocabularies_are_the_plan_schema_s():
    schema = pytest.importorskip("lawcheck.plan.schema")
    assert (risk.SECTORS, risk.PROFILES, risk.HISTORY_KINDS) == \
        (schema.SECTORS, schema.PROFILES, schema.HISTORY_KINDS)


def test_unknown_context_values_are_errors_that_name_the_field():
    with pytest.raises(InputError, match=r"organization.sector is 'helth'.*did you mean 'health'"):
        assess([], {"sector": "helth"}, False, W)
    with pytest.raises(InputError, match=r"history\[\].kind is 'warnings'"):
        assess([], {"history": [{"kind": "warnings", "date": "2025-01-01"}]}, False, W)


# --- worked examples (docs/risk-model.md) -----------------------------------------------------

HEALTH = {"name": "Example Health NGO", "type": "domestic_ngo", "sector": "health",
          "public_profile": "low"}
LAND = {"name": "Example Land Rights Network", "type": "domestic_ngo",
        "sector": "land_environment", "public_profile": "high"}
FOREIGN = {"name": "Example International Health NGO", "type": "foreign_ngo",
           "sector": "health", "public_profile": "low"}
EXAMPLES = {
    "1": ([finding("kh.security.front-line.uninsured", "advisory", "medium", "advisory",
                   "confirmed", activity="A1")], HEALTH, False),
    "2": ([finding("kh.lango.neutrality.party-partner", "risk", "high", "suspension",
                   "confirmed", activity="A1"),
           finding("kh.assembly.notice.late", "violation", "medium", "warning", "likely",
                   activity="A1")], LAND, True),
    "2b": ([finding("kh.lango.neutrality.party-partner", "risk", "high", "suspension",
                    "confirmed", activity="A1"),
            finding("kh.assembly.notice.late", "violation", "medium", "warning", "likely",
                    activity="A1")], HEALTH, False),
    "3": ([finding("kh.mou.expired", "violation", "high", "expulsion", "likely", activity="A1"),
           finding("kh.mou.expired", "violation", "high", "expulsion", "likely",
                   activity="A2")], FOREIGN, False),
    "3b": ([finding("kh.mou.expired", "violation", "high", "expulsion", "likely", activity="A1"),
            finding("kh.mou.expired", "violation", "high", "expulsion", "likely",
                    activity="A2")],
           dict(FOREIGN, history=[{"date": date(2025, 3, 10), "kind": "warning"}]), False),
}
EXPECTED = {  # (deregistration, prosecution): (level, score, drivers, exact)
    "1": (("none", 0.0, [], 0), ("none", 0.0, [], 0)),
    "2": (("high", 0.71, ["kh.lango.neutrality.party-partner", "kh.assembly.notice.late"],
           1 - (1 - Fraction("0.315") * Fraction("2.028")) * (1 - Fraction("0.1")
                                                              * Fraction("2.028"))),
          ("none", 0.0, [], 0)),
    "2b": (("moderate", 0.38, ["kh.lango.neutrality.party-partner", "kh.assembly.notice.late"],
            1 - (1 - Fraction("0.315")) * (1 - Fraction("0.1"))), ("none", 0.0, [], 0)),
    "3": (("high", 0.72, ["kh.mou.expired"], 1 - Fraction("0.4") * Fraction("0.7")),
          ("none", 0.0, [], 0)),
    "3b": (("critical", 0.84, ["kh.mou.expired"], 1 - Fraction("0.25") * Fraction("0.625")),
           ("none", 0.0, [], 0)),
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_worked_examples_give_the_numbers_the_doc_shows(name):
    findings, org, election = EXAMPLES[name]
    result = assess(findings, org, election, W, as_of=AS_OF)
    exact_scores = risk.exact_scores(findings, org, election, W, as_of=AS_OF)
    for score, (level, shown, drivers, value) in zip(risk.SCORES, EXPECTED[name]):
        assert (result[score]["level"], result[score]["score"], result[score]["drivers"]) == \
            (level, shown, drivers)
        assert exact_scores[score] == value
    doc = DOC.read_text(encoding="utf-8")
    for score in risk.SCORES:
        for line in result[score]["explanation"]:
            assert line in doc, f"example {name}, {score}: the doc lacks the line\n{line}"


# --- the doc's weights tables are the data ----------------------------------------------------

def weights_tables(w: risk.Weights) -> str:
    """The tables of docs/risk-model.md, generated from the weights."""
    n = risk._n
    rows = ["| consequence | deregistration | prosecution |", "|---|---|---|"]
    rows += [f"| {c} | {n(w.feeds[c]['deregistration'])} | {n(w.feeds[c]['prosecution'])} |"
             for c in CONSEQUENCES]
    rows += ["", "| factor | value | weight |", "|---|---|---|"]
    for name, table in (("severity", w.severity), ("kind", w.kind),
                        ("confidence", w.confidence)):
        rows += [f"| {name} | {key} | {n(value)} |" for key, value in table.items()]
    rows += [f"| cap | one finding's chance at most | {n(w.cap)} |",
             f"| repeat | share of a rule's further findings | {n(w.repeat)} |"]
    rows += ["", "| context | value | deregistration | prosecution |", "|---|---|---|---|"]
    for name, table in (("sector", w.sector), ("public profile", w.public_profile)):
        rows += [f"| {name} | {key} | {n(pair['deregistration'])} | {n(pair['prosecution'])} |"
                 for key, pair in table.items()]
    rows += [f"| election period | yes | {n(w.election_period['deregistration'])} | "
             f"{n(w.election_period['prosecution'])} |",
             f"| history | each counted entry adds | {n(w.per_entry['deregistration'])} | "
             f"{n(w.per_entry['prosecution'])} |",
             f"| history | factor at most | {n(w.max_factor['deregistration'])} | "
             f"{n(w.max_factor['prosecution'])} |"]
    rows += ["", "| history entry | counts as |", "|---|---|"]
    rows += [f"| {kind} | {n(value)} |" for kind, value in w.history_kinds.items()]
    rows += [f"| older than {w.recent_years} years | × {n(w.older_weight)} |"]
    rows += ["", "| level | score at least |", "|---|---|", "| none | no finding feeds the "
             "score |", f"| low | above 0, below {n(w.levels['moderate'])} |"]
    rows += [f"| {level} | {n(bound)} |" for level, bound in w.levels.items()]
    return "\n".join(rows)


def test_the_doc_tables_match_rules_risk_yaml():
    doc = DOC.read_text(encoding="utf-8")
    found = re.search(r"<!-- weights: begin.*?-->\n(.*?)\n<!-- weights: end -->", doc, re.S)
    assert found, "docs/risk-model.md lacks the <!-- weights: begin/end --> markers"
    expected = weights_tables(W)
    assert found.group(1).strip() == expected, (
        "docs/risk-model.md and rules/risk.yaml disagree; paste these tables between the "
        "markers (and check the worked examples):\n" + expected)


# --- the weights file is strict -----------------------------------------------------------------

def _broken(tmp_path, old: str, new: str) -> Path:
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "risk.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old, new, code, message", [
    ("  high: 0.75\n", "  hihg: 0.75\n", "LC302", "unknown key 'hihg'; did you mean 'high'?"),
    ("  high: 0.75\n", "", "LC303", "severity: missing 'high'"),
    ("  likely: 0.8 ", "  likely: 1.8 ", "LC317", "confidence: likely must be a number from 0 "
     "to 1, not 1.8"),
    ("  likely: 0.8 ", "  likely: lots ", "LC317", "not 'lots'"),
    ("  likely: 0.8 ", "  likely: true ", "LC317", "not True"),
    ("cap: 0.95 ", "cap: 0 ", "LC317", "cap must be a number above 0 and at most 1"),
    ("  risk: 0.6 ", "  risk: 1.2 ", "LC317", "kind: risk must be a number from 0 to 1"),
    ("  risk: 0.6 ", "  risk: 0 ", "LC317", "kind: risk (0) must be above advisory (0)"),
    ("  high: 0.5 ", "  high: 0.9 ", "LC317", "levels: critical (0.8) must be above high (0.9)"),
    ("deregistration: 1.2  #", "deregistration: 0.9  #", "LC317",
     "election_period: deregistration must be a number of at least 1"),
    ("    high:     {deregistration: 1.3,", "    high:     {deregistration: 1.1,", "LC317",
     "public_profile (deregistration): high (1.1) must be at least moderate (1.15)"),
    ("      warning: 1  ", "      warnings: 1  ", "LC302", "did you mean 'warning'?"),
    ("    recent_years: 3 ", "    recent_years: 2.5 ", "LC317", "a whole number"),
    ("  fine:            {deregistration: 0,    prosecution: 0.6}",
     "  fine:            {deregistration: 0,    prosecutoin: 0.6}", "LC302",
     "feeds.fine: unknown key 'prosecutoin'"),
    ("\nlevels:", "\nlevel:", "LC302", "the file: unknown key 'level'; did you mean 'levels'?"),
    ("  consequences: [warning]", "  consequences: [warnign]", "LC317",
     "ladder.consequences must list consequences"),
])
def test_a_bad_weights_file_names_the_line_and_the_problem(tmp_path, old, new, code, message):
    path = _broken(tmp_path, old, new)
    with pytest.raises(RulesError) as caught:
        risk.load_weights(path)
    problems = [p for p in caught.value.problems if p.code == code and message in p.message]
    assert problems, caught.value.render()
    assert problems[0].where.file == str(path) and problems[0].where.line


def test_the_line_named_is_the_line_of_the_bad_value(tmp_path):
    path = _broken(tmp_path, "  likely: 0.8 ", "  likely: 1.8 ")
    with pytest.raises(RulesError) as caught:
        risk.load_weights(path)
    assert caught.value.problems[0].where.line == _line_of(path, "likely: 1.8")
    assert f"{path}:{_line_of(path, 'likely: 1.8')}" in caught.value.render()


def test_every_problem_is_reported_at_once(tmp_path):
    path = _broken(tmp_path, "  likely: 0.8 ", "  likely: 1.8 ")
    path.write_text(path.read_text().replace("  high: 0.75\n", "  hihg: 0.75\n"))
    with pytest.raises(RulesError) as caught:
        risk.load_weights(path)
    assert {"LC302", "LC303", "LC317"} <= {p.code for p in caught.value.problems}


@pytest.mark.parametrize("text, code", [
    ("feeds: [\n", "LC301"),
    ("feeds: {}\nfeeds: {}\n", "LC301"),
    ("", "LC303"),
    ("- a list\n", "LC303"),
])
def test_a_file_that_is_not_a_weights_mapping_is_an_error(tmp_path, text, code):
    path = tmp_path / "risk.yaml"
    path.write_text(text)
    with pytest.raises(RulesError) as caught:
        risk.load_weights(path)
    assert caught.value.problems[0].code == code
    assert caught.value.problems[0].where.file == str(path)


def test_the_shipped_weights_load_and_are_exact():
    assert W.severity["high"] == Fraction(3, 4)
    assert W.levels == {"moderate": Fraction(1, 4), "high": Fraction(1, 2),
                        "critical": Fraction(4, 5)}
