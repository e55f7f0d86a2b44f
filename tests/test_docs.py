"""Documentation generated from the code must not drift from it."""

from __future__ import annotations

import re
from pathlib import Path

from lawcheck.errors import CODES
from lawcheck.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"
README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_error_code_is_documented_with_its_meaning():
    rows = dict(re.findall(r"^\| (LC\d{3}) \| ([^|]+?) \|", (DOCS / "errors.md").read_text(),
                           re.MULTILINE))
    assert rows == CODES


def test_every_setting_is_documented():
    text = (DOCS / "settings.md").read_text()
    for setting in SETTINGS:
        assert f"`{setting.env}`" in text, setting.name


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", README.read_text(), re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    ci = (README.parent / ".ci" / "run").read_text()
    assert commands[1].strip() in ci


def test_every_command_is_in_the_readme():
    from lawcheck.cli import cli

    text = README.read_text()
    for group in ("corpus", "rules", "precedents"):
        for name in cli.commands[group].commands:
            assert f"lawcheck {group} {name}" in text, f"{group} {name}"
    assert "lawcheck explain" in text


def test_every_shipped_law_and_rule_folder_is_packaged_for_non_editable_installs():
    setup = (README.parent / "setup.cfg").read_text()
    folders = [*(README.parent / "corpus").glob("*/*/"), *(README.parent / "rules").glob("*/")]
    for folder in sorted(folders):
        relative = folder.relative_to(README.parent).as_posix()
        assert f"{relative}/*" in setup, f"add {relative} to [options.data_files] in setup.cfg"


def test_every_code_folder_is_a_package_so_wheels_include_it():
    root = README.parent / "lawcheck"
    for folder in root.rglob("*"):
        if folder.is_dir() and any(folder.glob("*.py")) and "migrations" not in folder.parts \
                and folder.name != "__pycache__":
            assert (folder / "__init__.py").exists(), f"{folder} lacks __init__.py"
