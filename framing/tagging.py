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
from itertools import chain, compress
from operator import add
from typing import NamedTuple


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
_CURLY = re.compile("[\u2018\u2019\u201c\u201d]")

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


@lru_cache(maxsize=4096)
def tagged_words(text: str) -> tuple[TaggedWord, ...]:
    """Every token the tagger sees, with its offsets in `text` and its part of speech.
    A token the tagger rewrote (so it is not in the text as such) is left out."""
    found = tagged_text(text)
    return tuple(TaggedWord(start, end, text[start:end], tag) for start, end, tag in zip(*found, strict=True))


def tagged_text(text: str) -> TaggedText:
    """tagged_words as columns, without an object per token (the sense filter's tagging)."""
    plain = text.translate(_STRAIGHT) if _CURLY.search(text) else text
    words, tags = _tagged_columns(plain)
    find, starts, at = plain.find, [], 0
    for word in words:
        start = find(word, at)
        if start >= 0:
            at = start + len(word)
        starts.append(start)
    ends = list(map(add, starts, map(len, words)))
    if -1 in starts:  # a token the tagger rewrote
        kept = [place for place, start in enumerate(starts) if start >= 0]
        starts, ends, tags = ([column[place] for place in kept] for column in (starts, ends, tags))
    return TaggedText(starts, ends, tags)


def tagged_tokens(text: str) -> list[tuple[str, str]]:
    """(token, tag) pairs, as `textblob.en.tag(text)` gives them."""
    return list(zip(*_tagged_columns(text), strict=True))


def _tagged_columns(text: str) -> tuple[list[str], list[str]]:
    """The tokens and their tags. `textblob.en.tag` joins them into one slash-separated string and
    splits it again, which turns an "&slash;" in a word into "/", so this does too (no tag holds a
    slash; a token with "&slash;" is a piece of the text, or an emoticon, which holds none)."""
    sentences = _sentences(text)
    words = list(chain.from_iterable(sentences))
    if "&slash;" in text:
        words = [word.replace("&slash;", "/") for word in words]
    return words, list(chain.from_iterable(map(_tags, sentences)))


def is_verb(tag: str) -> bool:
    return tag.startswith("VB")


def is_noun(tag: str) -> bool:
    return tag.startswith("NN")


# --- tokens: textblob._text.find_tokens -------------------------------------------------------------


def _sentences(text: str) -> list[list[str]]:
    """find_tokens(text), each sentence as its list of tokens (TextBlob's parser splits the
    sentences it returns at spaces)."""
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
    sentences, first, at, count = [], 0, 0, len(tokens)
    for end in compress(range(count), map(_SENTENCE_ENDS.__contains__, tokens)):
        if end < at:  # in the run of stops and closing marks that ended the sentence before
            continue  # (find_tokens then steps over one more token, which is never a stop: it ended the run)
        at = end
        while at < count and tokens[at] in _STILL_ENDING:
            at += 1
        sentence = tokens[first:at]
        sentences.append([token for token in sentence if token != _END] if _END in sentence else sentence)
        first = at
    sentences.append(tokens[first:])
    return [_marks_joined(sentence, "!" in text) for sentence in sentences if sentence]


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


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """TextBlob's lexicon of words and tags (en-lexicon.txt), read by TextBlob on first use; it
    starts `_KNOWN` too."""
    global _KNOWN
    lexicon = dict(_en.parser.lexicon.items())
    _KNOWN = dict(lexicon)
    return lexicon


# The lexicon and the words outside it tagged so far, so that any word but a sentence's first takes
# one look-up; past _CACHE_SIZE words outside it, a fresh copy of the lexicon takes its place (never
# an emptied one: a session's thread may be reading it, and would take a word in it for unknown).
_KNOWN: dict[str, str] = {}


def _tags(sentence: list[str]) -> list[str]:
    lexicon = _lexicon()
    first = sentence[0]
    # find_tags' own test for a first word: as it is, else lowercased. An unknown word is tagged alike anywhere.
    tags = [lexicon.get(first, lexicon.get(first.lower()) or None), *map(_KNOWN.get, sentence[1:])]
    if None in tags:
        for place, tag in enumerate(tags):
            if tag is None:
                tags[place] = _unknown_word_tag(sentence[place])
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
