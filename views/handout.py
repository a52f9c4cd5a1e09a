"""Handout and downloads: one HTML file for students to take home (opens offline, prints on A4), the
tables behind every number as CSV, and any chart as a PNG where Chromium is installed."""

import streamlit as st

from framing.distinctive import leading_terms
from framing.render.charts import distinctive_bars, rate_tiles, statement_tiles
from framing.render.exports import TABLES, csv_bytes, export_tables, export_zip
from framing.render.handout import DISTINCTIVE_TOP, SECTIONS, handout_file_name, handout_html
from framing.render.png import PngUnavailable, figure_png, find_browser
from framing.voices import VOICE_LABELS
from views.session import current_story, page_intro, plural, seed

PNG_WIDTH = 1200  # px before scaling: wide enough for a slide
PNG_SCALE = 2  # sharp on a projector and in print
PNG_FONT = 18  # px before scaling: read from the back of a classroom

view = current_story()
analysis = view.analysis
story = analysis.story

page_intro(__file__)
st.subheader("Choose what goes in")
seed("handout_outlets", list(story.outlets))
outlets = st.multiselect("Outlets", story.outlets, key="handout_outlets",
                         help="The handout, the CSVs and the charts show only these outlets.")
seed("handout_sections", list(SECTIONS))
sections = st.multiselect("Sections of the handout", list(SECTIONS), key="handout_sections",
                          format_func=SECTIONS.get)
if not outlets:
    st.warning("Choose at least one outlet.")
    st.stop()
outlets = [outlet for outlet in story.outlets if outlet in outlets]  # the story's order, whatever the click order

st.subheader("Handout")
choice = (view, tuple(outlets), tuple(sections))
built = st.session_state.get("handout_built")
if not built or built[0] is not view or built[1:3] != choice[1:]:  # one handout kept per session
    with st.spinner("Making the handout…"):
        document = handout_html(analysis, outlets, view.styles, view.notes, include=sections).encode("utf-8")
    built = st.session_state["handout_built"] = (*choice, document)
document = built[3]
st.caption(f"One HTML file of {len(document) / 1_000_000:.1f} MB for {plural(len(outlets), 'outlet')} and "
           f"{plural(len(sections), 'section')}. It holds its charts and their script, so it opens without the "
           "internet; print it from the browser (A4, each section on a new page).")
st.download_button("Download the handout (HTML)", document, file_name=handout_file_name(analysis),
                   mime="text/html", icon=":material/download:", on_click="ignore", key="handout_download")

st.subheader("Tables as CSV")
st.caption("Every count traces to rows of the spans table: its start and end are character offsets into the "
           "article's cleaned text. The ZIP adds those texts and a README that explains each column.")
tables = export_tables(analysis, outlets)
buttons = st.container(horizontal=True)  # each as wide as its label, onto a new line when the row is full
for name in TABLES:
    buttons.download_button(f"{name.capitalize()} ({len(tables[name]):,} rows)", csv_bytes(tables[name]),
                            file_name=f"{story.slug}-{name}.csv", mime="text/csv", icon=":material/download:",
                            on_click="ignore", key=f"csv_{name}")
buttons.download_button("All, with README (ZIP)", export_zip(analysis, outlets),
                        file_name=f"{story.slug}-tables.zip", mime="application/zip",
                        icon=":material/download:", on_click="ignore", key="csv_zip")

st.subheader("A chart as a picture (PNG)")
terms = analysis.distinctive(top=DISTINCTIVE_TOP)
charts = {
    "tiles_narrator": (f"Overview tiles, {VOICE_LABELS['narrator']}",
                       lambda: rate_tiles(analysis.scores, view.styles, voice="narrator", outlets=outlets,
                                          font_size=PNG_FONT)),
    "tiles_quote": (f"Overview tiles, {VOICE_LABELS['quote']}",
                    lambda: rate_tiles(analysis.scores, view.styles, voice="quote", outlets=outlets,
                                       font_size=PNG_FONT)),
    "statements": ("Which outlet quoted which statement", lambda: statement_tiles(
        analysis.statement_matrix()[outlets], dict(zip(analysis.statements()["statement"],
                                                       analysis.statements()["speaker"], strict=True)),
        font_size=PNG_FONT)),
    **{f"distinctive_{i}": (f"Most distinctive words: {outlet}", lambda outlet=outlet: distinctive_bars(
        leading_terms(terms, outlet), outlet, font_size=PNG_FONT)) for i, outlet in enumerate(outlets)},
}
picked = st.selectbox("Chart", list(charts), format_func=lambda key: charts[key][0], key="png_chart")
if find_browser() is None:
    st.warning("PNG export needs Chromium: on Debian/Ubuntu run `sudo apt install chromium`. "
               "The HTML handout and the CSVs above work without it.")
elif st.button("Make PNG", icon=":material/image:", key="png_make"):
    figure = charts[picked][1]()
    try:
        with st.spinner("Drawing the chart in Chromium…"):
            st.session_state["png_made"] = (picked, outlets, figure_png(
                figure, width=PNG_WIDTH, height=figure.layout.height or 600, scale=PNG_SCALE))
    except PngUnavailable as error:
        st.warning("The PNG could not be made. The HTML handout and the CSVs work without it. What went wrong:")
        st.code(str(error), language=None, wrap_lines=True)
made = st.session_state.get("png_made")
if made and made[:2] == (picked, outlets):
    st.image(made[2], caption="The PNG, as it will download")
    st.download_button("Download the PNG", made[2], file_name=f"{story.slug}-{picked}.png", mime="image/png",
                       icon=":material/download:", on_click="ignore", key="png_download")
