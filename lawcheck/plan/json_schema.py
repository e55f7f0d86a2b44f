"""The plan's JSON Schema, for editors that complete and check plan files as they are typed (a
YAML language server reads it from a ``# yaml-language-server: $schema=…`` line; VS Code and
others take it for JSON too). Generated from the one plan schema, :mod:`lawcheck.plan.schema`,
through pydantic models built from it, so it cannot drift from what the loader accepts.

``lawcheck plan schema`` prints it; docs/plan.schema.json is a copy a test keeps current.

The schema asks for each value's canonical spelling (``Kampong Speu``, ``domestic_ngo``); the
loader is kinder and also takes other cases, spaces and the common spellings of provinces.
"""

from __future__ import annotations

import json
import typing
from datetime import date
from functools import cache

from lawcheck.plan import schema as s

ID = "https://lawcheck.invalid/plan.schema.json"
# The loader's forms of a day with an optional time, and of a month (plan.validate).
MOMENT = r"^\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2})?)?$"
MONTH = r"^\d{4}-\d{1,2}$"


def _title(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace(".", "_").split("_"))


def _type(field: s.Field, name: str):
    """The Python type pydantic describes for ``field`` (``name``: its model's name)."""
    from pydantic import Field as Info

    kind = field.type
    if kind == "map":
        return _model(field, name)
    if kind == "list":
        assert field.item is not None
        item = _type(field.item, name + "Item" if field.item.type == "map" else name)
        return list[item]  # type: ignore[valid-type]
    if kind in ("enum", "province"):
        values = s.PROVINCES if kind == "province" else field.values
        return typing.Literal[values]
    if kind == "int":
        return typing.Annotated[int, Info(ge=field.minimum, le=field.maximum)]
    if kind == "datetime":
        return typing.Annotated[str, Info(pattern=MOMENT)]
    if kind == "month":
        return typing.Annotated[str, Info(pattern=MONTH)]
    return {"string": str, "bool": bool, "date": date}[kind]


def _model(field: s.Field, name: str):
    from pydantic import ConfigDict, create_model
    from pydantic import Field as Info

    members: dict[str, typing.Any] = {}
    for child in field.fields:
        kind = _type(child, _title(child.name) if child.type in ("map", "list") else name)
        if child.item is not None and child.item.shorthand:  # a name, or {name, kind}
            entry = _type(child.item, _title(child.name) + "Item")
            kind = list[typing.Union[str, entry]]  # type: ignore[valid-type]
        info: dict[str, typing.Any] = {"description": child.help}
        if child.example is not None:
            info["examples"] = [_plain(child.example)]
        if child.required:
            members[child.name] = (kind, Info(**info))
        else:  # SPEC §8: null on an optional key means "not given"
            members[child.name] = (typing.Optional[kind], Info(None, **info))
    return create_model(name, __config__=ConfigDict(extra="forbid"), **members)


def _plain(value):
    from lawcheck.plan.dump import plain

    value = plain(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@cache
def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a YAML or JSON activity plan."""
    schema = _model(s.PLAN, "Plan").model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = ID
    schema["title"] = "lawcheck activity plan"
    schema["description"] = ("An activity plan for `lawcheck check` (SPEC section 3; "
                             "`lawcheck plan template` explains every key).")
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
