"""Discussion prompts: open questions from the story's largest contrasts between outlets, each with its
counts and, one click away, the sentences behind them. A teacher can download them for their notes."""

import streamlit as st

from framing.classroom.prompts import discussion_prompts, prompts_markdown
from framing.render.highlight import evidence_html, heading, paragraph
from views.session import current_story, page_intro, plural, seed, show

MOST = 20

view = current_story()
analysis = view.analysis
page_intro(__file__)

if len(view.outlets) < 2:
    st.info("Discussion prompts compare outlets, so they need a story with two outlets or more. This story has one.")
    st.stop()
every = view.kept(("prompts", MOST), lambda: discussion_prompts(analysis, top=MOST))
if not every:
    st.info("No contrast between the outlets was found: they name the actors alike, quote alike and use each kind "
            "of framing word at similar rates.")
    st.stop()

seed("discuss_top", min(8, len(every)))
top = st.slider("How many prompts", min_value=1, max_value=len(every), key="discuss_top") if len(every) > 1 else 1
prompts = every[:top]
st.caption("Each prompt comes from a contrast between outlets: the names they use for an actor, the verbs that "
           "introduce a quotation, what they quote, their distancing words, and how often they use a kind of word. "
           "The largest contrast of each kind comes first. Open “Evidence” to read the words behind the numbers.")
st.download_button("Download these prompts (Markdown, for your notes)",
                   prompts_markdown(prompts, title=analysis.story.title).encode("utf-8"),
                   file_name=f"prompts-{st.session_state['story']}.md", mime="text/markdown")

for number, prompt in enumerate(prompts, 1):
    with st.container(border=True):
        show(view, heading(f"{number}. {prompt.question}", level=3), paragraph(prompt.summary))
        st.dataframe(prompt.figures, hide_index=True, width="content")
        with st.expander(f"Evidence: {plural(len(prompt.evidence), 'line')}"):
            show(view, evidence_html(analysis.evidence(prompt.evidence), view.styles))
