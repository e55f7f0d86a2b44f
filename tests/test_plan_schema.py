"""The plan's JSON Schema for editors (issue 16): generated from the one plan schema, shipped as
docs/plan.schema.json, printed by `lawcheck plan schema`; it accepts the example plans and the
full template and refuses what the loader refuses by key or vocabulary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from lawcheck.plan import load_plan
from lawcheck.plan import schema as s
from lawcheck.plan.dump import to_json
from lawcheck.plan.json_schema import json_schema, schema_text
from lawcheck.plan.template import template
from lawcheck.yamlio import loads

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "docs" / "plan.schema.json"


def validator():
    return jsonschema.Draft202012Validator(json_schema(),
                                           format_checker=jsonschema.FormatChecker())


def test_the_shipped_schema_is_current():
    """Regenerate with `python -m lawcheck plan schema -o docs/plan.schema.json --force`."""
    assert SHIPPED.read_text(encoding="utf-8") == schema_text()
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("name", ["land-forum.yaml", "foreign-march.yaml",
                                  "health-training.yaml"])
def test_the_example_plans_are_valid(name):
    data = json.loads(to_json(load_plan(ROOT / "examples" / name)))
    assert [e.message for e in validator().iter_errors(data)] == []


def test_the_template_with_every_key_is_valid():
    lines = [re.sub(r"^(\s*)# ", r"\1", line) for line in template().splitlines()
             if not line.lstrip().startswith("##")]
    data = json.loads(json.dumps(loads("\n".join(lines), "t.yaml", dates=False)))
    assert [e.message for e in validator().iter_errors(data)] == []


def test_every_key_of_the_plan_schema_is_described():
    schema = json_schema()

    def resolve(node):
        """The object a key's value describes, through $ref, arrays and anyOf (a partner is a
        name or a mapping; an optional key may be null)."""
        if "$ref" in node:
            return resolve(schema["$defs"][node["$ref"].rsplit("/", 1)[-1]])
        if node.get("type") == "array":
            return resolve(node["items"])
        for option in node.get("anyOf", []):
            if "properties" in resolve(option):
                return resolve(option)
        return node

    assert schema["required"] == ["organization", "activities"]
    for path, field in s.walk():
        node = schema
        for part in path.replace("[]", "").split("."):
            node = resolve(node)
            assert part in node["properties"], path
            node = node["properties"][part]
        assert node["description"] == field.help, path


@pytest.mark.parametrize("change, expected", [
    (lambda p: p["organization"].update(sectr="health"), "'sectr' was unexpected"),
    (lambda p: p["organization"].update(type="domestic_ngoo"), "'domestic_ngoo' is not one"),
    (lambda p: p["activities"][0].update(start="10/12/2026"), "does not match"),
    (lambda p: p["activities"][0].update(participants=-3), "less than the minimum"),
    (lambda p: p["activities"][0].pop("type"), "'type' is a required property"),
    (lambda p: p["activities"][0]["location"].update(province="Atlantis"), "is not one of"),
])
def test_what_the_loader_refuses_by_key_or_vocabulary_the_schema_refuses(change, expected):
    plan = {"organization": {"name": "X", "type": "domestic_ngo"},
            "activities": [{"id": "A1", "type": "training", "start": "2026-12-10T08:30",
                            "participants": 3, "location": {"province": "Kampot"}}]}
    assert list(validator().iter_errors(plan)) == []
    change(plan)
    assert any(expected in message for message in messages(plan)), list(messages(plan))


def messages(plan):
    """Every error's message, with those under an anyOf (an optional key may also be null)."""
    pending = list(validator().iter_errors(plan))
    while pending:
        error = pending.pop()
        yield error.message
        pending.extend(error.context or [])


def test_plan_schema_command_prints_and_writes_it(tmp_path):
    from lawcheck.cli.plan import plan

    result = CliRunner().invoke(plan, ["schema"])
    assert result.exit_code == 0 and result.output == schema_text()
    target = tmp_path / "plan.schema.json"
    assert CliRunner().invoke(plan, ["schema", "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    again = CliRunner().invoke(plan, ["schema", "-o", str(target)])
    assert again.exit_code != 0 and "already exists" in str(again.exception)
