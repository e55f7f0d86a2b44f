"""The rule loader: one broken file per error code, every problem in one pass; conditions in
three-valued logic; exceptions and dates in force; explanations."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from lawcheck.engine import compile_rulebase
from lawcheck.engine.reference import ReferenceEngine
from lawcheck.errors import RulesError
from lawcheck.explain import explain_rule
from lawcheck.findings import evaluate_contexts
from lawcheck.model import Context, ProvisionVersion
from lawcheck.rulebase import model as m
from lawcheck.rulebase.conditions import evaluate
from lawcheck.rulebase.loader import load
from lawcheck.settings import rules_dir

BAD = Path(__file__).parent / "rules_bad"
PD = "kh/peaceful-demonstration-2009"


@pytest.fixture
def PROVISIONS(corpus_ids):  # noqa: N802  (reads like the constant it replaced)
    return corpus_ids


def _root_with(tmp_path: Path, *files: Path) -> Path:
    root = tmp_path / "rules"
    root.mkdir()
    for name in ("facts.yaml", "mitigations.yaml"):
        shutil.copy(rules_dir() / name, root / name)
    (root / "kh").mkdir()
    for file in files:
        shutil.copy(file, root / "kh" / file.name)
    return root


def _marked(path: Path) -> tuple[str, int]:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        found = re.search(r"# <-- (LC\d{3})", line)
        if found:
            return found.group(1), number
    raise AssertionError(f"{path} has no '# <-- LCnnn' marker")


@pytest.mark.parametrize("bad", sorted(BAD.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_bad_rule_file_gives_its_code_file_and_line(tmp_path, bad, PROVISIONS):
    code, line = _marked(bad)
    root = _root_with(tmp_path, bad)
    extra = []
    if bad.name.endswith(".tests.yaml"):  # a test file needs the rules it may name
        extra = [root / "kh" / "pd.yaml"]
        shutil.copy(rules_dir() / "kh" / "peaceful-demonstration.yaml", extra[0])
    with pytest.raises(RulesError) as info:
        load(root, PROVISIONS)
    problems = [p for p in info.value.problems if p.where.file == str(root / "kh" / bad.name)]
    assert (code, line) in [(p.code, p.where.line) for p in problems], info.value.render()
    rendered = info.value.render()
    assert f"{root / 'kh' / bad.name}:{line}" in rendered and "Traceback" not in rendered


def test_did_you_mean_and_columns(tmp_path, PROVISIONS):
    root = _root_with(tmp_path, BAD / "LC304_undeclared_fact.yaml")
    with pytest.raises(RulesError) as info:
        load(root, PROVISIONS)
    problem = info.value.problems[0]
    assert problem.rule == "kh.test.rule" and problem.where.column is not None
    assert "did you mean 'activity.participants'?" in problem.message


def test_all_problems_are_reported_in_one_pass(tmp_path, PROVISIONS):
    files = [BAD / n for n in ("LC304_undeclared_fact.yaml", "LC310_vocabulary.yaml",
                               "LC311_mitigation.yaml", "LC301_tab.yaml")]
    for i, f in enumerate(files):  # distinct rule ids, so only the planted errors remain
        text = f.read_text().replace("kh.test.rule", f"kh.test.rule{i}")
        (tmp_path / f.name).write_text(text)
    root = _root_with(tmp_path, *[tmp_path / f.name for f in files])
    with pytest.raises(RulesError) as info:
        load(root, PROVISIONS)
    assert sorted({p.code for p in info.value.problems}) == ["LC301", "LC304", "LC310", "LC311"]


def test_bad_fact_declaration(tmp_path, PROVISIONS):
    root = _root_with(tmp_path)
    facts = root / "facts.yaml"
    facts.write_text(facts.read_text().replace("type: int", "type: integer", 1))
    with pytest.raises(RulesError) as info:
        load(root, PROVISIONS)
    assert any(p.code == "LC315" and "did you mean 'int'" in p.message
               for p in info.value.problems)


def test_shipped_rule_base_loads_and_cites_the_corpus(PROVISIONS):
    rulebase = load(rules_dir(), PROVISIONS)
    assert len(rulebase.rules) >= 7 and len(rulebase.tests) >= 14
    assert all(set(r.citations) <= PROVISIONS for r in rulebase.rules)
    assert len(rulebase.version) == 64


# --- three-valued conditions -----------------------------------------------------------------

N = m.Cmp("n", ">", 5)


@pytest.mark.parametrize("tree, facts, expected", [
    (N, {}, None), (N, {"n": 6}, True), (N, {"n": 5}, False),
    (m.Not(N), {}, None), (m.Not(N), {"n": 1}, True),
    (m.All((N, m.Cmp("b", "==", True))), {"n": 1}, False),   # false wins over unknown
    (m.All((N, m.Cmp("b", "==", True))), {"n": 9}, None),
    (m.Any((N, m.Cmp("b", "==", True))), {"b": True}, True),  # true wins over unknown
    (m.Any((N, m.Cmp("b", "==", True))), {"b": False}, None),
    (m.Cmp("n", "missing"), {}, True), (m.Cmp("n", "exists"), {}, False),
    (m.Cmp("l", "contains", "x"), {"l": ()}, False), (m.Cmp("l", "contains", "x"), {"l": ("x",)}, True),
    (m.Cmp("e", "in", ("a", "b")), {"e": "b"}, True), (m.TRUE, {}, True),
])
def test_kleene_logic(tree, facts, expected):
    assert evaluate(tree, facts) is expected


# --- exceptions, dates in force, explanations ----------------------------------------------

def _rule(rid, when, scope=m.TRUE, exception_to=(), start=date(2009, 12, 5), end=None,
          citations=(f"{PD}/art-7",)):
    return m.Rule(rid, rid, citations, start, end, "activity", (), "assembly", "violation",
                  "high", "warning", "programs", scope, when, exception_to,
                  m.Message("what {activity.participants}", "why", "todo"), (), "likely",
                  "tester", date(2026, 1, 1), "x.yaml", 1)


def _base(*rules):
    facts = load(rules_dir(), None).facts
    return m.RuleBase(tuple(rules), facts, {}, (), "v")


PEOPLE = m.Cmp("activity.participants", ">", 10)
SMALL = m.Cmp("activity.participants", "<=", 200)


def _run(base, facts, day=date(2026, 12, 1), provisions=None):
    provisions = provisions if provisions is not None else {
        f"{PD}/art-7": [ProvisionVersion("v1", "en", date(2009, 12, 5), None, "", "text")]}
    return evaluate_contexts(base, compile_rulebase(base), ReferenceEngine(),
                             [Context(facts, day, {"activity": "A1"})], provisions)[0]


def test_an_exception_displaces_its_rule_only_when_its_scope_holds():
    general = _rule("general", PEOPLE)
    special = _rule("special", m.Cmp("activity.notice_hours", "<", 12), scope=SMALL,
                    exception_to=("general",))
    base = _base(general, special)
    out = _run(base, {"activity.participants": 150, "activity.notice_hours": 20})
    assert [f.rule for f in out.findings] == [] and out.displaced == (("special", "general"),)
    out = _run(base, {"activity.participants": 201, "activity.notice_hours": 20})
    assert [f.rule for f in out.findings] == ["general"]
    out = _run(base, {"activity.participants": 150, "activity.notice_hours": 3})
    assert [f.rule for f in out.findings] == ["special"]
    finding = out.findings[0]
    assert "activity.notice_hours = 3 (activity.notice_hours is less than 12)" in finding.why
    assert finding.what == "what 150" and finding.citations[0]["text"] == "text"


def test_rules_apply_only_while_they_and_their_provisions_are_in_force():
    base = _base(_rule("r", PEOPLE, start=date(2020, 1, 1), end=date(2024, 12, 31)))
    facts = {"activity.participants": 50}
    assert _run(base, facts, date(2019, 6, 1)).findings == ()
    assert [f.rule for f in _run(base, facts, date(2022, 6, 1)).findings] == ["r"]
    assert _run(base, facts, date(2025, 1, 1)).not_in_force[0]["rule"] == "r"
    old = {f"{PD}/art-7": [ProvisionVersion("v1", "en", date(2009, 12, 5), date(2021, 1, 1),
                                            "", "")]}
    out = _run(base, facts, date(2022, 6, 1), provisions=old)
    assert out.findings == () and "no version" in out.not_in_force[0]["reason"]


def test_missing_facts_are_listed_not_guessed():
    base = _base(_rule("r", m.All((PEOPLE, m.Cmp("activity.notified", "==", False)))))
    out = _run(base, {"activity.participants": 50})
    assert out.findings == ()
    assert out.not_checked == ({"rule": "r", "missing": ["activity.notified"]},)


def test_explain_says_why_not():
    general = _rule("general", PEOPLE)
    special = _rule("special", PEOPLE, scope=SMALL, exception_to=("general",))
    base = _base(general, special)
    provisions = {f"{PD}/art-7": [ProvisionVersion("v1", "en", date(2009, 12, 5), None, "", "")]}
    result = explain_rule(base, general, {"activity.participants": 150}, date(2026, 1, 1),
                          provisions)
    assert result["condition"] is True and result["fires"] is False
    assert result["displaced_by"] == ["special"]
    leaf = result["parts"][0]["tree"]
    assert leaf == {"test": "activity.participants is more than 10",
                    "fact": "activity.participants", "value": "150", "result": True}


def test_every_rule_has_a_changelog_entry(PROVISIONS):
    changelog = (rules_dir() / "CHANGELOG.md").read_text()
    missing = [r.id for r in load(rules_dir(), PROVISIONS).rules if r.id not in changelog]
    assert missing == [], "a rule change is a legal change: add it to rules/CHANGELOG.md"


# --- deadline blocks (the calendar's entries, as data) -----------------------------------------

_DEADLINE_RULE = (BAD / "LC321_deadline.yaml").read_text().split("    deadline:")[0]


def test_deadline_block_problems_all_at_once_with_line_and_did_you_mean(tmp_path, PROVISIONS):
    bad = tmp_path / "deadline.yaml"
    bad.write_text(_DEADLINE_RULE + """    deadline:
      anchor: registraton
      citation: kh/peaceful-demonstration-2009/art-7
      title: T
      text: T
  - id: kh.test.second
""" + _DEADLINE_RULE.split("  - id: kh.test.rule\n")[1] + """    deadline:
      anchor: changes
      citation: kh/peaceful-demonstration-2009/art-7
      offset: {days: param.dayz}
      title: Notice of {change}
      text: Tell them by {due_lng}.
      colour: red
""")
    root = _root_with(tmp_path, bad)
    with pytest.raises(RulesError) as info:
        load(root, PROVISIONS)
    found = {(p.code, p.where.line, p.rule) for p in info.value.problems}
    messages = info.value.render()
    assert ("LC310", 21, "kh.test.rule") in found  # the anchor, with a did-you-mean
    assert "did you mean 'registration'?" in messages
    assert ("LC320", 45, "kh.test.second") in found  # an offset naming no parameter
    assert ("LC312", 47, "kh.test.second") in found  # a placeholder the anchor does not give
    assert "did you mean 'due_long'?" in messages
    assert ("LC303", 42, "kh.test.second") in found  # the variant bank_account is missing
    assert ("LC302", 48, "kh.test.second") in found  # an unknown key
    assert "Traceback" not in messages


def test_a_deadline_offset_is_the_number_of_a_parameter_checked_against_the_law(PROVISIONS):
    rulebase = load(rules_dir(), PROVISIONS)
    rule = rulebase.rule("kh.change.not-notified")
    days = next(p for p in rule.parameters if p.name == "days")
    assert rule.deadline.offset("days") == days.value == 15
    assert rule.deadline.citation in rule.citations
    dated = {r.id for r in rulebase.rules if r.deadline is not None}
    assert all(rulebase.rule(rid).deadline.citation in PROVISIONS for rid in dated)


# --- the rule-file schema (pydantic) and its JSON Schema for editors ---------------------------

def test_the_exported_json_schema_is_the_one_the_loader_uses():
    """docs/rules.schema.json is generated from lawcheck/rulebase/schema.py; regenerate it
    with `python -m lawcheck.rulebase.schema > docs/rules.schema.json`."""
    from lawcheck.rulebase.schema import schema_text

    shipped = (Path(__file__).parents[1] / "docs" / "rules.schema.json").read_text()
    assert shipped == schema_text()


def test_every_shipped_rule_file_validates_against_the_json_schema():
    import json

    import jsonschema

    from lawcheck import yamlio
    from lawcheck.rulebase.loader import rule_files
    from lawcheck.rulebase.schema import json_schema

    validator = jsonschema.Draft202012Validator(json_schema(),
                                                format_checker=jsonschema.FormatChecker())
    files = [p for p in rule_files(rules_dir()) if not p.name.endswith(".tests.yaml")]
    assert len(files) >= 10
    for path in files:
        data = json.loads(json.dumps(yamlio.load(path), default=str))  # dates as YYYY-MM-DD
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path
    broken = json.loads(json.dumps(yamlio.load(BAD / "LC310_vocabulary.yaml"), default=str))
    assert any("severe" in e.message for e in validator.iter_errors(broken))


def test_the_schema_reports_every_shape_problem_of_a_rule_in_one_pass(tmp_path, PROVISIONS):
    bad = tmp_path / "shape.yaml"
    bad.write_text((BAD / "LC321_deadline.yaml").read_text().split("    deadline:")[0]
                   .replace("    title: A test rule\n", "    title: A test rule\n    colour: red\n")
                   .replace("effective_from: 2009-12-05", "effective_from: '2009-12-05'")
                   .replace("pillar: programs", "pillar: program")
                   .replace("    message: {what: \"W\", why: \"Y\", todo: \"T\"}\n", "")
                   .replace("applies_to: activity", "applies_to: activity\n    org_types: [ngo]"))
    root = _root_with(tmp_path, bad)
    with pytest.raises(RulesError) as info:
        load(root, PROVISIONS)
    found = {(p.code, p.where.line) for p in info.value.problems}
    text = info.value.render()
    assert {("LC302", 5), ("LC309", 7), ("LC310", 9), ("LC310", 14), ("LC303", 3)} <= found, text
    assert "did you mean 'title'?" not in text and "did you mean 'programs'?" in text
    assert "missing required key 'message'" in text and "organization type 'ngo'" in text


def test_the_store_rule_base_and_the_calendar_one_do_not_evict_each_other(monkeypatch,
                                                                          PROVISIONS):
    """A check loads the rule base checked against the corpus and the calendar loads it
    without: both stay loaded, so a batch of checks parses the rule files once for each."""
    from lawcheck.rulebase import loader

    calls = []
    real = loader._load
    monkeypatch.setattr(loader, "_load", lambda *a: calls.append(a[1] is None) or real(*a))
    monkeypatch.setattr(loader, "_LOADED", {})
    for _ in range(3):
        assert load(rules_dir(), PROVISIONS) is load(rules_dir(), PROVISIONS)
        load(rules_dir())
    assert sorted(calls) == [False, True]
