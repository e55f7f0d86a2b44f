"""A corrupt, empty, truncated or foreign database, or a server that is down (issue 7): every
command that opens the database stops with exit 2, names the file, says what to do, prints no
traceback, and leaves the file byte for byte as it was."""

from __future__ import annotations

import os
import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawcheck import api
from lawcheck.cli import cli

PLAN = Path(__file__).resolve().parents[1] / "examples" / "land-forum.yaml"

# Every command that opens the database, with arguments that would otherwise succeed.
COMMANDS = [
    ["check", str(PLAN), "--as-of", "2026-12-01"],
    ["review", "--text", "Join our training.", "--org-type", "domestic_ngo"],
    ["corpus", "list"],
    ["corpus", "search", "notice"],
    ["history"],
    ["purge", "--before", "2000-01-01"],
    ["wipe", "--yes"],
]


def _random_bytes(path: Path, _real: Path) -> str:
    path.write_bytes(os.urandom(8192))
    return "LC401"


def _zero_length(path: Path, _real: Path) -> str:
    path.write_bytes(b"")
    return "LC401"


def _truncated(path: Path, real: Path) -> str:
    data = real.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return "LC405"  # a SQLite file, damaged (issue 18: wipe may delete it, below)


def _header_only(path: Path, real: Path) -> str:
    path.write_bytes(real.read_bytes()[:100])
    return "LC405"


def _foreign(path: Path, _real: Path) -> str:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    con.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    con.commit()
    con.close()
    return "LC402"


KINDS = [_random_bytes, _zero_length, _truncated, _header_only, _foreign]


@pytest.fixture(scope="module")
def real_db(tmp_path_factory) -> Path:
    """A real lawcheck database with the shipped corpus, closed (no WAL left beside it)."""
    path = tmp_path_factory.mktemp("real") / "real.db"
    api.list_laws(db=f"sqlite:///{path}")
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_bad_database_file_is_refused_and_left_as_it_was(make, argv, real_db, tmp_path):
    path = tmp_path / "lawcheck.db"
    code = make(path, real_db)
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(path), *argv])
    if code == "LC405" and argv[0] == "wipe":
        # a damaged SQLite file is the one thing wipe may delete (issue 18, item 11)
        assert result.exit_code == 0 and "was damaged, so it was deleted" in result.output
        assert not path.exists()
        return
    assert result.exit_code == 2, result.output
    assert f"error {code}" in result.output and str(path) in result.output
    assert "how to fix:" in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert path.read_bytes() == before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("argv", COMMANDS[:3] + [["history"]], ids=lambda a: a[0])
def test_a_postgresql_server_that_is_down_is_a_clear_error(argv):
    url = f"postgresql+psycopg://lawcheck@127.0.0.1:{_free_port()}/lawcheck?connect_timeout=3"
    result = CliRunner().invoke(cli, ["--db", url, *argv])
    assert result.exit_code == 2, result.output
    assert "error LC404" in result.output and "127.0.0.1" in result.output
    assert "server is running" in result.output  # the fix names the likely cause
    assert "Traceback" not in result.output


def test_a_new_database_never_exists_half_made(tmp_path):
    """The file appears whole (a SQLite header, mode 0600) or not at all: an empty file is
    always someone else's, which is why an empty file can be refused."""
    path = tmp_path / "new" / "lawcheck.db"
    api.list_laws(db=str(path))
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".new")] == []
