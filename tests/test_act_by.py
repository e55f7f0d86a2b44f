"""Reports people act on (issue 17), end to end: ``lawcheck check`` leads with what is overdue
and what falls due within 30 days, from the compliance calendar (lawcheck.deadlines), including
each demonstration's notice lodge-by date, which ``lawcheck calendar`` and its .ics carry too;
the lodge-by date agrees with the rule that judges a late notice."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lawcheck import deadlines as dl
from lawcheck import vocabulary
from lawcheck.cli import cli
from lawcheck.derive import load_calendars
from lawcheck.report import render
from lawcheck.settings import rules_dir
from tests.test_check import AS_OF, EXAMPLES, check, raw_plan, write_plan

ROOT = Path(__file__).resolve().parents[1]
MARCH_LODGE_BY = "2026-12-30"  # march M1 of examples/foreign-march.yaml, 2027-01-09 (Saturday)


@pytest.fixture(scope="module")
def db(module_store_url) -> str:
    """One database per backend for the module (as in tests/test_check.py)."""
    return module_store_url


def run(*args, db=None):
    argv = (["--db", db] if db else []) + [str(a) for a in args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False)


def summary_of(text: str) -> str:
    """The summary: from its heading to the first group heading."""
    start = text.index("Summary")
    return text[start:text.index("Most serious findings", start)]


# --- an overdue change notice is at the top --------------------------------------------------

def test_new_president_11_days_past_the_limit_heads_the_summary(db, tmp_path):
    plan = raw_plan("health-training")
    changed = date.fromisoformat(AS_OF) - timedelta(days=15 + 11)
    plan["organization"]["changes"] = [{"kind": "leader", "changed_on": changed,
                                        "notified_on": None}]
    report = check(write_plan(tmp_path / "plan.json", plan), db)
    assert ("", "kh.change.not-notified") in {
        ((f.get("where") or {}).get("activity") or "", f["rule"]) for f in report["findings"]}
    due = [e for e in report["deadlines"] if e["status"] == "overdue"]
    assert due and due[0]["title"].startswith("Notice of the change of leader")
    line = "Overdue since 20 November 2026 (11 days late): Notice of the change of leader"
    for fmt in ("text", "markdown", "html"):
        summary = summary_of(render(report, fmt, color=False, width=300))
        assert line in summary, fmt
        # nothing comes before it: the first entry of the summary is this overdue notice
        before = summary[:summary.index(line)]
        assert "Deregistration risk" not in before and "By " not in before, fmt


def test_without_the_change_nothing_is_overdue(db):
    report = check(EXAMPLES / "health-training.yaml", db)
    assert not [e for e in report["deadlines"] if e["status"] == "overdue"]


# --- a march's lodge-by date: in the summary and in the .ics ---------------------------------

def test_march_lodge_by_date_is_in_the_summary(db):
    report = check(EXAMPLES / "foreign-march.yaml", db)
    entry = next(e for e in report["deadlines"] if "march M1" in e["title"])
    assert (entry["date"], entry["status"]) == (MARCH_LODGE_BY, "due")
    assert entry["citation"] == "kh/peaceful-demonstration-2009/art-7"
    for fmt in ("text", "markdown", "html"):
        summary = summary_of(render(report, fmt, color=False, width=400))
        assert "By 30 December 2026 (in 29 days): Notice of the march M1" in summary, fmt
        assert "with the Phnom Penh Capital Hall by 30 December 2026" in summary, fmt


def test_march_lodge_by_date_is_in_the_ics_with_a_reminder(tmp_path):
    out = tmp_path / "deadlines.ics"
    result = run("calendar", "--org", EXAMPLES / "foreign-march.yaml", "--as-of", AS_OF,
                 "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_bytes().decode("utf-8").replace("\r\n ", "")
    events = text.split("BEGIN:VEVENT")[1:]
    march = [e for e in events if "SUMMARY:Notice of the march M1" in e]
    assert len(march) == 1
    assert "DTSTART;VALUE=DATE:20261230" in march[0]
    assert "BEGIN:VALARM" in march[0] and "TRIGGER:-P7D" in march[0]


def test_calendar_plan_option_adds_a_csv_plan_s_activities(tmp_path):
    """--plan with a CSV table and --org: the table's demonstrations get their notice dates."""
    plan = tmp_path / "acts.csv"
    plan.write_text("id,title,type,start,location.province,location.public_space,participants,"
                    "notification\nR1,Rally for fair wages,rally,2027-02-15,Kandal,true,300,\n",
                    encoding="utf-8")
    result = run("calendar", "--plan", plan, "--org", EXAMPLES / "land-org.yaml", "--as-of",
                 AS_OF, "--format", "json")
    if result.exit_code != 0:  # the CSV reader's columns: show its located message
        pytest.fail(result.output)
    cal = json.loads(result.stdout)
    entry = [e for e in cal["deadlines"] if "rally R1" in e["title"]]
    assert len(entry) == 1 and "Kandal Provincial Hall" in entry[0]["what"]


# --- the lodge-by date agrees with the rule that judges the notice ------------------------------

def _march_notified_on(day: str) -> dict:
    plan = raw_plan("foreign-march")
    plan["activities"][0]["notification"] = {"authority": "Phnom Penh Capital Hall",
                                             "notified_on": date.fromisoformat(day)}
    return plan


def _fired(report) -> set[str]:
    return {f["rule"] for f in report["findings"]
            if (f.get("where") or {}).get("activity") == "M1"}


def test_notice_on_the_lodge_by_date_is_in_time_and_the_next_working_day_is_late(db, tmp_path):
    cals = load_calendars(rules_dir())
    on_time = check(write_plan(tmp_path / "a.json", _march_notified_on(MARCH_LODGE_BY)), db)
    assert "kh.assembly.notice.late" not in _fired(on_time)
    assert not [e for e in on_time["deadlines"] if "march M1" in e["title"]]  # lodged: done
    after = date.fromisoformat(MARCH_LODGE_BY) + timedelta(days=1)
    while not cals.holidays.is_working_day(after):
        after += timedelta(days=1)
    late = check(write_plan(tmp_path / "b.json", _march_notified_on(after.isoformat())), db)
    assert "kh.assembly.notice.late" in _fired(late)


@pytest.mark.parametrize("start", ["2027-01-09", "2027-04-19", "2027-05-03", "2027-10-04",
                                   "2027-11-15", "2026-12-14"])
def test_lodge_by_is_the_last_working_day_with_enough_notice(start):
    """Against the count activity.notice_working_days uses (lawcheck.calendar)."""
    cals = load_calendars(rules_dir())
    day = date.fromisoformat(start)
    last = dl._lodge_by(day, cals.holidays)
    assert cals.holidays.is_working_day(last)
    assert cals.holidays.working_days_between(last, day) >= dl.NOTICE_WORKING_DAYS
    later = last + timedelta(days=1)
    while later < day:
        if cals.holidays.is_working_day(later):
            assert cals.holidays.working_days_between(later, day) < dl.NOTICE_WORKING_DAYS
        later += timedelta(days=1)


def test_no_notice_date_once_notified_after_the_start_or_away_from_a_public_place(db, tmp_path):
    cals = load_calendars(rules_dir())
    base = yaml.safe_load((EXAMPLES / "foreign-march.yaml").read_text(encoding="utf-8"))
    march = base["activities"][0]

    def dates(activity, as_of=AS_OF):
        found, _ = dl.deadlines({}, date.fromisoformat(as_of), cals,
                                activities=[activity])
        return [e for e in found if "march M1" in e.title]

    assert len(dates(march)) == 1
    assert dates(march, "2027-01-10") == []  # the march is over
    private = copy.deepcopy(march)
    private["location"]["public_space"] = False
    assert dates(private) == []
    overdue = dates(march, "2027-01-04")
    assert overdue[0].status == "overdue" and "move the date" in overdue[0].what


def test_notice_constants_are_the_rules():
    """DEMONSTRATIONS, NOTICE_WORKING_DAYS and the short-notice figures are those the notice
    rules of rules/kh/peaceful-demonstration.yaml use."""
    rules = {r["id"]: r for r in yaml.safe_load(
        (rules_dir() / "kh" / "peaceful-demonstration.yaml").read_text(encoding="utf-8"))["rules"]}

    def value(rule, fact):
        for c in rule["scope"]["all"]:
            if c.get("fact") == fact:  # a value, or the name of a vocabulary (vocabulary.py)
                found = c["value"]
                return (vocabulary.named(found) or found) if isinstance(found, str) else found

    late = rules["kh.assembly.notice.late"]
    assert tuple(value(late, "activity.type")) == dl.DEMONSTRATIONS
    assert late["parameters"]["notice_days"]["value"] == dl.NOTICE_WORKING_DAYS
    short = rules["kh.assembly.short-notice.late"]
    assert tuple(value(short, "activity.type")) == dl.DEMONSTRATIONS
    assert tuple(value(short, "activity.venue_kind")) == dl.SHORT_NOTICE_VENUES
    assert value(short, "activity.participants") == dl.SHORT_NOTICE_PARTICIPANTS
    assert (short["parameters"]["hours"]["value"],
            short["parameters"]["holiday_hours"]["value"]) == dl.SHORT_NOTICE_HOURS


def _vigil(start: str, venue_kind: str = "designated_expression_place", **notification):
    plan = raw_plan("foreign-march")
    march = plan["activities"][0]
    march.update(type="vigil", participants=100, start=start, end=None)
    march.pop("end")
    march["location"]["venue_kind"] = venue_kind
    march["notification"] = ({"authority": "Phnom Penh Capital Hall", **notification}
                             if notification else None)
    return plan


def test_short_notice_date_agrees_with_the_short_notice_rule(db, tmp_path):
    """Art 14's route: the calendar's last day gives the hours the rule asks for; a day later
    does not (the rule counts a note from the end of its day)."""
    start = "2026-12-16T18:00"  # a Wednesday, not a holiday: 12 hours
    cals = load_calendars(rules_dir())
    found, _ = dl.deadlines({}, date.fromisoformat(AS_OF), cals,
                            activities=load_activities(_vigil(start), tmp_path))
    entry = [e for e in found if e.title.startswith("Short-notice note for the vigil M1")]
    assert len(entry) == 1 and "12 hours" in entry[0].what
    last = entry[0].date
    on_time = check(write_plan(tmp_path / "a.json", _vigil(start, notified_on=last)), db)
    assert "kh.assembly.short-notice.late" not in _fired(on_time)
    late = check(write_plan(tmp_path / "b.json",
                            _vigil(start, notified_on=last + timedelta(days=1))), db)
    assert "kh.assembly.short-notice.late" in _fired(late)


def load_activities(plan: dict, tmp_path) -> list:
    from lawcheck.plan import load_plan

    return list(load_plan(write_plan(tmp_path / "acts.json", plan)).activities)


def test_a_year_without_known_holidays_gives_no_date_but_says_so(tmp_path):
    """A march in a year the holiday calendar does not cover: no guessed lodge-by date, an
    entry to check instead, shown in the summary as such."""
    cals = load_calendars(rules_dir())
    year = max(cals.holidays.years) + 1
    plan = raw_plan("foreign-march")
    plan["activities"][0].update(start=f"{year}-03-10T07:00", end=f"{year}-03-10T11:00")
    found, _ = dl.deadlines({}, date(year, 2, 20), cals,
                            activities=load_activities(plan, tmp_path))
    entry = [e for e in found if "march M1" in e.title]
    assert len(entry) == 1 and entry[0].status == "check"
    assert "cannot give the last day" in entry[0].what
