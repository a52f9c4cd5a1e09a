"""Analyse a story with a lexicon: the API behind the CLI and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from framing.actor_corrections import load_corrections
from framing.actor_groups import referent_group
from framing.actor_names import Actor
from framing.actors import with_actors
from framing.built_once import BuiltOnce
from framing.coverage import coverage_table, unique_share
from framing.distinctive import distinctive_terms, similarity, term_counts
from framing.evidence import span_evidence
from framing.lexicon import Lexicon, load_lexicon, with_story_layer, with_story_names
from framing.matcher import Matcher
from framing.naming import labelled_spans, naming_table
from framing.scores import score_table
from framing.spans import SPAN_FIELDS, ArticleAnalysis, analyse_articles
from framing.statements import statement_matrix, statement_records, statement_table
from framing.stories import Story
from framing.voices import COUNT_VOICES

ARTICLE_TABLE_FIELDS = (
    "article", "outlet", "country", "ownership", "event", "date", "headline", "identified_by", "url",
    "words", "words_narrator", "words_quote", "text", "removed",
)


@dataclass(frozen=True)
class Analysis:
    """A story taken apart with one lexicon. The core tables are built by analyse(); the
    derived ones on first use, once each (callers get copies, so nobody edits the cache)."""

    story: Story
    lexicon: Lexicon
    documents: tuple[ArticleAnalysis, ...]
    articles: pd.DataFrame
    spans: pd.DataFrame
    scores: pd.DataFrame
    actors: tuple[Actor, ...] = ()  # found in the articles (framing.actors); their mentions are spans
    _derived: BuiltOnce = field(default_factory=BuiltOnce, repr=False, compare=False)

    def _once(self, key, build) -> pd.DataFrame:
        return self._derived.get(key, build).copy()

    def document(self, article: str) -> ArticleAnalysis:
        """One article taken apart: its cleaned text, sentences, quotations and hits."""
        return self._derived.get("documents", lambda: {doc.article.id: doc for doc in self.documents})[article]

    def texts(self) -> dict[str, str]:
        """Each article's cleaned text, the text every span's offsets point into."""
        return {doc.article.id: doc.text for doc in self.documents}

    def spans_behind(self, *, outlet=None, category=None, voice: str = "all", referent=None, article=None,
                     term=None) -> pd.DataFrame:
        """The span rows behind a count: the one answer to "which words made this number". Each field
        takes one value or a list of values, None for any; voice is 'narrator', 'quote' or 'all' (both),
        as in the score table, so a score's count is the number of rows returned for its outlet,
        category and voice."""
        if voice not in COUNT_VOICES:
            raise ValueError(f"voice must be one of {', '.join(COUNT_VOICES)}, not {voice!r}")
        wanted = {"outlet": outlet, "category": category, "referent": referent, "article": article, "term": term,
                  "voice": None if voice == "all" else voice}
        keep = pd.Series(True, index=self.spans.index)
        for column, value in wanted.items():
            if value is not None:
                values = [value] if isinstance(value, str) else list(value)
                keep &= self.spans[column].isin(values)
        return self.spans[keep]  # a new frame (copy-on-write): a caller cannot spoil the table

    def evidence(self, spans: pd.DataFrame) -> pd.DataFrame:
        """Span rows (from spans_behind) each with the rest of its sentence before and after it."""
        return span_evidence(self.document, spans)

    def labelled_spans(self, *, voice: str = "all") -> pd.DataFrame:
        """The span rows that name an actor, each with the label the naming table counts it under."""
        distancing = self.lexicon.scare_quote_category
        named = self._once("labelled", lambda: labelled_spans(
            self.spans, self.texts(), distancing=distancing.id if distancing else None, groups=self.groups()))
        return named if voice == "all" else named[named["voice"] == voice]

    def groups(self) -> dict[str, str]:
        """Each naming row (referent) and the group it rolls up into: the country an actor belongs
        to (framing.actor_groups.with_groups), a lexicon referent's by the country in its name, else itself."""
        referents = self.spans.loc[self.spans["referent"] != "", "referent"].unique()
        return {referent: referent_group(referent, self.actors) for referent in referents}

    def outlet_texts(self, scope: str = "narrator") -> dict[str, str]:
        """Each outlet's text, its own voice only ('narrator') or everything ('all')."""
        texts: dict[str, list[str]] = {}
        for doc in self.documents:
            texts.setdefault(doc.article.outlet, []).append(doc.text if scope == "all" else doc.voice_text("narrator"))
        return {outlet: "\n".join(parts) for outlet, parts in texts.items()}

    def distinctive(self, *, top: int = 10, scope: str = "narrator", prior_strength: float = 1.0) -> pd.DataFrame:
        return self._once(
            ("distinctive", top, scope, prior_strength),
            lambda: distinctive_terms(self.outlet_texts(scope), top=top, scope=scope, prior_strength=prior_strength),
        )

    def term_counts(self, *, scope: str = "narrator") -> pd.DataFrame:
        """Outlets by the 1- to 3-word terms the distinctive lists rank, raw counts."""
        return self._once(("term_counts", scope), lambda: term_counts(self.outlet_texts(scope)))

    def similarity(self, *, scope: str = "narrator") -> pd.DataFrame:
        return self._once(("similarity", scope), lambda: similarity(self.outlet_texts(scope)))

    def naming(self) -> pd.DataFrame:
        """Per referent (with its group) and outlet, each label used, how often, in which voice."""
        return self._once("naming", lambda: naming_table(self.labelled_spans()))

    def quotations(self) -> pd.DataFrame:
        """Every direct quotation with its speaker, verb, offsets and the statement it belongs to."""
        return self._once("quotations", lambda: statement_table(self.documents))

    def statements(self) -> pd.DataFrame:
        """One row per statement with the wording and verb of each outlet that carried it."""
        return self._once("statements", lambda: statement_records(self.quotations(), self.story.outlets))

    def statement_matrix(self) -> pd.DataFrame:
        return self._once("matrix", lambda: statement_matrix(self.quotations(), self.story.outlets))

    def coverage(self) -> pd.DataFrame:
        """Per sentence: its closest sentence in another article, and whether it is unique."""
        return self._once("coverage", lambda: coverage_table(self.documents))

    def unique_share(self) -> pd.DataFrame:
        return self._once("unique_share", lambda: unique_share(self.coverage(), self.story.outlets))


def analyse(story: Story, lexicon: Lexicon | None = None, *, actors: bool = True) -> Analysis:
    """Clean every article, find its quotations, lexicon hits and (unless `actors` is false) the
    actors it names, and build the tables. The story's own lexicon layer and aliases join the lexicon."""
    lexicon = with_story_layer(lexicon or load_lexicon(), story.path, story.slug)
    lexicon = with_story_names(lexicon, story.aliases, source=f"{story.path}/story.yaml")
    matcher = Matcher(lexicon)
    # with actors, speakers are resolved once the actors are known (actors.with_actors)
    documents = tuple(analyse_articles(list(story.articles), lexicon, matcher, speakers=not actors))
    found: list[Actor] = []
    if actors:
        documents, found = with_actors(documents, load_corrections(story))
    articles = article_table(documents)
    spans = span_table(documents)
    scores = score_table(spans, articles, [c.id for c in lexicon.categories])
    return Analysis(story, lexicon, documents, articles, spans, scores, tuple(found))


def span_table(documents: tuple[ArticleAnalysis, ...]) -> pd.DataFrame:
    rows = [span for doc in documents for span in doc.spans]  # spans are tuples in SPAN_FIELDS order
    table = pd.DataFrame(rows, columns=list(SPAN_FIELDS))
    return table.astype({"start": int, "end": int, "sentence": int, "scare_quote": bool})


def article_table(documents: tuple[ArticleAnalysis, ...]) -> pd.DataFrame:
    rows = []
    for doc in documents:
        meta = doc.article.metadata()
        rows.append({
            "article": meta.pop("id"),
            **{name: meta[name] for name in ARTICLE_TABLE_FIELDS if name in meta},
            "words": doc.words("all"),
            "words_narrator": doc.words("narrator"),
            "words_quote": doc.words("quote"),
            "text": doc.text,
            "removed": [
                {"line": p.line, "kind": p.kind, "reason": p.reason, "text": p.text} for p in doc.cleaned.removed
            ],
        })
    return pd.DataFrame(rows, columns=list(ARTICLE_TABLE_FIELDS))
