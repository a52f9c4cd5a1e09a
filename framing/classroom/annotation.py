"""Student annotation: the words a student marks as loaded, compared with the lexicon's hits.

An article's cleaned text is cut into word tokens (the same words the scores count), each with its
offsets, sentence and voice. A student's marks are a set of token numbers. The comparison is over
tokens: marked by both, by the student only, by the lexicon only, or by neither; percent agreement
and Cohen's kappa come with the counts behind them. The student-only marks, adjacent words joined
into phrases, are candidate terms for the lexicon, each checked against the lexicon's term rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from framing.evidence import term_pattern
from framing.lexicon import Lexicon, LexiconError, parse_lexicon
from framing.quotes import VoiceIndex
from framing.resources import WORD_RE
from framing.spans import ArticleAnalysis
from framing.text import fold, sentence_index

SMALL_NUMBERS = 10  # fewer marks than this: the rates are shown, but said to rest on small numbers
MARK_CLASSES = {"both": "student and lexicon", "student": "student only", "lexicon": "lexicon only"}


@dataclass(frozen=True)
class Token:
    index: int
    start: int
    end: int
    text: str
    sentence: int
    voice: str  # "narrator" or "quote", as in the span table


@dataclass(frozen=True)
class Phrase:
    """Adjacent marked tokens read as one stretch of text."""

    text: str
    start: int
    end: int
    tokens: tuple[int, ...]
    voice: str  # "quote" when every word is inside a quotation, else "narrator"


@dataclass(frozen=True)
class Candidate:
    """A phrase the student marked and the lexicon did not, as a possible new lexicon term."""

    term: str
    times: int  # how often the student marked it in this article
    voice: str
    problem: str  # why it cannot be a lexicon term as written; empty when it can
    listed_in: str  # the lexicon category that already lists it, or empty


@dataclass(frozen=True)
class Comparison:
    voice: str  # "all" or "narrator": which words were compared
    tokens: int  # words compared
    both: int
    student_only: int
    lexicon_only: int
    neither: int
    marks_in_quotes: int  # student marks inside quotations (left out when only the outlet's words count)
    marked: frozenset[int]  # token numbers compared, per side
    hit: frozenset[int]
    candidates: tuple[Candidate, ...]

    @property
    def student(self) -> int:
        return self.both + self.student_only

    @property
    def lexicon(self) -> int:
        return self.both + self.lexicon_only

    @property
    def small_numbers(self) -> bool:
        return self.student < SMALL_NUMBERS

    @property
    def agreement(self) -> float | None:
        """Share of compared words on which student and lexicon agree (marked by both or neither)."""
        return (self.both + self.neither) / self.tokens if self.tokens else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa: agreement beyond what two markers at these rates would reach by chance.
        None (undefined) only when chance agreement is total: both sides marked nothing, or both marked
        every word, or no word was compared. When one side marks nothing and the other something, it is
        0: the agreement is all "neither", no more than chance."""
        if not self.tokens:
            return None
        student, lexicon = self.student / self.tokens, self.lexicon / self.tokens
        chance = student * lexicon + (1 - student) * (1 - lexicon)
        return None if chance >= 1 else (self.agreement - chance) / (1 - chance)

    @property
    def kappa_text(self) -> str:
        """Kappa to two places for a reader, "—" where it is undefined; a kappa just below zero reads "0.00",
        not "-0.00" (a sign on a zero suggests disagreement that is not there)."""
        return "—" if self.kappa is None else f"{round(self.kappa, 2) + 0.0:.2f}"

    def summary(self) -> pd.DataFrame:
        """The figures as a table: what, words, and the share each is of its whole."""
        rows = [
            ("words compared", self.tokens, ""),
            ("marked by the student", self.student, ""),
            ("found by the lexicon", self.lexicon, ""),
            ("marked by both", self.both, _share(self.both, self.student, "of the student's marks")),
            ("student only", self.student_only, _share(self.student_only, self.student, "of the student's marks")),
            ("lexicon only", self.lexicon_only, _share(self.lexicon_only, self.lexicon, "of the lexicon's hits")),
            ("agree (both or neither)", self.both + self.neither, _share(self.both + self.neither, self.tokens,
                                                                           "of the words compared")),
        ]
        return pd.DataFrame(rows, columns=["what", "words", "share"])


def tokens(doc: ArticleAnalysis) -> list[Token]:
    """Every word of the article's cleaned text, with offsets (text[start:end] is the word)."""
    text = doc.text
    voices = VoiceIndex(list(doc.quote_regions))
    starts = [start for start, _ in doc.sentences]
    return [
        Token(number, m.start(), m.end(), m.group(), sentence_index(starts, m.start()) if starts else 0,
              "narrator" if voices.region_of(m.start(), m.end()) is None else "quote")
        for number, m in enumerate(WORD_RE.finditer(text))
    ]


def locate(words: list[Token], text: str, phrase: str) -> set[int]:
    """The tokens of every occurrence of a typed phrase, found as the evidence search finds terms:
    whole words, case and quote style ignored. Empty when the phrase is not in the text."""
    pattern = term_pattern(phrase)
    if pattern is None:
        return set()
    found: set[int] = set()
    for match in pattern.finditer(fold(text)):
        found |= {t.index for t in words if t.start < match.end() and match.start() < t.end}
    return found


def hit_tokens(words: list[Token], spans: pd.DataFrame) -> set[int]:
    """Tokens that any of the given span rows covers, in part or whole."""
    bounds = sorted(zip(spans["start"], spans["end"], strict=True))
    return {t.index for t in words if any(start < t.end and t.start < end for start, end in bounds)}


def phrases(words: list[Token], indices, text: str) -> list[Phrase]:
    """The chosen tokens joined into phrases: neighbours with only spaces between them (no
    punctuation, no paragraph break) are one."""
    chosen = sorted(set(indices))
    groups: list[list[Token]] = []
    for index in chosen:
        token = words[index]
        gap = text[groups[-1][-1].end:token.start] if groups else ""
        if groups and groups[-1][-1].index == index - 1 and not gap.strip() and "\n" not in gap:
            groups[-1].append(token)
        else:
            groups.append([token])
    return [
        Phrase(" ".join(text[g[0].start:g[-1].end].split()), g[0].start, g[-1].end, tuple(t.index for t in g),
               "quote" if all(t.voice == "quote" for t in g) else "narrator")
        for g in groups
    ]


def term_problem(term: str) -> str:
    """Why a text cannot be a lexicon term, in the lexicon's own words; empty when it can."""
    text = " ".join(term.split())
    if not text:
        return "empty"
    try:
        parse_lexicon({"name": "check", "description": "one term", "categories": [
            {"id": "check", "name": "check", "description": "check", "teaching_note": "check", "terms": [text]}]},
            source="candidate")
    except LexiconError as error:
        return str(error).removeprefix(f"candidate: category 'check', term 1 ({text!r}): ")
    return ""


def listed_category(lexicon: Lexicon, term: str) -> str:
    """The category that already lists this term (compared as the lexicon compares terms), or empty."""
    key = fold(" ".join(term.split())).lower()
    return next((t.category for t in lexicon.terms if fold(t.text).lower() == key), "")


def compare_marks(doc: ArticleAnalysis, spans: pd.DataFrame, marks, *, lexicon: Lexicon,
                  voice: str = "all") -> Comparison:
    """The student's marks (token numbers) against the lexicon's hits (span rows of this article),
    over all words or over the outlet's own words only (voice='narrator')."""
    words = tokens(doc)
    marks = {int(m) for m in marks if 0 <= int(m) < len(words)}
    compared = {t.index for t in words if voice == "all" or t.voice == voice}
    marked, hit = marks & compared, hit_tokens(words, spans) & compared
    student_only = sorted(marked - hit)
    return Comparison(
        voice=voice, tokens=len(compared), both=len(marked & hit), student_only=len(student_only),
        lexicon_only=len(hit - marked), neither=len(compared - marked - hit),
        marks_in_quotes=sum(1 for m in marks if words[m].voice == "quote"),
        marked=frozenset(marked), hit=frozenset(hit),
        candidates=candidates(phrases(words, student_only, doc.text), lexicon),
    )


def candidates(found: list[Phrase], lexicon: Lexicon) -> tuple[Candidate, ...]:
    """The phrases as candidate terms: the same words marked twice are one candidate, marked twice."""
    by_key: dict[str, list[Phrase]] = {}
    for phrase in found:
        by_key.setdefault(fold(phrase.text).lower(), []).append(phrase)
    listed = [
        Candidate(group[0].text, len(group), "quote" if all(p.voice == "quote" for p in group) else "narrator",
                  term_problem(group[0].text), listed_category(lexicon, group[0].text))
        for group in by_key.values()
    ]
    return tuple(sorted(listed, key=lambda c: (-c.times, fold(c.term).lower())))


def _share(part: int, whole: int, of: str) -> str:
    return f"{part} of {whole} {of} ({100 * part / whole:.0f}%)" if whole else f"none {of}"


def mark_kind(index: int, comparison: Comparison) -> str | None:
    marked, hit = index in comparison.marked, index in comparison.hit
    return "both" if marked and hit else "student" if marked else "lexicon" if hit else None


def comparison_table(doc: ArticleAnalysis, comparison: Comparison, marks, *, article: str) -> pd.DataFrame:
    """One row per word the student marked or the lexicon found: for the CSV download."""
    words = tokens(doc)
    chosen = sorted({int(m) for m in marks} | comparison.hit)
    rows = [
        {"article": article, "word": t.index, "text": t.text, "start": t.start, "end": t.end, "voice": t.voice,
         "student": t.index in {int(m) for m in marks}, "lexicon": t.index in comparison.hit,
         "compared": comparison.voice in ("all", t.voice),
         "result": MARK_CLASSES.get(mark_kind(t.index, comparison) or "", "not compared")}
        for t in (words[i] for i in chosen)
    ]
    return pd.DataFrame(rows, columns=["article", "word", "text", "start", "end", "voice", "student", "lexicon",
                                       "compared", "result"])
