"""The store: file safety, migrations, versions, transactions and search."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from lawcheck import api
from lawcheck.errors import OptionError, SourceFileError, StoreError
from lawcheck.store import db as storedb
from lawcheck.store.schema import Base, include_in_migrations

LAW_V1 = """Chapter 1: Scope

Article 1
A group shall notify the commune at least five (5) working days before a gathering.

Article 2
A group that fails to notify shall receive a written warning.
"""
LAW_V2 = LAW_V1.replace("five (5)", "ten (10)") + "\nArticle 3\nThis law takes effect at once.\n"


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture
def db_url(store_url):
    """Here every test runs on each backend (SQLite, and PostgreSQL when LAWCHECK_TEST_PG is
    set): these are the tests of the store itself and of ingest through it."""
    return store_url


def _dump(url: str) -> list:
    """Every row of every table: to show a failed command changed nothing (either backend)."""
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sorted(t for t in inspect(conn).get_table_names() if "fts" not in t)
            return [(t, [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{t}" ORDER BY 1'))])
                    for t in tables]
    finally:
        engine.dispose()


def test_default_database_is_private_and_in_wal_mode(isolated_home):
    api.list_laws()
    path = isolated_home / "lawcheck.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(isolated_home.stat().st_mode) == 0o700
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_shipped_corpus_loads_on_first_use_and_when_it_changes(tmp_path, db_url, monkeypatch):
    laws = api.list_laws(db=db_url)
    assert "kh/peaceful-demonstration-2009" in [l["id"] for l in laws]
    # a copy of the shipped corpus, edited: the change is picked up without any init step
    import shutil

    from lawcheck.settings import corpus_dir

    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir(), copy)
    digest = copy / "kh" / "peaceful-demonstration-2009" / "digest.en.md"
    digest.write_text(digest.read_text(encoding="utf-8").replace(
        "At least five (5) working days", "At least six (6) working days"), encoding="utf-8")
    monkeypatch.setenv("LAWCHECK_CORPUS", str(copy))
    art7 = api.show("kh/peaceful-demonstration-2009/art-7", db=db_url)
    assert "six (6) working days" in art7["text"]
    assert len(art7["versions"]) == 1  # the shipped version was replaced, not duplicated
    # a change to the metadata alone (a confidence mark) is picked up too
    meta = copy / "kh" / "peaceful-demonstration-2009" / "law.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "  art-7:\n    confidence: confirmed", "  art-7:\n    confidence: likely"),
        encoding="utf-8")
    art7 = api.show("kh/peaceful-demonstration-2009/art-7", db=db_url)
    assert art7["versions"][0]["confidence"] == "likely"


def test_versions_are_kept_and_the_previous_one_is_closed(tmp_path, db_url):
    api.ingest(_write(tmp_path, "v1.txt", LAW_V1), law_id="kh/test-law", new=True, version="2020",
               effective="2020-01-01", db=db_url)
    api.ingest(_write(tmp_path, "v2.txt", LAW_V2), law_id="kh/test-law", new=True, version="2024",
               effective="2024-06-01", db=db_url)
    law = [l for l in api.list_laws(db=db_url) if l["id"] == "kh/test-law"][0]
    assert [(v["version"], v["effective_from"], v["effective_to"]) for v in law["versions"]] == [
        ("2020", "2020-01-01", "2024-05-31"), ("2024", "2024-06-01", None)]
    assert api.show("kh/test-law", db=db_url)["version"] == "2024"
    old = api.show("kh/test-law", version="2020", db=db_url)
    texts = {p["id"]: p["text"] for p in old["provisions"]}
    assert "five (5)" in texts["kh/test-law/art-1"] and "kh/test-law/art-3" not in texts
    art1 = api.show("kh/test-law/art-1", db=db_url)
    assert [v["version"] for v in art1["versions"]] == ["2020", "2024"]


def test_reingesting_the_same_file_changes_nothing(tmp_path, db_url):
    path = _write(tmp_path, "v1.txt", LAW_V1)
    first = api.ingest(path, law_id="kh/test-law", new=True, db=db_url)
    before = _dump(db_url)
    again = api.ingest(path, law_id="kh/test-law", new=True, db=db_url)
    assert again.unchanged and again.version == first.version
    assert _dump(db_url) == before


def test_same_version_label_with_other_content_is_refused(tmp_path, db_url):
    api.ingest(_write(tmp_path, "v1.txt", LAW_V1), law_id="kh/test-law", new=True, version="A",
               db=db_url)
    before = _dump(db_url)
    with pytest.raises(OptionError) as info:
        api.ingest(_write(tmp_path, "v2.txt", LAW_V2), law_id="kh/test-law", new=True, version="A",
                   db=db_url)
    assert info.value.code == "LC224"
    assert _dump(db_url) == before


def test_a_failed_ingest_leaves_the_database_exactly_as_it_was(tmp_path, db_url, monkeypatch):
    api.ingest(_write(tmp_path, "v1.txt", LAW_V1), law_id="kh/test-law", new=True, db=db_url)
    before = _dump(db_url)
    from lawcheck.store import repository

    def explode(*args, **kwargs):
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(repository, "add_version", explode)
    with pytest.raises(RuntimeError):
        api.ingest(_write(tmp_path, "v2.txt", LAW_V2), law_id="kh/test-law", new=True, db=db_url)
    assert _dump(db_url) == before


def test_text_without_articles_is_refused(tmp_path, db_url):
    with pytest.raises(SourceFileError) as info:
        api.ingest(_write(tmp_path, "x.txt", "Just a letter.\nNo law here.\n"),
                   law_id="kh/x", new=True, db=db_url)
    assert info.value.code == "LC214"


def test_corrupt_and_foreign_databases_are_refused_not_overwritten(tmp_path):
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as info:
        storedb.open_store(f"sqlite:///{corrupt}")
    assert info.value.code == "LC401" and str(corrupt) in info.value.render()
    assert corrupt.read_bytes().startswith(b"this is not")

    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as info:
        storedb.open_store(f"sqlite:///{foreign}")
    assert info.value.code == "LC402"
    con = sqlite3.connect(foreign)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["invoices"]
    con.close()


def _revisions() -> list[str]:
    """Every migration, oldest first, as Alembic chains them."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(storedb.__file__).parent / "migrations"))
    return [s.revision for s in reversed(list(ScriptDirectory.from_config(cfg).walk_revisions()))]


def _schema_version(store) -> str | None:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_migrations_step_from_the_first_schema_to_the_latest_and_back(db_url):
    """Each migration up, one at a time, keeping data; the result matches the models; each
    one down again to an empty database; and up to the head once more."""
    revisions = _revisions()
    assert revisions[-1] == storedb.HEAD
    store = storedb.open_store(db_url)
    try:
        storedb._run_alembic(store, "downgrade", "base")
        with store.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == {"alembic_version"}
        storedb._run_alembic(store, "upgrade", revisions[0])
        with store.transaction() as session:  # a row written under the first schema
            session.execute(text("INSERT INTO store_meta (key, value) VALUES ('probe', 'kept')"))
        for revision in revisions:
            storedb._run_alembic(store, "upgrade", revision)
            assert _schema_version(store) == revision
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM store_meta WHERE key = 'probe'")) \
                .scalar() == "kept"
            from alembic.autogenerate import compare_metadata
            from alembic.migration import MigrationContext

            context = MigrationContext.configure(
                conn, opts={"include_object": include_in_migrations, "compare_type": True})
            diff = compare_metadata(context, Base.metadata)
            assert diff == [], f"models changed without a migration: {diff}"
        for revision in reversed(revisions):
            storedb._run_alembic(store, "downgrade", "-1")
            assert _schema_version(store) != revision
        with store.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == {"alembic_version"}
        storedb._run_alembic(store, "upgrade", "head")
        assert _schema_version(store) == storedb.HEAD
    finally:
        store.close()
    assert api.list_laws(db=db_url)  # the re-migrated database is usable


def test_search_ranks_and_finds_across_laws(tmp_path, db_url):
    api.ingest(_write(tmp_path, "v1.txt", LAW_V1), law_id="kh/test-law", new=True, db=db_url)
    hits = api.search("written warning", db=db_url)
    ids = [h["id"] for h in hits]
    assert "kh/test-law/art-2" in ids
    assert all(h["kind"] not in ("paragraph", "point") for h in hits)
    assert api.search("no-such-word-anywhere", db=db_url) == []


def test_diff_lists_added_removed_and_changed_words(tmp_path, db_url):
    api.ingest(_write(tmp_path, "v1.txt", LAW_V1), law_id="kh/test-law", new=True, version="1",
               db=db_url)
    api.ingest(_write(tmp_path, "v2.txt", LAW_V2), law_id="kh/test-law", new=True, version="2",
               db=db_url)
    d = api.diff("kh/test-law", db=db_url)
    assert d["added"] == ["kh/test-law/art-3"]
    assert d["removed"] == []
    assert [c["id"] for c in d["changed"]] == ["kh/test-law/art-1"]
    words = d["changed"][0]["words"]
    assert ["-", "five (5)"] in words and ["+", "ten (10)"] in words
    assert api.diff("kh/test-law", "2", "1", db=db_url)["removed"] == ["kh/test-law/art-3"]


@pytest.mark.slow
def test_first_use_by_several_processes_at_once(db_url):
    """Four processes opening a new database together: one schema, one shipped version."""
    import subprocess
    import sys

    url = db_url
    procs = [subprocess.Popen([sys.executable, "-m", "lawcheck", "--db", url, "corpus", "list",
                               "--format", "json"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert [rc for _, _, rc in results] == [0, 0, 0, 0], [err for _, err, _ in results]
    laws = api.list_laws(db=url)
    assert laws and all(len(l["versions"]) == 1 for l in laws)  # each shipped law loaded once


def test_search_treats_underscore_and_percent_as_letters(tmp_path, db_url):
    """On PostgreSQL the word match used LIKE, where "_" matches any one character."""
    law = ("Article 1\nThe register_book is kept at the office.\n"
           "Article 2\nThe registerXbook is not a thing.\n")
    api.ingest(_write(tmp_path, "law.txt", law), law_id="kh/underscore-law", new=True,
               db=db_url)
    ids = [h["id"] for h in api.search("register_book", db=db_url)]
    assert ids == ["kh/underscore-law/art-1"]


KHMER_LAW = ("មាត្រា ១\nការធ្វើបាតុកម្មដោយសន្តិវិធីត្រូវជូនដំណឹងជាលាយលក្ខណ៍អក្សរ។\n"
             "មាត្រា ២\nក្រសួងមហាផ្ទៃទទួលខុសត្រូវលើការចុះបញ្ជីសមាគម។\n")


def test_search_finds_a_khmer_word_inside_a_run(tmp_path, db_url):
    """Khmer writes no spaces: "បាតុកម្ម" (demonstration) sits inside one long run of letters,
    which the plain index holds as a single word."""
    api.ingest(_write(tmp_path, "km.txt", KHMER_LAW), law_id="kh/km-law", new=True,
               language="km", db=db_url)
    ids = [h["id"] for h in api.search("បាតុកម្ម", db=db_url)]
    assert ids == ["kh/km-law/art-1"]
    hit = api.search("បាតុកម្ម", db=db_url)[0]
    assert "[បាតុកម្ម]" in hit["snippet"]
    assert [h["id"] for h in api.search("សមាគម", db=db_url)] == ["kh/km-law/art-2"]
    assert [h["id"] for h in api.search("បាតុកម្ម សមាគម", db=db_url)] == []  # all words
    # a piece of a word is not a word: "កម្ម" is the tail of "បាតុកម្ម"
    assert api.search("កម្ម", db=db_url) == []


def test_migration_0004_segments_the_khmer_already_stored(tmp_path, db_url):
    """A database at 0003 holding a Khmer law: upgrading to 0004 segments its rows, so search
    finds a word inside a run without ingesting again; downgrading removes the index."""
    api.ingest(_write(tmp_path, "km.txt", KHMER_LAW), law_id="kh/km-law", new=True,
               language="km", db=db_url)
    store = storedb.open_store(db_url)
    try:
        storedb._run_alembic(store, "downgrade", "0003")
        with store.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("provisions")}
        assert "segmented" not in columns
        storedb._run_alembic(store, "upgrade", "head")
        with store.engine.connect() as conn:
            stored = conn.execute(text("SELECT segmented FROM provisions WHERE provision_id = "
                                       "'kh/km-law/art-1'")).scalar()
        assert " បាតុកម្ម " in stored
    finally:
        store.close()
    assert [h["id"] for h in api.search("បាតុកម្ម", db=db_url)] == ["kh/km-law/art-1"]
