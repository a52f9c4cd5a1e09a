"""Parts of speech, with character offsets, from the tagger TextBlob ships (`textblob.en.tag`).

TextBlob's own object API needs NLTK data downloads; `textblob.en.tag` does not, so this works
offline from the package alone. Tags are Penn Treebank tags ("VBD", "NN", "NNP"...). Curly
apostrophes are read as straight ones, which the tagger knows ("it’s" is "it" + "'s").
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import lru_cache
from typing import NamedTuple


def _english_parser():
    """`textblob.en.parser`, imported without running textblob's package `__init__` when nothing
    has run it yet: that imports its TextBlob class, and with it NLTK, SciPy and scikit-learn
    (1.7 CPU-seconds, in every batch run and every Dask worker), none of which the tagger uses.
    The package is stood in for while its `en` and `_text` modules load, then taken out of
    `sys.modules` again, so a later `import textblob` is textblob's own, whole."""
    if "textblob" in sys.modules:
        return importlib.import_module("textblob.en").parser
    sys.modules["textblob"] = importlib.util.module_from_spec(importlib.util.find_spec("textblob"))
    try:
        return importlib.import_module("textblob.en").parser
    finally:
        for name in ("textblob.en", "textblob._text", "textblob"):
            sys.modules.pop(name, None)


_parser = _english_parser()

_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})  # one char for one


class TaggedWord(NamedTuple):
    start: int
    end: int
    word: str
    tag: str


@lru_cache(maxsize=4096)
def tagged_words(text: str) -> tuple[TaggedWord, ...]:
    """Every token the tagger sees, with its offsets in `text` and its part of speech.
    A token the tagger rewrote (so it is not in the text as such) is left out."""
    plain = text.translate(_STRAIGHT)
    found, at = [], 0
    for word, part in tagged_tokens(plain):
        start = plain.find(word, at)
        if start < 0:
            continue
        at = start + len(word)
        found.append(TaggedWord(start, at, text[start:at], part))
    return tuple(found)


def tagged_tokens(text: str) -> list[tuple[str, str]]:
    """(token, tag) pairs, as `textblob.en.tag(text)` gives them, without its round trip through
    one slash-joined string that it splits again (a quarter of its time). That trip turns an
    "&slash;" in a word into "/", so this does too."""
    return [(word.replace("&slash;", "/") if "&slash;" in word else word, part)
            for sentence in _parser.parse(text, True, True, False, False, False, "utf-8", collapse=False)
            for word, part in sentence]


def is_verb(tag: str) -> bool:
    return tag.startswith("VB")


def is_noun(tag: str) -> bool:
    return tag.startswith("NN")
