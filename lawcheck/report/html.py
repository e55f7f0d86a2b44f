"""The report as one self-contained HTML page, from the template report/templates/report/plan.html
(autoescaped; every piece of report content is escaped, the CSS is inline with a print
stylesheet, and there are no scripts, fonts, images or links outside the page)."""

from __future__ import annotations

from lawcheck.report import summary as S
from lawcheck.report.templating import render


def render_html(report: dict) -> str:
    report = S.canonical(report)
    anchors = {id(f): f"f{i}" for i, f in enumerate(report["findings"], 1)}
    title, meta = S.header_lines(report)
    return render("report/plan.html", report=report, title=title, meta=meta,
                  anchor=lambda finding: anchors[id(finding)])
