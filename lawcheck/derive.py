"""plan → facts: compute, in Python and as of the check date, the facts the rules compare.

Each fact's derivation is the one its ``source`` states in rules/facts.yaml; dates and deadlines
are counted here (working days with the holiday calendar, days overdue as of ``as_of``), never in
the engine. A fact the plan does not allow to compute is left out: the rule needing it reports
that it could not run. One context for the organisation, one per activity.
"""

from __future__ import annotations

import calendar as monthcal
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from lawcheck import vocabulary, yamlio
from lawcheck.calendar import Calendar, NotCovered
from lawcheck.elections import ElectionCalendar
from lawcheck.model import Context

CHANGE_KINDS = set(vocabulary.NOTIFIED_CHANGE_KINDS)


@dataclass(frozen=True)
class Calendars:
    holidays: Calendar
    elections: ElectionCalendar  # rules/calendars/elections.yaml
    topics: dict[str, list[str]]  # label -> keywords

    def caveats(self, days: list[date]) -> list[str]:
        notes = []
        hol = self.holidays
        unsure = hol.unconfirmed_years(*days)
        if unsure:
            notes.append("The public holidays of " + ", ".join(
                f"{y} ({hol.years[y].confidence})" for y in unsure)
                + " are not confirmed against that year's sub-decree (see "
                  "rules/calendars/kh.yaml): check working-day counts and holiday checks "
                  "near a holiday.")
        gaps = hol.uncovered_years(*days)
        if gaps:
            notes.append("Public holidays of " + ", ".join(map(str, gaps)) + " are not known ("
                         + hol.gap_reason(*days) + "): working days and holidays in "
                         + ("that year" if len(gaps) == 1 else "those years")
                         + " are not counted, and the checks that need them are listed as "
                           "not checked.")
        doubts: dict[str, date] = {}  # reason -> the first day it concerns
        for day in sorted(set(days)):
            reason = self.elections.facts([day], "subject")[1].get("subject.in_campaign_period")
            if reason:
                doubts.setdefault(reason, day)
        for reason, day in doubts.items():
            notes.append(f"Election campaign on {day.isoformat()} unknown: {reason}. The "
                         "election rules that depend on it are listed as not checked.")
        computed = sorted({e for day in set(days) for e in self.elections
                           if e.campaign_computed and e.campaign[0] <= day <= e.campaign[1]},
                          key=lambda e: e.campaign[0])
        for e in computed:
            notes.append(f"The campaign of the {e.label} election of {e.when()} "
                         f"({e.campaign[0].isoformat()} to {e.campaign[1].isoformat()}) is "
                         f"computed from its polling day ({e.campaign_confidence}), not "
                         "announced: check the National Election Committee's dates.")
        return notes


def load_calendars(rules: Path) -> Calendars:
    from lawcheck.calendar import load_calendar

    from lawcheck.elections import load_elections

    topics = yamlio.load(rules / "topics.yaml") or {}
    return Calendars(load_calendar(rules / "calendars" / "kh.yaml"),
                     load_elections(rules / "calendars" / "elections.yaml"),
                     {k: [str(w).lower() for w in v] for k, v in
                      (topics.get("labels") or {}).items()})


def derive(organization: dict, activities: list[dict], as_of: date,
           cals: Calendars) -> list[Context]:
    org = organization_facts(organization, activities, as_of)
    contexts = [Context({"subject.date": as_of, **org}, as_of, {}, "organization")]
    for activity in activities:
        unknown: dict = {}
        facts = {**org, **activity_facts(activity, organization, cals, unknown)}
        start = _day(activity.get("start"))
        facts["subject.date"] = start
        contexts.append(Context(facts, start, {"activity": activity["id"]}, "activity",
                                {k: v for k, v in unknown.items() if k not in facts}))
    return contexts


def organization_facts(org: dict, activities: list[dict], as_of: date) -> dict:
    reg = org.get("registration") or {}
    mou = reg.get("mou", ...)
    reporting = org.get("reporting") or {}
    tax = org.get("tax") or {}
    f = {
        "organization.type": org.get("type"), "organization.sector": org.get("sector"),
        "organization.public_profile": org.get("public_profile"),
        "organization.premises_owner": org.get("premises_owner"),
        "organization.registered": reg.get("registered"),
        "organization.bank_accounts_declared": org.get("bank_accounts_declared"),
        "organization.tax_registered": org.get("tax_registered"),
        "organization.leaders_declared_assets": org.get("leaders_declared_assets"),
        "organization.acu_written_notice": org.get("acu_written_notice"),
        "organization.tax_exemption_requested": tax.get("exemption_requested"),
        "organization.runs_social_enterprise": tax.get("social_enterprise"),
        "organization.social_enterprise_tax_registered": tax.get("social_enterprise_registered"),
    }
    if mou is not ...:
        f["organization.has_mou"] = bool(mou and mou.get("signed_on"))
    if reg.get("registered_on"):
        f["organization.days_since_registration"] = (as_of - reg["registered_on"]).days
    changes = org.get("changes")
    if changes is not None:
        pending = [c for c in changes if c.get("kind") in CHANGE_KINDS and not c.get("notified_on")
                   and c.get("changed_on")]
        undated = [c for c in changes if c.get("kind") in CHANGE_KINDS
                   and not c.get("notified_on") and not c.get("changed_on")]
        f["organization.undated_unnotified_change"] = bool(undated)
        if undated:
            f["organization.undated_change_kind"] = undated[0]["kind"]
        oldest = min(pending, key=lambda c: c["changed_on"]) if pending else None
        f["organization.unnotified_change_days"] = (as_of - oldest["changed_on"]).days if oldest else 0
        if oldest:
            f["organization.unnotified_change_kind"] = oldest["kind"]
    activity_year = reporting.get("activity_report_year")
    financial_year = reporting.get("financial_report_year")
    if activity_year is not None and financial_year is not None:  # one alone says nothing
        behind = as_of.year - 1 - min(activity_year, financial_year)  # of the other report
        f["organization.annual_report_years_behind"] = max(0, behind)
    february_end = date(as_of.year, 2, monthcal.monthrange(as_of.year, 2)[1])
    f["organization.days_past_february"] = (as_of - february_end).days
    f["organization.days_past_march_31"] = (as_of - date(as_of.year, 3, 31)).days
    f["organization.days_past_20th"] = as_of.day - 20
    donor = [d for d in reporting.get("donor_reports") or [] if d.get("sent_to_donor_on")
             and not d.get("copied_on")]
    if reporting.get("donor_reports") is not None:
        f["organization.donor_report_uncopied_days"] = max(
            ((as_of - d["sent_to_donor_on"]).days for d in donor), default=0)
    funded = org.get("donor_funded")
    if funded is None and (any(a.get("foreign_funded") for a in activities)
                           or reporting.get("donor_reports")):
        funded = True
    f["organization.donor_funded"] = funded
    started = org.get("operations_started_on") or (
        (mou or {}).get("signed_on") if org.get("type", "").startswith("foreign")
        and mou is not ... else reg.get("registered_on"))
    if started:
        f["organization.days_since_operations_started"] = (as_of - started).days
    if tax.get("annual_return_year") is not None:
        f["organization.tax_annual_return_years_behind"] = max(
            0, as_of.year - 1 - tax["annual_return_year"])
    if tax.get("monthly_return_month"):
        year, month = map(int, str(tax["monthly_return_month"]).split("-"))
        due = (as_of.year * 12 + as_of.month - 1) - (year * 12 + month)
        f["organization.tax_monthly_returns_behind"] = max(0, due)
    return {k: v for k, v in f.items() if v is not None}


def activity_facts(a: dict, org: dict, cals: Calendars, unknown: dict | None = None) -> dict:
    """The activity's facts; ``unknown`` (when given) receives fact -> reason for the facts
    lawcheck cannot know (a day the holiday or election calendar does not cover)."""
    unknown = {} if unknown is None else unknown
    loc = a.get("location") or {}
    start_dt, end_dt = _moment(a.get("start")), _moment(a.get("end") or a.get("start"))
    start, end = start_dt.date(), end_dt.date()
    days = [start + timedelta(n) for n in range((end - start).days + 1)] if end >= start else [start]
    security = a.get("security") or {}
    statements = a.get("statements")
    f = {
        "activity.type": a.get("type"), "activity.participants": a.get("participants"),
        "activity.public_space": loc.get("public_space"),
        "activity.open_to_public": a.get("open_to_public"),
        "activity.venue_kind": loc.get("venue_kind"),
        "activity.election_campaign": a.get("election_campaign"),
        "activity.labour_dispute_at_workplace": a.get("labour_dispute_at_workplace"),
        "activity.religious_or_cultural": a.get("religious_or_cultural"),
        "activity.foreign_funded": a.get("foreign_funded"),
        "activity.start_date": start,
        "activity.party_support": a.get("party_support"),
        "activity.campaigns_for_party": a.get("campaigns_for_party"),
        "activity.criticises_party": a.get("criticises_party"),
        "activity.discourages_voting": a.get("discourages_voting"),
        "activity.within_registered_purpose": a.get("within_registered_purpose"),
        "activity.remote_location": loc.get("remote"),
        "activity.risk_assessment_done": security.get("risk_assessment_done"),
        "activity.emergency_contacts": security.get("emergency_contacts"),
        "activity.check_in_plan": security.get("check_in_plan"),
        "activity.night_travel": security.get("night_travel"),
        "activity.front_line_staff_insured": security.get("front_line_staff_insured"),
    }
    f.update(holiday_facts(start, days, cals.holidays, unknown))
    if _has_time(a.get("start")):
        f["activity.start_hour"] = start_dt.hour
    if _has_time(a.get("end")):
        f["activity.end_hour"] = 24 if end > start else end_dt.hour
    elif end > start and _has_time(a.get("start")):
        f["activity.end_hour"] = 24
    if "notification" in a:
        note = a["notification"]
        f["activity.notified"] = bool(note and note.get("notified_on"))
        if note and note.get("notified_on"):
            given = note["notified_on"]
            f["activity.notified_on"] = given
            try:
                f["activity.notice_working_days"] = cals.holidays.working_days_between(
                    given, start)
            except NotCovered as gap:  # never count an unknown day as a working day
                unknown["activity.notice_working_days"] = (
                    f"the working days from {given.isoformat()} to {start.isoformat()} cannot "
                    f"be counted: {gap}")
            # lodged at the end of its day: never overstates the notice
            lodged = datetime.combine(given + timedelta(days=1), datetime.min.time())
            f["activity.notice_hours"] = max(0, int((start_dt - lodged).total_seconds() // 3600))
            f["activity.notice_calendar_days"] = (start - given).days
            f["activity.notice_to_province"] = notice_to_province(note.get("authority"))
    if a.get("topics") is not None:
        f["activity.topics"] = sorted({label for topic in a["topics"]
                                       for label in _labels(topic, cals.topics)})
    if statements is not None or a.get("type") == "social_media_campaign":
        f["activity.online"] = a.get("type") == "social_media_campaign" or online(
            s.get("medium") for s in statements or [])
    if statements is not None:
        f["activity.joint_statement"] = "joint_statement" in {s.get("medium") for s in statements}
        f["activity.staff_speak_publicly"] = "staff" in {s.get("speaker") for s in statements}
    if a.get("partners") is not None:
        f["activity.party_partner"] = any(isinstance(p, dict) and p.get("kind") == "political_party"
                                          for p in a["partners"])
    mou = (org.get("registration") or {}).get("mou") or {}
    written = (loc.get("province") or "").strip()
    if written:
        province = vocabulary.province(written)
        if province is not None:
            f["activity.in_province"] = True
            f["activity.in_capital"] = province == vocabulary.CAPITAL
        if mou.get("provinces"):
            f["activity.province_in_mou"] = (province or written.lower()) in {
                vocabulary.province(p) or p.lower() for p in mou["provinces"]}
    if mou.get("expires_on"):
        f["activity.days_past_mou_expiry"] = (end - mou["expires_on"]).days
    sector = a.get("sector") or org.get("sector")
    if sector and mou.get("sectors"):
        f["activity.sector_in_mou"] = sector in mou["sectors"]
    known, gaps = campaign_facts(days, cals.elections)
    f.update(known)
    unknown.update(gaps)
    return {k: v for k, v in f.items() if v is not None}


def holiday_facts(start: date, days: list[date], holidays: Calendar, unknown: dict) -> dict:
    """activity.starts_on_holiday and .on_protected_holiday, or their reasons in ``unknown``
    when a day lies in a year the holiday calendar does not cover (a weekend start is known
    whatever the year)."""
    facts: dict = {}
    if start.weekday() in holidays.weekend or holidays.covers(start):
        facts["activity.starts_on_holiday"] = not holidays.is_working_day(start)
    else:
        unknown["activity.starts_on_holiday"] = (
            f"whether {start.isoformat()} is a public holiday is not known: "
            + holidays.gap_reason(start))
    known = [d for d in days if holidays.covers(d)]
    if any(holidays.is_protected(d) for d in known):
        facts["activity.on_protected_holiday"] = True
    elif len(known) == len(days):
        facts["activity.on_protected_holiday"] = False
    else:
        unknown["activity.on_protected_holiday"] = (
            "whether the activity falls on a holiday protected by Art 9 is not known: "
            + holidays.gap_reason(*days))
    return facts


# The 2017 letter asks for notice to "the Ministry of Interior or the provincial
# administration" (kh/moi-letter-2017/para-1): a provincial or capital hall, administration,
# authorities or governor, or the Ministry. A provincial line department (health, education)
# is not the administration the letter names; a commune, sangkat, village, district or khan
# alone is below it.
PROVINCE_LEVEL = re.compile(
    r"\bprovinc\w*\s+(?:and\s+\w+\s+)?(?:hall|administration|authorit\w*|governor\w*)\b"
    r"|\bgovernor of [\w\s]*province\b|\b(?:capital|city)\s+(?:hall|administration)\b"
    r"|\bministry of (?:the )?interior\b|\binterior ministry\b|\bmoi\b", re.IGNORECASE)
LOCAL_LEVEL = re.compile(r"\b(?:commune|sangkat|village|district|khan)\b", re.IGNORECASE)


def notice_to_province(authority: str | None) -> bool | None:
    """activity.notice_to_province: whether the notice's ``authority`` (free text: who was
    told) names the Ministry of Interior or a provincial or capital administration (True),
    names only local authorities below it (False), or says neither (None: not known)."""
    text = str(authority or "")
    if PROVINCE_LEVEL.search(text):
        return True
    return False if LOCAL_LEVEL.search(text) else None


# --- the facts activities and statements share --------------------------------------------

def online(media: Iterable[str | None]) -> bool:
    """activity.online and statement.online: whether any of ``media`` puts it online."""
    return any(medium in vocabulary.ONLINE_MEDIA for medium in media)


def campaign_facts(days: list[date], elections: ElectionCalendar,
                   subject: str = "activity") -> tuple[dict, dict]:
    """``<subject>.in_campaign_period`` and ``.campaign_election`` for ``days`` (and an
    activity's ``.days_to_polling_day``), with fact -> reason for each one the election
    calendar cannot give (a day inside an expected window, or beyond the calendar)."""
    return elections.facts(days, subject)


def _labels(topic: str, table: dict[str, list[str]]) -> set[str]:
    text = f" {re.sub(r'[^a-z0-9]+', ' ', str(topic).lower())} "
    found = {label for label, words in table.items()
             if any(f" {w} " in text for w in words)}
    return found or {"other"}


def _moment(value) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    return datetime.fromisoformat(str(value))


def _day(value) -> date:
    return _moment(value).date()


def _has_time(value) -> bool:
    return isinstance(value, datetime) or (isinstance(value, str) and "T" in value)
