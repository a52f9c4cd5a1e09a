"""Compare: two to five outlets side by side, their cleaned texts with every lexicon hit marked."""

import streamlit as st

from framing.render.highlight import legend_html, paragraph
from views.kept import article_parts, articles_of
from views.session import (
    PROJECTOR_COLUMNS,
    columns_that_fit,
    current_story,
    page_intro,
    projector,
    remember,
    seed,
    show,
    url_values,
)

MAX_COLUMNS = 5


def per_row(chosen: int) -> int:
    """How many outlets a row holds at the current text size (more chosen than that go on the next row)."""
    return max(1, min(chosen, PROJECTOR_COLUMNS if projector() else columns_that_fit(MAX_COLUMNS)))


view = current_story()
analysis = view.analysis
outlets = view.outlets
page_intro(__file__)

columns = PROJECTOR_COLUMNS if projector() else MAX_COLUMNS  # on a projector, two outlets read side by side
seed("compare_outlets", url_values("outlet", outlets, limit=columns) or outlets[:columns])
if len(st.session_state["compare_outlets"]) > columns:  # projector mode switched on with more chosen
    st.session_state["compare_outlets"] = st.session_state["compare_outlets"][:columns]
seed("compare_categories", url_values("category", view.styles) or list(view.styles))

left, right = st.columns([3, 2])
chosen = left.multiselect("Outlets side by side", outlets, key="compare_outlets", max_selections=columns,
                          help=f"Pick two to {columns}; they appear left to right in this order.")
categories = right.multiselect("Categories to highlight", list(view.styles), key="compare_categories",
                               format_func=lambda c: f"{view.styles[c].number} {view.styles[c].name}")
furniture = st.toggle("Show the page furniture that cleaning removed (bylines, share buttons, captions…)",
                      key="compare_furniture")
remember(outlet=chosen, category=categories if set(categories) != set(view.styles) else [])

show(view, legend_html(view.styles, categories),
     paragraph("Hover over a highlighted word, or click it, to see why it is flagged."))
if len(outlets) < 2:
    st.info("This story has one outlet, so there is nothing to set beside it yet. Its text is shown below.")
    chosen = outlets
elif not chosen:
    st.info("Choose at least one outlet above to see its text.")
    st.stop()
elif len(chosen) == 1:
    st.caption("Add a second outlet to read them side by side.")
if not categories:
    st.caption("No category is chosen, so nothing is highlighted.")

width = per_row(len(chosen))
places = [column for _ in range(0, len(chosen), width) for column in st.columns(width)]  # row after row
for column, outlet in zip(places, chosen, strict=False):
    with column:
        for article in articles_of(view)[outlet]:
            show(view, *article_parts(view, article, categories, furniture))
