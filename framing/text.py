"""Text helpers that keep character offsets intact: folding, words, sentences."""

import bisect
import functools
import operator
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


def _words_an_abbreviation_may_be() -> str:
    """Look-behinds from just past a stop, one per word length (each must have one width): the
    word before the stop, after no word character or dot, that may be an abbreviation (in any
    case) or a single character; each captures the word in its own group."""
    by_length: dict[int, list[str]] = {1: [r"\w"]}
    for word in sorted(ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "|".join(rf"(?<=(?<![\w.])((?i:{'|'.join(words)}))[.!?])" for _, words in sorted(by_length.items()))


# A sentence ends at . ! or ?, optionally followed by closing quotes or brackets, then
# whitespace within the line (the last group) and something that can start a sentence. Group 1
# is matched when the word before the stop may be an abbreviation; groups 2 on hold that word.
# One pattern per first stop, which no stop comes right before: a pattern that starts with one
# character is searched for several times as fast as one that starts with a set of them.
_BOUNDARY_BY_STOP = {
    stop: re.compile(re.escape(stop) + r"(?<![.!?].)(" + _words_an_abbreviation_may_be() + r")?[.!?]*"
                     r"[\"'\u201d\u2019)\]]*(?=([^\S\n]+)[\"'\u201c\u2018(\[]?[A-Z0-9])")
    for stop in ".!?"
}
_TRIMMED_LINE_RE = re.compile(r"\S(?:[^\n]*\S)?")  # a line without the whitespace around it
_span = re.Match.span
_gap_span = operator.methodcaller("span", _BOUNDARY_BY_STOP["."].groups)  # the sentence's end, the next one's start
_flag_start = operator.methodcaller("start", 1)  # -1 where the word before the stop is no abbreviation


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; lines are paragraphs, so a line break always ends one.

    A few searches of the whole text and no Python step per character, nor per boundary but for
    the few after a word that may be an abbreviation: a sentence starts where a line's words
    start or after the space behind a boundary, and ends where a line's words end or at a
    boundary that closes no abbreviation."""
    lines = list(map(_span, _TRIMMED_LINE_RE.finditer(text)))
    gaps: list[tuple[int, int]] = []
    for stop, boundary in _BOUNDARY_BY_STOP.items():
        if stop in text:
            found = list(boundary.finditer(text))
            if max(map(_flag_start, found), default=-1) < 0:  # no boundary follows a possible abbreviation
                gaps += map(_gap_span, found)
            else:
                gaps += [_gap_span(match) for match in found
                         if match.start(1) < 0 or not _closes_abbreviation(text, match)]
    if not gaps:
        return lines
    starts = [start for start, _ in lines]
    ends = [end for _, end in lines]
    for end, start in gaps:  # a gap runs from a sentence's end to the next one's start
        ends.append(end)
        starts.append(start)
    starts.sort()
    ends.sort()
    return list(zip(starts, ends, strict=True))


def _closes_abbreviation(text: str, boundary: re.Match) -> bool:
    """Whether a boundary's stops close an abbreviation ("Mr.") or an initial ("J."): its word is
    one, and no dot follows its first stop (the word would end in a dot, as no abbreviation does)."""
    stop = boundary.start()
    if text[stop] == "." and text[stop + 1] in ".!?":
        return False
    word = next(word for word in boundary.groups()[1:-1] if word is not None).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


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
