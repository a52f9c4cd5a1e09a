"""Analyse a story with a lexicon: the API behind the CLI and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from framing.distinctive import distinctive_terms, similarity
from framing.lexicon import Lexicon, load_lexicon
from framing.matcher import Matcher
from framing.scores import score_table
from framing.spans import SPAN_FIELDS, ArticleAnalysis, analyse_article
from framing.stories import Story

ARTICLE_FIELDS = (
    "article", "outlet", "country", "ownership", "event", "date", "headline", "identified_by", "url",
    "words", "words_narrator", "words_quote", "text", "removed",
)


@dataclass(frozen=True)
class Analysis:
    """A story taken apart with one lexicon. The DataFrames are built once, from the spans."""

    story: Story
    lexicon: Lexicon
    documents: tuple[ArticleAnalysis, ...]
    articles: pd.DataFrame
    spans: pd.DataFrame
    scores: pd.DataFrame

    def outlet_texts(self, scope: str = "narrator") -> dict[str, str]:
        """Each outlet's text, its own voice only ('narrator') or everything ('all')."""
        texts: dict[str, list[str]] = {}
        for doc in self.documents:
            texts.setdefault(doc.article.outlet, []).append(doc.text if scope == "all" else doc.voice_text("narrator"))
        return {outlet: "\n".join(parts) for outlet, parts in texts.items()}

    def distinctive(self, *, top: int = 10, scope: str = "narrator", prior_strength: float = 1.0) -> pd.DataFrame:
        return distinctive_terms(self.outlet_texts(scope), top=top, scope=scope, prior_strength=prior_strength)

    def similarity(self, *, scope: str = "narrator") -> pd.DataFrame:
        return similarity(self.outlet_texts(scope))


def analyse(story: Story, lexicon: Lexicon | None = None) -> Analysis:
    """Clean every article, find its quotations and lexicon hits, and build the tables."""
    lexicon = lexicon or load_lexicon()
    matcher = Matcher(lexicon)
    documents = tuple(analyse_article(article, lexicon, matcher) for article in story.articles)
    articles = article_table(documents)
    spans = span_table(documents)
    scores = score_table(spans, articles, [c.id for c in lexicon.categories])
    return Analysis(story, lexicon, documents, articles, spans, scores)


def span_table(documents: tuple[ArticleAnalysis, ...]) -> pd.DataFrame:
    rows = [tuple(getattr(span, name) for name in SPAN_FIELDS) for doc in documents for span in doc.spans]
    table = pd.DataFrame(rows, columns=list(SPAN_FIELDS))
    return table.astype({"start": int, "end": int, "sentence": int, "scare_quote": bool})


def article_table(documents: tuple[ArticleAnalysis, ...]) -> pd.DataFrame:
    rows = []
    for doc in documents:
        meta = doc.article.metadata()
        rows.append({
            "article": meta.pop("id"),
            **{name: meta[name] for name in ARTICLE_FIELDS if name in meta},
            "words": doc.words("all"),
            "words_narrator": doc.words("narrator"),
            "words_quote": doc.words("quote"),
            "text": doc.text,
            "removed": [
                {"line": p.line, "kind": p.kind, "reason": p.reason, "text": p.text} for p in doc.cleaned.removed
            ],
        })
    return pd.DataFrame(rows, columns=list(ARTICLE_FIELDS))
