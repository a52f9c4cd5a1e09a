"""Statements: which of a source's words each outlet chose to report, aligned across outlets.

Each direct quotation is a reported statement, with its speaker and introducing verb. Words are
compared by their first five letters, a crude stemmer that also absorbs translation variants
(cooperate, cooperation). Two quotations of FRAGMENT_WORDS words or more are the same statement
when the words they share in order cover at least ALIGN_THRESHOLD of the shorter one: that
forgives trimming (one outlet cuts the start, another the end) and light rewording, but not two
different remarks that share a phrase; they are compared only between different articles.
Shorter fragments ("puppets", "the will") are ambiguous alone, so the fragments of one sentence
travel together and join the statement whose wording holds the largest share of their words (at
least ALIGN_THRESHOLD; the fuller statement wins a tie). Quotations are aligned only when their
speakers agree (or one is unknown) and when their articles report the same event (or either does
not say).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

import pandas as pd

from framing.spans import ArticleAnalysis
from framing.text import fold, sentence_index

ALIGN_THRESHOLD = 0.6
FRAGMENT_WORDS = 4
STEM_LETTERS = 5
STATEMENT_FIELDS = ("statement", "speaker", "text", "outlets")

# Unlike resources.WORD_RE this splits hyphenated words, so "pipe-dream" matches "pipe dream".
_WORD_RE = re.compile(r"\w+(?:'\w+)*")


@dataclass(frozen=True)
class Quote:
    article: str
    outlet: str
    event: str
    text: str  # the words inside the quotation marks
    speaker: str
    verb: str
    start: int  # offsets of the quotation, marks included, in the cleaned text
    end: int
    sentence: int
    stems: tuple[str, ...]


def stems(text: str) -> list[str]:
    return [word[:STEM_LETTERS] for word in _WORD_RE.findall(fold(text).lower())]


def collect_quotes(documents: tuple[ArticleAnalysis, ...]) -> list[Quote]:
    """Every direct quotation in every article, in reading order."""
    found = []
    for doc in documents:
        sentence_starts = [start for start, _ in doc.sentences]
        for (start, end), attribution in zip(doc.quote_regions, doc.quote_attributions, strict=True):
            inner = doc.text[start:end].strip("\"'\u201c\u201d\u2018\u2019 ").strip().rstrip(",;:").strip()
            if stems(inner):
                found.append(Quote(
                    doc.article.id, doc.article.outlet, doc.article.event, inner,
                    attribution.speaker if attribution else "", attribution.verb if attribution else "",
                    start, end, sentence_index(sentence_starts, start), tuple(stems(inner)),
                ))
    return found


def ordered_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Share of the shorter word list that the other matches, in order."""
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / min(len(a), len(b))


def align(quotations: list[Quote]) -> list[int]:
    """A statement number for every quotation, in the order of `quotations`."""
    full = [i for i, q in enumerate(quotations) if len(q.stems) >= FRAGMENT_WORDS]
    counts = {i: Counter(quotations[i].stems) for i in full}
    group = _UnionFind(len(quotations))
    for position, i in enumerate(full):
        for j in full[position + 1 :]:
            shorter = min(len(quotations[i].stems), len(quotations[j].stems))
            if (
                quotations[i].article != quotations[j].article
                and _comparable(quotations[i], quotations[j])
                # words shared in any order bound the words shared in order: skip hopeless pairs
                and (counts[i] & counts[j]).total() >= ALIGN_THRESHOLD * shorter
                and ordered_overlap(quotations[i].stems, quotations[j].stems) >= ALIGN_THRESHOLD
            ):
                group.join(i, j)
    unattached: list[list[int]] = []
    for members in _fragment_groups(quotations, set(full)):
        words = {stem for i in members for stem in quotations[i].stems}
        best = max(
            (
                (_share(words, quotations[j].stems), len(quotations[j].stems), j)
                for j in full
                if all(_comparable(quotations[i], quotations[j]) for i in members)
            ),
            default=(0.0, 0, -1),
        )
        if best[0] >= ALIGN_THRESHOLD:
            for i in members:
                group.join(i, best[2])
        else:
            unattached.append(members)
    for position, members in enumerate(unattached):  # fragments that only repeat each other
        words = {stem for i in members for stem in quotations[i].stems}
        for other in unattached[position + 1 :]:
            other_words = [stem for i in other for stem in quotations[i].stems]
            comparable = _comparable(quotations[members[0]], quotations[other[0]])
            if comparable and _share(words, other_words) >= ALIGN_THRESHOLD:
                group.join(members[0], other[0])
        for i in members[1:]:
            group.join(members[0], i)
    return _number_in_reading_order([group.find(i) for i in range(len(quotations))])


def statement_table(documents: tuple[ArticleAnalysis, ...]) -> pd.DataFrame:
    """One row per quotation with its statement id, so every cell traces to its offsets."""
    found = collect_quotes(documents)
    numbers = align(found)
    rows = [
        {"statement": f"S{n}", "speaker": q.speaker, "outlet": q.outlet, "article": q.article, "text": q.text,
         "verb": q.verb, "start": q.start, "end": q.end}
        for n, q in zip(numbers, found, strict=True)
    ]
    return pd.DataFrame(rows, columns=["statement", "speaker", "outlet", "article", "text", "verb", "start", "end"])


def statement_records(table: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """One row per statement: its speaker, its fullest wording, and each carrying outlet's
    wording and introducing verb. Statements carried by more outlets come first."""
    rows = []
    for statement, quoted in table.groupby("statement", sort=False):
        carried = {
            outlet: {
                "text": " \u2026 ".join(pieces["text"]),
                "verb": ", ".join(dict.fromkeys(v for v in pieces["verb"] if v)),
            }
            for outlet in outlets
            if not (pieces := quoted[quoted["outlet"] == outlet]).empty
        }
        speakers = quoted["speaker"][quoted["speaker"] != ""]
        rows.append({
            "statement": statement,
            "speaker": speakers.mode().iloc[0] if not speakers.empty else "",
            "text": max(quoted["text"], key=lambda text: len(stems(text))),
            "outlets": carried,
        })
    rows.sort(key=lambda row: -len(row["outlets"]))
    return pd.DataFrame(rows, columns=list(STATEMENT_FIELDS))


def statement_matrix(table: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """Statements by outlets: the wording each outlet used, empty where it left the statement out."""
    matrix = table.groupby(["statement", "outlet"], sort=False)["text"].agg(" \u2026 ".join).unstack("outlet")
    return matrix.reindex(columns=outlets).astype(object).fillna("")  # object: an empty matrix is float


def _fragment_groups(quotations: list[Quote], full: set[int]) -> list[list[int]]:
    """Fragments that sit in the same sentence of the same article, grouped in reading order."""
    groups: dict[tuple[str, int], list[int]] = {}
    for i, q in enumerate(quotations):
        if i not in full:
            groups.setdefault((q.article, q.sentence), []).append(i)
    return list(groups.values())


def _comparable(a: Quote, b: Quote) -> bool:
    same_event = not a.event or not b.event or a.event == b.event
    same_speaker = not a.speaker or not b.speaker or a.speaker == b.speaker
    return same_event and same_speaker


def _share(words: set[str], stems_of_other) -> float:
    return len(words & set(stems_of_other)) / len(words) if words else 0.0


def _number_in_reading_order(roots: list[int]) -> list[int]:
    numbers: dict[int, int] = {}
    return [numbers.setdefault(root, len(numbers) + 1) for root in roots]


class _UnionFind:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(b)] = self.find(a)
