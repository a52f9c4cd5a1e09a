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
    r"(?P<token>(?:[a-zA-Z]\.){2,}(?:-\w+)*|\d{1,3}(?:,\d{3})+|\w+(?:['\-]\w+)*)|(?P<stop>[^\w\s'\-]|\s-+\s|\n)"
)
# Titles before a name: house style, not a choice of words ("Mr. Kim" against "Kim").
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame madam rev fr sen rep gov gen col lt capt sgt".split())
_NUMBER_RE = re.compile(r"^[\d,.]+(?:st|nd|rd|th|s)?$")


def ngrams(text: str) -> list[str]:
    """1- to 3-word terms that neither start nor end with a stop word, a number, a title or a
    one-letter token, and never cross punctuation. Acronyms fold: "D.N.C." and "DNC" are "dnc",
    "U.S." and "US" are "us", and an acronym is never taken for a stop word."""
    stretches: list[list[tuple[str, bool]]] = [[]]
    for match in _TOKEN_RE.finditer(fold(text)):
        if match.group("stop"):
            stretches.append([])
        else:
            stretches[-1].append(_token(match.group("token")))
    terms: list[str] = []
    for tokens in stretches:
        edges = [acronym or not _is_filler(token) for token, acronym in tokens]
        words = [token for token, _ in tokens]
        for n in range(1, MAX_NGRAM + 1):
            for i in range(len(tokens) - n + 1):
                if edges[i] and edges[i + n - 1]:
                    terms.append(" ".join(words[i : i + n]))
    return terms


def _token(raw: str) -> tuple[str, bool]:
    """The token as a term holds it, and whether it is an acronym."""
    token = raw[:-2] if raw.lower().endswith("'s") else raw
    head, _, tail = token.partition("-")
    if "." in head:  # a dotted acronym, maybe with a suffix: U.S.-led
        return (head.replace(".", "") + ("-" + tail if tail else "")).lower(), True
    return token.lower(), len(head) > 1 and head.isupper() and head.isalpha()


def _is_filler(token: str) -> bool:
    return token in ENGLISH_STOP_WORDS or token in HONORIFICS or len(token) == 1 or bool(_NUMBER_RE.match(token))


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
        shown = here.index.difference(_inside_longer(here, others))
        here, others = here[shown], others[shown]
        ranked = {
            "log-odds": z.loc[outlet, shown][here > 0].sort_values(ascending=False, kind="stable"),
            "exclusive": _exclusive(here, others),
            "tf-idf": tfidf.loc[outlet, shown][here > 0].sort_values(ascending=False, kind="stable"),
        }
        for method, scores in ranked.items():
            ordered = sorted(scores.items(), key=lambda item: (-item[1], -here[item[0]], item[0]))
            for term, score in ordered[:top]:
                rows.append((outlet, term, round(float(z.loc[outlet, term]), 3), int(here[term]),
                             int(others[term]), method, round(float(score), 4), scope))
    return pd.DataFrame(rows, columns=list(DISTINCTIVE_FIELDS))


def leading_terms(table: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """The outlet's log-odds list from `distinctive_terms`, kept to the terms it uses more than the
    others (z > 0), one row per term: the terms that set it apart, which a chart draws one bar each.
    The table also holds the exclusive and TF-IDF lists, whose rows repeat terms or lean the other way."""
    rows = table[(table["outlet"] == outlet) & (table["method"] == "log-odds") & (table["z"] > 0)]
    return rows.drop_duplicates("term").reset_index(drop=True)


def _exclusive(here: pd.Series, others: pd.Series) -> pd.Series:
    """Terms used at least twice here and never elsewhere."""
    return here[(here >= 2) & (others == 0)].astype(float)


def _inside_longer(here: pd.Series, others: pd.Series) -> set[str]:
    """Terms used here that only occur inside one longer term: with the same count here and in
    the other outlets as it ('multi-million' inside 'multi-million dollar lawsuit'), so the
    longer term is shown once for both."""
    used = here[here > 0]
    counts = {term: (int(count), int(others[term])) for term, count in used.items()}
    inside = set()
    for longer, pair in counts.items():
        words = longer.split(" ")
        for n in range(1, len(words)):
            for i in range(len(words) - n + 1):
                part = " ".join(words[i : i + n])
                if counts.get(part) == pair:
                    inside.add(part)
    return inside


def similarity(documents: dict[str, str]) -> pd.DataFrame:
    """Cosine similarity of the outlets' TF-IDF vectors: 1 is the same wording, 0 none shared."""
    counts = term_counts(documents)
    if counts.shape[1] == 0:
        return pd.DataFrame(np.eye(len(documents)), index=list(documents), columns=list(documents))
    weights = TfidfTransformer().fit_transform(counts.to_numpy())
    return pd.DataFrame(cosine_similarity(weights).round(3), index=counts.index, columns=counts.index)
