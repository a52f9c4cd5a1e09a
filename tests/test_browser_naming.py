"""The Naming page in a real browser, on a story made the way the Import page saves one: the actors
found in its articles are listed with each outlet's names for them."""

from __future__ import annotations

import pytest
from browser_helpers import no_exception, serve, visit
from conftest import NEEDS_CHROMIUM, TIMEOUT
from playwright.sync_api import Page, expect
from test_actors_page import ARTICLES

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
        yield url, saved.slug


def test_the_naming_page_shows_the_actors_of_an_imported_story(page: Page, served):
    url, slug = served
    visit(page, f"{url}/naming?story={slug}", "What each outlet calls each actor")
    no_exception(page)
    grid = page.get_by_test_id("stDataFrame").first
    for text in ("Jane Holloway", "Harbour Trust", "Ms. Holloway ×1"):
        expect(grid.locator("[role=gridcell]").filter(has_text=text).first).to_be_attached(timeout=TIMEOUT)
