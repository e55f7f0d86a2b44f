"""Compact JSON for what lawcheck writes in bulk: each line of the review's JSONL output and each
report the audit trail stores. One encoder for both, so that both read the same.

:func:`dumps` gives UTF-8 bytes that ``json.loads`` reads as the same values the standard
library's ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))`` gives. It uses orjson
(several times faster) and falls back to the standard library for whatever orjson refuses (an
integer past 64 bits, a key that is not a string, a type orjson would write but the standard
library would not, such as a date or a dataclass, which must keep failing as before).

The bytes differ from the standard library's in one way only: orjson spells some floats
otherwise (``0.00001`` for ``1e-05``; ``1e16`` or ``1e+16``, by orjson version, for ``1e+16``);
strings (non-ASCII as UTF-8, the same escapes), integers, key order and separators are the same. A number that is
not finite (NaN, infinity) is never written: JSON has no such value (the standard library
would write the invalid token ``NaN``, orjson a silent ``null``); :func:`dumps` raises
ValueError instead, since no report should hold one.
"""

from __future__ import annotations

import json
import math

try:  # a dependency (setup.cfg); the standard library alone gives the same values, slower
    import orjson
except ImportError:  # pragma: no cover - exercised by test_jsonbytes with orjson hidden
    orjson = None  # type: ignore[assignment]

_STDLIB = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False,
                           allow_nan=False).encode
# types orjson writes natively but the standard library refuses: hand them back (TypeError),
# so the fallback fails on them exactly as lawcheck's writers did before orjson
_OPTIONS = (orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
            if orjson is not None else 0)


def dumps(value) -> bytes:
    """``value`` as compact JSON in UTF-8 (see the module docstring); ValueError on NaN or
    infinity anywhere in it."""
    if orjson is not None:
        try:
            out = orjson.dumps(value, option=_OPTIONS)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
        else:
            # orjson writes NaN and infinity as null: only a document with a null can hide one
            if b"null" in out:
                _check_finite(value)
            return out
    try:
        return _STDLIB(value).encode("utf-8")
    except ValueError as exc:
        if "Out of range float" not in str(exc):
            raise
        _check_finite(value)
        raise  # pragma: no cover - _check_finite raised already


def dumps_str(value) -> str:
    """:func:`dumps` as text (for a text stream)."""
    return dumps(value).decode("utf-8")


def _check_finite(value, path: str = "$") -> None:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{path} is {value!r}, which JSON cannot hold; lawcheck writes no "
                             "NaN or infinity (this is a bug in lawcheck: please report it)")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_finite(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_finite(item, f"{path}[{index}]")
