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

import gc
import re
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from itertools import chain
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
_PLAIN_SEPARATOR = re.compile("[ -]")
_SCAN_MARKS = ("\u2014", "\u2013", "\u2026", "\u2022")  # dashes, ellipsis, bullet
_DIRECT, _PLAIN, _CHECKED = 0, 1, 2
_TEXT_SEPARATOR = "#"
_EXACT_WIDTH = 12  # longest term, where case matters, that is checked with the others at once
_GROUP_CHARACTERS = 250_000
_SPACE, _HYPHEN = ord(" "), ord("-")
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
_ASCII_KEY_CODES = np.frombuffer(_ASCII_KEYS[:128], dtype=np.uint8).astype(np.uint32)


Match = tuple[int, int, Term]  # (start, end, term): plain tuples, as a text holds a hundred or more


class MatchArrays(NamedTuple):
    """The matches in a list of texts as columns, each text's in text order: those of text i are
    at [bounds[i]:bounds[i + 1]]."""

    starts: np.ndarray  # offsets in their own text
    ends: np.ndarray
    orders: np.ndarray  # the term's place in the lexicon
    bounds: np.ndarray

    @staticmethod
    def none(texts: int) -> MatchArrays:
        empty = np.zeros(0, dtype=np.int64)
        return MatchArrays(empty, empty, empty, np.zeros(texts + 1, dtype=np.int64))


class _Terms:
    """A lexicon's terms with their expressions and overlap tiers, shared by both matchers."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        # One entry per form a term is written in; a match reports the term itself.
        self.forms = [replace(term, text=form) for term in lexicon.terms for form in term.surface_forms]
        self.terms = [term for term in lexicon.terms for _ in term.surface_forms]
        # A match's order is its form's place; this gives its term's place in lexicon.terms.
        self.term_orders = np.array([order for order, term in enumerate(lexicon.terms) for _ in term.surface_forms],
                                    dtype=np.int64)
        # compiled when first needed: the scan settles most terms without one
        self._patterns: list[re.Pattern | None] = [None] * len(self.forms)
        gap_fillers = {category.id for category in lexicon.categories if category.fills_gaps}
        self.tiers = [int(term.category in gap_fillers) for term in self.terms]
        self._everywhere: list[re.Pattern] | None = None

    def pattern(self, order: int) -> re.Pattern:
        """The expression of the form at `order`."""
        compiled = self._patterns[order]
        if compiled is None:
            compiled = self._patterns[order] = compile_term(self.forms[order])
        return compiled

    def resolve(self, starts: list[int], ends: list[int], orders: list[int], length: int) -> list[int]:
        """Which candidates (start, end, term order) are matches, as their indices. Of overlapping
        candidates a category that fills gaps always loses; otherwise the longest wins, then the
        earliest, then the one listed first in the lexicon."""
        tiers = self.tiers
        ranked = sorted(range(len(starts)), key=lambda i: (tiers[orders[i]], starts[i] - ends[i], starts[i], orders[i]))
        taken = bytearray(length + 1)
        chosen = []
        for i in ranked:
            start, end = starts[i], ends[i]
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append(i)
        return chosen

    def find_everywhere(self, text: str) -> list[Match]:
        """Every expression tried at every start (inside a lookahead), not only after its
        previous match, so a longer match overlapping an earlier one of a term is not missed."""
        starts, ends, orders = self._everywhere_columns(text)
        return list(zip(starts.tolist(), ends.tolist(), map(self.terms.__getitem__, orders.tolist()), strict=True))

    def _everywhere_columns(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`find_everywhere` as the starts, ends and term orders of its matches."""
        if self._everywhere is None:
            patterns = map(self.pattern, range(len(self.forms)))
            self._everywhere = [re.compile(f"(?=({p.pattern}))", p.flags) for p in patterns]
        folded = fold(text)
        candidates = [
            (match.start(), match.end(1), order)
            for order, pattern in enumerate(self._everywhere)
            for match in pattern.finditer(folded)
        ]
        starts, ends, orders = (list(column) for column in zip(*candidates, strict=True)) if candidates else ([],) * 3
        chosen = sorted(self.resolve(starts, ends, orders, len(text)), key=starts.__getitem__)
        return tuple(np.array([column[i] for i in chosen], dtype=np.int64) for column in (starts, ends, orders))


class Matcher(_Terms):
    """All of a lexicon's terms, found in one scan of the text."""

    def __init__(self, lexicon: Lexicon):
        super().__init__(lexicon)
        entries: dict[str, list[_Entry]] = {}
        for order, term in enumerate(self.forms):
            folded = fold(term.text)
            fixed, star, rest = folded.partition("*")  # every match starts with the text before any *
            key = _collapse(_BOUNDARY + case_key(fixed) + ("" if star else _BOUNDARY))
            # Plain: words of ASCII letters, digits and underscores, one space or hyphen apart, a *
            # only at the very end. The key settles such a term but for its separators and case.
            plain = not rest and all(map(_is_plain, _PLAIN_SEPARATOR.split(fixed)))
            separators = tuple(i for i, char in enumerate(fixed) if char in " -") if plain else None
            entries.setdefault(key, []).append(_Entry(order, len(fixed), _is_word_char(fixed[0]), separators,
                                                      bool(star), fixed.replace("-", " ") if term.match_case else ""))
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._entries = list(entries.values())
        for key_id, key in enumerate(entries):
            self._automaton.add_word(key, key_id)
        if entries:
            self._automaton.make_automaton()
        self._key_length = np.array([len(key) for key in entries], dtype=np.int64)
        # How a key's hits are settled: DIRECT, one one-word plain term whole and in any case, is a
        # match as found; PLAIN, one plain term (in its own case if it says so, up to
        # _EXACT_WIDTH characters), once its separators and case are checked (all at once, below);
        # CHECKED, anything else, term by term in `_checked`.
        self._kind = np.array([
            _CHECKED if len(group) > 1 or group[0].separators is None or len(group[0].exact) > _EXACT_WIDTH
            else _DIRECT if not group[0].separators and not group[0].star and not group[0].exact else _PLAIN
            for group in self._entries], dtype=np.int8)
        # Where case matters, the character codes each position must have; 0: any (a separator).
        self._exact = np.array([
            [0 if char == " " else ord(char) for char in group[0].exact.ljust(_EXACT_WIDTH)[:_EXACT_WIDTH]]
            for group in self._entries], dtype=np.int64).reshape(len(self._entries), _EXACT_WIDTH)
        self._length = np.array([group[0].length for group in self._entries], dtype=np.int64)
        self._star = np.array([group[0].star for group in self._entries], dtype=bool)
        self._order = np.array([group[0].order for group in self._entries], dtype=np.int64)
        self._tier = np.array(self.tiers, dtype=np.int64)
        # Offsets of each plain key's separators, the row padded with its last one; -1: none.
        widest = max((len(group[0].separators or ()) for group in self._entries), default=0)
        self._separators = np.array([
            [*(separators := group[0].separators or (-1,)), *[separators[-1]] * (widest - len(separators))]
            for group in self._entries], dtype=np.int64).reshape(len(self._entries), max(widest, 1))

    def find(self, text: str) -> list[Match]:
        return self.find_many([text])[0]

    def find_many(self, texts: list[str]) -> list[list[Match]]:
        """The matches in each text as (start, end, term) tuples, from one scan of them all."""
        found = self.find_arrays(texts)
        with collector_paused():  # a hundred thousand tuples, none in a cycle: nothing to collect
            matches = list(zip(found.starts.tolist(), found.ends.tolist(),
                               map(self.terms.__getitem__, found.orders.tolist()), strict=True))
        bounds = found.bounds.tolist()
        return [matches[bounds[i]:bounds[i + 1]] for i in range(len(texts))]

    def find_arrays(self, texts: list[str]) -> MatchArrays:
        """The matches in all the texts as columns, from one scan of them all: the work of setting
        up a scan is shared by every text, which is what makes a chunk of short articles fast."""
        if not self.terms or not texts:
            return MatchArrays.none(len(texts))
        columns, scanned = [], []
        for i, text in enumerate(texts):
            if _WORD_AND_MARK in text:
                starts, ends, orders = self._everywhere_columns(text)
                columns.append((starts, ends, orders, np.full(len(starts), i, dtype=np.int64)))
            else:
                scanned.append(i)
        # Groups of about half a million characters: large enough to share the set-up, small
        # enough for the processor's cache.
        group, size = [], 0
        for i in scanned:
            group.append(i)
            size += len(texts[i])
            if size >= _GROUP_CHARACTERS or i == scanned[-1]:
                columns.append(self._find_group(texts, group))
                group, size = [], 0
        starts, ends, orders, owners = (np.concatenate(column) for column in zip(*columns, strict=True))
        if len(columns) > 1:  # texts matched term by term come out of turn
            by_text = np.argsort(owners, kind="stable")
            starts, ends, orders, owners = starts[by_text], ends[by_text], orders[by_text], owners[by_text]
        return MatchArrays(starts, ends, orders, np.searchsorted(owners, np.arange(len(texts) + 1)))

    def _find_group(self, texts: list[str], scanned: list[int]) -> tuple[np.ndarray, ...]:
        """Starts and ends (in their own text), term orders and texts of the matches in some texts."""
        # Texts are joined by a mark that no term holds and no separator allows, so no match
        # can cross from one text into the next.
        starts, ends, orders = self._find_joined(_TEXT_SEPARATOR.join(texts[i] for i in scanned))
        text_starts = np.cumsum([0] + [len(texts[i]) + 1 for i in scanned[:-1]])
        owners = np.searchsorted(text_starts, starts, side="right") - 1
        return starts - text_starts[owners], ends - text_starts[owners], orders, np.asarray(scanned)[owners]

    def _find_joined(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        folded = fold(text)
        scan = _Scan(folded)
        found = np.fromiter(chain.from_iterable(self._automaton.iter(scan.text)), dtype=np.int64)
        lasts, key_ids = found[0::2], found[1::2]
        offsets = scan.offsets
        # Each key opens with a boundary; the text offset of the character after it:
        afters = offsets[lasts - self._key_length[key_ids] + 2] - 1
        kinds = self._kind[key_ids]
        direct, plain = kinds == _DIRECT, kinds == _PLAIN
        starts = [afters[direct]]
        ends = [afters[direct] + self._length[key_ids[direct]]]
        orders = [self._order[key_ids[direct]]]
        if plain.any():  # no boundary run inside the key, and no separator but a space or a hyphen
            ids, plain_afters, plain_lasts = key_ids[plain], afters[plain], lasts[plain]
            star = self._star[ids]
            fixed_ends = plain_afters + self._length[ids]
            last_fixed = plain_lasts - np.where(star, 0, 1)  # the key's last character before its trailing boundary
            settled = offsets[last_fixed] == fixed_ends
            separators = self._separators[ids]
            if (spaced := separators[:, 0] >= 0).any():
                marks = scan.raw[plain_afters[spaced, None] + separators[spaced] + 1]
                settled[spaced] &= ((marks == _SPACE) | (marks == _HYPHEN)).all(axis=1)
            unsettled = np.flatnonzero(plain)[~settled]  # these go on to their expressions
            expected = self._exact[ids]
            if (cased := settled & (expected[:, 0] > 0)).any():  # and a match in the wrong case is none
                window = np.minimum(plain_afters[cased, None] + 1 + np.arange(_EXACT_WIDTH), len(scan.raw) - 1)
                wanted = expected[cased]
                settled[cased] &= ((scan.raw[window] == wanted) | (wanted == 0)).all(axis=1)
            plain_ends = fixed_ends.copy()
            if (starred := settled & star).any():  # a * runs to the end of its word
                plain_ends[starred] = scan.word_ends(plain_lasts[starred])
            starts.append(plain_afters[settled])
            ends.append(plain_ends[settled])
            orders.append(self._order[ids[settled]])
            kinds = kinds.copy()
            kinds[unsettled] = _CHECKED
        rest = kinds == _CHECKED
        rest_lasts, rest_ids = lasts[rest], key_ids[rest]
        checked = self._checked(folded, scan, rest_ids.tolist(), afters[rest].tolist(), offsets[rest_lasts].tolist(),
                                offsets[rest_lasts - 1].tolist(),
                                offsets[rest_lasts - self._key_length[rest_ids] + 1].tolist(), rest_lasts.tolist())
        if checked:
            extra = np.array(checked, dtype=np.int64).reshape(-1, 3).T
            starts.append(extra[0])
            ends.append(extra[1])
            orders.append(extra[2])
        return self._settle(np.concatenate(starts), np.concatenate(ends), np.concatenate(orders), len(text))

    def _settle(self, starts: np.ndarray, ends: np.ndarray, orders: np.ndarray,
                length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The rule of `resolve`, applied at once where it is plain: candidates that overlap
        nothing are matches, and so is a candidate that spans its whole cluster of overlapping
        candidates and outranks them all; only the other clusters go through `resolve`. Returns
        the matches' starts, ends and term orders, in text order."""
        by_start = np.argsort(starts * (length + 2) + ends, kind="stable")
        starts, ends, orders = starts[by_start], ends[by_start], orders[by_start]
        chosen, contested = np.arange(len(starts)), np.arange(0)
        if len(starts) > 1:
            reach = np.maximum.accumulate(ends)
            opens = np.concatenate(([True], starts[1:] >= reach[:-1]))
            cluster = np.cumsum(opens) - 1
            crowded = np.bincount(cluster)[cluster] > 1
            if crowded.any():
                members = np.flatnonzero(crowded)
                groups = cluster[members]
                ranked = members[np.lexsort((orders[members], starts[members], starts[members] - ends[members],
                                             self._tier[orders[members]], groups))]
                best = ranked[np.concatenate(([True], cluster[ranked][1:] != cluster[ranked][:-1]))]
                firsts = np.flatnonzero(opens)[cluster[best]]
                lasts = np.concatenate((np.flatnonzero(opens)[1:], [len(starts)]))[cluster[best]] - 1
                spans_all = (starts[best] == starts[firsts]) & (ends[best] == reach[lasts])
                chosen = np.sort(np.concatenate([np.flatnonzero(~crowded), best[spans_all]]))
                contested = np.flatnonzero(np.isin(cluster, cluster[best[~spans_all]]))
        if len(contested):
            winners = self.resolve(starts[contested].tolist(), ends[contested].tolist(), orders[contested].tolist(),
                                   length)
            chosen = np.sort(np.concatenate([chosen, contested[winners]]))
        return starts[chosen], ends[chosen], orders[chosen]

    def _checked(self, folded: str, scan: _Scan, key_ids: list[int], afters: list[int], at_last: list[int],
                 before_last: list[int], at_lead: list[int], lasts: list[int]) -> list[tuple[int, int, int]]:
        """Candidates for keys that the key alone cannot settle, each confirmed in the text.
        Per hit: its key, the text offset after its leading boundary, and the offsets (plus one)
        of the key's last character, the one before it and its leading boundary."""
        candidates: list[tuple[int, int, int]] = []
        for key_id, after, last_offset, previous_offset, lead_offset, last in zip(
                key_ids, afters, at_last, before_last, at_lead, lasts, strict=True):
            for entry in self._entries[key_id]:
                if entry.separators is not None:
                    # Plain: no run of boundaries inside the key and every separator one space or
                    # hyphen (else the expression decides); where case matters, the same words.
                    fixed_end = after + entry.length
                    if (last_offset if entry.star else previous_offset) == fixed_end and all(
                            folded[after + i] in " -" for i in entry.separators):
                        if entry.exact and folded[after:fixed_end].replace("-", " ") != entry.exact:
                            continue
                        end = int(scan.word_ends(np.array([last]))[0]) if entry.star else fixed_end
                        candidates.append((after, end, entry.order))
                        continue
                # A term that opens with a mark (such as an apostrophe) starts inside the run of
                # boundaries, after its first character (which follows a word, or is the padding).
                first = after if entry.word_first else lead_offset
                for start in range(first, after + 1):
                    match = self.pattern(entry.order).match(folded, start)
                    if match:
                        candidates.append((start, match.end(), entry.order))
        return candidates


class _Entry(NamedTuple):
    order: int  # the term's place in the lexicon
    length: int  # of the term's text before any *
    word_first: bool  # the term opens with a word character, not a mark
    separators: tuple[int, ...] | None  # offsets of the spaces and hyphens in a plain term; None if not plain
    star: bool  # the term ends with *
    exact: str  # where case matters, the text before any * with hyphens as spaces; else empty


class RegexMatcher(_Terms):
    """The same matches by running each term's expression over the whole text in turn."""

    def find(self, text: str) -> list[Match]:
        return self.find_everywhere(text)


def term_words(term: Term) -> list[str]:
    return [word for word in _WORD_SPLIT.split(fold(term.text)) if word]


def compile_term(term: Term) -> re.Pattern:
    """A term's text as a whole-word pattern over folded text. A * alone after a hyphen ("anti-*")
    stands for a whole word, so it needs one character at least: two separators side by side would
    each take a share of the same run and backtrack."""
    words = term_words(term)
    parts = [r"\w+" if word == "*" else re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)
             for word in words]
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
    codes = _key_codes(text)
    return codes.tobytes().decode("ascii" if codes.dtype == np.uint8 else "utf-32-le", "surrogatepass")


def _key_codes(text: str) -> np.ndarray:
    if text.isascii():
        return np.frombuffer(text.encode("ascii").translate(_ASCII_KEYS), dtype=np.uint8)
    # surrogatepass: half a character (from badly decoded input) is kept as a code that is no word
    lowered = text.replace(_DOTTED_CAPITAL_I, "i").lower()
    codes = np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    ascii_ = codes < 128
    codes[ascii_] = _ASCII_KEY_CODES[codes[ascii_]]
    for code in np.unique(codes[~ascii_]).tolist():
        key = ord(_char_key(chr(code)))
        if key != code:
            codes[codes == code] = key
    return codes


class _Scan:
    """A folded text keyed for the scan: between two boundaries, each run of boundaries made one.
    `offsets` holds, for every character of the scanned `text`, its offset in the text plus one."""

    def __init__(self, folded: str):
        padded = _BOUNDARY + folded + _BOUNDARY
        for mark in _SCAN_MARKS:  # common marks outside words, made ASCII so more texts take the fast path
            if mark in padded:
                padded = padded.replace(mark, "#")
        self._codes = _key_codes(padded)
        self.raw = np.frombuffer(padded.encode("ascii" if self._codes.dtype == np.uint8 else "utf-32-le",
                                               "surrogatepass"),
                                  dtype=self._codes.dtype)
        word = self._codes != _BOUNDARY_CODE
        kept = word.copy()
        kept[1:] |= word[:-1]
        kept[0] = True
        self.offsets = np.flatnonzero(kept)
        self._scanned = self._codes[self.offsets]
        self.text = self._scanned.tobytes().decode("ascii" if self._codes.dtype == np.uint8 else "utf-32-le",
                                                   "surrogatepass")
        self._boundaries = None

    def word_ends(self, lasts: np.ndarray) -> np.ndarray:
        """The text offset where the word holding each scanned position ends."""
        if self._boundaries is None:
            self._boundaries = np.flatnonzero(self._scanned == _BOUNDARY_CODE)
        return self.offsets[self._boundaries[np.searchsorted(self._boundaries, lasts)]] - 1


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


@contextmanager
def collector_paused():
    """The garbage collector off while a large batch of objects that form no cycle is made (plain
    tuples, or a batch chunk's layouts): each collection it would start on the way only walks them
    again. Should a cycle be made all the same, the next collection after the pause finds it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _collapse(keyed: str) -> str:
    return _BOUNDARY_RUN.sub(_BOUNDARY, keyed)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_plain(word: str) -> bool:
    return bool(word) and word.isascii() and all(map(_is_word_char, word))
