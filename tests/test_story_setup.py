"""A story's own lexicon layer, and the set-up step after import that fills it."""

import pytest
import yaml
from apptest_helpers import open_page
from conftest import make_lexicon

from framing import LexiconError, analyse, load_story
from framing.lexicon import STORY_LEXICON, with_story_layer
from framing.library.importing import make_draft
from framing.library.story_setup import (
    candidate_loaded_words,
    proposed_headline,
    save_story_words,
    story_words,
)
from framing.library.story_store import create_story
from framing.stories import story_folders

LAYER = {"name": "s", "description": "d", "categories": [
    {"id": "labels", "name": "Labels", "description": "d", "teaching_note": "t",
     "terms": [{"term": "puppet*", "referent": "Opposition"}, "junta"]}]}


def story_with(tmp_path, texts, layer=None):
    folder = tmp_path / "mystory"
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: Mine\n", encoding="utf-8")
    for outlet, text in texts:
        (folder / "articles" / f"{outlet.lower()}.md").write_text(f"---\noutlet: {outlet}\n---\n{text}\n",
                                                                   encoding="utf-8")
    if layer:
        (folder / STORY_LEXICON).write_text(yaml.safe_dump(layer), encoding="utf-8")
    return load_story(folder)


def test_the_story_layer_is_merged_and_its_terms_win_over_the_lexicons(tmp_path):
    story = story_with(tmp_path, [("A", "The puppets of the junta fled. Thugs ran.")], LAYER)
    base = make_lexicon(name_calling=["puppet", "puppets", "thugs"])
    merged = with_story_layer(base, story.path, story.slug)
    assert [(c.id, c.story) for c in merged.categories] == [("name_calling", ""), ("labels", "mystory")]
    assert [t.text for t in merged.categories[0].terms] == ["thugs"]  # the story's "puppet*" covers the others
    spans = analyse(story, base).spans
    assert spans[["text", "category", "referent"]].values.tolist() == [
        ["puppets", "labels", "Opposition"], ["junta", "labels", ""], ["Thugs", "name_calling", ""]]
    assert merged.categories_for_other_stories("mystory") == ()
    assert [c.id for c in merged.categories_for_other_stories("another")] == ["labels"]


def test_a_story_without_a_layer_keeps_the_lexicon_as_it_is(tmp_path):
    story = story_with(tmp_path, [("A", "Thugs ran.")])
    base = make_lexicon(name_calling=["thugs"])
    assert with_story_layer(base, story.path, story.slug) is base


def test_the_bundled_story_keeps_its_labels_in_its_own_layer(bundled):
    assert {"actor_label", "actor_name"} <= {c.id for c in bundled.lexicon.categories if c.story}


def test_a_headline_is_proposed_from_the_first_line_only_when_it_can_be_one():
    assert proposed_headline("\n  Senator slams plan  \nThe senator said...") == "Senator slams plan"
    assert proposed_headline("A first line that runs on,\nand on.") == ""
    assert proposed_headline("x" * 300) == ""


def test_candidate_words_are_rare_distinctive_lowercase_words_not_in_the_lexicon(tmp_path):
    story = story_with(tmp_path, [
        ("A", "The senator's shambolic plan failed. Officials met. Senator Quibbleworth spoke. "
              "A shambolic day, really, really."),
        ("B", "The senator's plan failed. Officials met again and spoke. A long day.")])
    analysis = analyse(story, make_lexicon(other=["failed"]))
    candidates = candidate_loaded_words(analysis)
    assert "shambolic" in set(candidates["term"])
    assert set(candidates.loc[candidates["term"] == "shambolic", "outlet"]) == {"A"}
    # common in English, used by both, in the lexicon, a name:
    assert not {"really", "officials", "plan", "failed", "quibbleworth"} & set(candidates["term"])


def test_ticked_words_are_saved_as_the_story_layer_and_used_by_the_analysis(tmp_path):
    story = story_with(tmp_path, [("A", "A shambolic plan."), ("B", "A plan.")], LAYER)
    path = save_story_words(story.path, ["shambolic", " shambolic "], story=story.slug)
    assert story_words(story.path) == ["shambolic"]
    assert {c["id"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))["categories"]} == {
        "labels", "story_words"}  # the layer's other categories stay
    spans = analyse(load_story(story.path), make_lexicon(other=["plan"])).spans
    assert spans.loc[spans["text"] == "shambolic", "category"].tolist() == ["story_words"]
    with pytest.raises(LexiconError, match="regular-expression syntax"):
        save_story_words(story.path, ["sham(bolic)?"], story=story.slug)
    assert story_words(story.path) == ["shambolic"]  # a refused save changes nothing


def test_the_import_page_set_up_step_saves_the_ticked_words():
    create_story("Mine", "", [make_draft("The senator's shambolic plan failed. A shambolic day.", {"outlet": "Alpha"})])
    at = open_page("views/import_story.py")
    at.selectbox(key="import_target").set_value("mine").run()
    at.text_area(key="import_paste_0").set_value("---\noutlet: Beta\n---\nThe senator's plan failed today.").run()
    at.button(key="import_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.subheader[-1].value == "Set up the story"
    (table,) = [editor for editor in at.data_editor if editor.key == "setup_words_mine"]
    rows = table.value
    assert "shambolic" in set(rows["term"]) and not rows["use"].any()
    row = int(rows.index[rows["term"] == "shambolic"][0])
    at.session_state["setup_words_mine"] = {"edited_rows": {row: {"use": True}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="setup_save_words").click().run()
    assert not at.exception and at.success[-1].value == "Saved 1 word as this story's own lexicon."
    (folder,) = [p for p in story_folders() if p.name == "mine"]
    assert story_words(folder) == ["shambolic"]
    assert "shambolic" in set(analyse(load_story(folder)).spans["text"])
