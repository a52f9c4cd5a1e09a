"""Which matches a term means: its part of speech, and negation where a category asks.

The matcher finds every place a term's words occur. Some terms name the part of speech they
count as (`pos: verb`: "complained", not "complaint"), and some categories leave out a hit just
after a negation (`skip_negated`: "not a disaster"). Both are checked here, after matching, and
only for the matches that ask, so the tagger reads only the sentences that hold such a match.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import accumulate, compress

import numpy as np

from framing import tagging
from framing.lexicon import Lexicon, Term
from framing.matcher import Match
from framing.tagging import read_up_to, tagged_texts

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
# The same in lowercase text, twice as fast. Lowering changes no character's being a word character,
# and the only characters beyond ASCII that the case-blind one equates with its letters are the
# dotted İ (two characters lowered) and the dotless ı (which stays as it is).
_MAYBE_NEGATED_LOWERED = re.compile(_MAYBE_NEGATED.pattern)
_NEGATION_WINDOW = 3  # words before a hit that a negation may stand in
_NEGATION_CHARS = 60  # characters before a hit that those words are read in
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\u2014\u2013\n]")
_WORD = re.compile(r"[\w'\u2019]+")


def keep_meant(text: str, matches: list[Match], *, negated_categories: frozenset[str]) -> list[Match]:
    """The matches used in the sense their term asks for: the right part of speech, and not just
    after a negation where the category says so. Each sentence is found and tagged once for this
    text and then forgotten, so a corpus of any size holds no tags, and a paragraph of any length
    with many matches costs time in proportion to its length."""
    starts, ends = (np.array([match[i] for match in matches], dtype=np.int64) for i in (0, 1))
    keep = _meant([text], starts, ends, np.zeros(len(matches), dtype=np.int64), [match[2] for match in matches],
                  negated_categories)
    return list(compress(matches, keep.tolist()))


def meant_mask(texts: list[str], starts: np.ndarray, ends: np.ndarray, terms: np.ndarray, bounds: np.ndarray,
               lexicon: Lexicon) -> np.ndarray:
    """keep_meant over a chunk's matches as columns (framing.matcher.MatchArrays, `terms` as
    places in lexicon.terms): which to keep. Only the matches whose term or category asks are looked
    at, and their sentences are found and tagged for the whole chunk at once."""
    negated = frozenset(c.id for c in lexicon.categories if c.skip_negated)
    every_term = lexicon.terms  # a tuple built anew at each reading of the property
    asks = np.array([bool(term.pos) or term.category in negated for term in every_term], dtype=bool)
    keep = np.ones(len(starts), dtype=bool)
    if not len(starts) or not asks.any():
        return keep
    checked = np.flatnonzero(asks[terms])  # the matches that ask, of all texts, in order
    around = np.searchsorted(checked, bounds)  # where each text's begin among them
    text_of = np.repeat(np.arange(len(texts)), np.diff(around))
    keep[checked] = _meant(texts, starts[checked], ends[checked], text_of,
                           list(map(every_term.__getitem__, terms[checked].tolist())), negated)
    return keep


def _meant(texts: list[str], starts: np.ndarray, ends: np.ndarray, text_of: np.ndarray, terms: list[Term],
           negated_categories: frozenset[str]) -> np.ndarray:
    """Which of these matches (start, end and term, in texts[text_of]) to keep: of the right part
    of speech where the term names one, and not negated where the category asks."""
    keep = np.ones(len(terms), dtype=bool)
    named = [place for place, term in enumerate(terms) if term.pos]
    if named:
        keep[named] = _of_part_of_speech(texts, starts[named], ends[named], text_of[named],
                                         [terms[place].pos for place in named])
    kept, starts, text_of = keep.tolist(), starts.tolist(), text_of.tolist()
    asked = [place for place, term in enumerate(terms) if kept[place] and term.category in negated_categories]
    windows = [texts[text_of[place]][max(0, starts[place] - _NEGATION_CHARS):starts[place]] for place in asked]
    for number in _maybe_negated(windows):
        if _negated_in(windows[number]):
            keep[asked[number]] = False
    return keep


def _maybe_negated(windows: list[str]) -> list[int]:
    """Which windows _MAYBE_NEGATED finds anything in (most find nothing), by one search of them
    all, each set apart by a character that no alternative holds and that is no word character, so
    that each window's edges are word boundaries where its own edges are."""
    joined = "\x00".join(windows)
    ends = list(accumulate(len(window) + 1 for window in windows))  # one past each window's separator
    lowered = joined.lower()
    if len(lowered) == len(joined) and "\u0131" not in joined:  # every offset where it was
        found = _MAYBE_NEGATED_LOWERED.finditer(lowered)
    else:
        found = _MAYBE_NEGATED.finditer(joined)
    return sorted({bisect.bisect_right(ends, match.start()) for match in found})


def _of_part_of_speech(texts: list[str], starts: np.ndarray, ends: np.ndarray, text_of: np.ndarray,
                       parts: list[tuple[str, ...]]) -> np.ndarray:
    """Whether the token the tagger sees at each match's start has one of its term's parts of
    speech (or the tagger split the text otherwise, and the match stands). The sentence around
    each match is tagged as TextBlob tags that sentence alone; each distinct one once, all in one
    call, a headline in title case lowercased (the tagger reads capitals as names), and only as far
    as its last match's first word (tagging.read_up_to): the rest changes no tag before it."""
    begins, finishes = _sentences_around(texts, starts, ends, text_of)
    sentences = [texts[text][begin:end] for text, begin, end in
                 zip(text_of.tolist(), begins.tolist(), finishes.tolist(), strict=True)]
    # Each distinct sentence by its number; not kept beyond this call, so a batch of any size holds no tags.
    number = {sentence: place for place, sentence in enumerate(dict.fromkeys(sentences))}
    of_match = np.array([number[sentence] for sentence in sentences], dtype=np.int64)
    reach = np.zeros(len(number), dtype=np.int64)
    np.maximum.at(reach, of_match, starts - begins)
    read = read_up_to([sentence.lower() if capitalised else sentence
                       for sentence, capitalised in zip(number, _mostly_capitalised(list(number)), strict=True)],
                      reach.tolist())
    tagged = tagged_texts(read)
    # The tokens of all the sentences laid end to end, each sentence one place further than the
    # last ends: one search finds the last token that starts at or before each match's start.
    lengths = np.array([len(sentence) + 1 for sentence in read], dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    token_bounds = np.array(tagged.bounds, dtype=np.int64)
    token_shift = np.repeat(offsets, np.diff(token_bounds))
    token_starts = np.array(tagged.starts, dtype=np.int64) + token_shift
    token_ends = np.array(tagged.ends, dtype=np.int64) + token_shift
    at = offsets[of_match] + (starts - begins)
    token = np.searchsorted(token_starts, at, side="right") - 1
    found = (token >= token_bounds[of_match]) & (at < token_ends[np.maximum(token, 0)])
    keep = np.ones(len(sentences), dtype=bool)
    tags = tagged.tags
    for place, token_place in zip(np.flatnonzero(found).tolist(), token[found].tolist(), strict=True):
        keep[place] = tags[token_place] in _tags_of(parts[place])
    return keep


@cache
def _tags_of(parts: tuple[str, ...]) -> frozenset[str]:
    """The tags that count as any of these parts of speech."""
    return frozenset().union(*(_TAGS[part] for part in parts))


def _sentences_around(texts: list[str], starts: np.ndarray, ends: np.ndarray,
                      text_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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
    return begin, end


def is_negated(text: str, start: int) -> bool:
    """Whether a negation stands in the few words before `start`, in the same clause."""
    before = text[max(0, start - _NEGATION_CHARS):start]
    return _MAYBE_NEGATED.search(before) is not None and _negated_in(before)  # most hits: no negator anywhere


def _negated_in(before: str) -> bool:
    """Whether a negation stands in the last few words of `before`, after its last clause break."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(before)][-_NEGATION_WINDOW:]
    return any(word in NEGATORS or word.endswith("n't") for word in words)


def _mostly_capitalised(texts: list[str]) -> list[bool]:
    """For each text, whether three or more of its words (_WORD) start with a letter and 60 % of
    those with a capital: for all the texts at once, in their characters laid end to end (each
    after a line break, no word character, so a word starts where it would in its text alone)."""
    joined = "\n".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    word, letter, capital = _character_classes(codes)
    starts = word.copy()
    starts[1:] &= ~word[:-1]  # a word character after none
    letters = np.concatenate([[0], np.cumsum(starts & letter)])
    capitals = np.concatenate([[0], np.cumsum(starts & letter & capital)])
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    begins = np.cumsum(lengths + 1) - lengths - 1
    counted, upper = letters[begins + lengths] - letters[begins], capitals[begins + lengths] - capitals[begins]
    return ((counted >= 3) & (upper >= 0.6 * counted)).tolist()


def _character_classes(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Whether each character is a _WORD character, a letter (str.isalpha) and a capital (str.isupper)."""
    table = _basic_plane_classes()
    classes = table[:, np.minimum(codes, 0xFFFF)]
    beyond = np.flatnonzero(codes > 0xFFFF)
    if len(beyond):  # emoji and rarer scripts: each distinct one asked itself
        distinct, where = np.unique(codes[beyond], return_inverse=True)
        classes[:, beyond] = np.array([_classes(chr(code)) for code in distinct.tolist()], dtype=bool).T[:, where]
    return classes[0], classes[1], classes[2]


def prepare() -> None:
    """Build the filter's tables (TextBlob's lexicon, the character classes) now instead of on
    first use: see tagging.prepare."""
    tagging.prepare()
    _basic_plane_classes()


@cache
def _basic_plane_classes() -> np.ndarray:
    """_character_classes of every character of Unicode's basic plane, as three rows."""
    plane = _basic_plane()
    return np.stack([basic_plane_matches(_WORD), np.fromiter(map(str.isalpha, plane), dtype=bool, count=len(plane)),
                     np.fromiter(map(str.isupper, plane), dtype=bool, count=len(plane))])


def basic_plane_matches(run: re.Pattern) -> np.ndarray:
    """Whether each character of Unicode's basic plane matches `run`, one character class
    repeated (`[...]+`), on its own: the characters inside its matches in the whole plane written
    out in order (each character of a run matches alone, and no other does). One search instead
    of 65,536 matches."""
    found = np.zeros(0x10000, dtype=bool)
    for match in run.finditer(_basic_plane()):
        found[match.start():match.end()] = True
    return found


def _basic_plane() -> str:
    return "".join(map(chr, range(0x10000)))


def _classes(char: str) -> tuple[bool, bool, bool]:
    return _WORD.match(char) is not None, char.isalpha(), char.isupper()
