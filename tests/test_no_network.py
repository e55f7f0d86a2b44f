"""No command opens a network connection (SPEC §1, issue 7): plans and statements are sensitive.

Sockets are blocked in-process — connect, connect_ex, sendto, create_connection and name lookups —
and every command of the click group is run through CliRunner. Unix sockets stay allowed (they
never leave the machine). The commands are enumerated from the group itself, so a new command
fails ``test_every_command_is_exercised`` until an invocation for it is added below.

This runs on SQLite: libpq (PostgreSQL) connects from C, below Python's socket module, so the
PostgreSQL URL a team sets is a connection the user chose, not one lawcheck makes on its own.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from lawcheck.cli import cli

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "land-forum.yaml"
ORG = ROOT / "examples" / "land-org.yaml"
ACTIVITIES = ROOT / "examples" / "land-forum-activities.csv"
LAW = "kh/peaceful-demonstration-2009"
RULE = "kh.assembly.notice.late"

# (command path, arguments after it). "{tmp}" is the test's folder, "{run}" a stored run id.
INVOCATIONS: list[tuple[str, list[str]]] = [
    ("", ["--help"]),
    ("", ["--version"]),
    ("check", [str(PLAN), "--as-of", "2026-12-01", "--format", "json"]),
    ("check", [str(ACTIVITIES), "--org", str(ORG), "--as-of", "2026-12-01",
               "-o", "{tmp}/report.html"]),
    ("review", ["--text", "We call on every voter to support the opposition party.",
                "--org-type", "domestic_ngo", "--date", "2026-12-01", "--format", "jsonl"]),
    ("review", ["{tmp}/statements.csv", "--org-type", "domestic_ngo", "--date", "2026-12-01",
                "--format", "csv", "-o", "{tmp}/review.csv"]),
    ("calendar", ["--org", str(ORG), "--as-of", "2026-12-01", "--format", "ics"]),
    ("corpus list", ["--format", "json"]),
    ("precedents list", ["--format", "json"]),
    ("precedents show", ["2020-rong-chhun-arrest"]),
    ("precedents search", ["border"]),
    ("corpus show", [LAW]),
    ("corpus show", [f"{LAW}/art-7", "--format", "json"]),
    ("corpus search", ["written", "notice"]),
    ("corpus ingest", ["{tmp}/law.txt", "--law", "kh/test-law", "--version", "1", "--new"]),
    ("corpus ingest", ["{tmp}/law2.txt", "--law", "kh/test-law", "--version", "2"]),
    ("corpus diff", ["kh/test-law", "--format", "json"]),
    ("plan template", ["-o", "{tmp}/template.yaml"]),
    ("plan schema", ["-o", "{tmp}/plan.schema.json"]),
    ("rules list", ["--format", "json"]),
    ("rules show", [RULE]),
    ("rules lint", []),
    ("rules test", ["--engine", "reference"]),
    ("rules coverage", ["--format", "json"]),
    ("rules catalog", ["-o", "{tmp}/catalog.html"]),
    ("rules impact", ["kh/test-law", "--format", "json"]),
    ("explain", [RULE, "{tmp}/facts.yaml"]),
    ("history", ["--format", "json"]),
    ("show", ["{run}", "--format", "json"]),
    ("export", ["{run}", "-o", "{tmp}/pack.zip"]),
    ("purge", ["--before", "2000-01-01"]),
    ("wipe", ["--yes"]),
    # serve runs until stopped: its pages and API run with sockets blocked in
    # tests/test_web.py::test_the_web_page_opens_no_network_connection
    ("serve", ["--help"]),
]

LAW_TEXT = ("Article 1\nA group shall notify the commune five (5) working days before.\n\n"
            "Article 2\nA group that fails to notify shall receive a written warning.\n")


class NetworkBlocked(OSError):
    pass


@pytest.fixture
def attempts(monkeypatch) -> list[str]:
    """Every network attempt, recorded (and refused) wherever it came from."""
    tried: list[str] = []

    def refuse(what):
        def blocked(*args, **kwargs):
            tried.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise NetworkBlocked(f"lawcheck tried the network: {what}")
        return blocked

    real_connect = socket.socket.connect

    def connect(sock, address):
        if sock.family == getattr(socket, "AF_UNIX", None):
            return real_connect(sock, address)
        return refuse("socket.connect")(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return tried


def _leaf_commands(group: click.Group, prefix: str = "") -> set[str]:
    found = set()
    for name, command in group.commands.items():
        path = f"{prefix} {name}".strip()
        if isinstance(command, click.Group):
            found |= _leaf_commands(command, path)
        else:
            found.add(path)
    return found


def test_every_command_is_exercised():
    missing = _leaf_commands(cli) - {path for path, _ in INVOCATIONS}
    assert not missing, f"add an invocation to INVOCATIONS for: {sorted(missing)}"


def test_the_socket_block_really_blocks(attempts):
    """The guard itself: a connection to a routable address is refused and recorded."""
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    assert len(attempts) == 2


def test_no_command_opens_a_network_connection(attempts, tmp_path):
    (tmp_path / "law.txt").write_text(LAW_TEXT, encoding="utf-8")
    (tmp_path / "law2.txt").write_text(LAW_TEXT.replace("five (5)", "ten (10)"),
                                       encoding="utf-8")
    (tmp_path / "statements.csv").write_text(
        "id,text\ns1,The commune chief is a thief and a traitor.\ns2,Join our training.\n",
        encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(
        "subject.date: 2026-12-10\nactivity.type: march\nactivity.public_space: true\n"
        "activity.notified: true\nactivity.notice_working_days: 3\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'lawcheck.db'}"
    runner = CliRunner()
    run_id = None
    for path, args in INVOCATIONS:
        if "{run}" in " ".join(args) and run_id is None:
            history = runner.invoke(cli, ["--db", db, "history", "--format", "json"])
            run_id = json.loads(history.output)[0]["id"]
        argv = ["--db", db, *path.split(), *[a.format(tmp=tmp_path, run=run_id) for a in args]]
        result = runner.invoke(cli, argv, catch_exceptions=False)
        assert attempts == [], f"`lawcheck {' '.join(argv[2:])}` tried the network: {attempts}"
        # exit 1 is "ran, with findings"; anything else means the command did not really run
        assert result.exit_code in (0, 1), (argv, result.output)
        assert "Traceback" not in result.output
