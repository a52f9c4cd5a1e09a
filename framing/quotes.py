"""Quotations in cleaned text: where the outlet quotes someone, and where it scare-quotes.

Quotations are found paragraph by paragraph, so one may span several sentences; a double
quote left open runs to the end of its paragraph (the convention for quotes that continue in
the next paragraph). Single quotes inside a double quotation are nested quotes and stay part
of it. A short top-level quoted phrase is a scare quote, the writer's own distancing rather
than someone's words, when a marker such as "so-called" precedes it, or when nothing in its
sentence attributes it to a speaker or a document ("he tweeted", "the lawsuit alleges",
"according to the complaint") and it repeats no longer quotation. A quotation that opens its
sentence is someone's words, never a scare quote. The stretch between two marks that do not
pair (`" he tweeted. "`) is neither, and is left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from framing import resources as r
from framing.speakers import has_speech_verb
from framing.text import blank_out, has_more_words_than, sentence_index, words

_DOUBLE = r.DOUBLE_OPENERS | r.DOUBLE_CLOSERS | {'"'}
_SINGLE = r.SINGLE_OPENERS | r.SINGLE_CLOSERS | {"'"}
_MARK_RE = re.compile("[" + re.escape("".join(sorted(_DOUBLE | _SINGLE))) + "]")
_OPEN_CONTEXT = set(" \t([{\u2014\u2013-/") | r.DOUBLE_OPENERS | r.SINGLE_OPENERS | {'"', "'"}


@dataclass(frozen=True)
class Quotation:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark, or the paragraph's end when left open
    mark: str  # "double" or "single"
    closed: bool
    nested: bool = False  # inside another quotation
    scare: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def find_quotations(text: str, sentences: list[tuple[int, int]]) -> list[Quotation]:
    """Every quotation in `text`, in order, with scare quotes told apart."""
    found = _scan_quotations(text)
    found.sort(key=lambda q: q.start)
    context = _Context(text, found, sentences)
    classified = [_classified(q, place, context) for place, q in enumerate(found)]
    if context.repeats:  # short quotes whose flag waits on whether a longer quotation repeats them
        longest = context.longest_quotations_with()
        for place, phrase in context.repeats:
            quote = classified[place]
            if longest.get(phrase, 0) <= quote.end - quote.start:
                classified[place] = Quotation(quote.start, quote.end, quote.mark, quote.closed, quote.nested, True)
    return [q for q in classified if q is not None]


def quote_regions(quotations: list[Quotation]) -> list[tuple[int, int]]:
    """Character ranges spoken in someone else's voice: top-level quotations that are not scare quotes."""
    return [(q.start, q.end) for q in quotations if not q.nested and not q.scare]


class VoiceIndex:
    """Answers 'which voice is this offset in?' from the sorted quote regions."""

    def __init__(self, regions: list[tuple[int, int]]):
        self.regions = regions
        self._starts = [start for start, _ in regions]

    def region_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.regions[i][1]:
            return i
        return None

    def region_of(self, start: int, end: int) -> int | None:
        """The quote region holding all of [start, end), if one does."""
        region = self.region_at(start)
        return region if region is not None and end <= self.regions[region][1] else None


def _scan_quotations(text: str) -> list[Quotation]:
    """The quotations of every paragraph (line) in one pass over the quote marks of the whole
    text; quotes still open at a paragraph's end are settled there."""
    found: list[Quotation] = []
    stack: list[tuple[str, int]] = []  # open quotes: (mark, position)
    doubles = 0  # double quotes in the stack
    paragraph_end = -1
    for found_mark in _MARK_RE.finditer(text):  # only the marks matter, so only they are visited
        i, char = found_mark.start(), found_mark.group()
        if i > paragraph_end:  # the first mark of a later paragraph
            _left_open(stack, paragraph_end, found)
            stack, doubles = [], 0
            paragraph_end = text.find("\n", i)
            if paragraph_end < 0:
                paragraph_end = len(text)
        if char in _DOUBLE:
            double_open = doubles > 0
            closes = char in r.DOUBLE_CLOSERS or (char == '"' and double_open)
            if closes and double_open:
                while stack:  # singles left open inside a closing double quote were apostrophes
                    mark, start = stack.pop()
                    if mark == "double":
                        doubles -= 1
                        found.append(Quotation(start, i + 1, "double", True, bool(stack)))
                        break
            elif not closes and not double_open:
                stack.append(("double", i))
                doubles += 1
        elif char in _SINGLE:
            before = text[i - 1] if i and text[i - 1] != "\n" else " "  # a paragraph starts after a space
            after = text[i + 1] if i + 1 < paragraph_end else " "
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe: don't, Syria's
            single_open = bool(stack) and stack[-1][0] == "single"
            opens = char in r.SINGLE_OPENERS or (char == "'" and before in _OPEN_CONTEXT and after.isalnum())
            if opens:
                stack.append(("single", i))
            elif single_open and not before.isspace():
                _, start = stack.pop()
                found.append(Quotation(start, i + 1, "single", True, bool(stack)))
    _left_open(stack, paragraph_end, found)
    return found


def _left_open(stack: list[tuple[str, int]], paragraph_end: int, found: list[Quotation]) -> None:
    for depth, (mark, start) in enumerate(stack):
        if mark == "double":  # left open: the quotation runs to the end of the paragraph
            found.append(Quotation(start, paragraph_end, "double", False, nested=depth > 0))


class _Context:
    """What the scare-quote test needs about the whole text, computed once."""

    def __init__(self, text: str, quotations: list[Quotation], sentences: list[tuple[int, int]]):
        self.text = text
        self.quotations = quotations
        self.sentences = sentences
        self.starts = [start for start, _ in sentences]
        self.top_level = [q for q in quotations if not q.nested]
        self._attributed: dict[tuple[int, int], bool] = {}
        self.repeats: list[tuple[int, str]] = []  # (place in the quotations, words): see longest_quotations_with

    @cached_property
    def outside_quotes(self) -> str:
        """The text with every quotation blanked out: made only for an article with a short quote to test."""
        return blank_out(self.text, [(q.start, q.end) for q in self.quotations])

    def sentence_of(self, offset: int) -> tuple[int, int]:
        return self.sentences[sentence_index(self.starts, offset)] if self.sentences else (offset, offset)

    def attributed(self, sentence: tuple[int, int]) -> bool:
        """Whether the words of a sentence outside its quotation marks attribute it to a source;
        once a sentence, so a long one with many quotations is read once, not once a quotation."""
        if sentence not in self._attributed:
            self._attributed[sentence] = _attributed_to_a_source(self.outside_quotes[sentence[0]:sentence[1]])
        return self._attributed[sentence]

    def longest_quotations_with(self) -> dict[str, int]:
        """For each phrase of `repeats` (up to SCARE_QUOTE_MAX_WORDS words, joined by spaces), the
        length of the longest top-level quotation whose words hold it in a row; a phrase none holds
        is left out. One pass over every quotation's words, joining words only where a phrase's
        first word stands, so the work grows with the quotations' words, not with their runs."""
        sizes: dict[str, set[int]] = {}  # first word: the numbers of words of the phrases it opens
        for _, phrase in self.repeats:
            if phrase:
                first, *rest = phrase.split(" ")
                sizes.setdefault(first, set()).add(len(rest) + 1)
        wanted = {phrase for _, phrase in self.repeats}
        shortest = min(self.quotations[place].end - self.quotations[place].start for place, _ in self.repeats)
        longest: dict[str, int] = {}
        for quote in self.top_level:
            length = quote.end - quote.start
            if length <= shortest:  # holding a phrase or not, it is no longer than any quote that asks
                continue
            quoted = words(self.text[quote.start:quote.end])
            for at in [at for at, word in enumerate(quoted) if word in sizes]:
                for size in sizes[quoted[at]]:
                    if at + size <= len(quoted):
                        phrase = " ".join(quoted[at:at + size])
                        if phrase in wanted and longest.get(phrase, 0) < length:
                            longest[phrase] = length
        return longest


# --- Classification: a quotation, a scare quote, or a stretch between mis-paired marks ---------------

# Words outside the quotation marks that attribute a quoted phrase to a document or a source:
# "the lawsuit alleges", "he tweeted", "according to the complaint", "in a statement", and the verbs
# that hand a label to its source ("calling it", "refers to them as", "dubbed").
_SOURCE_ATTRIBUTION_RE = re.compile(
    r"\b(?:tweet(?:s|ed|ing)?|post(?:s|ed|ing)|wr(?:ote|ites|iting|itten)|alleg(?:es|ed|ing)|contend(?:s|ed)?|"
    r"charg(?:es|ed)|cit(?:es|ed|ing)|quot(?:es|ed|ing)|reads|read:|label(?:s|l?ed)|term(?:s|ed)|brand(?:s|ed)|"
    r"thunder(?:s|ed)|declar(?:es|ed)|proclaim(?:s|ed)|vow(?:s|ed)|"
    r"repeat(?:s|ed|ing)|tout(?:s|ed|ing)|hail(?:s|ed|ing)|prais(?:es|ed|ing)|boast(?:s|ed|ing)|predict(?:s|ed|ing)|"
    r"pledg(?:es|ed|ing)|promis(?:es|ed|ing)|(?<!so[-\s])call(?:ed|ing)|dub(?:s|bed|bing)|describ(?:e|es|ed|ing)|refer(?:s|red|ring)?\s+to|characteri[sz](?:es|ed|ing)|"
    r"according\s+to|in\s+(?:a|an|the|his|her|its|their)\s+(?:\w+\s+)?(?:tweet|statement|letter|lawsuit|suit|"
    r"complaint|filing|memo|report|post|interview|speech|email|e-mail|message|ruling|indictment|order|"
    r"document|release|book|column|op-ed|editorial))\b",
    re.IGNORECASE,
)


def _classified(quote: Quotation, place: int, context: _Context) -> Quotation | None:
    """The quotation with its scare flag set; None for the stretch between two marks that do
    not pair (an opening mark before a space, a closing one after a space: `" he tweeted. "`),
    which is neither someone's words nor the writer's distancing."""
    if quote.closed and not quote.nested and _mispaired(quote, context.text):
        return None
    return _with_scare_flag(quote, place, context)


def _mispaired(quote: Quotation, text: str) -> bool:
    """Marks that face away from what they hold: space inside both, or an "opening" mark that
    follows the punctuation closing a quotation and is followed by a space (`said." he`)."""
    inner_start, inner_end = quote.inner
    if inner_end <= inner_start or not text[inner_start].isspace():
        return False
    return text[inner_end - 1].isspace() or (quote.start > 0 and text[quote.start - 1] in ".,!?;:")


def _attributed_to_a_source(outside_quotes: str) -> bool:
    return has_speech_verb(outside_quotes) or bool(_SOURCE_ATTRIBUTION_RE.search(outside_quotes))


def _with_scare_flag(quote: Quotation, place: int, context: _Context) -> Quotation:
    """The quotation, marked scare when it is one. A short quote outside an attributed sentence
    is one unless a longer quotation repeats it: that test waits in `context.repeats`."""
    if quote.nested or not quote.closed:
        return quote
    inner_start, inner_end = quote.inner
    if has_more_words_than(context.text[inner_start:inner_end], r.SCARE_QUOTE_MAX_WORDS):
        return quote  # the common case first: stripping spaces and stops around it changes no word
    inner = context.text[inner_start:inner_end].strip().rstrip(".,;:!?")
    if not inner or _SENTENCE_BREAK_RE.search(inner):
        return quote
    sentence_start, sentence_end = context.sentence_of(quote.start)
    if sentence_start == quote.start:  # a quoted sentence of its own is someone's words
        return quote
    if r.SCARE_MARKERS_RE.search(context.text[max(0, quote.start - 40) : quote.start]):
        return Quotation(quote.start, quote.end, quote.mark, quote.closed, quote.nested, True)
    if not context.attributed((sentence_start, sentence_end)):
        context.repeats.append((place, " ".join(words(inner))))
    return quote


_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s")
