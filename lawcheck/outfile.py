"""Files lawcheck writes (-o, export): never the database, never someone else's file, never half.

Three promises, in one place for every command that writes a file:

* The database and its ``-wal``, ``-shm`` and ``-journal`` files are refused as an output, by
  resolved path and by inode (a symlink or a hard link to the database is the database).
* An existing file that lawcheck did not write is refused unless ``--force``: a report named
  like the user's notes must not replace them. lawcheck remembers the files it wrote (by a hash
  of their resolved path, with inode, size and modification time, in ``<data dir>/written.json``
  — no file names are kept), so running the same command again simply replaces its own output.
* The output is written to a temporary file (0600) in the same folder and renamed into place, so
  a full disk or a kill leaves the old file whole, never a truncated one.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from lawcheck.errors import OptionError, Where

_SIBLINGS = ("", "-wal", "-shm", "-journal")


def database_files(db: str | None) -> list[Path]:
    """The SQLite database of ``db`` (a URL, a path or None for the default) and its siblings;
    empty for a database server."""
    from sqlalchemy.engine import make_url

    from lawcheck.store.db import resolve_url

    try:
        url = make_url(resolve_url(db))
    except Exception:  # noqa: BLE001 - a bad URL is reported when the store opens
        return []
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return []
    base = Path(url.database).expanduser()
    return [Path(f"{base}{suffix}") for suffix in _SIBLINGS]


def _same(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        sa, sb = a.stat(), b.stat()
        return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
    except OSError:
        return False


def check_output(path: str | os.PathLike, *, db: str | None = None, force: bool = False) -> Path:
    """Refuse ``path`` as an output before any work is done; return it as a Path."""
    target = Path(path)
    for protected in database_files(db):
        if _same(target, protected):
            raise OptionError("the output would overwrite lawcheck's database"
                              + ("" if protected.name.endswith(".db") or protected.suffix == ""
                                 else f" ({protected.name})"), code="LC229",
                              where=Where(str(target)),
                              fix="write the report to another file (-o report.html); the "
                                  "database is never an output, even with --force")
    if target.is_dir():
        raise OptionError("the output is a folder", code="LC229", where=Where(str(target)),
                          fix="give a file name inside it (-o folder/report.html)")
    if _stream(target):
        return target  # -o /dev/stdout, a pipe: written straight through, nothing to replace
    if target.exists() and not force and not _wrote(target):
        raise OptionError("the output file exists and lawcheck did not write it", code="LC229",
                          where=Where(str(target)),
                          fix="choose another name, or add --force to replace it")
    return target


class Staged:
    """A file written under a temporary name in its folder (0600) and renamed into place by
    :meth:`close`; :meth:`discard` drops it and leaves ``path`` untouched. An existing device
    or pipe (-o /dev/stdout) is written to directly and never replaced."""

    def __init__(self, path: str | os.PathLike, mode: str = "w", *,
                 encoding: str | None = "utf-8", newline: str | None = None) -> None:
        self.target = Path(path)
        text = {} if "b" in mode else {"encoding": encoding, "newline": newline}
        self.temp: str | None = None
        if _stream(self.target):
            self.fh = open(self.target, mode, **text)
            return
        folder = self.target.parent if str(self.target.parent) else Path(".")
        fd, self.temp = tempfile.mkstemp(dir=folder, prefix=f".{self.target.name}.",
                                         suffix=".part")
        self.fh = os.fdopen(fd, mode, **text)

    def write(self, data):
        return self.fh.write(data)

    def flush(self) -> None:
        self.fh.flush()

    def close(self) -> None:
        if self.temp is None:
            self.fh.close()
            return
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.temp, self.target)
        remember(self.target)

    def discard(self) -> None:
        self.fh.close()
        if self.temp is not None:
            try:
                os.unlink(self.temp)
            except OSError:
                pass


@contextmanager
def atomic(path: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8",
           newline: str | None = None):
    """Write ``path`` through a :class:`Staged` file: renamed into place at the end; on any
    error the temporary file goes and ``path`` is untouched."""
    staged = Staged(path, mode, encoding=encoding, newline=newline)
    try:
        yield staged.fh
    except BaseException:
        staged.discard()
        raise
    staged.close()


def _stream(target: Path) -> bool:
    """True for an existing output that is not a regular file (/dev/stdout, a FIFO, a tty)."""
    import stat

    try:
        return not stat.S_ISREG(target.stat().st_mode) and not target.is_dir()
    except OSError:
        return False


# --- the files lawcheck wrote ---------------------------------------------------------------

def _key(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()


def _stamp(path: Path) -> list:
    st = path.stat()
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def _record_file() -> Path:
    from lawcheck.settings import data_dir

    return data_dir() / "written.json"


def _load() -> dict:
    try:
        value = json.loads(_record_file().read_text(encoding="utf-8"))
        return value if isinstance(value, dict) else {}
    except (OSError, ValueError):
        return {}


def _wrote(path: Path) -> bool:
    """True when ``path`` is, unchanged, a file lawcheck wrote."""
    try:
        return _load().get(_key(path)) == _stamp(path)
    except OSError:
        return False


def remember(path: Path) -> None:
    """Note that lawcheck wrote ``path`` as it is now (so the next run may replace it)."""
    from lawcheck.settings import private_dir

    try:
        known = _load()
        known[_key(path)] = _stamp(path)
        if len(known) > 5000:  # forget the oldest entries; they only allow replacing silently
            known = dict(list(known.items())[-5000:])
        record = _record_file()
        private_dir(record.parent)
        fd, temp = tempfile.mkstemp(dir=record.parent, prefix=".written-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(known, fh)
        os.replace(temp, record)
    except OSError:
        pass  # then the next run asks for --force: stricter, never looser
