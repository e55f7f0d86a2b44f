"""Write a plan back out as YAML or JSON that :func:`lawcheck.plan.load_plan` reads to an equal
plan (a property test checks ``load(dump(plan)) == plan``)."""

from __future__ import annotations

import json
from datetime import date, datetime

import yaml


class NoAliasDumper(yaml.SafeDumper):
    """Writes a value shared by two keys out twice: lawcheck's loader refuses aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def plain(value):
    """The plan's values as YAML- and JSON-ready data: a start or end with a time of day as
    ``YYYY-MM-DDTHH:MM`` text, dates left as dates (YAML) for the caller to format."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M" + (":%S" if value.second else ""))
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def to_data(plan) -> dict:
    return {"organization": plain(dict(plan.organization)),
            "activities": plain(list(plan.activities))}


def to_yaml(plan) -> str:
    return yaml.dump(to_data(plan), Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)


def to_json(plan) -> str:
    return json.dumps(to_data(plan), ensure_ascii=False, indent=2,
                      default=lambda v: v.isoformat() if isinstance(v, date) else str(v))


def scalar(value) -> str:
    """One value as it is written on a line of YAML (flow style for lists)."""
    value = plain(value)
    if isinstance(value, date):
        return value.isoformat()
    text = yaml.dump(value, Dumper=NoAliasDumper, default_flow_style=True, allow_unicode=True,
                     width=1000,
                          sort_keys=False)
    return text.strip().removesuffix("...").strip()
