"""Reports and review files kept in memory for their download links: at most ``size`` entries
for ``ttl`` seconds, under unguessable tokens. Nothing is written to disk, so a statement's
words never outlive the server unless --keep-text stores them in the audit trail."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict


class Cache:
    def __init__(self, size: int = 32, ttl: float = 3600.0, clock=time.monotonic) -> None:
        self.size, self.ttl, self.clock = size, ttl, clock
        self._items: OrderedDict[str, tuple[float, dict]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, value: dict) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._items[token] = (self.clock() + self.ttl, value)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> dict | None:
        with self._lock:
            found = self._items.get(token)
            if found is None:
                return None
            if found[0] < self.clock():
                del self._items[token]
                return None
            return found[1]

    def pop(self, token: str) -> dict | None:
        value = self.get(token)
        with self._lock:
            self._items.pop(token, None)
        return value
