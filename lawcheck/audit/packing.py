"""The bytes of a stored report (docs/audit.md, "How a report is stored").

Every stored report says by its first byte how it was written, so a reader never guesses:

- a zlib stream (its first byte has 8, deflate, as its low four bits; 0x78 for every record
  lawcheck has written): the records written before format 1, and any written where the
  ``zstandard`` package is missing. Inflated by the standard library.
- ``0x01``, format 1: a Zstandard frame, with its content checksum, compressed with the preset
  dictionary ``data/audit-1.zdict`` (32 KiB, pinned below by its sha256; built by
  benchmarks/audit_dictionary.py). A 3 KB report takes about 3 us and 300 bytes, against
  9 us and 1,300 bytes for zlib: the report's keys, rule ids and rule wording are in the
  dictionary, so each record, compressed alone, needs to carry only what is its own.

A dictionary, once shipped, is never changed or removed: records written with it need it. A
better one goes to a new file under a new format byte. Both formats carry a checksum over the
report (zlib's Adler-32, the frame's XXH64), so a byte changed after writing is caught when the
record is read.
"""

from __future__ import annotations

import hashlib
import threading
import zlib
from pathlib import Path

try:
    import zstandard
except ImportError:  # pragma: no cover - a dependency; without it, records are written as zlib
    zstandard = None  # type: ignore[assignment]

try:  # ISA-L: the same zlib format, about 2.5 times faster (see recorder)
    from isal.isal_zlib import compress as _deflate
except ImportError:  # pragma: no cover
    from zlib import compress as _deflate

FORMAT_1 = 0x01
_DICTIONARIES = {FORMAT_1: ("audit-1.zdict",
                            "0bdc64cc532afdc788ffdb1c3046f8a23505bd69f7e51934cfe981fc4de1d550")}
_DATA = Path(__file__).resolve().parent / "data"
_LOADED: dict[int, object] = {}


class UnreadableRecord(ValueError):
    """The stored bytes are not a record this lawcheck can read, with the reason."""


def _dictionary(version: int):
    if version not in _LOADED:
        name, sha = _DICTIONARIES[version]
        data = (_DATA / name).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            raise UnreadableRecord(f"the shipped dictionary {name} is not the one format "
                                   f"{version} was written with (its sha256 differs)")
        _LOADED[version] = zstandard.ZstdCompressionDict(data)
    return _LOADED[version]


class Packer:
    """Compresses the reports of one run (not shared between threads: one per recorder)."""

    def __init__(self) -> None:
        self._zstd = None
        if zstandard is not None:
            self._zstd = zstandard.ZstdCompressor(level=1, dict_data=_dictionary(FORMAT_1),
                                                  write_checksum=True, write_dict_id=True)

    def pack(self, data: bytes) -> bytes:
        if self._zstd is None:
            return _deflate(data, 1)
        return b"\x01" + self._zstd.compress(data)


_READERS = threading.local()  # a decompressor is not for two threads at once (lawcheck serve)


def unpack(blob: bytes) -> bytes:
    """The report's bytes from a stored record of either format; UnreadableRecord if damaged."""
    if not blob:
        raise UnreadableRecord("the record is empty")
    first = blob[0]
    if first & 0x0F == 8:  # a zlib header (CM = 8, deflate)
        try:
            return zlib.decompress(blob)
        except zlib.error as exc:
            raise UnreadableRecord(f"zlib: {exc}") from None
    if first in _DICTIONARIES:
        if zstandard is None:
            raise UnreadableRecord(f"format {first} needs the zstandard package (pip install "
                                   "zstandard)")
        readers = _READERS.__dict__
        reader = readers.get(first)
        if reader is None:
            reader = readers[first] = zstandard.ZstdDecompressor(dict_data=_dictionary(first))
        try:
            return reader.decompress(blob[1:])
        except zstandard.ZstdError as exc:
            raise UnreadableRecord(f"zstd: {exc}") from None
    raise UnreadableRecord(f"its format byte {first} is none this lawcheck knows: written by a "
                           "newer lawcheck, or damaged")
