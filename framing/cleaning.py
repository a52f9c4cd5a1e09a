"""Cleaning: tell an article's headline and body apart from page furniture and captions.

Every raw line is classified by general rules about how news pages are built (bylines,
share buttons, newsletter blurbs, related-article lists, captions, repeated lines), never by
the name of an outlet. The raw text is untouched; every piece that is not analysed is kept
with its reason so the dashboard can show what was cut.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import accumulate, pairwise
from typing import NamedTuple

from framing import resources as r
from framing.text import count_words

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")  # Windows, old Mac and Unix line endings
_LINE_BREAK_BYTES_RE = re.compile(_LINE_BREAK_RE.pattern.encode("ascii"))  # the same in UTF-8
ANALYSED_KINDS = frozenset({"headline", "body"})
# A dateline ("REUTERS -") is looked for at the head of this many first body paragraphs.
DATELINE_PARAGRAPHS = 3


class Piece(NamedTuple):  # a tuple: twenty-odd an article are cheap to make
    """A whole raw line, or part of one, with what it is and why."""

    line: int  # 1-based line number in the raw text
    text: str
    kind: str  # "headline", "body", "caption" or "furniture"
    reason: str


@dataclass(frozen=True)
class CleanedArticle:
    text: str  # the analysed pieces, one paragraph per line
    kept_kinds: frozenset[str]
    lines: tuple[str, ...]  # every raw line, stripped
    labels: tuple[tuple[str, str] | None, ...]  # each line's kind and reason; None for a blank line
    # The lines cut into parts, by index: each part's text, kind and reason, in order.
    parts: tuple[tuple[int, tuple[tuple[str, str, str], ...]], ...]

    @cached_property
    def pieces(self) -> tuple[Piece, ...]:
        """Made when asked for: the batch reads only the text."""
        parts = dict(self.parts)
        pieces: list[Piece] = []
        for index, (line, label) in enumerate(zip(self.lines, self.labels, strict=True)):
            if index in parts:
                pieces += [Piece(index + 1, *part) for part in parts[index]]
            elif label is not None:
                pieces.append(Piece(index + 1, line, *label))
        return tuple(pieces)

    @property
    def removed(self) -> tuple[Piece, ...]:
        return tuple(p for p in self.pieces if p.kind not in self.kept_kinds)


def clean(raw: str, *, keep: frozenset[str] = ANALYSED_KINDS) -> CleanedArticle:
    """Classify every line of `raw` and join the pieces of the kinds in `keep`."""
    lines, line_starts = _lines(raw)
    hints = _Hints.of(raw, lines, line_starts)
    labels = _label_lines(lines, hints)
    parts = _cut_lines(lines, labels, hints.glued)
    kept_parts = {index: "".join([text for text, kind, _ in line_parts if kind in keep]).strip()
                  for index, line_parts in parts.items()}
    # A line cut into parts is the paragraph of its kept parts, if any; any other, itself if kept.
    paragraphs = [kept_parts.get(index, line) for index, (line, label) in enumerate(zip(lines, labels, strict=True))
                  if label is not None and (kept_parts[index] if index in kept_parts else label[0] in keep)]
    return CleanedArticle("\n".join(paragraphs), frozenset(keep), tuple(lines), tuple(labels),
                          tuple(sorted((index, tuple(line_parts)) for index, line_parts in parts.items())))


def _lines(raw: str) -> tuple[list[str], list[int]]:
    """Every raw line, stripped (every rule reads a line without its outer whitespace), and where
    each line but the first begins in `raw`."""
    if "\r" in raw:
        lines = _LINE_BREAK_RE.split(raw)
        line_starts = [found.end() for found in _LINE_BREAK_RE.finditer(raw)]
    else:  # the same lines, faster
        lines = raw.split("\n")
        line_starts = list(accumulate(map(_one_more, map(len, lines[:-1]))))
    return [line.strip() for line in lines], line_starts


def _cut_lines(lines: list[str], labels, glued: frozenset[int]) -> dict[int, list[tuple[str, str, str]]]:
    """The body lines that may hold a dateline (at the head of the first few) or a glued caption
    (the lines in `glued`), cut into their parts, by index; every other line is one piece."""
    parts = {}
    dateline_chances = DATELINE_PARAGRAPHS
    for index, label in enumerate(labels):
        if dateline_chances <= 0:
            break
        if label is not None and label[0] == "body":
            parts[index] = _split_body_line(lines[index], dateline=True)
            found = any(reason == "dateline" for _, _, reason in parts[index])
            dateline_chances = 0 if found else dateline_chances - 1
    for index in glued:
        if index not in parts and labels[index] is not None and labels[index][0] == "body":
            parts[index] = _split_body_line(lines[index], dateline=False)
    return parts


@dataclass(frozen=True)
class _Hints:
    """The lines (by index) where a rule that searches inside a line can apply, found by one search
    of the whole text instead of one per line: few lines hold a stop right before a capital, a
    word PROMO_RE needs, or a mark every caption holds."""

    glued: frozenset[int]  # lines with a GLUED_TAIL_RE match
    promo: frozenset[int]  # lines with one of PROMO_WORDS, casefolded
    sign_off: frozenset[int]  # lines with one of SIGN_OFF_WORDS, casefolded
    caption: frozenset[int]  # lines with one of CAPTION_MARKS
    even_spaces: bool  # no line holds whitespace but single spaces: its words joined by spaces are itself

    @staticmethod
    def of(raw: str, lines: list[str], line_starts: list[int]) -> _Hints:
        """`line_starts`: where each line but the first begins in `raw`."""
        if any(map(raw.__contains__, _PROMO_LOOKALIKES)):
            promo = frozenset(i for i, line in enumerate(lines) if _may_promote(line))
            sign_off = frozenset(i for i, line in enumerate(lines) if _may_sign_off(line))
        elif raw.isascii():
            lowered = raw.lower()
            promo = _lines_with_words(lowered, r.PROMO_WORDS, line_starts)
            sign_off = _lines_with_words(lowered, _SIGN_OFF_WORDS, line_starts, len(lowered) - SIGN_OFF_TAIL)
        else:  # its UTF-8 with ASCII letters lowered: a third of the time of lowering the text
            data = raw.encode("utf-8", "surrogatepass").lower()
            data_starts = _line_starts(data)
            promo = _lines_with_words(data, _PROMO_BYTES, data_starts)
            sign_off = _lines_with_words(data, _SIGN_OFF_BYTES, data_starts, len(data) - SIGN_OFF_TAIL)
        glued = frozenset().union(*(_lines_holding(partial(_search_start, pattern, raw), line_starts)
                                    for stop, pattern in r.GLUED_TAIL_BY_STOP.items() if stop in raw))
        caption = frozenset().union(*(_lines_holding(partial(raw.find, mark), line_starts)
                                      for mark in r.CAPTION_MARKS))
        odd_spaces = any(map(raw.__contains__, _ASCII_ODD_SPACES)) if raw.isascii() else _ODD_SPACE_RE.search(raw)
        return _Hints(glued, promo, sign_off, caption, not odd_spaces and "  " not in raw)


# Whitespace that str.split() and a join by spaces would change: all of it but the space (and the
# line break, which splits lines). Every character str.isspace() knows is below U+3001.
_ODD_SPACES = tuple(char for char in map(chr, range(0x3001)) if char.isspace() and char not in " \n")
_ASCII_ODD_SPACES = tuple(char for char in _ODD_SPACES if char.isascii())  # a search of each, in an ASCII text
_ODD_SPACE_RE = re.compile("[" + "".join(map(re.escape, _ODD_SPACES)) + "]")  # one search for all, in any other


def _lines_with_words(lowered: str | bytes, words: tuple, line_starts: list[int], after: int = 0) -> frozenset[int]:
    """The lines holding one of `words`, from offset `after` on."""
    if after <= 0:
        return frozenset().union(*(_lines_holding(partial(lowered.find, word), line_starts) for word in words))
    return frozenset().union(*(_lines_holding(partial(_find_after, lowered, word, after), line_starts)
                               for word in words))


def _find_after(text: str | bytes, word, after: int, at: int) -> int:
    return text.find(word, max(at, after))


def _line_starts(data: bytes) -> list[int]:
    """Where each line but the first begins in a text's UTF-8 (a line break is one byte of its own)."""
    if b"\r" in data:
        return [found.end() for found in _LINE_BREAK_BYTES_RE.finditer(data)]
    return list(accumulate(map(_one_more, map(len, data.split(b"\n")[:-1]))))


def _lines_holding(find: Callable[[int], int], line_starts: list[int]) -> Iterator[int]:
    """The lines (by index) that `find` finds something in (it gives the offset of the first find
    at or after an offset, or -1; no find holds a line break): one search for each such line, on
    from the start of the line after, and one binary search of the lines' starts, so a line with
    many finds costs no more than one."""
    at = find(0)
    while at >= 0:
        line = bisect.bisect_right(line_starts, at)
        yield line
        if line == len(line_starts):
            return
        at = find(line_starts[line])


def _search_start(pattern: re.Pattern, text: str, at: int) -> int:
    found = pattern.search(text, at)
    return -1 if found is None else found.start()


_one_more = (1).__add__


def _label_lines(lines: list[str], hints: _Hints) -> list[tuple[str, str] | None]:
    """Each stripped line's kind and reason; None for a blank line."""
    promo, caption, sign_off = hints.promo, hints.caption, hints.sign_off
    labels: list[tuple[str, str] | None] = [
        _label_alone(line, i in promo, i in caption, i in sign_off) if line else None for i, line in enumerate(lines)]
    content = [i for i, line in enumerate(lines) if line]
    if _BYLINE in labels:  # one search in C: most articles of a batch have neither
        _mark_byline_affiliations(lines, labels, content)
    if _TEASERS in labels:
        _mark_teaser_items(lines, labels, content)
    _mark_related_lists(lines, labels, content)
    _mark_promo_followers(lines, labels, content)
    _mark_caption_prefixes(lines, labels, content)
    _mark_repeats(lines, labels, content, hints.even_spaces)
    _mark_headings(lines, labels, content, hints.glued)
    return labels


_PARAGRAPH = ("body", "paragraph")
_TEASERS = ("furniture", "related-article list")
_BYLINE = ("furniture", "byline")
_TIME_STAMP = ("furniture", "time stamp")


def _label_alone(text: str, may_promote: bool, may_caption: bool, may_sign_off: bool) -> tuple[str, str]:
    """What a stripped line that is not blank is, judged on its own. Without `may_promote`, the
    line holds none of PROMO_WORDS; without `may_caption`, none of CAPTION_MARKS; without
    `may_sign_off`, none of SIGN_OFF_WORDS."""
    if may_sign_off and r.PRINT_EDITION_RE.match(text):
        return "furniture", "print edition note"
    if may_sign_off and r.SIGN_OFF_RE.search(text) and count_words(text) <= 60:
        return "furniture", "credit or note on the writer"
    # A full sentence ("By Monday, the army had retaken the town.") is no byline or button.
    sentence = text.rstrip("\"'\u201d\u2019 )")[-1:] in ".!?"
    if sentence and not may_promote and not may_caption:  # most paragraphs: no rule but the time stamp's applies
        return _TIME_STAMP if _is_time_stamp(text) else _PARAGRAPH
    # Words are counted only where a rule asks (most lines are paragraphs that no rule below
    # needs them for), and cheap tests go first.
    short = not sentence and count_words(text) <= 12
    if r.SEPARATOR_RE.match(text):
        return "furniture", "separator"
    if _is_time_stamp(text):
        return _TIME_STAMP
    if short and (r.BYLINE_RE.match(text) or r.PUBLISHED_RE.search(text)):
        return _BYLINE
    if not sentence and r.TEASER_RE.match(text):  # "Topics: taxes ... dominated the meeting, aides said." is prose
        return _TEASERS
    if short and (r.SHARE_RE.search(text) or r.BUTTON_ROW_RE.match(text)):
        return "furniture", "share or follow button"
    if short and r.CALL_TO_ACTION_RE.match(text):
        return "furniture", "newsletter or subscription blurb"
    if may_promote and r.PROMO_RE.search(text) and not _has_quote_marks(text) and count_words(text) <= 40:
        return "furniture", "newsletter or subscription blurb"
    if may_caption and r.CAPTION_RE.search(text):
        return "caption", "picture caption or credit"
    return _PARAGRAPH


def _is_time_stamp(text: str) -> bool:
    return text[:1] not in _NO_STAMP_START and r.TIMESTAMP_RE.match(text) is not None and count_words(text) <= 8


# The first characters of a line that TIMESTAMP_RE's look-ahead turns away at once (a letter, so no
# \W before it, but no digit nor a month's first letter in either case): most paragraphs start with
# one, and a test of it is several times as quick as the expression's.
_NO_STAMP_START = frozenset("bceghiklpqrtuvwxyzBCEGHIKLPQRTUVWXYZ_")


def _mark_byline_affiliations(lines, labels, content) -> None:
    """The short line of capitalised words right under a byline is whom the writers work for
    ("By Jo Lee and Al Fox" then "Associated Press"), not a heading."""
    for previous, index in pairwise(content):
        if labels[previous] != _BYLINE or labels[index] != _PARAGRAPH:
            continue
        words = lines[index].split()
        if len(words) <= 4 and lines[index][-1:] not in ".!?:;,\"'\u201d" and all(word[:1].isupper() for word in words):
            labels[index] = _BYLINE


def _mark_teaser_items(lines, labels, content) -> None:
    """The short lines without closing punctuation after a teaser heading that ends in a colon or
    names related articles ("Related Coverage"; "Read More Stories About:" then its topics)."""
    for position, index in enumerate(content):
        if labels[index] != _TEASERS:
            continue
        heads_a_list = lines[index].endswith(":") or lines[index][:7].lower() == "related"
        if not heads_a_list or not r.TEASER_RE.match(lines[index]):
            continue  # "READ MORE: Another headline" is its own item
        for following in content[position + 1:position + 6]:
            if labels[following] != _PARAGRAPH or not _looks_like_heading(lines[following]) or (
                    count_words(lines[following]) > 15):
                break
            labels[following] = _TEASERS


def _mark_related_lists(lines, labels, content) -> None:
    """Lines between a separator and the byline that closes a related-article teaser."""
    for position, index in enumerate(content):
        if labels[index] != ("furniture", "separator"):
            continue
        following = content[position + 1 : position + 5]
        closing = next((j for j in following if labels[j] == ("furniture", "byline")), None)
        if closing is None:
            continue
        for j in following:
            if j == closing:
                break
            labels[j] = ("furniture", "related-article list")


def _mark_promo_followers(lines, labels, content) -> None:
    """The short blurb addressed to the reader right after 'Subscribe to ...' belongs to it."""
    for previous, index in pairwise(content):
        text = lines[index]
        if (
            labels[previous][0] == "furniture"
            and labels[index] == _PARAGRAPH
            and r.CALL_TO_ACTION_RE.match(lines[previous])
            and count_words(text) <= 25
            and r.READER_ADDRESS_RE.search(text)
            and not _has_quote_marks(text)
        ):
            labels[index] = ("furniture", "newsletter or subscription blurb")


def _mark_caption_prefixes(lines, labels, content) -> None:
    """A line repeated at the start of the next removed line (a caption, then caption + credit)."""
    for index, following in pairwise(content):
        text = lines[index]
        if (
            labels[index][0] == "body"
            and labels[following][0] != "body"
            and len(text) >= 20
            and lines[following].startswith(text)
        ):
            labels[index] = labels[following]


def _mark_repeats(lines, labels, content, even_spaces: bool) -> None:
    seen: set[str] = set()
    for index in content:
        text = lines[index] if even_spaces else " ".join(lines[index].split())
        if text in seen and labels[index][0] == "body":
            labels[index] = ("furniture", "repeated line")
        seen.add(text)


def _mark_headings(lines, labels, content, glued: frozenset[int]) -> None:
    """Short lines without closing punctuation: the title and standfirst, then subheadings.
    Only the lines in `glued` can have a glued tail to look past."""
    body_started = False
    for index in content:
        if labels[index][0] != "body":
            continue
        text = lines[index]
        if _looks_like_heading(_glued_tail(text)[0] if index in glued else text):
            if body_started:
                labels[index] = ("headline", "subheading")
            else:
                has_title = any(label == ("headline", "title") for label in labels if label)
                labels[index] = ("headline", "standfirst" if has_title else "title")
        else:
            body_started = True


def _looks_like_heading(text: str) -> bool:
    """Whether a line, without any glued tail, reads as a heading."""
    core = text.rstrip("\"'\u201d\u2019 ")
    return core[-1:] not in ".!?:;," and 0 < count_words(text) <= 25


def _split_body_line(text: str, *, dateline: bool) -> list[tuple[str, str, str]]:
    """A paragraph minus a leading dateline and a caption glued onto its end."""
    parts: list[tuple[str, str, str]] = []
    if dateline and (match := r.DATELINE_RE.match(text)):
        parts.append((match.group(), "furniture", "dateline"))
        text = text[match.end() :]
    head, tail = _glued_tail(text)
    parts.append((head, "body", "paragraph"))
    if tail:
        parts.append((tail, "caption", "caption glued to the end of a paragraph"))
    return [part for part in parts if part[0]]


def _glued_tail(text: str) -> tuple[str, str]:
    """Split off a short caption or credit stuck to a sentence's full stop without a space."""
    first = r.GLUED_TAIL_RE.search(text)  # a stop right before a capital: most lines have none
    if first is None:
        return text, ""
    cut = None
    for stop in r.GLUED_TAIL_RE.finditer(text, first.start()):
        if stop.start() and text[stop.start() - 1] in r.GLUED_TAIL_AFTER:
            cut = stop.end()
    if cut is not None:
        tail = text[cut:]
        if r.CAPTION_RE.search(tail) or (count_words(tail) <= 8 and tail.rstrip()[-1:] not in ".!?\"'\u201d"):
            return text[:cut], tail
    return text, ""


def _may_promote(text: str) -> bool:
    """A quick test that PROMO_RE could match: one of its words is there, its letters in either
    case. A case-insensitive expression equates them with no other character but those of
    _PROMO_LOOKALIKES, so a line holding one always goes on to the expression."""
    if any(map(text.__contains__, _PROMO_LOOKALIKES)):
        return True
    if text.isascii():
        return any(map(text.lower().__contains__, r.PROMO_WORDS))
    return any(map(text.encode("utf-8", "surrogatepass").lower().__contains__, _PROMO_BYTES))


# The characters beyond ASCII that a case-insensitive expression equates with a letter of a promo
# word: the dotless ı and the dotted İ (with i) and the long ſ (with s).
_PROMO_LOOKALIKES = ("\u0131", "\u0130", "\u017f")
_PROMO_BYTES = tuple(word.encode("ascii") for word in r.PROMO_WORDS)  # in UTF-8, which bytes.lower() lowers ASCII of
_SIGN_OFF_WORDS = r.SIGN_OFF_WORDS + r.PRINT_WORDS  # one is in every SIGN_OFF_RE or PRINT_EDITION_RE match
# What a page adds about its writers comes after the story: it is looked for in this many last
# characters of an article (bytes, in a text beyond ASCII), a page's last lines.
SIGN_OFF_TAIL = 2000
_SIGN_OFF_BYTES = tuple(word.encode("ascii") for word in _SIGN_OFF_WORDS)


def _may_sign_off(text: str) -> bool:
    """A quick test that SIGN_OFF_RE or PRINT_EDITION_RE could match, for a text holding one of
    _PROMO_LOOKALIKES (the same letters count in their case-insensitive parts)."""
    return any(map(text.casefold().__contains__, _SIGN_OFF_WORDS))


def _has_quote_marks(text: str) -> bool:
    return any(mark in text for mark in "\"\u201c\u201d")
