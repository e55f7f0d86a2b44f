"""The activity plan (SPEC §3): strict loading of YAML, JSON, CSV and XLSX plans into a
:class:`Plan`, the schema they are checked against, and the annotated template.

Every problem is reported in one pass as :class:`~lawcheck.errors.PlanError` (exit 2), each a
:class:`~lawcheck.errors.Problem` with file, line (row) and column, codes LC250–LC259.
"""

from lawcheck.errors import PlanError
from lawcheck.plan.loader import Plan, load_organization, load_plan

__all__ = ["Plan", "PlanError", "load_organization", "load_plan"]
