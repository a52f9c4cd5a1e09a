"""What a class marked on one article: how many students marked each word, how far they agree with
each other (Krippendorff's alpha) and with the lexicon, and the words they marked that it lacks.

Every student who sent marks for the article has read all of its words: a word left unmarked is that
student's "not loaded", so every word is a unit coded by every such student, and alpha for two values
(nominal) needs no missing-data rules. The class's reading is the words at least half of its students
marked; it is compared with the lexicon as one student's marks are (framing.classroom.annotation).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from framing.classroom.annotation import Comparison, compare_marks, tokens
from framing.classroom.lessons import Marks
from framing.lexicon import Lexicon
from framing.spans import ArticleAnalysis

WORD_FIELDS = ("word", "text", "start", "end", "voice", "students")
CSV_FIELDS = ("article", "student", "word", "text", "start", "end", "voice")


@dataclass(frozen=True, eq=False)  # a table inside: compare by fields, not with ==
class ClassReading:
    students: int
    words: pd.DataFrame  # WORD_FIELDS: each word at least one student marked, most marked first
    alpha: float | None  # Krippendorff's alpha among the students; None when it is not defined
    majority: frozenset[int]  # the words at least half of the students marked
    comparison: Comparison  # the majority's words against the lexicon's hits


def krippendorff_alpha(marked: list[set[int]], units: int) -> float | None:
    """Alpha for binary codes (marked or not) of `units` words by each coder in `marked`: 1 is full
    agreement, 0 what chance gives. None with fewer than two coders or when every code is the same
    (no variation to agree on)."""
    coders = len(marked)
    if coders < 2 or units < 1:
        return None
    per_unit: dict[int, int] = {}
    for words in marked:
        for word in words:
            if 0 <= word < units:
                per_unit[word] = per_unit.get(word, 0) + 1
    ones = sum(per_unit.values())
    pairable = coders * units
    zeros = pairable - ones
    if ones == 0 or zeros == 0:
        return None
    observed = sum(2 * count * (coders - count) for count in per_unit.values()) / (coders - 1)
    return 1 - (pairable - 1) * observed / (2 * ones * zeros)


def article_marks(marks, article: str) -> list[Marks]:
    """Each student's marks on one article (the lesson keeps only their last)."""
    return [mark for mark in marks if mark.article == article]


def read_class(doc: ArticleAnalysis, spans: pd.DataFrame, marks: list[Marks], *, lexicon: Lexicon) -> ClassReading:
    """The class's marks on one article (`spans`: the lexicon's hits there) summed up for the teacher."""
    words = tokens(doc)
    counts: dict[int, int] = {}
    for mark in marks:
        for word in set(mark.words):
            if 0 <= word < len(words):
                counts[word] = counts.get(word, 0) + 1
    rows = [(t.index, t.text, t.start, t.end, t.voice, counts[t.index]) for t in words if t.index in counts]
    table = pd.DataFrame(rows, columns=list(WORD_FIELDS)).sort_values(["students", "word"], ascending=[False, True],
                                                                      ignore_index=True)
    majority = frozenset(word for word, count in counts.items() if marks and 2 * count >= len(marks))
    return ClassReading(len(marks), table, krippendorff_alpha([set(m.words) for m in marks], len(words)), majority,
                        compare_marks(doc, spans, majority, lexicon=lexicon))


def marks_table(docs: dict[str, ArticleAnalysis], marks) -> pd.DataFrame:
    """One row per student and word marked, every article of the lesson, for the class's CSV."""
    rows = []
    for mark in marks:
        doc = docs.get(mark.article)
        if doc is None:
            continue
        words = tokens(doc)
        rows += [(mark.article, mark.student, w.index, w.text, w.start, w.end, w.voice)
                 for w in (words[i] for i in sorted(set(mark.words)) if 0 <= i < len(words))]
    return pd.DataFrame(rows, columns=list(CSV_FIELDS)).sort_values(["article", "student", "word"],
                                                                    ignore_index=True)
