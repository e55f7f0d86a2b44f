"""mypy passes on the modules mypy.ini names (issue 16), so CI keeps them typed."""

from __future__ import annotations

import configparser
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mypy.ini"


def mypy(*args: str, cache: Path) -> tuple[str, int]:
    out, err, status = api.run(["--config-file", str(CONFIG), "--cache-dir", str(cache),
                                *args])
    return out + err, status


def test_mypy_passes_on_the_typed_modules(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # mypy.ini names the files from the repository's root
    out, status = mypy(cache=tmp_path)
    assert status == 0, out
    assert "Success: no issues found" in out


def test_mypy_with_this_config_finds_a_type_error(tmp_path):
    """The same settings on a module with a real type error fail: the check is not empty."""
    bad = tmp_path / "bad.py"
    bad.write_text("from lawcheck.errors import Where\n\nWhere('f.yaml', 'seven')\n",
                   encoding="utf-8")
    out, status = mypy(str(bad), cache=tmp_path / "cache")
    assert status == 1 and 'Argument 2 to "Where"' in out, out


def test_every_file_mypy_ini_names_exists():
    config = configparser.ConfigParser()
    config.read(CONFIG, encoding="utf-8")
    files = [f.strip() for f in config["mypy"]["files"].split(",") if f.strip()]
    assert len(files) >= 20
    assert [f for f in files if not (ROOT / f).exists()] == []
