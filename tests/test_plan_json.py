"""JSON plans read by the standard library's public decoder (issue 16): every key keeps its
line and column, braces and quotes inside strings do not confuse them, duplicates and deep
nesting are located problems."""

from __future__ import annotations

import json

from lawcheck.plan import load_plan
from lawcheck.plan.readers import parse_json
from lawcheck.errors import PlanError


def parse(text: str):
    problems: list = []
    return parse_json(text, "p.json", problems), problems


def test_keys_keep_their_lines_and_columns_past_braces_and_quotes_in_strings():
    text = ('{"title": "a {brace} and a \\"quote: {\\" here",\n'
            '  "list": [{"x": 1}, "]", {"y": {"z": 2}}],\n'
            '     "last": {}}')
    data, problems = parse(text)
    assert problems == [] and data["title"] == 'a {brace} and a "quote: {" here'
    assert data.where("list") == data.where("list").__class__("p.json", 2, 3)
    assert (data.where("last").line, data.where("last").column) == (3, 6)
    assert (data["list"][0].where("x").line, data["list"][0].where("x").column) == (2, 13)
    inner = data["list"][2]["y"]
    assert (inner.where("z").line, inner.where("z").column) == (2, 34)
    assert (data["list"][2].where().line, data["list"][2].where().column) == (2, 27)


def test_deep_nesting_is_refused_at_the_bracket_that_goes_too_deep():
    from lawcheck.limits import NESTING

    data, problems = parse('{"a":\n' + "[" * 50_000 + "]" * 50_000 + "}")
    assert data is None and len(problems) == 1
    assert "nested too deeply" in problems[0].message
    assert (problems[0].where.line, problems[0].where.column) == (2, NESTING)
    data, problems = parse("[" * 50 + "]" * 50)
    assert problems == []


def test_a_json_plan_with_an_error_deep_inside_is_located(tmp_path):
    plan = {"organization": {"name": "X", "type": "domestic_ngo"},
            "activities": [{"id": "A1", "type": "training", "start": "2026-12-10",
                            "notes": "{not: a key}",
                            "location": {"province": "Kampong Spue"}}]}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, indent=2), encoding="utf-8")
    try:
        load_plan(path)
    except PlanError as exc:
        found = sorted((p.code, p.where.line, p.where.column) for p in exc.problems)
    assert found == [("LC252", 11, 7), ("LC255", 13, 9)]


def test_no_private_json_machinery():
    from pathlib import Path

    import lawcheck.plan.readers as readers

    source = Path(readers.__file__).read_text(encoding="utf-8")
    assert "scanner" not in source and "json.decoder" not in source
    assert "py_make_scanner" not in source
