"""Report renderings (lawcheck.report): golden files and the properties a reader relies on.

Golden files live in tests/golden/report.{txt,md,html,json}. After an intended change to a
rendering, rewrite them with

    LAWCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py

and review the diff before committing: the goldens are what programme managers will read.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lawcheck.report import FORMATS, render
from lawcheck.report import summary as S

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LAWCHECK_UPDATE_GOLDEN") == "1"
SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "html": "html"}


def sample_report() -> dict:
    """A hand-built report: two activities (A2 clear), one organisation-level violation, a risk,
    an advisory, a check that could not run and a calendar caveat."""
    return {
        "lawcheck": "0.1.0",
        "checked_at": "2026-12-01T09:30:00+07:00",
        "as_of": "2026-12-01",
        "rulebase": {"version": "3f2a9c0d1e4b5a6978c0ffee00112233", "rules": 57},
        "corpus": {"version": "9b8a7c6d5e4f3a2b1c0d00ddeeff4455", "laws": 9},
        "subject": {"kind": "plan", "source": "plan.yaml", "sha256": "ab" * 32},
        "risk": {
            "deregistration": {
                "level": "high", "score": 0.74,
                "drivers": ["kh.lango.change-notification.late"],
                "explanation": ["A change to the statutes was not notified within 15 days."]},
            "prosecution": {
                "level": "moderate", "score": 0.41,
                "drivers": ["kh.public-order.gathering-near-ministry"],
                "explanation": ["A public gathering is planned near a government building."]},
        },
        "findings": [
            {  # listed out of order on purpose: the renderers sort
                "rule": "kh.security.photo-consent", "title": "Photos of participants published",
                "category": "security", "kind": "advisory", "severity": "medium",
                "consequence": "advisory", "pillar": "people",
                "where": {"activity": "A1"},
                "why": "Published photos have been used to identify and question participants "
                       "<script>alert(1)</script> & their families.",
                "what": "The activity plans to publish photos of participants.",
                "todo": "Ask each participant for consent; blur faces when in doubt.",
                "confidence": "confirmed", "citations": [],
                "mitigations": [{"id": "photo-consent",
                                 "text": "Get written consent before publishing photos."}]},
            {
                "rule": "kh.public-order.gathering-near-ministry",
                "title": "Gathering near a government building",
                "category": "public-order", "kind": "risk", "severity": "high",
                "consequence": "suspension", "pillar": "programs",
                "where": {"activity": "A1", "statement": 1, "spans": [[0, 24]],
                          "excerpt": "We will gather at [the] Ministry gate"},
                "why": "Authorities have stopped similar gatherings as a threat to "
                       "\"public order\", a term the law does not define.",
                "what": "A gathering of 80 people is planned 50 m from the Ministry of Interior.",
                "todo": "Move the gathering indoors or notify the authorities 5 days ahead.",
                "confidence": "likely",
                "citations": [{"provision": "kh/peaceful-demonstration-2009/art-5",
                               "title": "Law on Peaceful Demonstration, Article 5",
                               "text": "A peaceful demonstration shall be notified in writing "
                                       "to the competent authority at least five working days "
                                       "before it is held.",
                               "version": "2009-12-29-en"}],
                "mitigations": [{"id": "notify-authorities",
                                 "text": "Notify the local authorities in writing in time."},
                                {"id": "legal-review",
                                 "text": "Have a lawyer review the plan before going ahead."}]},
            {
                "rule": "kh.lango.change-notification.late",
                "title": "Change of statutes not notified in time",
                "category": "change-notification", "kind": "violation", "severity": "high",
                "consequence": "deregistration", "pillar": "property",
                "where": {},
                "why": "An NGO must tell the Ministry of Interior when it amends its statutes "
                       "within 15 days. (Found: organization.unnotified_change_days = 40.)",
                "what": "A change of statutes made 40 days ago has not been notified.",
                "todo": "Send the notification to the Ministry of Interior now, with the new "
                        "statutes attached, and keep the receipt.",
                "confidence": "confirmed",
                "citations": [{"provision": "kh/lango-2015/art-13",
                               "title": "LANGO 2015, Article 13",
                               "text": "Any amendment to the statutes shall be notified to the "
                                       "Ministry of Interior within 15 days.",
                               "version": "2015-08-12-en"}],
                "mitigations": [{"id": "legal-review",
                                 "text": "Have a lawyer review the plan before going ahead."},
                                {"id": "compliance-calendar",
                                 "text": "Keep a calendar of filing deadlines."}]},
        ],
        "not_checked": [{"rule": "kh.lango.reporting.annual-report-late",
                         "missing": ["organization.reporting.submitted_on"]}],
        "caveats": ["Public holidays for 2027 are not known: deadlines in 2027 are counted "
                    "without them."],
        # the compliance calendar's overdue entries and those due within 30 days (api.check)
        "deadlines": [
            {"date": "2026-12-02", "title": "Notice of the assembly A1 (Land-rights forum) of "
                                            "2026-12-10 to the Kampot Provincial Hall",
             "what": "Lodge the written notice of the assembly A1 with the Kampot Provincial "
                     "Hall by 2 December 2026.",
             "citation": "kh/peaceful-demonstration-2009/art-7", "confidence": "likely",
             "status": "due"},
            {"date": "2026-11-20", "title": "Notice of the change of leader (chair or executive "
                                            "director) of 2026-11-05 to the Ministry of Interior",
             "what": "Tell the Ministry of Interior in writing of the change of leader made on "
                     "5 November 2026, within 15 days of the change (by 20 November 2026).",
             "citation": "kh/moi-notification-122-2024/para-2", "confidence": "likely",
             "status": "overdue"},
        ],
        "activities": [
            {"id": "A1", "title": "Land-rights forum", "type": "assembly", "start": "2026-12-10"},
            {"id": "A2", "title": "Staff training", "type": "training", "start": "2026-12-15"},
        ],
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt):
    got = render(sample_report(), fmt, color=False, width=100)
    path = GOLDEN / f"report.{SUFFIX[fmt]}"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="\n")
    assert got == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; if the change is intended, rerun with LAWCHECK_UPDATE_GOLDEN=1")


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic(fmt):
    """Same report, same bytes; and the input order of findings does not matter."""
    report = sample_report()
    shuffled = copy.deepcopy(report)
    shuffled["findings"].reverse()
    first = render(report, fmt)
    assert render(report, fmt) == first
    assert render(shuffled, fmt) == first
    assert report == sample_report()  # rendering never changes its input


def test_text_ignores_the_environment(monkeypatch):
    expected = render(sample_report(), "text")
    for name, value in {"COLUMNS": "40", "FORCE_COLOR": "1", "TERM": "xterm-256color",
                        "NO_COLOR": "1"}.items():
        monkeypatch.setenv(name, value)
    assert render(sample_report(), "text") == expected
    assert "\x1b[" not in expected
    assert max(len(line) for line in expected.splitlines()) <= 100


def test_text_with_color_has_the_same_words():
    plain = render(sample_report(), "text")
    colored = render(sample_report(), "text", color=True)
    assert "\x1b[" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored).splitlines()[0] == plain.splitlines()[0]


def test_json_is_the_report():
    report = sample_report()
    got = json.loads(render(report, "json"))
    assert [f["rule"] for f in got["findings"]] == [
        "kh.lango.change-notification.late", "kh.public-order.gathering-near-ministry",
        "kh.security.photo-consent"]
    assert {k: v for k, v in got.items() if k != "findings"} == {
        k: v for k, v in report.items() if k != "findings"}
    assert list(got) == list(report)  # key order kept (sort_keys=False)


def test_summary_picks_the_three_most_serious():
    report = sample_report()
    base = report["findings"][0]

    def extra(rule, kind, severity):
        return {**base, "rule": rule, "kind": kind, "severity": severity, "where": {}}

    report["findings"] += [extra("z.low-violation", "violation", "low"),
                           extra("a.critical-advisory", "advisory", "critical"),
                           extra("b.high-risk", "risk", "high"),
                           extra("a.high-risk", "risk", "high")]
    top = [f["rule"] for f in S.top_findings(report)]
    # severity first; at equal severity violation > risk > advisory; then rule id
    assert top == ["a.critical-advisory", "kh.lango.change-notification.late", "a.high-risk"]
    assert [f["rule"] for f in S.top_findings(sample_report())] == [
        "kh.lango.change-notification.late", "kh.public-order.gathering-near-ministry",
        "kh.security.photo-consent"]


def test_mitigations_ranked_by_serious_findings_main_remedy_first():
    firsts = S.first_mitigations(sample_report())
    # legal-review and notify-authorities are each the main (first-listed) remedy of a serious
    # finding; compliance-calendar is only a second remedy, so it comes after them
    assert [(m.id, m.serious, m.total) for m in firsts] == [
        ("legal-review", 2, 2), ("notify-authorities", 1, 1), ("compliance-calendar", 1, 1)]
    # the advisory (medium) is not serious: its mitigation comes after every serious one
    assert "photo-consent" not in [m.id for m in firsts]


def _sections(text: str, headings: dict[str, str]) -> dict[str, str]:
    """Split a rendering at kind headings: {kind: the text up to the next heading of any kind}."""
    marks = sorted((m.start(), kind) for kind, pattern in headings.items()
                   for m in re.finditer(pattern, text))
    ends = [start for start, _ in marks[1:]] + [len(text)]
    return {kind: text[start:end] for (start, kind), end in zip(marks, ends)}


TITLES = {f["rule"]: f["title"] for f in sample_report()["findings"]}
KIND_OF = {f["title"]: f["kind"] for f in sample_report()["findings"]}


@pytest.mark.parametrize("fmt,headings", [
    ("text", {"violation": r"VIOLATIONS \(", "risk": r"RISKS \(", "advisory": r"ADVISORIES \(",
              "end": r"\n\S.* ={3,}"}),
    ("markdown", {"violation": r"### Violations", "risk": r"### Risks",
                  "advisory": r"### Advisories", "end": r"\n## "}),
    ("html", {"violation": r'<section class="kind kind-violation">',
              "risk": r'<section class="kind kind-risk">',
              "advisory": r'<section class="kind kind-advisory">', "end": r"</section>"}),
])
def test_kinds_never_merged(fmt, headings):
    text = render(sample_report(), fmt)
    body = text[text.index("Organisation", text.index("Caveats")):]  # after the summary
    sections = _sections(body, headings)
    assert {"violation", "risk", "advisory"} <= set(sections)
    for kind in ("violation", "risk", "advisory"):
        shown = [title for title in KIND_OF if title in sections[kind]]
        assert shown and all(KIND_OF[t] == kind for t in shown), (kind, shown)


def test_groups_organisation_first_and_clear_activities():
    groups = S.groups(sample_report())
    assert [g.activity for g in groups] == [None, "A1", "A2"]
    assert [s.kind for s in groups[1].sections] == ["risk", "advisory"]
    assert groups[2].sections == ()
    for fmt in ("text", "markdown", "html"):
        text = render(sample_report(), fmt)
        assert S.CLEAR in text
        assert text.index("Organisation", text.index("Caveats")) < text.index(
            "Activity A1: Land-rights forum") < text.index("Activity A2: Staff training")


def test_unknown_kind_gets_its_own_section():
    report = sample_report()
    report["findings"][0]["kind"] = "hunch"
    [a1] = [g for g in S.groups(report) if g.activity == "A1"]
    assert [s.kind for s in a1.sections] == ["risk", "hunch"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_finding_shows_confidence_why_what_todo_and_article(fmt):
    text = render(sample_report(), fmt)
    if fmt == "html":
        text = text.replace("&quot;", '"')
    assert text.count("official Khmer text") == 1  # only the "likely" finding
    for f in sample_report()["findings"]:
        assert f["title"] in text
        for c in f["citations"]:
            assert c["provision"] in text
    assert "Not checked" in text and "organization.reporting.submitted_on" in text.replace("\\", "")
    assert "Public holidays for 2027 are not known" in text
    # the level in words, its score behind "How this was computed"
    assert "High: " in text and "(score 0.74)" in text
    assert "Moderate: " in text and "(score 0.41)" in text


def test_html_is_self_contained_and_escaped():
    page = render(sample_report(), "html")
    assert not re.search(r"https?://", page)
    assert not re.search(r"<(script|link|img|iframe|object)\b", page, re.I)
    assert not re.search(r"\b(src|srcset)\s*=|@import|url\(", page, re.I)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; their families" in page
    assert "@media print" in page and "<style>" in page


def test_html_escapes_every_field():
    report = sample_report()
    evil = '<b onclick="x">'
    report["subject"]["source"] = evil
    report["activities"][0]["title"] = evil
    report["caveats"].append(evil)
    report["not_checked"][0]["missing"].append(evil)
    f = report["findings"][1]
    for key in ("title", "what", "todo"):
        f[key] = evil
    f["where"]["excerpt"] = evil
    f["citations"][0]["text"] = evil
    f["mitigations"][0]["text"] = evil
    f["kind"] = '"><b>'
    report["risk"]["prosecution"]["explanation"].append(evil)
    page = render(report, "html")
    assert "<b onclick" not in page and "<b>" not in page and 'kind-"' not in page
    assert page.count("&lt;b onclick=&quot;x&quot;&gt;") >= 12


def test_markdown_escapes_markup():
    text = render(sample_report(), "markdown")
    assert "<script>" not in text
    assert r"\<script\>" in text
    assert r"\[the\]" in text


def test_rich_is_not_imported_with_the_package():
    code = ("import sys, lawcheck.report as r; r.render({}, 'json'); r.render({}, 'markdown');"
            "r.render({}, 'html'); print('rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_empty_report_renders():
    for fmt in FORMATS:
        assert render({}, fmt).endswith("\n")
    assert "None." in render({}, "text")


def test_unknown_format():
    with pytest.raises(ValueError, match="markdown"):
        render(sample_report(), "pdf")


# --- what to do and by when; risks in plain words (issue 17) -------------------------------------

@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_summary_leads_with_the_overdue_duty_then_what_is_due(fmt):
    """The overdue change notice comes before anything else in the summary (before the risks
    and the most serious findings), then what falls due, each with its date in words."""
    got = render(sample_report(), fmt, color=False, width=200)
    summary = got[got.index("Summary"):]
    overdue = summary.index("Overdue since 20 November 2026 (11 days late): Notice of the change "
                            "of leader")
    due = summary.index("By 2 December 2026 (in 1 day): Notice of the assembly A1")
    assert overdue < due < summary.index("Deregistration risk") < summary.index(
        "Most serious findings")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_report_with_nothing_due_says_so_and_one_without_deadlines_is_silent(fmt):
    report = sample_report()
    report["deadlines"] = []
    assert "Nothing overdue and nothing due in the next 30 days" in render(
        report, fmt, color=False, width=300)
    del report["deadlines"]  # a stored report from before deadlines were carried
    assert S.ACT_BY_HEADING not in render(report, fmt, color=False, width=300)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_each_risk_plain_first_and_the_arithmetic_behind_it(fmt):
    report = sample_report()
    report["risk"]["deregistration"]["ladder"] = "none"
    got = render(report, fmt, color=False, width=300)
    plain = got.index("High: the Ministry may suspend the organisation; no prior warning "
                      "recorded, so the next measure is a warning or a temporary suspension")
    computed = got.index("How this was computed (score 0.74)")
    assert plain < computed < got.index("A change to the statutes was not notified within 15")
    if fmt == "html":  # the arithmetic is folded away
        assert "<details><summary>How this was computed (score 0.74)</summary>" in got


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_matched_facts_are_one_plain_line_not_in_why(fmt):
    got = render(sample_report(), fmt, color=False, width=300)
    assert "(Found:" not in got and "organization.unnotified_change_days" not in got
    assert "Your plan says" in got and "a change not yet notified was made 40 days ago" in got
    assert "when it amends its statutes within 15 days." in got  # the legal reason stays
