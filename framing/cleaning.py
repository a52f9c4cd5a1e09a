"""Cleaning: tell an article's headline and body apart from page furniture and captions.

Every raw line is classified by general rules about how news pages are built (bylines,
share buttons, newsletter blurbs, related-article lists, captions, repeated lines), never by
the name of an outlet. The raw text is untouched; every piece that is not analysed is kept
with its reason so the dashboard can show what was cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from framing import resources as r
from framing.text import count_words

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")  # Windows, old Mac and Unix line endings
ANALYSED_KINDS = frozenset({"headline", "body"})
# A dateline ("REUTERS -") is looked for at the head of this many first body paragraphs.
DATELINE_PARAGRAPHS = 3


@dataclass(frozen=True)
class Piece:
    """A whole raw line, or part of one, with what it is and why."""

    line: int  # 1-based line number in the raw text
    text: str
    kind: str  # "headline", "body", "caption" or "furniture"
    reason: str


@dataclass(frozen=True)
class CleanedArticle:
    text: str  # the analysed pieces, one paragraph per line
    pieces: tuple[Piece, ...]
    kept_kinds: frozenset[str]

    @property
    def removed(self) -> tuple[Piece, ...]:
        return tuple(p for p in self.pieces if p.kind not in self.kept_kinds)


def clean(raw: str, *, keep: frozenset[str] = ANALYSED_KINDS) -> CleanedArticle:
    """Classify every line of `raw` and join the pieces of the kinds in `keep`."""
    lines = _LINE_BREAK_RE.split(raw) if "\r" in raw else raw.split("\n")  # the same lines, the second faster
    labels = _label_lines(lines)
    pieces: list[Piece] = []
    paragraphs: list[str] = []
    dateline_chances = DATELINE_PARAGRAPHS
    for number, (line, label) in enumerate(zip(lines, labels, strict=True), start=1):
        if label is None:
            continue
        kind, reason = label
        if kind == "body":
            parts = _split_body_line(line.strip(), dateline=dateline_chances > 0)
            if dateline_chances > 0:
                found = any(reason == "dateline" for _, _, reason in parts)
                dateline_chances = 0 if found else dateline_chances - 1
        else:
            parts = [(line.strip(), kind, reason)]
        kept = "".join([text for text, part_kind, _ in parts if part_kind in keep]).strip()
        pieces += [Piece(number, *part) for part in parts]
        if kept:
            paragraphs.append(kept)
    return CleanedArticle(text="\n".join(paragraphs), pieces=tuple(pieces), kept_kinds=frozenset(keep))


def _label_lines(lines: list[str]) -> list[tuple[str, str] | None]:
    lines = [line.strip() for line in lines]  # every rule reads a line without its outer whitespace
    labels: list[tuple[str, str] | None] = [_label_alone(line) for line in lines]
    content = [i for i, line in enumerate(lines) if line]
    _mark_related_lists(lines, labels, content)
    _mark_promo_followers(lines, labels, content)
    _mark_caption_prefixes(lines, labels, content)
    _mark_repeats(lines, labels, content)
    _mark_headings(lines, labels, content)
    return labels


def _label_alone(line: str) -> tuple[str, str] | None:
    """What a line is, judged on its own; None for a blank line."""
    text = line.strip()
    if not text:
        return None
    # A full sentence ("By Monday, the army had retaken the town.") is no byline or button.
    sentence = text.rstrip("\"'\u201d\u2019 )")[-1:] in ".!?"
    # Words are counted only where a rule asks (most lines are paragraphs that no rule below
    # needs them for), and cheap tests go first.
    short = not sentence and count_words(text) <= 12
    if r.SEPARATOR_RE.match(text):
        return "furniture", "separator"
    if r.TIMESTAMP_RE.match(text) and count_words(text) <= 8:
        return "furniture", "time stamp"
    if short and (r.BYLINE_RE.match(text) or r.PUBLISHED_RE.search(text)):
        return "furniture", "byline"
    if short and r.SHARE_RE.search(text):
        return "furniture", "share or follow button"
    if short and r.CALL_TO_ACTION_RE.match(text):
        return "furniture", "newsletter or subscription blurb"
    if _may_promote(text) and r.PROMO_RE.search(text) and not _has_quote_marks(text) and count_words(text) <= 40:
        return "furniture", "newsletter or subscription blurb"
    if any(map(text.__contains__, r.CAPTION_MARKS)) and r.CAPTION_RE.search(text):
        return "caption", "picture caption or credit"
    return "body", "paragraph"


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
        text = lines[index].strip()
        if (
            labels[previous][0] == "furniture"
            and labels[index] == ("body", "paragraph")
            and r.CALL_TO_ACTION_RE.match(lines[previous].strip())
            and count_words(text) <= 25
            and r.READER_ADDRESS_RE.search(text)
            and not _has_quote_marks(text)
        ):
            labels[index] = ("furniture", "newsletter or subscription blurb")


def _mark_caption_prefixes(lines, labels, content) -> None:
    """A line repeated at the start of the next removed line (a caption, then caption + credit)."""
    for index, following in pairwise(content):
        text = lines[index].strip()
        if (
            labels[index][0] == "body"
            and labels[following][0] != "body"
            and len(text) >= 20
            and lines[following].strip().startswith(text)
        ):
            labels[index] = labels[following]


def _mark_repeats(lines, labels, content) -> None:
    seen: set[str] = set()
    for index in content:
        text = " ".join(lines[index].split())
        if text in seen and labels[index][0] == "body":
            labels[index] = ("furniture", "repeated line")
        seen.add(text)


def _mark_headings(lines, labels, content) -> None:
    """Short lines without closing punctuation: the title and standfirst, then subheadings."""
    body_started = False
    for index in content:
        if labels[index][0] != "body":
            continue
        text = lines[index].strip()
        if _looks_like_heading(text):
            if body_started:
                labels[index] = ("headline", "subheading")
            else:
                has_title = any(label == ("headline", "title") for label in labels if label)
                labels[index] = ("headline", "standfirst" if has_title else "title")
        else:
            body_started = True


def _looks_like_heading(text: str) -> bool:
    text, _ = _glued_tail(text)
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
    """A quick test that PROMO_RE could match: one of its words is there. The dotless ı and the
    dotted İ are the characters a case-insensitive expression equates with an ASCII letter that
    casefold() does not turn into that letter alone, so they always go on to the expression."""
    if "\u0131" in text or "\u0130" in text:
        return True
    return any(map(text.casefold().__contains__, r.PROMO_WORDS))


def _has_quote_marks(text: str) -> bool:
    return any(mark in text for mark in "\"\u201c\u201d")
