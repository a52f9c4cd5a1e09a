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
_SENTENCE_ENDS = [ord(stop) for stop in ".!?\n"]
NEGATORS = frozenset({
    "not", "no", "never", "nor", "neither", "without", "hardly", "barely", "nobody", "nothing", "none", "cannot",
})
# Every word that is_negated counts, and more: a negator or n't standing anywhere, in any case.
_MAYBE_NEGATED = re.compile(r"\b(?:" + "|".join(sorted(NEGATORS)) + r")\b|n['\u2019]t\b", re.IGNORECASE)
_NEGATION_WINDOW = 3  # words before a hit that a negation may stand in
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\u2014\u2013\n]")
_WORD = re.compile(r"[\w'\u2019]+")
_WORD_START = re.compile(r"(?<![\w'\u2019])[\w'\u2019]")  # the first character of each _WORD


def keep_meant(text: str, matches: list[Match], *, negated_categories: frozenset[str]) -> list[Match]:
    """The matches used in the sense their term asks for: the right part of speech, and not just
    after a negation where the category says so. Each sentence is found and tagged once for this
    text and then forgotten, so a corpus of any size holds no tags, and a paragraph of any length
    with many matches costs time in proportion to its length."""
    starts, ends = (np.array([match[i] for match in matches], dtype=np.int64) for i in (0, 1))
    around = _sentences_around([text], starts, ends, np.zeros(len(matches), dtype=np.int64))
    return _kept(text, matches, around, negated_categories)


def meant_mask(texts: list[str], starts: np.ndarray, ends: np.ndarray, terms: np.ndarray, bounds: np.ndarray,
               lexicon: Lexicon) -> np.ndarray:
    """keep_meant over a chunk's matches as columns (framing.matcher.MatchArrays, `terms` as
    places in lexicon.terms): which to keep. Only the matches whose term or category asks are looked
    at, and their sentences are found for the whole chunk at once."""
    negated = frozenset(c.id for c in lexicon.categories if c.skip_negated)
    every_term = lexicon.terms  # a tuple built anew at each reading of the property
    asks = np.array([bool(term.pos) or term.category in negated for term in every_term], dtype=bool)
    keep = np.ones(len(starts), dtype=bool)
    if not len(starts) or not asks.any():
        return keep
    checked = np.flatnonzero(asks[terms])  # the matches that ask, of all texts, in order
    around = np.searchsorted(checked, bounds).tolist()  # where each text's begin among them
    text_of = np.repeat(np.arange(len(texts)), np.diff(around))
    sentences = _sentences_around(texts, starts[checked], ends[checked], text_of)
    places = checked.tolist()
    matches = list(zip(starts[checked].tolist(), ends[checked].tolist(),
                       map(every_term.__getitem__, terms[checked].tolist()), strict=True))
    for i, text in enumerate(texts):
        first, last = around[i], around[i + 1]
        if first == last:
            continue
        kept = {match[0:2] for match in _kept(text, matches[first:last], sentences[first:last], negated)}
        for k, match in zip(places[first:last], matches[first:last], strict=True):
            keep[k] = match[0:2] in kept
    return keep


def _kept(text: str, matches: list[Match], sentences: list[tuple[int, int]],
          negated_categories: frozenset[str]) -> list[Match]:
    """keep_meant, given the sentence around each match (_sentences_around)."""
    tagged = _Tagged(text)
    return [match for match, sentence in zip(matches, sentences, strict=True)
            if (not match[2].pos or tagged.has_part_of_speech(match, sentence))
            and not (match[2].category in negated_categories and is_negated(text, match[0]))]


def _sentences_around(texts: list[str], starts: np.ndarray, ends: np.ndarray,
                      text_of: np.ndarray) -> list[tuple[int, int]]:
    """For each match (start and end in texts[text_of]), the stretch from just after the last
    stop (. ! ? or line end) before its start to just after the first from its end, or to the
    text's end where none follows: for all the texts at once, in their characters laid end to
    end, where the line break between two texts is a stop like any other."""
    joined = "\n".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    is_stop = codes == _SENTENCE_ENDS[0]
    for stop in _SENTENCE_ENDS[1:]:  # a comparison per stop: several times as fast as np.isin here
        is_stop |= codes == stop
    stops = np.append(np.flatnonzero(is_stop), len(joined))  # and one past the end
    lengths = np.array([len(text) for text in texts], dtype=np.int64)
    shift = (np.cumsum(lengths + 1) - lengths - 1)[text_of]  # where each match's text begins
    before = np.searchsorted(stops, starts + shift)  # how many stops come before the start
    begin = np.where(before > 0, stops[np.maximum(before - 1, 0)] + 1, 0) - shift
    end = np.minimum(stops[np.searchsorted(stops, ends + shift)] + 1, lengths[text_of] + shift) - shift
    return list(zip(begin.tolist(), end.tolist(), strict=True))


def is_negated(text: str, start: int) -> bool:
    """Whether a negation stands in the few words before `start`, in the same clause."""
    before = text[max(0, start - 60):start]
    if not _MAYBE_NEGATED.search(before):  # most hits: no negation anywhere in the window
        return False
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(before)][-_NEGATION_WINDOW:]
    return any(word in NEGATORS or word.endswith("n't") for word in words)


class _Tagged:
    """The sentences of one text around its matches, each tagged once when a match first needs it."""

    def __init__(self, text: str):
        self.text = text
        self._tagged: dict[tuple[int, int], TaggedText] = {}

    def has_part_of_speech(self, match: Match, bounds: tuple[int, int]) -> bool:
        start, _, term = match
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


def _mostly_capitalised(stretch: str) -> bool:
    """Whether three or more of its words (_WORD) start with a letter and 60 % of those with a capital."""
    letters = list(filter(str.isalpha, _WORD_START.findall(stretch)))
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.6 * len(letters)
