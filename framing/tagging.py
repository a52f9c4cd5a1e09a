"""Parts of speech, with character offsets, exactly as TextBlob's tagger gives them (`textblob.en.tag`).

TextBlob's English tagger (pattern's) splits text into sentences of tokens (`find_tokens`) and
then tags each token on its own: the lexicon's tag, or, for a word the lexicon lacks, NNP when it
is capitalised, CD when it is a number and otherwise a tag by its suffix; the first word of a
sentence is looked up lowercased too. Its parser passes no morphology, context or entity rules to
`find_tags`, so the Brill rules among its data files never run: a token's tag depends on its own
text and on whether it opens its sentence, on nothing else. This module does the same with the
same data (the package's lexicon, abbreviations, patterns and suffix rules, read from the installed
package) but splits each whitespace-separated piece of text once and finds each word's tag once,
where TextBlob runs a dozen substitutions and a loop per character over every text. Tags are Penn
Treebank tags ("VBD", "NN", "NNP"...). tests/test_tagging.py and bench/tagger_speed.py check that
the (token, tag) pairs are `textblob.en.tag`'s.

Curly apostrophes are read as straight ones for offsets (`tagged_words`), which the tagger knows.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from functools import lru_cache
from itertools import accumulate, chain, compress, pairwise
from operator import add
from typing import NamedTuple

import numpy as np


def _textblob_modules():
    """`textblob.en` and `textblob._text`, imported without running textblob's package `__init__`
    when nothing has run it yet: that imports its TextBlob class, and with it NLTK, SciPy and
    scikit-learn (1.7 CPU-seconds, in every batch run and every Dask worker), none of which the
    tagger uses. The package is stood in for while the two modules load, then taken out of
    `sys.modules` again, so a later `import textblob` is textblob's own, whole."""
    def load():
        return importlib.import_module("textblob.en"), importlib.import_module("textblob._text")

    if "textblob" in sys.modules:
        return load()
    sys.modules["textblob"] = importlib.util.module_from_spec(importlib.util.find_spec("textblob"))
    try:
        return load()
    finally:
        for name in ("textblob.en", "textblob._text", "textblob"):
            sys.modules.pop(name, None)


_en, _text = _textblob_modules()

_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})  # one char for one
_SPACE = np.array([chr(code).isspace() for code in range(0x3002)], dtype=bool)  # none beyond U+3000

# find_tokens, step by step. Its substitutions of contractions ("n't" -> " n't") are patterns
# without special characters, so str.replace does the same; each holds a straight apostrophe.
_CONTRACTIONS = tuple(_text.replacements.items())
_QUOTES = ("\u201c", "\u201d", "\u2018", "\u2019", "'", '"')  # each set apart by spaces, in its order
_LINE_BREAKS = re.compile(r"\n{2,}")  # a paragraph break ends a sentence
_END = _text.EOS  # the token a paragraph break becomes, dropped from the sentences
_LEADING = tuple(_text.PUNCTUATION.replace(".", ""))  # split off the front of a token, one by one
_TRAILING = (*_LEADING, ".")
_SENTENCE_ENDS = frozenset(("...", ".", "!", "?", _END))
# What may follow a sentence's end and still belong to it. find_tokens also lets a straight quote
# through when the sentence has an odd number of them, but counts them in a list that is always
# empty at that point, so a straight quote always starts the next sentence.
_STILL_ENDING = frozenset(("\u201d", "\u2019", "...", ".", "!", "?", ")", _END))
_ABBREVIATIONS = frozenset(_text.ABBREVIATIONS)
_ABBREVIATION_PATTERNS = (_text.RE_ABBR1, _text.RE_ABBR2, _text.RE_ABBR3)
_CACHED_TOKEN_LENGTH = 40  # longer pieces of text are split each time (they are rare, and memory is bounded)
_CACHE_SIZE = 200_000  # words whose pieces or tags are kept; the caches start over when full


class TaggedWord(NamedTuple):
    start: int
    end: int
    word: str
    tag: str


class TaggedText(NamedTuple):
    """The tokens of a text as columns: where each starts and ends in the text, and its tag."""
    starts: list[int]
    ends: list[int]
    tags: list[str]


class TaggedTexts(NamedTuple):
    """The tokens of several texts as columns, one text's after another's: where each starts and
    ends in its own text, its tag, and where each text's tokens begin (`bounds`, one more than the
    texts: text i's tokens are bounds[i] to bounds[i + 1])."""
    starts: list[int]
    ends: list[int]
    tags: list[str]
    bounds: list[int]


@lru_cache(maxsize=4096)
def tagged_words(text: str) -> tuple[TaggedWord, ...]:
    """Every token the tagger sees, with its offsets in `text` and its part of speech.
    A token the tagger rewrote (so it is not in the text as such) is left out."""
    found = tagged_text(text)
    return tuple(TaggedWord(start, end, text[start:end], tag) for start, end, tag in zip(*found, strict=True))


def tagged_text(text: str) -> TaggedText:
    """tagged_words as columns, without an object per token."""
    starts, ends, tags, _ = tagged_texts([text])
    return TaggedText(starts, ends, tags)


def tagged_texts(texts: list[str]) -> TaggedTexts:
    """tagged_text of each text, for all of them in one pass (the sense filter's tagging: a few
    thousand short sentences a chunk, where the steps per call would cost as much as the tokens).
    The texts are tokenised as one string, each set apart by a separator of its own that no text
    holds and that touches no rule, so that each text's tokens are those it has alone (_sentences).
    Each token's offset is where a search from the end of the one before finds it in its own text."""
    if not texts:
        return TaggedTexts([], [], [], [0])
    joined, separator = _joined(texts)
    plain = joined
    for curly, straight in _STRAIGHT.items():  # str.translate, but a search and a copy per mark
        if chr(curly) in plain:
            plain = plain.replace(chr(curly), straight)
    words, tags, counts = _tagged_columns(plain, separator)
    begins = list(accumulate((len(text) + len(separator) + 2 for text in texts[:-1]), initial=0))  # in `plain`
    if len(words) >= _PLACED_FROM:
        starts, unplaced = _placed(plain, separator, texts, begins, words, counts)
    else:
        starts, unplaced = [-1] * len(words), range(len(texts))
    first_tokens = list(accumulate(counts[:-1], initial=0))
    find = plain.find
    for text in unplaced:
        begin = at = begins[text]
        stop = begin + len(texts[text])
        for token in range(first_tokens[text], first_tokens[text] + counts[text]):
            start = find(words[token], at, stop)
            if start >= 0:
                at = start + len(words[token])
                starts[token] = start - begin
    ends = list(map(add, starts, map(len, words)))
    if -1 in starts:  # a token the tagger rewrote, left out
        kept = [start >= 0 for start in starts]
        starts, ends, tags = (list(compress(column, kept)) for column in (starts, ends, tags))
        counts = [sum(kept[first:first + count]) for first, count in zip(first_tokens, counts, strict=True)]
    return TaggedTexts(starts, ends, tags, list(accumulate(counts, initial=0)))


_PLACED_FROM = 256  # tokens; fewer are searched for one by one, faster than numpy's set-up


# What find_tokens joins across whitespace, so that a token is no longer in the text as it stands:
# an emoticon written apart (": )" becomes ":)") and "( ! )" ("(!)"); "&slash;" becomes "/" too.
# A text that may hold one holds one of these marks, or one of the few emoticons without any (XD,
# 8-D...) with only whitespace between its characters.
_JOINING_MARKS = ":;=<>*_!&)\u00b0\u2665"
_JOINING = np.isin(np.arange(len(_SPACE)), [ord(mark) for mark in _JOINING_MARKS])  # by code, as _SPACE
_UNMARKED_EMOTICONS = tuple(sorted(emoticon for emoticon in chain.from_iterable(_text.EMOTICONS.values())
                                   if not set(emoticon) & set(_JOINING_MARKS)))


def read_up_to(texts: list[str], reach: list[int]) -> list[str]:
    """Each text cut at its first whitespace at or after `reach`, where the tagger reads the same
    tokens, at the same offsets and with the same tags, as in the whole text: it splits a text at
    whitespace and each piece alone, and whether a token opens a sentence hangs on the tokens
    before it only. A text in which it may join marks across whitespace stays whole (a token that
    is not in the text would have its offset searched for past the cut)."""
    if not texts:
        return []
    joined = "\n".join(texts)  # a line break is whitespace: no text is cut past its own end
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    basic = np.minimum(codes, len(_SPACE) - 1)  # the last is neither a space nor a mark, as all beyond
    is_space = _SPACE.take(basic)
    begins = np.cumsum([0] + [len(text) + 1 for text in texts[:-1]], dtype=np.int64)
    risky = [np.flatnonzero(_JOINING.take(basic))]  # where a mark is, then where each emoticon begins and ends
    visible = np.flatnonzero(~is_space)
    shown = codes[visible]  # the characters but whitespace, in order: an emoticon spaced out is a run of them
    for emoticon in _UNMARKED_EMOTICONS:
        first = np.flatnonzero(shown[:max(len(shown) - len(emoticon) + 1, 0)] == ord(emoticon[0]))
        for step, char in enumerate(emoticon[1:], 1):
            first = first[shown[first + step] == ord(char)]
        risky += [visible[first], visible[first + len(emoticon) - 1]]
    whole = set((np.searchsorted(begins, np.concatenate(risky), side="right") - 1).tolist())
    spaces = np.append(np.flatnonzero(is_space), len(joined))
    cuts = (spaces[np.searchsorted(spaces, begins + np.array(reach, dtype=np.int64))] - begins).tolist()
    return [text if place in whole else text[:cut] for place, (text, cut) in enumerate(zip(texts, cuts, strict=True))]


def _placed(plain: str, separator: str, texts: list[str], begins: list[int], words: list[str],
            counts: list[int]) -> tuple[list[int], list[int]]:
    """Where each token starts in its own text, for the texts whose tokens are their characters
    but spaces, in order, each in one piece (most texts), and those other texts, whose tokens are
    given -1. In such a text a search from the end of the token before finds each token where its
    characters are, and nowhere earlier: only spaces lie between, and no token starts with one."""
    count_of = np.array(counts, dtype=np.int64)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    text_lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    text_begins = np.array(begins, dtype=np.int64)
    codes = np.frombuffer(plain.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    shown = ~_SPACE.take(np.minimum(codes, len(_SPACE) - 1)) & (codes != ord(separator))
    visible = np.flatnonzero(shown)  # where each character but spaces and separators is, in order
    if not len(visible):
        return [-1] * len(words), list(range(len(texts)))
    text_of = np.repeat(np.arange(len(texts)), count_of)
    before = np.concatenate([[0], np.cumsum(lengths)])  # characters of all tokens before each
    first_token = np.cumsum(count_of) - count_of
    first_visible = np.searchsorted(visible, text_begins)
    # Each token's first character's place among the visible ones, if its text's tokens tile them.
    place = first_visible[text_of] + before[:-1] - before[first_token][text_of]
    tiled = (before[first_token + count_of] - before[first_token]
             == np.searchsorted(visible, text_begins + text_lengths) - first_visible)
    place = np.minimum(place, len(visible) - 1)  # past the end only in a text not tiled
    chars = np.frombuffer("".join(words).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    char_place = np.minimum(np.repeat(place - before[:-1], lengths) + np.arange(len(chars)), len(visible) - 1)
    wrong = np.flatnonzero(codes[visible[char_place]] != chars)
    whole = (lengths > 0) & (visible[np.minimum(place + lengths - 1, len(visible) - 1)] - visible[place]
                             == lengths - 1)  # in one piece
    whole[np.searchsorted(before, wrong, side="right") - 1] = False  # and its own characters
    placed = tiled & (np.bincount(text_of[~whole], minlength=len(texts)) == 0)
    starts = np.where(placed[text_of], visible[place] - text_begins[text_of], -1)
    return starts.tolist(), np.flatnonzero(~placed).tolist()


def tagged_tokens(text: str) -> list[tuple[str, str]]:
    """(token, tag) pairs, as `textblob.en.tag(text)` gives them."""
    joined, separator = _joined([text])
    words, tags, _ = _tagged_columns(joined, separator)
    return list(zip(words, tags, strict=True))


# Characters that no tokenizing step treats as anything but a word of their own (no space, stop,
# quote, punctuation or emoticon), so a text set apart by one between spaces is tokenised alone.
_SEPARATORS = tuple(map(chr, (*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0xE000, 0xF900))))


def _joined(texts: list[str]) -> tuple[str, str]:
    """The texts joined, each set apart by " X " for the first separator X that no text holds."""
    for separator in _SEPARATORS:
        joined = f" {separator} ".join(texts)
        if joined.count(separator) == max(len(texts) - 1, 0):
            return joined, separator
    raise ValueError("the texts hold every separator character")  # 6,000 distinct characters, all in the texts


def _tagged_columns(text: str, separator: str) -> tuple[list[str], list[str], list[int]]:
    """The tokens and their tags of each text in `text` (texts joined by _joined), one text's after
    another's, and how many each text has. `textblob.en.tag` joins them into one slash-separated
    string and splits it again, which turns an "&slash;" in a word into "/", so this does too (no
    tag holds a slash; a token with "&slash;" is a piece of the text, or an emoticon, which holds none)."""
    sentences, counts = _sentences(text, separator)
    words = list(chain.from_iterable(sentences))
    tags = _tags(sentences, words)  # of the words as the tagger reads them, before the slashes come back
    if "&slash;" in text:
        words = [word.replace("&slash;", "/") for word in words]
    return words, tags, counts


def is_verb(tag: str) -> bool:
    return tag.startswith("VB")


def is_noun(tag: str) -> bool:
    return tag.startswith("NN")


# --- tokens: textblob._text.find_tokens -------------------------------------------------------------


def _sentences(text: str, separator: str) -> tuple[list[list[str]], list[int]]:
    """find_tokens of each text in `text` (texts joined by _joined), each sentence as its list of
    tokens (TextBlob's parser splits the sentences it returns at spaces), one text's after
    another's, and how many tokens each text has. Each step here is one that find_tokens takes
    over a text, and none reaches over a separator: the substitutions hold no separator or space,
    a sentence's closing marks stop at one, and a sentence is cut at each."""
    if "'" in text:
        for contraction, spaced in _CONTRACTIONS:
            text = text.replace(contraction, spaced)
    for quote in _QUOTES:
        if quote in text:
            text = text.replace(quote, f" {quote} ")
    if "\n" in text:
        text = _LINE_BREAKS.sub(f" {_END} ", text.replace("\r\n", "\n"))
    chunks = text.split()  # find_tokens collapses `\s+` (str.isspace) to one space and splits there
    splits = list(map(_PIECES.get, chunks))
    if None in splits:
        splits = [_pieces(chunk) if split is None else split for chunk, split in zip(chunks, splits, strict=True)]
    tokens = list(chain.from_iterable(splits))
    count = len(tokens)
    cuts, at = [], 0
    for end in compress(range(count), map(_SENTENCE_ENDS.__contains__, tokens)):
        if end < at:  # in the run of stops and closing marks that ended the sentence before
            continue  # (find_tokens then steps over one more token, which is never a stop: it ended the run)
        at = end
        while at < count and tokens[at] in _STILL_ENDING:
            at += 1
        cuts.append(at)
    texts = list(compress(range(count), map(separator.__eq__, tokens)))  # where one text ends and the next begins
    sentences, text_ends, first = [], [], 0  # text_ends: how many sentences the texts so far have
    for end in sorted({*cuts, *texts, *(place + 1 for place in texts), count}):
        if end == first + 1 and tokens[first] == separator:
            text_ends.append(len(sentences))
        elif end > first:
            sentence = tokens[first:end]
            if _END in sentence:
                sentence = [token for token in sentence if token != _END]
            if sentence:
                sentences.append(sentence)
        first = end
    text_ends.append(len(sentences))
    # The last two substitutions, where they can change anything: a match in a sentence's tokens
    # joined by spaces is one in all of them joined so.
    if "!" in text or _text.RE_EMOTICONS.search(" ".join(chain.from_iterable(sentences))):
        sentences = [_marks_joined(sentence, "!" in text) for sentence in sentences]
    tokens_before = [0, *accumulate(map(len, sentences))]  # by sentence
    counts = [tokens_before[end] - tokens_before[start] for start, end in pairwise([0, *text_ends])]
    return sentences, counts


def _marks_joined(sentence: list[str], may_be_sarcastic: bool) -> list[str]:
    """The sentence after find_tokens' last two substitutions over its text: "( ! )" becomes "(!)"
    and an emoticon spread over tokens (": )") one token (":)")."""
    joined = " ".join(sentence)
    marked = _text.RE_SARCASM.sub("(!)", joined) if may_be_sarcastic else joined
    if _text.RE_EMOTICONS.search(marked):
        marked = _text.RE_EMOTICONS.sub(_emoticon, marked)
    return sentence if marked == joined else marked.split(" ")  # tokens hold no space: the join splits back


def _emoticon(found: re.Match) -> str:
    return found.group(1).replace(" ", "") + found.group(2)


_PIECES: dict[str, tuple[str, ...]] = {}


def _pieces(chunk: str) -> tuple[str, ...]:
    """One whitespace-separated piece of text as find_tokens splits it: punctuation off its front,
    then off its back, with "..." kept together and a final stop kept on an abbreviation. (Its test
    that a piece is not a contraction always holds here: every apostrophe is a piece of its own.)"""
    head, rest, tail = [], chunk, []
    while rest.startswith(_LEADING):
        head.append(rest[0])
        rest = rest[1:]
    while rest.endswith(_TRAILING):
        if rest.endswith(_LEADING):
            tail.append(rest[-1])
            rest = rest[:-1]
        if rest.endswith("..."):
            tail.append("...")
            rest = rest[:-3].rstrip(".")
        if rest.endswith("."):
            if rest in _ABBREVIATIONS or any(pattern.match(rest) for pattern in _ABBREVIATION_PATTERNS):
                break
            tail.append(".")
            rest = rest[:-1]
    split = (*head, *([rest] if rest else []), *reversed(tail))
    if len(chunk) <= _CACHED_TOKEN_LENGTH:
        if len(_PIECES) >= _CACHE_SIZE:
            _PIECES.clear()
        _PIECES[chunk] = split
    return split


# --- tags: textblob._text.find_tags with the parser's arguments ---------------------------------------


def prepare() -> None:
    """Read TextBlob's lexicon now instead of at the first tag: a batch reads it once, before it
    forks its workers, rather than once in each."""
    _lexicon()


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """TextBlob's lexicon of words and tags (en-lexicon.txt), read from its file as TextBlob's
    own loader reads it (each line stripped; blank lines and `;;;` comments skipped; a line's first
    two words split at single spaces) in about half the time; it starts `_KNOWN` too."""
    global _KNOWN
    with open(_en.parser.lexicon.path, encoding="utf-8") as file:
        lines = [line.strip() for line in file.read().split("\n")]  # read as text: every line ending is \n
    lexicon = dict(line.split(" ", 2)[:2] for line in lines if line and not line.startswith(";;;"))
    _KNOWN = dict(lexicon)
    return lexicon


# The lexicon and the words outside it tagged so far, so that any word but a sentence's first takes
# one look-up; past _CACHE_SIZE words outside it, a fresh copy of the lexicon takes its place (never
# an emptied one: a session's thread may be reading it, and would take a word in it for unknown).
_KNOWN: dict[str, str] = {}


def _tags(sentences: list[list[str]], words: list[str]) -> list[str]:
    """The tag of each word of the sentences (`words`, the sentences' tokens in order)."""
    lexicon = _lexicon()
    tags = list(map(_KNOWN.get, words))
    at = 0
    for sentence in sentences:
        # find_tags' own test for a first word: as it is, else lowercased. An unknown word is tagged alike anywhere.
        first = sentence[0]
        tags[at] = lexicon.get(first, lexicon.get(first.lower()) or None)
        at += len(sentence)
    if None in tags:
        for place, tag in enumerate(tags):
            if tag is None:
                tags[place] = _unknown_word_tag(words[place])
    return tags


def _unknown_word_tag(word: str) -> str:
    """A word the lexicon lacks: NNP if capitalised, CD if a number, else by its suffix."""
    global _KNOWN
    default_noun, proper_noun, number = _en.parser.default
    if word.istitle():
        tag = proper_noun
    elif _text.CD.match(word) is not None:
        tag = number
    else:
        tag = _text._suffix_rules([word, default_noun])[1]
    lexicon = _lexicon()
    if len(_KNOWN) >= len(lexicon) + _CACHE_SIZE:
        _KNOWN = dict(lexicon)
    _KNOWN[word] = tag
    return tag


@lru_cache(maxsize=4096)
def tagged_lines(text: str) -> tuple[TaggedWord, ...]:
    """tagged_words with each line tagged as a text of its own, offsets still in `text`. The tagger
    ends a sentence only at a stop or a blank line, so a headline without a stop runs into the first
    paragraph, whose first word it then reads as a capitalised unknown, a proper noun ("Disgraced"
    in "Disgraced Hollywood mogul ..."); a reader sees a new sentence at every line."""
    lines = text.split("\n")
    found = tagged_texts(lines)
    words = []
    for line, begin, first, last in zip(lines, accumulate((len(line) + 1 for line in lines[:-1]), initial=0),
                                        found.bounds[:-1], found.bounds[1:], strict=True):
        words.extend(TaggedWord(begin + start, begin + end, line[start:end], tag) for start, end, tag in zip(
            found.starts[first:last], found.ends[first:last], found.tags[first:last], strict=True))
    return tuple(words)
