"""The precedent part of the façade: load (checked against the corpus), list, show, search."""

from __future__ import annotations

from pathlib import Path

from lawcheck.api.corpus import opened


def load_precedents(paths=None, *, db: str | None = None):
    """The shipped precedent base (or the files / folders ``paths``), with every
    ``legal_basis[].provision`` checked against the corpus in the database."""
    from lawcheck import precedents as pr
    from lawcheck.store import repository as repo

    with opened(db) as store:
        with store.sessions() as session:
            provisions = repo.provision_ids(session)
    return pr.load_precedents(provisions=provisions, paths=_expand(paths))


def _expand(paths) -> list[Path] | None:
    from lawcheck.precedents import precedent_files
    from lawcheck.service import named_files

    return named_files(paths, precedent_files, "precedent",
                       "give a YYYY.yaml file or a folder of them")


def precedents_list(*, category: str | None = None, db: str | None = None) -> list[dict]:
    from lawcheck.precedents import to_dict

    return [to_dict(p, full=False) for p in load_precedents(db=db)
            if category is None or category in p.categories]


def precedents_show(precedent_id: str, *, db: str | None = None) -> dict:
    from lawcheck.precedents import get, to_dict

    return to_dict(get(precedent_id, load_precedents(db=db)))


def precedents_search(words, *, limit: int = 20, db: str | None = None) -> list[dict]:
    from lawcheck.precedents import search, to_dict

    return [dict(to_dict(p, full=False), hits=hits)
            for hits, p in search(words, load_precedents(db=db))[:limit]]
