"""Activity plans: strict, located loading of YAML, JSON, CSV and XLSX (lawcheck.plan)."""

from __future__ import annotations

import csv
import json
import re
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawcheck.errors import EXIT_USAGE, InputError, PlanError
from lawcheck.plan import Plan, load_plan
from lawcheck.plan import schema as s
from lawcheck.plan.dump import to_json, to_yaml
from lawcheck.plan.template import template

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BASE = """\
organization:
  name: Test NGO
  type: domestic_ngo
activities:
  - id: A1
    type: training
    start: 2026-12-10
"""
ORG = "organization:\n  name: Test NGO\n  type: domestic_ngo\n"


def write(folder: Path, name: str, content) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def problems(path, org=None) -> list:
    with pytest.raises(PlanError) as caught:
        load_plan(path, org)
    return caught.value.problems


def only(path, org=None):
    found = problems(path, org)
    assert len(found) == 1, [p.render() for p in found]
    return found[0]


def plan_with(org_lines: str = "", activity_lines: str = "") -> str:
    """BASE with lines added to the organization (from line 4) or the activity (line 8)."""
    head, tail = BASE.split("activities:\n")
    return head + org_lines + "activities:\n" + tail + activity_lines


# --- the examples ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["health-training.yaml", "land-forum.yaml",
                                  "foreign-march.yaml"])
def test_the_examples_load(name):
    plan = load_plan(EXAMPLES / name)
    assert plan.organization["name"] and len(plan.activities) >= 2
    assert len(plan.sha256) == 64 and plan.source.endswith(name)


def test_the_csv_example_equals_its_yaml_equivalent():
    table = load_plan(EXAMPLES / "land-forum-activities.csv", EXAMPLES / "land-org.yaml")
    assert table == load_plan(EXAMPLES / "land-forum.yaml")
    assert table.locations["activities[0].participants"].column == 12


def xlsx_from_csv(source: Path, target: Path, first_sheet: str | None = None) -> Path:
    """The CSV as a workbook whose cells have spreadsheet types (dates, numbers, booleans)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if first_sheet:
        sheet.title = first_sheet
        sheet.append(["notes on the plan"])
        sheet = book.create_sheet("activities")
    with source.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle)):
            sheet.append([_cell(value) if number else value for value in row])
    book.save(target)
    return target


def _cell(value: str):
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", value):
        return datetime.fromisoformat(value)
    if value.isdigit():
        return float(value) if value == "150" else int(value)  # a float, as Excel stores it
    return {"yes": True, "no": False}.get(value, value or None)


@pytest.mark.parametrize("first_sheet", [None, "Notes"])
def test_an_xlsx_table_equals_the_yaml_equivalent(tmp_path, first_sheet):
    book = xlsx_from_csv(EXAMPLES / "land-forum-activities.csv", tmp_path / "plan.xlsx",
                         first_sheet)
    assert load_plan(book, EXAMPLES / "land-org.yaml") == load_plan(EXAMPLES / "land-forum.yaml")


def test_a_json_plan_equals_its_yaml_and_json_errors_are_located(tmp_path):
    plan = load_plan(EXAMPLES / "foreign-march.yaml")
    assert load_plan(write(tmp_path, "plan.json", to_json(plan))) == plan
    text = json.dumps({"organization": {"name": "X", "type": "domestic_ngo"},
                       "activities": [{"id": "A1", "type": "training", "start": "2026-12-10",
                                       "participants": "ten"}]}, indent=2)
    problem = only(write(tmp_path, "bad.json", text))
    assert (problem.code, problem.where.line, problem.where.column) == ("LC253", 11, 7)


# --- normalisation ---------------------------------------------------------------------------

def test_values_are_normalised(tmp_path):
    plan = load_plan(write(tmp_path, "plan.yaml", plan_with(
        "  sector: Land Environment\n  registration: {mou: null}\n",
        "    end: 2026-12-11T17:30\n    participants: 40\n    title: '  Forum  '\n"
        "    notification: null\n    topics: [land rights, '']\n"
        "    location: {province: kompong speu, public_space: false}\n"
        "    partners: [Youth Party (political_party), Plain NGO]\n")))
    org, activity = plan.organization, plan.activities[0]
    assert org["sector"] == "land_environment" and org["registration"] == {"mou": None}
    assert activity["start"] == date(2026, 12, 10)
    assert activity["end"] == datetime(2026, 12, 11, 17, 30)
    assert activity["title"] == "Forum" and activity["participants"] == 40
    assert activity["notification"] is None and activity["topics"] == ["land rights"]
    assert activity["location"] == {"province": "Kampong Speu", "public_space": False}
    assert activity["partners"] == [{"name": "Youth Party", "kind": "political_party"},
                                    "Plain NGO"]
    assert "open_to_public" not in activity and "sector" not in activity
    assert plan.locations["activities[0].participants"].line == 11



@pytest.mark.parametrize("written, province", [
    ("Kompong Cham", "Kampong Cham"), ("Sihanoukville", "Preah Sihanouk"),
    ("Khet Siem Reap", "Siem Reap"), ("Kampot Province", "Kampot"),
    ("phnom-penh", "Phnom Penh"), ("Rattanakiri", "Ratanakiri")])
def test_provinces_are_spelled_one_way(tmp_path, written, province):
    text = plan_with("", f"    location: {{province: {written}}}\n")
    plan = load_plan(write(tmp_path, "plan.yaml", text))
    assert plan.activities[0]["location"]["province"] == province

def test_csv_cells_give_booleans_lists_and_none(tmp_path):
    text = ("id,type,start,open_to_public,topics,notification,participants\n"
            "A1,meeting,2026-12-10,Yes,a; b ;,none, 7\nA2,meeting,2026-12-11,no,,,\n")
    plan = load_plan(write(tmp_path, "plan.csv", text), write(tmp_path, "org.yaml", ORG))
    first, second = plan.activities
    assert first == {"id": "A1", "type": "meeting", "start": date(2026, 12, 10),
                     "open_to_public": True, "topics": ["a", "b"], "notification": None,
                     "participants": 7}
    assert second == {"id": "A2", "type": "meeting", "start": date(2026, 12, 11),
                      "open_to_public": False}


def test_plans_compare_by_content_not_by_file(tmp_path):
    one = load_plan(write(tmp_path, "a.yaml", BASE))
    two = load_plan(str(write(tmp_path, "b.yaml", "# same\n" + BASE)))
    assert one == two and one.sha256 != two.sha256 and isinstance(one, Plan)


# --- one kind of error each: code, place, the offending value, a did-you-mean -----------------

CASES = [  # (org lines, activity lines, code, line, column, words in the message)
    ("  sectr: health\n", "", "LC252", 4, 3, ["'organization.sectr'", "did you mean 'sector'"]),
    ("", "    venue_kind: public_road\n", "LC252", 8, 5, ["it belongs at 'location.venue_kind'"]),
    ("", "    participants: many\n", "LC253", 8, 5, ["whole number", "'many'"]),
    ("", "    open_to_public: yes\n", "LC253", 8, 5, ["'yes'", "did you mean true"]),
    ("  registration: {registered: true, mou: [1]}\n", "", "LC253", 4, 36, ["mapping"]),
    ("", "    end: 31/12/2026\n", "LC254", 8, 5, ["'31/12/2026'", "did you mean 2026-12-31"]),
    ("", "    end: 2026-02-30\n", "LC254", 8, 5, ["not a real date", "'2026-02-30'"]),
    ("  tax: {monthly_return_month: 2026-13}\n", "", "LC254", 4, 9, ["YYYY-MM"]),
    ("", "    location:\n      province: Kampong Spue\n", "LC255", 9, 7,
     ["'Kampong Spue'", "did you mean 'Kampong Speu'"]),
    ("  public_profile: loud\n", "", "LC255", 4, 3, ["'loud'", "low, moderate, high"]),
    ("", "    partners: ['X (politcal_party)']\n", "LC255", 8, 5,
     ["did you mean 'political_party'"]),
    # SPEC §8: changed_on is optional (an undated change is an advisory); kind is required
    ("  changes:\n    - changed_on: 2026-09-01\n", "", "LC256", 5, 7, ["kind", "missing"]),
    ("", "  - id: A1\n    type: meeting\n    start: 2026-12-11\n", "LC257", 8, 5,
     ["'A1'", "first on line 5"]),
    ("", "    end: 2026-12-09\n", "LC258", 8, 5, ["2026-12-09 is before the start"]),
    ("", "    participants: -3\n", "LC258", 8, 5, ["cannot be negative"]),
    ("  reporting: {activity_report_year: 205}\n", "", "LC258", 4, 15, ["at least 1990"]),
]


@pytest.mark.parametrize("org_lines, activity_lines, code, line, column, words", CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_each_error_is_located_with_its_value(tmp_path, org_lines, activity_lines, code, line,
                                              column, words):
    path = write(tmp_path, "plan.yaml", plan_with(org_lines, activity_lines))
    problem = only(path)
    assert (problem.code, problem.where.file, problem.where.line, problem.where.column) == \
        (code, str(path), line, column), problem.render()
    for word in words:
        assert word in problem.message, problem.render()
    assert problem.fix


@pytest.mark.parametrize("old, new, code, line, words", [
    ("    type: training\n", "    type: trainig\n", "LC255", 6, ["did you mean 'training'"]),
    ("    type: training\n", "", "LC256", 5, ["'activities[0].type' is missing"]),
    ("  name: Test NGO\n", "", "LC256", 2, ["'organization.name' is missing"]),
    ("  name: Test NGO\n", "  name: ''\n", "LC256", 2, ["'organization.name' is empty"]),
    ("    start: 2026-12-10\n", "    start: 2026-12-10T25:00\n", "LC254", 7, ["not a real"]),
    ("  - id: A1\n    type: training\n    start: 2026-12-10\n", " []\n", "LC258", 4,
     ["no activities"]),
    ("    start: 2026-12-10\n", "    start: [2026-12-10\n", "LC251", 8, ["YAML syntax"]),
    ("    start: 2026-12-10\n", "    start: 2026-12-10\n    type: meeting\n", "LC251", 8,
     ["'type' appears twice"]),
    ("    start: 2026-12-10\n", "\tstart: 2026-12-10\n", "LC251", 7, ["tab"]),
    ("organization:\n", "organisation:\n", "LC252", 1, ["did you mean 'organization'"]),
])
def test_more_errors(tmp_path, old, new, code, line, words):
    text = BASE.replace("activities:\n", "activities:") if new == " []\n" else BASE
    path = write(tmp_path, "plan.yaml", text.replace(old, new))
    found = [p for p in problems(path) if p.code == code]
    assert found and found[0].where.line == line, [p.render() for p in problems(path)]
    for word in words:
        assert word in found[0].message


def test_every_problem_is_reported_in_one_pass_and_rendered(tmp_path):
    text = plan_with("  sectr: health\n  public_profile: loud\n",
                     "    end: 31/12/2026\n    participants: -1\n    open_to_public: yes\n"
                     "  - id: A1\n    type: marching\n    start: 2026-12-11\n")
    found = problems(write(tmp_path, "plan.yaml", text))
    assert [p.code for p in found] == ["LC252", "LC255", "LC254", "LC258", "LC253", "LC257",
                                       "LC255"]
    assert [p.where.line for p in found] == sorted(p.where.line for p in found)
    error = PlanError(found)
    assert isinstance(error, InputError) and error.exit_code == EXIT_USAGE
    lines = error.render().splitlines()
    assert lines[0].startswith(f"{tmp_path / 'plan.yaml'}:4:3: error LC252: ")
    assert "error LC250: 7 problems in the activity plan" in lines


def test_json_syntax_and_duplicate_keys(tmp_path):
    syntax = only(write(tmp_path, "a.json", '{"organization": {"name": "X",}\n}'))
    assert (syntax.code, syntax.where.line, syntax.where.column) == ("LC251", 1, 31)
    twice = json.dumps(json.loads(to_json(load_plan(write(tmp_path, "p.yaml", BASE)))), indent=1)
    twice = twice.replace('"id": "A1",', '"id": "A1", "id": "A2",')
    duplicate = only(write(tmp_path, "b.json", twice))
    assert (duplicate.code, duplicate.where.line) == ("LC251", 8)
    assert "'id' appears twice" in duplicate.message
    assert only(write(tmp_path, "c.json", "null")).code == "LC202"
    assert only(write(tmp_path, "d.json", "[1, 2]")).code == "LC253"


# --- files that cannot be read ---------------------------------------------------------------

@pytest.mark.parametrize("name, content, code, words", [
    ("missing.yaml", None, "LC201", "not found"),
    ("empty.yaml", "  \n", "LC202", "empty"),
    ("comments.yaml", "# only a comment\n", "LC202", "no plan"),
    ("binary.yaml", b"organization:\x00\x01", "LC203", "binary"),
    ("sheet.csv", b"PK\x03\x04rest", "LC203", "spreadsheet"),
    ("latin.yaml", "organization:\n  name: Caf\xe9\n".encode("latin-1"), "LC204", "UTF-8"),
    ("plan.xls", b"\xd0\xcf\x11\xe0", "LC205", "'.xls'"),
    ("plan.txt", "x", "LC205", "'.txt'"),
    ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1", "LC203", "Excel 97-2003"),
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "LC203", "XLSX workbook"),
])
def test_unreadable_files(tmp_path, name, content, code, words):
    path = tmp_path / name if content is None else write(tmp_path, name, content)
    org = write(tmp_path, "org.yaml", ORG) if name.endswith(".xlsx") else None
    problem = only(path, org)
    assert (problem.code, problem.where.file) == (code, str(path)) and words in problem.message


def test_a_folder_is_not_a_plan(tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    assert only(tmp_path / "dir.yaml").code == "LC201"


# --- tables ----------------------------------------------------------------------------------

def test_a_table_without_org_says_how_to_fix_and_still_checks_rows(tmp_path):
    path = write(tmp_path, "plan.csv", "id,type,start\nA1,training,2026-12-40\n")
    found = problems(path)
    assert [p.code for p in found] == ["LC259", "LC254"]
    assert "--org" in found[0].fix and (found[1].where.line, found[1].where.column) == (2, 3)
    assert "column 'start'" in found[1].message


def test_table_headers_and_cells_are_located(tmp_path):
    org = write(tmp_path, "org.yaml", ORG)
    text = ("id,type,start,location.provnce,participants,statements,location,id\n"
            "A1,training,2026-12-10,X,ten,,,\n\n"
            "A2,training,2026-12-11,,5,,,\n")
    found = problems(write(tmp_path, "plan.csv", text), org)
    got = [(p.code, p.where.line, p.where.column) for p in found]
    assert got == [("LC252", 1, 4), ("LC259", 1, 6), ("LC259", 1, 7), ("LC251", 1, 8),
                   ("LC253", 2, 5)]
    assert "did you mean 'location.province'" in found[0].message
    assert "column 'participants'" in found[4].message and "'ten'" in found[4].message
    assert "location.province" in found[2].fix


def test_table_specific_problems(tmp_path):
    org = write(tmp_path, "org.yaml", ORG)
    missing = problems(write(tmp_path, "a.csv", "type,start\nmeeting,2026-12-10\n"
                                                 "meeting,2026-12-11\n"), org)
    assert [(p.code, p.where.line) for p in missing] == [("LC256", 1)]  # once, not per row
    assert only(write(tmp_path, "b.csv", "id,type,start\n"), org).code == "LC258"
    assert only(write(tmp_path, "c.csv", "id;type;start\nA1;meeting;2026-12-10\n"),
                org).code == "LC251"
    both = only(write(tmp_path, "d.csv", "id,type,start,notification,notification.authority\n"
                                         "A1,meeting,2026-12-10,none,governor\n"), org)
    assert both.code == "LC259" and both.where.column == 5
    extra = problems(write(tmp_path, "e.csv", "id,type,start,extra\nA1,meeting,2026-12-10,x,y\n"),
                     org)
    assert [(p.code, p.where.line, p.where.column) for p in extra] == [("LC252", 1, 4),
                                                                       ("LC252", 2, 5)]
    assert extra[0].message == "unknown column 'extra'" and "no header" in extra[1].message


def test_xlsx_problems_name_the_column_letter(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["id", "type", "start", "participants"])
    book.active.append(["A1", "training", datetime(2026, 12, 10, 9, 0), "ten"])
    book.active.append(["A2", "training", datetime(2026, 12, 10, 9, 0), 2.5])
    book.save(tmp_path / "plan.xlsx")
    found = problems(tmp_path / "plan.xlsx", write(tmp_path, "org.yaml", ORG))
    assert [(p.code, p.where.line, p.where.column) for p in found] == [("LC253", 2, 4),
                                                                       ("LC253", 3, 4)]
    assert "column D 'participants'" in found[0].message


def test_an_empty_required_cell_points_at_its_column(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "plan.xlsx"
    book = Workbook()
    book.active.append(["id", "type", "start"])
    book.active.append(["A1", None, "2026-12-10"])
    book.save(path)
    problem = only(path, write(tmp_path, "org.yaml", ORG))
    assert (problem.code, problem.where.line, problem.where.column) == ("LC256", 2, 2)
    assert problem.message == "column B 'type' is empty (required)"


def test_org_file_problems_come_with_the_plans(tmp_path):
    org = write(tmp_path, "org.yaml", "organization:\n  name: X\n  type: ngo\n")
    found = problems(write(tmp_path, "plan.csv", "id,type,start\nA1,meting,2026-12-10\n"), org)
    assert {(p.code, Path(p.where.file).name) for p in found} == {("LC255", "org.yaml"),
                                                                 ("LC255", "plan.csv")}
    twice = only(write(tmp_path, "plan.yaml", BASE), write(tmp_path, "ok.yaml", ORG))
    assert twice.code == "LC259" and "--org" in twice.message
    activities_only = write(tmp_path, "acts.yaml", "activities:\n" + BASE.split("activities:\n")[1])
    assert load_plan(activities_only, tmp_path / "ok.yaml").organization["name"] == "Test NGO"


# --- the template and the schema -------------------------------------------------------------

def uncomment(text: str) -> str:
    return re.sub(r"(?m)^(\s*)# ", r"\1", text)


def test_plan_template_command_prints_a_valid_plan_using_every_key(tmp_path):
    from lawcheck.cli.plan import plan

    result = CliRunner().invoke(plan, ["template"])
    assert result.exit_code == 0 and result.output == template()
    assert load_plan(write(tmp_path, "t.yaml", result.output)).activities[0]["id"] == "A1"
    full = load_plan(write(tmp_path, "full.yaml", uncomment(result.output)))
    paths = {re.sub(r"\[\d+\]", "[]", p) for p in full.locations}
    assert {p for p, _ in s.walk()} <= paths


def test_plan_template_writes_a_file_and_does_not_overwrite(tmp_path):
    from lawcheck.cli.plan import plan

    target = tmp_path / "plan.yaml"
    assert CliRunner().invoke(plan, ["template", "-o", str(target)]).exit_code == 0
    assert target.read_text() == template()
    again = CliRunner().invoke(plan, ["template", "-o", str(target)])
    assert again.exit_code != 0 and isinstance(again.exception, InputError)
    assert CliRunner().invoke(plan, ["template", "-o", str(target), "--force"]).exit_code == 0


def _facts() -> dict:
    """The declared facts as the rule loader reads them (``values`` resolved from the
    vocabulary a fact names)."""
    from lawcheck.rulebase.loader import load as load_rules

    return {name: {"type": f.type, "values": f.values, "source": f.source}
            for name, f in load_rules(ROOT / "rules", None).facts.items()}


KEY = r"((?:organization|activities\[\])(?:\.\w+(?:\[\])?)+)"


def test_every_plan_key_named_by_a_fact_source_is_in_the_schema():
    keys = {p for p, _ in s.walk()}
    named = set()
    for spec in _facts().values():
        source = " ".join(spec["source"].split())
        named |= set(re.findall(r"plan (?:key )?" + KEY, source))
        named |= set(re.findall(KEY + r" \(proposed", source))
    named = {n.removesuffix("[]") for n in named}
    assert len(named) >= 35 and named <= keys, sorted(named - keys)


def test_vocabularies_match_the_facts_they_feed():
    fields, checked = dict(s.walk()), []
    for name, spec in _facts().items():
        found = re.match(r"plan " + KEY + r"\s*(?:\(|$)", spec["source"])
        if spec["type"] == "enum" and found:
            assert set(fields[found.group(1)].values) == set(spec["values"]), name
            checked.append(name)
    assert len(checked) >= 6, checked


# --- load(dump(plan)) == plan ----------------------------------------------------------------

TEXT = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd"),
                             whitelist_characters=" -.,:;'\"#&/!?ក្ខ"),
               min_size=1, max_size=12)
MOMENTS = st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0))


def strategy(field: s.Field):
    kind = field.type
    if kind == "map":
        required = {f.name: strategy(f) for f in field.fields if f.required}
        optional = {f.name: strategy(f) for f in field.fields if not f.required}
        mapping = st.fixed_dictionaries(required, optional=optional)
        if field.shorthand:
            mapping = st.one_of(mapping, TEXT.map(str.strip).filter(lambda t: t and "(" not in t))
        return st.one_of(st.none(), mapping) if field.nullable else mapping
    base = {
        "string": TEXT.map(str.strip).filter(bool),
        "int": st.integers(field.minimum if field.minimum is not None else -10**6,
                           field.maximum if field.maximum is not None else 10**6),
        "bool": st.booleans(), "date": st.dates(date(1990, 1, 1), date(2100, 1, 1)),
        "datetime": st.one_of(st.dates(date(1990, 1, 1), date(2100, 1, 1)), MOMENTS),
        "month": st.tuples(st.integers(1990, 2100), st.integers(1, 12)).map(
            lambda ym: f"{ym[0]:04d}-{ym[1]:02d}"),
        "enum": st.sampled_from(field.values or ("",)),
        "province": st.sampled_from(s.PROVINCES),
    }
    if kind == "list":
        size = 1 if field.required else 0
        return st.lists(strategy(field.item), min_size=size, max_size=3)
    value = base[kind]
    return st.one_of(st.none(), value) if field.nullable else value


def _consistent(activities: list[dict]) -> list[dict]:
    for index, activity in enumerate(activities):
        activity["id"] = f"{activity['id']}-{index}"
        if "end" in activity:
            day = lambda v: v.date() if isinstance(v, datetime) else v  # noqa: E731
            if day(activity["end"]) < day(activity["start"]) or (
                    type(activity["end"]) is datetime is type(activity["start"])
                    and activity["end"] < activity["start"]):
                activity["end"] = activity["start"]
    return activities


PLANS = st.builds(lambda org, acts: Plan("generated", "", org, tuple(_consistent(acts))),
                  strategy(s.ORGANIZATION), strategy(s.ACTIVITIES))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PLANS)
def test_load_of_dump_is_the_plan(plan):
    with tempfile.TemporaryDirectory() as folder:
        assert load_plan(write(Path(folder), "plan.yaml", to_yaml(plan))) == plan
        assert load_plan(write(Path(folder), "plan.json", to_json(plan))) == plan

