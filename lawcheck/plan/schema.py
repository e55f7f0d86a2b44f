"""The activity plan schema (SPEC §3) as data: every key, its type, vocabulary, whether it is
required, an example and a one-line help text.

The loader validates against it, the template is generated from it and the tests walk it, so
the three cannot drift. Keys marked ``spec=False`` are additions beyond SPEC §3 that
rules/facts.yaml asks for ("proposed" keys) or that issue 5 allows (``organization.history``).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date, datetime

# The vocabularies are defined once, in lawcheck.vocabulary; the names stay readable here.
from lawcheck.vocabulary import (ACTIVITY_TYPES, CHANGE_KINDS, HISTORY_KINDS, MEDIA, ORG_TYPES,
                                 PARTNER_KINDS, PARTY_SUPPORT, PREMISES, PROFILES, PROVINCE_ALIASES,
                                 PROVINCES, SECTORS, SPEAKERS, VENUE_KINDS)

TYPES = ("string", "int", "bool", "date", "datetime", "month", "enum", "province", "list", "map")


@dataclass(frozen=True)
class Field:
    """One key of the plan. ``item`` describes the entries of a list; ``fields`` the keys of a
    map (or of each entry of a list of maps); ``shorthand`` lets a list entry that is a map be
    written as a plain string (then ``"Name (kind)"`` gives both)."""

    name: str
    type: str
    help: str
    required: bool = False
    values: tuple[str, ...] = ()
    fields: tuple["Field", ...] = ()
    item: "Field | None" = None
    nullable: bool = False
    example: typing.Any = None
    minimum: int | None = None
    maximum: int | None = None
    shorthand: bool = False
    spec: bool = True  # False: not (yet) in SPEC §3

    def field(self, name: str) -> "Field | None":
        return next((f for f in self.fields if f.name == name), None)


def _f(name, type_, help_, example=None, **kw) -> Field:
    return Field(name, type_, help_, example=example, **kw)


def _bool(name, help_, example=True, spec=True) -> Field:
    return Field(name, "bool", help_, example=example, spec=spec)


def _enum(name, values, help_, example=None, **kw) -> Field:
    return Field(name, "enum", help_, values=tuple(values),
                 example=example if example is not None else values[0], **kw)


def _year(name, help_, example) -> Field:
    return Field(name, "int", help_, example=example, minimum=1990, maximum=2100)


def _list(name, item: Field, help_, example, **kw) -> Field:
    return Field(name, "list", help_, item=item, example=example, **kw)


_STRING_ITEM = Field("", "string", "")

MOU = Field("mou", "map", "Memorandum of understanding with the Ministry of Foreign Affairs "
            "(foreign NGOs and associations only); null = none signed.", nullable=True, fields=(
                _f("signed_on", "date", "Day the MoU was signed.", date(2023, 1, 15)),
                _f("expires_on", "date", "Day the MoU expires.", date(2026, 1, 14)),
                _list("provinces", Field("", "province", ""), "Provinces the MoU covers.",
                      ["Phnom Penh", "Kampong Thom"]),
                _list("sectors", Field("", "enum", "", values=SECTORS),
                      "Sectors the MoU covers (the organization.sector values).", ["health"]),
            ))

REGISTRATION = Field("registration", "map", "Registration with the Ministry of Interior "
                     "(domestic) or Foreign Affairs (foreign).", fields=(
                         _bool("registered", "True when the organization is registered."),
                         _f("registered_on", "date", "Day of registration.", date(2016, 5, 10)),
                         _f("number", "string", "Registration number.", "MOI-1234"),
                         MOU,
                     ))

DONOR_REPORT = Field("", "map", "", fields=(
    _f("sent_to_donor_on", "date", "Day the report went to the donor.", date(2026, 7, 31),
       required=True),
    _f("copied_on", "date", "Day a copy went to the MoI and MEF; null = not yet copied.",
       date(2026, 8, 20), nullable=True),
    _f("donor", "string", "Donor the report was for.", "Example Foundation"),
))

REPORTING = Field("reporting", "map", "The latest annual reports actually submitted.", fields=(
    _year("activity_report_year", "Year of the latest annual activity report sent.", 2025),
    _year("financial_report_year", "Year of the latest annual financial report sent.", 2025),
    _f("submitted_on", "date", "Day those reports were submitted.", date(2026, 2, 20)),
    _list("donor_reports", DONOR_REPORT, "Reports given to donors, to be copied to the Ministry "
          "of Interior and the Ministry of Economy and Finance within 30 days.",
          [{"sent_to_donor_on": date(2026, 7, 31), "copied_on": None}], spec=False),
))

CHANGE = Field("", "map", "", fields=(
    _enum("kind", CHANGE_KINDS, "What changed.", required=True),
    _f("changed_on", "date", "Day of the change; leave it out when unknown (lawcheck then says "
       "the deadline cannot be counted).", date(2026, 9, 1)),
    _f("notified_on", "date", "Day the authorities were told; null = not yet notified.",
       None, nullable=True),
))

TAX = Field("tax", "map", "Tax filings and status beyond tax_registered.", spec=False, fields=(
    _year("annual_return_year", "Latest tax year whose annual return was filed.", 2025),
    _f("monthly_return_month", "month", "Latest month whose monthly return was filed, YYYY-MM.",
       "2026-10"),
    _bool("exemption_requested", "True when exemption from the minimum tax was requested."),
    _bool("social_enterprise", "True when the organization runs a social enterprise or other "
          "business activity.", example=False),
    _bool("social_enterprise_registered", "True when that business is registered for tax "
          "separately.", example=False),
))

HISTORY = Field("", "map", "", fields=(
    _f("date", "date", "Day it was received.", date(2024, 3, 5), required=True),
    _enum("kind", HISTORY_KINDS, "What it was.", required=True),
    _f("by", "string", "Authority that issued it.", "provincial governor"),
    _f("note", "string", "What it was about.", "letter about a community forum"),
))

ORGANIZATION = Field("organization", "map", "The organization running the activities (in a "
                     "CSV or XLSX plan: the --org file).", required=True, fields=(
    _f("name", "string", "Name of the organization.", "Example Organization", required=True),
    _enum("type", ORG_TYPES, "Legal form.", "domestic_ngo", required=True),
    _enum("sector", SECTORS, "Main field of work.", "health"),
    _enum("public_profile", PROFILES, "How visibly it speaks out in public.", "moderate"),
    REGISTRATION,
    REPORTING,
    _list("changes", CHANGE, "Changes the authorities must be told about.",
          [{"kind": "leader", "changed_on": date(2026, 9, 1), "notified_on": None}]),
    _bool("bank_accounts_declared", "True when its bank accounts were declared to the MoI and "
          "MEF."),
    _bool("tax_registered", "True when it is registered with the General Department of "
          "Taxation."),
    _enum("premises_owner", PREMISES, "Who owns its office premises."),
    _bool("donor_funded", "True when it receives donor funds.", spec=False),
    _bool("leaders_declared_assets", "True when its leaders filed their asset declarations with "
          "the Anti-Corruption Unit.", spec=False),
    _bool("acu_written_notice", "True when the Anti-Corruption Unit told its leaders in writing "
          "that they must declare assets.", example=False, spec=False),
    _f("operations_started_on", "date", "Day it started operating in Cambodia.",
       date(2016, 6, 1), spec=False),
    TAX,
    _list("history", HISTORY, "Sanctions already received (warning | halt_order | suspension | "
          "investigation | summons | other); they raise the risk scores.",
          [{"date": date(2024, 3, 5), "kind": "warning", "by": "provincial governor"}],
          spec=False),
))

LOCATION = Field("location", "map", "Where the activity takes place.", fields=(
    _f("province", "province", "Province, or Phnom Penh (common spellings are accepted).",
       "Kampong Speu"),
    _f("district", "string", "District or khan.", "Oral"),
    _f("venue", "string", "The venue, in words.", "pagoda hall"),
    _enum("venue_kind", VENUE_KINDS, "Kind of venue, for the assembly rules.",
          "private_property_with_consent", spec=False),
    _bool("public_space", "True when held in a public place (street, square, park, public "
          "land).", example=False),
    _bool("remote", "True when it takes staff to a remote or risky place.", example=False,
          spec=False),
))

NOTIFICATION = Field("notification", "map", "Written notice to the authorities; null = the "
                     "authorities were not told.", nullable=True, fields=(
                         _f("authority", "string", "Who was told.", "district governor"),
                         _f("notified_on", "date", "Day the notice was lodged.",
                            date(2026, 12, 2)),
                     ))

PARTNER = Field("", "map", "", shorthand=True, fields=(
    _f("name", "string", "Partner's name.", "Another NGO", required=True),
    _enum("kind", PARTNER_KINDS, "What kind of partner.", spec=False),
))

STATEMENT = Field("", "map", "", fields=(
    _f("text", "string", "The text, or a summary of it.", "..."),
    _enum("medium", MEDIA, "How it is issued."),
    _enum("speaker", SPEAKERS, "Who speaks."),
))

SECURITY = Field("security", "map", "Preparedness, after the CCC security guidance.", fields=(
    _bool("risk_assessment_done", "True when the risks were assessed beforehand."),
    _bool("emergency_contacts", "True when staff carry emergency contacts."),
    _bool("check_in_plan", "True when staff have agreed check-in times."),
    _bool("night_travel", "True when staff travel at night.", example=False),
    _bool("front_line_staff_insured", "True when front-line staff have health and accident "
          "insurance."),
))

ACTIVITY = Field("", "map", "", fields=(
    _f("id", "string", "Short unique id, used in the report.", "A1", required=True),
    _f("title", "string", "What the activity is called.", "Community forum on land titles"),
    _enum("type", ACTIVITY_TYPES, "Kind of activity.", "training", required=True),
    _enum("sector", SECTORS, "Sector of this activity, when it differs from the "
          "organization's (checked against the MoU).", "health", spec=False),
    _f("start", "datetime", "First day, YYYY-MM-DD, or day and time YYYY-MM-DDTHH:MM.",
       date(2026, 12, 10), required=True),
    _f("end", "datetime", "Last day (default: the start), or day and time YYYY-MM-DDTHH:MM.",
       datetime(2026, 12, 10, 16, 0)),
    LOCATION,
    _f("participants", "int", "People expected, organizers included.", 150, minimum=0),
    _bool("open_to_public", "True when anyone may join, not only invited people."),
    NOTIFICATION,
    _list("topics", _STRING_ITEM, "What it is about, in words (mapped to topic labels).",
          ["land rights", "eviction"]),
    _list("partners", PARTNER, "Partner organizations: a name, or {name, kind}; in a table "
          "\"Name (kind)\".", ["Another NGO", {"name": "Provincial Health Department",
                                          "kind": "government"}]),
    _bool("foreign_funded", "True when foreign funds pay for it."),
    _list("statements", STATEMENT, "Statements to be issued for it (not in a CSV or XLSX "
          "table).", [{"text": "...", "medium": "press_release", "speaker": "organization"}]),
    SECURITY,
    _bool("election_campaign", "True when part of an official election campaign.",
          example=False, spec=False),
    _bool("labour_dispute_at_workplace", "True when about a labour dispute, at or just outside "
          "the workplace.", example=False, spec=False),
    _bool("religious_or_cultural", "True when a religious, cultural, traditional or educational "
          "procession or gathering.", example=False, spec=False),
    _enum("party_support", PARTY_SUPPORT, "Whether it helps political parties or candidates.",
          spec=False),
    _bool("campaigns_for_party", "True when it calls for a vote for or against a party or "
          "candidate.", example=False, spec=False),
    _bool("criticises_party", "True when it criticises a named party or candidate.",
          example=False, spec=False),
    _bool("discourages_voting", "True when it discourages registering or voting.",
          example=False, spec=False),
    _bool("within_registered_purpose", "True when within the purposes in the statutes.",
          spec=False),
))

ACTIVITIES = _list("activities", ACTIVITY, "The planned activities, at least one.", None,
                   required=True)

PLAN = Field("", "map", "", fields=(ORGANIZATION, ACTIVITIES))
ORG_FILE = Field("", "map", "", fields=(ORGANIZATION,))


def walk(field: Field = PLAN, prefix: str = ""):
    """Every (dotted path, field) below ``field``; list entries as ``name[]``."""
    for child in field.fields:
        path = f"{prefix}.{child.name}" if prefix else child.name
        yield path, child
        if child.type == "map":
            yield from walk(child, path)
        elif child.type == "list" and child.item is not None and child.item.type == "map":
            yield from walk(child.item, path + "[]")


def table_columns() -> dict[str, Field]:
    """Columns a CSV or XLSX activities table may have: activity keys, nested keys joined
    with ``.``; a nullable map's own name takes ``none`` for null."""
    columns: dict[str, Field] = {}

    def add(field: Field, prefix: str) -> None:
        for child in field.fields:
            path = f"{prefix}{child.name}"
            if child.type == "map":
                if child.nullable:
                    columns[path] = child
                add(child, path + ".")
            elif child.type != "list" or child.item is None or child.item.type != "map" \
                    or child.item.shorthand:
                columns[path] = child

    add(ACTIVITY, "")
    return columns
