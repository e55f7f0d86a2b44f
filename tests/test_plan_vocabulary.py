"""One vocabulary (issue 16): media, organisation types, sectors, provinces, change kinds,
severities and risk levels are defined once, in lawcheck.vocabulary, and read from there by plan
validation, statement inputs, derived facts, the CLI and the risk model."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from lawcheck import vocabulary as v
from lawcheck.yamlio import load

ROOT = Path(__file__).resolve().parents[1]
VOCABULARIES = {name: value for name, value in vars(v).items()
                if name.isupper() and isinstance(value, tuple) and len(value) >= 3}
#: Copies still defined elsewhere, to be replaced by an import of lawcheck.vocabulary (none
#: left): a new copy anywhere fails the test below.
NOT_YET: set[tuple[str, str]] = set()


def copies(root: Path = ROOT) -> set[tuple[str, str]]:
    """(module, vocabulary) for each list, tuple or set of strings in the package equal to a
    vocabulary of lawcheck.vocabulary (in any order)."""
    found = set()
    for path in sorted((root / "lawcheck").rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 3 and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                words = {e.value for e in node.elts}
                found |= {(path.relative_to(root).as_posix(), name)
                          for name, value in VOCABULARIES.items() if words == set(value)}
    return found


def test_no_vocabulary_is_defined_twice():
    assert copies() - NOT_YET == set(), "import these from lawcheck.vocabulary"


def test_the_scan_finds_a_copy_in_any_order(tmp_path):
    (tmp_path / "lawcheck").mkdir()
    (tmp_path / "lawcheck" / "x.py").write_text(
        "LIST = " + repr(tuple(reversed(v.SECTORS))) + "\nOTHER = ['a', 'b', 'c']\n")
    assert copies(tmp_path) == {("lawcheck/x.py", "SECTORS")}


#: The facts a plan or statement value feeds, and the vocabulary facts.yaml names for each.
FEEDS = {"organization.type": v.ORG_TYPES, "organization.sector": v.SECTORS,
         "organization.public_profile": v.PROFILES, "organization.premises_owner": v.PREMISES,
         "activity.type": v.ACTIVITY_TYPES, "activity.venue_kind": v.VENUE_KINDS,
         "activity.party_support": v.PARTY_SUPPORT, "statement.medium": v.MEDIA,
         "statement.speaker": v.SPEAKERS,
         "organization.unnotified_change_kind": v.NOTIFIED_CHANGE_KINDS,
         "organization.undated_change_kind": v.NOTIFIED_CHANGE_KINDS,
         "activity.campaign_election": v.ELECTION_KINDS,
         "statement.campaign_election": v.ELECTION_KINDS}


def listed_copies(path: Path) -> set[tuple[str, str]]:
    """(where, vocabulary) for each list of a YAML file (a fact's ``values``, a condition's
    ``in``) that is a vocabulary of lawcheck.vocabulary written out (in any order) instead of
    named (``vocabulary.NAME``)."""
    found = set()

    def walk(node, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{where}.{key}" if where else str(key))
        elif isinstance(node, list):
            if len(node) >= 3 and all(isinstance(e, str) for e in node):
                found.update((where, name) for name, value in VOCABULARIES.items()
                             if set(node) == set(value))
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    walk(load(path), "")
    return found


def test_no_rule_or_fact_file_lists_a_vocabulary():
    found = {(path.relative_to(ROOT).as_posix(), *copy)
             for path in sorted((ROOT / "rules").rglob("*.yaml")) for copy in listed_copies(path)}
    assert found == set(), "write vocabulary.NAME instead of the list"
    raw = load(ROOT / "rules" / "facts.yaml")["facts"]
    assert {f for f in FEEDS if not str(raw[f]["values"]).startswith("vocabulary.")} == set()


def test_the_scan_finds_a_copy_in_any_yaml_list(tmp_path):
    facts = tmp_path / "facts.yaml"
    facts.write_text("facts:\n  x.medium:\n    type: enum\n    values: "
                     + "[" + ", ".join(reversed(v.MEDIA)) + "]\n"
                     "rules:\n  - when: {fact: a, op: in, value: [strike, vigil, rally, march, "
                     "assembly]}\n")
    assert listed_copies(facts) == {("facts.x.medium.values", "MEDIA"),
                                    ("rules[0].when.value", "DEMONSTRATIONS")}


def test_the_rules_compare_the_values_the_vocabulary_holds():
    from lawcheck.rulebase.loader import load as load_rules
    from lawcheck.settings import rules_dir

    rulebase = load_rules(rules_dir(), None)
    assert {name: rulebase.facts[name].values for name in FEEDS} == FEEDS
    # a condition's 'in: vocabulary.demonstrations' is that vocabulary
    scope = rulebase.rule("kh.assembly.notice.missing").scope.parts[0]
    assert (scope.fact, scope.op, scope.value) == ("activity.type", "in", v.DEMONSTRATIONS)


def _facts_with(tmp_path: Path, old: str, new: str) -> Path:
    import shutil

    from lawcheck.settings import rules_dir

    root = tmp_path / "rules"
    root.mkdir()
    for name in ("facts.yaml", "mitigations.yaml"):
        shutil.copy(rules_dir() / name, root / name)
    text = (root / "facts.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (root / "facts.yaml").write_text(text.replace(old, new), encoding="utf-8")
    (root / "kh").mkdir()
    return root


@pytest.mark.parametrize("new, message", [
    ("values: vocabulary.org_type", "fact 'organization.type': values names unknown vocabulary "
     "'vocabulary.org_type'; did you mean 'vocabulary.org_types'?"),
    ("values: org_types", "fact 'organization.type': values names unknown vocabulary "
     "'org_types'; did you mean 'vocabulary.org_types'?"),
    ("values: 5", "fact 'organization.type': values must be a list, or the name of a "
     "vocabulary (vocabulary.NAME)")])
def test_an_unknown_vocabulary_is_a_located_load_error(tmp_path, new, message):
    from lawcheck.errors import RulesError
    from lawcheck.rulebase.loader import load as load_rules

    root = _facts_with(tmp_path, "values: vocabulary.org_types", new)
    line = next(i for i, text in enumerate((root / "facts.yaml").read_text().splitlines(), 1)
                if text.strip() == new)
    with pytest.raises(RulesError) as info:
        load_rules(root, None)
    found = [(p.code, p.where.file, p.where.line, p.message) for p in info.value.problems]
    assert found == [("LC315", str(root / "facts.yaml"), line, message)]


def test_rules_lint_names_the_file_line_and_the_vocabularies(tmp_path, monkeypatch, db_url):
    import shutil

    from lawcheck.settings import rules_dir
    from tests.test_cli import run

    root = tmp_path / "rules"
    shutil.copytree(rules_dir(), root)
    facts = root / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "values: vocabulary.sectors", "values: vocabulary.sector"), encoding="utf-8")
    line = facts.read_text().splitlines().index("    values: vocabulary.sector") + 1
    monkeypatch.setenv("LAWCHECK_RULES", str(root))
    result = run("rules", "lint", db=db_url)
    assert result.exit_code == 2, result.output
    assert f"{facts}:{line}" in result.output and "LC315" in result.output
    assert "did you mean 'vocabulary.sectors'?" in result.output
    assert "vocabulary.org_types" in result.output  # the fix lists the names
    assert "Traceback" not in result.output


def vocabulary_table() -> str:
    rows = ["| name | values |", "|---|---|"]
    rows += [f"| `{name}` | {', '.join(f'`{x}`' for x in values)} |"
             for name, values in sorted(v.vocabularies().items())]
    return "\n".join(rows)


def test_the_advisers_readme_lists_every_vocabulary_with_its_values():
    doc = (ROOT / "rules" / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- vocabularies: begin.*?-->\n(.*?)\n<!-- vocabularies: end -->",
                      doc, re.S)
    assert found, "rules/README.md lacks the <!-- vocabularies: begin/end --> markers"
    assert found.group(1).strip() == vocabulary_table(), (
        "rules/README.md and lawcheck/vocabulary.py disagree; paste this table between the "
        "markers:\n" + vocabulary_table())


def test_plan_validation_and_statement_inputs_read_the_one_vocabulary():
    from lawcheck.plan import schema
    from lawcheck.review import inputs

    assert schema.ORGANIZATION.field("sector").values == v.SECTORS
    assert schema.STATEMENT.field("medium").values == v.MEDIA
    assert inputs.VOCABULARIES == {"medium": v.MEDIA, "speaker": v.SPEAKERS,
                                   "org_type": v.ORG_TYPES}


@pytest.mark.parametrize("written, name", [
    ("Kampong Speu", "Kampong Speu"), ("kompong speu province", "Kampong Speu"),
    ("Khet Kampot", "Kampot"), ("Sihanoukville", "Preah Sihanouk"),
    ("phnom-penh capital", "Phnom Penh"), ("Atlantis", None)])
def test_one_spelling_table_for_provinces(written, name):
    assert v.province(written) == name


def test_derived_facts_use_the_same_provinces_and_online_media(tmp_path):
    """A plan's other spelling of a province and of its MoU's provinces is one province; an
    activity's statements and a statement are online by the same media."""
    from lawcheck.derive import activity_facts, load_calendars, online

    cals = load_calendars(ROOT / "rules")
    org = {"registration": {"mou": {"provinces": ["Sihanoukville", "Kampot"]}}}
    activity = {"id": "A1", "type": "training", "start": date(2026, 12, 10),
                "location": {"province": "Preah Sihanouk"},
                "statements": [{"medium": "press_release"}, {"medium": "website"}]}
    facts = activity_facts(activity, org, cals)
    assert facts["activity.in_province"] and not facts["activity.in_capital"]
    assert facts["activity.province_in_mou"] and facts["activity.online"]
    activity["statements"] = [{"medium": "press_release"}]
    assert activity_facts(activity, org, cals)["activity.online"] is False
    assert online(["facebook"]) and not online(["banner", None])
