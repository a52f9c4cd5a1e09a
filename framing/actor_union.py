"""What the rules that group mentions into actors share: the groups they build, each union kept
with its reason, and the people a story names in full."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

GENERATIONS = ("jr", "sr", "ii", "iii", "iv")  # after a surname; only the first two tell two people apart
NEAR = 300  # characters before a description (about two sentences) in which a foreign title holder must be named


class Groups:
    """Union-find over mention indices, each union kept with its reason."""

    def __init__(self, size: int):
        self.parent = list(range(size))
        self.reasons: dict[int, list[str]] = defaultdict(list)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def size(self, i: int) -> int:
        """How many mentions i's group holds: each union added one reason."""
        return len(self.reasons.get(self.find(i), ())) + 1

    def union(self, a: int, b: int, reason: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.reasons[root_a].extend(self.reasons.pop(root_b, []))
            self.reasons[root_a].append(reason)


class People(NamedTuple):
    by_last: dict[str, list[str]]  # a last name -> the full names ending with it, most named first
    by_first: dict[str, list[str]]
    by_middle: dict[str, list[str]]  # "lula" of "Luiz Inácio Lula da Silva"
