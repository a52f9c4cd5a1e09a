"""The Naming page on a story a user made: its actors are found and shown, and can be corrected."""

import pytest
from apptest_helpers import open_page

from framing import load_story
from framing.actor_corrections import load_corrections
from framing.library.importing import make_draft
from framing.library.story_store import create_story

pytestmark = pytest.mark.usefixtures("analyses_shared")

ARTICLES = (
    ("Daily One", "Senator Jane Holloway said the Harbour Trust (HT) must answer. Ms. Holloway pressed on. "
                  "The HT said nothing."),
    ("Evening Two", "Holloway, the committee chairwoman, attacked the Harbour Trust. Holloway left."),
)


@pytest.fixture
def made_story():
    return create_story("Harbour row", "", [make_draft(text, {"outlet": outlet}) for outlet, text in ARTICLES])


def test_the_naming_page_shows_the_actors_of_a_new_story(made_story):
    at = open_page("views/naming.py", story=made_story.slug)
    table = at.dataframe[0].value
    assert {"Jane Holloway", "Harbour Trust"} <= set(table.index)
    assert "Ms. Holloway ×1" in table.loc["Jane Holloway", "Daily One"]
    assert "◆ the committee chairwoman ×1" in table.loc["Jane Holloway", "Evening Two"]  # descriptions first
    assert table.index[0] == "Jane Holloway" and table.loc["Jane Holloway", "outlets"] == 2  # most mentioned first
    assert list(table["mentions"]) == sorted(table["mentions"], reverse=True)


def test_a_rename_on_the_naming_page_is_saved_and_shown(made_story):
    at = open_page("views/naming.py", story=made_story.slug)
    at.selectbox(key="actors_rename_from").set_value("Harbour Trust").run()
    at.text_input(key="actors_rename_to").set_value("The Trust").run()
    at.button(key="actors_rename_go").click().run()
    assert not at.exception
    saved = (made_story.folder / "actors.yaml").read_text(encoding="utf-8")
    assert "Harbour Trust: The Trust" in saved
    assert "The Trust" in set(at.dataframe[0].value.index)


COUNTRY_ARTICLES = (
    ("Daily One", "The FBI opened a file. The FBI said little. The United States denied it. The United States "
                  "waited."),
    ("Evening Two", "The FBI closed the file. U.S. officials said the FBI was right."),
)


def test_the_naming_table_rolls_actors_up_into_their_country_and_keeps_it_in_the_url():
    story = create_story("Files", "", [make_draft(text, {"outlet": outlet}) for outlet, text in COUNTRY_ARTICLES])
    at = open_page("views/naming.py", story=story.slug)
    assert {"FBI", "United States"} <= set(at.dataframe[0].value.index)
    at.radio(key="naming_by").set_value("group").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "FBI" not in set(table.index)
    assert "FBI ×2" in table.loc["United States", "Daily One"] and "United States ×2" in table.loc[
        "United States", "Daily One"]
    assert at.query_params["naming_by"] in ("group", ["group"])


def test_a_merge_is_saved_shown_at_once_and_can_be_taken_back(made_story):
    at = open_page("views/naming.py", story=made_story.slug)
    at.multiselect(key="actors_merge").set_value(["Jane Holloway", "Harbour Trust"]).run()
    at.button(key="actors_merge_go").click().run()
    assert not at.exception
    assert load_corrections(load_story(made_story.folder)).merge == (("Jane Holloway", "Harbour Trust"),)
    assert "Harbour Trust" not in set(at.dataframe[0].value.index)
    assert "Merged Harbour Trust into Jane Holloway" in at.success[0].value
    at.selectbox(key="actors_undo").set_value("merge Harbour Trust into Jane Holloway").run()
    at.button(key="actors_undo_go").click().run()
    assert {"Jane Holloway", "Harbour Trust"} <= set(at.dataframe[0].value.index)
    assert load_corrections(load_story(made_story.folder)).merge == ()
