"""The report as SPEC §5 JSON: the dict itself, findings in the canonical order. A typed report
(lawcheck.report_model) becomes JSON here, at the edge."""

from __future__ import annotations

import json

from lawcheck.report.summary import canonical
from lawcheck.report_model import AnyReport


def render_json(report: dict | AnyReport) -> str:
    data = report if isinstance(report, dict) else report.to_dict()
    return json.dumps(canonical(data), sort_keys=False, ensure_ascii=False, indent=2) + "\n"
