"""The rendering layer (issue 16 item 2): one registry of formats, every renderer in
lawcheck/report, every HTML page from the Jinja2 templates, and the modules that used to render
(explain, the audit trail's stored runs, the CLI's helpers) returning data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from lawcheck.errors import OptionError
from lawcheck.report import formats as registry

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lawcheck"


@pytest.mark.parametrize("subject,fmt", [(s, f) for s, table in registry.RENDERERS.items()
                                         for f in table])
def test_every_registered_renderer_resolves_inside_the_rendering_layer(subject, fmt):
    found = registry.renderer(subject, fmt)
    assert callable(found)
    assert found.__module__.startswith("lawcheck.report."), found.__module__
    assert fmt in registry.FORMATS  # a renderer's format has its extensions and media type


def test_an_unknown_format_names_the_ones_there_are():
    with pytest.raises(ValueError, match="text, json, markdown, html"):
        registry.renderer("plan", "pdf")


def test_each_extension_names_one_format_and_case_does_not_matter():
    assert registry.format_of("out/REPORT.HTML") == "html"
    assert registry.format_of("a.htm") == "html"
    assert registry.format_of("feed.ndjson") == "jsonl"
    assert registry.format_of("notes.docx") is None and registry.format_of("README") is None
    seen = [ext for f in registry.FORMATS.values() for ext in f.extensions]
    assert len(seen) == len(set(seen)) and all(e.startswith(".") and e == e.lower() for e in seen)


def test_the_commands_write_the_formats_the_registry_has():
    from importlib import import_module

    check, calendar, review = (import_module(f"lawcheck.cli.{name}")
                               for name in ("check", "calendar", "review"))
    assert check.FORMATS == registry.formats("plan")
    assert set(calendar.FORMATS) == set(registry.formats("calendar"))
    assert set(review.FORMATS) <= set(registry.formats("statements"))


def test_output_format_reads_the_registry_and_lists_what_the_command_writes():
    from lawcheck.cli.render import output_format

    assert output_format("deadlines.ICS", None, ("text", "json", "ics"), command="calendar") \
        == "ics"
    with pytest.raises(OptionError) as caught:
        output_format("deadlines.html", None, ("text", "json", "ics"), command="calendar")
    assert caught.value.code == "LC228"
    assert "deadlines.html" in caught.value.render() and ".txt, .json, .ics" in caught.value.render()


def test_no_page_is_built_outside_the_templates():
    """Every HTML document comes from report/templates (autoescaped, one base template)."""
    built = [f"{path.relative_to(ROOT)}:{n}" for path in sorted(PACKAGE.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"<!DOCTYPE|<html[ >]|<body[ >]", line, re.IGNORECASE)]
    assert built == []
    pages = sorted(p.name for p in (PACKAGE / "report" / "templates").rglob("*.html")
                   if "<!DOCTYPE" in p.read_text(encoding="utf-8"))
    assert pages == ["base.html"]  # every page extends it


@pytest.mark.parametrize("module", ["explain.py", "audit/stored.py", "cli/render.py"])
def test_the_former_renderers_return_data(module):
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert not [n for n in names if n.endswith("_text") or n.startswith("render")], names


def test_the_plan_page_escapes_what_the_plan_says():
    from lawcheck.report import render

    report = {"lawcheck": "0.1.0", "subject": {"kind": "plan", "source": "<script>x</script>.yaml"},
              "findings": [], "risk": {}, "not_checked": []}
    page = render(report, "html")
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_the_catalogue_page_shows_raw_html_in_a_rule_as_text(monkeypatch):
    from lawcheck.report import catalog

    monkeypatch.setattr(catalog, "render_markdown", lambda rulebase, titles=None:
                        "# Rules\n\n<script>alert(1)</script> and **bold** `kh.rule`\n\n"
                        "[x](javascript:alert(1))\n")
    page = catalog.render_html(None)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<strong>bold</strong>" in page and "<code>kh.rule</code>" in page
    assert 'href="javascript' not in page
    assert page.count("<!DOCTYPE html>") == 1 and "<title>lawcheck rule base</title>" in page


def test_a_rule_case_failure_is_explained_from_data(tmp_path):
    """ruletests keeps explain's data; report.rules prints why each rule fired or not."""
    from lawcheck import api
    from lawcheck.report.rules import case_text

    results = api.rules_test(db=f"sqlite:///{tmp_path / 'db.sqlite'}", engine="reference")
    result = next(r for r in results if r.case.expect)
    wrong = type(result)(result.case, (), result.case.expect[:1], (),
                         result.explanations or tuple(
                             {"rule": rid, "title": "t", "date": "2026-01-01", "fires": False,
                              "condition": None, "in_force": True, "not_in_force_because": None,
                              "displaced_by": [], "missing": ["organization.type"], "parts": [],
                              "exception_to": []} for rid in result.case.expect[:1]))
    text = case_text(wrong)
    assert text.startswith(f"FAIL {result.case.file}:{result.case.line}")
    assert f"expected, did not fire: {result.case.expect[0]}" in text
    assert "does not fire" in text
    assert case_text(result).startswith("PASS")
