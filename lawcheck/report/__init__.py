"""The rendering layer: every format lawcheck writes (the registry is
:mod:`lawcheck.report.formats`). A check report (SPEC §5) renders as ``text`` (terminal, via
rich), ``json``, ``markdown`` and ``html`` (one self-contained page from the Jinja2 templates in
``report/templates``).

Every format shows the same content in the same order (see :mod:`lawcheck.report.summary`):
findings sorted most serious first, grouped by activity with the organisation first, and the
three kinds (violation, risk, advisory) always in separate sections. Rendering is a pure function
of the report: no clock, no environment, so the same report gives the same bytes.
"""

from __future__ import annotations

from lawcheck.report.formats import formats as _formats
from lawcheck.report.formats import renderer

FORMATS = _formats("plan")


def render(report: dict, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """The report as ``fmt``. ``color`` and ``width`` matter only for ``text``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if fmt == "text":
        return renderer("plan", fmt)(report, color=color, width=width)
    return renderer("plan", fmt)(report)
