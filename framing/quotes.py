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
from functools import cached_property
from typing import NamedTuple

from framing import resources as r
from framing.speakers import has_speech_verb
from framing.text import blank_out, fold, has_more_words_than, sentence_bounds, sentence_index, words

_DOUBLE = r.DOUBLE_OPENERS | r.DOUBLE_CLOSERS | {'"'}
_SINGLE = r.SINGLE_OPENERS | r.SINGLE_CLOSERS | {"'"}
_OPEN_CONTEXT = set(" \t([{\u2014\u2013-/") | r.DOUBLE_OPENERS | r.SINGLE_OPENERS | {'"', "'"}
_MARKS = re.escape("".join(sorted(_DOUBLE | _SINGLE)))
_SINGLES = re.escape("".join(sorted(_SINGLE)))
_APOSTROPHE = rf"(?<=[^\W_])[{_SINGLES}](?=[^\W_])"  # a single mark between two letters or digits: don't, Syria's
_DOUBLE_MARKS = re.escape("".join(sorted(_DOUBLE)))
# Past the opening mark of such a quotation (below): a first character that is no space and more
# words than a scare quote has, as WORD_RE finds them in the quotation's inner text; no separator
# is a double mark, so they are found before its closing mark.
_MANY_WORDS = (rf"(?=(?![\s{_DOUBLE_MARKS}])"
               rf"(?:[^\w{_DOUBLE_MARKS}]*+(?:{r.WORD_RE.pattern})){{{r.SCARE_QUOTE_MAX_WORDS + 1}}})")
# After an opening mark, the rest of a double quotation as most are written: no mark but
# apostrophes and no line break, then a closing mark.
_PLAIN_REST = rf"(?:[^{_MARKS}\n]++|{_APOSTROPHE})*+[\"{re.escape(''.join(sorted(r.DOUBLE_CLOSERS)))}]"
# A mark that is no apostrophe, and when it can open a double quotation, the rest of a plain one if
# it follows (group 1 when its words are many, see _MANY_WORDS, group 2 when not). When no
# quotation is open, the scan would pair those two marks and read nothing in between: as one match
# they cost one step, not one a mark. (The pattern opens with the set of marks, so the search for
# the next one stays fast.)
_MARK_RE = re.compile(
    rf"[{_MARKS}](?!(?<=[^\W_][{_SINGLES}])[^\W_])"
    rf"(?:(?<=[\"{re.escape(''.join(sorted(r.DOUBLE_OPENERS)))}])(?:{_MANY_WORDS}({_PLAIN_REST})|({_PLAIN_REST})))?")
_LONG = 1  # _MARK_RE's lastindex for a plain quotation of many words (2 for one of few)


class Quotation(NamedTuple):  # a tuple, as an article holds ten or more: starts are distinct, so they sort by start
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark, or the paragraph's end when left open
    mark: str  # "double" or "single"
    closed: bool
    nested: bool = False  # inside another quotation
    scare: bool = False


def find_quotations(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Quotation]:
    """Every quotation in `text`, in order, with scare quotes told apart. Without `sentences` (the
    text's `sentence_bounds`), the few the scare-quote test asks about are found from their lines
    alone: a batch that needs no other sentence does not find them all."""
    found, settled = _scan_quotations(text)
    found.sort()  # by start: no two quotations open at the same mark
    context = _Context(text, found, sentences)
    classified = [quote if quote.nested or not quote.closed or quote.start in settled
                  else _classified(quote, place, context) for place, quote in enumerate(found)]
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


def _scan_quotations(text: str) -> tuple[list[Quotation], set[int]]:
    """The quotations of every paragraph (line) in one pass over the quote marks of the whole
    text; quotes still open at a paragraph's end are settled there. Also the starts of those
    known to be no scare quote and no mis-paired stretch: closed, top-level, their first character
    no space and their words more than a scare quote's."""
    found: list[Quotation] = []
    settled: set[int] = set()
    stack: list[tuple[str, int]] = []  # open quotes: (mark, position)
    doubles = 0  # double quotes in the stack
    paragraph_end = -1
    for found_mark in _MARK_RE.finditer(text):  # only the marks matter, so only they are visited
        at = found_mark.start()
        if at > paragraph_end:  # the first mark of a later paragraph
            _left_open(stack, paragraph_end, found)
            stack, doubles = [], 0
            paragraph_end = text.find("\n", at)
            if paragraph_end < 0:
                paragraph_end = len(text)
        plain = found_mark.lastindex
        if plain is None:
            marks = (at,)
        elif not stack:
            found.append(Quotation(at, found_mark.end(), "double", True))
            if plain == _LONG:
                settled.add(at)
            continue
        else:  # inside an open quotation its two marks are read one by one (between them: apostrophes only)
            marks = (at, found_mark.end() - 1)
        for i in marks:
            char = text[i]
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
                single_open = bool(stack) and stack[-1][0] == "single"
                opens = char in r.SINGLE_OPENERS or (char == "'" and before in _OPEN_CONTEXT and after.isalnum())
                if opens:
                    stack.append(("single", i))
                elif single_open and not before.isspace():
                    _, start = stack.pop()
                    found.append(Quotation(start, i + 1, "single", True, bool(stack)))
    _left_open(stack, paragraph_end, found)
    return found, settled


def _left_open(stack: list[tuple[str, int]], paragraph_end: int, found: list[Quotation]) -> None:
    for depth, (mark, start) in enumerate(stack):
        if mark == "double":  # left open: the quotation runs to the end of the paragraph
            found.append(Quotation(start, paragraph_end, "double", False, nested=depth > 0))


class _Context:
    """What the scare-quote test needs about the whole text, computed once."""

    def __init__(self, text: str, quotations: list[Quotation], sentences: list[tuple[int, int]] | None):
        self.text = text
        self.quotations = quotations
        self.sentences = sentences
        self._attributed: dict[tuple[int, int], bool] = {}
        self._line_sentences: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}  # by line start
        self.repeats: list[tuple[int, str]] = []  # (place in the quotations, words): see longest_quotations_with

    @cached_property
    def outside_quotes(self) -> str:
        """The text with every quotation blanked out: made only for an article with a short quote to test."""
        return blank_out(self.text, [(q.start, q.end) for q in self.quotations])

    @cached_property
    def starts(self) -> list[int]:  # of the sentences; like what follows, only for an article with a short quote
        return [start for start, _ in self.sentences]

    @cached_property
    def top_level(self) -> list[Quotation]:
        return [q for q in self.quotations if not q.nested]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        if self.sentences is None:
            starts, sentences = self._sentences_of_line(offset)
            return sentences[sentence_index(starts, offset)] if sentences else (offset, offset)
        return self.sentences[sentence_index(self.starts, offset)] if self.sentences else (offset, offset)

    def _sentences_of_line(self, offset: int) -> tuple[list[int], list[tuple[int, int]]]:
        """The starts and bounds of the sentences of the line holding `offset`, as `sentence_bounds`
        of the whole text gives them: a line break always ends a sentence, and no boundary's test
        reads past one, so the other lines change none of them."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        if line_start not in self._line_sentences:
            line_end = self.text.find("\n", offset)
            line = self.text[line_start:line_end if line_end >= 0 else len(self.text)]
            sentences = [(start + line_start, end + line_start) for start, end in sentence_bounds(line)]
            self._line_sentences[line_start] = ([start for start, _ in sentences], sentences)
        return self._line_sentences[line_start]

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
        lowered = fold(self.text)  # as `words` reads a text that is ASCII once folded: lowered all at once
        lowered = lowered.lower() if lowered.isascii() else None
        for quote in self.top_level:
            length = quote.end - quote.start
            if length <= shortest:  # holding a phrase or not, it is no longer than any quote that asks
                continue
            if lowered is None:
                quoted = words(self.text[quote.start:quote.end])
            elif any(lowered.find(first, quote.start, quote.end) >= 0 for first in sizes):
                quoted = r.WORD_RE.findall(lowered, quote.start, quote.end)
            else:  # no phrase's first word is in it, not even as part of a word
                continue
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
    """A closed top-level quotation with its scare flag set; None for the stretch between two
    marks that do not pair, which is neither someone's words nor the writer's distancing: marks
    that face away from what they hold, space inside both, or an "opening" mark that follows the
    punctuation closing a quotation and is followed by a space (`" he tweeted. "`, `said." he`)."""
    text, start, end = context.text, quote.start, quote.end
    if end - start > 2 and text[start + 1].isspace() and (
            text[end - 2].isspace() or (start > 0 and text[start - 1] in ".,!?;:")):
        return None
    if has_more_words_than(text[start + 1:end - 1], r.SCARE_QUOTE_MAX_WORDS):
        return quote  # the common case first: stripping spaces and stops around it changes no word
    return _with_scare_flag(quote, place, context)


def _attributed_to_a_source(outside_quotes: str) -> bool:
    return has_speech_verb(outside_quotes) or bool(_SOURCE_ATTRIBUTION_RE.search(outside_quotes))


def _with_scare_flag(quote: Quotation, place: int, context: _Context) -> Quotation:
    """A closed top-level quotation of a few words, marked scare when it is one. A short quote
    outside an attributed sentence is one unless a longer quotation repeats it: that test waits
    in `context.repeats`."""
    inner = context.text[quote.start + 1:quote.end - 1].strip().rstrip(".,;:!?")
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
