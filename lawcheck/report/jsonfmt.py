"""The report as SPEC §5 JSON: the dict itself, findings in the canonical order."""

from __future__ import annotations

import json

from lawcheck.report.summary import canonical


def render_json(report: dict) -> str:
    return json.dumps(canonical(report), sort_keys=False, ensure_ascii=False, indent=2) + "\n"
