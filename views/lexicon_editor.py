"""Lexicon: edit categories and terms as tables, checked on every edit by the rules of lexicon files,
with the story's scores under the edited lexicon beside the current ones, a comparison with the
default, and saving as a named lexicon that the sidebar can then use."""

import hashlib
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from framing import LexiconError, analyse, load_lexicon, load_story
from framing.lexicon import DEFAULT_LEXICON, DEFAULT_NAME
from framing.library.lexicon_edit import (
    CATEGORY_COLUMNS,
    TERM_COLUMNS,
    bundled_names,
    categories_frame,
    delete_lexicon,
    hit_changes,
    lexicon_diff,
    lexicon_yaml,
    save_lexicon,
    score_change,
    sources_data,
    terms_frame,
    validate,
)
from framing.render.highlight import evidence_html, heading
from framing.storage import StorageError
from framing.voices import VOICE_LABELS
from views.session import (
    CANDIDATES_KEY,
    LEXICON_KEY,
    LEXICON_WORK,
    STORY_KEY,
    StoryView,
    current_lexicon_path,
    current_story,
    delete_undoably,
    deletion_notice,
    lexicon_catalogue,
    page_intro,
    plural,
    seed,
    show,
    story_catalogue,
    story_fingerprint,
)

CATEGORY_COLUMN_CONFIG = {  # how the Categories table and form show each of lexicon_edit.CATEGORY_COLUMNS
    "id": st.column_config.TextColumn("id", help="lowercase_with_underscores; what the span table records"),
    "name": st.column_config.TextColumn("name", help="The name students see"),
    "description": st.column_config.TextColumn("description", width="large"),
    "teaching_note": st.column_config.TextColumn("teaching note", width="large",
                                                 help="Why a hit matters, addressed to a student"),
    "story": st.column_config.TextColumn("story", help="The story (folder name) the category was written for; "
                                         "empty for any story"),
    "scare_quotes": st.column_config.CheckboxColumn("scare quotes", help="On one category only: it also counts "
                                                    "short phrases in scare quotes"),
    "skip_negated": st.column_config.CheckboxColumn("skip negated", help="Leave out a hit just after not, no, "
                                                    "never…"),
}


TERM_COLUMN_CONFIG = {  # how the terms table and form show each of lexicon_edit.TERM_COLUMNS
    "category": st.column_config.TextColumn("category"),
    "term": st.column_config.TextColumn("term", help="Words, spaces, hyphens and apostrophes; a * at the end of "
                                        "a word matches any ending (terroris*)"),
    "referent": st.column_config.TextColumn("referent", help="The actor a name or label points to"),
    "note": st.column_config.TextColumn("note", width="large", help="Why this term is in this category"),
    "pos": st.column_config.TextColumn("part of speech", help="noun, verb, adjective or adverb (comma between "
                                       "several): only that use counts"),
    "forms": st.column_config.TextColumn("forms", help="Other forms it matches, comma between them "
                                         "(complains, complained)"),
    "match_case": st.column_config.CheckboxColumn("match case", help="Match capitals exactly (US, IS)"),
}
TERM_TEXTS = ("term", "referent", "note", "pos", "forms")  # the boxes of the term form, after its category
CATEGORY_FLAGS = ("scare_quotes", "skip_negated")
CATEGORY_TEXTS = tuple(field for field in CATEGORY_COLUMNS if field not in CATEGORY_FLAGS)
LONG_FIELDS = ("description", "teaching_note")


@st.cache_resource(show_spinner=False)
def default_lexicon():
    return load_lexicon(DEFAULT_LEXICON)


@st.cache_resource(show_spinner="Scoring the story with the edited lexicon…", max_entries=4)
def preview(story_path: str, fingerprint: tuple, lexicon_text: str, _lexicon) -> StoryView:
    """The story at `story_path` analysed with the edited lexicon. Keyed by what decides the result:
    the story's files as they are on disk (any change gives a new fingerprint) and the lexicon's text."""
    return StoryView.of(analyse(load_story(story_path), _lexicon))


def working_copy(start: str, path: str) -> dict:
    """The edits made from the lexicon `start`, kept in the session so they survive reruns and
    visits to other pages. `categories`/`terms` are the tables as changed so far; `version` counts the
    changes, and `rows` per table the ones that added or removed its rows (which clear what is chosen in it).    """
    key = LEXICON_WORK + start
    if key not in st.session_state:
        try:
            lexicon = load_lexicon(path)
        except LexiconError as error:
            st.error("This lexicon cannot be read, so it cannot be edited here. What went wrong, and where:")
            st.code(str(error), language=None, wrap_lines=True)
            st.stop()
        st.session_state[key] = {"base": lexicon, "categories": categories_frame(lexicon),
                                 "terms": terms_frame(lexicon), "version": 0,
                                 "rows": {"categories": 0, "terms": 0}}
    return st.session_state[key]


def replace_tables(work: dict, categories: pd.DataFrame, terms: pd.DataFrame) -> None:
    """Make the given tables the new starting point, and show them afresh. What is chosen in them stays
    chosen unless rows came or went."""
    tables = {"categories": categories.reset_index(drop=True), "terms": terms.reset_index(drop=True)}
    rows = {name: work["rows"][name] + (len(table) != len(work[name])) for name, table in tables.items()}
    work.update(tables, version=work["version"] + 1, rows=rows)
    st.rerun()


def form_tag(row: int | None, current: dict) -> str:
    """A chosen row's form stays the same form (what is typed in it stays) until the row's values change,
    when it is drawn afresh with them; a new row's form is always the same form."""
    if row is None:
        return "new"
    return f"{row}:{hashlib.sha256(repr(sorted(current.items())).encode()).hexdigest()[:12]}"


def use_lexicon(name: str) -> None:
    st.session_state[LEXICON_KEY] = name  # in a callback: before the sidebar's selectbox is drawn


def start_section(catalogue: dict[str, str]) -> tuple[str, dict]:
    """The lexicon the edits start from, and the edits made from it so far."""
    seed("lexicon_start", st.session_state.get(LEXICON_KEY, DEFAULT_NAME))
    if st.session_state["lexicon_start"] not in catalogue:
        st.session_state["lexicon_start"] = DEFAULT_NAME
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    start = left.selectbox("Start from", list(catalogue), key="lexicon_start",
                           help="Edits are kept for each lexicon you start from until you start again.")
    work = working_copy(start, catalogue[start])
    if right.button("Start again", help="Forget the edits made to this lexicon", width="stretch"):
        del st.session_state[LEXICON_WORK + start]
        st.rerun()
    return start, work


def category_form(start: str, work: dict) -> tuple[int | None, dict | None, bool]:
    """The categories as a table, and a form for the one chosen (or a new one). The form's text boxes hold
    each keystroke until one of its buttons is pressed, so no rerun drops what was typed. Returns the row
    changed (None: a new one), its values as typed (None: nothing sent), and whether it is to be removed."""
    categories = work["categories"]
    st.subheader("Categories")
    st.dataframe(categories, hide_index=True, column_config=CATEGORY_COLUMN_CONFIG, width="stretch")
    row = st.selectbox("Change a category, or add one", [None, *range(len(categories))],
                       key=f"lexicon_category_choice:{start}:{work['rows']['categories']}",
                       format_func=lambda i: "A new category" if i is None else
                       f"{categories.loc[i, 'id']}: {categories.loc[i, 'name']}")
    current = categories.loc[row].to_dict() if row is not None else dict.fromkeys(CATEGORY_COLUMNS, "")
    tag = form_tag(row, current)  # after Apply the category stays chosen, its form showing what was applied
    with st.form(f"lexicon_category_form:{start}:{tag}", enter_to_submit=False, clear_on_submit=row is None):
        values = {}
        for names in (("id", "name", "story"), ("description", "teaching_note")):
            for column, field in zip(st.columns(len(names)), names, strict=True):
                box = column.text_area if field in LONG_FIELDS else column.text_input
                values[field] = box(CATEGORY_COLUMN_CONFIG[field]["label"], value=str(current[field]),
                                    help=CATEGORY_COLUMN_CONFIG[field].get("help"),
                                    key=f"lexicon_category_{field}:{start}:{tag}")
        for column, field in zip(st.columns(2), CATEGORY_FLAGS, strict=True):
            values[field] = column.checkbox(CATEGORY_COLUMN_CONFIG[field]["label"], value=bool(current[field]),
                                            help=CATEGORY_COLUMN_CONFIG[field].get("help"),
                                            key=f"lexicon_category_{field}:{start}:{tag}")
        if row is None:  # a category needs a term: its first ones come with it
            values["terms"] = st.text_input("Its first terms (comma between them)",
                                            key=f"lexicon_category_terms:{start}:{tag}",
                                            help="More can be added with the form under the terms table.")
        left, right = st.columns(2)
        sent = left.form_submit_button("Add the category" if row is None else "Apply the changes", type="primary",
                                       key="lexicon_category_apply")
        remove = row is not None and right.form_submit_button(
            "Remove this category and its terms", key="lexicon_category_remove")
    return row, ({**values, **{f: values[f].strip() for f in CATEGORY_TEXTS}} if sent or remove else None), remove


def changed_category(work: dict, terms: pd.DataFrame, row: int | None, values: dict, remove: bool) -> None:
    """The category form's change made to the tables: a category added with its first terms, changed (its
    terms follow a new id) or removed with its terms."""
    categories = work["categories"]
    if remove:
        gone = categories.loc[row, "id"]
        replace_tables(work, categories.drop(index=row), terms[terms["category"] != gone])
    values["id"] = values["id"] or "_".join(re.findall(r"[a-z0-9]+", values["name"].lower()))
    if not values["id"]:
        st.warning("Give the category an id or a name first.")
        return
    if row is None:
        first = new_terms(values["id"], [term.strip() for term in values.pop("terms").split(",") if term.strip()])
        replace_tables(work, pd.concat([categories, pd.DataFrame([values])], ignore_index=True),
                       pd.concat([terms, first], ignore_index=True))
    old_id = categories.loc[row, "id"]
    categories = categories.copy()
    categories.loc[row, list(values)] = list(values.values())
    replace_tables(work, categories, terms.replace({"category": {old_id: values["id"]}}))


def tables_section(start: str, work: dict) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """The categories and the terms, each a table with a form for the one chosen, and the form that adds
    terms; the tables as edited and the category ids they name."""
    row, values, remove = category_form(start, work)
    categories, terms = work["categories"], work["terms"]
    ids = list(dict.fromkeys(str(i).strip() for i in categories["id"] if isinstance(i, str) and i.strip()))
    if values is not None:
        changed_category(work, terms, row, values, remove)
    if (changed := terms_table(start, work, ids)) is not None:
        replace_tables(work, categories, changed)
    if (added := term_form(start, ids)) is not None:
        replace_tables(work, categories, pd.concat([terms, added], ignore_index=True))
    return categories, terms, ids


def terms_table(start: str, work: dict, ids: list[str]) -> pd.DataFrame | None:
    """The terms as a table whose rows can be selected: one selected opens a form to change or remove it,
    several can be removed together. The form's boxes hold each keystroke until a button is pressed (a grid's
    cells, each sent as it is left, lost words typed quickly). Returns the terms as changed, or None."""
    terms = work["terms"]
    st.subheader("Terms")
    st.caption("Select a row to change or remove that term, or several rows to remove them; add terms with "
               "the form under the table.")
    picked = st.dataframe(terms, key=f"lexicon_terms:{start}:{work['rows']['terms']}", on_select="rerun",
                          selection_mode="multi-row", hide_index=True, width="stretch",
                          column_config=TERM_COLUMN_CONFIG)
    rows = [r for r in (picked.selection.rows if picked and picked.selection else []) if r < len(terms)]
    if len(rows) > 1:
        if st.button(f"Remove the {len(rows)} selected terms", key="lexicon_terms_remove"):
            return terms.drop(index=rows)
        return None
    if not rows:
        return None
    (row,) = rows
    current = terms.loc[row].to_dict()
    tag = form_tag(row, current)
    with st.form(f"lexicon_term_change:{start}:{tag}", enter_to_submit=False):
        st.markdown(f"**Change the term in row {row + 1}**")
        first, second = st.columns(3), st.columns([3, 1, 1])
        category = str(current["category"])
        choices = ids if category in ids else [category, *ids]
        values = {"category": first[0].selectbox("category", choices, index=choices.index(category),
                                                 key=f"lexicon_term_change_category:{start}:{tag}")}
        for column, field in zip([*first[1:], *second], TERM_TEXTS, strict=True):
            values[field] = column.text_input(TERM_COLUMN_CONFIG[field]["label"], value=str(current[field] or ""),
                                              help=TERM_COLUMN_CONFIG[field].get("help"),
                                              key=f"lexicon_term_change_{field}:{start}:{tag}")
        values["match_case"] = st.checkbox(TERM_COLUMN_CONFIG["match_case"]["label"],
                                           value=bool(current["match_case"]),
                                           help=TERM_COLUMN_CONFIG["match_case"].get("help"),
                                           key=f"lexicon_term_change_match_case:{start}:{tag}")
        left, right = st.columns(2)
        sent = left.form_submit_button("Apply the changes to this term", type="primary",
                                       key="lexicon_term_change_apply")
        remove = right.form_submit_button("Remove this term", key="lexicon_term_change_remove")
    if remove:
        return terms.drop(index=row)
    if not sent:
        return None
    changed = terms.copy()
    changed.loc[row, list(values)] = [v.strip() if isinstance(v, str) else v for v in values.values()]
    return changed


def term_form(start: str, ids: list[str]) -> pd.DataFrame | None:
    """A form that adds terms to a category: its boxes hold what is typed until "Add the terms" is pressed,
    and it stays the same form while the page is drawn again. Returns the new rows of the terms table,
    or None when nothing was sent."""
    with st.form(f"lexicon_term_form:{start}", enter_to_submit=False, clear_on_submit=True):
        left, middle, right = st.columns([2, 3, 3])
        category = left.selectbox("Category", ids, key=f"lexicon_term_category:{start}")
        texts = middle.text_input("Terms to add (comma between them)", key=f"lexicon_term_texts:{start}")
        referent = right.text_input("Referent (optional)", help="The actor a name or label points to",
                                    key=f"lexicon_term_referent:{start}")
        note = st.text_input("Note (optional)", help="Why these terms are in this category",
                             key=f"lexicon_term_note:{start}")
        sent = st.form_submit_button("Add the terms", key="lexicon_term_add")
    if not sent:
        return None
    chosen = [text.strip() for text in texts.split(",") if text.strip()]
    if not chosen or category is None:
        st.warning("Choose a category and type a term first.")
        return None
    return new_terms(category, chosen, referent=referent.strip(), note=note.strip())


def new_terms(category: str, texts: list[str], *, referent: str = "", note: str = "") -> pd.DataFrame:
    """Rows of the terms table for new terms of one category, every other cell empty, never None."""
    return pd.DataFrame({"category": category, "term": texts, "referent": referent, "note": note, "pos": "",
                         "forms": "", "match_case": False}, columns=list(TERM_COLUMNS))


def candidates_section(start: str, work: dict, categories: pd.DataFrame, terms: pd.DataFrame, ids: list[str]) -> None:
    """Words students marked on the Annotate page that the lexicon did not find, ready to add."""
    candidates = [c for c in st.session_state.get(CANDIDATES_KEY) or [] if isinstance(c, dict) and c.get("term")]
    if not candidates:
        return
    st.subheader("Candidate terms from annotation")
    st.caption("Words students marked that the lexicon did not find. Tick the ones to add and choose a category.")
    offered = pd.DataFrame({"add": False, "term": [str(c["term"]) for c in candidates],
                            "category": [c.get("category") if c.get("category") in ids else None for c in candidates]})
    picked = st.data_editor(offered, key=f"lexicon_candidate_picks:{start}:{work['version']}", hide_index=True,
                            disabled=["term"], column_config={
                                "add": st.column_config.CheckboxColumn("add"),
                                "category": st.column_config.SelectboxColumn("category", options=ids)})
    if st.button("Add the ticked terms"):
        chosen = picked[picked["add"] & picked["category"].isin(ids)]
        if chosen.empty:
            st.warning("Tick a term and choose its category first.")
        else:
            added = pd.concat([new_terms(category, list(group["term"])) for category, group in chosen.groupby(
                "category", sort=False)], ignore_index=True)
            st.session_state[CANDIDATES_KEY] = [c for c in candidates if str(c["term"]) not in set(chosen["term"])]
            replace_tables(work, categories, pd.concat([terms, added], ignore_index=True))


def validity_section(status, checked) -> None:
    with status:
        if checked.lexicon is None:
            where = f" (row {checked.row} of the {checked.table} table)" if checked.row else ""
            st.error(f"Not valid yet{where}. Nothing is counted with these tables until this is fixed:", icon="⚠️")
            st.code(checked.error, language=None, wrap_lines=True)
        else:
            number = len(checked.lexicon.categories)
            st.success(f"Valid: {number} categor{'y' if number == 1 else 'ies'}, "
                       f"{plural(len(checked.lexicon.terms), 'term')}.", icon="✅")


def preview_section(view: StoryView, checked) -> None:
    """The story's scores with the edited lexicon beside the current ones; a row opens the hits gained and lost."""
    st.subheader("The story's scores with the edited lexicon")
    voice = st.radio("Count the words in", list(VOICE_LABELS), key="lexicon_voice", horizontal=True,
                     format_func=VOICE_LABELS.get)
    story_path = story_catalogue()[st.session_state[STORY_KEY]][1]
    scored = preview(story_path, story_fingerprint(Path(story_path), current_lexicon_path()),
                     lexicon_yaml({**checked.data, "name": ""}), checked.lexicon)
    change = score_change(view.analysis.scores, scored.analysis.scores, voice)
    only_changed = st.toggle("Only the rows that changed", key="lexicon_only_changed")
    shown = change[change["change"] != 0] if only_changed else change
    st.caption(f"Count: hits with the edited lexicon; before: with the lexicon chosen in the sidebar; change: "
               f"the difference ({plural(int((change['change'] != 0).sum()), 'row')} changed). "
               "Select a row to see the hits gained and lost, each in its sentence.")
    picked_row = st.dataframe(
        shown, key=f"lexicon_scores:{voice}:{only_changed}", on_select="rerun", selection_mode="single-row",
        hide_index=True, width="stretch", column_config={
            "per_1000": st.column_config.NumberColumn("per 1,000 words", format="%.2f"),
            "count_before": st.column_config.NumberColumn("count before"),
            "change": st.column_config.NumberColumn("change", format="%+d")})
    rows = picked_row.selection.rows if picked_row and picked_row.selection else []
    if not rows:
        return
    outlet, category = shown.iloc[rows[0]][["outlet", "category"]]
    hits = hit_changes(view.analysis, scored.analysis, outlet, category, voice)
    show(scored, heading(f"{outlet} · {category} · {VOICE_LABELS[voice]}", level=3))
    tabs = st.tabs([f"Gained ({len(hits.gained)})", f"Lost ({len(hits.lost)})",
                    f"Count with the edited lexicon ({len(hits.after)})", f"Count before ({len(hits.before)})"])
    for tab, spans, counted in zip(tabs, (hits.gained, hits.lost, hits.after, hits.before),
                                   (scored, view, scored, view), strict=True):
        with tab:
            if spans.empty:
                st.caption("None.")
            else:  # each with its own lexicon's colours: a lost hit's category may be gone
                show(counted, evidence_html(counted.analysis.evidence(spans), counted.styles))


def diff_section(edited) -> None:
    st.subheader("Compared with the default lexicon")
    diff = lexicon_diff(default_lexicon(), edited)
    if diff.empty:
        st.caption("The same categories and terms as the default lexicon.")
        return
    tables = {"Added terms": diff.added_terms, "Removed terms": diff.removed_terms,
              "Moved terms": diff.moved_terms, "Changed terms": diff.changed_terms,
              "Added categories": diff.added_categories, "Removed categories": diff.removed_categories,
              "Changed categories": diff.changed_categories}
    tabs = st.tabs([f"{label} ({len(table)})" for label, table in tables.items()])
    for tab, table in zip(tabs, tables.values(), strict=True):
        with tab:
            if table.empty:
                st.caption("None.")
            else:
                st.dataframe(table, hide_index=True, width="stretch")


def save_section(start: str, name: str, checked) -> None:
    st.subheader("Save")
    seed(f"lexicon_name:{start}", "" if start == DEFAULT_NAME else start)
    with st.form(f"lexicon_save:{start}", border=False, enter_to_submit=False):  # the name typed is sent with Save
        st.text_input("Name", key=f"lexicon_name:{start}", max_chars=60,
                      help="The file is named after it; the sidebar lists it under that file name.")
        overwrite = st.checkbox("Replace my saved lexicon of this name", key="lexicon_overwrite")
        pressed = st.form_submit_button("Save", type="primary", disabled=checked.lexicon is None, key="lexicon_save")
    if pressed:
        if not name:
            st.warning("Give the lexicon a name first.")
        else:
            try:
                path = save_lexicon(name, {**checked.data, "name": name}, overwrite=overwrite)
            except (LexiconError, StorageError) as error:
                st.error("Not saved. What went wrong:")
                st.code(str(error), language=None, wrap_lines=True)
            else:
                lexicon_catalogue.clear()
                st.session_state["lexicon_saved"] = path.stem
    saved = st.session_state.get("lexicon_saved")
    if saved and saved in lexicon_catalogue():
        st.success("Saved in your data folder as:", icon="💾")
        st.code(saved, language=None)
        st.button("Use this lexicon", on_click=use_lexicon, args=(saved,),
                  disabled=st.session_state[LEXICON_KEY] == saved,
                  help="Every page then counts with it; change it back in the sidebar.")


def delete_lexicon_now(name: str) -> None:
    """Button callback: the saved lexicon goes (undoably); pages that counted with it go back to the default."""
    if not delete_undoably("lexicon", name, delete_lexicon, name):
        return
    lexicon_catalogue.clear()
    for key in (LEXICON_KEY, "lexicon_start", "lexicon_saved"):
        if st.session_state.get(key) == name:
            st.session_state[key] = DEFAULT_NAME if key != "lexicon_saved" else None


def saved_lexicons_section(catalogue: dict[str, str]) -> None:
    """The lexicons saved in the data folder, one of which can be deleted, and the last deletion undone."""
    mine = [name for name in catalogue if name not in bundled_names()]
    deletion_notice("lexicon", refresh=lexicon_catalogue.clear)
    if not mine:
        return
    with st.expander("Delete a lexicon you saved"):
        chosen = st.selectbox("Lexicon", mine, key="lexicon_delete_choice")
        st.button("Delete it", key="lexicon_delete", on_click=delete_lexicon_now, args=(chosen,))


view = current_story()
catalogue = lexicon_catalogue()
page_intro(__file__)
start, work = start_section(catalogue)
status = st.container()
categories, terms, ids = tables_section(start, work)
candidates_section(start, work, categories, terms, ids)
name = st.session_state.get(f"lexicon_name:{start}", "").strip()
checked = validate(name or work["base"].name, work["base"].description, categories, terms, sources_data(work["base"]),
                   source="the edited lexicon")
validity_section(status, checked)
if checked.lexicon is not None:
    preview_section(view, checked)
    diff_section(checked.lexicon)
save_section(start, name, checked)
saved_lexicons_section(catalogue)
