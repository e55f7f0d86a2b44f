"""``lawcheck check PLAN`` end to end: lawcheck.api.check and the command line (SPEC §5, §6).

Golden files: tests/golden/check-<example>.{json,txt} hold the report of each plan in examples/
checked as of 2026-12-01 with the clock fixed at 2026-12-01 09:30 (+07:00). Two values are
normalised before rendering so that the goldens hold content only: the plan's path (absolute here)
becomes ``examples/<name>.yaml``, and the rule-base and corpus versions (hashes of the files,
which change with any edit of a rule test or a comment) become 64 zeros; the rule and law counts
stay. After an intended change to the rules, the derivation or a rendering, rewrite them with

    LAWCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_check.py

and read the diff before committing: EXPECTED below must still hold, and every finding must
make legal sense for its example. The property tests take LAWCHECK_HYPOTHESIS_EXAMPLES (default
8) examples each; every example runs the whole check, about half a second.
"""

from __future__ import annotations

import copy
import json
import os
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawcheck import api
from lawcheck.api.check import exit_code
from lawcheck.cli import cli
from lawcheck.report import render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LAWCHECK_UPDATE_GOLDEN") == "1"
AS_OF = "2026-12-01"
CLOCK = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=7)))
NAMES = ("land-forum", "foreign-march", "health-training")
ZEROS = "0" * 64
PROPERTY = settings(max_examples=int(os.environ.get("LAWCHECK_HYPOTHESIS_EXAMPLES", "8")),
                    deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])
# Facts derived from activities[].statements: a CSV or XLSX table cannot hold statements.
STATEMENT_FACTS = {"activity.online", "activity.joint_statement", "activity.staff_speak_publicly"}

# What each example must give as of 2026-12-01: (activity or "" for the organisation, rule).
# Why each holds, for a reader checking the goldens:
EXPECTED = {
    "land-forum": {
        # the 2025 financial report (financial_report_year 2024) was due before 28 Feb 2026
        ("", "kh.reporting.annual.domestic"),
        # leader changed 2026-10-20, not notified: 42 days > 15
        ("", "kh.change.not-notified"),
        # donor report sent 2026-10-30, not copied: 32 days > 30
        ("", "kh.reporting.donor-copies"),
        # donor-funded domestic NGO (activities are foreign funded)
        ("", "kh.reporting.records-5-years"),
        # public forum on land concessions and evictions
        ("F1", "kh.public-order.sensitive-topic.public-event"),
        # land forums have been stopped though notified (Preah Vihear 2016, Svay Rieng 2018):
        # one event, one finding (registered-group-stopped is for documenting field work only)
        ("F1", "kh.practice.gathering-stopped"),
        ("F1", "kh.security.front-line.uninsured"),
        ("F2", "kh.security.front-line.uninsured"),
        # high-profile organisation, no risk assessment for the visit
        ("F2", "kh.security.risk-assessment.missing"),
        ("F2", "kh.security.night-travel"),
    },
    "foreign-march": {
        # a march on a public road with notification: null
        ("M1", "kh.assembly.notice.missing"),
        # the march (2027-01-09) is 9 days after the MoU expires (2026-12-31)
        ("M1", "kh.mou.expired"),
        # a foreign NGO (no registered-domestic relief) and no notice for Phnom Penh
        ("M1", "kh.registration.provincial-notice.missing"),
        # Stung Treng is not among the MoU's provinces (Phnom Penh, Kratie)
        ("M2", "kh.mou.outside-province"),
        # the march says nothing of political parties: the neutrality rules (high) wait on it,
        # so it becomes a question at the top of M1 (SPEC §8, lawcheck.unknowns)
        ("M1", "question:campaigns_for_party+party_support"),
        # a march in a public place in Phnom Penh: gatherings there have been refused or
        # dispersed even when notified (practice rules, issue 12)
        ("M1", "kh.practice.capital-gathering"),
        ("M1", "kh.practice.public-order-dispersal"),
    },
    "health-training": {
        ("", "kh.reporting.records-5-years"),
    },
}
EXIT = {"land-forum": 1, "foreign-march": 1, "health-training": 0}


# --- helpers -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def db(module_store_url) -> str:
    """One database per backend for the module: the shipped corpus is loaded once, not per
    test; every end-to-end test runs on SQLite and, with LAWCHECK_TEST_PG, on PostgreSQL."""
    return module_store_url


@pytest.fixture(autouse=True)
def fixed_precedents(monkeypatch):
    """Reports name the closest precedents; the goldens use the two fixture precedents, so they
    do not change each time the researched base (corpus/precedents) grows."""
    monkeypatch.setenv("LAWCHECK_PRECEDENTS", str(Path(__file__).parent / "precedents" / "good"))


def run(*args, db=None):
    runner = CliRunner()
    argv = (["--db", db] if db else []) + [str(a) for a in args]
    return runner.invoke(cli, argv, catch_exceptions=False)


def check(plan, db, **kw) -> dict:
    return api.check(plan, as_of=kw.pop("as_of", AS_OF), db=db, clock=CLOCK, **kw)


def normalised(report: dict) -> dict:
    report = copy.deepcopy(report)
    report.pop("run", None)  # the command line records the run: its id differs every time
    report.pop("privacy", None)
    source = Path(report["subject"]["source"])
    if source.is_absolute():
        report["subject"]["source"] = source.relative_to(ROOT).as_posix()
    report["rulebase"]["version"] = ZEROS
    report["corpus"]["version"] = ZEROS
    assert str(ROOT) not in json.dumps(report), "an absolute path is left in the report"
    return report


def by_subject(report: dict) -> dict[str, set[str]]:
    """{activity id or "" for the organisation: {rules with a finding there}}."""
    found: dict[str, set[str]] = {}
    for f in report["findings"]:
        found.setdefault(f["where"].get("activity", ""), set()).add(f["rule"])
    return found


def pairs(report: dict) -> set[tuple[str, str]]:
    return {(f["where"].get("activity", ""), f["rule"]) for f in report["findings"]}


def not_checked(report: dict) -> set[tuple[str, str]]:
    return {(n.get("activity", ""), n["rule"]) for n in report["not_checked"]}


def scores(report: dict) -> tuple[float, float]:
    return report["risk"]["deregistration"]["score"], report["risk"]["prosecution"]["score"]


def raw_plan(name: str) -> dict:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def write_plan(path: Path, plan: dict) -> Path:
    path.write_text(json.dumps(plan, default=str, indent=1), encoding="utf-8")
    return path


# --- (a) golden reports --------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_golden(name, db):
    report = normalised(check(EXAMPLES / f"{name}.yaml", db))
    assert pairs(report) == EXPECTED[name], "the findings changed: check them legally first"
    for fmt, suffix in (("json", "json"), ("text", "txt")):
        got = render(report, fmt, color=False, width=100)
        path = GOLDEN / f"check-{name}.{suffix}"
        if UPDATE:
            path.parent.mkdir(exist_ok=True)
            path.write_text(got, encoding="utf-8", newline="\n")
        assert got == path.read_text(encoding="utf-8"), (
            f"{path.name} differs; if the change is intended, rerun with "
            "LAWCHECK_UPDATE_GOLDEN=1 and review the diff")


def test_golden_reports_are_what_the_command_line_prints(db, tmp_path):
    """The CLI prints the same report as the API (but for the clock)."""
    result = run("check", EXAMPLES / "land-forum.yaml", "--as-of", AS_OF, "--format", "json",
                 db=db)
    printed = json.loads(result.stdout)
    printed["checked_at"] = CLOCK.isoformat(timespec="seconds")
    assert render(normalised(printed), "json") == (GOLDEN / "check-land-forum.json").read_text(
        encoding="utf-8")


def test_derived_numbers_in_the_examples(db):
    land = check(EXAMPLES / "land-forum.yaml", db)
    what = {f["rule"]: f["what"] for f in land["findings"]}
    assert "1 year(s) behind" in what["kh.reporting.annual.domestic"]
    assert "made 42 days ago" in what["kh.change.not-notified"]  # 20 Oct -> 1 Dec
    assert "32 days ago" in what["kh.reporting.donor-copies"]  # 30 Oct -> 1 Dec
    march = check(EXAMPLES / "foreign-march.yaml", db)
    what = {f["rule"]: f["what"] for f in march["findings"]}
    assert "9 day(s) past the expiry" in what["kh.mou.expired"]  # 31 Dec -> 9 Jan
    health = check(EXAMPLES / "health-training.yaml", db)
    assert health["risk"]["deregistration"]["level"] == "none"
    assert health["risk"]["prosecution"]["level"] == "none"
    # November's monthly return is not due before 20 December: not late on 1 December
    assert "kh.tax.monthly-return.late" not in {f["rule"] for f in health["findings"]}


def test_rules_take_their_dates_from_as_of(db):
    """The same plan a day before the end of February: last year's reports are not yet late."""
    early = check(EXAMPLES / "land-forum.yaml", db, as_of="2026-02-28")
    late = check(EXAMPLES / "land-forum.yaml", db, as_of="2026-03-01")
    # one year behind (2025 - 2024): late only once February is over
    assert ("", "kh.reporting.annual.domestic") not in pairs(early)
    assert ("", "kh.reporting.annual.domestic") in pairs(late)


# --- (b) exit codes ------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_exit_code_follows_the_findings(name, db):
    result = run("check", EXAMPLES / f"{name}.yaml", "--as-of", AS_OF, "--format", "json",
                 db=db)
    assert result.exit_code == EXIT[name], result.output
    assert exit_code(json.loads(result.stdout)) == EXIT[name]


def test_fail_on_moves_the_threshold(db):
    plan = EXAMPLES / "land-forum.yaml"  # highest severity: high
    assert run("check", plan, "--as-of", AS_OF, "--fail-on", "critical", db=db).exit_code == 0
    assert run("check", plan, "--as-of", AS_OF, "--fail-on", "high", db=db).exit_code == 1
    health = EXAMPLES / "health-training.yaml"  # one info advisory only
    assert run("check", health, "--as-of", AS_OF, "--fail-on", "low", db=db).exit_code == 0
    assert run("check", health, "--as-of", AS_OF, "--fail-on", "info", db=db).exit_code == 1


def test_bad_plan_is_exit_2_with_a_located_message_and_nothing_stored(tmp_path):
    plan = tmp_path / "plan.yaml"
    text = (EXAMPLES / "health-training.yaml").read_text(encoding="utf-8")
    plan.write_text(text.replace("    participants: 32\n",
                                 "    participants: 32\n    particpants: 40\n"), encoding="utf-8")
    line = plan.read_text(encoding="utf-8").splitlines().index("    particpants: 40") + 1
    database = tmp_path / "never.db"
    result = run("check", plan, "--as-of", AS_OF, db=f"sqlite:///{database}")
    assert result.exit_code == 2
    assert f"{plan}:{line}:5: error LC252: unknown key 'activities[0].particpants'" in \
        result.output
    assert "did you mean" in result.output.lower() or "participants" in result.output
    assert "Traceback" not in result.output
    assert not database.exists(), "a bad plan must not touch the database"


def test_bad_option_values_are_exit_2(db):
    result = run("check", EXAMPLES / "land-forum.yaml", "--as-of", "1 Dec 2026", db=db)
    assert result.exit_code == 2 and "LC222" in result.output
    result = run("check", EXAMPLES / "missing.yaml", db=db)
    assert result.exit_code == 2 and "LC201" in result.output


_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 5000),
                    st.text(max_size=12), st.lists(st.text(max_size=4), max_size=2),
                    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
                    st.dates(date(1900, 1, 1), date(2100, 1, 1)).map(str),
                    st.sampled_from(["2026-02-30", "2026-12-10T25:00", "Phnom Penh", "yes",
                                     "march", "none", "null", "-1", "1e9"]))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


@st.composite
def mutated_plans(draw):
    plan = raw_plan(draw(st.sampled_from(NAMES)))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(plan) if p]
        path = draw(st.sampled_from(paths))
        parent = plan
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(_VALUES)
    return plan


@PROPERTY
@given(plan=mutated_plans(), as_json=st.booleans())
def test_exit_3_never(plan, as_json, db, tmp_path):
    """Whatever a plan holds, the check ends in 0, 1 or 2 (a located message), never 3."""
    path = tmp_path / ("plan.json" if as_json else "plan.yaml")
    path.write_text(json.dumps(plan, default=str) if as_json else
                    yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    result = run("check", path, "--as-of", AS_OF, "--format", "json", db=db)
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert "error LC" in result.output and "Traceback" not in result.output


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_exit_3_never_on_garbage(text, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("check", path, "--as-of", AS_OF, db=f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert "error LC" in result.output


@pytest.mark.parametrize("char", ["\x1f", "\x7f", "\x80", "\ufffe"])
def test_a_control_character_in_a_yaml_plan_is_exit_2(char, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(f"organization:\n  name: A{char}\n", encoding="utf-8")
    result = run("check", path, db=f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code == 2, result.output
    assert f"{path}:2: error LC" in result.output


# --- (c) the output format -----------------------------------------------------------------

@pytest.mark.parametrize("suffix, check_text", [
    (".html", lambda t: t.startswith("<!DOCTYPE html>")),
    (".htm", lambda t: t.startswith("<!DOCTYPE html>")),
    (".md", lambda t: t.startswith("# Compliance check")),
    (".json", lambda t: "findings" in json.loads(t)),
    (".txt", lambda t: t.startswith("Compliance check") and "\x1b[" not in t),
    ("", lambda t: t.startswith("Compliance check")),  # no suffix: text
])
def test_format_is_inferred_from_the_output_name(suffix, check_text, db, tmp_path):
    out = tmp_path / f"report{suffix}"
    result = run("check", EXAMPLES / "health-training.yaml", "--as-of", AS_OF, "-o", out, db=db)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    assert check_text(out.read_text(encoding="utf-8"))


def test_explicit_format_wins_and_a_pipe_gets_json(db, tmp_path):
    out = tmp_path / "report.html"
    run("check", EXAMPLES / "health-training.yaml", "--as-of", AS_OF, "-o", out,
        "--format", "markdown", db=db)
    assert out.read_text(encoding="utf-8").startswith("# Compliance check")
    piped = run("check", EXAMPLES / "health-training.yaml", "--as-of", AS_OF, db=db)
    assert json.loads(piped.stdout)["as_of"] == AS_OF  # not a terminal: JSON
    text = run("check", EXAMPLES / "health-training.yaml", "--as-of", AS_OF, "--format",
               "text", db=db)
    assert text.stdout.startswith("Compliance check")


# --- (d) properties ------------------------------------------------------------------------

ACTIVITY_TYPES = ("meeting", "training", "workshop", "public_forum", "assembly", "march",
                  "rally", "vigil", "press_conference", "social_media_campaign", "field_visit",
                  "election_observation")
PROVINCES = ("Phnom Penh", "Kampong Speu", "Stung Treng", "Kratie", "Kampot")
TOPICS = ("land rights", "eviction", "border", "maternal health", "voter education", "river",
          "arrest of activists", "nutrition")
VENUES = ("designated_expression_place", "private_property_with_consent", "public_road",
          "indoor_private", "public_place")
MAYBE_BOOL = st.sampled_from([True, False, None])


def _drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


@st.composite
def activities(draw, ident: str) -> dict:
    start = draw(st.dates(date(2026, 12, 2), date(2027, 2, 28)))
    days = draw(st.integers(0, 2))
    timed = draw(st.booleans())
    first = f"{start}T{draw(st.integers(5, 12)):02d}:00" if timed else str(start)
    last = (f"{start + timedelta(days)}T{draw(st.integers(13, 20)):02d}:00" if timed
            else str(start + timedelta(days)))
    notice = draw(st.sampled_from(["absent", "null", "given"]))
    activity = _drop_none({
        "id": ident, "title": f"Generated {ident}",
        "type": draw(st.sampled_from(ACTIVITY_TYPES)),
        "start": first, "end": last,
        "location": _drop_none({
            "province": draw(st.sampled_from(PROVINCES + (None,))),
            "venue_kind": draw(st.sampled_from(VENUES + (None,))),
            "public_space": draw(MAYBE_BOOL), "remote": draw(MAYBE_BOOL)}),
        "participants": draw(st.one_of(st.none(), st.integers(1, 600))),
        "open_to_public": draw(MAYBE_BOOL),
        "topics": draw(st.one_of(st.none(), st.lists(st.sampled_from(TOPICS), max_size=3,
                                                     unique=True))),
        "foreign_funded": draw(MAYBE_BOOL),
        "within_registered_purpose": draw(MAYBE_BOOL),
        "party_support": draw(st.sampled_from(["none", "some_parties", None])),
        "criticises_party": draw(MAYBE_BOOL),
        "security": _drop_none({k: draw(MAYBE_BOOL) for k in (
            "risk_assessment_done", "emergency_contacts", "check_in_plan", "night_travel",
            "front_line_staff_insured")}),
    })
    if draw(st.booleans()):
        activity["partners"] = [{"name": "A party youth wing", "kind": "political_party"}] \
            if draw(st.booleans()) else ["Another NGO"]
    if draw(st.booleans()):
        activity["statements"] = [{"text": "…", "medium": draw(st.sampled_from(
            ["press_release", "facebook", "joint_statement", "interview"])),
            "speaker": draw(st.sampled_from(["organization", "staff"]))}]
    if notice == "null":
        activity["notification"] = None
    elif notice == "given":
        activity["notification"] = {"notified_on": str(start - timedelta(
            draw(st.integers(0, 12))))}
    return activity


@st.composite
def plans(draw, min_size=1, max_size=4) -> dict:
    org = raw_plan(draw(st.sampled_from(NAMES)))["organization"]
    examples = [a for name in NAMES for a in raw_plan(name)["activities"]]
    count = draw(st.integers(min_size, max_size))
    chosen = []
    for n in range(count):
        if draw(st.booleans()):
            a = copy.deepcopy(draw(st.sampled_from(examples)))
            a["id"] = f"E{n}"
            chosen.append(a)
        else:
            chosen.append(draw(activities(f"G{n}")))
    return {"organization": org, "activities": chosen}


def _per_activity(report: dict) -> dict:
    """Findings and unchecked rules per subject, as sets (the order of findings may follow
    the order of activities; what is found may not)."""
    out: dict = {}
    for f in report["findings"]:
        out.setdefault(f["where"].get("activity", ""), set()).add(
            ("finding", f["rule"], f["what"]))
    for n in report["not_checked"]:
        out.setdefault(n.get("activity", ""), set()).add(("not_checked", n["rule"]))
    return out


@pytest.mark.slow
@PROPERTY
@given(plan=plans(min_size=2), seed=st.randoms(use_true_random=False))
def test_shuffling_activities_changes_nothing_per_activity(plan, seed, db, tmp_path):
    shuffled = copy.deepcopy(plan)
    seed.shuffle(shuffled["activities"])
    first = check(write_plan(tmp_path / "a.json", plan), db)
    second = check(write_plan(tmp_path / "b.json", shuffled), db)
    assert _per_activity(first) == _per_activity(second)
    assert first["risk"] == second["risk"]


@PROPERTY
@given(plan=plans())
def test_rerunning_gives_an_identical_report(plan, db, tmp_path):
    path = write_plan(tmp_path / "plan.json", plan)
    first, second = check(path, db), check(path, db)
    assert first == second
    assert render(first, "text") == render(second, "text")


@PROPERTY
@given(plan=plans(max_size=3), extra=st.data())
def test_adding_an_activity_never_lowers_a_risk(plan, extra, db, tmp_path):
    bigger = copy.deepcopy(plan)
    bigger["activities"].append(extra.draw(activities("NEW")))
    before = check(write_plan(tmp_path / "a.json", plan), db)
    after = check(write_plan(tmp_path / "b.json", bigger), db)
    assert scores(after)[0] >= scores(before)[0]
    assert scores(after)[1] >= scores(before)[1]
    # and what was found about the first activities is still found
    for subject, rules in by_subject(before).items():
        if subject:
            assert rules <= by_subject(after).get(subject, set())


# --- (e) missing optional facts ------------------------------------------------------------

@pytest.mark.parametrize("name, activity, path, rule, fact", [
    ("land-forum", "F1", ("security", "front_line_staff_insured"),
     "kh.security.front-line.uninsured", "activity.front_line_staff_insured"),
    ("land-forum", "F2", ("security", "night_travel"), "kh.security.night-travel",
     "activity.night_travel"),
    ("land-forum", "F2", ("security", "risk_assessment_done"),
     "kh.security.risk-assessment.missing", "activity.risk_assessment_done"),
    ("land-forum", "F1", ("topics",), "kh.public-order.sensitive-topic.public-event",
     "activity.topics"),
    ("foreign-march", "M1", ("notification",), "kh.assembly.notice.missing",
     "activity.notified"),
    ("foreign-march", "M2", ("location", "province"), "kh.mou.outside-province",
     "activity.province_in_mou"),
])
def test_a_missing_optional_fact_moves_the_rule_to_not_checked(name, activity, path, rule,
                                                               fact, db, tmp_path):
    plan = raw_plan(name)
    target = next(a for a in plan["activities"] if a["id"] == activity)
    assert (activity, rule) in pairs(check(EXAMPLES / f"{name}.yaml", db))
    holder = target
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    report = check(write_plan(tmp_path / "plan.json", plan), db)
    assert (activity, rule) not in pairs(report)
    entry = next(n for n in report["not_checked"]
                 if n["rule"] == rule and n.get("activity") == activity)
    # SPEC §8: the entry names the plan key the user left out, never the internal fact
    deleted = f"activities[{activity}]." + ".".join(path)
    assert fact not in entry["missing"]
    assert any(m == deleted or m.startswith(deleted + ".") for m in entry["missing"]), entry


@pytest.mark.parametrize("name, path, rule, fact", [
    ("land-forum", ("changes",), "kh.change.not-notified",
     "organization.unnotified_change_days"),
    ("land-forum", ("reporting", "donor_reports"), "kh.reporting.donor-copies",
     "organization.donor_report_uncopied_days"),
    ("land-forum", ("reporting",), "kh.reporting.annual.domestic",
     "organization.annual_report_years_behind"),
])
def test_a_missing_organisation_fact_moves_the_rule_to_not_checked(name, path, rule, fact, db,
                                                                   tmp_path):
    plan = raw_plan(name)
    holder = plan["organization"]
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    report = check(write_plan(tmp_path / "plan.json", plan), db)
    assert ("", rule) not in pairs(report)
    [missing] = [n["missing"] for n in report["not_checked"]
                 if n["rule"] == rule and "activity" not in n]
    deleted = "organization." + ".".join(path)
    assert fact not in missing
    assert [m for m in missing if m == deleted or m.startswith(deleted + ".")] == missing != []


# Keys whose absence is not "unknown" but a documented default or another derivation (end ->
# the start, an activity's sector -> the organisation's, operations_started_on -> the
# registration date, donor_funded -> the activities' funding); the date that records a step as
# done in a map the plan gives (a notification without notified_on reads "not notified", an MoU
# without signed_on "no MoU"); and list entries' own keys (a statement without a medium is one
# on no listed medium): removing them changes a value instead of hiding it.
NOT_UNKNOWN = {"end", "sector", "operations_started_on", "donor_funded", "notified_on",
               "signed_on",
               # see test_one_missing_report_year_is_not_read_as_up_to_date
               "activity_report_year", "financial_report_year"}
REQUIRED = {("organization", "name"), ("organization", "type"), ("id",), ("type",), ("start",)}


def _optional_paths(plan: dict) -> list[tuple]:
    out = []
    org = plan["organization"]
    for key, value in org.items():
        if ("organization", key) not in REQUIRED and key not in NOT_UNKNOWN:
            out.append(("organization", key))
        if isinstance(value, dict):
            out += [("organization", key, k) for k in value if k not in NOT_UNKNOWN]
            for k, v in value.items():
                if isinstance(v, dict):
                    out += [("organization", key, k, kk) for kk in v if kk not in NOT_UNKNOWN]
    for index, activity in enumerate(plan["activities"]):
        for key, value in activity.items():
            if (key,) not in REQUIRED and key not in NOT_UNKNOWN:
                out.append(("activities", index, key))
            if isinstance(value, dict):
                out += [("activities", index, key, k) for k in value if k not in NOT_UNKNOWN]
    return out


@pytest.fixture(scope="module")
def exception_targets(db) -> set[str]:
    return {t for r in api.load_rules(db=db).rules for t in r.exception_to}


@PROPERTY
@given(plan=plans(max_size=3), data=st.data())
def test_a_missing_optional_fact_never_creates_a_finding(plan, data, db, tmp_path,
                                                         exception_targets):
    """Removing optional keys never adds a finding, and every finding it removes is listed as
    not checked. The one exception: a rule that an exception displaced (e.g. the provincial
    notice for a registered domestic NGO) applies again when the exception's own facts go
    missing: an unknown exception does not excuse (the cautious reading)."""
    smaller = copy.deepcopy(plan)
    chosen = data.draw(st.lists(st.sampled_from(_optional_paths(plan)), min_size=1,
                                max_size=4, unique=True))
    for path in sorted(chosen, key=len, reverse=True):
        holder = smaller
        for key in path[:-1]:
            holder = holder.get(key, {}) if isinstance(holder, dict) else holder[key]
        if isinstance(holder, dict):
            holder.pop(path[-1], None)
    before = check(write_plan(tmp_path / "a.json", plan), db)
    after = check(write_plan(tmp_path / "b.json", smaller), db)
    new = pairs(after) - pairs(before)
    assert {rule for _, rule in new} <= exception_targets, new
    for gone in pairs(before) - pairs(after):
        assert gone in not_checked(after), gone


def test_one_missing_report_year_is_not_read_as_up_to_date(db, tmp_path):
    plan = raw_plan("land-forum")  # activity report 2025 sent, financial report 2024
    del plan["organization"]["reporting"]["financial_report_year"]
    report = check(write_plan(tmp_path / "plan.json", plan), db)
    assert ("", "kh.reporting.annual.domestic") in pairs(report) | not_checked(report)


# --- (f) rules apply to their subject kind -------------------------------------------------

@pytest.mark.parametrize("copies", [1, 3, 6])
def test_organisation_duties_appear_once_per_plan(copies, db, tmp_path):
    plan = raw_plan("land-forum")
    forum = plan["activities"][0]
    plan["activities"] = [dict(copy.deepcopy(forum), id=f"F{n}") for n in range(copies)]
    report = check(write_plan(tmp_path / "plan.json", plan), db)
    rulebase = api.load_rules(db=db)
    kinds = {r.id: r.applies_to for r in rulebase.rules}
    org = [f["rule"] for f in report["findings"] if "activity" not in f["where"]]
    assert sorted(org) == sorted(set(org))  # each organisation duty once
    assert set(org) == {"kh.reporting.annual.domestic", "kh.change.not-notified",
                        "kh.reporting.donor-copies", "kh.reporting.records-5-years"}
    assert all(kinds[rule] == "organization" for rule in org)
    per_activity = [f for f in report["findings"] if "activity" in f["where"]]
    assert all(kinds[f["rule"]] == "activity" for f in per_activity)
    # the sensitive topic, the forum that may be stopped (one event, one finding), and the
    # uninsured staff
    assert len(per_activity) == 3 * copies
    unchecked_org = [n["rule"] for n in report["not_checked"] if "activity" not in n]
    assert sorted(unchecked_org) == sorted(set(unchecked_org))
    assert all(kinds[rule] == "organization" for rule in unchecked_org)


# --- (g) the CSV example -------------------------------------------------------------------

def _without_statement_rules(report: dict, rulebase) -> tuple:
    needs = {r.id for r in rulebase.rules if r.condition.facts() & STATEMENT_FACTS}
    return ({p for p in pairs(report) if p[1] not in needs},
            {p for p in not_checked(report) if p[1] not in needs},
            [f["what"] for f in report["findings"] if f["rule"] not in needs])


def test_csv_plan_gives_the_findings_of_the_yaml_plan(db):
    rulebase = api.load_rules(db=db)
    yaml_report = check(EXAMPLES / "land-forum.yaml", db)
    csv_report = check(EXAMPLES / "land-forum-activities.csv", db,
                       org=EXAMPLES / "land-org.yaml")
    assert _without_statement_rules(csv_report, rulebase) == \
        _without_statement_rules(yaml_report, rulebase)
    assert csv_report["risk"] == yaml_report["risk"]
    assert csv_report["subject"]["source"].endswith("land-forum-activities.csv")
    result = run("check", EXAMPLES / "land-forum-activities.csv", "--org",
                 EXAMPLES / "land-org.yaml", "--as-of", AS_OF, "--format", "json", db=db)
    assert result.exit_code == EXIT["land-forum"]


def test_a_table_without_statements_loses_only_statement_rules(db, tmp_path):
    """The foreign march with its statements dropped (as a table would hold it) keeps every
    finding that does not rest on a statement."""
    rulebase = api.load_rules(db=db)
    plan = raw_plan("foreign-march")
    for activity in plan["activities"]:
        activity.pop("statements", None)
    full = check(EXAMPLES / "foreign-march.yaml", db)
    bare = check(write_plan(tmp_path / "plan.json", plan), db)
    assert _without_statement_rules(full, rulebase)[0] == _without_statement_rules(
        bare, rulebase)[0]
    assert not any("statement" in c for c in bare["caveats"])


def test_statements_in_a_plan_are_reviewed_and_point_at_their_words(db, tmp_path):
    plan = raw_plan("foreign-march")
    risky = ("The district governor is a corrupt thief. Everyone must join the march to the "
             "provincial hall.")
    activity = plan["activities"][0]
    activity["statements"] = [{"text": "We thank the provincial health department.",
                               "medium": "press_release", "speaker": "organization"},
                              {"text": risky, "medium": "facebook", "speaker": "staff"}]
    report = check(write_plan(tmp_path / "plan.json", plan), db)
    on_statements = [f for f in report["findings"] if "statement" in f["where"]]
    assert {f["where"]["statement"] for f in on_statements} == {1}  # the thanks raise nothing
    assert all(f["where"]["activity"] == activity["id"] for f in on_statements)
    rules = {f["rule"] for f in on_statements}
    assert {"kh.speech.insult.official", "kh.speech.incitement.call-to-gather"} <= rules
    # a peaceful call to march is the incitement finding alone, online too (issue 13)
    assert "kh.speech.online.public-order" not in rules
    for finding in on_statements:
        assert finding["where"]["spans"], finding["rule"]
        for (start, end), flag in zip(finding["where"]["spans"], finding["where"]["flags"]):
            assert risky[start:end] == flag["text"] and flag["suggestion"]


def test_csv_order_of_rows_does_not_matter(db, tmp_path):
    lines = (EXAMPLES / "land-forum-activities.csv").read_text(encoding="utf-8").splitlines()
    rows = lines[1:]
    random.Random(5).shuffle(rows)
    rows.reverse()
    path = tmp_path / "plan.csv"
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    a = check(EXAMPLES / "land-forum-activities.csv", db, org=EXAMPLES / "land-org.yaml")
    b = check(path, db, org=EXAMPLES / "land-org.yaml")
    assert _per_activity(a) == _per_activity(b) and a["risk"] == b["risk"]
