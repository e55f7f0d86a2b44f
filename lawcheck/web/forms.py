"""The plan built in a form: which plan keys the form offers (with their help and vocabularies
from :mod:`lawcheck.plan.schema`, so the form cannot drift from the plan format), and the form's
fields turned back into a plan file that the ordinary loader checks.

Form names are the plan's dotted keys: ``organization.registration.registered``,
``activities-0.location.province``. An empty field is "not given" (the key is left out), never a
guess: a check that needs it is then listed as not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lawcheck.plan import schema as s

#: The organisation keys the form asks for, in order.
ORG_KEYS = ("name", "type", "sector", "public_profile", "registration.registered",
            "registration.registered_on", "reporting.activity_report_year",
            "reporting.financial_report_year", "reporting.submitted_on",
            "bank_accounts_declared", "tax_registered", "premises_owner")
#: One change to notify (leader, address, ...), the commonest overdue duty.
CHANGE_KEYS = ("kind", "changed_on", "notified_on")
#: One sanction already received (a warning...), which raises the risk scores.
HISTORY_KEYS = ("date", "kind", "by")
#: The keys of each activity row.
ACTIVITY_KEYS = ("id", "title", "type", "start", "end", "location.province",
                 "location.district", "location.venue", "location.venue_kind",
                 "location.public_space", "participants", "open_to_public",
                 "notification.authority", "notification.notified_on", "topics",
                 "foreign_funded")


@dataclass(frozen=True)
class FormField:
    key: str          # the dotted key below its parent (location.province)
    type: str         # the schema type: string, int, bool, date, datetime, enum, province, list
    help: str
    required: bool
    values: tuple[str, ...]

    @property
    def input(self) -> str:
        """The HTML control: select, date, datetime-local, number or text."""
        if self.type in ("enum", "province", "bool"):
            return "select"
        return {"date": "date", "datetime": "datetime-local", "int": "number"}.get(
            self.type, "text")

    @property
    def choices(self) -> tuple[str, ...]:
        if self.type == "bool":
            return ("yes", "no")
        return s.PROVINCES if self.type == "province" else self.values


def _field(parent: s.Field, key: str) -> FormField:
    node = parent
    for name in key.split("."):
        node = node.field(name)
        if node is None:
            raise KeyError(f"{key} is not a key of the plan schema")
    return FormField(key, node.type, node.help, node.required, node.values)


def org_fields() -> list[FormField]:
    return [_field(s.ORGANIZATION, k) for k in ORG_KEYS]


def change_fields() -> list[FormField]:
    return [_field(s.CHANGE, k) for k in CHANGE_KEYS]


def history_fields() -> list[FormField]:
    return [_field(s.HISTORY, k) for k in HISTORY_KEYS]


def activity_fields() -> list[FormField]:
    return [_field(s.ACTIVITY, k) for k in ACTIVITY_KEYS]


_ROW = re.compile(r"^activities-(\d{1,3})\.(.+)$")


def plan_from_form(form: dict[str, str]) -> dict:
    """The plan the form describes, as plain data for the YAML dumper. Values keep their
    type (numbers, yes/no, dates as text the loader reads), so the loader judges them."""
    types = {f.key: f.type for f in activity_fields()}
    organization: dict = {}
    for field in org_fields():
        _put(organization, field.key, _value(field.type, form.get(f"organization.{field.key}")))
    change: dict = {}
    for field in change_fields():
        _put(change, field.key, _value(field.type, form.get(f"change.{field.key}")))
    if change:
        if "notified_on" not in change:
            change["notified_on"] = None  # an empty notice date means "not yet notified"
        organization["changes"] = [change]
    history: dict = {}
    for field in history_fields():
        _put(history, field.key, _value(field.type, form.get(f"history.{field.key}")))
    if history:
        organization["history"] = [history]
    rows: dict[int, dict] = {}
    not_yet: set[int] = set()
    for name, raw in form.items():
        found = _ROW.match(name)
        if found and found.group(2) in types:
            row = rows.setdefault(int(found.group(1)), {})
            _put(row, found.group(2), _value(types[found.group(2)], raw))
        elif found and found.group(2) == "notified" and raw == "not_yet":
            not_yet.add(int(found.group(1)))
    for number in not_yet:
        # "not yet notified": the plan's null notification, unless a notice was described
        rows.setdefault(number, {}).setdefault("notification", None)
    activities = [rows[n] for n in sorted(rows) if rows[n]]
    return {"organization": organization, "activities": activities}


def _value(type_: str, raw: str | None):
    text = (raw or "").strip()
    if not text:
        return None
    if type_ == "bool":
        return {"yes": True, "no": False}.get(text, text)
    if type_ == "int":
        return int(text) if re.fullmatch(r"-?\d{1,9}", text) else text
    if type_ == "list":
        return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]
    if type_ == "datetime" and len(text) > 16:
        return text[:16]  # a browser may add seconds; the plan takes minutes
    if type_ in ("date", "datetime") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)  # written as a YAML date, as a person would
        except ValueError:
            return text  # the loader names the bad date
    return text


def _put(target: dict, key: str, value) -> None:
    if value is None:
        return
    *parents, last = key.split(".")
    for name in parents:
        target = target.setdefault(name, {})
    target[last] = value


def to_yaml(plan: dict) -> str:
    import yaml

    from lawcheck.plan.dump import NoAliasDumper

    return yaml.dump(plan, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)
