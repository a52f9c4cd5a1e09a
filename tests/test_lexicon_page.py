"""The Lexicon page through AppTest: edits are checked at once, the scores follow them, a saved
lexicon can be used by every page. Categories and terms are changed through the form under their table
(a category chosen, or a term's row selected as a click does; its boxes filled, a button pressed)."""

import builtins
import re

import pandas as pd
import pytest
from apptest_helpers import html_of, open_page

from framing import Analysis
from framing.lexicon import USER_LEXICONS, load_lexicon
from framing.library.lexicon_edit import CATEGORY_COLUMNS, TERM_COLUMNS, save_lexicon
from framing.render.markup import html_text
from framing.storage import data_subdir
from framing.stories import USER_STORIES

pytestmark = pytest.mark.usefixtures("analyses_shared")
PAGE = "views/lexicon_editor.py"
NEW_CATEGORY = {"id": "test_words", "name": "Test words", "description": "made in a test",
                "teaching_note": "a test", "scare_quotes": False, "terms": "airstrikes, war planes"}


def terms_of(at) -> pd.DataFrame:
    return next(frame.value for frame in at.dataframe if list(frame.value.columns) == list(TERM_COLUMNS))


def select_terms(at, *rows: int):
    """Select rows of the terms table, as clicks in the browser do, and rerun."""
    key = next(frame.key for frame in at.dataframe if frame.key and frame.key.startswith("lexicon_terms:"))
    at.session_state[key] = {"selection": {"rows": list(rows), "columns": []}}
    return at.run()


def edit_term(at, row: int, button: str = "lexicon_term_change_apply", **values):
    """Select a term's row, type into its form's boxes (not sent), then press one of its buttons."""
    at = select_terms(at, row)
    for widget in [*at.text_input, *at.selectbox, *at.checkbox]:
        field = (widget.key or "").removeprefix("lexicon_term_change_").split(":")[0]
        if widget.key and widget.key.startswith("lexicon_term_change_") and field in values:
            (widget.input if hasattr(widget, "input") else widget.set_value)(values[field])
    return at.button(key=button).click().run()


def category_boxes(at) -> dict:
    """The category form's boxes and ticks, by field."""
    widgets = [*at.text_input, *at.text_area, *at.checkbox]
    return {w.key.removeprefix("lexicon_category_").split(":")[0]: w for w in widgets
            if w.key and w.key.startswith("lexicon_category_")}


def select_category(at, row: int):
    next(box for box in at.selectbox if box.key.startswith("lexicon_category_choice:")).set_value(row)
    return at.run()


def send_category(at, button: str = "lexicon_category_apply", **values):
    """Fill the category form's boxes (typed, not sent), then press one of its buttons."""
    boxes = category_boxes(at)
    for field, value in values.items():
        if isinstance(value, bool):
            boxes[field].set_value(value)
        else:
            boxes[field].input(value)
    return at.button(key=button).click().run()


def add_terms(at, category: str, terms: str, **optional):
    """Type terms (and a referent or note) into the form under the terms table, then press its button."""
    next(box for box in at.selectbox if box.key.startswith("lexicon_term_category:")).set_value(category)
    boxes = {box.key.split(":")[0].removeprefix("lexicon_term_"): box for box in at.text_input
             if box.key and box.key.startswith("lexicon_term_")}
    for field, value in {"texts": terms, **optional}.items():
        boxes[field].input(value)
    return at.button(key="lexicon_term_add").click().run()


def categories_table(at) -> pd.DataFrame:
    return next(frame.value for frame in at.dataframe if list(frame.value.columns) == list(CATEGORY_COLUMNS))


def score_table(at) -> pd.DataFrame:
    return next(frame.value for frame in at.dataframe if "change" in frame.value.columns)


def test_the_page_starts_from_the_sidebar_lexicon_and_says_it_is_valid():
    at = open_page(PAGE)
    assert at.selectbox(key="lexicon_start").value == "default"
    assert not at.data_editor  # no grid to type into: categories and terms are changed and added by forms
    assert len(categories_table(at)) == len(load_lexicon().categories)
    assert at.success[0].value.startswith(f"Valid: {len(load_lexicon().categories)} categories, ")
    assert (score_table(at)["change"] == 0).all()


def test_a_term_with_regex_syntax_shows_the_files_error_and_its_row():
    at = edit_term(open_page(PAGE), 3, term="terror(ist)?")
    assert not at.exception and not at.success
    assert "row 4 of the terms table" in at.error[0].value
    assert "'terror(ist)?'): use words, spaces, hyphens and apostrophes only" in at.code[0].value
    assert not [frame for frame in at.dataframe if "change" in frame.value.columns]  # no scores from a bad lexicon


def test_a_duplicate_term_is_refused():
    at = open_page(PAGE)
    first = terms_of(at).loc[0, "term"]
    at = add_terms(at, "hedge", first.upper())
    assert "already listed in category 'evaluative'" in at.code[0].value


def test_the_edits_survive_a_visit_to_another_page():
    at = edit_term(open_page(PAGE), 3, term="terror(ist)?")
    at.switch_page("views/overview.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "terror(ist)?" in terms_of(at)["term"].tolist()
    assert "terror(ist)?" in at.code[0].value


def test_adding_a_term_changes_the_scores_at_once():
    at = open_page(PAGE)
    assert "airstrikes" not in terms_of(at)["term"].tolist()
    at = add_terms(at, "hedge", "airstrikes")
    assert at.success, [e.value for e in at.error]
    change = score_table(at)
    hedge = change[change["category"] == "hedge"]
    assert (hedge["change"] > 0).any() and (change[change["category"] != "hedge"]["change"] >= 0).all()
    assert (hedge["count"] == hedge["count_before"] + hedge["change"]).all()


def test_renaming_a_category_id_takes_its_terms_along():
    at = select_category(open_page(PAGE), 5)
    assert category_boxes(at)["id"].value == "distancing"
    at = send_category(at, id="distance")
    assert not at.exception and at.success, [c.value for c in at.code]
    assert categories_table(at)["id"].tolist()[5] == "distance"
    assert "distance" in set(terms_of(at)["category"]) and "distancing" not in set(
        terms_of(at)["category"])


def test_a_category_typed_in_the_form_is_added_whole_and_empty_cells_are_empty():
    at = send_category(open_page(PAGE), **NEW_CATEGORY)
    table = categories_table(at)
    added = table[table["id"] == "test_words"].iloc[0]
    assert (added["name"], added["description"], added["teaching_note"]) == ("Test words", "made in a test", "a test")
    terms = terms_of(at)
    assert terms[terms["category"] == "test_words"]["term"].tolist() == ["airstrikes", "war planes"]
    assert at.success, [c.value for c in at.code]  # with its first terms, the lexicon is valid at once
    assert not table.isna().any().any() and "None" not in set(table["story"])  # an empty cell shows nothing
    at = select_category(at, len(table) - 1)
    assert category_boxes(at)["story"].value == ""


def test_terms_typed_in_the_form_are_added_to_their_category_with_empty_cells():
    at = add_terms(open_page(PAGE), "hedge", "airstrikes,  war planes ,", referent="Russia", note="a test")
    terms = terms_of(at)
    added = terms[terms["term"].isin(["airstrikes", "war planes"])]
    assert added[["category", "referent", "note", "pos", "forms"]].values.tolist() == [
        ["hedge", "Russia", "a test", "", ""]] * 2
    at = add_terms(at, "hedge", " , ")
    assert "type a term first" in at.warning[0].value and len(terms_of(at)) == len(terms)


def test_a_category_without_an_id_takes_one_from_its_name_and_one_without_either_is_not_added():
    at = send_category(open_page(PAGE), name="Fear words 2", terms="menace")
    assert categories_table(at)["id"].tolist()[-1] == "fear_words_2"
    before = len(categories_table(at))
    at = send_category(at, description="no id, no name")
    assert "Give the category an id or a name first" in at.warning[0].value and len(categories_table(at)) == before


def test_removing_a_category_removes_its_terms():
    at = select_category(open_page(PAGE), 5)
    at = send_category(at, button="lexicon_category_remove")
    assert "distancing" not in set(categories_table(at)["id"])
    assert "distancing" not in set(terms_of(at)["category"]) and at.success


def test_candidate_terms_from_annotation_can_be_added():
    at = open_page(PAGE)
    at.session_state["lexicon_candidates"] = [{"term": "air strikes", "category": None},
                                              {"term": "warplanes", "category": "evaluative"}]
    at.run()
    (picks,) = at.data_editor
    assert picks.value["term"].tolist() == ["air strikes", "warplanes"]
    at.session_state[picks.key] = {"edited_rows": {1: {"add": True}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button[[b.label for b in at.button].index("Add the ticked terms")].click().run()
    terms = terms_of(at)
    assert terms[terms["term"] == "warplanes"]["category"].tolist() == ["evaluative"]
    assert terms[terms["term"] == "warplanes"][["referent", "note", "pos", "forms"]].iloc[0].tolist() == [""] * 4
    assert at.session_state["lexicon_candidates"] == [{"term": "air strikes", "category": None}]
    assert at.success


def test_save_then_use_the_lexicon_on_the_overview():
    at = send_category(open_page(PAGE), **NEW_CATEGORY)
    at = add_terms(at, "test_words", "warplanes")
    at.text_input(key="lexicon_name:default").input("Class 7B")  # typed: the form sends it with Save
    at.button(key="lexicon_save").click().run()
    saved = data_subdir(USER_LEXICONS) / "class-7b.yaml"
    (category,) = [c for c in load_lexicon(saved).categories if c.id == "test_words"]
    assert (category.name, category.description, category.teaching_note) == ("Test words", "made in a test", "a test")
    assert [t.text for t in load_lexicon(saved).terms if t.category == "test_words"] == [
        "airstrikes", "war planes", "warplanes"]
    assert at.code[-1].value == "class-7b"
    at.button[[b.label for b in at.button].index("Use this lexicon")].click().run()
    assert at.session_state["lexicon"] == "class-7b"
    at.switch_page("views/overview.py").run()
    assert not at.exception
    assert "Test words" in at.get("plotly_chart")[0].proto.spec
    assert at.query_params["lexicon"] == "class-7b"


def test_saving_under_the_default_name_is_refused_and_nothing_is_written():
    at = add_terms(open_page(PAGE), "hedge", "airstrikes")
    at.text_input(key="lexicon_name:default").input("default")
    at.button(key="lexicon_save").click().run()
    assert "comes with the tool" in at.code[-1].value
    assert not (data_subdir(USER_LEXICONS)).exists() or not list(data_subdir(USER_LEXICONS).glob("*.yaml"))


def test_lexicon_text_is_never_rendered_as_html():
    at = add_terms(open_page(PAGE), "hedge", "airstrikes", note="<b>bold</b>")
    assert "<b>bold</b>" not in html_of(at)


def select_score_row(at, row: int):
    """Select a row of the score table, as a click in the browser does, and rerun."""
    key = next(frame.key for frame in at.dataframe if frame.key and frame.key.startswith("lexicon_scores:"))
    at.session_state[key] = {"selection": {"rows": [row], "columns": []}}
    return at.run()


def test_a_selected_row_shows_the_hits_gained_and_lost_each_in_its_sentence():
    at = open_page(PAGE)
    terms = terms_of(at)
    first = int(terms.index[terms["term"] == "so-called"][0])
    moved = terms.loc[first]
    at = edit_term(at, first, category="hedge")  # its hits leave their category for another
    change = score_table(at)
    row = int(change.index[(change["category"] == moved["category"]) & (change["change"] < 0)][0])
    outlet, lost = change.loc[row, "outlet"], -int(change.loc[row, "change"])
    at = select_score_row(at, row)
    assert not at.exception
    assert [tab.label for tab in at.tabs][:4] == [
        "Gained (0)", f"Lost ({lost})", f"Count with the edited lexicon ({change.loc[row, 'count']})",
        f"Count before ({change.loc[row, 'count_before']})"]
    (table,) = at.tabs[1].get("html")
    words = re.findall(r'<mark class="hit[^"]*">([^<]*)</mark>', table.proto.body)
    assert len(words) == lost and {word.lower() for word in words} == {moved["term"].lower()}
    assert table.proto.body.count(f'<td class="source">{html_text(outlet)}<br>') == lost
    hedge = int(change.index[(change["outlet"] == outlet) & (change["category"] == "hedge")][0])
    at = select_score_row(at, hedge)
    assert at.tabs[0].label == f"Gained ({change.loc[hedge, 'change']})"
    (table,) = at.tabs[0].get("html")
    assert {word.lower() for word in re.findall(r"<mark [^>]*>([^<]*)</mark>", table.proto.body)} >= {
        moved["term"].lower()}


def test_the_preview_of_one_story_is_never_shown_for_another(monkeypatch):
    """CPython gives a new object the id of one freed before; made to happen every time here, the
    preview must still be the one of the story shown."""
    folder = data_subdir(USER_STORIES) / "second"
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: A second story\n", encoding="utf-8")
    (folder / "articles" / "gamma.md").write_text("---\noutlet: Gamma\n---\nA brutal regime is said to have fallen.\n",
                                                  encoding="utf-8")
    real_id = builtins.id
    monkeypatch.setattr(builtins, "id", lambda thing: 1 if isinstance(thing, Analysis) else real_id(thing))
    at = open_page(PAGE)
    assert "Gamma" not in set(score_table(at)["outlet"])
    at.selectbox(key="story").set_value("second").run()
    assert not at.exception
    change = score_table(at)
    assert set(change["outlet"]) == {"Gamma"} and (change["change"] == 0).all() and change["count"].sum() > 0


def test_a_saved_lexicon_can_be_deleted_and_the_deletion_undone():
    path = save_lexicon("class six", {"name": "class six", "description": "d", "categories": [
        {"id": "label", "name": "Labels", "description": "d", "teaching_note": "t", "terms": ["regime"]}]})
    at = open_page(PAGE)
    at.sidebar.selectbox(key="lexicon").set_value(path.stem).run()
    assert at.selectbox(key="lexicon_delete_choice").options == [path.stem]
    at.button(key="lexicon_delete").click().run()
    assert not path.exists() and not at.exception
    assert at.sidebar.selectbox(key="lexicon").value == "default"  # the sidebar no longer offers it
    assert path.stem not in at.sidebar.selectbox(key="lexicon").options
    at.button(key="lexicon_undo").click().run()
    assert path.exists() and path.stem in at.sidebar.selectbox(key="lexicon").options


def test_after_apply_the_category_stays_chosen_and_its_form_shows_what_was_applied():
    at = send_category(select_category(open_page(PAGE), 2), name="Changed name")
    assert next(box for box in at.selectbox if box.key.startswith("lexicon_category_choice:")).value == 2
    assert category_boxes(at)["name"].value == "Changed name"
    assert categories_table(at)["name"].tolist()[2] == "Changed name"


def test_a_term_changed_in_its_form_stays_chosen_and_several_selected_terms_are_removed_together():
    at = open_page(PAGE)
    before = terms_of(at)
    at = edit_term(at, 1, referent="Someone", note="a note", pos="noun", match_case=True)
    assert terms_of(at).loc[1, ["term", "referent", "note", "pos", "match_case"]].tolist() == [
        before.loc[1, "term"], "Someone", "a note", "noun", True]
    assert next(box for box in at.text_input if box.key.startswith("lexicon_term_change_note:")).value == "a note"
    at = select_terms(at, 0, 2)
    at = at.button(key="lexicon_terms_remove").click().run()
    assert terms_of(at)["term"].tolist() == [before.loc[1, "term"], *before["term"].tolist()[3:]]
    assert at.success, [c.value for c in at.code]
