"""Evidence: the words behind a number, each shown in the sentence it came from.

Two entry points. `span_evidence` takes rows of the span table (the hits behind a count) and
adds their sentence around them. `keyword_in_context` finds any term, lexicon or not, in every
article, the way the distinctive-term counts saw it: case-folded, whole words, "Assad's" as "Assad".
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from framing.quotes import VoiceIndex
from framing.spans import ArticleAnalysis
from framing.text import fold

EVIDENCE_FIELDS = ("outlet", "article", "start", "end", "before", "match", "after", "voice", "speaker")
_TERM_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def span_evidence(document: Callable[[str], ArticleAnalysis], spans: pd.DataFrame) -> pd.DataFrame:
    """The given span rows with the rest of their sentence before and after the hit; `document`
    gives an article's analysis by its id (Analysis.document)."""
    rows = []
    for span in spans.itertuples(index=False):
        doc = document(span.article)
        first, last = doc.sentences[span.sentence] if doc.sentences else (0, len(doc.text))
        first, last = min(first, span.start), max(last, span.end)
        rows.append({
            "outlet": span.outlet, "article": span.article, "start": span.start, "end": span.end,
            "before": doc.text[first:span.start], "match": doc.text[span.start:span.end],
            "after": doc.text[span.end:last], "voice": span.voice, "speaker": span.speaker,
            "term": span.term, "category": span.category,
        })
    return pd.DataFrame(rows, columns=[*EVIDENCE_FIELDS, "term", "category"])


def term_pattern(term: str) -> re.Pattern | None:
    """Whole-word, case-insensitive pattern for a term; each word may carry a possessive 's."""
    term_words = _TERM_WORD_RE.findall(fold(term))
    if not term_words:
        return None
    body = r"\W+".join(re.escape(word) + r"(?:'s)?" for word in term_words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def keyword_in_context(documents: tuple[ArticleAnalysis, ...], term: str, *, width: int = 70) -> pd.DataFrame:
    """Every occurrence of `term` with `width` characters either side, its voice and speaker."""
    pattern = term_pattern(term)
    rows = []
    for doc in documents if pattern else ():
        voices = VoiceIndex(list(doc.quote_regions))
        for match in pattern.finditer(fold(doc.text)):
            start, end = match.span()
            region = voices.region_of(start, end)
            attribution = doc.quote_attributions[region] if region is not None else None
            rows.append({
                "outlet": doc.article.outlet, "article": doc.article.id, "start": start, "end": end,
                "before": _context_before(doc.text, start, width),
                "match": doc.text[start:end],
                "after": _context_after(doc.text, end, width),
                "voice": "narrator" if region is None else "quote",
                "speaker": attribution.speaker if attribution else "",
            })
    return pd.DataFrame(rows, columns=list(EVIDENCE_FIELDS))


def _context_before(text: str, start: int, width: int) -> str:
    """Up to `width` characters before a hit, within its line, never starting inside a word."""
    window = text[max(0, start - width):start]
    if "\n" in window:
        return window.rsplit("\n", 1)[1]
    cut = start - width > 0 and not text[start - width - 1].isspace()
    return window.split(" ", 1)[1] if cut and " " in window else window


def _context_after(text: str, end: int, width: int) -> str:
    window = text[end:end + width]
    if "\n" in window:
        return window.split("\n", 1)[0]
    cut = end + width < len(text) and not text[end + width].isspace()
    return window.rsplit(" ", 1)[0] if cut and " " in window else window
