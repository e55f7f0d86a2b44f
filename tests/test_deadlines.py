"""``lawcheck calendar``: the organisation's compliance deadlines (lawcheck.deadlines), their
dates at the boundaries, agreement with the rules that check the same duties, the iCalendar
writer (RFC 5545) and the command line."""

from __future__ import annotations

import copy
import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck import deadlines as dl
from lawcheck.report import calendar as cr
from lawcheck.derive import load_calendars
from lawcheck.errors import PlanError
from lawcheck.plan import load_organization
from lawcheck.plan import load_plan
from lawcheck.settings import rules_dir
from tests.test_check import _paths  # every key path of a nested plan, for fuzzing

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CLOCK = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=7)))
D = date.fromisoformat


@pytest.fixture(scope="module")
def cals():
    return load_calendars(rules_dir())


def org(name="land-org", **changes) -> dict:
    path = EXAMPLES / f"{name}.yaml"
    base = copy.deepcopy(load_organization(path))
    base.update(changes)
    return base


def entries(organization, as_of, cals, start=None, end=None) -> list[dl.Deadline]:
    return dl.deadlines(organization, D(as_of), cals, D(start) if start else None,
                        D(end) if end else None)[0]


def find(found, prefix) -> list[dl.Deadline]:
    return [e for e in found if e.title.startswith(prefix)]


def one(found, prefix) -> dl.Deadline:
    matches = find(found, prefix)
    assert len(matches) == 1, [e.title for e in found]
    return matches[0]


# --- the organisation file -------------------------------------------------------------------

def test_an_org_file_loads_as_the_plan_loader_loads_it():
    assert load_organization(EXAMPLES / "land-org.yaml") == \
        load_plan(EXAMPLES / "land-forum.yaml").organization


def test_a_whole_plan_gives_its_organization():
    assert load_organization(EXAMPLES / "foreign-march.yaml") == \
        load_plan(EXAMPLES / "foreign-march.yaml").organization


def test_a_bad_org_file_lists_every_problem_with_its_place(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text("organization:\n  name: X\n  type: domestic_ngo\n  colour: red\n"
                    "  registration:\n    registered_on: 2026-13-01\n", encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        load_organization(path)
    text = caught.value.render()
    assert f"{path}:4:3: error LC252: unknown key 'organization.colour'" in text
    assert f"{path}:6:" in text and "LC254" in text


# --- dates at the boundaries (and the rules agree) -------------------------------------------

def test_change_notice_is_due_on_day_15_and_overdue_on_day_16(cals):
    # land-org: leader changed on 2026-10-20, not notified
    on_time = one(entries(org(), "2026-11-04", cals), "Notice of the change of leader")
    late = one(entries(org(), "2026-11-05", cals), "Notice of the change of leader")
    assert on_time.date == late.date == D("2026-11-04")
    assert (on_time.status, late.status) == ("due", "overdue")
    assert on_time.citation == "kh/moi-notification-122-2024/para-2"


def test_only_unnotified_changes_with_a_deadline_are_listed(cals):
    changes = [{"kind": "leader", "changed_on": D("2026-10-20"), "notified_on": D("2026-10-25")},
               {"kind": "name", "changed_on": D("2026-10-20"), "notified_on": None},
               {"kind": "bank_account", "changed_on": D("2026-11-20"), "notified_on": None}]
    found = entries(org(changes=changes), "2026-12-01", cals)
    notices = find(found, "Notice of the change")
    assert [e.title for e in notices] == [
        "Notice of the change of bank account of 2026-11-20 to the Ministry of Interior and "
        "the Ministry of Economy and Finance"]
    assert notices[0].date == D("2026-12-05") and notices[0].status == "due"


def test_donor_copy_is_due_on_day_30(cals):
    # land-org: a report went to the donor on 2026-10-30 and was not copied
    assert one(entries(org(), "2026-11-29", cals), "Copy of the report").status == "due"
    late = one(entries(org(), "2026-11-30", cals), "Copy of the report")
    assert late.status == "overdue" and late.date == D("2026-11-29")
    assert "not a working day (Sunday)" in late.what


def test_annual_reports_are_due_on_the_last_day_of_february(cals):
    # land-org: the financial report for 2025 is missing
    due = one(entries(org(), "2026-02-28", cals), "Annual activity and financial reports for 2025")
    late = one(entries(org(), "2026-03-01", cals), "Annual activity and financial reports for 2025")
    assert due.date == late.date == D("2026-02-28")
    assert (due.status, late.status) == ("due", "overdue")
    assert "financial report for 2025 (the activity report is recorded as sent)" in due.what
    assert "Ministry of Interior and the Ministry of Economy and Finance" in due.what


def test_annual_reports_in_a_leap_year_and_for_foreign_organisations(cals):
    found = entries(org("foreign-march"), "2027-06-01", cals, end="2028-12-31")
    leap = one(found, "Annual activity and financial reports for 2027")
    assert leap.date == D("2028-02-29") and leap.status == "due"
    assert "Ministry of Foreign Affairs and International Cooperation and the Ministry of " \
           "Economy and Finance" in leap.what
    assert leap.citation == "kh/lango-2015"
    late = one(found, "Annual activity and financial reports for 2026")
    assert late.status == "overdue" and late.date == D("2027-02-28")


def test_every_missing_year_is_listed_and_sent_ones_are_not(cals):
    behind = org(reporting={"activity_report_year": 2022, "financial_report_year": 2023})
    found = find(entries(behind, "2026-12-01", cals), "Annual activity and financial reports")
    assert [(e.date.year, e.status) for e in found] == [
        (2024, "overdue"), (2025, "overdue"), (2026, "overdue"), (2027, "due")]
    assert "activity report for 2023 (the financial report is recorded as sent)" in found[0].what
    assert "activity and financial reports for 2024" in found[1].what


def test_unknown_report_years_list_only_coming_deadlines(cals):
    found, caveats = dl.deadlines(org(reporting={}), D("2026-12-01"), cals)
    reports = find(found, "Annual activity and financial reports")
    assert [(e.date, e.status) for e in reports] == [(D("2027-02-28"), "due")]
    assert any("no activity_report_year" in c for c in caveats)


def test_one_report_year_is_taken_for_both_with_a_caveat(cals):
    """As the rule's fact does (organization.annual_report_years_behind)."""
    found, caveats = dl.deadlines(org(reporting={"activity_report_year": 2025}),
                                  D("2026-12-01"), cals)
    reports = find(found, "Annual activity and financial reports")
    assert [e.date for e in reports] == [D("2027-02-28")]
    assert any("only the activity_report_year" in c for c in caveats)


def test_monthly_tax_is_due_on_the_20th(cals):
    # health-training: the latest monthly return filed is October 2026
    due = one(entries(org("health-training"), "2026-12-20", cals),
              "Monthly tax return for November 2026")
    late = one(entries(org("health-training"), "2026-12-21", cals),
               "Monthly tax return for November 2026")
    assert due.date == D("2026-12-20") and (due.status, late.status) == ("due", "overdue")
    assert not find(entries(org("health-training"), "2026-12-21", cals),
                    "Monthly tax return for October 2026")


def test_annual_tax_is_due_on_31_march(cals):
    # health-training: the annual return for 2025 is filed
    due = one(entries(org("health-training"), "2027-03-31", cals), "Annual tax return for 2026")
    late = one(entries(org("health-training"), "2027-04-01", cals), "Annual tax return for 2026")
    assert due.date == D("2027-03-31") and (due.status, late.status) == ("due", "overdue")
    assert not find(entries(org("health-training"), "2027-04-01", cals),
                    "Annual tax return for 2025")


def test_no_tax_deadline_without_tax_registration_or_for_a_community_group(cals):
    assert not find(entries(org("health-training", tax_registered=False), "2026-12-01", cals),
                    "Monthly tax")
    assert not find(entries(org("health-training", type="community_group"), "2026-12-01",
                            cals), "Monthly tax")


def test_bank_accounts_are_due_30_days_after_registration(cals):
    new = org(bank_accounts_declared=False, registration={"registered": True,
                                                          "registered_on": D("2026-11-01")})
    due = one(entries(new, "2026-12-01", cals), "Declaration of the bank accounts")
    late = one(entries(new, "2026-12-02", cals), "Declaration of the bank accounts")
    assert due.date == D("2026-12-01") and (due.status, late.status) == ("due", "overdue")
    assert not find(entries(org(), "2026-12-01", cals), "Declaration of the bank accounts")


def test_mou_expiry(cals):
    # foreign-march: the MoU expires on 2026-12-31
    assert one(entries(org("foreign-march"), "2026-12-31", cals), "Memorandum").status == "due"
    late = one(entries(org("foreign-march"), "2027-01-01", cals), "Memorandum")
    assert late.status == "overdue" and late.citation == "kh/lango-2015/art-34"
    assert not find(entries(org(), "2026-12-01", cals), "Memorandum")  # a domestic NGO


def test_asset_declarations_are_listed_as_check(cals):
    found = find(entries(org(), "2026-12-01", cals, end="2028-12-31"), "Leaders' asset")
    assert [e.date for e in found] == [D("2027-01-31"), D("2028-01-31")]
    assert {(e.status, e.confidence, e.citation) for e in found} == {
        ("check", "uncertain", "kh/anti-corruption-law-2010/art-18")}
    notified = find(entries(org(acu_written_notice=True), "2026-12-01", cals),
                    "Leaders' asset")
    assert notified[0].confidence == "confirmed" and "informed the leaders" in notified[0].what


def test_campaign_periods_and_polling_days_are_info(cals):
    found = entries(org(), "2023-07-10", cals, start="2023-07-10", end="2023-07-31")
    campaign = one(found, "Campaign period of the National Assembly election")
    assert campaign.date == D("2023-07-01")  # started before the window, still listed
    assert campaign.status == "info" and campaign.citation == "kh/lemna-2015"
    assert one(found, "Polling day of the National Assembly").date == D("2023-07-23")
    commune = entries(org(), "2022-05-01", cals, start="2022-05-01", end="2022-06-30")
    period = one(commune, "Campaign period of the commune council election")
    assert period.date == D("2022-05-21") and period.citation == "kh/lango-2015/art-24"
    assert "3 June 2022" in period.what and period.confidence == "likely"
    coming = entries(org(), "2026-12-01", cals)  # a year from 1 December 2026
    commune = one(coming, "Campaign period of the commune council election")
    assert commune.date == D("2027-05-22") and "computed from the polling day" in commune.what
    assert one(coming, "Polling day of the commune council election").date == D("2027-06-06")
    later = entries(org(), "2027-12-01", cals, end="2028-12-31")
    expected = one(later, "Expected National Assembly election")
    assert expected.date == D("2028-06-09") and "no polling day is announced" in expected.what
    assert not find(later, "Polling day of the National Assembly")


def test_window_keeps_overdue_entries_and_drops_others_outside_it(cals):
    found = entries(org(), "2026-12-01", cals, start="2027-03-01", end="2027-03-31")
    assert {e.status for e in found if e.date < D("2027-03-01")} == {"overdue"}
    assert all(D("2027-03-01") <= e.date <= D("2027-03-31") for e in found
               if e.status != "overdue")
    assert [e.date for e in found] == sorted(e.date for e in found)


def test_titles_do_not_depend_on_the_check_date(cals):
    """So that an entry keeps its UID (calendar apps update it instead of adding a copy)."""
    window = {"start": "2026-11-01", "end": "2027-12-31"}
    early = {(e.date, e.citation): e.title for e in entries(org(), "2026-11-01", cals, **window)}
    late = {(e.date, e.citation): e.title for e in entries(org(), "2026-12-15", cals, **window)}
    shared = early.keys() & late.keys()
    assert len(shared) > 5
    assert all(early[k] == late[k] for k in shared)


@pytest.mark.parametrize("as_of, rule, overdue_prefix", [
    ("2026-11-04", "kh.change.not-notified", "Notice of the change of leader"),
    ("2026-11-05", "kh.change.not-notified", "Notice of the change of leader"),
    ("2026-11-29", "kh.reporting.donor-copies", "Copy of the report"),
    ("2026-11-30", "kh.reporting.donor-copies", "Copy of the report"),
    ("2026-02-28", "kh.reporting.annual.domestic", "Annual activity and financial reports"),
    ("2026-03-01", "kh.reporting.annual.domestic", "Annual activity and financial reports"),
])
def test_overdue_in_the_calendar_when_and_only_when_the_rule_fires(as_of, rule,
                                                                   overdue_prefix, db_url,
                                                                   cals):
    from lawcheck import api

    report = api.check(EXAMPLES / "land-forum.yaml", as_of=as_of, db=db_url, clock=CLOCK)
    fired = rule in {f["rule"] for f in report["findings"]}
    overdue = any(e.status == "overdue" for e in find(entries(org(), as_of, cals),
                                                      overdue_prefix))
    assert fired == overdue


# --- the deadlines agree with the rule base ---------------------------------------------------

#: The dated duties the calendar lists, each from its rule's deadline block.
DATED = {"kh.reporting.annual.domestic", "kh.reporting.annual.foreign",
         "kh.reporting.donor-copies", "kh.change.not-notified",
         "kh.change.bank-accounts-undeclared", "kh.mou.expired", "kh.tax.monthly-return.late",
         "kh.tax.annual-return.late", "kh.reporting.asset-declaration.advisory",
         "kh.reporting.asset-declaration.after-acu-notice", "kh.assembly.notice.late",
         "kh.assembly.short-notice.late", "kh.election.campaign.criticism",
         "kh.lango.neutrality.campaigning"}


def test_each_dated_rule_has_a_deadline_block_citing_the_corpus(corpus_ids):
    from lawcheck.rulebase.loader import load

    rulebase = load(rules_dir())
    assert {r.id for r in rulebase.rules if r.deadline is not None} == DATED
    for rule in rulebase.rules:
        if rule.deadline is not None:
            assert rule.deadline.citation in rule.citations, rule.id
            assert rule.deadline.citation in corpus_ids, rule.id
    notice = dl.DUTIES["demonstration-notice"]
    assert (notice.rule, notice.citation) == ("kh.assembly.notice.late",
                                              "kh/peaceful-demonstration-2009/art-7")


def test_entries_take_their_words_dates_and_marks_from_the_rule_files(cals):
    """The calendar is generated from the blocks: a rule base whose change-notice block says
    20 days and other words, and whose rule is marked uncertain, lists exactly that."""
    import dataclasses

    from lawcheck.rulebase.loader import load

    rulebase = load(rules_dir())
    rule = rulebase.rule("kh.change.not-notified")
    block = dataclasses.replace(rule.deadline, offsets=(("days", 20),),
                                title="Tell them of the {change} change of {changed_on}",
                                text="Within {days} days: by {due_long}.")
    changed = dataclasses.replace(rule, deadline=block, confidence="uncertain")
    other = dataclasses.replace(rulebase, rules=tuple(changed if r is rule else r
                                                      for r in rulebase.rules))
    organization = org(changes=[{"kind": "address", "changed_on": D("2026-11-20")}])
    before = one(dl.deadlines(organization, D("2026-11-25"), cals)[0], "Notice of the change")
    after = one(dl.deadlines(organization, D("2026-11-25"), cals, rulebase=other)[0],
                "Tell them of the address change")
    assert before.date == D("2026-12-05") and after.date == D("2026-12-10")
    assert after.what.startswith("Within 20 days: by 10 December 2026.")
    assert (after.citation, after.confidence) == (before.citation, "uncertain")


# --- iCalendar -------------------------------------------------------------------------------

def _calendar(name="land-org", as_of="2026-12-01", **kw) -> dict:
    return dl.compliance_calendar(EXAMPLES / f"{name}.yaml", as_of=as_of, **kw)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


@pytest.mark.parametrize("name", ["land-org", "foreign-march", "health-training"])
def test_ics_is_valid_rfc_5545(name):
    cal = _calendar(name)
    text = cr.render_ics(cal, clock=CLOCK)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert all(line for line in physical)
    stack = []
    for line in _unfold(text):
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
        elif line.startswith("END:"):
            assert stack and stack.pop() == line[4:]
    assert stack == []
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events = text.count("BEGIN:VEVENT")
    assert events == len(cal["deadlines"]) > 0
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == events
    assert lines.count("DTSTAMP:20261201T023000Z") == events  # the clock, in UTC
    starts = [line for line in lines if line.startswith("DTSTART")]
    assert all(re.fullmatch(r"DTSTART;VALUE=DATE:\d{8}", s) for s in starts)
    assert [s[-8:] for s in starts] == [e["date"].replace("-", "") for e in cal["deadlines"]]
    summaries = [_unescape(line[8:]) for line in lines if line.startswith("SUMMARY:")]
    assert summaries == [e["title"] for e in cal["deadlines"]]


def test_ics_uids_are_stable_across_runs_and_check_dates():
    def uids(cal):
        lines = _unfold(cr.render_ics(cal, clock=CLOCK))
        starts = [line for line in lines if line.startswith("DTSTART")]
        return dict(zip([line for line in lines if line.startswith("SUMMARY:")],
                        [line for line in lines if line.startswith("UID:")])), starts

    first, _ = uids(_calendar(as_of="2026-12-01"))
    again, _ = uids(_calendar(as_of="2026-12-01"))
    later, _ = uids(_calendar(as_of="2026-12-10", start="2026-12-01"))
    assert first == again
    shared = set(first) & set(later)
    assert len(shared) > 5 and all(first[s] == later[s] for s in shared)
    # the status changed (overdue now) but the event is the same one
    assert cr.render_ics(_calendar(), clock=CLOCK) != cr.render_ics(
        _calendar(), clock=CLOCK + timedelta(seconds=1))


def test_ics_escapes_text():
    cal = {"organization": "A; B, C \\ D", "deadlines": [{
        "date": "2027-01-31", "title": "One; two, three \\ four", "what": "Line one\nline two",
        "citation": "kh/x", "confidence": "likely", "status": "due"}]}
    lines = _unfold(cr.render_ics(cal, clock=CLOCK))
    assert "SUMMARY:One\\; two\\, three \\\\ four" in lines
    assert "X-WR-CALNAME:Compliance deadlines: A\\; B\\, C \\\\ D" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "Line one\\nline two" in description


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_fold_keeps_lines_short_and_unfolds_to_the_original(text):
    line = "DESCRIPTION:" + cr.escape(text)
    folded = cr.fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line
    assert "\r" not in cr.escape(text) and "\n" not in cr.escape(text)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert _unescape(cr.escape(text)) == expected


# --- the command line ------------------------------------------------------------------------

def _group():
    from lawcheck.cli import LawcheckGroup, cli
    from lawcheck.cli.calendar import calendar

    if "calendar" in cli.commands:
        return cli
    return LawcheckGroup(name="lawcheck", commands={"calendar": calendar})


def run(*args):
    return CliRunner().invoke(_group(), [str(a) for a in args], catch_exceptions=False)


def test_cli_json_and_text(tmp_path):
    result = run("calendar", "--org", EXAMPLES / "land-org.yaml", "--as-of", "2026-12-01",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    cal = json.loads(result.stdout)
    assert set(cal) >= {"organization", "as_of", "from", "to", "deadlines", "caveats"}
    assert all(set(e) == {"date", "title", "what", "citation", "confidence", "status"}
               for e in cal["deadlines"])
    assert all(e["status"] in dl.STATUSES for e in cal["deadlines"])
    assert [e["status"] for e in cal["deadlines"][:3]] == ["overdue"] * 3
    text = run("calendar", "--org", EXAMPLES / "land-org.yaml", "--as-of", "2026-12-01",
               "--format", "text").stdout
    assert text.startswith("Compliance calendar: Sre Ampil Land Rights Network")
    assert "OVERDUE 2026-11-04  Notice of the change of leader" in text


def test_cli_writes_ics_with_crlf(tmp_path):
    out = tmp_path / "deadlines.ics"
    result = run("calendar", "--org", EXAMPLES / "foreign-march.yaml", "--as-of", "2026-12-01",
                 "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    printed = run("calendar", "--org", EXAMPLES / "foreign-march.yaml", "--format", "ics")
    assert printed.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")


def test_cli_bad_org_file_is_exit_2_with_a_located_message(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text("organization:\n  name: X\n  type: domestic_ngoo\n", encoding="utf-8")
    result = run("calendar", "--org", path)
    assert result.exit_code == 2
    assert f"{path}:3:3: error LC255: 'organization.type'" in result.output
    assert "Traceback" not in result.output
    missing = run("calendar", "--org", tmp_path / "none.yaml")
    assert missing.exit_code == 2 and "LC201" in missing.output
    table = run("calendar", "--org", EXAMPLES / "land-forum-activities.csv")
    assert table.exit_code == 2 and "LC205" in table.output
    empty = tmp_path / "empty.yaml"
    empty.write_text("activities: []\n", encoding="utf-8")
    result = run("calendar", "--org", empty)
    assert result.exit_code == 2 and "error LC" in result.output


def test_cli_bad_dates_are_exit_2():
    org_file = EXAMPLES / "land-org.yaml"
    assert "LC222" in run("calendar", "--org", org_file, "--from", "01/12/2026").output
    result = run("calendar", "--org", org_file, "--from", "2027-01-01", "--to", "2026-01-01")
    assert result.exit_code == 2 and "LC220" in result.output


def test_cli_accepts_a_whole_plan_as_org():
    result = run("calendar", "--org", EXAMPLES / "land-forum.yaml", "--as-of", "2026-12-01",
                 "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["organization"] == "Sre Ampil Land Rights Network"


_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 3000), st.text(max_size=10),
                    st.dates(date(1950, 1, 1), date(2090, 1, 1)).map(str),
                    st.lists(st.integers(0, 3), max_size=2),
                    st.sampled_from(["2026-13", "2026-02", "1990", "2026-02-29", "none"]))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.data(), name=st.sampled_from(["land-org", "foreign-march", "health-training"]),
       as_of=st.dates(date(2020, 1, 1), date(2030, 12, 31)))
def test_calendar_never_ends_in_an_internal_error(data, name, as_of, tmp_path_factory):
    plan = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    organization = {"organization": plan["organization"]}
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([p for p in _paths(organization) if len(p) > 1]))
        parent = organization
        for key in path[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(_VALUES)
    path = tmp_path_factory.mktemp("org") / "org.yaml"
    path.write_text(yaml.safe_dump(organization), encoding="utf-8")
    result = run("calendar", "--org", path, "--as-of", as_of, "--format", "ics")
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert "error LC" in result.output


# --- coming elections ------------------------------------------------------------------------

def test_coming_elections_are_listed_with_their_campaigns_through_2033():
    cal = dl.compliance_calendar(None, as_of="2026-12-06")
    ids = [e["id"] for e in cal["elections"]]
    assert ids == ["kh-commune_council-2027", "kh-national_assembly-2028",
                   "kh-subnational_council-2029", "kh-senate-2030", "kh-commune_council-2032",
                   "kh-national_assembly-2033"]
    commune, national = cal["elections"][0], cal["elections"][1]
    assert commune["polling_day"] == "2027-06-06" and commune["status"] == "expected"
    assert commune["campaign"] == {"start": "2027-05-22", "end": "2027-06-04", "computed": True,
                                   "confidence": "likely",
                                   "source": commune["campaign"]["source"]}
    assert national["polling_day"] is None and national["campaign"] is None
    assert national["polling_window"] == {"from": "2028-07-01", "to": "2028-07-31"}
    assert national["campaign_possible"] == {"from": "2028-06-09", "to": "2028-07-29"}
    assert all(e["source"] and e["confidence"] for e in cal["elections"])
    assert cal["election_calendar"]["complete_through"] == "2033-12-31"
    # without an organisation, only election entries are listed (no reports, no tax)
    assert {e["citation"] for e in cal["deadlines"]} <= {"kh/lemna-2015", "kh/lango-2015/art-24"}
    text = cr.render_text(cal)
    assert text.startswith("Election calendar (no organisation given")
    assert "National Assembly election: expected between 2028-07-01 and 2028-07-31" in text
    assert "Campaign: 2027-05-22 to 2027-06-04 (computed from the polling day" in text


def test_a_held_election_is_not_coming():
    cal = dl.compliance_calendar(None, as_of="2027-06-07")
    assert cal["elections"][0]["id"] == "kh-national_assembly-2028"


def test_ics_reminds_a_week_before_each_campaign_start():
    cal = dl.compliance_calendar(None, as_of="2026-12-06", end="2033-12-31")
    lines = _unfold(cr.render_ics(cal, clock=CLOCK))
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current.append(line)
    starts = [e for e in events if any(line.startswith(("SUMMARY:Campaign period",
                                                         "SUMMARY:Expected")) for line in e)]
    assert len(starts) == 6  # commune 2027 (dated) and five expected elections
    for event in starts:
        assert "BEGIN:VALARM" in event and "TRIGGER:-P7D" in event and "ACTION:DISPLAY" in event
    polling = [e for e in events if any(line.startswith("SUMMARY:Polling day") for line in e)]
    assert polling and all("BEGIN:VALARM" not in e for e in polling)
    commune = next(e for e in starts if "SUMMARY:Campaign period of the commune council "
                   "election (2027-05-22 to 2027-06-04)" in e)
    assert "DTSTART;VALUE=DATE:20270522" in commune


def test_cli_lists_coming_elections_without_an_organisation(tmp_path):
    result = run("calendar", "--as-of", "2026-12-06", "--format", "json")
    assert result.exit_code == 0, result.output
    cal = json.loads(result.stdout)
    assert cal["source"] is None and cal["elections"][0]["polling_day"] == "2027-06-06"
    text = run("calendar", "--as-of", "2026-12-06", "--format", "text").stdout
    assert "Coming elections" in text and "Senate election: expected between 2030-02-01" in text
    out = tmp_path / "elections.ics"
    assert run("calendar", "--as-of", "2026-12-06", "--to", "2033-12-31", "-o", out
               ).exit_code == 0
    data = out.read_text(encoding="utf-8")
    assert data.count("BEGIN:VALARM") == 6 and "X-WR-CALNAME:Cambodian elections" in data
    with_org = run("calendar", "--org", EXAMPLES / "land-org.yaml", "--as-of", "2026-12-01",
                   "--format", "text").stdout
    assert "Coming elections" in with_org and "OVERDUE" in with_org


def test_a_deadline_in_a_year_without_known_holidays_says_so(cals):
    """28 February 2029 is a Wednesday in a year kh.yaml does not cover: never 'a working day'."""
    found = entries(org(reporting={"activity_report_year": 2027,
                                   "financial_report_year": 2027}), "2028-12-01", cals,
                    start="2029-02-01", end="2029-03-31")
    report = one(found, "Annual activity and financial reports for 2028")
    assert "Whether 28 February 2029 is a working day is not known" in report.what
    # a weekend is known whatever the year: 31 March 2029 is a Saturday
    assert "not a working day (Saturday)" in dl._working_day_note(D("2029-03-31"), cals)
    assert dl._working_day_note(D("2027-03-31"), cals) == ""  # a Wednesday, no holiday


def test_every_anchor_is_documented_with_what_it_gives():
    """docs/rules-deadlines.md lists each anchor with its placeholders, offsets, variants,
    notes and cases, as lawcheck/rulebase/model.py declares them."""
    from lawcheck.rulebase.model import ANCHORS

    doc = (ROOT / "docs" / "rules-deadlines.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in doc.splitlines()
            if line.startswith("| `")}
    for name, anchor in ANCHORS.items():
        row = rows.get(name)
        assert row is not None, name
        for word in (*(f"`{{{p}}}`" for p in anchor.placeholders),
                     *(f"`{n}`" for n in (*anchor.offsets, *anchor.variants, *anchor.notes,
                                          *anchor.cases))):
            assert word in row, (name, word)
