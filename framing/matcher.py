"""Find lexicon terms in text: whole words, folded quotes, inflected forms, longest match wins.

What counts as a match is defined by one regular expression per term (`compile_term`), built
only from escaped literals, `\\w*` for a trailing `*` and a separator class between words, so
matching time stays linear in the text whatever a lexicon file holds.

`Matcher` finds the same matches in a single pass for all terms at once. The text is first
keyed: case variants become one character, every character that is not part of a word becomes
a space and each run of spaces one space. An Aho-Corasick automaton over the terms keyed the
same way (up to any `*`, with a space for each word boundary) then reports every place a term
can match. A one-word term of plain letters and digits is matched right there; any other
term's expression is tried at that place only. `RegexMatcher` runs every expression over the
whole text; it is the reference the tests compare against and the baseline the benchmarks report.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import NamedTuple

import ahocorasick
import numpy as np

from framing.lexicon import Lexicon, Term
from framing.text import fold

# Between the words of a phrase: whitespace or hyphens, with quote marks allowed around them
# so that "moderate opposition" also finds 'moderate' opposition.
_SEPARATOR = r"['\"]?[\s\-]+['\"]?"
_WORD_SPLIT = re.compile(r"[\s\-]+")
_BOUNDARY = " "  # the key of every character that is not part of a word (not matched by \w)
_BOUNDARY_CODE = ord(_BOUNDARY)
_BOUNDARY_RUN = re.compile(" {2,}")
# Characters whose case variants do not round-trip one to one (ligatures, Greek with a subscript
# iota) share one key, itself such a letter: the scan may propose too many starts, never too few.
_SHARED_KEY = "\u00df"
_DOTTED_CAPITAL_I = "\u0130"  # the one character whose lowercase is two characters
# The one character that \\w does not match but that a case-insensitive expression equates with
# a letter (the combining iota, with ι): it is both a boundary and a letter, which no single key
# can be, so a text holding it is matched term by term.
_WORD_AND_MARK = "\u0345"
_ASCII_KEYS = bytes(
    char if chr(char).isalnum() or chr(char) == "_" else ord(_BOUNDARY) for char in bytes(range(128)).lower()
) + bytes(128)


class Match(NamedTuple):
    start: int
    end: int
    term: Term


class _Terms:
    """A lexicon's terms with their expressions and overlap tiers, shared by both matchers."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.terms = lexicon.terms
        self.patterns = [compile_term(term) for term in self.terms]
        gap_fillers = {category.id for category in lexicon.categories if category.fills_gaps}
        self.tiers = [int(term.category in gap_fillers) for term in self.terms]
        self._everywhere: list[re.Pattern] | None = None

    def resolve(self, candidates: list[tuple[int, int, int]], length: int) -> list[Match]:
        """Non-overlapping matches in text order from (start, end, term order) candidates. Of
        overlapping candidates a category that fills gaps always loses; otherwise the longest
        wins, then the earliest, then the one listed first in the lexicon."""
        candidates.sort()
        if all(end <= next_start for (_, end, _), (next_start, _, _) in pairwise(candidates)):
            return [Match(start, end, self.terms[order]) for start, end, order in candidates]
        candidates.sort(key=lambda c: (self.tiers[c[2]], c[0] - c[1], c[0], c[2]))
        taken = bytearray(length + 1)
        chosen = []
        for start, end, order in candidates:
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append(Match(start, end, self.terms[order]))
        return sorted(chosen, key=lambda match: match.start)

    def find_everywhere(self, text: str) -> list[Match]:
        """Every expression tried at every start (inside a lookahead), not only after its
        previous match, so a longer match overlapping an earlier one of a term is not missed."""
        if self._everywhere is None:
            self._everywhere = [re.compile(f"(?=({p.pattern}))", p.flags) for p in self.patterns]
        folded = fold(text)
        candidates = [
            (match.start(), match.end(1), order)
            for order, pattern in enumerate(self._everywhere)
            for match in pattern.finditer(folded)
        ]
        return self.resolve(candidates, len(text))


class Matcher(_Terms):
    """All of a lexicon's terms, found in one scan of the text."""

    def __init__(self, lexicon: Lexicon):
        super().__init__(lexicon)
        anchors: dict[str, list[tuple[int, int, bool]]] = {}
        for order, term in enumerate(self.terms):
            folded = fold(term.text)
            fixed, star, _ = folded.partition("*")  # a match starts with the text before any *
            key = _collapse(_BOUNDARY + case_key(fixed) + ("" if star else _BOUNDARY))
            # Matched by the key alone: one word of ASCII letters, digits and underscores, no *.
            plain = not star and not term.match_case and _is_plain(folded)
            anchors.setdefault(key, []).append((order, len(fixed) if plain else 0, _is_word_char(fixed[0])))
        self._automaton = ahocorasick.Automaton()
        for key, entries in anchors.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        if anchors:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        if not self.terms:
            return []
        if _WORD_AND_MARK in text:
            return self.find_everywhere(text)
        # Keyed text between two boundaries, each run of boundaries made one: `kept` holds, for
        # every character of the scanned string, its offset in the text plus one.
        codes = np.frombuffer((_BOUNDARY + case_key(text) + _BOUNDARY).encode("utf-32-le"), dtype=np.uint32)
        kept = np.ones(len(codes), dtype=bool)
        np.logical_not(codes[1:] == _BOUNDARY_CODE, out=kept[1:])
        kept[1:] |= codes[:-1] != _BOUNDARY_CODE
        scanned = codes[kept].tobytes().decode("utf-32-le")
        offsets = np.flatnonzero(kept)
        candidates = []
        folded = None
        for last, (length, entries) in self._automaton.iter(scanned):
            boundary = last + 1 - length  # the key's leading boundary
            after = int(offsets[boundary + 1]) - 1  # the text offset of the first character after it
            for order, plain_length, word_first in entries:
                if plain_length:
                    candidates.append((after, after + plain_length, order))
                    continue
                if folded is None:
                    folded = fold(text)
                # A term that opens with a mark (such as an apostrophe) starts inside the run.
                for start in [after] if word_first else range(int(offsets[boundary]), after + 1):
                    match = self.patterns[order].match(folded, start)
                    if match:
                        candidates.append((start, match.end(), order))
        return self.resolve(candidates, len(text))

    def __reduce__(self):  # rebuilt from the lexicon when sent to another process
        return Matcher, (self.lexicon,)


class RegexMatcher(_Terms):
    """The same matches by running each term's expression over the whole text in turn."""

    def find(self, text: str) -> list[Match]:
        return self.find_everywhere(text)


def term_words(term: Term) -> list[str]:
    return [word for word in _WORD_SPLIT.split(fold(term.text)) if word]


def compile_term(term: Term) -> re.Pattern:
    """A term's text as a whole-word pattern over folded text."""
    words = term_words(term)
    parts = [re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) for word in words]
    body = _SEPARATOR.join(parts)
    tail = "" if words[-1].endswith("*") else r"(?!\w)"
    flags = 0 if term.match_case else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}{tail}", flags)


def case_key(text: str) -> str:
    """The text keyed for the scan, same length and offsets: case variants made one character,
    every character outside a word made a space.

    Two characters that a case-insensitive regular expression treats as equal get the same key,
    and a character gets a space exactly when \\w does not match it, so a scan of the keys finds
    every place a term's expression could match."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_KEYS).decode("ascii")
    keyed = text.replace(_DOTTED_CAPITAL_I, "i").lower()
    for char in set(keyed):
        key = _char_key(char)
        if key != char:
            keyed = keyed.replace(char, key)
    return keyed


@cache
def _char_key(char: str) -> str:
    """One key for a lowercase character and every character case-insensitively equal to it."""
    if not _is_word_char(char):
        return _BOUNDARY  # the combining iota too: a text holding it is never scanned
    upper = char.upper()
    if len(upper) != 1:
        return _SHARED_KEY
    back = upper.replace(_DOTTED_CAPITAL_I, "i").lower()
    return back if len(back) == 1 else _SHARED_KEY


def _collapse(keyed: str) -> str:
    return _BOUNDARY_RUN.sub(_BOUNDARY, keyed)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_plain(word: str) -> bool:
    return word.isascii() and all(map(_is_word_char, word))
