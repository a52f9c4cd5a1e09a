"""Words: the terms that set each outlet apart, one outlet against another, and any term in context.
Clicking a bar or a point puts its term in the keyword-in-context box."""

import streamlit as st

from framing.evidence import keyword_in_context
from framing.render.charts import SCATTER_WIDTH
from framing.render.highlight import evidence_html, heading, paragraph
from framing.voices import VOICE_LABELS
from views.kept import outlet_scatter, term_bars
from views.session import (
    LABELS_ON_PAGE,
    chart_font,
    clicked_points,
    current_story,
    page_intro,
    plural,
    remember,
    scrolling_chart,
    seed,
    show,
    url_choice,
)

SCOPES = {"narrator": VOICE_LABELS["narrator"], "all": "all text, quotations included"}

view = current_story()
analysis = view.analysis
outlets = view.outlets
page_intro(__file__)


def pick_term(chart_key: str, position: int) -> None:
    """A chart click: its term goes to the keyword-in-context box, and the charts start afresh
    (new keys), so that clicking the same bar again later picks it again rather than unselecting it."""
    if points := clicked_points(st.session_state.get(chart_key)):
        st.session_state["term"] = str(points[0]["customdata"][position])
        st.session_state["picks"] += 1


seed("words_scope", url_choice("scope", SCOPES, "narrator"))
seed("term", st.query_params.get("term", ""))
seed("picks", 0)
scope = st.radio("Count the words in", list(SCOPES), key="words_scope", horizontal=True, format_func=SCOPES.get)

st.subheader("Distinctive terms")
if len(outlets) < 2:
    st.info("Distinctive terms compare one outlet with the others, so they need a story with two outlets or more.")
else:
    st.caption("Bar length: log-odds z with an informative prior (Monroe et al. 2008), outlet against all others. "
               "It ranks terms; with texts this short it is not a significance test. Beside each term: its uses "
               "in this outlet / in all the others. "
               "Click a bar to read the term in context below.")
    table = analysis.distinctive(scope=scope, top=10)
    font = chart_font()
    grid = 3 if font <= 16 else 2 if font <= 20 else 1  # larger type: fewer, wider charts a row, labels whole
    for start in range(0, len(outlets), grid):
        for column, outlet in zip(st.columns(grid), outlets[start:start + grid], strict=False):
            key = f"bars_{scope}_{outlet}_{st.session_state['picks']}"
            column.plotly_chart(term_bars(view, scope, outlet, font), key=key,
                                on_select=lambda key=key: pick_term(key, 1), selection_mode="points",
                                width="stretch")
    with st.expander("Exclusive terms: used twice or more by one outlet and by no other"):
        exclusive = table[table["method"] == "exclusive"][["outlet", "term", "count"]]
        if exclusive.empty:
            st.write("No term is used twice by one outlet and never by the others.")
        else:
            st.dataframe(exclusive, hide_index=True, width="stretch")

    st.subheader("One outlet against another")
    seed("scatter_first", outlets[0])
    seed("scatter_second", outlets[1])
    left, right = st.columns(2)
    first = left.selectbox("Across (x)", outlets, key="scatter_first")
    second = right.selectbox("Up (y)", [o for o in outlets if o != first], key="scatter_second")
    st.caption("Each point is a term, placed by how often each outlet uses it. Terms near an axis belong to one "
               "outlet; the most one-sided are labelled. Click a point to read it in context.")
    key = f"scatter_{scope}_{first}_{second}_{st.session_state['picks']}"
    with st.container(key=LABELS_ON_PAGE):
        scrolling_chart(outlet_scatter(view, scope, first, second, font), key=key, min_width=SCATTER_WIDTH,
                        on_select=lambda: pick_term(key, 0), selection_mode="points")

st.subheader("Keyword in context")
term = st.text_input("Term", key="term", placeholder="for example: regime, Takfiri, so-called",
                     help="Any word or phrase; case is ignored, and “Assad’s” counts as “Assad”.").strip()
remember(scope=scope, term=term)
if not term:
    st.caption("Type a term, or click a bar or a point above.")
else:
    lines = keyword_in_context(analysis.documents, term)
    own = lines[lines["voice"] == "narrator"].groupby("outlet").size()
    quoted = lines[lines["voice"] == "quote"].groupby("outlet").size()
    summary = ", ".join(
        f"{outlet} {own.get(outlet, 0)}" + (f" (+{quoted[outlet]} quoted)" if outlet in quoted else "")
        for outlet in outlets
    )
    parts = [heading(f"“{term}”: {plural(len(lines), 'occurrence')}", level=3), paragraph(summary)]
    if lines.empty:
        parts.append(paragraph("No outlet uses this term."))
    else:
        parts.append(evidence_html(lines))
    show(view, *parts)
