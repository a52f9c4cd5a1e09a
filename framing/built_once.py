"""Values built on first use and then kept, once each even when many threads ask at the same moment.

A class opening one page together is forty script threads asking for the same derived table or chart at
once; without the lock each of them would build it (every one finding it missing), which under the GIL
costs the whole class forty builds' time instead of one."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any


class BuiltOnce:
    """A memo of key -> value whose builds are serialised; reads of a value already built take no lock."""

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}
        self._lock = threading.RLock()  # re-entrant: one build may ask for another (statements -> quotations)

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        try:
            return self._values[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._values:
                self._values[key] = build()
            return self._values[key]
