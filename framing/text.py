"""Text helpers that keep character offsets intact: folding, words, sentences."""

import bisect
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
    return [m.group().lower() for m in WORD_RE.finditer(fold(text))]


# A sentence ends at . ! or ?, optionally followed by closing quotes or brackets, then
# whitespace and something that can start a sentence.
_BOUNDARY_RE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LAST_TOKEN_RE = re.compile(r"([\w.]+)[.!?]+[\"'\u201d\u2019)\]]*$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; lines are paragraphs, so a line break always ends one."""
    bounds: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        cut = 0
        for match in _BOUNDARY_RE.finditer(line):
            token = _LAST_TOKEN_RE.search(line, max(cut, match.start() - 40), match.end())
            word = token.group(1).lower() if token else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            _add_trimmed(bounds, line, line_start, cut, match.end())
            cut = match.end()
        _add_trimmed(bounds, line, line_start, cut, len(line))
        line_start += len(line) + 1
    return bounds


def sentence_index(starts: list[int], offset: int) -> int:
    """The index of the sentence an offset falls in, given the sentences' start offsets."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def blank_out(text: str, regions) -> str:
    """The text with each (start, end) region replaced by spaces, offsets unchanged."""
    chars = list(text)
    for start, end in regions:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _add_trimmed(bounds: list, line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        bounds.append((offset + start + lead, offset + start + lead + len(stripped)))
