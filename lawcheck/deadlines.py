"""The organisation's compliance calendar: its legal deadlines, computed from the
``organization`` section of a plan (or an ``--org`` file) as of a date.

The deadlines are the dated duties the rule base checks, counted the way rules/facts.yaml counts
them (calendar days; the day of the deadline is the last day on time):

- annual activity and financial reports, before the end of February (domestic NGOs to the
  Ministry of Interior and the Ministry of Economy and Finance; foreign NGOs and associations to
  the Ministry of Foreign Affairs and the Ministry of Economy and Finance);
- copies of donor reports to the MoI and MEF, 30 days after each report went to the donor;
- notice of a change of leader, address, statutes or bank account, 15 days after the change;
- the declaration of bank accounts, 30 days after registration (when not declared);
- the expiry of a foreign organisation's MoU;
- monthly tax returns by the 20th of the next month, the annual return by 31 March;
- leaders' asset declarations, by 31 January every two years: the cycle's years and whether NGO
  leaders are asked to declare are not established, so these are listed with status ``check``;
- campaign periods and polling days from rules/calendars/elections.yaml (status ``info``).

Each entry: ``{date, title, what, citation, confidence, status}``, status ``overdue`` (the day
has passed and the plan does not record the duty as done), ``due`` (coming), ``check`` or
``info``. Which rule each kind of deadline belongs to is in :data:`DUTIES`; a test keeps its
citation, confidence and organisation types in step with that rule. Titles never depend on the
check date, so an entry keeps its iCalendar UID from one run to the next.
"""

from __future__ import annotations

import calendar as monthcal
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from lawcheck.errors import OptionError

STATUSES = ("overdue", "due", "check", "info")
DOMESTIC = ("domestic_association", "domestic_ngo")
FOREIGN = ("foreign_ngo", "foreign_association")
TAXED = DOMESTIC + FOREIGN
CHANGE_KINDS = {"leader": "leader (chair or executive director)", "address": "address",
                "statutes": "statutes", "bank_account": "bank account"}
ELECTIONS = {"national_assembly": "National Assembly", "commune_council": "commune council",
             "subnational_council": "capital, provincial and district council"}
CAMPAIGN_TITLES = ("Campaign period of the ", "Expected ")  # entries that open a campaign
REMINDER_DAYS = 7  # the iCalendar reminder before each campaign start
LOOKBACK_YEARS = 10  # overdue annual filings listed at most this far back
LOOKBACK_MONTHS = 36  # overdue monthly tax returns listed at most this far back
#: What the notice rules of the Law on Peaceful Demonstration check (rules/kh/
#: peaceful-demonstration.yaml; a test keeps these in step with the rules): the activity types
#: that are demonstrations, the working days of notice (Art 7), and the short-notice route of
#: Art 14 (places, participant ceiling, hours ahead on a working day and on a holiday).
DEMONSTRATIONS = ("assembly", "march", "rally", "vigil", "strike")
NOTICE_WORKING_DAYS = 5
SHORT_NOTICE_VENUES = ("designated_expression_place", "private_property_with_consent")
SHORT_NOTICE_PARTICIPANTS = 200
SHORT_NOTICE_HOURS = (12, 36)
SOON_DAYS = 30  # a report leads with what is overdue and what falls due within these days


@dataclass(frozen=True)
class Duty:
    """A kind of deadline: the rule that checks it, the provision that sets its date, the
    confidence of that rule, and the organisation types it binds (empty: every type)."""

    rule: str
    citation: str
    confidence: str
    org_types: tuple[str, ...] = ()


DUTIES = {
    "annual-reports-domestic": Duty("kh.reporting.annual.domestic",
                                    "kh/lango-2015/art-25/para-1", "likely", ("domestic_ngo",)),
    "annual-reports-foreign": Duty("kh.reporting.annual.foreign", "kh/lango-2015", "confirmed",
                                   FOREIGN),
    "donor-copy": Duty("kh.reporting.donor-copies", "kh/lango-2015/art-25/para-2", "likely",
                       ("domestic_ngo",)),
    "change-notice": Duty("kh.change.not-notified", "kh/moi-notification-122-2024/para-2",
                          "likely", DOMESTIC),
    "bank-accounts": Duty("kh.change.bank-accounts-undeclared", "kh/lango-2015/art-10/para-1",
                          "confirmed", DOMESTIC),
    "mou-expiry": Duty("kh.mou.expired", "kh/lango-2015/art-34", "likely", FOREIGN),
    "tax-monthly": Duty("kh.tax.monthly-return.late", "kh/taxation-2023", "likely", TAXED),
    "tax-annual": Duty("kh.tax.annual-return.late", "kh/taxation-2023", "likely", TAXED),
    "asset-declaration": Duty("kh.reporting.asset-declaration.advisory",
                              "kh/anti-corruption-law-2010/art-18", "uncertain"),
    "asset-declaration-notified": Duty("kh.reporting.asset-declaration.after-acu-notice",
                                       "kh/anti-corruption-law-2010/art-18", "confirmed"),
    "demonstration-notice": Duty("kh.assembly.notice.late",
                                 "kh/peaceful-demonstration-2009/art-7", "likely"),
    "short-notice": Duty("kh.assembly.short-notice.late",
                         "kh/peaceful-demonstration-2009/art-14/para-1", "likely"),
    "campaign-national": Duty("kh.election.campaign.criticism", "kh/lemna-2015", "likely"),
    "campaign-other": Duty("kh.lango.neutrality.campaigning", "kh/lango-2015/art-24",
                           "confirmed"),
}


@dataclass(frozen=True)
class Deadline:
    date: date
    title: str
    what: str
    citation: str
    confidence: str
    status: str

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(), "title": self.title, "what": self.what,
                "citation": self.citation, "confidence": self.confidence,
                "status": self.status}


# --- computing -----------------------------------------------------------------------------

def compliance_calendar(org: str | Path, *, as_of: str | date | None = None,
                        start: str | date | None = None,
                        end: str | date | None = None, plan: str | Path | None = None) -> dict:
    """Load the organisation at ``org`` and list its deadlines (see :func:`deadlines`). With
    ``plan`` (or when ``org`` is a whole plan), its activities' own deadlines too."""
    from lawcheck.derive import load_calendars
    from lawcheck.ingest import parse_date
    from lawcheck.settings import rules_dir

    day = parse_date(as_of, "--as-of date") or date.today()
    first = parse_date(start, "--from date") or day
    last = parse_date(end, "--to date") or first + timedelta(days=365)
    if last < first:
        raise OptionError(f"--to {last.isoformat()} is before --from {first.isoformat()}",
                          code="LC220", fix="give a --to date on or after --from")
    from lawcheck.plan import load_organization

    activities: list = []
    if plan is not None:
        from lawcheck.plan import load_plan

        loaded = load_plan(Path(plan), Path(org) if org is not None else None)
        organization, activities = loaded.organization, list(loaded.activities)
    else:
        organization = load_organization(org) if org is not None else None
        activities = _plan_activities(org) if org is not None else []
    cals = load_calendars(rules_dir())
    entries, caveats = deadlines(organization or {}, day, cals, first, last,
                                 only_elections=organization is None, activities=activities)
    coming = coming_elections(cals.elections, first)
    return {"organization": (organization or {}).get("name"),
            "type": (organization or {}).get("type"),
            "source": str(org) if org is not None else None, "as_of": day.isoformat(),
            "from": first.isoformat(), "to": last.isoformat(),
            "deadlines": [e.to_dict() for e in entries],
            "elections": [e.to_dict() for e in coming],
            "election_calendar": {
                "complete_from": _iso(cals.elections.complete_from),
                "complete_through": _iso(cals.elections.complete_through),
                "source": "rules/calendars/elections.yaml"},
            "caveats": caveats}


def _plan_activities(path) -> list:
    """The activities of ``path`` when it is a whole YAML or JSON plan (an organisation file
    has none), loaded and checked as ``lawcheck check`` loads them."""
    from lawcheck import yamlio
    from lawcheck.plan import load_plan

    if Path(path).suffix.lower() not in (".yaml", ".yml", ".json"):
        return []
    try:
        data = yamlio.load(Path(path))
    except Exception:  # noqa: BLE001 - load_organization has already judged the file
        return []
    if not isinstance(data, dict) or not data.get("activities"):
        return []
    return list(load_plan(Path(path)).activities)


def coming_elections(elections, first: date) -> list:
    """Every election of the calendar not over by ``first`` (its polling day, or the end of its
    expected window, on or after it), soonest first."""
    return [e for e in elections
            if (e.polling_day or (e.window[1] if e.window else date.min)) >= first]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def deadlines(org: dict, as_of: date, cals, start: date | None = None,
              end: date | None = None, *, only_elections: bool = False,
              activities=()) -> tuple[list[Deadline], list[str]]:
    """(entries, caveats). Entries dated from ``start`` to ``end`` (inclusive; default: as_of
    and a year later), plus every overdue one whatever its date, sorted by date. With
    ``only_elections`` (no organisation given) only the election entries."""
    start = start or as_of
    end = end or start + timedelta(days=365)
    kind = org.get("type")
    reg = org.get("registration") or {}
    reporting = org.get("reporting") or {}
    tax = org.get("tax") or {}
    found: list[Deadline] = []
    caveats: list[str] = []

    def add(duty: str, day: date, title: str, what: str, status: str | None = None,
            confidence: str | None = None, listed: bool = False) -> None:
        d = DUTIES[duty]
        if status is None:
            status = "overdue" if as_of > day else "due"
            what = what + _working_day_note(day, cals)
        if listed or status == "overdue" or start <= day <= end:
            found.append(Deadline(day, title, what, d.citation, confidence or d.confidence,
                                  status))

    def binds(duty: str) -> bool:
        return not DUTIES[duty].org_types or kind in DUTIES[duty].org_types

    if only_elections:
        _election_entries(cals, start, end, add)
        found.sort(key=lambda e: (e.date, STATUSES.index(e.status), e.title))
        return found, caveats + cals.caveats([start])

    # annual reports, before the end of February for the previous year
    duty = ("annual-reports-domestic" if binds("annual-reports-domestic") else
            "annual-reports-foreign" if binds("annual-reports-foreign") else None)
    if duty:
        years = {k: reporting.get(f"{k}_report_year") for k in ("activity", "financial")}
        known = [y for y in years.values() if y is not None]
        done = min(known) if known else None
        to = ("the Ministry of Interior and the Ministry of Economy and Finance"
              if duty.endswith("domestic") else
              "the Ministry of Foreign Affairs and International Cooperation and the Ministry "
              "of Economy and Finance")
        short = "MoI, MEF" if duty.endswith("domestic") else "MoFAIC, MEF"
        for year in _years(done, start, end, as_of):
            day = _february_end(year)
            if day < as_of and done is None:
                continue
            missing = [k for k, y in years.items() if y is None or y < year - 1]
            which = (f"activity and financial reports for {year - 1}" if len(missing) != 1
                     else f"{missing[0]} report for {year - 1} (the "
                     f"{'financial' if missing[0] == 'activity' else 'activity'} report is "
                     "recorded as sent)")
            add(duty, day, f"Annual activity and financial reports for {year - 1} ({short})",
                f"Send the annual {which} to {to} before the end of February "
                f"{year} (the last day is {_long(day)}), and keep the stamped receipts.")
        if done is None:
            caveats.append("The organisation's file gives no activity_report_year or "
                           "financial_report_year: past annual reports are not checked, only "
                           "the coming deadlines are listed.")
        elif len(known) == 1:
            given = next(k for k, y in years.items() if y is not None)
            caveats.append(f"The organisation's file gives only the {given}_report_year: the "
                           "other annual report is taken to be as far along (as the rules "
                           "take it); check that it was sent.")

    # copies of donor reports, 30 days after each went to the donor
    if binds("donor-copy"):
        for report in reporting.get("donor_reports") or []:
            sent = report.get("sent_to_donor_on")
            if sent and not report.get("copied_on"):
                donor = report.get("donor") or "a donor"
                add("donor-copy", sent + timedelta(days=30),
                    f"Copy of the report given to {donor} on {sent.isoformat()} (MoI, MEF)",
                    f"Send the Ministry of Interior and the Ministry of Economy and Finance a "
                    f"copy of the report given to {donor} on {_long(sent)}, with the project or "
                    f"financing agreement, within 30 days of giving it (by "
                    f"{_long(sent + timedelta(days=30))}).")

    # changes to notify, 15 days after each change
    if binds("change-notice"):
        for change in org.get("changes") or []:
            what, on = change.get("kind"), change.get("changed_on")
            if what not in CHANGE_KINDS or not on or change.get("notified_on"):
                continue
            to = "the Ministry of Interior" + (
                " and the Ministry of Economy and Finance" if what == "bank_account" else "")
            due = on + timedelta(days=15)
            add("change-notice", due, f"Notice of the change of {CHANGE_KINDS[what]} of "
                f"{on.isoformat()} to {to}",
                f"Tell {to} in writing of the change of {CHANGE_KINDS[what]} made on "
                f"{_long(on)}, with the supporting documents, within 15 days of the change "
                f"(by {_long(due)}), and keep the stamped receipt.")

    # bank accounts, 30 days after registration
    registered_on = reg.get("registered_on")
    if binds("bank-accounts") and org.get("bank_accounts_declared") is False and registered_on:
        due = registered_on + timedelta(days=30)
        add("bank-accounts", due, "Declaration of the bank accounts used in Cambodia (MoI, MEF)",
            "Tell the Ministry of Interior and the Ministry of Economy and Finance in writing "
            "which bank accounts the organisation uses in Cambodia, within 30 days of its "
            f"registration on {_long(registered_on)} (by {_long(due)}).")

    # the MoU of a foreign organisation
    mou = reg.get("mou") or {}
    if binds("mou-expiry") and mou.get("expires_on"):
        expires = mou["expires_on"]
        add("mou-expiry", expires, "Memorandum of understanding with the Ministry of Foreign "
            "Affairs expires",
            f"The MoU{' signed on ' + _long(mou['signed_on']) if mou.get('signed_on') else ''} "
            f"expires on {_long(expires)}: activities after that day are not covered, and the "
            "authorities may stop at once the activities of a foreign organisation operating "
            "without an MoU. Have the renewal signed before then.")

    # tax returns
    if binds("tax-monthly") and org.get("tax_registered") is True:
        filed = _month(tax.get("monthly_return_month"))
        for year, month in _months(filed, start, end, as_of):
            day = date(year, month, 20)
            if day < as_of and filed is None:
                continue
            ry, rm = (year, month - 1) if month > 1 else (year - 1, 12)
            add("tax-monthly", day, f"Monthly tax return for {monthcal.month_name[rm]} {ry} "
                "(GDT)", f"File the monthly tax return for {monthcal.month_name[rm]} {ry} with "
                f"the General Department of Taxation by {_long(day)} (by the 25th when filed "
                "online).")
        done = tax.get("annual_return_year")
        for year in _years(done, start, end, as_of):
            day = date(year, 3, 31)
            if day < as_of and done is None:
                continue
            add("tax-annual", day, f"Annual tax return for {year - 1} (GDT)",
                f"File the annual tax return for {year - 1} with the General Department of "
                f"Taxation by {_long(day)}.")
        if filed is None or done is None:
            caveats.append("The organisation's file does not say which monthly or annual tax "
                           "returns were filed (tax.monthly_return_month, "
                           "tax.annual_return_year): past returns are not checked, only the "
                           "coming deadlines are listed.")

    # leaders' asset declarations: the two-year cycle is not established
    notified = org.get("acu_written_notice") is True
    for year in range(start.year, end.year + 1):
        day = date(year, 1, 31)
        add("asset-declaration-notified" if notified else "asset-declaration", day,
            "Leaders' asset declarations (Anti-Corruption Law): check whether due",
            "The Anti-Corruption Law asks leaders of civil society to declare their assets and "
            "liabilities every two years, by 31 January; which years form the cycle is not "
            "established. "
            + ("The Anti-Corruption Unit has informed the leaders in writing, so the duty "
               "applies to them: ask the Unit whether a declaration is due this year."
               if notified else
               "Whether NGO leaders are asked to declare in practice is not established "
               "either: ask a lawyer, and watch for a letter from the Anti-Corruption Unit."),
            status="check")

    _activity_entries(activities, as_of, cals, add)
    _election_entries(cals, start, end, add)

    caveats.extend(cals.caveats([e.date for e in found if e.status in ("due", "overdue")]
                                or [start]))
    found.sort(key=lambda e: (e.date, STATUSES.index(e.status), e.title))
    return found, caveats


def _hall(activity: dict) -> str:
    province = str((activity.get("location") or {}).get("province") or "").strip()
    if not province:
        return "the Capital or Provincial Hall"
    if province.lower() == "phnom penh":
        return "the Phnom Penh Capital Hall"
    return f"the {province} Provincial Hall"


def _activity_entries(activities, as_of: date, cals, add) -> None:
    """The notice lodge-by date of each demonstration in a public place that the plan does not
    record as notified, and that has not started yet: the last working day that still leaves
    NOTICE_WORKING_DAYS working days before the start, counted as activity.notice_working_days
    is (neither the day of notice nor the day of the demonstration counts); for a gathering
    under the short-notice route of Art 14, the last day that still gives its hours as
    activity.notice_hours counts them (a notice counts from the end of its day)."""
    from lawcheck.calendar import NotCovered
    from lawcheck.derive import _has_time, _moment

    for a in activities:
        location = a.get("location") or {}
        kind = a.get("type")
        if kind not in DEMONSTRATIONS or a.get("start") is None:
            continue
        note = a.get("notification")
        if note and note.get("notified_on"):
            continue  # lodged: the notice rules judge whether it was in time
        begins = _moment(a["start"])
        if begins.date() < as_of:
            continue
        name = f"{kind} {a.get('id')}" + (f" ({a['title']})" if a.get("title") else "")
        when = _long(begins.date()) + (f" at {begins:%H:%M}" if _has_time(a["start"]) else "")
        unsaid = ("" if "notification" in a else " The plan does not say whether notice was "
                  "given (add its notification); until it does, take this date as the one to "
                  "keep.")
        participants = a.get("participants")
        if (location.get("venue_kind") in SHORT_NOTICE_VENUES and participants is not None
                and participants <= SHORT_NOTICE_PARTICIPANTS):
            day, hours = begins.date(), SHORT_NOTICE_HOURS[0]
            if day.weekday() in cals.holidays.weekend or not cals.holidays.covers(day) \
                    or cals.holidays.is_holiday(day):
                hours = SHORT_NOTICE_HOURS[1]  # a holiday, or not known not to be one
            last = (begins - timedelta(hours=hours)).date() - timedelta(days=1)
            add("short-notice", last, f"Short-notice note for the {name} of "
                f"{begins.date().isoformat()} to {_hall(a)}",
                f"Lodge the signed note for the {name} (with three leaders' ID card copies) "
                f"with {_hall(a)} by {_long(last)}: it must reach the authority {hours} hours "
                f"before the start on {when} (36 hours when that day is a weekend or public "
                "holiday), and lawcheck counts a note from the end of the day it is lodged. "
                "Keep the receipt." + unsaid)
            continue
        if location.get("public_space") is not True:
            continue  # the notice rules ask the plan about the place (see "Not checked")
        title = (f"Notice of the {name} of {begins.date().isoformat()} to {_hall(a)}")
        try:
            last = _lodge_by(begins.date(), cals.holidays)
        except NotCovered as gap:
            add("demonstration-notice", begins.date(), title,
                f"Lodge the written notice of the {name} with {_hall(a)} at least "
                f"{NOTICE_WORKING_DAYS} working days before {when}; lawcheck cannot give the "
                f"last day: {gap}. Lodge it as early as possible." + unsaid, status="check")
            continue
        late = (" That day has passed: move the date, or use the short-notice route of "
                "Article 14 where it fits." if as_of > last else "")
        add("demonstration-notice", last, title,
            f"Lodge the written notice of the {name} with {_hall(a)} by {_long(last)}: "
            f"{NOTICE_WORKING_DAYS} working days must lie between the notice and {when} "
            "(neither day counts, nor weekends or public holidays). Keep the stamped receipt."
            + late + unsaid)


def _lodge_by(start: date, holidays) -> date:
    """The last working day from which NOTICE_WORKING_DAYS working days lie strictly between
    it and ``start`` (raises NotCovered when a day to count is in a year the calendar does not
    cover)."""
    day, counted = start, 0
    while counted < NOTICE_WORKING_DAYS:
        day -= timedelta(days=1)
        counted += holidays.is_working_day(day)
    day -= timedelta(days=1)  # the notice day itself does not count
    while not holidays.is_working_day(day):
        day -= timedelta(days=1)
    return day


def _election_entries(cals, start: date, end: date, add) -> None:
    """Campaign periods (or, for an election without a date, the span its campaign may
    cover) and polling days, status ``info``."""
    neutral = ("Political neutrality matters most then: no support for, criticism of or "
               "campaigning with a party or candidate, and no call to abstain.")
    for election in cals.elections:
        label = ELECTIONS.get(election.kind, election.label)
        duty = "campaign-national" if election.kind == "national_assembly" \
            else "campaign-other"
        poll = election.polling_day
        if election.campaign:
            first, last = election.campaign
            if first <= end and last >= start:
                how = (" These dates are computed from the polling day and the campaign "
                       f"length of past {label} elections ({election.campaign_confidence}); "
                       "check the National Election Committee's announcement."
                       if election.campaign_computed else "")
                add(duty, first, f"Campaign period of the {label} election ({first.isoformat()} "
                    f"to {last.isoformat()})", f"The official campaign runs from {_long(first)} "
                    f"to {_long(last)}.{how} " + neutral, status="info", listed=True,
                    confidence=_weaker(DUTIES[duty].confidence, election.campaign_confidence))
        elif election.possible and election.possible[0] <= end and election.possible[1] >= start:
            first, last = election.possible
            add(duty, first, f"Expected {label} election (polling between "
                f"{election.window[0].isoformat()} and {election.window[1].isoformat()}, "
                "not announced)",
                f"The {label} election is {election.when()}; no polling day is announced, so "
                f"its campaign may fall anywhere from {_long(first)} to {_long(last)}. lawcheck "
                "treats election-campaign checks in that span as not checked until the date is "
                "fixed. " + neutral, status="info", listed=True,
                confidence=_weaker(DUTIES[duty].confidence, election.confidence))
        if poll and start <= poll <= end:
            add(duty, poll, f"Polling day of the {label} election ({poll.isoformat()})",
                f"Polling day: {_long(poll)}"
                + (" (announced, not yet held)" if election.status == "expected" else "")
                + ". Avoid gatherings and statements about parties around it.", status="info",
                confidence=_weaker(DUTIES[duty].confidence, election.confidence))


def _weaker(a: str, b: str | None) -> str:
    order = ("confirmed", "likely", "uncertain")
    return a if b not in order or order.index(a) >= order.index(b) else b


def _years(done: int | None, start: date, end: date, as_of: date):
    """Years whose filing (for the year before) to list: every unfiled one from the year after
    the latest filed (looking back at most LOOKBACK_YEARS), to ``end``'s year."""
    first = start.year
    if done is not None:
        first = min(first, max(done + 2, as_of.year - LOOKBACK_YEARS))
    for year in range(first, end.year + 1):
        if done is not None and year - 1 <= done:
            continue
        yield year


def _months(filed: tuple[int, int] | None, start: date, end: date, as_of: date):
    """(year, month) of each 20th to list: each month after the one whose return (for the
    month before) is the latest filed, looking back at most LOOKBACK_MONTHS."""
    def index(y, m):
        return y * 12 + m - 1

    first = index(start.year, start.month)
    if filed is not None:
        first = min(first, max(index(*filed) + 2, index(as_of.year, as_of.month)
                               - LOOKBACK_MONTHS))
    for n in range(first, index(end.year, end.month) + 1):
        if filed is not None and n - 1 <= index(*filed):
            continue
        yield divmod(n, 12)[0], divmod(n, 12)[1] + 1


def _month(value) -> tuple[int, int] | None:
    if not value:
        return None
    year, month = map(int, str(value).split("-")[:2])
    return year, month


def _february_end(year: int) -> date:
    return date(year, 2, monthcal.monthrange(year, 2)[1])


def _long(day: date) -> str:
    return f"{day.day} {monthcal.month_name[day.month]} {day.year}"


def _working_day_note(day: date, cals) -> str:
    holidays = cals.holidays
    if day.weekday() not in holidays.weekend and not holidays.covers(day):
        return (f" Whether {_long(day)} is a working day is not known (the public holidays of "
                f"{day.year} are not in lawcheck's calendar yet): file by the working day "
                "before if it turns out to be a holiday.")
    if holidays.is_working_day(day):
        return ""
    why = holidays.holidays.get(day) or monthcal.day_name[day.weekday()]
    return (f" {_long(day)} is not a working day ({why}): whether the deadline moves is not "
            "established, so file by the working day before.")


# --- rendering -----------------------------------------------------------------------------

def render_text(cal: dict, width: int = 100) -> str:
    import textwrap

    head = (f"Compliance calendar: {cal['organization']} ({cal['type']})"
            if cal.get("source") is not None else
            "Election calendar (no organisation given: only elections are listed)")
    lines = [head,
             f"As of {cal['as_of']}; deadlines from {cal['from']} to {cal['to']}, and every "
             "overdue one.",
             "lawcheck lists legal deadlines to help plan work; it is not legal advice.", ""]
    if not cal["deadlines"]:
        lines.append("No deadline in this period.")
    indent = " " * 20
    for e in cal["deadlines"]:
        lines.append(f"{e['status'].upper():<8}{e['date']}  {e['title']}")
        lines += textwrap.wrap(e["what"], width, initial_indent=indent, subsequent_indent=indent)
        lines.append(f"{indent}Legal basis: {e['citation']} ({e['confidence']})")
    if cal.get("elections") is not None:
        lines += ["", "Coming elections"]
        lines += textwrap.wrap(election_summary(cal), width, initial_indent="  ",
                               subsequent_indent="  ")
        for e in cal["elections"]:
            lines.append("")
            title = e["title"][:1].upper() + e["title"][1:]
            lines += textwrap.wrap(f"{title}: {_when(e)}", width, initial_indent="  ",
                                   subsequent_indent="    ")
            for line in _election_lines(e):
                lines += textwrap.wrap(line, width, initial_indent="    ",
                                       subsequent_indent="      ")
    if cal["caveats"]:
        lines += ["", "Caveats"]
        for note in cal["caveats"]:
            lines += textwrap.wrap(note, width, initial_indent="  ! ",
                                   subsequent_indent="    ")
    return "\n".join(lines) + "\n"


def election_summary(cal: dict) -> str:
    cover = cal.get("election_calendar") or {}
    return (f"Every election from {cal['from']} to {cover.get('complete_through')} (the end "
            f"of the election calendar, {cover.get('source')}); after that, whether an "
            "election campaign is on is unknown. Campaign periods are the National Election "
            "Committee's where announced, otherwise computed from the polling day, or, while "
            "no polling day is fixed, the span the campaign may cover.")


def _when(e: dict) -> str:
    if e.get("polling_day"):
        day = date.fromisoformat(e["polling_day"])
        return f"polling day {_long(day)} ({e['status']}, {e['confidence']})"
    window = e.get("polling_window") or {}
    return (f"expected between {window.get('from')} and {window.get('to')}, no polling day "
            f"announced ({e['status']}, {e['confidence']})")


def _election_lines(e: dict) -> list[str]:
    out = []
    campaign, possible = e.get("campaign"), e.get("campaign_possible")
    if campaign:
        how = ("computed from the polling day and the length of past campaigns"
               if campaign["computed"] else "as announced")
        out.append(f"Campaign: {campaign['start']} to {campaign['end']} ({how}; "
                   f"{campaign['confidence']}).")
    elif possible:
        out.append(f"Campaign: not known; it may fall anywhere from {possible['from']} to "
                   f"{possible['to']}, where election-campaign checks are listed as not "
                   "checked.")
    out.append(f"Source: {e['source']}")
    return out


def render_json(cal: dict) -> str:
    import json

    return json.dumps(cal, ensure_ascii=False, indent=2) + "\n"


def render_ics(cal: dict, *, clock: datetime | None = None) -> str:
    """The deadlines as an RFC 5545 iCalendar: one all-day VEVENT each, UIDs from the content
    (stable across runs and check dates), DTSTAMP from ``clock``, CRLF line endings, lines
    folded at 75 octets."""
    from lawcheck import __version__

    moment = (clock or datetime.now(timezone.utc)).astimezone(timezone.utc)
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    name = cal.get("organization") or ""
    calname = f"Compliance deadlines: {name}" if name else "Cambodian elections (lawcheck)"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//lawcheck//lawcheck {__version__}//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(calname)]
    for e in cal["deadlines"]:
        day = date.fromisoformat(e["date"])
        uid = hashlib.sha256("\0".join((name, e["date"], e["title"], e["citation"]))
                             .encode("utf-8")).hexdigest()[:32]
        description = (f"{e['status'].upper()}: {e['what']}\n\nLegal basis: {e['citation']} "
                       f"(confidence: {e['confidence']}). Listed by lawcheck; not legal advice.")
        lines += ["BEGIN:VEVENT", f"UID:{uid}@lawcheck", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
                  "SUMMARY:" + escape(e["title"]), "DESCRIPTION:" + escape(description),
                  "CATEGORIES:" + escape(e["status"].upper()), "TRANSP:TRANSPARENT"]
        # a reminder a week ahead: before a campaign starts, and before each duty still due
        # (an overdue one is listed as it stands; a reminder in the past would never show)
        if e["title"].startswith(CAMPAIGN_TITLES) or e["status"] == "due":
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY",
                      f"TRIGGER:-P{REMINDER_DAYS}D",
                      "DESCRIPTION:" + escape(f"In {REMINDER_DAYS} days: {e['title']}")
                      , "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line so that no physical line exceeds ``limit`` octets (UTF-8), never
    splitting a character; continuation lines start with one space, which counts."""
    parts, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        room = limit if not parts else limit - 1
        if size + octets > room:
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)
