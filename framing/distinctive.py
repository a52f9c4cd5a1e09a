"""Distinctive language: which words set one outlet apart from the rest.

With five short articles, plain TF-IDF can give each term only one of five idf values, so
the main ranking is the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
and Quinn 2008, "Fightin' Words"), one outlet against all others, as a z-score. The prior is
the corpus's own term frequencies, scaled to `prior_strength` times the corpus size: strong
enough that a label one outlet uses three times outranks a topic word every outlet repeats.
Raw counts on both sides stand beside every z, and exclusive terms get their own list.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer
from sklearn.metrics.pairwise import cosine_similarity

from framing.text import fold

DISTINCTIVE_FIELDS = ("outlet", "term", "z", "count", "count_rest", "method", "score", "scope")
METHODS = ("log-odds", "exclusive", "tf-idf")
SCOPES = ("narrator", "all")
MAX_NGRAM = 3

# A token is a dotted acronym (u.s., u.s.-led), a number with thousands separators, or a word
# with inner apostrophes or hyphens; any other punctuation, a spaced dash or a line break ends a
# stretch of text that no n-gram may cross.
_TOKEN_RE = re.compile(
    r"(?P<token>(?:[a-z]\.){2,}(?:-\w+)*|\d{1,3}(?:,\d{3})+|\w+(?:['\-]\w+)*)|(?P<stop>[^\w\s'\-]|\s-+\s|\n)"
)


def ngrams(text: str) -> list[str]:
    """1- to 3-word terms that neither start nor end with a stop word and never cross punctuation."""
    stretches: list[list[str]] = [[]]
    for match in _TOKEN_RE.finditer(fold(text).lower()):
        if match.group("stop"):
            stretches.append([])
        else:
            token = match.group("token")
            stretches[-1].append(token[:-2] if token.endswith("'s") else token)
    terms: list[str] = []
    for tokens in stretches:
        for n in range(1, MAX_NGRAM + 1):
            for i in range(len(tokens) - n + 1):
                gram = tokens[i : i + n]
                if gram[0] not in ENGLISH_STOP_WORDS and gram[-1] not in ENGLISH_STOP_WORDS:
                    terms.append(" ".join(gram))
    return terms


def term_counts(documents: dict[str, str]) -> pd.DataFrame:
    """Outlets by terms, raw counts."""
    if not any(ngrams(text) for text in documents.values()):
        return pd.DataFrame(index=list(documents), dtype=int)
    vectorizer = CountVectorizer(analyzer=ngrams)
    matrix = vectorizer.fit_transform(list(documents.values()))
    return pd.DataFrame(matrix.toarray(), index=list(documents), columns=vectorizer.get_feature_names_out())


def log_odds_z(counts: pd.DataFrame, *, prior_strength: float = 1.0) -> pd.DataFrame:
    """z-scores of each outlet's log-odds against all other outlets, with an informative prior."""
    y = counts.to_numpy(dtype=float)
    totals = y.sum(axis=1, keepdims=True)
    corpus = y.sum(axis=0, keepdims=True)
    alpha = prior_strength * corpus  # the corpus frequencies, scaled to prior_strength * corpus size
    alpha0 = alpha.sum()
    rest, rest_totals = corpus - y, totals.sum() - totals
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y + alpha) / (totals + alpha0 - y - alpha)) - np.log(
            (rest + alpha) / (rest_totals + alpha0 - rest - alpha)
        )
        z = delta / np.sqrt(1 / (y + alpha) + 1 / (rest + alpha))
    return pd.DataFrame(np.nan_to_num(z), index=counts.index, columns=counts.columns)


def distinctive_terms(documents: dict[str, str], *, top: int = 10, scope: str = "narrator",
                      prior_strength: float = 1.0) -> pd.DataFrame:
    """The top terms per outlet by log-odds z, the exclusive terms, and the top TF-IDF terms.

    `z` is always the log-odds z-score, whatever list a row is in; `score` is the statistic
    that ranks its list (z, the count, or the TF-IDF weight). Needs at least two outlets.
    """
    counts = term_counts(documents)
    if len(documents) < 2 or counts.shape[1] == 0:
        return pd.DataFrame(columns=list(DISTINCTIVE_FIELDS))
    z = log_odds_z(counts, prior_strength=prior_strength)
    tfidf = pd.DataFrame(
        TfidfTransformer().fit_transform(counts.to_numpy()).toarray(), index=counts.index, columns=counts.columns
    )
    rest = counts.sum(axis=0) - counts
    rows = []
    for outlet in counts.index:
        here, others = counts.loc[outlet], rest.loc[outlet]
        ranked = {
            "log-odds": z.loc[outlet][here > 0].sort_values(ascending=False, kind="stable"),
            "exclusive": _exclusive(here, others),
            "tf-idf": tfidf.loc[outlet][here > 0].sort_values(ascending=False, kind="stable"),
        }
        for method, scores in ranked.items():
            ordered = sorted(scores.items(), key=lambda item: (-item[1], -here[item[0]], item[0]))
            for term, score in ordered[:top]:
                rows.append((outlet, term, round(float(z.loc[outlet, term]), 3), int(here[term]),
                             int(others[term]), method, round(float(score), 4), scope))
    return pd.DataFrame(rows, columns=list(DISTINCTIVE_FIELDS))


def _exclusive(here: pd.Series, others: pd.Series) -> pd.Series:
    """Terms used at least twice here and never elsewhere, minus any that only occur inside a
    longer exclusive term with the same count ('takfiri' inside 'takfiri isil' when both are 2)."""
    found = here[(here >= 2) & (others == 0)]
    keep = {
        term: count for term, count in found.items()
        if not any(count == found[longer] and f" {term} " in f" {longer} " for longer in found.index if longer != term)
    }
    return pd.Series(keep, dtype=float)


def similarity(documents: dict[str, str]) -> pd.DataFrame:
    """Cosine similarity of the outlets' TF-IDF vectors: 1 is the same wording, 0 none shared."""
    counts = term_counts(documents)
    if counts.shape[1] == 0:
        return pd.DataFrame(np.eye(len(documents)), index=list(documents), columns=list(documents))
    weights = TfidfTransformer().fit_transform(counts.to_numpy())
    return pd.DataFrame(cosine_similarity(weights).round(3), index=counts.index, columns=counts.index)
