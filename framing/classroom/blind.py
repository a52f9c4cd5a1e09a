"""Blind reading: each article under a letter ("Outlet A"), its text with every outlet's name hidden.

A student should judge an article by its words, so the names that give the outlet away are masked:
every outlet of the story by its name, the parts of a name like "Haaretz (Reuters)", the name's
spelling variants ("Al-Manar", "Al Manar", "AlManar"; "Press TV", "PressTV"), and the name its web
address gives ("presstv.ir" -> "presstv", which also finds "Press TV"). Names are matched as whole
words in any case. Each hidden piece is listed with its offsets in the cleaned text and in the masked
text, so the span table stays the one source of truth: its offsets are mapped through the masking.
A first line that repeats the article's headline is hidden the same way, until the reveal.

The reveal's evidence for an outlet comes from the analysis's own tables: its hits by category with the
score table's rates (`category_hits`), its most distinctive words (`distinctive_words`) and the names
for actors no other outlet uses (`names_apart`, labels keyed as the naming table keys them).
"""

from __future__ import annotations

import bisect
import random
import re
import string
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from framing.distinctive import leading_terms
from framing.naming import label_key
from framing.scores import WORD_COLUMNS, rate_table
from framing.spans import ArticleAnalysis
from framing.stories import Story
from framing.text import fold

REPLACEMENTS = ("[the outlet]", "[outlet]", "[source]", "[…]")  # the first no outlet name is found in
HEADLINE_REPLACEMENT = "[headline hidden until the reveal]"
_SEPARATOR = r"[-\s.\u2010-\u2015]"  # between the letters of a run-together name: "PressTV" ~ "Press TV"
_GAP = r"(?:[^\S\n]|[-.()\u2010-\u2015]){0,3}"  # between the words of a name, never across a line
_ARTICLE_PREFIX = re.compile(r"^(?:al|el)[-\s\u2010\u2011]+(?=\w{3})", re.IGNORECASE)  # "Al-Manar" -> "Manar"
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news"}  # presstv.co.uk -> presstv


@dataclass(frozen=True)
class MaskedPiece:
    """One hidden name: where it was in the cleaned text, where its replacement is in the masked text."""

    start: int
    end: int
    masked_start: int
    masked_end: int
    original: str
    replacement: str


@dataclass(frozen=True)
class Masking:
    """An article's text with the outlet names hidden, and how to find any offset in it."""

    text: str
    pieces: tuple[MaskedPiece, ...]

    def offset(self, position: int) -> int:
        """Where a position of the cleaned text lies in the masked text (a hidden name's start or end
        maps to its replacement's)."""
        index = bisect.bisect_right([piece.start for piece in self.pieces], position) - 1
        if index < 0:
            return position
        piece = self.pieces[index]
        if position >= piece.end:
            return piece.masked_end + position - piece.end
        return piece.masked_start if position == piece.start else piece.masked_end

    def hides(self, start: int, end: int) -> bool:
        """Whether the stretch start..end of the cleaned text overlaps a hidden name."""
        return any(piece.start < end and start < piece.end for piece in self.pieces)

    def spans(self, spans: pd.DataFrame) -> pd.DataFrame:
        """Rows of the span table with their offsets moved into the masked text; a hit that touches a
        hidden name is left out, since its words are no longer there."""
        kept = spans[[not self.hides(start, end) for start, end in zip(spans["start"], spans["end"], strict=True)]]
        return kept.assign(start=kept["start"].map(self.offset), end=kept["end"].map(self.offset))

    def regions(self, regions) -> tuple[tuple[int, int], ...]:
        """(start, end) stretches of the cleaned text (quotations), moved into the masked text."""
        return tuple((self.offset(start), self.offset(end)) for start, end in regions)


@dataclass(frozen=True, eq=False)  # a table inside: compare by fields, not with ==
class CategoryHits:
    """One lexicon category's hits in one article, with the rate the score table gives them."""

    category: str
    count: int
    words: int  # the article's words, quotations included
    per_1000: float
    spans: pd.DataFrame  # the span-table rows behind the count


def category_hits(analysis, article_id: str) -> list[CategoryHits]:
    """The article's hits per category (all voices), in the lexicon's order, categories without a hit left
    out; counts and rates from `framing.scores.rate_table` over the article's span rows and words."""
    spans = analysis.spans_behind(article=article_id)
    words = analysis.articles.set_index("article").loc[[article_id], list(WORD_COLUMNS.values())]
    categories = [category.id for category in analysis.lexicon.categories]
    rates = rate_table(spans.groupby(["article", "category", "voice"]).size(), words, categories, by=("article",))
    rates = rates[(rates["voice"] == "all") & (rates["count"] > 0)]
    return [CategoryHits(row.category, row.count, row.words, row.per_1000,
                         analysis.spans_behind(article=article_id, category=row.category))
            for row in rates.itertuples(index=False)]


def distinctive_words(analysis, outlet: str, *, top: int = 8) -> pd.DataFrame:
    """The outlet's most distinctive words in its own voice (Analysis.distinctive, by its main ranking,
    log-odds, those it uses more than the others), each with its count here and in the other outlets."""
    return leading_terms(analysis.distinctive(top=top), outlet)[["term", "count", "count_rest"]]


def names_apart(analysis, outlet: str) -> pd.DataFrame:
    """The names this outlet gives an actor that no other outlet of the story uses for that actor, from
    the naming table; labels that differ only in case, quote style or hyphens are one name (label_key)."""
    naming = analysis.naming()
    key = naming["referent"] + "\n" + naming["label"].map(label_key)
    used_elsewhere = set(key[naming["outlet"] != outlet])
    mine = naming[(naming["outlet"] == outlet) & ~key.isin(used_elsewhere)]
    return mine[["referent", "label", "count", "voice"]].reset_index(drop=True)


def blind_labels(story: Story, seed: int) -> dict[str, str]:
    """Article id -> "Outlet A", "Outlet B", ... in an order shuffled by the seed: the same seed (one
    lesson) gives every screen the same letters, another seed (a new lesson) another order."""
    ids = [article.id for article in story.articles]
    random.Random(f"{seed}:{'|'.join(ids)}").shuffle(ids)
    return {article_id: f"Outlet {_letters(i)}" for i, article_id in enumerate(ids)}


def outlet_names(story: Story) -> list[str]:
    """Every name that gives an outlet of the story away: its name, the parts of it, and the name in
    its web address; longest first, so "Haaretz (Reuters)" is hidden whole before "Haaretz"."""
    names = set()
    for article in story.articles:
        for name in (article.outlet, *_name_parts(article.outlet), *_address_names(article.url)):
            name = name.strip()
            if re.search(r"\w", name):
                names.add(name)
                names.add(_ARTICLE_PREFIX.sub("", name))
    return sorted(names, key=lambda n: (-len(n), n.casefold()))


def name_pattern(names: list[str]) -> re.Pattern | None:
    """Any of the names as a whole word, in any case, with its words or letters run together or
    apart ("Al-Manar", "Al Manar", "AlManar"); None when there is no name to look for."""
    named = sorted({name.strip() for name in names if re.search(r"\w", name)}, key=lambda n: (-len(n), n))
    alternatives = [_flexible(name) for name in named]  # longest first: "Haaretz (Reuters)" before "Haaretz"
    if not alternatives:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def mask_text(text: str, names: list[str], *, hidden: tuple[tuple[int, int, str], ...] = ()) -> Masking:
    """The text with each name (see `name_pattern`) replaced by "[the outlet]", so a sentence such as
    "told Al-Manar" still reads "told [the outlet]"; and each (start, end, replacement) of `hidden`
    replaced as given, a name inside one of them going with it."""
    pattern = name_pattern(names)
    found = list(hidden)
    if pattern is not None:
        replacement = next((r for r in REPLACEMENTS if not pattern.search(r)), REPLACEMENTS[-1])
        found += [(match.start(), match.end(), replacement) for match in pattern.finditer(text)
                  if not any(start < match.end() and match.start() < end for start, end, _ in hidden)]
    out, pieces, position, shift = [], [], 0, 0
    for start, end, replacement in sorted(found):
        out.append(text[position:start])
        masked_start = start + shift
        pieces.append(MaskedPiece(start, end, masked_start, masked_start + len(replacement), text[start:end],
                                  replacement))
        out.append(replacement)
        shift += len(replacement) - (end - start)
        position = end
    out.append(text[position:])
    return Masking("".join(out), tuple(pieces))


def headline_line(text: str, headline: str) -> tuple[int, int] | None:
    """Where the text's first line repeats the article's headline (spaces, case and quote style
    aside), as (start, end) without the line break; None when it does not."""
    first = text.split("\n", 1)[0]
    if not headline.strip() or _plain(first) != _plain(headline):
        return None
    start = len(first) - len(first.lstrip())
    return start, len(first.rstrip())


def masked_text(doc: ArticleAnalysis, story: Story) -> Masking:
    """The article's cleaned text (page furniture already removed) with every outlet name of the
    story hidden, and a first line that repeats the headline too (a headline's style gives an outlet
    away); with the list of what was hidden where."""
    line = headline_line(doc.text, doc.article.headline)
    hidden = ((*line, HEADLINE_REPLACEMENT),) if line else ()
    return mask_text(doc.text, outlet_names(story), hidden=hidden)


def _letters(index: int) -> str:
    """A, B, ... Z, AA, AB, ...: a letter for every article, however many."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def _name_parts(name: str) -> list[str]:
    """The names inside a compound one: "Haaretz (Reuters)" -> Haaretz, Reuters; "A / B" -> A, B."""
    parts = [part for part in re.split(r"[()\[\]/,;+]| - | & ", name) if part.strip()]
    return parts if len(parts) > 1 else []


def _plain(text: str) -> str:
    return " ".join(fold(text).casefold().split())


def _address_names(url: str) -> list[str]:
    """The site's name from a web address: its whole host and its main label ("english.almanar.com.lb"
    -> "almanar.com.lb", "almanar")."""
    url = url.strip()
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "") if url else ""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return []
    main = labels[:-1]
    while len(main) > 1 and main[-1] in _SECOND_LEVEL:
        main.pop()
    registered = ".".join(labels[len(main) - 1:])
    return [registered, main[-1]]


def _flexible(name: str) -> str:
    """A pattern for one name: each word's letters may be run together or split by a space, hyphen or
    dot, and the words may be joined by up to three spaces, dashes, dots or brackets, or exactly as
    written; never across a line break."""
    before, *pieces, after = re.split(r"(\w+)", name.strip())  # before, word, gap, word, ..., after
    parts = [f"(?:{re.escape(before)})?"] if before else []
    for i, piece in enumerate(pieces):
        if i % 2:
            parts.append(f"(?:{re.escape(piece)}|{_GAP})")
        else:
            parts.append(f"{_SEPARATOR}?".join(re.escape(char) for char in piece))
    if after:
        parts.append(f"(?:{re.escape(after)})?")  # "Haaretz (Reuters)" hidden with its closing bracket
    return "".join(parts)
