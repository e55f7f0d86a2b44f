"""A set of statement ids in about 16 bytes an id, so duplicate detection stays flat in memory.

A Python set of strings costs about 80 bytes an id (the string object plus its slot): tens of
MB for a million rows. Here each id is kept as a 64-bit BLAKE2b digest in an open-addressing
table (an ``array`` of unsigned 64-bit ints, at most half full). Two different ids share a
digest with a chance of about n²/2⁶⁵ — 3 in 100 million for a million ids — in which case the
second would be reported as a duplicate; that is the price of the memory bound.
"""

from __future__ import annotations

from array import array
from hashlib import blake2b


class IdSet:
    def __init__(self, capacity: int = 1024) -> None:
        size = 1
        while size < 2 * capacity:
            size *= 2
        self._slots = array("Q", bytes(8 * size))
        self._mask = size - 1
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, item: str) -> bool:
        """Add ``item``; False when it was already there."""
        key = int.from_bytes(blake2b(item.encode("utf-8"), digest_size=8).digest(), "little")
        key = key or 1  # 0 marks an empty slot
        if not self._put(key):
            return False
        self._count += 1
        if 2 * self._count > len(self._slots):
            self._grow()
        return True

    def __contains__(self, item: str) -> bool:
        key = int.from_bytes(blake2b(item.encode("utf-8"), digest_size=8).digest(), "little")
        key = key or 1
        slots, mask = self._slots, self._mask
        i = key & mask
        while slots[i]:
            if slots[i] == key:
                return True
            i = (i + 1) & mask
        return False

    def _put(self, key: int) -> bool:
        slots, mask = self._slots, self._mask
        i = key & mask
        while slots[i]:
            if slots[i] == key:
                return False
            i = (i + 1) & mask
        slots[i] = key
        return True

    def _grow(self) -> None:
        old = self._slots
        self._slots = array("Q", bytes(16 * len(old)))
        self._mask = len(self._slots) - 1
        for key in old:
            if key:
                self._put(key)
