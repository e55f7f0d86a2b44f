"""The library façade: the CLI, tests and a later web UI all call these functions.

Each function opens the store (``db``: a URL or path; default from ``LAWCHECK_DB`` or the data
directory), loads the shipped corpus if it changed, does one job and returns plain values.
"""

from lawcheck.api.audit import (deletion_preview, export_run, history, purge, record_check,
                                 show_run, wipe)
from lawcheck.api.check import check
from lawcheck.api.corpus import diff, ingest, list_laws, opened, search, show
from lawcheck.api.review import review
from lawcheck.api.rules import (
    explain, lint_rules, load_rules, rules_catalog, rules_coverage, rules_impact, rules_list,
    rules_show, rules_test,
)

__all__ = ["check", "deletion_preview", "diff", "explain", "export_run", "history",
           "ingest", "lint_rules", "list_laws", "load_rules", "opened", "purge",
           "record_check", "review", "rules_catalog", "rules_coverage", "rules_impact",
           "rules_list", "rules_show", "rules_test", "search", "show", "show_run",
           "wipe"]
