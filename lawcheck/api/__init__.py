"""The library façade: the CLI, tests and the web page all call these functions.

Each function opens the store (``db``: a URL or path; default from ``LAWCHECK_DB`` or the data
directory), loads the shipped corpus if it changed, does one job and returns plain values:
``check`` a report, ``review`` an iterator of (statement, report) pairs that the caller writes
(lawcheck.review.batch.write_reviews), ``record=True`` storing either as a run. ``Lawcheck(db)``
opens the store once and offers the same functions as methods.
"""

from lawcheck.api.audit import (deletion_preview, export_run, history, purge, record_check,
                                 show_run, wipe)
from lawcheck.api.check import check
from lawcheck.api.corpus import diff, ingest, list_laws, opened, search, show
from lawcheck.api.handle import Lawcheck
from lawcheck.api.plans import compliance_calendar, plan_template
from lawcheck.api.review import Reviews, review
from lawcheck.api.rules import (
    explain, lint_rules, load_rules, rules_catalog, rules_coverage, rules_impact, rules_list,
    rules_show, rules_test,
)

__all__ = ["Lawcheck", "Reviews", "check", "compliance_calendar", "deletion_preview", "diff",
           "explain", "export_run", "history", "ingest", "lint_rules", "list_laws",
           "load_rules", "opened", "plan_template", "purge", "record_check", "review",
           "rules_catalog", "rules_coverage", "rules_impact", "rules_list", "rules_show",
           "rules_test", "search", "show", "show_run", "wipe"]
