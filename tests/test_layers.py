"""The package's layers point down (issue 16): import-linter's contract in .importlinter holds,
and the benchmarks import nothing from the tests."""

from __future__ import annotations

import ast
from pathlib import Path

from importlinter import cli as importlinter_cli

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".importlinter"


def lint(config: Path) -> int:
    return importlinter_cli.lint_imports(config_filename=str(config), no_cache=True,
                                         no_logo=True)


def test_the_layers_contract_is_kept(capsys):
    code = lint(CONFIG)
    out = capsys.readouterr().out
    assert code == 0, f"an import runs up the layers of .importlinter:\n{out}"
    assert "1 kept, 0 broken" in out


def test_an_import_up_the_layers_breaks_the_contract(tmp_path, capsys):
    """The same contract with the reviewer put below the rule base must fail: the check is
    real, not a contract that nothing can break."""
    text = CONFIG.read_text(encoding="utf-8")
    assert "    lawcheck.review : lawcheck.deadlines\n" in text
    upside_down = text.replace("    lawcheck.review : lawcheck.deadlines\n", "").replace(
        "    lawcheck.sources : lawcheck.yamlio\n",
        "    lawcheck.sources : lawcheck.yamlio\n    lawcheck.review\n")
    config = tmp_path / ".importlinter"
    config.write_text(upside_down, encoding="utf-8")
    assert lint(config) == 1
    out = capsys.readouterr().out
    assert "BROKEN" in out and "lawcheck.review" in out


def test_every_package_and_top_level_module_has_a_layer():
    """A new module must be given its place in .importlinter, or nothing checks its imports."""
    text = CONFIG.read_text(encoding="utf-8")
    named = {word for word in text.split() if word.startswith("lawcheck.")}
    package = ROOT / "lawcheck"
    modules = {f"lawcheck.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {f"lawcheck.{p.name}" for p in package.iterdir()
                if (p / "__init__.py").exists()}
    assert sorted(modules - named) == []


def test_benchmarks_import_nothing_from_the_tests():
    found = []
    for path in sorted((ROOT / "benchmarks").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.name}:{node.lineno} {n}" for n in names
                      if n == "tests" or n.startswith("tests.")]
    assert found == []
