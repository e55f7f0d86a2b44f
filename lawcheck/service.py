"""What the façade, the reviewer and the audit trail share below the façade: an open store with
the shipped corpus loaded, the rule base loaded against that corpus's provisions, and the index
of the provision versions the rules cite.

These were the façade's private helpers; the reviewer imported them from ``lawcheck.api``, an
import that ran up the layers. They live here, below every caller. The store (SQLAlchemy's
adapter) is imported only inside the functions that use it, so that importing this module
stays light (``lawcheck --help`` imports no heavy library).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from lawcheck.errors import InputError
from lawcheck.rulebase.loader import load, rule_files
from lawcheck.rulebase.model import RuleBase
from lawcheck.settings import rules_dir


@contextmanager
def opened(db=None, *, sync: bool = True) -> Iterator:
    """An open store with the shipped corpus loaded (``sync``); closed on exit. ``db`` is a URL
    or path, or a store already open (``lawcheck.api.Lawcheck``'s): that one is used as it is
    and stays open, its corpus loaded when it was opened."""
    from lawcheck import shipped
    from lawcheck.store.db import Store, open_store

    if isinstance(db, Store):
        yield db
        return
    store = open_store(db)
    try:
        if sync:
            shipped.sync(store)
        yield store
    finally:
        store.close()


def named_files(paths, files_in, what: str, fix: str) -> list[Path] | None:
    """The files the user named: each file, and ``files_in(folder)`` for each folder; None
    when none is named (the whole shipped base). A path that does not exist is LC201."""
    if not paths:
        return None
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += files_in(path)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"no such {what} file or folder: {path}", code="LC201", fix=fix)
    return found


def rule_paths(paths) -> list[Path] | None:
    """The rule files the user named (files, or folders of them); None for the whole base."""
    return named_files(paths, rule_files, "rule", "give a .yaml file or a folder of them")


def load_rulebase(store, paths=None) -> RuleBase:
    """Load and check the rule base (``paths``: some of its files) against the provisions the
    store holds; every problem is reported at once, as a RulesError."""
    from lawcheck.store import repository as repo

    with store.sessions() as session:
        provisions = repo.provision_ids(session)
    return load(rules_dir(), provisions, rule_paths(paths))


def citation_index(store, rulebase: RuleBase) -> dict:
    """The stored versions of every provision the rules and mitigations cite, and of the law
    versions they belong to (so a citation gone from a law's newest version is seen)."""
    from lawcheck.store import repository as repo

    cited = {c for r in rulebase.rules for c in r.citations}
    cited |= {p.citation for m in rulebase.mitigations.values() for p in m.parameters}
    cited |= {"/".join(c.split("/")[:2]) for c in cited}  # their laws' versions: gone citations
    with store.sessions() as session:
        return repo.citation_index(session, cited)
