"""Find lexicon terms in text: whole words, folded quotes, inflected forms, longest match wins.

Each term compiles to a regular expression built only from escaped literals, `\\w*` for a
trailing `*` and a separator class between words, so matching time stays linear in the text
whatever a lexicon file holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.lexicon import Lexicon, Term
from framing.text import fold

# Between the words of a phrase: whitespace or hyphens, with quote marks allowed around them
# so that "moderate opposition" also finds 'moderate' opposition.
_SEPARATOR = r"['\"]?[\s\-]+['\"]?"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term


class Matcher:
    """All of a lexicon's terms, compiled once and applied together."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._patterns = [(term, compile_term(term)) for term in lexicon.terms]
        gap_fillers = {category.id for category in lexicon.categories if category.fills_gaps}
        self._tiers = [int(term.category in gap_fillers) for term, _ in self._patterns]

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in text order. Of overlapping candidates a category that
        fills gaps always loses; otherwise the longest wins, then the earliest, then the one
        listed first in the lexicon."""
        folded = fold(text)
        candidates = [
            (match.start(), match.end(), order)
            for order, (_, pattern) in enumerate(self._patterns)
            for match in pattern.finditer(folded)
            if match.end() > match.start()
        ]
        candidates.sort(key=lambda c: (self._tiers[c[2]], c[0] - c[1], c[0], c[2]))
        taken = bytearray(len(text) + 1)
        chosen = []
        for start, end, order in candidates:
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append(Match(start, end, self._patterns[order][0]))
        return sorted(chosen, key=lambda m: m.start)


def compile_term(term: Term) -> re.Pattern:
    """A term's text as a whole-word pattern over folded text."""
    words = [word for word in re.split(r"[\s\-]+", fold(term.text)) if word]
    parts = [re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) for word in words]
    body = _SEPARATOR.join(parts)
    tail = "" if words[-1].endswith("*") else r"(?!\w)"
    flags = 0 if term.match_case else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}{tail}", flags)
