"""The Naming page in a real browser, on a story made the way the Import page saves one: the actors
found in its articles are listed with each outlet's names for them, and a merge made there is saved
in the story's files."""

from __future__ import annotations

import pytest
from browser_helpers import no_exception, serve, settle, visit
from conftest import NEEDS_CHROMIUM, TIMEOUT
from playwright.sync_api import Page, expect
from test_actors_page import ARTICLES

from framing import load_story
from framing.actor_corrections import load_corrections
from framing.library.importing import make_draft
from framing.library.story_store import create_story
from framing.storage import USER_DATA_ENV

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("naming-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(USER_DATA_ENV, str(data_dir))
        saved = create_story("Harbour row", "", [make_draft(text, {"outlet": outlet}) for outlet, text in ARTICLES])
    with serve(data_dir) as url:
        yield url, saved.slug, saved.folder


def test_the_naming_page_shows_the_actors_of_an_imported_story(page: Page, served):
    url, slug, _ = served
    visit(page, f"{url}/naming?story={slug}", "What each outlet calls each actor")
    no_exception(page)
    grid = page.get_by_test_id("stDataFrame").first
    for text in ("Jane Holloway", "Harbour Trust", "Ms. Holloway ×1"):
        expect(grid.locator("[role=gridcell]").filter(has_text=text).first).to_be_attached(timeout=TIMEOUT)


def test_a_merge_in_the_browser_is_saved_in_the_story_and_read_back(page: Page, served):
    url, slug, folder = served
    visit(page, f"{url}/naming?story={slug}", "What each outlet calls each actor")
    page.get_by_text("Correct the actors found in the articles").click()
    chooser = page.get_by_test_id("stMultiSelect").filter(has_text="Actors that are one")
    for name in ("Jane Holloway", "Harbour Trust"):
        settle(page)  # a choice reruns the page, which may close the list the next click opens
        chooser.locator("input").click()
        page.get_by_role("option", name=name, exact=True).click(timeout=TIMEOUT)
    page.keyboard.press("Escape")
    page.get_by_test_id("stButton").filter(has_text="Merge").locator("button").click()
    expect(page.get_by_text("Merged Harbour Trust into Jane Holloway")).to_be_visible(timeout=TIMEOUT)
    no_exception(page)
    assert load_corrections(load_story(folder)).merge == (("Jane Holloway", "Harbour Trust"),)
