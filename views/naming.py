"""Naming and statements: what each outlet calls each actor, which of a source's statements it
quoted, and how much of what it says no other outlet says. Each table or chart opens its evidence."""

import pandas as pd
import streamlit as st

from framing.render.charts import statement_tiles, unique_share_bars
from framing.render.highlight import evidence_html, heading, paragraph
from framing.voices import VOICE_LABELS
from views.session import clicked_points, current_story, plural, remember, seed, show, url_choice

view = current_story()
analysis = view.analysis
outlets = view.outlets

st.subheader("What each outlet calls each actor")
seed("naming_voice", url_choice("naming_voice", VOICE_LABELS, "narrator"))
voice = st.radio("Names used in", list(VOICE_LABELS), key="naming_voice", horizontal=True, format_func=VOICE_LABELS.get)
remember(naming_voice=voice)
naming = analysis.naming()
if voice != "all":
    naming = naming[naming["voice"] == voice]
if naming.empty:
    st.info("No actor is named in this voice. The lexicon's actor categories may not cover this story's actors.")
else:
    totals = naming.groupby(["referent", "outlet", "label"], as_index=False)["count"].sum()
    cells = totals.sort_values("count", ascending=False, kind="stable").groupby(["referent", "outlet"])[
        ["label", "count"]].apply(lambda g: ", ".join(f"{label} ×{count}" for label, count in zip(
            g["label"], g["count"], strict=True)))
    table = cells.unstack("outlet").reindex(columns=outlets).fillna("")
    st.caption("Each cell: the names an outlet uses for the actor, most frequent first, with counts. "
               "Select a row to read every mention of that actor.")
    picked = st.dataframe(table, on_select="rerun", selection_mode="single-row", key=f"naming_{voice}",
                          width="stretch")
    rows = [row for row in (picked.selection.rows if picked else []) if row < len(table)]
    if rows:
        referent = table.index[rows[0]]
        spans = analysis.spans_behind(referent=referent, voice=voice)
        show(view, heading(f"{referent}: {plural(len(spans), 'mention')}, {VOICE_LABELS[voice]}", level=3),
             evidence_html(analysis.evidence(spans), view.styles))

st.subheader("Which statements each outlet quoted")
matrix = analysis.statement_matrix()
if matrix.empty:
    st.info("No direct quotation was found in these articles.")
else:
    statements = analysis.statements()
    speakers = dict(zip(statements["statement"], statements["speaker"], strict=True))
    carried = int((matrix != "").sum(axis=1).ge(2).sum())
    st.caption(f"{len(matrix)} statements, {carried} quoted by two outlets or more. A square: the outlet quoted it; "
               "a ring: it did not. Click a square to compare the wordings.")
    grid = view.figure(("statements",), lambda: statement_tiles(matrix, speakers))
    choice = st.plotly_chart(grid, on_select="rerun", selection_mode="points",
                             key="statements", width="stretch")
    if points := clicked_points(choice):
        statement = points[0]["customdata"][1]
        quotes = analysis.quotations()
        quotes = quotes[quotes["statement"] == statement][["outlet", "speaker", "verb", "text"]]
        show(view, heading(f"{statement}: {plural(len(quotes), 'quotation')}", level=3))
        st.dataframe(quotes, hide_index=True, width="stretch")

st.subheader("What only one outlet says")
share = analysis.unique_share()
if len(outlets) < 2 or share.empty:
    st.info("Shared and unique content needs two outlets or more.")
else:
    st.caption("Own-voice words in sentences that no other outlet's sentence resembles (unique) and in sentences "
               "that one does (shared, TF-IDF cosine 0.4 or more). Click a bar to read those sentences.")
    bars = view.figure(("unique_share",), lambda: unique_share_bars(share))
    choice = st.plotly_chart(bars, on_select="rerun", selection_mode="points",
                             key="coverage", width="stretch")
    if points := clicked_points(choice):
        outlet, part = points[0]["customdata"][:2]
        coverage = analysis.coverage()
        sentences = coverage[(coverage["outlet"] == outlet) & (coverage["unique"] == (part == "unique"))
                             & (coverage["words_narrator"] > 0)]  # quotation-only sentences add nothing to the bar
        closest = [f"{c['outlet']} ({s:.2f})" for c, s in zip(sentences["closest"], sentences["similarity"],
                                                              strict=True)]
        show(view, heading(f"{outlet}: {len(sentences)} {part} sentences", level=3),
             paragraph("Closest sentence elsewhere in brackets, by cosine similarity."))
        st.dataframe(pd.DataFrame({"sentence": sentences["text"], "closest elsewhere": closest,
                                   "own-voice words": sentences["words_narrator"]}), hide_index=True, width="stretch")
