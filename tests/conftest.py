"""Shared fixtures: an isolated data folder and database per test, and the real law samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "corpus-samples" / "kh"
if os.environ.get("LAWCHECK_SAMPLES"):
    SAMPLES = Path(os.environ["LAWCHECK_SAMPLES"])


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data folder: no test touches the user's real database."""
    home = tmp_path / "home"
    monkeypatch.setenv("LAWCHECK_HOME", str(home))
    monkeypatch.delenv("LAWCHECK_DB", raising=False)
    monkeypatch.delenv("LAWCHECK_CORPUS", raising=False)
    return home


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"real law samples not present at {SAMPLES} (they live in ../shared)")
    return SAMPLES


@pytest.fixture(scope="session")
def corpus_ids(tmp_path_factory) -> set[str]:
    """Every citable id of the shipped corpus (provisions and whole laws)."""
    from lawcheck import api
    from lawcheck.store import repository

    db = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'ids.db'}"
    with api.opened(db) as store, store.sessions() as session:
        return repository.provision_ids(session)
