"""Uploaded files: saved under their own (cleaned) name in a private temporary folder, so the
located messages of the loaders name the file the user chose; the folder is cut from every
message shown."""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path

from lawcheck import limits
from lawcheck.errors import InputError, Where

CHUNK = 1 << 20


def safe_name(name: str, fallback: str) -> str:
    """The file's own name without folders or characters a file system may refuse."""
    base = os.path.basename(str(name).replace("\\", "/")).strip()
    base = re.sub(r"[\x00-\x1f/:*?\"<>|]", "_", base)[:120].lstrip(".")
    return base or fallback


async def save(upload, folder: str, fallback: str) -> Path | None:
    """Write an uploaded file into ``folder``; None when no file was chosen."""
    if upload is None or isinstance(upload, str) or not getattr(upload, "filename", ""):
        return None
    path = Path(folder) / safe_name(upload.filename, fallback)
    if path.exists():
        path = path.with_name(f"{fallback}-{path.name}")
    size = 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > limits.XLSX_BYTES:
                raise InputError(f"the file is larger than {limits.XLSX_BYTES // limits.MB} MB",
                                 code="LC207", where=Where(path.name),
                                 fix="check that this is the right file; split it if it "
                                     "really is that large (limits: docs/settings.md)")
            fh.write(chunk)
    return path


def clean(text: str, folder: str) -> str:
    """A message without the private temporary folder: 'plan.yaml:4', as the user knows it."""
    return text.replace(str(folder).rstrip("/") + "/", "").replace(str(folder), "")


def log_crash(exc: BaseException) -> str:
    """Write a bug's traceback to lawcheck's private log; return where it is."""
    from lawcheck.settings import log_path, private_dir

    text = "".join(traceback.format_exception(exc))
    try:
        path = log_path()
        private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(text + "\n")
        return str(path)
    except OSError:
        return "the server's terminal"
