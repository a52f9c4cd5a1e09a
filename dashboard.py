"""The dashboard: `streamlit run dashboard.py`. Composes and renders; the analysis lives in framing/."""

import streamlit as st

from framing import analyse, bundled_stories, load_lexicon, load_story

st.set_page_config(page_title="Framing: one story, many outlets", layout="wide")


@st.cache_data(show_spinner="Analysing the articles…")
def load_analysis(story_path: str):
    result = analyse(load_story(story_path), load_lexicon())
    names = {category.id: category.name for category in result.lexicon.categories}
    return result.story, result.articles, result.scores.assign(category=result.scores["category"].map(names))


stories = {story.title: story.path for story in bundled_stories()}
if not stories:
    st.error("No stories found under data/stories/. Add a story folder with a story.yaml to begin.")
    st.stop()

title = st.selectbox("Story", list(stories))
story, articles, scores = load_analysis(stories[title])
st.title(story.title)
st.caption(story.summary)

st.subheader("Outlets")
st.dataframe(
    articles[["outlet", "country", "ownership", "event", "date", "words_narrator", "words_quote"]],
    hide_index=True,
    column_config={
        "words_narrator": st.column_config.NumberColumn("words, own voice"),
        "words_quote": st.column_config.NumberColumn("words, quoted"),
    },
)

st.subheader("Framing hits by category")
voice = st.radio("Voice", ["narrator", "quote", "all"], horizontal=True,
                 format_func={"narrator": "outlet's own words", "quote": "quotations", "all": "all text"}.get)
shown = scores[scores["voice"] == voice]
table = shown.pivot(index="category", columns="outlet", values="count").reindex(shown["category"].unique())
rates = shown.pivot(index="category", columns="outlet", values="per_1000").reindex(table.index)
st.caption("Counts of lexicon hits. Small counts are small evidence: one hit in a 200-word text is 5 per 1,000.")
st.dataframe(table)
st.caption("The same hits per 1,000 words in that voice.")
st.dataframe(rates.round(1))
