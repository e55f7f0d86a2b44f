"""``lawcheck plan template``: an annotated YAML plan generated from the schema, so it cannot
drift from what the loader accepts.

Lines starting with ``##`` explain; a line starting with ``# `` is an optional key with an
example value (remove the ``# `` to use it). As printed, the template is a valid plan: the
required keys carry placeholder values. With every ``# `` removed it is valid too, and then
uses every key (tests check both).
"""

from __future__ import annotations

import textwrap

from lawcheck.plan import schema as s
from lawcheck.plan.dump import scalar

WIDTH = 96
HEADER = """\
## lawcheck activity plan (the format of SPEC section 3), for `lawcheck check PLAN`.
## Lines starting with "##" explain. A line starting with "# " is an optional key with an
## example value: remove the "# " (keeping the indentation) to use it, and change the value.
## Only the keys marked (required) must be given; a check whose facts are missing does not
## run, and the report lists it. Unknown keys are errors, so a typo never switches a check off.
## Dates are YYYY-MM-DD; a start or end may carry a time of day, YYYY-MM-DDTHH:MM.
## A CSV or XLSX plan has one row per activity: the headers are the activity keys below,
## nested ones joined with "." (location.province), list entries joined with ";" (topics);
## it takes the organization from --org FILE, a YAML file holding the organization: block.
"""


def template() -> str:
    lines = HEADER.splitlines()
    for field in s.PLAN.fields:
        lines.extend(_field(field, 0, commented=False))
    return "\n".join(lines) + "\n"


def _help(field: s.Field, indent: int) -> list[str]:
    text = field.help
    if field.required:
        text += " (required)"
    values = field.values or (field.item.values if field.item else ())
    if field.type == "province" or (field.item and field.item.type == "province"):
        values = s.PROVINCES
    if values:
        text += " One of: " + ", ".join(values) + "."
    prefix = " " * indent + "## "
    return textwrap.wrap(text, WIDTH, initial_indent=prefix, subsequent_indent=prefix,
                         break_on_hyphens=False)


def _field(field: s.Field, indent: int, commented: bool, dash: bool = False) -> list[str]:
    """The help lines and key lines of one field; ``dash``: it opens a list entry."""
    commented = commented or not field.required
    mark = "# " if commented else ""
    lead = " " * indent + mark + ("- " if dash else "")
    out = _help(field, indent)
    if field.type == "map" and field.fields:
        out.append(lead + f"{field.name}:")
        for child in field.fields:
            out.extend(_field(child, indent + 2, commented))
    elif field.type == "list" and field.item is not None and field.item.type == "map" \
            and not (field.example and isinstance(field.example[0], str)):
        out.append(lead + f"{field.name}:")
        entry = field.item
        for position, child in enumerate(entry.fields):
            out.extend(_field(child, indent + 2 + (2 if position else 0), commented,
                              dash=position == 0))
    else:
        out.append(lead + f"{field.name}: {scalar(field.example)}")
    return out
