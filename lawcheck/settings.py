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
)


def data_dir() -> Path:
    home = os.environ.get("LAWCHECK_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("lawcheck", appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "lawcheck.db"


def log_path() -> Path:
    return data_dir() / "error.log"


def corpus_dir() -> Path:
    configured = os.environ.get("LAWCHECK_CORPUS")
    if configured:
        return Path(configured).expanduser()
    in_tree = Path(__file__).resolve().parent.parent / "corpus"  # a checkout / editable install
    if in_tree.is_dir():
        return in_tree
    return Path(sys.prefix) / "share" / "lawcheck" / "corpus"  # installed as data files
