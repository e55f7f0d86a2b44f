"""Strict YAML for every file people edit: rules, facts, lexicons, calendars, laws, plans.

Duplicate keys, tabs used for indentation and syntax errors are errors that name the file and
line. Loaded mappings remember the line of each key (``LineDict.where``) so that later
validation can point back into the file.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import TypeGuard

import yaml
from yaml.composer import Composer

from lawcheck.errors import CorpusDataError, InputError, Where
from lawcheck.limits import NESTING, PLAN_BYTES, check_size


class LineDict(dict):
    """A dict that knows where (line, column; 1-based) it and each of its keys were written."""

    lines: dict
    cols: dict
    start: int | None
    start_col: int | None
    file: str

    def where(self, key: str | None = None) -> Where:
        if key is not None and key in self.lines:
            return Where(self.file, self.lines[key], self.cols[key])
        return Where(self.file, self.start, self.start_col)


def is_mapping(value) -> TypeGuard[LineDict]:
    """``isinstance(value, dict)``, saying to the type checker what the loaders assume: a
    mapping read by this module knows where its keys were written (:meth:`LineDict.where`)."""
    return isinstance(value, dict)


_LIBYAML = hasattr(yaml, "CSafeLoader")  # every PyYAML wheel is built with libyaml
# libyaml scans and parses in C, lazily, one event at a time: some 10x faster than PyYAML's
# Python scanner, which made loading the rule base and lexicons take a second. Composing the
# events into nodes stays in Python (PyYAML's Composer, put ahead of libyaml's own), so that
# each level of nesting is counted before it is built: libyaml's composer recurses in C without
# a limit (a file of 100,000 '[' crashes the process) and its parser slows down with the square
# of the nesting, so stopping at NESTING levels also bounds the time spent on a hostile file.
_BASES = (Composer, yaml.CSafeLoader) if _LIBYAML else (yaml.SafeLoader,)


class _StrictLoader(*_BASES):  # type: ignore[misc]
    """A safe loader with YAML 1.2 booleans: only true/false are booleans, so ``on``, ``off``,
    ``yes`` and ``no`` stay strings (``reviewed: {on: 2026-11-30}`` must not become True).

    Aliases (``*name``) are refused: no lawcheck file needs them, and a few hundred bytes of
    nested aliases expand to gigabytes when the document is built ("billion laughs"). Nesting
    deeper than :data:`~lawcheck.limits.NESTING` levels is refused where it goes too deep."""

    def __init__(self, stream) -> None:
        if _LIBYAML:
            yaml.CSafeLoader.__init__(self, stream)
        Composer.__init__(self)
        self.depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise CorpusDataError("YAML aliases (*name) are not allowed in lawcheck files",
                                  where=Where(str(self.name), mark.line + 1, mark.column + 1),
                                  fix="write the value out where it is used")
        self.depth += 1
        if self.depth > NESTING:
            mark = self.peek_event().start_mark
            raise CorpusDataError(f"the YAML is nested too deeply to read (more than {NESTING}"
                                  " levels)", where=Where(str(self.name), mark.line + 1,
                                                          mark.column + 1), fix=_TOO_DEEP)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_TOO_DEEP = ("no lawcheck file nests more than a few levels: check that this is the file you "
             "meant")

_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


class _TextDatesLoader(_StrictLoader):
    """_StrictLoader that leaves dates, times and sexagesimal numbers as text, for callers that
    validate them one by one (``14:30`` stays ``"14:30"``, not 870; ``2026-13-01`` is reported
    by the caller with every other problem instead of stopping the load)."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int",
                           "tag:yaml.org,2002:float")]
    for first, resolvers in _StrictLoader.yaml_implicit_resolvers.items()
}
_TextDatesLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789"))
_TextDatesLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
               r"|\.(?:nan|NaN|NAN))$"), list("-+0123456789."))


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.lines, mapping.cols = {}, {}
    mapping.start, mapping.start_col = node.start_mark.line + 1, node.start_mark.column + 1
    mapping.file = loader.name
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping:
            raise CorpusDataError(
                f"key {key!r} appears twice (first on line {mapping.lines[key]})",
                where=Where(loader.name, line, key_node.start_mark.column + 1),
                fix="keep one of the two; YAML would silently keep only the last", code="LC240")
        try:
            mapping[key] = loader.construct_object(value_node, deep=True)
        except ValueError as exc:  # e.g. 2009-21-10: month out of range
            shown = ("must be a date YYYY-MM-DD" if value_node.tag.endswith(":timestamp")
                     else "has a bad value")
            raise CorpusDataError(
                f"{key!r} {shown}, not {getattr(value_node, 'value', '?')!r} ({exc})",
                where=Where(loader.name, value_node.start_mark.line + 1,
                            value_node.start_mark.column + 1),
                fix="correct the value on that line", code="LC240") from None
        mapping.lines[key] = line
        mapping.cols[key] = key_node.start_mark.column + 1
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_TextDatesLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                 _construct_mapping)


def load(path: Path, error=CorpusDataError, *, dates: bool = True):
    """Load one YAML file strictly; every problem is raised as ``error`` with file:line.

    libyaml parses, but composing and building the values stay in Python (the price of the
    nesting guard and of the lines kept), so a shipped rule or corpus file that parsed cleanly
    is cached by the sha256 of its bytes and name, in the user's data folder (0600 files in a
    0700 folder): every later run reads the parsed result back. Measured (issue 16): the rule
    base loads in about 0.15 s parsed, 0.05 s from the cache. Other files (a user's own rules or facts) are never cached.
    Files with problems are never cached, so their errors are always reported. ``dates=False``
    is as in :func:`loads` (cached apart from the ``dates=True`` reading of the same file)."""
    try:
        check_size(Path(path), PLAN_BYTES, "YAML files")
        data = Path(path).read_bytes()
    except InputError as exc:
        raise error(exc.what, where=exc.where, fix=exc.fix) from None
    except FileNotFoundError:
        raise error(f"file not found: {path}", fix="check the path") from None
    cacheable = _shipped(Path(path))
    name = str(path) if dates else f"{path}\0text-dates"
    cached, key = _cached(data, name) if cacheable else (_MISSING, None)
    if cached is not _MISSING:
        return cached
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{path} is not valid UTF-8 (offset {exc.start})",
                    fix="save the file as UTF-8") from None
    value = loads(text, str(path), error, dates=dates)
    if cacheable and key is not None:  # a shipped file always has its key
        _store(key, value)
    return value


def _shipped(path: Path) -> bool:
    """Only the shipped rule base and corpus are cached: a user's facts file, plan or edited
    rules would otherwise stay on disk, parsed, after they deleted it (and after `wipe`)."""
    from lawcheck.settings import shipped_dirs

    try:
        resolved = path.resolve()
    except OSError:
        return False
    return any(resolved.is_relative_to(root.resolve()) for root in shipped_dirs())


_MISSING = object()
_CACHE_VERSION = b"lawcheck-yaml-1"  # change when the loader's output changes


def _cache_file(key: str) -> Path | None:
    from lawcheck.settings import cache_dir

    try:
        return cache_dir() / f"yaml-{key}.pickle"
    except Exception:  # noqa: BLE001 - no data folder: run without the cache
        return None


def _cached(data: bytes, name: str):
    import hashlib
    import pickle

    key = hashlib.sha256(_CACHE_VERSION + b"\0" + name.encode() + b"\0" + data).hexdigest()
    file = _cache_file(key)
    if file is not None and file.is_file():
        try:
            return pickle.loads(file.read_bytes()), key  # our own 0600 file, written below
        except Exception:  # noqa: BLE001 - a damaged cache entry is parsed again
            pass
    return _MISSING, key


def _store(key: str, value) -> None:
    import os
    import pickle
    import tempfile

    file = _cache_file(key)
    if file is None:
        return
    try:
        from lawcheck.settings import private_dir

        private_dir(file.parent)
        fd, temp = tempfile.mkstemp(dir=file.parent, prefix=".yaml-")  # created 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp, file)
    except OSError:
        pass  # a read-only or full disk: the cache is only a speed-up


def loads(text: str, name: str, error=CorpusDataError, *, dates: bool = True):
    """Load YAML ``text`` strictly, naming ``name`` in errors. ``dates=False`` keeps dates,
    times and sexagesimal numbers (``14:30``) as text for the caller to check."""
    path = name
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise error("a tab is used for indentation", where=Where(str(path), number,
                                                                     indent.index("\t") + 1),
                        fix="indent with spaces; YAML does not allow tabs")
    loader = None
    try:
        # building the loader already reads the text: a control character fails here
        loader = (_StrictLoader if dates else _TextDatesLoader)(text)
        loader.name = str(path)
        return loader.get_single_data()
    except CorpusDataError as exc:
        raise error(exc.what, where=exc.where, fix=exc.fix) from None
    except RecursionError:  # building the values recurses too; a deep stack leaves less room
        raise error(f"the YAML is nested too deeply to read (more than {NESTING} levels)",
                    where=Where(str(path)), fix=_TOO_DEEP) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        if _LIBYAML:  # libyaml counts the position in bytes of UTF-8, PyYAML in characters
            at = text.encode("utf-8", "surrogatepass")[:exc.position].count(b"\n") + 1
        else:
            at = text[:exc.position].count("\n") + 1
        raise error(f"the file holds a control character (code {exc.character!r}) that YAML "
                    "does not allow", where=Where(str(path), at),
                    fix="remove the character (often pasted from a PDF or a spreadsheet)") from None
    except UnicodeEncodeError as exc:  # libyaml reads UTF-8: a lone surrogate has none
        raise error(f"the text holds a character that is not valid Unicode "
                    f"({text[exc.start]!r}, half of a pair)",
                    where=Where(str(path), text[:exc.start].count("\n") + 1),
                    fix="remove the character or save the file again as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = Where(str(path), mark.line + 1, mark.column + 1) if mark else Where(str(path))
        problem = getattr(exc, "problem", None) or str(exc)
        if "maximum nesting depth" in problem:  # libyaml >= 0.2.6 (PyYAML 6.0.4's wheels)
            # stops deep flow collections in its scanner, ahead of the composer's own count
            raise error(f"the YAML is nested too deeply to read (more than {NESTING} levels)",
                        where=where, fix=_TOO_DEEP) from None
        context = getattr(exc, "context_mark", None)
        if context is not None and mark is not None and context.line != mark.line:
            problem += f" (in the part that starts on line {context.line + 1})"
        raise error(f"YAML syntax: {problem}", where=where,
                    fix="check indentation and quoting on that line") from None
    finally:
        if loader is not None:
            loader.dispose()


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
