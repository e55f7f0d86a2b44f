"""The evidence pack of one run: a zip a board member, donor or court can be handed.

It holds the report (``report.json`` and ``report.html``; ``reports.jsonl`` and ``report.html``
for a batch of statements), the exact text of every provision version the run cited, the rule files as they
were (from the rule-base snapshot), the input files when their text was kept, and
``manifest.json`` with the run's metadata and the sha256 of every other file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
import zlib
from pathlib import Path

from lawcheck.errors import InputError

_STAMP = (1980, 1, 1, 0, 0, 0)  # fixed: the same run always packs to the same bytes


def build_pack(session, run) -> tuple[bytes, dict]:
    """The zip's bytes and its manifest."""
    from lawcheck.audit.stored import history_row, stored_run
    from lawcheck.report.runs import render_run
    from lawcheck.store import runs as repo

    files: list[tuple[str, bytes]] = []
    stored = stored_run(session, run)
    if run.kind == "plan":
        files.append(("report.json", render_run(stored, "json").encode("utf-8")))
        files.append(("report.html", render_run(stored, "html").encode("utf-8")))
    else:  # a batch: one JSON report a line, and the reviewer's page
        files.append(("reports.jsonl", render_run(stored, "jsonl").encode("utf-8")))
        files.append(("report.html", render_run(stored, "html").encode("utf-8")))
    cited = []
    taken: set[str] = set()
    for provision, version, sha, text in repo.cited(session, run.id):
        name = f"provisions/{_safe(provision)}@{_safe(version or 'unversioned')}.txt"
        if name in taken:  # the same version in two languages
            name = name[:-4] + f"-{sha[:12]}.txt"
        taken.add(name)
        files.append((name, text.encode("utf-8")))
        cited.append({"provision": provision, "version": version, "sha256": sha, "file": name})
    rules = repo.snapshot(session, run.rulebase)
    if rules is not None:
        with zipfile.ZipFile(io.BytesIO(rules)) as snapshot:
            files += [(f"rules/{info.filename}", snapshot.read(info))
                      for info in snapshot.infolist()]
    for item in repo.inputs_of(session, run.id):
        files.append((f"input/{item.seq}-{_safe(Path(item.name).name)}",
                      zlib.decompress(item.content)))
    manifest = {
        "run": {**history_row(run), "kind": run.kind, "subjects": run.subjects,
                "text_kept": run.keep_text, "lawcheck": run.lawcheck},
        "rules_snapshot": rules is not None,
        "provisions": cited,
        "files": [{"path": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                  for name, data in files],
    }
    files.append(("manifest.json",
                  (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as pack:
        for name, data in files:
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16  # unpacked files stay private too
            pack.writestr(info, data)
    return buffer.getvalue(), manifest


def _safe(part: str) -> str:
    """Provision ids keep their slashes (folders); nothing may climb out of the pack."""
    return re.sub(r"[^A-Za-z0-9._/-]", "_", part).replace("..", "_").strip("/")


def write_private(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` as 0600; refuse to replace an existing file unless ``force``."""
    if path.exists() and not force:
        raise InputError(f"{path} already exists", code="LC413",
                         fix="choose another file name, or add --force to replace it")
    if path.is_dir():
        raise InputError(f"{path} is a folder", code="LC413", fix="give a file name")
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if force:
            os.replace(partial, path)
        else:
            os.link(partial, path)  # fails, rather than overwrites, if the name appeared since
            os.unlink(partial)
    except FileExistsError:
        os.unlink(partial)
        raise InputError(f"{path} already exists", code="LC413",
                         fix="choose another file name, or add --force to replace it") from None
    except BaseException:
        if partial.exists():
            partial.unlink()
        raise
