"""Confidence shown honestly (issue 12): every quoted provision says it is lawcheck's digest
when it is one, with its mark; `corpus list`, `rules list` and `corpus show LAW` show each mark;
the meaning of each mark names the kind of source behind it."""

from __future__ import annotations

import html
import json
from pathlib import Path

from lawcheck import api
from lawcheck.model import CONFIDENCE_MEANING
from lawcheck.report import render
from tests.test_cli import run

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "land-forum.yaml"


def test_the_marks_name_the_kind_of_source():
    assert "official text" in CONFIDENCE_MEANING["confirmed"]
    assert "law firm" in CONFIDENCE_MEANING["likely"] and "press" in CONFIDENCE_MEANING["likely"]
    assert "conflict" in CONFIDENCE_MEANING["uncertain"]


def test_every_quoted_provision_is_marked_in_every_format(db_url):
    report = api.check(EXAMPLE, as_of="2026-12-01", db=db_url)
    citations = [c for f in report["findings"] for c in f["citations"] if c.get("text")]
    assert citations and all(c["digest"] is True and c["confidence"] in CONFIDENCE_MEANING
                             for c in citations)
    quoted = {(f["rule"], c["provision"]) for f in report["findings"] for c in f["citations"]
              if c.get("text")}
    for fmt in ("text", "markdown", "html"):
        shown = " ".join(html.unescape(render(report, fmt, color=False, width=200)).split())
        assert shown.count("digest in lawcheck's words, not the official text") >= len(quoted)
        assert "official text, or by two independent" in shown  # the legend, once
    assert json.loads(render(report, "json"))["findings"][0]["citations"][0]["digest"] is True


def test_listings_show_each_mark(db_url):
    laws = run("corpus", "list", db=db_url).output
    assert "MARK" in laws and "confirmed, digest" in laws and "likely, digest" in laws
    assert "law firm" in laws
    rules = run("rules", "list", db=db_url).output
    header = rules.splitlines()[0].split()
    assert "MARK" in header and "uncertain = sources conflict" in rules.replace("\n", " ")
    shown = run("corpus", "show", "kh/criminal-code-2009", db=db_url).output
    assert "[confirmed]" in shown and "[likely]" in shown  # confirmed marks are shown too
    # the JSON shapes stay SPEC §7's
    assert set(json.loads(run("corpus", "list", "--format", "json", db=db_url).output)[0]) == {
        "id", "title", "versions", "provisions"}
