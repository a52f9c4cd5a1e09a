"""The Explore pages' charts and tables that every session shares, each built once per story and kept in
its StoryView. They live here, not in the page scripts, so that the server's start-up can build the ones a
class sees first (first_views), before forty students ask for them at once."""

from __future__ import annotations

import pandas as pd

from framing.distinctive import leading_terms
from framing.naming import LABEL_KINDS
from framing.render.charts import (
    CHART_FONT,
    distinctive_bars,
    rate_tiles,
    statement_tiles,
    term_scatter,
    unique_share_bars,
)
from framing.render.highlight import article_html, heading, paragraph, removed_html

KIND_MARKS = {"description": "◆ ", "title": "▲ "}


def rate_grid(view, voice: str, font: int):
    """Overview's categories-by-outlets squares."""
    return view.figure(("tiles", voice, font), lambda: rate_tiles(
        view.analysis.scores, view.styles, voice=voice, outlets=view.outlets, font_size=font))


def term_bars(view, scope: str, outlet: str, font: int):
    """Words: one outlet's most distinctive terms."""
    return view.figure(("bars", scope, outlet, font), lambda: distinctive_bars(
        leading_terms(view.analysis.distinctive(scope=scope, top=10), outlet), outlet, font_size=font))


def outlet_scatter(view, scope: str, first: str, second: str, font: int):
    """Words: every term placed by how often each of two outlets uses it."""
    return view.figure(("scatter", scope, first, second, font), lambda: term_scatter(
        view.analysis.term_counts(scope=scope), first, second, font_size=font))


def statement_grid(view, font: int):
    """Naming: which statements each outlet quoted."""
    def build():
        statements = view.analysis.statements()
        speakers = dict(zip(statements["statement"], statements["speaker"], strict=True))
        return statement_tiles(view.analysis.statement_matrix(), speakers, font_size=font)
    return view.figure(("statements", font), build)


def share_bars(view, font: int):
    """Naming: each outlet's own words in sentences no other outlet has."""
    return view.figure(("unique_share", font), lambda: unique_share_bars(view.analysis.unique_share(),
                                                                          font_size=font))


def names_in(view, voice: str) -> pd.DataFrame:
    """Naming's rows in one voice ('all': both)."""
    def build():
        naming = view.analysis.naming()
        return naming if voice == "all" else naming[naming["voice"] == voice]
    return view.kept(("naming", voice), build)


def names_table(view, voice: str, level: str) -> pd.DataFrame:
    """One row per actor (or country), one column per outlet: the names it uses, descriptions and titles
    first, with counts; the most mentioned actors first."""
    def build():
        totals = names_in(view, voice).groupby([level, "outlet", "label", "kind"], as_index=False)["count"].sum()
        totals["rank"] = totals["kind"].map({kind: i for i, kind in enumerate(LABEL_KINDS)})
        cells = totals.sort_values(["rank", "count"], ascending=[True, False], kind="stable").groupby(
            [level, "outlet"])[["label", "kind", "count"]].apply(lambda g: ", ".join(
                f"{KIND_MARKS.get(kind, '')}{label} ×{count}" for label, kind, count in zip(
                    g["label"], g["kind"], g["count"], strict=True)))
        table = cells.unstack("outlet").reindex(columns=view.outlets).fillna("")
        mentions = totals.groupby(level)["count"].sum()
        named_by = totals.groupby(level)["outlet"].nunique()
        table.insert(0, "outlets", named_by.reindex(table.index).astype(int))
        table.insert(0, "mentions", mentions.reindex(table.index).astype(int))
        return table.sort_values(["mentions", "outlets"], ascending=False, kind="stable")  # the main actors first
    return view.kept(("naming_table", voice, level), build)


def articles_of(view) -> dict[str, list]:
    """Each outlet's article rows, in story order."""
    articles = view.analysis.articles
    return view.kept(("articles_of",), lambda: {
        outlet: list(articles[articles["outlet"] == outlet].itertuples(index=False)) for outlet in view.outlets})


def article_parts(view, article, categories: list[str], furniture: bool) -> list[str]:
    """Compare: one article's heading, counts of its hits and its text with them marked. Kept with every
    category chosen, as a class first opens the page (one per article and furniture switch, so memory stays
    bounded); any other choice is built for that run."""
    def build():
        analysis = view.analysis
        hits = analysis.spans_behind(article=article.article, category=categories)
        own, quoted = int((hits["voice"] == "narrator").sum()), int((hits["voice"] == "quote").sum())
        counts = f"{own} hits in its own words, {quoted} inside quotations ({article.words} words)"
        parts = [heading(article.outlet, level=3),
                 paragraph(" · ".join(v for v in (article.country, article.date) if v)), paragraph(counts)]
        if furniture:
            parts.append(removed_html(article.removed))
        if hits.empty and categories:
            parts.append(paragraph("No hits for the chosen categories in this article."))
        parts.append(article_html(analysis.document(article.article), hits, view.styles, view.notes))
        return parts
    if set(categories) == set(view.styles):
        return view.kept(("compare_article", article.article, furniture), build)
    return build()


def first_views(view) -> None:
    """Build what Overview, Compare, Words and Naming show as they first open, at the default text size."""
    outlets, font = view.outlets, CHART_FONT
    rate_grid(view, "narrator", font)
    for rows in articles_of(view).values():
        for article in rows:
            article_parts(view, article, list(view.styles), False)
    if len(outlets) >= 2:
        for outlet in outlets:
            term_bars(view, "narrator", outlet, font)
        outlet_scatter(view, "narrator", outlets[0], outlets[1], font)
    if not names_in(view, "narrator").empty:
        names_table(view, "narrator", "referent")
    if not view.analysis.statement_matrix().empty:
        statement_grid(view, font)
    if not view.analysis.unique_share().empty and len(outlets) >= 2:
        share_bars(view, font)
