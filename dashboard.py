"""The dashboard: `streamlit run dashboard.py`. Composes and renders; the analysis lives in framing/.

This script runs on every page: it sets the page up, draws the sidebar (story, lexicon and text size) and
hands over to the page chosen in the navigation. Pages live in views/.
"""

import sys

import streamlit as st

from framing.lexicon import DEFAULT_NAME
from framing.storage import use_data_dir_argument
from views.pages import DEFAULT_PAGE, PAGES
from views.session import (
    DEFAULT_TEXT_SIZE,
    LEXICON_KEY,
    PAGE_STYLE,
    PROJECTOR_KEY,
    PROJECTOR_STYLE,
    PROJECTOR_TEXT_SIZE,
    STORY_KEY,
    TEXT_SIZE_KEY,
    forget_page_choices,
    lexicon_catalogue,
    new_page_run,
    remember,
    seed,
    story_catalogue,
)

use_data_dir_argument(sys.argv[1:])  # streamlit run dashboard.py -- --data-dir PATH
seed(PROJECTOR_KEY, st.query_params.get("projector") == "on")
# On a projector the sidebar (the teacher's controls) starts folded away; its arrow opens it.
st.set_page_config(page_title="Framing: one story, many outlets", page_icon=":material/newspaper:", layout="wide",
                   initial_sidebar_state="collapsed" if st.session_state[PROJECTOR_KEY] else "auto")
st.html(PAGE_STYLE)

sections: dict[str, list] = {}
for spec in PAGES:
    sections.setdefault(spec.section, []).append(st.Page(
        spec.script, title=spec.title, icon=spec.icon, default=spec is DEFAULT_PAGE,
        **({"url_path": spec.url_path} if spec.url_path else {})))
page = st.navigation(sections)

catalogue = story_catalogue()
if not catalogue:
    st.error("No stories found. Add a story folder (a story.yaml and an articles/ folder) under data/stories/.")
    st.stop()
asked = st.query_params.get("story", "")
if asked and asked not in catalogue and STORY_KEY not in st.session_state:
    st.warning("The link names a story that is not here, so the first story is shown instead. The name was:")
    st.code(asked, language=None)
seed(STORY_KEY, asked if asked in catalogue else next(iter(catalogue)))
if st.session_state[STORY_KEY] not in catalogue:  # the story chosen was deleted on the Import page
    st.session_state[STORY_KEY] = next(iter(catalogue))
lexicons = lexicon_catalogue()
seed(LEXICON_KEY, st.query_params.get("lexicon", DEFAULT_NAME))
if st.session_state[LEXICON_KEY] not in lexicons:  # a link to, or a choice of, a lexicon that has gone
    st.session_state[LEXICON_KEY] = DEFAULT_NAME
with st.sidebar:
    st.selectbox("Story", list(catalogue), key=STORY_KEY, format_func=lambda slug: catalogue[slug][0],
                 on_change=forget_page_choices)
    st.selectbox("Lexicon", list(lexicons), key=LEXICON_KEY,
                 help="The word lists every page counts with. Make your own on the Lexicon page.")
    st.toggle("Projector mode", key=PROJECTOR_KEY,
              help="The largest type everywhere, charts included, two outlets side by side in Compare, and this "
                   "sidebar folded away when the page opens. Kept in the address, so a link opens it so.")
    st.slider("Text size", min_value=12, max_value=PROJECTOR_TEXT_SIZE, value=DEFAULT_TEXT_SIZE, step=2,
              key=TEXT_SIZE_KEY, disabled=st.session_state[PROJECTOR_KEY],
              help="Size of the article texts, evidence lines and charts; larger for a projector.")
    st.caption("Light or dark: open the ⋮ menu at the top right and choose Light, Dark or System.")
if st.session_state[PROJECTOR_KEY]:
    st.html(PROJECTOR_STYLE)
remember(story=st.session_state[STORY_KEY], projector="on" if st.session_state[PROJECTOR_KEY] else None,
         lexicon=None if st.session_state[LEXICON_KEY] == DEFAULT_NAME else st.session_state[LEXICON_KEY])
new_page_run()
page.run()
