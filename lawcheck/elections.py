"""The election calendar (rules/calendars/elections.yaml): polling days, campaign periods, and
what lawcheck cannot know.

Each election has a polling day, or (while none is fixed) the window in which it is expected.
Its campaign is the dates the file gives, or else computed from its polling day with the
campaign length and end fixed for its kind (``campaigns:`` in the file, each with its source
and confidence). A date is *unknown*, never "no campaign", when it lies outside the years the
calendar vouches for (``complete_from`` .. ``complete_through``) or within the span the campaign
of an election with no fixed polling day could cover. Derived facts then stay missing, and
:meth:`ElectionCalendar.facts` says why, so the election rules land in ``not_checked`` with a
reason instead of passing silently.
"""

from __future__ import annotations

import calendar as monthcal
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from lawcheck import yamlio
from lawcheck.errors import CorpusDataError, Where
from lawcheck.vocabulary import CONFIDENCE
from lawcheck.vocabulary import ELECTION_KINDS as KINDS
LABELS = {"national_assembly": "National Assembly", "commune_council": "commune council",
          "subnational_council": "capital, provincial and district council",
          "senate": "Senate"}
STATUSES = ("held", "expected", "uncertain")


@dataclass(frozen=True)
class CampaignRule:
    days: int                      # length of the campaign, both ends included
    ends_days_before_polling: int  # 2: the campaign ends two days before the vote
    confidence: str
    source: str


@dataclass(frozen=True)
class Election:
    id: str
    kind: str
    status: str
    confidence: str
    source: str
    polling_day: date | None
    window: tuple[date, date] | None   # expected polling window when polling_day is None
    campaign: tuple[date, date] | None  # first and last day of the campaign, when known
    campaign_computed: bool            # the campaign was computed from the kind's rule
    campaign_confidence: str | None
    campaign_source: str
    possible: tuple[date, date] | None  # span a campaign could cover when it is not known
    note: str = ""

    @property
    def label(self) -> str:
        return LABELS.get(self.kind, self.kind)

    def when(self) -> str:
        """'6 June 2027' or 'expected between 1 July 2028 and 31 July 2028'."""
        if self.polling_day:
            return _long(self.polling_day)
        if self.window:
            return f"expected between {_long(self.window[0])} and {_long(self.window[1])}"
        return "date not established"

    def to_dict(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "id": self.id, "kind": self.kind, "title": f"{self.label} election",
            "status": self.status, "confidence": self.confidence, "source": self.source,
            "polling_day": iso(self.polling_day),
            "polling_window": ({"from": iso(self.window[0]), "to": iso(self.window[1])}
                               if self.window else None),
            "campaign": ({"start": iso(self.campaign[0]), "end": iso(self.campaign[1]),
                          "computed": self.campaign_computed,
                          "confidence": self.campaign_confidence,
                          "source": self.campaign_source} if self.campaign else None),
            "campaign_possible": ({"from": iso(self.possible[0]), "to": iso(self.possible[1])}
                                  if self.possible else None),
            "note": self.note,
        }


@dataclass(frozen=True)
class ElectionCalendar:
    elections: tuple[Election, ...]
    complete_from: date | None
    complete_through: date | None
    rules: dict  # kind -> CampaignRule

    def __iter__(self):
        return iter(self.elections)

    def __len__(self) -> int:
        return len(self.elections)

    def covers(self, day: date) -> bool:
        return (self.complete_from is not None and self.complete_through is not None
                and self.complete_from <= day <= self.complete_through)

    def coverage(self) -> str:
        if self.complete_from is None or self.complete_through is None:
            return "no period"
        return f"{self.complete_from.isoformat()} to {self.complete_through.isoformat()}"

    def facts(self, days: list[date], prefix: str = "activity") -> tuple[dict, dict]:
        """(facts, unknown) for the days of a subject: ``<prefix>.in_campaign_period``,
        ``.campaign_election`` and ``.days_to_polling_day`` (activity only), and for each one
        that cannot be known, the reason."""
        facts: dict = {}
        unknown: dict = {}
        campaign = f"{prefix}.in_campaign_period"
        which = f"{prefix}.campaign_election"
        hits: list[tuple[date, int, Election]] = []  # (campaign start, kind's rank, election)
        doubts = []
        for d in days:
            for e in self.elections:
                if e.campaign and e.campaign[0] <= d <= e.campaign[1]:
                    hits.append((e.campaign[0], KINDS.index(e.kind) if e.kind in KINDS else 9, e))
            doubt = self._campaign_doubt(d)
            if doubt:
                doubts.append(doubt)
        if hits:
            first = min(hits, key=lambda hit: hit[:2])[2]
            facts[campaign] = True
            facts[which] = first.kind
        elif doubts:
            reason = doubts[0]
            unknown[campaign] = unknown[which] = reason
        else:
            facts[campaign] = False
        if prefix == "activity":
            value, why = self._days_to_poll(days)
            if value is None:
                unknown[f"{prefix}.days_to_polling_day"] = why
            else:
                facts[f"{prefix}.days_to_polling_day"] = value
        return facts, unknown

    def _campaign_doubt(self, d: date) -> str | None:
        if not self.covers(d):
            return (f"the election calendar (rules/calendars/elections.yaml) covers "
                    f"{self.coverage()}, not {d.isoformat()}: whether an election campaign "
                    "is on then is unknown")
        for e in self.elections:
            if e.campaign is None and e.possible and e.possible[0] <= d <= e.possible[1]:
                return (f"the election calendar does not cover {d.isoformat()}: the {e.label} "
                        f"election is {e.when()} and its polling day is not fixed yet, so "
                        "whether its campaign is on then is unknown")
        return None

    def _days_to_poll(self, days: list[date]) -> tuple[int | None, str]:
        first = days[0]
        if not self.covers(first):
            return None, (f"the election calendar (rules/calendars/elections.yaml) covers "
                          f"{self.coverage()}, not {first.isoformat()}: the next polling day "
                          "is unknown")
        if any(e.polling_day in days for e in self.elections if e.polling_day):
            return 0, ""
        polls = sorted(e.polling_day for e in self.elections
                       if e.polling_day and e.polling_day >= first)
        windows = sorted(e.window for e in self.elections
                         if e.polling_day is None and e.window and e.window[1] >= first)
        best = polls[0] if polls else None
        for start, end in windows:
            if best is not None and start > best:
                break
            if start <= first + timedelta(days=1):
                return None, (f"the next polling day may be any day from {start.isoformat()} "
                              f"to {end.isoformat()} (not fixed yet), so the days to it are "
                              "unknown")
            best = start if best is None or start < best else best
        if best is None:
            return None, ("the election calendar lists no polling day after "
                          f"{first.isoformat()}")
        return (best - first).days, ""


_SHIPPED: dict = {}


def statement_gaps(day: date) -> dict:
    """fact -> reason for the statement.* campaign facts of a statement dated ``day`` that the
    election calendar of the rule base in use cannot give."""
    from lawcheck.settings import rules_dir

    path = rules_dir() / "calendars" / "elections.yaml"
    key = (str(path), path.stat().st_mtime_ns if path.exists() else 0)
    cal = _SHIPPED.get(key)
    if cal is None:
        _SHIPPED.clear()
        cal = _SHIPPED[key] = load_elections(path)
    return cal.facts([day], "statement")[1]


def load_elections(path: Path) -> ElectionCalendar:
    data = yamlio.load(path) or {}
    if not isinstance(data, dict):
        raise CorpusDataError("expected complete_from, complete_through, campaigns, elections",
                              where=Where(str(path), 1), fix="see the notes at the top of it")

    def where(node, key=None):
        return node.where(key) if hasattr(node, "where") else Where(str(path), None)

    rules: dict[str, CampaignRule] = {}
    for kind, rule in (data.get("campaigns") or {}).items():
        if kind not in KINDS or not isinstance(rule, dict) \
                or not isinstance(rule.get("days"), int) \
                or not isinstance(rule.get("ends_days_before_polling"), int) \
                or rule.get("confidence") not in CONFIDENCE or not rule.get("source"):
            raise CorpusDataError(f"bad campaign rule for {kind!r}",
                                  where=where(data["campaigns"], kind),
                                  fix=f"kind one of {', '.join(KINDS)}, with days, "
                                      "ends_days_before_polling, confidence and source")
        rules[kind] = CampaignRule(rule["days"], rule["ends_days_before_polling"],
                                   rule["confidence"], str(rule["source"]))
    elections = []
    seen = set()
    for entry in data.get("elections") or []:
        at = where(entry, "id")
        if not isinstance(entry, dict) or not entry.get("id"):
            raise CorpusDataError(f"election without an id: {entry!r}", where=at,
                                  fix="give each election an id kh-<kind>-<year>")
        eid = str(entry["id"])
        if eid in seen:
            raise CorpusDataError(f"election {eid} is listed twice", where=at,
                                  fix="keep one entry per election")
        seen.add(eid)
        kind, status = entry.get("kind"), entry.get("status")
        if kind not in KINDS or status not in STATUSES \
                or entry.get("confidence") not in CONFIDENCE or not entry.get("source"):
            raise CorpusDataError(f"election {eid}: kind, status, confidence or source is "
                                  "missing or not allowed", where=at,
                                  fix=f"kind: {'|'.join(KINDS)}; status: {'|'.join(STATUSES)}; "
                                      f"confidence: {'|'.join(CONFIDENCE)}; source: where the "
                                      "dates come from")
        poll = entry.get("polling_day")
        window = entry.get("polling_window")
        span = None
        if window is not None:
            if not isinstance(window, dict) or not all(isinstance(window.get(k), date)
                                                       for k in ("from", "to")) \
                    or window["to"] < window["from"]:
                raise CorpusDataError(f"election {eid}: polling_window needs from and to "
                                      "dates, from first", where=where(entry, "polling_window"),
                                      fix="write polling_window: {from: YYYY-MM-DD, to: "
                                          "YYYY-MM-DD}")
            span = (window["from"], window["to"])
        if poll is not None and not isinstance(poll, date):
            raise CorpusDataError(f"election {eid}: polling_day is not a date",
                                  where=where(entry, "polling_day"), fix="write YYYY-MM-DD")
        if poll is None and span is None and status != "held":
            raise CorpusDataError(f"election {eid}: a coming election needs a polling_day or "
                                  "a polling_window", where=at,
                                  fix="give the expected window while no date is announced")
        first, last = entry.get("campaign_start"), entry.get("campaign_end")
        rule = rules.get(kind)
        campaign, computed, c_conf, c_source, possible = None, False, None, "", None
        if isinstance(first, date) and isinstance(last, date):
            campaign = (first, last)
            c_conf = str(entry.get("campaign_confidence") or entry["confidence"])
            c_source = str(entry.get("campaign_source") or entry["source"])
        elif poll is not None and rule is not None:
            end = poll - timedelta(days=rule.ends_days_before_polling)
            start = first if isinstance(first, date) else end - timedelta(days=rule.days - 1)
            end = last if isinstance(last, date) else end
            campaign, computed = (start, end), True
            c_conf = _weaker(rule.confidence, "likely")
            c_source = rule.source
        elif span is not None and rule is not None:
            possible = (span[0] - timedelta(days=rule.ends_days_before_polling + rule.days - 1),
                        span[1] - timedelta(days=rule.ends_days_before_polling))
        elif span is not None or poll is not None:
            raise CorpusDataError(f"election {eid}: no campaign dates and no campaign rule for "
                                  f"{kind}", where=at,
                                  fix=f"add {kind} under campaigns: with its length and source")
        elections.append(Election(eid, kind, status, entry["confidence"], str(entry["source"]),
                                  poll, span, campaign, computed, c_conf, c_source, possible,
                                  str(entry.get("note") or "").strip()))
    elections.sort(key=lambda e: (e.polling_day or (e.window[0] if e.window else date.min)))
    complete_from, complete_through = data.get("complete_from"), data.get("complete_through")
    for key, value in (("complete_from", complete_from), ("complete_through", complete_through)):
        if value is not None and not isinstance(value, date):
            raise CorpusDataError(f"{key} is not a date", where=where(data, key),
                                  fix="write YYYY-MM-DD")
    return ElectionCalendar(tuple(elections), complete_from, complete_through, rules)


def _weaker(a: str, b: str) -> str:
    return a if CONFIDENCE.index(a) >= CONFIDENCE.index(b) else b


def _long(day: date) -> str:
    return f"{day.day} {monthcal.month_name[day.month]} {day.year}"
