"""One vocabulary (issue 16): media, organisation types, sectors, provinces, change kinds,
severities and risk levels are defined once, in lawcheck.vocabulary, and read from there by plan
validation, statement inputs, derived facts, the CLI and the risk model."""

from __future__ import annotations

import ast
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


def test_the_facts_rules_compare_take_their_values_from_the_vocabulary():
    facts = load(ROOT / "rules" / "facts.yaml")["facts"]
    feeds = {"organization.type": v.ORG_TYPES, "organization.sector": v.SECTORS,
             "organization.public_profile": v.PROFILES, "organization.premises_owner": v.PREMISES,
             "activity.type": v.ACTIVITY_TYPES, "activity.venue_kind": v.VENUE_KINDS,
             "activity.party_support": v.PARTY_SUPPORT, "statement.medium": v.MEDIA,
             "statement.speaker": v.SPEAKERS,
             "organization.unnotified_change_kind": v.NOTIFIED_CHANGE_KINDS,
             "organization.undated_change_kind": v.NOTIFIED_CHANGE_KINDS}
    for name, values in feeds.items():
        assert tuple(facts[name]["values"]) == values, name


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
