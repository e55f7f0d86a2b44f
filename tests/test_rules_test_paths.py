"""``lawcheck rules test PATH``: a relative path is the user's, from the working directory, and a
path that selects no test case is an error, never "0 passed" (issue 11)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from lawcheck.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CASES = "rules/kh/peaceful-demonstration.tests.yaml"


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", db, "rules", "test", *args], catch_exceptions=False)


def test_a_relative_path_is_read_from_the_working_directory(db_url, monkeypatch):
    monkeypatch.chdir(ROOT)
    relative = run(db_url, CASES)
    absolute = run(db_url, str(ROOT / CASES))
    assert relative.exit_code == 0, relative.output
    passed = relative.output.strip().splitlines()[-1]
    assert passed == absolute.output.strip().splitlines()[-1]
    assert not passed.startswith("0 passed")
    monkeypatch.chdir(ROOT / "rules")
    assert run(db_url, "kh/peaceful-demonstration.tests.yaml").output.strip().splitlines()[-1] \
        == passed


def test_a_path_with_no_test_case_is_an_error(db_url, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(db_url, "rules/kh/peaceful-demonstration.yaml")  # the rules, not their tests
    assert result.exit_code == 2
    assert "LC206" in result.output and "no test cases" in result.output
    assert "Traceback" not in result.output
