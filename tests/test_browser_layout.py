"""What a class sees, checked in Chromium at 1366×768: every page of views/pages.py and the downloaded
handout, in the light and the dark theme, at the default and at the largest text size. In each page
itself, no chart's tick label, axis title or legend entry is cut off at the chart's edge or overlaps
another (their boxes, from the Plotly SVG), and every piece of text meets WCAG AA contrast against what
is behind it (computed styles). The screenshots are kept in test-artifacts/screenshots/ for a person
(and CI) to look at."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_helpers import no_exception, serve, settle, visit, write_batch
from conftest import NEEDS_CHROMIUM, REPO, TIMEOUT
from playwright.sync_api import Browser, Page, expect

from framing.library.importing import make_draft
from framing.library.story_store import create_story
from framing.storage import USER_DATA_ENV
from views.pages import PAGES, PageSpec

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHECKS = (Path(__file__).parent / "layout_checks.js").read_text(encoding="utf-8")
RUN_CHECKS = (f"(() => {{ const checks = {CHECKS}; return [...checks.charts(), ...checks.chartContrast(), "
              "...checks.width(), ...checks.contrast()]; })()")
WIDTH, HEIGHT = 1366, 768
PHONE = {"width": 390, "height": 844}
TALLEST = 6000  # px: a screenshot as tall as the page, since Streamlit scrolls inside its own container
THEMES = ("light", "dark")
SIZES = {"default": None, "largest": "End"}  # the key that moves the text-size slider there


# An imported story as a teacher brings one: four outlets with long names, each article a few sentences
# that share the story's words (so the scatter and the naming table fill), quotations and loaded words.
LONG_NAMED = {
    "The Northern Daily Chronicle and Evening Courier": (
        'The so-called reform of the harbour authority drew fire on Monday. "This reform is a disaster for the '
        'harbour," said Mayor Ilse Brandt, who called the plan reckless. The harbour authority allegedly ignored '
        "the dock workers. Dock workers say the reform will cost jobs, and the mayor said the harbour must stay "
        "public."),
    "Radio Free Hinterland International Service": (
        "The harbour authority unveiled a bold reform on Monday. Mayor Ilse Brandt claimed the reform was rushed. "
        '"We will modernise the harbour," the harbour authority said. Critics of the mayor call her a radical. '
        "The reform promises new jobs at the harbour and new cranes for the dock workers."),
    "Consolidated Press of the Eastern Provinces and Islands": (
        "Chaos at the harbour: the reform is a threat to every dock worker, the union warned. Mayor Ilse Brandt "
        'slammed the harbour authority. "They betrayed the workers," she said. The harbour authority conceded '
        "that the reform may cost jobs. Dock workers marched to the harbour on Monday."),
    "Weekly Gazette": (
        "Mayor Ilse Brandt said the harbour reform needs a vote. The harbour authority said the reform would "
        "bring jobs. Dock workers were said to be worried about the reform, and the mayor said she would listen."),
}


def write_long_named_story(data_dir: Path) -> str:
    """The imported story above, saved as the Import page saves one (create_story) in `data_dir`."""
    drafts = [make_draft(text, {"outlet": outlet, "country": "Freedonia", "headline": f"Harbour reform: {outlet}"})
              for outlet, text in LONG_NAMED.items()]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(USER_DATA_ENV, str(data_dir))
        return create_story("Harbour reform, as four outlets told it", "", drafts).slug


@pytest.fixture(scope="module")
def layout_data(tmp_path_factory) -> tuple[Path, str]:
    """A data folder with a batch run (so the Corpus page draws its charts too) and the imported story,
    and that story's slug."""
    data_dir = tmp_path_factory.mktemp("layout-data")
    write_batch(data_dir)
    return data_dir, write_long_named_story(data_dir)


@pytest.fixture(scope="module")
def layout_app(layout_data):
    with serve(layout_data[0]) as url:
        yield url


def look(page: Page, name: str) -> list[str]:
    """What the in-page checks find, and a screenshot of the whole page: the viewport made as tall as
    the content for a moment (same width, so the same layout), since Streamlit scrolls inside its own
    container and the contrast check reads what lies under each text."""
    screen = page.viewport_size
    tall = page.evaluate("Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], body')]"
                         ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": screen["width"], "height": min(max(tall, screen["height"]), TALLEST)})
    page.wait_for_timeout(300)  # Plotly redraws on resize
    found = page.evaluate(RUN_CHECKS)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")
    page.set_viewport_size(screen)
    return list(dict.fromkeys(found))


def open_page(page: Page, spec: PageSpec) -> None:
    """A page by its link in the navigation, so the session (and its text size) carries over."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=spec.title, exact=True).click()
    expect(page.get_by_text(spec.landmark, exact=True).first).to_be_visible(timeout=TIMEOUT)
    settle(page)
    page.wait_for_timeout(500)  # charts finish their layout after the script run


def download_handout(page: Page, folder: Path) -> Path:
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="Download the handout (HTML)").click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", THEMES)
def test_every_page_and_the_handout_read_at_1366_by_768(browser: Browser, layout_app: str, theme: str, size: str,
                                                          tmp_path):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, color_scheme=theme,
                                  accept_downloads=True)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    visit(page, layout_app, PAGES[0].landmark)
    if SIZES[size]:
        page.get_by_role("slider").first.focus()
        page.keyboard.press(SIZES[size])
        settle(page)
    found: dict[str, list[str]] = {}
    for spec in PAGES:
        open_page(page, spec)
        no_exception(page)
        found[spec.title] = look(page, f"{theme}-{size}-{spec.url_path or 'overview'}")
    open_page(page, next(spec for spec in PAGES if spec.url_path == "handout"))
    handout = download_handout(page, tmp_path)
    page.goto(handout.as_uri())
    expect(page.locator(".chart svg.main-svg").first).to_be_visible(timeout=TIMEOUT)
    found["the handout"] = look(page, f"{theme}-{size}-handout")
    context.close()
    (SCREENSHOTS / f"{theme}-{size}-problems.json").write_text(json.dumps(found, indent=1), encoding="utf-8")
    assert {where: what for where, what in found.items() if what} == {}


@pytest.mark.parametrize("story", ["bundled", "imported"])
def test_every_page_reads_on_a_phone(browser: Browser, layout_app: str, layout_data: tuple[Path, str], story: str):
    """At 390×844 in the dark theme (the light one is checked at 1366 with the same checks), each page
    opened by its address, on the bundled story and on an imported one with long outlet names: the same
    checks, and the page no wider than the phone (wide tables and grids scroll inside their own box)."""
    query = f"?story={layout_data[1]}" if story == "imported" else ""
    context = browser.new_context(viewport=PHONE, color_scheme="dark", is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for spec in PAGES:
        visit(page, f"{layout_app}/{spec.url_path}{query}", spec.landmark)
        no_exception(page)
        page.wait_for_timeout(500)  # charts finish their layout after the script run
        found[spec.title] = look(page, f"phone-dark-{story}-{spec.url_path or 'overview'}")
        if page.locator(".modebar-btn:visible").count():
            found[spec.title].append("Plotly's toolbar shown on a phone, over the chart's title")
    context.close()
    (SCREENSHOTS / f"phone-dark-{story}-problems.json").write_text(json.dumps(found, indent=1), encoding="utf-8")
    assert {where: what for where, what in found.items() if what} == {}


def test_projector_mode_reads_from_the_back(browser: Browser, layout_app: str, layout_data: tuple[Path, str]):
    """Projector mode from its link, on the imported story at 1366×768: Compare and Naming pass the same
    checks, and the naming table's names are drawn whole in large type, every outlet's column on the screen
    (Streamlit's own table keeps small cells that cut them short)."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for spec in (spec for spec in PAGES if spec.url_path in ("compare", "naming")):
        visit(page, f"{layout_app}/{spec.url_path}?story={layout_data[1]}&projector=on", spec.landmark)
        no_exception(page)
        page.wait_for_timeout(500)
        found[spec.title] = look(page, f"projector-light-{spec.url_path}")
    cells = page.locator("table.names td")
    expect(cells.first).to_be_visible()
    sizes = cells.evaluate_all("cells => cells.map(cell => parseFloat(getComputedStyle(cell).fontSize))")
    cut = cells.evaluate_all("cells => cells.filter(cell => cell.scrollWidth > cell.clientWidth + 1).length")
    fits = page.locator("table.names").evaluate("table => table.getBoundingClientRect().right <= "
                                                "table.closest('[data-testid=stMain]').getBoundingClientRect().right")
    context.close()
    assert {where: what for where, what in found.items() if what} == {}
    assert min(sizes) >= 24
    assert cut == 0 and fits
