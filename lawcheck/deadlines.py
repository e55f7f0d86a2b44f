"""The organisation's compliance calendar: its legal deadlines, computed from the
``organization`` section of a plan (or an ``--org`` file) as of a date.

What the deadlines are is legal data in the rule files: each dated rule has a ``deadline:``
block (docs/rules-deadlines.md) giving the anchor the date counts from, the offset (a number
read from a rule parameter, which ``rules lint`` checks against the cited provision's text),
the provision that sets the date and the words of the entry. The rule gives the entry its
confidence and the organisation types it binds. This module only enumerates the anchors (each
change, each donor report, each year's filing day, each demonstration, each election) and
counts the dates, the way rules/facts.yaml counts them (calendar days; the day of the deadline
is the last day on time; working days with the holiday calendar).

Each entry: ``{date, title, what, citation, confidence, status}``, status ``overdue`` (the day
has passed and the plan does not record the duty as done), ``due`` (coming), ``check`` or
``info``. Titles never depend on the check date, so an entry keeps its iCalendar UID from one
run to the next. Rendering is in :mod:`lawcheck.report.calendar`.
"""

from __future__ import annotations

import calendar as monthcal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from lawcheck.errors import OptionError
from lawcheck.rulebase.model import ANCHORS, DeadlineSpec, Rule
from lawcheck.vocabulary import CONFIDENCE, DEMONSTRATIONS

STATUSES = ("overdue", "due", "check", "info")
CHANGE_KINDS = {"leader": "leader (chair or executive director)", "address": "address",
                "statutes": "statutes", "bank_account": "bank account"}
ELECTIONS = {"national_assembly": "National Assembly", "commune_council": "commune council",
             "subnational_council": "capital, provincial and district council"}
LOOKBACK_YEARS = 10  # overdue annual filings listed at most this far back
LOOKBACK_MONTHS = 36  # overdue monthly tax returns listed at most this far back
#: Which activities the notice entries are for, as the notice rules of the Law on Peaceful
#: Demonstration select them (rules/kh/peaceful-demonstration.yaml; tests/test_act_by.py keeps
#: these in step with the rules' conditions and parameters): the activity types that are
#: demonstrations and the short-notice route of Art 14 (places, participant ceiling). The
#: working days and hours of notice come from the rules' deadline blocks.
NOTICE_WORKING_DAYS = 5
SHORT_NOTICE_VENUES = ("designated_expression_place", "private_property_with_consent")
SHORT_NOTICE_PARTICIPANTS = 200
SHORT_NOTICE_HOURS = (12, 36)
SOON_DAYS = 30  # a report leads with what is overdue and what falls due within these days
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)\}")


@dataclass(frozen=True)
class Duty:
    """A kind of deadline: the rule that checks it, the provision that sets its date, the
    confidence of that rule, and the organisation types it binds (empty: every type)."""

    rule: str
    citation: str
    confidence: str
    org_types: tuple[str, ...] = ()


def duties(rulebase=None) -> dict[str, Duty]:
    """Each anchor's duty (the block without a ``case``, else the first), from the rules."""
    found: dict[str, Duty] = {}
    for anchor, blocks in _blocks(rulebase).items():
        rule, spec = min(blocks, key=lambda b: bool(b[1].case))
        found[anchor] = Duty(rule.id, spec.citation, rule.confidence, rule.org_types)
    return found


def __getattr__(name: str):
    if name == "DUTIES":  # api.check reads the demonstration notice's citation through it
        return duties()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def _blocks(rulebase=None) -> dict[str, list[tuple[Rule, DeadlineSpec]]]:
    """anchor -> [(rule, its deadline block)], in rule-file order."""
    if rulebase is None:
        from lawcheck.rulebase.loader import load
        from lawcheck.settings import rules_dir

        rulebase = load(rules_dir())
    found: dict[str, list] = {}
    for rule in rulebase.rules:
        if rule.deadline is not None:
            found.setdefault(rule.deadline.anchor, []).append((rule, rule.deadline))
    return found


class _Listing:
    """The entries being listed: which rules bind the organisation, and ``add``."""

    def __init__(self, org: dict, as_of: date, start: date, end: date, cals, blocks):
        self.org, self.as_of, self.start, self.end, self.cals = org, as_of, start, end, cals
        self.blocks = blocks
        self.found: list[Deadline] = []
        self.caveats: list[str] = []

    def bound(self, anchor: str, case: str = "") -> list[tuple[Rule, DeadlineSpec]]:
        """The blocks of ``anchor`` whose rule binds the organisation's type; of those, the
        ones for ``case`` if any, else those without a case."""
        kind = self.org.get("type")
        everyone = ANCHORS[anchor].everyone
        blocks = [(r, s) for r, s in self.blocks.get(anchor, [])
                  if everyone or not r.org_types or kind in r.org_types]
        chosen = [(r, s) for r, s in blocks if s.case == case]
        return chosen or [(r, s) for r, s in blocks if not s.case]

    def add(self, rule: Rule, spec: DeadlineSpec, day: date, values: dict, *,
            variant: str = "", notes=(), status: str | None = None,
            confidence: str | None = None, listed: bool = False) -> None:
        title, text = spec.wording(variant)
        values = {**{k: str(v) for k, v in spec.offsets}, **values}
        for name, note in spec.notes:
            values[f"note.{name}"] = " " + _fill(note, values) if name in notes else ""
        what = _fill(text, values)
        if status is None:
            status = "overdue" if self.as_of > day else "due"
            what = what + _working_day_note(day, self.cals)
        if listed or status == "overdue" or self.start <= day <= self.end:
            self.found.append(Deadline(day, _fill(title, values), what, spec.citation,
                                       confidence or rule.confidence, status))


def _fill(template: str, values: dict) -> str:
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)


def deadlines(org: dict, as_of: date, cals, start: date | None = None,
              end: date | None = None, *, only_elections: bool = False,
              activities=(), rulebase=None) -> tuple[list[Deadline], list[str]]:
    """(entries, caveats). Entries dated from ``start`` to ``end`` (inclusive; default: as_of
    and a year later), plus every overdue one whatever its date, sorted by date. With
    ``only_elections`` (no organisation given) only the election entries. ``rulebase``: the
    rules whose deadline blocks to list (default: the shipped rules)."""
    start = start or as_of
    end = end or start + timedelta(days=365)
    listing = _Listing(org, as_of, start, end, cals, _blocks(rulebase))
    if only_elections:
        _election_entries(listing)
        listing.found.sort(key=lambda e: (e.date, STATUSES.index(e.status), e.title))
        return listing.found, listing.caveats + cals.caveats([start])
    for entries in (_annual_reports, _donor_copies, _changes, _bank_accounts, _mou, _tax,
                    _asset_declarations):
        entries(listing)
    _activity_entries(listing, activities)
    _election_entries(listing)
    found = listing.found
    caveats = listing.caveats + cals.caveats([e.date for e in found
                                              if e.status in ("due", "overdue")] or [start])
    found.sort(key=lambda e: (e.date, STATUSES.index(e.status), e.title))
    return found, caveats


def _annual_reports(listing: _Listing) -> None:
    """Each year's activity and financial reports, for the year before."""
    bound = listing.bound("annual-reports")
    if not bound:
        return
    reporting = listing.org.get("reporting") or {}
    years = {k: reporting.get(f"{k}_report_year") for k in ("activity", "financial")}
    known = [y for y in years.values() if y is not None]
    done = min(known) if known else None
    for rule, spec in bound:
        for year in _years(done, listing.start, listing.end, listing.as_of):
            day = _yearly(spec.day, year)
            if day < listing.as_of and done is None:
                continue
            missing = [k for k, y in years.items() if y is None or y < year - 1]
            reports = (f"activity and financial reports for {year - 1}" if len(missing) != 1
                       else f"{missing[0]} report for {year - 1} (the "
                       f"{'financial' if missing[0] == 'activity' else 'activity'} report is "
                       "recorded as sent)")
            listing.add(rule, spec, day, {"year": year, "prior": year - 1, "reports": reports,
                                          "due_long": _long(day)})
    if done is None:
        listing.caveats.append("The organisation's file gives no activity_report_year or "
                               "financial_report_year: past annual reports are not checked, "
                               "only the coming deadlines are listed.")
    elif len(known) == 1:
        given = next(k for k, y in years.items() if y is not None)
        listing.caveats.append(f"The organisation's file gives only the {given}_report_year: "
                               "the other annual report is taken to be as far along (as the "
                               "rules take it); check that it was sent.")


def _donor_copies(listing: _Listing) -> None:
    """A copy of each report given to a donor and not yet copied to the ministries."""
    for rule, spec in listing.bound("donor-reports"):
        for report in (listing.org.get("reporting") or {}).get("donor_reports") or []:
            sent = report.get("sent_to_donor_on")
            if sent and not report.get("copied_on"):
                due = sent + timedelta(days=spec.offset("days"))
                listing.add(rule, spec, due, {
                    "donor": report.get("donor") or "a donor", "sent": sent.isoformat(),
                    "sent_long": _long(sent), "due_long": _long(due)})


def _changes(listing: _Listing) -> None:
    """The notice of each change not yet notified."""
    for rule, spec in listing.bound("changes"):
        for change in listing.org.get("changes") or []:
            what, on = change.get("kind"), change.get("changed_on")
            if what not in CHANGE_KINDS or not on or change.get("notified_on"):
                continue
            due = on + timedelta(days=spec.offset("days"))
            listing.add(rule, spec, due, {
                "change": CHANGE_KINDS[what], "changed_on": on.isoformat(),
                "changed_on_long": _long(on), "due_long": _long(due)},
                variant="bank_account" if what == "bank_account" else "")


def _bank_accounts(listing: _Listing) -> None:
    """The declaration of bank accounts after registration, while not declared."""
    registered_on = (listing.org.get("registration") or {}).get("registered_on")
    if listing.org.get("bank_accounts_declared") is not False or not registered_on:
        return
    for rule, spec in listing.bound("registration"):
        due = registered_on + timedelta(days=spec.offset("days"))
        listing.add(rule, spec, due, {"registered_on_long": _long(registered_on),
                                      "due_long": _long(due)})


def _mou(listing: _Listing) -> None:
    """The expiry of a foreign organisation's MoU."""
    mou = (listing.org.get("registration") or {}).get("mou") or {}
    if not mou.get("expires_on"):
        return
    signed = mou.get("signed_on")
    for rule, spec in listing.bound("mou-expiry"):
        listing.add(rule, spec, mou["expires_on"], {
            "signed_on_long": _long(signed) if signed else "",
            "due_long": _long(mou["expires_on"])}, notes=("signed",) if signed else ())


def _tax(listing: _Listing) -> None:
    """Monthly and annual tax returns, while the organisation is registered for tax."""
    if listing.org.get("tax_registered") is not True:
        return
    tax = listing.org.get("tax") or {}
    filed, done = _month(tax.get("monthly_return_month")), tax.get("annual_return_year")
    monthly = listing.bound("monthly-tax-returns")
    for rule, spec in monthly:
        for year, month in _months(filed, listing.start, listing.end, listing.as_of):
            day = date(year, month, int(spec.day))
            if day < listing.as_of and filed is None:
                continue
            ry, rm = (year, month - 1) if month > 1 else (year - 1, 12)
            listing.add(rule, spec, day, {"month": f"{monthcal.month_name[rm]} {ry}",
                                          "due_long": _long(day)})
    for rule, spec in listing.bound("annual-tax-return"):
        for year in _years(done, listing.start, listing.end, listing.as_of):
            day = _yearly(spec.day, year)
            if day < listing.as_of and done is None:
                continue
            listing.add(rule, spec, day, {"year": year, "prior": year - 1,
                                          "due_long": _long(day)})
    if monthly and (filed is None or done is None):
        listing.caveats.append("The organisation's file does not say which monthly or annual "
                               "tax returns were filed (tax.monthly_return_month, "
                               "tax.annual_return_year): past returns are not checked, only "
                               "the coming deadlines are listed.")


def _asset_declarations(listing: _Listing) -> None:
    """Leaders' asset declarations: the cycle is not established, so each year's day is a
    'check' entry, worded by whether the Anti-Corruption Unit has written to the leaders."""
    case = "notified" if listing.org.get("acu_written_notice") is True else ""
    for rule, spec in listing.bound("asset-declarations", case):
        for year in range(listing.start.year, listing.end.year + 1):
            day = _yearly(spec.day, year)
            listing.add(rule, spec, day, {"year": year, "due_long": _long(day)},
                        status="check")


def _hall(activity: dict) -> str:
    province = str((activity.get("location") or {}).get("province") or "").strip()
    if not province:
        return "the Capital or Provincial Hall"
    if province.lower() == "phnom penh":
        return "the Phnom Penh Capital Hall"
    return f"the {province} Provincial Hall"


def _activity_entries(listing: _Listing, activities) -> None:
    """The notice lodge-by date of each demonstration in a public place that the plan does not
    record as notified, and that has not started yet: the last working day that still leaves
    the working days of notice before the start, counted as activity.notice_working_days is
    (neither the day of notice nor the day of the demonstration counts); for a gathering
    under the short-notice route of Art 14, the last day that still gives its hours as
    activity.notice_hours counts them (a notice counts from the end of its day)."""
    from lawcheck.calendar import NotCovered
    from lawcheck.derive import _has_time, _moment

    holidays, as_of = listing.cals.holidays, listing.as_of
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
        values = {"name": name, "start": begins.date().isoformat(), "hall": _hall(a),
                  "when": _long(begins.date()) + (f" at {begins:%H:%M}"
                                                  if _has_time(a["start"]) else "")}
        unsaid = () if "notification" in a else ("unsaid",)
        participants = a.get("participants")
        if (location.get("venue_kind") in SHORT_NOTICE_VENUES and participants is not None
                and participants <= SHORT_NOTICE_PARTICIPANTS):
            for rule, spec in listing.bound("short-notice"):
                day, hours = begins.date(), spec.offset("hours")
                if day.weekday() in holidays.weekend or not holidays.covers(day) \
                        or holidays.is_holiday(day):
                    hours = spec.offset("holiday_hours")  # a holiday, or not known not to be
                last = (begins - timedelta(hours=hours)).date() - timedelta(days=1)
                listing.add(rule, spec, last, {**values, "notice_hours": hours,
                                               "due_long": _long(last)}, notes=unsaid)
            continue
        if location.get("public_space") is not True:
            continue  # the notice rules ask the plan about the place (see "Not checked")
        for rule, spec in listing.bound("demonstration-notice"):
            try:
                last = _lodge_by(begins.date(), holidays, spec.offset("working_days"))
            except NotCovered as gap:
                listing.add(rule, spec, begins.date(), {
                    **values, "gap": str(gap), "due_long": _long(begins.date())},
                    variant="uncovered", notes=unsaid, status="check")
                continue
            late = ("passed",) if as_of > last else ()
            listing.add(rule, spec, last, {**values, "gap": "", "due_long": _long(last)},
                        notes=late + unsaid)


def _lodge_by(start: date, holidays, days: int = NOTICE_WORKING_DAYS) -> date:
    """The last working day from which ``days`` working days lie strictly between it and
    ``start`` (raises NotCovered when a day to count is in a year the calendar does not
    cover)."""
    day, counted = start, 0
    while counted < days:
        day -= timedelta(days=1)
        counted += holidays.is_working_day(day)
    day -= timedelta(days=1)  # the notice day itself does not count
    while not holidays.is_working_day(day):
        day -= timedelta(days=1)
    return day


def _election_entries(listing: _Listing) -> None:
    """Campaign periods (or, for an election without a date, the span its campaign may
    cover) and polling days, status ``info``, worded by the election rule for that kind of
    election (case national_assembly) or the neutrality rule (every other election)."""
    start, end = listing.start, listing.end
    for election in listing.cals.elections:
        label = ELECTIONS.get(election.kind, election.label)
        case = election.kind if election.kind in ANCHORS["election-campaign"].cases else ""
        poll = election.polling_day
        for rule, spec in listing.bound("election-campaign", case):
            values = {"label": label, "first": "", "last": "", "first_long": "",
                      "last_long": "", "window_from": "", "window_to": "", "when": "",
                      "poll": "", "poll_long": "", "due_long": "",
                      "campaign_confidence": str(election.campaign_confidence)}
            if election.campaign:
                first, last = election.campaign
                if first <= end and last >= start:
                    listing.add(rule, spec, first, {**values, **_span(first, last)},
                                notes=("computed",) if election.campaign_computed else (),
                                status="info", listed=True, confidence=_weaker(
                                    rule.confidence, election.campaign_confidence))
            elif election.possible and election.possible[0] <= end \
                    and election.possible[1] >= start:
                first, last = election.possible
                listing.add(rule, spec, first, {
                    **values, **_span(first, last), "when": election.when(),
                    "window_from": election.window[0].isoformat(),
                    "window_to": election.window[1].isoformat()}, variant="expected",
                    status="info", listed=True,
                    confidence=_weaker(rule.confidence, election.confidence))
            if poll and start <= poll <= end:
                listing.add(rule, spec, poll, {**values, "poll": poll.isoformat(),
                                               "poll_long": _long(poll)}, variant="polling",
                            notes=("announced",) if election.status == "expected" else (),
                            status="info", confidence=_weaker(rule.confidence,
                                                              election.confidence))


def _span(first: date, last: date) -> dict:
    return {"first": first.isoformat(), "last": last.isoformat(), "first_long": _long(first),
            "last_long": _long(last)}


def _weaker(a: str, b: str | None) -> str:
    return a if b not in CONFIDENCE or CONFIDENCE.index(a) >= CONFIDENCE.index(b) else b


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
    """(year, month) of each filing day to list: each month after the one whose return (for
    the month before) is the latest filed, looking back at most LOOKBACK_MONTHS."""
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


def _yearly(day: str, year: int) -> date:
    """A block's ``day: MM-DD`` (or ``MM-last``) in ``year``."""
    month, which = day.split("-")
    last = monthcal.monthrange(year, int(month))[1]
    return date(year, int(month), last if which == "last" else min(int(which), last))


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
