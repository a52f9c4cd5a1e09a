"""Text helpers that keep character offsets intact: folding, words, sentences."""

import bisect
import functools
import re

from framing.resources import ABBREVIATIONS, QUOTE_FOLD, WORD_RE


def fold(text: str) -> str:
    """Straighten typographic quotes, hyphens and spaces without changing any offset."""
    if text.isascii():
        return text
    for char, straight in _FOLDS:  # a replace per mark present is far faster than translate
        if char in text:
            text = text.replace(char, straight)
    return text


_FOLDS = tuple((chr(code), straight) for code, straight in QUOTE_FOLD.items())


def plural(count: int, word: str) -> str:
    """"1 article", "2 articles", "1,200 words": counts in messages read as a person would say them."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def words(text: str) -> list[str]:
    folded = fold(text)
    if folded.isascii():  # lowering ASCII changes no length and no character's class: lower it all at once
        return WORD_RE.findall(folded.lower())
    return [m.group().lower() for m in WORD_RE.finditer(folded)]


def has_more_words_than(text: str, limit: int) -> bool:
    """count_words(text) > limit, without counting past the limit (a long quotation has hundreds)."""
    return _words_in_a_row(limit + 1).match(text) is not None


@functools.lru_cache(maxsize=8)
def _words_in_a_row(count: int) -> re.Pattern:
    # Each word is found where findall would find the next one: at the first word character after
    # the last (WORD_RE stops only before a character that is no word character).
    return re.compile(rf"(?:\W*+(?:{WORD_RE.pattern})){{{count}}}")


# A sentence ends at . ! or ?, optionally followed by closing quotes or brackets, then
# whitespace within the line (group 1) and something that can start a sentence.
_BOUNDARY_RE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=([^\S\n]+)[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LAST_TOKEN_RE = re.compile(r"([\w.]+)[.!?]+[\"'\u201d\u2019)\]]*$")
_TRIMMED_LINE_RE = re.compile(r"\S(?:[^\n]*\S)?")  # a line without the whitespace around it


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; lines are paragraphs, so a line break always ends one.

    One pass over the whole text: a sentence starts where a line's words start or after the
    space behind a boundary, and ends where a line's words end or at a boundary."""
    lines = [line.span() for line in _TRIMMED_LINE_RE.finditer(text)]
    starts, ends = [start for start, _ in lines], [end for _, end in lines]
    cut = 0
    for match in _BOUNDARY_RE.finditer(text):
        start = match.start()
        # The abbreviation test looks back within the sentence and its line, 40 characters at most,
        # and no further than the last space (no token holds one).
        back = max(cut, start - 40, 0)
        back = max(back, text.rfind("\n", back, start) + 1, text.rfind(" ", back, start) + 1)
        token = _LAST_TOKEN_RE.search(text, back, match.end())
        word = token.group(1).lower() if token else ""
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        cut = match.end()
        ends.append(cut)
        starts.append(match.end(1))
    if len(starts) > len(lines):  # boundaries found: put them in their places among the lines'
        starts.sort()
        ends.sort()
    return list(zip(starts, ends, strict=True))


def sentence_index(starts: list[int], offset: int) -> int:
    """The index of the sentence an offset falls in, given the sentences' start offsets."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def blank_out(text: str, regions) -> str:
    """The text with each (start, end) region replaced by spaces, offsets unchanged."""
    pieces, position = [], 0
    for start, end in sorted(regions):  # regions may nest or overlap: each character is blanked once
        start = max(start, position)
        if end > start:
            pieces += [text[position:start], " " * (end - start)]
            position = end
    pieces.append(text[position:])
    return "".join(pieces)
