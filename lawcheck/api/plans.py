"""Plans in the façade: the annotated plan template and the compliance calendar (deadlines of an
organisation and of a plan's activities). Neither needs the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def plan_template() -> str:
    """The annotated YAML plan ``lawcheck plan template`` prints: every key a plan may use
    (SPEC §8: this template is authoritative)."""
    from lawcheck.plan.template import template

    return template()


def compliance_calendar(org: str | Path | None = None, *, as_of: str | date | None = None,
                        start: str | date | None = None, end: str | date | None = None,
                        plan: str | Path | None = None) -> dict:
    """The organisation's legal deadlines from ``start`` to ``end`` as of ``as_of``, with the
    coming elections (all of them without ``org``) and, with ``plan``, its activities' own
    deadlines; what ``lawcheck calendar`` prints (render it with lawcheck.deadlines)."""
    from lawcheck.deadlines import compliance_calendar as calendar

    return calendar(org, as_of=as_of, start=start, end=end, plan=plan)  # type: ignore[arg-type]
