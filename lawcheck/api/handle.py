"""``Lawcheck(db)``: the façade on one database opened once.

Each function of :mod:`lawcheck.api` opens the store, loads the shipped corpus if it changed,
does its job and closes the store again: right for one command, wasteful for a program (or a
notebook) that checks plans and reviews statements one after the other. A :class:`Lawcheck`
opens the store and loads the corpus once; its methods are the façade's functions on that
store, with the same arguments (less ``db``) and the same results::

    with Lawcheck("sqlite:////data/lawcheck.db") as lc:
        report = lc.check("plan.yaml", as_of="2026-12-01", record=True)
        for statement, report in lc.review(["posts.csv"], org_type="domestic_ngo"):
            ...
        runs = lc.history(limit=5)

Deleting runs (``purge``, ``wipe``) stays with the functions: ``wipe`` may delete the database
file itself, which an open store must not see vanish.
"""

from __future__ import annotations

import functools

from lawcheck.api import audit as _audit
from lawcheck.api import corpus as _corpus
from lawcheck.api import precedents as _precedents
from lawcheck.api import rules as _rules
from lawcheck.api.check import check as _check
from lawcheck.api.review import review as _review


def _on_store(function):
    """``function`` as a method that passes this object's open store as ``db``."""

    @functools.wraps(function)
    def method(self, *args, **kwargs):
        if "db" in kwargs:
            raise TypeError(f"{function.__name__}() on a Lawcheck uses its own database; "
                            "call lawcheck.api.{function.__name__}(db=...) for another one")
        return function(*args, db=self.store, **kwargs)

    method.__doc__ = (f"lawcheck.api.{function.__name__} on this object's database.\n\n"
                      + (function.__doc__ or ""))
    return method


class Lawcheck:
    """The façade on one database, opened (and its shipped corpus loaded) once."""

    def __init__(self, db: str | None = None) -> None:
        from lawcheck import shipped
        from lawcheck.store.db import open_store

        self.store = open_store(db)
        try:
            shipped.sync(self.store)
        except BaseException:
            self.store.close()
            raise

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Lawcheck":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # plans and statements
    check = _on_store(_check)
    review = _on_store(_review)
    # the audit trail
    record_check = _on_store(_audit.record_check)
    history = _on_store(_audit.history)
    show_run = _on_store(_audit.show_run)
    export_run = _on_store(_audit.export_run)
    # the law corpus
    ingest = _on_store(_corpus.ingest)
    list_laws = _on_store(_corpus.list_laws)
    show = _on_store(_corpus.show)
    search = _on_store(_corpus.search)
    diff = _on_store(_corpus.diff)
    # the rule base
    load_rules = _on_store(_rules.load_rules)
    lint_rules = _on_store(_rules.lint_rules)
    rules_list = _on_store(_rules.rules_list)
    rules_show = _on_store(_rules.rules_show)
    rules_test = _on_store(_rules.rules_test)
    rules_coverage = _on_store(_rules.rules_coverage)
    rules_catalog = _on_store(_rules.rules_catalog)
    rules_impact = _on_store(_rules.rules_impact)
    explain = _on_store(_rules.explain)
    # the precedent base
    precedents_list = _on_store(_precedents.precedents_list)
    precedents_show = _on_store(_precedents.precedents_show)
    precedents_search = _on_store(_precedents.precedents_search)
