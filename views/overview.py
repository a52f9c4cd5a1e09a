"""Overview: the story, one card per outlet, and the category-by-outlet rates with their counts.
Clicking a square lists the hits behind it, each in its sentence."""

import pandas as pd
import streamlit as st

from framing.render.charts import grid_width
from framing.render.highlight import evidence_html, heading, legend_html, paragraph
from framing.render.markup import html_text
from framing.voices import VOICE_LABELS
from views.kept import rate_grid
from views.session import (
    chart_font,
    clicked_points,
    columns_that_fit,
    current_story,
    page_intro,
    plural,
    remember,
    scrolling_chart,
    seed,
    show,
    url_choice,
)

view = current_story()
analysis = view.analysis
story = analysis.story

events = {event.id: event for event in story.events}
page_intro(__file__)
show(view, heading(story.title, level=2), paragraph(story.summary))

st.subheader("The outlets")
width = columns_that_fit(min(len(story.outlets), 5) or 1)  # at a large text size, fewer cards a row
columns = [column for _ in range(0, len(analysis.articles), width) for column in st.columns(width)]
# a fact no article has (an imported story without dates, say) is left off every card rather than shown as
# a column of dashes; one that some have shows a dash where it is missing, for comparing
known = {"Country", "Words analysed"} | {name for name, column in (("Ownership", "ownership"), ("Reports", "event"),
                                                                   ("Date", "date")) if analysis.articles[column].any()}
for i, row in enumerate(analysis.articles.itertuples(index=False)):
    event = events.get(row.event)
    facts = [
        ("Country", row.country), ("Ownership", row.ownership),
        ("Reports", event.description if event and event.description else row.event), ("Date", row.date),
        ("Words analysed", f"{row.words:,} ({row.words_narrator:,} own voice, {row.words_quote:,} quoted)"),
    ]
    items = "".join(f"<dt>{html_text(name)}</dt><dd>{html_text(value or '—')}</dd>" for name, value in facts
                    if name in known)
    with columns[i].container(border=True):
        show(view, heading(row.outlet, level=3), paragraph(row.headline, css_class="headline"), f"<dl>{items}</dl>")
if len(story.outlets) < 2:
    st.info("This story has one outlet. Add a second outlet's article to compare how they frame it.")

st.subheader("How often each outlet uses each kind of framing word")
seed("voice", url_choice("voice", VOICE_LABELS, "narrator"))
voice = st.radio("Count the words in", list(VOICE_LABELS), key="voice", horizontal=True,
                 format_func=VOICE_LABELS.get,
                 help="An outlet's own words are its framing; quotations are its sources' words that it chose.")
st.caption("Each square: the number of hits (bold) and hits per 1,000 words in that voice. "
           "Rates from a few hits in a short text are weak evidence. Click a square to see the words.")
font = chart_font()
tiles = rate_grid(view, voice, font)
choice = scrolling_chart(tiles, key=f"tiles_{voice}", min_width=grid_width(tiles), on_select="rerun",
                         selection_mode="points")
remember(voice=voice)

points = clicked_points(choice)
if not points:
    st.caption("No square selected yet: click one to list the hits behind it.")
else:
    outlet, category = points[0]["customdata"][:2]
    spans = analysis.spans_behind(outlet=outlet, category=category, voice=voice)
    name = view.styles[category].name if category in view.styles else category
    title = f"{outlet} · {name} · {VOICE_LABELS[voice]}: {plural(len(spans), 'hit')}"
    parts = [heading(title, level=3)]
    if spans.empty:
        parts.append(paragraph("No hits here: this outlet does not use this kind of word in this voice."))
    else:
        parts.append(evidence_html(analysis.evidence(spans), view.styles))
    show(view, *parts)

with st.expander("Key to the categories"):
    show(view, legend_html(view.styles, list(view.styles)))
    key = view.kept(("category_key",), lambda: pd.DataFrame(  # built once per story, not per run
        [{"number": s.number, "category": s.name, "what it finds": s.description, "for discussion": s.teaching_note}
         for s in view.styles.values()]))
    st.dataframe(key, hide_index=True, width="stretch")
