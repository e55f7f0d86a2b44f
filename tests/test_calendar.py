"""Working days from the holiday calendar: the `holidays` package (KH) with rules/calendars/kh.yaml
as the override layer, checked against the published lists of 2021-2026."""

from __future__ import annotations

import textwrap
from datetime import date, timedelta

import pytest

from lawcheck.calendar import NotCovered, load_calendar, package_holidays
from lawcheck.errors import CorpusDataError
from lawcheck.settings import rules_dir

KH = load_calendar(rules_dir() / "calendars" / "kh.yaml")


def D(text: str) -> date:
    return date.fromisoformat(text)


def days(*spec: str) -> set[date]:
    """'2024-04-13..16' or '2024-05-22' -> dates."""
    out = set()
    for item in spec:
        if ".." in item:
            first, last = item.split("..")
            start = D(first)
            end = start.replace(day=int(last))
            out |= {start + timedelta(n) for n in range((end - start).days + 1)}
        else:
            out.add(D(item))
    return out


# The published lists (sub-decree, or the Ministry of Labour's prakas that repeats it), each with
# the source recorded in kh.yaml; every day of the year's list, no more, no fewer.
PUBLISHED = {
    2024: days("2024-01-01", "2024-01-07", "2024-03-08", "2024-04-13..16", "2024-05-01",
               "2024-05-14", "2024-05-22", "2024-05-26", "2024-06-18", "2024-09-24",
               "2024-10-01..03", "2024-10-15", "2024-10-29", "2024-11-09", "2024-11-14..16",
               "2024-12-29"),
    2025: days("2025-01-01", "2025-01-07", "2025-03-08", "2025-04-14..16", "2025-05-01",
               "2025-05-11", "2025-05-14", "2025-05-15", "2025-06-18", "2025-09-21..23",
               "2025-09-24", "2025-10-15", "2025-10-29", "2025-11-04..06", "2025-11-09",
               "2025-12-29"),
    2026: days("2026-01-01", "2026-01-07", "2026-03-08", "2026-04-14..16", "2026-05-01",
               "2026-05-05", "2026-05-14", "2026-06-18", "2026-09-24", "2026-10-10..12",
               "2026-10-15", "2026-10-29", "2026-11-09", "2026-11-23..25", "2026-12-29"),
    2023: days("2023-01-01", "2023-01-07", "2023-03-08", "2023-04-14..16", "2023-05-01",
               "2023-05-04", "2023-05-08", "2023-05-14", "2023-06-18", "2023-09-24",
               "2023-10-13..15", "2023-10-29", "2023-11-09", "2023-11-26..28"),
    2022: days("2022-01-01", "2022-01-07", "2022-03-08", "2022-04-14..16", "2022-05-01",
               "2022-05-14", "2022-05-15", "2022-05-19", "2022-06-06", "2022-06-18",
               "2022-09-24..26", "2022-10-15", "2022-10-29", "2022-11-07..09"),
    2021: days("2021-01-01", "2021-01-07", "2021-03-08", "2021-04-14..16", "2021-04-26",
               "2021-04-30", "2021-05-01", "2021-05-14", "2021-06-18", "2021-09-24",
               "2021-10-05..07", "2021-10-15", "2021-10-29", "2021-11-09", "2021-11-18..20"),
}


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_each_year_matches_its_published_list(year):
    assert {d for d in KH.holidays if d.year == year} == PUBLISHED[year]


def test_the_package_computes_the_lunar_holidays_of_2024_to_2027():
    package = package_holidays("KH", [2024, 2025, 2026, 2027])
    for year in (2024, 2025, 2026):
        assert {d for d in package if d.year == year} == PUBLISHED[year]
    # 2027: no list found; these are the package's dates, marked uncertain in kh.yaml
    assert days("2027-04-14..16", "2027-05-20", "2027-05-24", "2027-09-29..30", "2027-10-01",
                "2027-11-12..14") <= set(package)
    assert KH.years[2027].confidence == "uncertain"
    assert KH.years[2026].confidence == "likely" and KH.years[2025].confidence == "confirmed"


def test_the_override_wins_over_the_package():
    """The day off after the 2022 commune election is not in the package; kh.yaml adds it."""
    assert D("2022-06-06") not in package_holidays("KH", [2022])
    assert KH.is_holiday(D("2022-06-06")) and KH.origin[D("2022-06-06")] == "override"
    assert KH.working_days_between(D("2022-06-03"), D("2022-06-08")) == 1  # Tue 7 only


def test_override_can_cancel_a_day_and_needs_a_source(tmp_path):
    path = tmp_path / "kh.yaml"
    path.write_text(textwrap.dedent("""\
        weekend: [saturday, sunday]
        package: {country: KH}
        years:
          2026: {confidence: confirmed, source: "test"}
        overrides:
          - {date: 2026-12-29, action: remove, confidence: confirmed, source: "a test notice"}
        protected: ["Water Festival"]
        """), encoding="utf-8")
    cal = load_calendar(path)
    assert not cal.is_holiday(D("2026-12-29")) and cal.is_holiday(D("2026-11-24"))
    assert cal.is_protected(D("2026-11-24")) and not cal.is_protected(D("2026-11-09"))
    path.write_text(path.read_text().replace('source: "a test notice"', "source: ''"))
    with pytest.raises(CorpusDataError, match="needs a source"):
        load_calendar(path)


def test_khmer_new_year_2027_leaves_three_working_days():
    """The issue's example: notice on Thursday 8 April 2027 for a march on Monday 19 April."""
    assert KH.working_days_between(D("2027-04-08"), D("2027-04-19")) == 3


def test_working_days_skip_weekends_and_holidays_and_exclude_both_ends():
    # Monday 2 Nov 2026 → Monday 9 Nov (Independence Day, a holiday): Tue–Fri count
    assert KH.working_days_between(D("2026-11-02"), D("2026-11-09")) == 4
    # Wed 4 Nov → Thu 12 Nov: Thu 5, Fri 6, (weekend), Mon 9 is a holiday, Tue 10, Wed 11
    assert KH.working_days_between(D("2026-11-04"), D("2026-11-12")) == 4
    assert KH.working_days_between(D("2026-11-04"), D("2026-11-13")) == 5
    assert KH.working_days_between(D("2026-11-12"), D("2026-11-12")) == 0
    assert KH.working_days_between(D("2026-11-13"), D("2026-11-12")) == 0
    # Water Festival 23-25 Nov 2026 (lunar, from the package): Fri 20 → Thu 26 has none
    assert KH.working_days_between(D("2026-11-20"), D("2026-11-26")) == 0


def test_deadline_after_working_days():
    assert KH.add_working_days(D("2026-11-06"), 1) == D("2026-11-10")  # Fri → Tue
    assert KH.add_working_days(D("2026-11-06"), 0) == D("2026-11-06")


def test_protected_days_follow_art_9():
    for day in ("2026-11-09", "2026-05-14", "2026-10-29", "2027-04-14", "2026-10-11",
                "2026-11-24"):
        assert KH.is_protected(D(day)), day
    for day in ("2026-11-10", "2026-06-18", "2026-01-07", "2026-12-29"):
        assert not KH.is_protected(D(day)), day
    assert KH.is_holiday(D("2026-01-01")) and not KH.is_working_day(D("2026-11-07"))


def test_a_year_the_calendar_does_not_cover_is_never_counted_as_working_days():
    assert not KH.covers(D("2028-04-14")) and KH.covers(D("2027-12-31"))
    assert not KH.is_working_day(D("2028-04-15"))  # a Saturday is known whatever the year
    with pytest.raises(NotCovered, match="covers 2015-2027, not 2028"):
        KH.is_working_day(D("2028-04-14"))
    with pytest.raises(NotCovered):
        KH.working_days_between(D("2027-12-28"), D("2028-01-10"))
    assert KH.is_complete(D("2025-04-14")) and not KH.is_complete(D("2027-04-14"))


# --- end to end: the plan check and the statement review ----------------------------------

ORG = """\
organization:
  name: Test Network
  type: domestic_ngo
  sector: land_environment
  public_profile: high
  registration: {registered: true, registered_on: 2016-05-10}
"""


def check_plan(tmp_path, activity: str, as_of: str = "2026-12-01") -> dict:
    from lawcheck import api

    plan = tmp_path / "plan.yaml"
    plan.write_text(ORG + "activities:\n" + textwrap.indent(textwrap.dedent(activity), "  "),
                    encoding="utf-8")
    return api.check(plan, as_of=as_of, db=str(tmp_path / "lc.db"))


MARCH = """\
- id: M1
  title: March for the river
  type: march
  start: {start}
  location: {{province: Phnom Penh, venue_kind: public_road, public_space: true}}
  participants: 300
  notification: {{notified_on: {notified}}}
"""


def test_march_on_19_april_2027_notified_8_april_is_late(tmp_path):
    """Khmer New Year (14-16 April 2027) leaves three working days, not the five of Art 7."""
    report = check_plan(tmp_path, MARCH.format(start="2027-04-19", notified="2027-04-08"))
    late = [f for f in report["findings"] if f["rule"] == "kh.assembly.notice.late"]
    assert late and "3" in late[0]["what"]
    assert any("2027 (uncertain)" in c for c in report["caveats"])
    # a week earlier the notice is long enough: the finding is the holiday's doing
    early = check_plan(tmp_path, MARCH.format(start="2027-04-19", notified="2027-04-01"))
    assert not [f for f in early["findings"] if f["rule"] == "kh.assembly.notice.late"]


def test_a_notice_period_in_a_year_not_covered_is_not_checked_with_the_reason(tmp_path):
    report = check_plan(tmp_path, MARCH.format(start="2028-04-19", notified="2028-04-08"))
    assert not [f for f in report["findings"] if f["rule"] == "kh.assembly.notice.late"]
    entry = [n for n in report["not_checked"] if n["rule"] == "kh.assembly.notice.late"]
    assert entry and "covers 2015-2027, not 2028" in entry[0]["reason"]
    assert any("Public holidays of 2028 are not known" in c for c in report["caveats"])


FORUM = """\
- id: F1
  title: Public forum on land and the coming elections
  type: public_forum
  start: {start}
  location: {{province: Kampong Cham, venue_kind: public_place, public_space: true}}
  participants: 80
  open_to_public: true
  criticises_party: true
  topics: [land, elections]
"""


def test_a_party_attacked_at_a_forum_in_july_2028_is_not_checked_with_the_reason(tmp_path):
    """National Assembly elections are expected in July 2028 with no polling day fixed: the
    campaign rule cannot say 'no campaign'; it says why it could not run."""
    report = check_plan(tmp_path, FORUM.format(start="2028-07-10"))
    # no finding of a rule that needs the campaign calendar; the practice risk of a gathering
    # that disputes an election needs no calendar and fires whatever the date
    election = {f["rule"] for f in report["findings"] if f["category"] == "election"}
    assert election == {"kh.practice.election-period-gathering"}
    entry = [n for n in report["not_checked"] if n["rule"] == "kh.election.campaign.criticism"]
    assert entry, report["not_checked"]
    assert "National Assembly election is expected between 1 July 2028 and 31 July 2028" \
        in entry[0]["reason"]
    assert any(c.startswith("Election campaign on 2028-07-10 unknown") for c in report["caveats"])
    # in a campaign the calendar knows (2023), the same forum is a finding
    held = check_plan(tmp_path, FORUM.format(start="2023-07-10"), as_of="2023-07-01")
    assert [f for f in held["findings"] if f["rule"] == "kh.election.campaign.criticism"]
    # and well away from any election, the rule is decided: no finding, no not_checked
    calm = check_plan(tmp_path, FORUM.format(start="2027-02-10"))
    assert not [n for n in calm["not_checked"] if n["rule"].startswith("kh.election.campaign")]


def test_the_text_report_shows_the_reason(tmp_path):
    from lawcheck.report import render

    report = check_plan(tmp_path, FORUM.format(start="2028-07-10"))
    for fmt in ("text", "markdown", "html"):
        shown = " ".join(render(report, fmt).split())
        assert "polling day is not fixed yet" in shown, fmt


def test_review_of_a_statement_dated_in_july_2028_says_the_calendar_does_not_cover_it(tmp_path):
    import json

    from click.testing import CliRunner

    from lawcheck.cli import cli

    def review(day):
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "r.db"), "review", "--text",
                                          "The CPP stole the election.", "--date", day,
                                          "--format", "jsonl"])
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.output.splitlines()[0])

    report = review("2028-07-10")
    entry = [n for n in report["not_checked"]
             if n["rule"] == "kh.election.statement.campaign-attack"]
    assert entry and "election calendar does not cover 2028-07-10" in entry[0]["reason"]
    assert any("election calendar does not cover 2028-07-10" in c for c in report["caveats"])
    held = review("2023-07-10")
    assert "kh.election.statement.campaign-attack" in {f["rule"] for f in held["findings"]}
