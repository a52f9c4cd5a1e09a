"""Naming and statements: what each outlet calls each actor, which of a source's statements it
quoted, and how much of what it says no other outlet says. Each table or chart opens its evidence."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from framing.actor_corrections import Corrections, load_corrections
from framing.library.story_store import save_actor_corrections
from framing.render.charts import grid_width
from framing.render.highlight import evidence_html, heading, names_html, paragraph, wordings_html
from framing.stories import StoryError
from framing.voices import VOICE_LABELS
from views.kept import names_in, names_table, share_bars, statement_grid
from views.session import (
    chart_font,
    clicked_points,
    current_story,
    page_intro,
    plural,
    projector,
    remember,
    scrolling_chart,
    seed,
    show,
    url_choice,
)

OUTLET_COLUMN_PX = 120
ROW_LEVELS = {"referent": "actor", "group": "country (actors rolled up)"}


def correct_actors(view) -> None:
    """Merge, split, rename or drop the actors found in the articles; saved in the story's files."""
    analysis = view.analysis
    actors = {actor.name: actor for actor in analysis.actors}
    if not actors:
        return
    with st.expander("Correct the actors found in the articles"):
        st.caption("Actors are found in the articles by rules (see README, Naming). Corrections are saved in the "
                   "story's actors.yaml (for a bundled story, in your data folder) and kept after a restart.")
        saved = load_corrections(analysis.story) or Corrections()
        names = sorted(actors)
        merge, split, rename, drop = st.tabs(["Merge", "Split", "Rename", "Drop"])
        change, done = None, ""
        with merge:
            chosen = st.multiselect("Actors that are one (the first keeps its name)", names, key="actors_merge")
            if st.button("Merge", key="actors_merge_go", disabled=len(chosen) < 2):
                change = replace(saved, merge=(*saved.merge, tuple(chosen)))
                done = f"Merged {', '.join(chosen[1:])} into {chosen[0]}"
        with split:
            source = st.selectbox("Actor", names, key="actors_split_from")
            labels = sorted({m.text for m in actors[source].mentions}) if source else []
            label = st.selectbox("Mentions written as", labels, key="actors_split_label")
            target = st.text_input("Move them to (an actor's name, or a new one)", key="actors_split_to").strip()
            if st.button("Move", key="actors_split_go", disabled=not (label and target)):
                change = replace(saved, move=(*saved.move, (label, source, target)))
                done = f"Moved “{label}” from {source} to {target}"
        with rename:
            old = st.selectbox("Actor", names, key="actors_rename_from")
            new = st.text_input("New name", key="actors_rename_to").strip()
            if st.button("Rename", key="actors_rename_go", disabled=not new or new in actors):
                change = replace(saved, rename=(*saved.rename, (old, new)))
                done = f"Renamed {old} to {new}"
        with drop:
            false = st.selectbox("Not an actor", names, key="actors_drop")
            if st.button("Drop", key="actors_drop_go"):
                change = replace(saved, drop=(*saved.drop, false))
                done = f"Dropped {false}"
        made = corrections_made(saved)
        if made:
            undo = st.selectbox("Corrections saved, applied in this order", list(made), key="actors_undo")
            if st.button("Take back", key="actors_undo_go"):
                change, done = made[undo], f"Took back: {undo}"
        if change is not None:
            try:
                path = save_actor_corrections(analysis.story.path, change)
            except (StoryError, OSError) as error:
                st.error(str(error))
            else:
                st.session_state["actors_saved"] = f"{done}. Saved in {path}; the table and the speakers follow it."
                st.rerun()
        if saved_to := st.session_state.pop("actors_saved", None):
            st.success(saved_to)


def corrections_made(saved: Corrections) -> dict[str, Corrections]:
    """Each saved correction in words, with the corrections as they would be without it (its undo)."""
    made: dict[str, Corrections] = {}
    for i, names in enumerate(saved.merge):
        made[f"merge {', '.join(names[1:])} into {names[0]}"] = replace(saved, merge=_without(saved.merge, i))
    for i, (label, source, target) in enumerate(saved.move):
        made[f"move “{label}” from {source} to {target}"] = replace(saved, move=_without(saved.move, i))
    for i, (old, new) in enumerate(saved.rename):
        made[f"rename {old} to {new}"] = replace(saved, rename=_without(saved.rename, i))
    for i, name in enumerate(saved.drop):
        made[f"drop {name}"] = replace(saved, drop=_without(saved.drop, i))
    return made


def _without(entries: tuple, index: int) -> tuple:
    return entries[:index] + entries[index + 1:]


def chosen_row(view, table: pd.DataFrame, *, key: str, title: str):
    """The naming table, and the actor (or country) whose row the reader chose, or None. On a projector an
    HTML table with every cell whole at the page's large type, and a box to choose from; elsewhere
    Streamlit's table, whose rows are selected with a click."""
    if projector():
        show(view, names_html(table, row_title=title))
        return st.selectbox(f"{title.capitalize()} to read every mention of", list(table.index), index=None,
                            key=f"{key}_pick", placeholder="choose one")
    # narrow outlet columns so five outlets fit at 1366 pixels; a cell cut short is whole when its row is selected
    widths = {"mentions": st.column_config.NumberColumn("mentions", width="small"),
              "outlets": st.column_config.NumberColumn("outlets", width="small"),
              **{outlet: st.column_config.TextColumn(outlet, width=OUTLET_COLUMN_PX) for outlet in view.outlets}}
    picked = st.dataframe(table, on_select="rerun", selection_mode="single-row", key=key, width="stretch",
                          column_config=widths)
    rows = [row for row in (picked.selection.rows if picked else []) if row < len(table)]
    return table.index[rows[0]] if rows else None


view = current_story()
analysis = view.analysis
outlets = view.outlets

page_intro(__file__)
st.subheader("What each outlet calls each actor")
seed("naming_voice", url_choice("naming_voice", VOICE_LABELS, "narrator"))
voice = st.radio("Names used in", list(VOICE_LABELS), key="naming_voice", horizontal=True, format_func=VOICE_LABELS.get)
seed("naming_by", url_choice("naming_by", ROW_LEVELS, "referent"))
level = st.radio("One row per", list(ROW_LEVELS), key="naming_by", horizontal=True, format_func=ROW_LEVELS.get)
remember(naming_voice=voice, naming_by=level)
naming = names_in(view, voice)
if naming.empty:
    st.info("No actor is named in this voice. The lexicon's actor categories may not cover this story's actors.")
else:
    table = names_table(view, voice, level)
    st.caption("Actors most mentioned first, with how many outlets name them. Each cell: the names an outlet uses "
               "for the actor, with counts. Descriptions (◆ \"the regime\") "
               "and titles (▲ \"President Trump\") come first: they are choices that differ in meaning. Then "
               "names and courtesy titles (\"Mr. Kim\"), which are mostly house style. By country, each actor "
               "is rolled up into the country it belongs to (its institutions, officials and people). "
               + ("Choose an actor under the table to read every mention." if projector() else
                  "Select a row to read every mention."))
    chosen = chosen_row(view, table, key=f"naming_{voice}_{level}", title=ROW_LEVELS[level].split(" ")[0])
    if chosen is not None:
        referents = sorted(set(naming.loc[naming[level] == chosen, "referent"]))
        spans = analysis.spans_behind(referent=referents, voice=voice)
        show(view, heading(f"{chosen}: {plural(len(spans), 'mention')}, {VOICE_LABELS[voice]}", level=3))
        if level == "group":
            reasons = {actor.name: actor.group_reason for actor in analysis.actors if actor.name in referents}
            st.dataframe(pd.DataFrame({"actor": referents, "why in this group": [
                reasons.get(referent, "a lexicon referent: the country in its name, else itself")
                for referent in referents]}), hide_index=True, width="stretch")
        show(view, evidence_html(analysis.evidence(spans), view.styles))

    correct_actors(view)

st.subheader("Which statements each outlet quoted")
matrix = analysis.statement_matrix()
if matrix.empty:
    st.info("No direct quotation was found in these articles.")
else:
    carried = int((matrix != "").sum(axis=1).ge(2).sum())
    st.caption(f"{len(matrix)} statements, {carried} quoted by two outlets or more. A square: the outlet quoted it; "
               "a ring: it did not. Click a square to compare the wordings.")
    grid = statement_grid(view, chart_font())
    choice = scrolling_chart(grid, key="statements", min_width=grid_width(grid), on_select="rerun",
                             selection_mode="points")
    if points := clicked_points(choice):
        statement = points[0]["customdata"][1]
        quotes = analysis.quotations()
        quotes = quotes[quotes["statement"] == statement]
        show(view, heading(f"{statement}: {plural(len(quotes), 'quotation')}", level=3),
             wordings_html(quotes, outlets=outlets))

st.subheader("What only one outlet says")
share = analysis.unique_share()
if len(outlets) < 2 or share.empty:
    st.info("Shared and unique content needs two outlets or more.")
else:
    st.caption("Own-voice words in sentences that no other outlet's sentence resembles (unique) and in sentences "
               "that one does (shared, TF-IDF cosine 0.4 or more). Click a bar to read those sentences.")
    choice = st.plotly_chart(share_bars(view, chart_font()), on_select="rerun", selection_mode="points",
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
