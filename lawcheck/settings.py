"""Settings: each has a name, a default, an environment variable and a help text.

Layered as defaults → ``LAWCHECK_*`` environment → command-line flags (the CLI passes flags in
as arguments; nothing here is mutable module state). ``docs/settings.md`` lists them and a test
keeps the list and the docs in step.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS = (
    Setting("db", "LAWCHECK_DB", "<data dir>/lawcheck.db",
            "SQLAlchemy URL or file path of the database (flag: --db)"),
    Setting("home", "LAWCHECK_HOME", "the user data directory (e.g. ~/.local/share/lawcheck)",
            "folder for the default database and the error log"),
    Setting("corpus", "LAWCHECK_CORPUS", "the corpus/ folder shipped with lawcheck",
            "folder of the shipped law corpus to load on first use"),
    Setting("precedents", "LAWCHECK_PRECEDENTS", "the precedents/ folder of the corpus",
            "folder of the precedent base (YYYY.yaml files of enforcement events)"),
    Setting("rules", "LAWCHECK_RULES", "the rules/ folder shipped with lawcheck",
            "folder of the rule base (facts, mitigations, calendars, rules and their tests)"),
    Setting("engine", "LAWCHECK_ENGINE", "durable (where durable_rules imports), else reference",
            "rules engine: durable or reference (they give the same findings)"),
)


def data_dir() -> Path:
    home = os.environ.get("LAWCHECK_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("lawcheck", appauthor=False))


def private_dir(path: Path) -> Path:
    """Create ``path`` and every missing folder above it with mode 0700, and return it.

    ``Path.mkdir(parents=True, mode=0o700)`` gives the mode to the last folder only; the parents
    it creates get the umask's (often 0755), so a fresh ~/.local/share/lawcheck would be
    readable by other users. Folders that already existed are left as they are."""
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:  # made by another process meanwhile
            continue
        os.chmod(folder, 0o700)  # the umask may have removed bits, never added them
    return path


def default_db_path() -> Path:
    return data_dir() / "lawcheck.db"


def log_path() -> Path:
    return data_dir() / "error.log"


def corpus_dir() -> Path:
    return _shipped("corpus", "LAWCHECK_CORPUS")


def precedents_dir() -> Path:
    configured = os.environ.get("LAWCHECK_PRECEDENTS")
    return Path(configured).expanduser() if configured else corpus_dir() / "precedents"


def rules_dir() -> Path:
    return _shipped("rules", "LAWCHECK_RULES")


def engine_name() -> str | None:
    return os.environ.get("LAWCHECK_ENGINE") or None


def shipped_dirs() -> tuple[Path, ...]:
    """The rule base and corpus folders lawcheck ships (whatever the environment points at):
    the only files whose parsed form may be cached, since nobody's private edits live there."""
    return tuple(_default(name) for name in ("rules", "corpus"))


def cache_dir() -> Path:
    return data_dir() / "cache"


def _default(name: str) -> Path:
    in_tree = Path(__file__).resolve().parent.parent / name  # a checkout / editable install
    if in_tree.is_dir():
        return in_tree
    return Path(sys.prefix) / "share" / "lawcheck" / name  # installed as data files


def _shipped(name: str, env: str) -> Path:
    configured = os.environ.get(env)
    if configured:
        return Path(configured).expanduser()
    return _default(name)
