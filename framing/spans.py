"""The span table: every framing hit in every article, the single source of truth.

One row per hit, with character offsets into the cleaned text (text[start:end] is exactly
the hit), its sentence, the lexicon entry behind it, and whose voice it is in. Scores,
charts, highlights and exports are all derived from these rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from framing.cleaning import CleanedArticle, clean
from framing.lexicon import Lexicon
from framing.matcher import Match, Matcher
from framing.quotes import Quotation, VoiceIndex, find_quotations, quote_regions
from framing.senses import keep_meant
from framing.speakers import Attribution, attribute
from framing.stories import Article
from framing.text import count_words, sentence_bounds, sentence_index

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
        """Words in each voice; all the words are those in the two voices (no word spans a
        quotation mark, so this is also the count over the whole text)."""
        narrator, quote = count_words(self.voice_text("narrator")), count_words(self.voice_text("quote"))
        return {"narrator": narrator, "quote": quote, "all": narrator + quote}


def analyse_articles(articles: list[Article], lexicon: Lexicon, matcher: Matcher | None = None, *,
                     speakers: bool = True) -> list[ArticleAnalysis]:
    """Each article taken apart; the lexicon is matched in all of them with one scan. Without
    `speakers`, nobody is attributed (every speaker is empty): the batch scorer skips that work
    when it writes no span table, since no count depends on it."""
    matcher = matcher or Matcher(lexicon)
    cleaned = [clean(article.raw) for article in articles]
    found = matcher.find_many([piece.text for piece in cleaned])
    negated = frozenset(c.id for c in lexicon.categories if c.skip_negated)
    found = [keep_meant(piece.text, matches, negated_categories=negated)
             for piece, matches in zip(cleaned, found, strict=True)]
    return [_analysed(article, piece, matches, lexicon, speakers)
            for article, piece, matches in zip(articles, cleaned, found, strict=True)]


def _analysed(article: Article, cleaned: CleanedArticle, matches: list[Match], lexicon: Lexicon,
              speakers: bool) -> ArticleAnalysis:
    text = cleaned.text
    sentences = sentence_bounds(text)
    quotations = find_quotations(text, sentences)
    regions = quote_regions(quotations)
    attributions, region_attributions = (
        attribute(text, sentences, regions) if speakers else ([None] * len(sentences), [None] * len(regions)))
    voices = VoiceIndex(regions)
    sentence_starts = [start for start, _ in sentences]
    scare = [q for q in quotations if q.scare]

    def span(start, end, term, category, referent, in_scare_quote) -> Span:
        region = voices.region_of(start, end)  # quote voice only for a span wholly inside a quotation
        sentence = sentence_index(sentence_starts, start)
        attribution = region_attributions[region] if region is not None else (
            attributions[sentence] if sentences else None
        )
        speaker = attribution.speaker if attribution else ""
        voice = "narrator" if region is None else "quote"
        return Span(article.id, article.outlet, start, end, text[start:end], term, category, referent, voice,
                    in_scare_quote, speaker, sentence)

    spans = [
        span(start, end, term.text, term.category, term.referent,
             bool(scare) and any(q.start <= start < q.end for q in scare))
        for start, end, term in matches
    ]
    if (category := lexicon.scare_quote_category) is not None:
        spans += [span(q.start, q.end, SCARE_QUOTE_TERM, category.id, "", True) for q in scare]
    spans.sort(key=lambda s: (s.start, -s.end))
    return ArticleAnalysis(article, cleaned, tuple(sentences), tuple(quotations), tuple(regions),
                           tuple(attributions), tuple(region_attributions), tuple(spans))
