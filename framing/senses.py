"""Which matches a term means: its part of speech, and negation where a category asks.

The matcher finds every place a term's words occur. Some terms name the part of speech they
count as (`pos: verb`: "complained", not "complaint"), and some categories leave out a hit just
after a negation (`skip_negated`: "not a disaster"). Both are checked here, after matching, and
only for the matches that ask, so the tagger reads only the sentences that hold such a match.
"""

from __future__ import annotations

import bisect
import re

import numpy as np

from framing.lexicon import Lexicon
from framing.matcher import Match
from framing.tagging import TaggedText, tagged_text

# Penn Treebank tags that count as each part of speech a lexicon can name. Participles count as
# adjectives too ("a devastated town"); proper nouns are not nouns here, so a name that is also a
# word ("Trump", "Hope") is no hit for a noun term.
_TAGS = {
    "noun": frozenset({"NN", "NNS"}),
    "verb": frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}),
    "adjective": frozenset({"JJ", "JJR", "JJS", "VBN", "VBG"}),
    "adverb": frozenset({"RB", "RBR", "RBS"}),
}
_SENTENCE_END = re.compile(r"[.!?\n]")
NEGATORS = frozenset({
    "not", "no", "never", "nor", "neither", "without", "hardly", "barely", "nobody", "nothing", "none", "cannot",
})
_NEGATION_WINDOW = 3  # words before a hit that a negation may stand in
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\u2014\u2013\n]")
_WORD = re.compile(r"[\w'\u2019]+")
_WORD_START = re.compile(r"(?<![\w'\u2019])[\w'\u2019]")  # the first character of each _WORD


def keep_meant(text: str, matches: list[Match], *, negated_categories: frozenset[str]) -> list[Match]:
    """The matches used in the sense their term asks for: the right part of speech, and not just
    after a negation where the category says so. Each sentence is found and tagged once for this
    text and then forgotten, so a corpus of any size holds no tags, and a paragraph of any length
    with many matches costs time in proportion to its length."""
    sentences = _Sentences(text)
    return [match for match in matches
            if (not match[2].pos or sentences.has_part_of_speech(match))
            and not (match[2].category in negated_categories and is_negated(text, match[0]))]


def meant_mask(texts: list[str], starts: np.ndarray, ends: np.ndarray, terms: np.ndarray, bounds: np.ndarray,
               lexicon: Lexicon) -> np.ndarray:
    """keep_meant over a chunk's matches as columns (framing.matcher.MatchArrays, `terms` as
    places in lexicon.terms): which to keep. Only the matches whose term or category asks are looked at."""
    negated = frozenset(c.id for c in lexicon.categories if c.skip_negated)
    every_term = lexicon.terms  # a tuple built anew at each reading of the property
    asks = np.array([bool(term.pos) or term.category in negated for term in every_term], dtype=bool)
    keep = np.ones(len(starts), dtype=bool)
    if not len(starts) or not asks.any():
        return keep
    checked = np.flatnonzero(asks[terms])  # the matches that ask, of all texts, in order
    around = np.searchsorted(checked, bounds).tolist()  # where each text's begin among them
    places = checked.tolist()
    matches = list(zip(starts[checked].tolist(), ends[checked].tolist(),
                       map(every_term.__getitem__, terms[checked].tolist()), strict=True))
    for i, text in enumerate(texts):
        first, last = around[i], around[i + 1]
        if first == last:
            continue
        kept = {match[0:2] for match in keep_meant(text, matches[first:last], negated_categories=negated)}
        for k, match in zip(places[first:last], matches[first:last], strict=True):
            keep[k] = match[0:2] in kept
    return keep


def is_negated(text: str, start: int) -> bool:
    """Whether a negation stands in the few words before `start`, in the same clause."""
    before = text[max(0, start - 60):start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(before)][-_NEGATION_WINDOW:]
    return any(word in NEGATORS or word.endswith("n't") for word in words)


class _Sentences:
    """The sentences of one text around its matches, each tagged once when a match first needs it."""

    def __init__(self, text: str):
        self.text = text
        self._breaks: list[int] | None = None
        self._tagged: dict[tuple[int, int], TaggedText] = {}

    def has_part_of_speech(self, match: Match) -> bool:
        start, end, term = match
        bounds = self._around(start, end)
        if bounds not in self._tagged:
            stretch = self.text[bounds[0]:bounds[1]]
            if _mostly_capitalised(stretch):  # a headline in title case: the tagger reads capitals as names
                stretch = stretch.lower()
            self._tagged[bounds] = tagged_text(stretch)  # not cached: a batch of any size would fill a cache
        words = self._tagged[bounds]
        place = bisect.bisect_right(words.starts, start - bounds[0]) - 1
        if place >= 0 and start - bounds[0] < words.ends[place]:
            return any(words.tags[place] in _TAGS[pos] for pos in term.pos)
        return True  # the tagger split the text otherwise: the match stands

    def _around(self, start: int, end: int) -> tuple[int, int]:
        """From just after the last stop (. ! ? or line end) before `start` to just after the first from `end`."""
        if self._breaks is None:
            self._breaks = [found.start() for found in _SENTENCE_END.finditer(self.text)]
        before = bisect.bisect_left(self._breaks, start)
        after = bisect.bisect_left(self._breaks, end)
        return (self._breaks[before - 1] + 1 if before else 0,
                self._breaks[after] + 1 if after < len(self._breaks) else len(self.text))


def _mostly_capitalised(stretch: str) -> bool:
    """Whether three or more of its words (_WORD) start with a letter and 60 % of those with a capital."""
    letters = list(filter(str.isalpha, _WORD_START.findall(stretch)))
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.6 * len(letters)
