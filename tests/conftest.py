"""Shared fixtures: an isolated data folder and database per test, and the real law samples.

``store_url`` gives a fresh database on each backend: a SQLite file, and a PostgreSQL schema of
its own when ``LAWCHECK_TEST_PG`` names a server (``.ci/run`` starts one and sets it). Without
the variable the PostgreSQL variant is skipped with a reason saying how to run it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "corpus-samples" / "kh"
if os.environ.get("LAWCHECK_SAMPLES"):
    SAMPLES = Path(os.environ["LAWCHECK_SAMPLES"])
PG_URL = os.environ.get("LAWCHECK_TEST_PG")
PG_SKIP = ("PostgreSQL variant not run: set LAWCHECK_TEST_PG=postgresql+psycopg://USER@HOST:PORT/DB "
           "(a database where USER may create schemas), or run .ci/run, which starts one")
BACKENDS = ["sqlite", "postgresql"]
_HOME = pytest.StashKey[tuple]()  # the test session's own data folder, and its undo


def pytest_configure(config):
    """Collection and the module and session fixtures run before ``isolated_home``, and wrote to
    the user's real data folder (the parsed-YAML cache, ``checked.json``): under pytest -n auto
    both workers at once, each reading, changing and writing back the one list of checked
    databases. Each process (each worker) gets a data folder of its own instead."""
    patch = pytest.MonkeyPatch()
    home = Path(tempfile.mkdtemp(prefix="lawcheck-test-home-"))
    patch.setenv("LAWCHECK_HOME", str(home))
    patch.delenv("LAWCHECK_DB", raising=False)
    patch.delenv("LAWCHECK_CORPUS", raising=False)
    config.stash[_HOME] = (patch, home)


def pytest_sessionfinish(session):
    """Removed here, not at unconfigure, which a pytest-xdist worker may not live to reach."""
    patch, home = session.config.stash.get(_HOME, (None, None))
    if patch is not None:
        patch.undo()
        shutil.rmtree(home, ignore_errors=True)
        del session.config.stash[_HOME]


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


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """A fresh, empty database on each backend (the store, ingest and check tests use it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    with pg_schema() as url:
        yield url


@pytest.fixture(params=BACKENDS, scope="module")
def module_store_url(request, tmp_path_factory) -> str:
    """One database per module and backend, for tests that only read the shipped corpus."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'module.db'}"
        return
    with pg_schema() as url:
        yield url


@contextmanager
def pg_schema():
    """A schema of its own in the LAWCHECK_TEST_PG database, found through ``search_path`` in
    the URL, so tests never see each other's tables; dropped afterwards. A schema is much
    quicker to make than a database, and lawcheck only ever uses the default schema."""
    if not PG_URL:
        pytest.skip(PG_SKIP)
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    schema = f"lc_test_{uuid.uuid4().hex[:12]}"
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True, connect_timeout=10) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield url.update_query_dict({"options": f"-csearch_path={schema}"}) \
                .render_as_string(hide_password=False)
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


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
