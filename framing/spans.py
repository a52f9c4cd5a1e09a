"""The span table: every framing hit in every article, the single source of truth.

One row per hit, with character offsets into the cleaned text (text[start:end] is exactly
the hit), its sentence, the lexicon entry behind it, and whose voice it is in. Scores,
charts, highlights and exports are all derived from these rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import chain
from typing import NamedTuple

import numpy as np

from framing import senses
from framing.cleaning import CleanedArticle, clean
from framing.lexicon import Lexicon
from framing.matcher import MatchArrays, Matcher
from framing.quotes import Quotation, VoiceIndex, find_quotations, quote_regions
from framing.senses import meant_mask
from framing.speakers import Attribution, attribute
from framing.stories import Article
from framing.text import sentence_bounds, sentence_index

SPAN_FIELDS = (
    "article", "outlet", "start", "end", "text", "term", "category", "referent", "voice",
    "scare_quote", "speaker", "sentence",
)
SCARE_QUOTE_TERM = "scare quotes"


class Span(NamedTuple):  # a tuple in SPAN_FIELDS order: a hundred an article are cheap to make
    article: str
    outlet: str
    start: int
    end: int
    text: str
    term: str
    category: str
    referent: str
    voice: str  # "narrator" (the outlet's own words) or "quote" (inside a direct quotation)
    scare_quote: bool
    speaker: str
    sentence: int


@dataclass(frozen=True)
class ArticleAnalysis:
    """One article taken apart: cleaned text, sentences, quotations, attributions and spans."""

    article: Article
    cleaned: CleanedArticle
    sentences: tuple[tuple[int, int], ...]
    quotations: tuple[Quotation, ...]
    quote_regions: tuple[tuple[int, int], ...]
    attributions: tuple[Attribution | None, ...]  # per sentence
    quote_attributions: tuple[Attribution | None, ...]  # per quote region
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return self.cleaned.text

    def voice_text(self, voice: str) -> str:
        """The words in one voice, one stretch per line ('narrator' or 'quote')."""
        pieces, position = [], 0
        for start, end in self.quote_regions:
            pieces.append((self.text[position:start], "narrator"))
            pieces.append((self.text[start:end], "quote"))
            position = end
        pieces.append((self.text[position:], "narrator"))
        return "\n".join(piece.strip() for piece, piece_voice in pieces if piece_voice == voice and piece.strip())

    def words(self, voice: str = "all") -> int:
        return self._words_by_voice[voice]

    @cached_property
    def _words_by_voice(self) -> dict[str, int]:
        (narrator,), (quote,) = voice_words([self.text], [self.quote_regions])
        return {"narrator": int(narrator), "quote": int(quote), "all": int(narrator + quote)}


@dataclass(frozen=True)
class Layout:
    """An article's cleaned text with its sentences and quotations: what its hits are placed in."""

    cleaned: CleanedArticle
    sentences: list[tuple[int, int]] | None  # None: not found (see `of`)
    quotations: list[Quotation]
    regions: list[tuple[int, int]]  # quote regions, in order

    @property
    def text(self) -> str:
        return self.cleaned.text

    @staticmethod
    def of(article: Article, *, sentences: bool = True) -> Layout:
        """Without `sentences`, the article's sentences are not found (its quotations find the
        few they need): for counts that place no hit in a sentence."""
        cleaned = clean(article.raw)
        bounds = sentence_bounds(cleaned.text) if sentences else None
        quotations = find_quotations(cleaned.text, bounds)
        return Layout(cleaned, bounds, quotations, quote_regions(quotations))


class Hits(NamedTuple):
    """The hits of a list of articles as columns, in span order (by article, then by start, the
    longer first): what the story engine makes its spans from and the batch counts from."""

    article: np.ndarray  # the article's place in the list
    start: np.ndarray
    end: np.ndarray
    term: np.ndarray  # the term's place in the lexicon; SCARE_QUOTE for a scare quote itself
    region: np.ndarray  # the quote region (its place in the article's) holding all of the hit; -1: none
    scare_quote: np.ndarray  # bool: starts inside a scare quote
    sentence: np.ndarray | None  # the sentence (its place in the article's) the hit starts in; None: not placed
    bounds: np.ndarray  # article i's hits are [bounds[i]:bounds[i + 1]]


SCARE_QUOTE = -1  # the term of a scare quote span: no lexicon term, the scare-quote category's own


def voice_words(texts: list[str], regions_per_text: list[list[tuple[int, int]]]) -> tuple[np.ndarray, np.ndarray]:
    """Each text's words in the narrator's voice and in quotations, as WORD_RE finds them in each
    stretch between quotation marks taken on its own; all the words are those in the two voices
    (no word spans a quotation mark, so this is also the count over the whole text).

    One pass over the texts laid end to end, with no object per word: a word starts at a word
    character that does not continue the word before it (a word character, or one of WORD_RE's
    joiners after a word character) within the same stretch; the starts are then placed in the
    quotations by one search. A stretch's edges change only whether the two characters from each
    edge continue a word, so they are set right there after the whole text is read as one stretch."""
    joined = "\n".join(texts)  # a line break is neither a word character nor a joiner
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kinds = _character_kinds(codes)
    is_word, joiner = kinds == _WORD_CHARACTER, kinds == _JOINER
    lengths = np.array([len(text) + 1 for text in texts], dtype=np.int64)
    shift = np.cumsum(lengths) - lengths
    (region_starts, region_ends), region_counts = _laid_out(regions_per_text, shift)
    follows = np.zeros(len(codes), dtype=bool)
    follows[1:] = is_word[:-1]
    follows[2:] |= joiner[1:-1] & is_word[:-2]
    edges = np.concatenate([region_starts, region_ends])  # where a stretch begins: nothing before it continues into it
    edges = edges[edges < len(codes)]
    after = edges[edges + 1 < len(codes)] + 1
    follows[after] = is_word[after - 1]  # the joiner before it is the other stretch's
    follows[edges] = False  # and an edge's own character continues nothing (also where it follows another)
    starts = np.flatnonzero(is_word & ~follows)
    # Counted by where each text and each region begins and ends among the word starts: the regions
    # (top-level quotations) do not overlap, so a start is in one at most.
    per_text = np.diff(np.searchsorted(starts, np.append(shift, len(codes))))
    per_region = np.searchsorted(starts, region_ends) - np.searchsorted(starts, region_starts)
    texts_of_regions = np.repeat(np.arange(len(texts)), region_counts)
    quote = np.bincount(texts_of_regions, weights=per_region, minlength=len(texts)).astype(np.int64)
    return per_text - quote, quote


def prepare() -> None:
    """Build the tables that placing and counting hits read (the sense filter's, the word
    characters) now instead of on first use: a batch builds them once, before it forks its workers."""
    senses.prepare()
    _basic_plane_kinds()


_WORD_CHARACTER, _JOINER = 1, 2  # the kinds of character voice_words tells apart; 0: any other
_JOINERS = "'\u2019-"  # as in WORD_RE


@lru_cache(maxsize=1)
def _basic_plane_kinds() -> np.ndarray:
    """Of each character of Unicode's basic plane: a word character (\\w) to `re`, a joiner, or neither."""
    kinds = senses.basic_plane_matches(re.compile(r"\w+")).astype(np.uint8) * _WORD_CHARACTER
    kinds[[ord(joiner) for joiner in _JOINERS]] = _JOINER
    return kinds


def _character_kinds(codes: np.ndarray) -> np.ndarray:
    if len(codes) == 0 or codes.max() <= 0xFFFF:
        return _basic_plane_kinds().take(codes)
    kinds = _basic_plane_kinds().take(np.minimum(codes, 0xFFFF))
    beyond = codes > 0xFFFF  # emoji and rarer scripts, no joiner among them: each distinct one asked of `re` itself
    distinct = np.unique(codes[beyond])
    word = np.array([re.match(r"\w", chr(code)) is not None for code in distinct.tolist()], dtype=np.uint8)
    kinds[beyond] = word[np.searchsorted(distinct, codes[beyond])] * _WORD_CHARACTER
    return kinds


def find_hits(articles: list[Article], lexicon: Lexicon, matcher: Matcher, *,
              sentences: bool = True) -> tuple[list[Layout], Hits]:
    """Each article laid out, and the hits of all of them from one scan. The hits' voices,
    sentences and scare quotes are placed by a search of all of them at once in the articles'
    regions, sentences and scare quotes laid end to end (each article after the one before).
    Without `sentences`, no sentence is found and the hits' are None."""
    layouts = [Layout.of(article, sentences=sentences) for article in articles]
    texts = [layout.text for layout in layouts]
    found = matcher.find_arrays(texts) if layouts else MatchArrays.none(0)
    terms = matcher.term_orders[found.orders] if layouts else found.orders  # places in lexicon.terms
    meant = meant_mask(texts, found.starts, found.ends, terms, found.bounds, lexicon)  # parts of speech, negation
    lengths = np.array([len(layout.text) + 1 for layout in layouts], dtype=np.int64)
    shift = np.cumsum(lengths) - lengths  # where each article begins, laid end to end
    scare_category = lexicon.scare_quote_category is not None
    scares = [[(q.start, q.end) for q in layout.quotations if q.scare] for layout in layouts]
    extra = [len(quotes) if scare_category else 0 for quotes in scares]
    scare_spans = _columns([quotes for quotes, n in zip(scares, extra, strict=True) if n])
    start = np.concatenate([found.starts[meant], scare_spans[0]])
    end = np.concatenate([found.ends[meant], scare_spans[1]])
    term = np.concatenate([terms[meant], np.full(len(scare_spans[0]), SCARE_QUOTE)])
    numbers = np.arange(len(layouts))
    article = np.concatenate([np.repeat(numbers, np.diff(found.bounds))[meant], np.repeat(numbers, extra)])
    order = np.lexsort((-end, start, article))  # stable: a match before a scare quote at the same place
    article, start, end, term = article[order], start[order], end[order], term[order]
    at = start + shift[article]
    # Quote voice only for a hit wholly inside a quotation.
    region, region_counts = _laid_out([layout.regions for layout in layouts], shift)
    inside = np.searchsorted(region[0], at, side="right") - 1
    quoted = (inside >= 0) & (end + shift[article] <= _at(region[1], inside))
    first_region = np.cumsum(region_counts) - region_counts
    region_index = np.where(quoted, inside - first_region[article], -1)
    # Inside a scare quote: of the scare quotes opening at or before the hit, one ends after its start.
    scare, _ = _laid_out(scares, shift)
    before = np.searchsorted(scare[0], at, side="right") - 1
    in_scare = (before >= 0) & (_at(np.maximum.accumulate(scare[1]), before) > at)
    sentence = _sentence_places(layouts, shift, article, at) if sentences else None
    bounds = np.searchsorted(article, np.arange(len(layouts) + 1))
    return layouts, Hits(article, start, end, term, region_index, in_scare, sentence, bounds)


def _sentence_places(layouts: list[Layout], shift: np.ndarray, article: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The sentence (its place in its article's) each hit starts in, given where each starts in the
    articles laid end to end."""
    sentences, sentence_counts = _laid_out([layout.sentences for layout in layouts], shift)
    first_sentence = np.cumsum(sentence_counts) - sentence_counts
    return np.maximum(np.searchsorted(sentences[0], at, side="right") - 1 - first_sentence[article], 0)


def _columns(pairs_per_article: list[list[tuple[int, int]]]) -> tuple[np.ndarray, np.ndarray]:
    # The numbers read straight into one array: making one from a list of pairs inspects each pair
    # as a sequence, twice the time for a chunk's 20,000 sentences.
    count = 2 * sum(map(len, pairs_per_article))
    flat = np.fromiter(chain.from_iterable(chain.from_iterable(pairs_per_article)), dtype=np.int64, count=count)
    return flat[0::2], flat[1::2]


def _at(values: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """values[positions], with 0 where a position is -1 (before the first value)."""
    return np.concatenate([[0], values])[positions + 1]


def _laid_out(pairs_per_article: list[list[tuple[int, int]]], shift: np.ndarray):
    """Every article's (start, end) pairs, shifted to where the article begins when laid end to
    end, as two columns; and how many each article has."""
    counts = np.array([len(pairs) for pairs in pairs_per_article], dtype=np.int64)
    starts, ends = _columns(pairs_per_article)
    offset = np.repeat(shift, counts)
    return (starts + offset, ends + offset), counts


def analyse_articles(articles: list[Article], lexicon: Lexicon, matcher: Matcher | None = None, *,
                     speakers: bool = True) -> list[ArticleAnalysis]:
    """Each article taken apart; the lexicon is matched in all of them with one scan. Without
    `speakers`, nobody is attributed (every speaker is empty)."""
    layouts, hits = find_hits(articles, lexicon, matcher or Matcher(lexicon))
    terms = lexicon.terms
    category = lexicon.scare_quote_category
    # The term, category and referent of each term order; SCARE_QUOTE (-1) is the last entry.
    labels = [(term.text, term.category, term.referent) for term in terms] + [
        (SCARE_QUOTE_TERM, category.id if category else "", "")]
    columns = [column.tolist() for column in (hits.start, hits.end, hits.term, hits.region, hits.scare_quote,
                                              hits.sentence)]
    bounds = hits.bounds.tolist()
    return [_analysed(article, layout, [column[bounds[i]:bounds[i + 1]] for column in columns], labels, speakers)
            for i, (article, layout) in enumerate(zip(articles, layouts, strict=True))]


def _analysed(article: Article, layout: Layout, columns: list[list], labels: list[tuple[str, str, str]],
              speakers: bool) -> ArticleAnalysis:
    text, sentences, regions = layout.text, layout.sentences, layout.regions
    attributions, region_attributions = (
        attribute(text, sentences, regions) if speakers else ([None] * len(sentences), [None] * len(regions)))
    spans = []
    for start, end, term, region, scare, sentence in zip(*columns, strict=True):
        attribution = region_attributions[region] if region >= 0 else (attributions[sentence] if sentences else None)
        spans.append(Span(article.id, article.outlet, start, end, text[start:end], *labels[term],
                          "narrator" if region < 0 else "quote", scare, attribution.speaker if attribution else "",
                          sentence))
    return ArticleAnalysis(article, layout.cleaned, tuple(sentences), tuple(layout.quotations), tuple(regions),
                           tuple(attributions), tuple(region_attributions), tuple(spans))


def with_spans(doc: ArticleAnalysis, added: list[tuple[int, int, str, str, str]]) -> ArticleAnalysis:
    """The article with more spans, each (start, end, term, category, referent), given its
    sentence, voice, speaker and scare-quote flag like every other; the spans stay in text order."""
    voices = VoiceIndex(list(doc.quote_regions))
    sentence_starts = [start for start, _ in doc.sentences]
    scare = [q for q in doc.quotations if q.scare]

    def span(start, end, term, category, referent) -> Span:
        region = voices.region_of(start, end)  # quote voice only for a span wholly inside a quotation
        sentence = sentence_index(sentence_starts, start)
        attribution = doc.quote_attributions[region] if region is not None else (
            doc.attributions[sentence] if doc.sentences else None
        )
        in_scare_quote = bool(scare) and any(q.start <= start < q.end for q in scare)
        return Span(doc.article.id, doc.article.outlet, start, end, doc.text[start:end], term, category, referent,
                    "narrator" if region is None else "quote", in_scare_quote,
                    attribution.speaker if attribution else "", sentence)

    spans = [*doc.spans, *(span(*item) for item in added)]
    spans.sort(key=lambda s: (s.start, -s.end))
    return replace(doc, spans=tuple(spans))
