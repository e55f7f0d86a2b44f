"""Renderings of a check report (SPEC §5): ``text`` (terminal, via rich), ``json``, ``markdown``
and ``html`` (one self-contained file).

Every format shows the same content in the same order (see :mod:`lawcheck.report.summary`):
findings sorted most serious first, grouped by activity with the organisation first, and the
three kinds (violation, risk, advisory) always in separate sections. Rendering is a pure function
of the report: no clock, no environment, so the same report gives the same bytes.
"""

from __future__ import annotations

FORMATS = ("text", "json", "markdown", "html")


def render(report: dict, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """The report as ``fmt``. ``color`` and ``width`` matter only for ``text``."""
    if fmt == "text":
        from lawcheck.report.text import render_text
        return render_text(report, color=color, width=width)
    if fmt == "json":
        from lawcheck.report.jsonfmt import render_json
        return render_json(report)
    if fmt == "markdown":
        from lawcheck.report.markdown import render_markdown
        return render_markdown(report)
    if fmt == "html":
        from lawcheck.report.html import render_html
        return render_html(report)
    raise ValueError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
