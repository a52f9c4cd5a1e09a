"""The dashboard in a real browser: Streamlit serves it, Debian's Chromium shows it, Playwright clicks.

One server for the whole module, started from the repo root with FRAMING_DATA_DIR pointing at a
hostile story whose texts are full of HTML and Markdown that must come out as literal characters.
Skipped where /usr/bin/chromium is missing, unless the environment variable CI is set: then it fails.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser_helpers import (
    HOSTILE,
    SCRIPT,
    click_centre,
    no_exception,
    serve,
    settle,
    visit,
    write_batch,
    write_hostile_story,
)
from conftest import NEEDS_CHROMIUM, REPO, TIMEOUT
from playwright.sync_api import Page, expect

from framing import load_lexicon
from views.pages import PAGES, PageSpec

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

BUNDLED = "assad-coalition-2015"
LANDMARKS = {spec.url_path: spec.landmark for spec in PAGES}
CORPUS = "How often each outlet uses each kind of framing word"
FIRST_LINES = "texts => texts.map(t => (t.querySelector('tspan.line') || t).textContent)"



# --- fixtures: browser, server, story ------------------------------------------------------------


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """The server for this module, over a hostile story and a batch. (Other modules start their own
    with `serve` and go to full URLs: pytest-playwright's base_url is one per session.)"""
    data_dir = tmp_path_factory.mktemp("framing-data")
    write_hostile_story(data_dir)
    write_batch(data_dir)
    with serve(data_dir) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(app: str) -> str:
    """Where page.goto("/compare") goes (the plugin's own base_url comes from --base-url)."""
    return app


# --- helpers -----------------------------------------------------------------------------------


# --- tests --------------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.title)
def test_every_page_opens_without_an_exception(page: Page, spec: PageSpec):
    visit(page, f"/{spec.url_path}", spec.landmark)
    expect(page.locator("h1, h2, h3").first).to_be_visible()
    no_exception(page)


def click_first_nonzero_square(page: Page) -> int:
    """Click the first square of the Overview's "Hits by category" chart with hits; its hit count."""
    chart = page.locator(".stPlotlyChart").filter(has_text="Hits by category").first
    squares = chart.locator(".scatterlayer .points path")
    expect(squares.first).to_be_visible()
    labels = chart.locator(".scatterlayer .textpoint")
    assert squares.count() == labels.count() > 0
    counts = [int(label) for label in labels.evaluate_all(FIRST_LINES)]  # "<b>3</b><br>4.2" is drawn in two lines
    index = next(i for i, count in enumerate(counts) if count > 0)
    expect(page.get_by_text("No square selected yet")).to_be_visible()
    click_centre(page, squares.nth(index))
    expect(page.get_by_text("No square selected yet")).to_have_count(0)
    return counts[index]


def test_clicking_a_square_of_the_overview_lists_its_hits(page: Page, bundled):
    visit(page, f"/?story={BUNDLED}", LANDMARKS[""])

    count = click_first_nonzero_square(page)

    title = page.locator(".framing h3").filter(has_text=re.compile(r" · .* · .*: \d+ hits?$"))
    expect(title).to_have_text(re.compile(rf" · the outlet's own words: {count} hits?$"))
    outlet, name, _ = title.text_content().split(" · ")  # the square clicked, as the page names it...
    category = next(c.id for c in bundled.lexicon.categories if c.name == name)
    own = bundled.scores[bundled.scores["voice"] == "narrator"].set_index(["category", "outlet"])["count"]
    assert own[(category, outlet)] == count  # ...holds the count drawn in it
    rows = page.locator("table.kwic tr")
    expect(rows.first).to_be_visible()
    assert rows.count() == count
    no_exception(page)


def test_clicking_a_distinctive_bar_puts_its_term_in_context(page: Page):
    visit(page, f"/words?story={BUNDLED}", LANDMARKS["words"])
    term_box = page.get_by_role("textbox", name="Term", exact=True)
    expect(term_box).to_have_value("")
    chart = page.locator(".stPlotlyChart").first
    bar = chart.locator(".barlayer .point path").last  # the top bar: the most distinctive term
    expect(bar).to_be_visible(timeout=TIMEOUT)
    for _ in range(3):  # on a loaded machine Plotly may still be laying the chart out at the first click
        label = chart.locator(".yaxislayer-above .ytick text").last.text_content()  # read as it is now
        term = re.sub(r" \(\d+ / \d+\)$", "", label)  # the tick reads "term (uses here / elsewhere)"
        assert term and term != label
        click_centre(page, bar)
        try:
            expect(term_box).to_have_value(term, timeout=10_000)
            break
        except AssertionError:
            settle(page)
    expect(term_box).to_have_value(term)
    heading = page.locator(".framing h3").filter(has_text=f"“{term}”")
    expect(heading).to_have_text(re.compile(r": [1-9]\d* occurrences?$"), timeout=TIMEOUT)
    lines = page.locator("table.kwic tr")
    expect(lines.first).to_be_visible()
    assert term.lower() in lines.first.locator("mark").text_content().lower()
    no_exception(page)


def test_hovering_a_highlighted_word_shows_its_note(page: Page):
    visit(page, f"/compare?story={BUNDLED}", LANDMARKS["compare"])
    mark = page.locator(".article mark.hit[data-note]").first
    expect(mark).to_be_visible()
    note = mark.get_attribute("data-note")
    category = note.split(" (", 1)[0]  # the note reads "Category (n): “term”, voice. Teaching note."
    assert category and note != category
    after = "el => getComputedStyle(el, '::after').content"
    assert category not in mark.evaluate(after)

    mark.hover()

    assert category in mark.evaluate(after)
    assert mark.evaluate(after) not in ("none", "normal", "")


def test_clicking_a_square_of_the_corpus_lists_its_terms(page: Page, dialogs: list[str]):
    visit(page, "/corpus", CORPUS)
    no_exception(page)
    chart = page.locator(".stPlotlyChart").filter(has_text="Hits by category").first
    squares = chart.locator(".scatterlayer .points path")
    expect(squares.first).to_be_visible()
    ticks = [tick.replace(" ", "") for tick in chart.locator(".xaxislayer-above text").all_text_contents()]
    assert "'<i>Outlet</i>One'" in ticks and "Outlet**Two**" in ticks, ticks  # long names wrap onto lines
    labels = chart.locator(".scatterlayer .textpoint")
    assert squares.count() == labels.count() == 2 * len(load_lexicon().categories)  # two outlets, every category
    counts = [int(label) for label in labels.evaluate_all(FIRST_LINES)]
    index = next(i for i, count in enumerate(counts) if count > 1)
    expect(page.get_by_text("No square selected yet")).to_be_visible()
    title = page.locator(".framing h3").filter(has_text=re.compile(r" · all months: \d+ hits?$"))

    for _ in range(3):  # on a loaded machine Plotly may still be laying the chart out at the first click
        click_centre(page, squares.nth(index))
        try:
            expect(title).to_be_visible(timeout=10_000)
            break
        except AssertionError:
            settle(page)
    expect(title).to_have_text(re.compile(rf" · the outlet's own words · all months: {counts[index]} hits$"))
    expect(page.get_by_text(re.compile(rf"behind this number: their counts add up to exactly {counts[index]}\."))
           ).to_be_visible()
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible()
    cells = table.locator("[role=gridcell]")  # the grid is drawn on a canvas; these are its accessible copy
    expect(cells.first).to_be_attached()
    texts = cells.all_text_contents()  # term, count, term, count, …
    assert sum(int(count) for count in texts[1::2]) == counts[index], texts
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
    no_exception(page)


def literal_markup_is_shown(page: Page, dialogs: list[str]) -> None:
    """The hostile strings are on the page as characters, and none of them did anything."""
    text = page.locator("body").inner_text()
    for literal in (SCRIPT, "**plain**", "<img src=x onerror=", "[link](http://example.com)"):
        assert literal in text
        expect(page.get_by_text(literal).first).to_be_visible()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href="http://example.com"], a[href="http://example.com/"]').count() == 0
    formatted = page.locator("b, strong, em, i, u").filter(has_text=re.compile(r"^(not bold|bold|plain|Outlet|Two)$"))
    assert formatted.count() == 0
    assert dialogs == []
    no_exception(page)


def test_hostile_text_is_shown_literally_on_the_overview(page: Page, dialogs: list[str]):
    visit(page, f"/?story={HOSTILE}", LANDMARKS[""])
    expect(page.locator(".framing h2")).to_contain_text("Hostile <b>not bold</b> and **not bold** text")
    expect(page.locator(".framing h3").filter(has_text="<i>Outlet</i> One")).to_be_visible()
    expect(page.locator(".framing h3").filter(has_text="Outlet **Two**")).to_be_visible()
    expect(page.get_by_text("Headline <u>1</u> with **stars**")).to_be_visible()
    expect(page.get_by_role("combobox", name="Story")).to_have_value("Hostile <b>not bold</b> and **not bold** text")
    tick_labels = page.locator(".stPlotlyChart .xaxislayer-above text")
    expect(tick_labels.first).to_be_visible()  # Plotly draws its axes after the page has settled
    ticks = [tick.replace(" ", "") for tick in tick_labels.all_text_contents()]  # long names wrap onto lines
    assert "<i>Outlet</i>One" in ticks and "Outlet**Two**" in ticks, ticks
    literal_markup_is_shown(page, dialogs)

    count = click_first_nonzero_square(page)  # the evidence: sentences of the hostile text

    title = page.locator(".framing h3").filter(has_text=re.compile(r": \d+ hits?$"))
    expect(title).to_have_text(re.compile(rf"^<i>Outlet</i> One · .*: {count} hits?$"))
    rows = page.locator("table.kwic tr")
    expect(rows).to_have_count(count)
    expect(rows.filter(has_text="**plain**").first).to_be_visible()
    literal_markup_is_shown(page, dialogs)


def test_hostile_text_is_shown_literally_on_compare(page: Page, dialogs: list[str]):
    visit(page, f"/compare?story={HOSTILE}", LANDMARKS["compare"])
    articles = page.locator(".framing .article")
    expect(articles).to_have_count(2)
    for article in articles.all():
        body = article.inner_text()
        assert SCRIPT in body and "# heading" in body and "[link](http://example.com)" in body
        expect(article.locator("mark.hit").filter(has_text="regime").first).to_be_visible()
    literal_markup_is_shown(page, dialogs)


@pytest.mark.parametrize("path", ["words?term=regime&", "naming?"])
def test_hostile_story_opens_on_the_other_pages(page: Page, dialogs: list[str], path: str):
    heading = LANDMARKS[path.split("?")[0]]
    visit(page, f"/{path}story={HOSTILE}", heading)
    no_exception(page)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator('img[src="x"]').count() == 0
    assert dialogs == []
    if path.startswith("words"):
        expect(page.get_by_role("textbox", name="Term", exact=True)).to_have_value("regime")
        expect(page.locator("table.kwic tr").first).to_be_visible()


def test_screenshot_of_compare(page: Page, tmp_path: Path):
    visit(page, f"/compare?story={BUNDLED}", LANDMARKS["compare"])
    expect(page.locator(".framing .article")).to_have_count(5)
    expect(page.locator(".framing .article mark.hit").first).to_be_visible()
    page.evaluate("document.fonts.ready.then(() => true)")  # the mouse has not moved: nothing is hovered
    settle(page)
    shot = tmp_path / "compare.png"
    page.screenshot(path=shot, animations="disabled")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1600, 1000)
    assert len(data) > 50_000  # a blank or nearly blank page compresses to a few kilobytes
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        docs = REPO / "docs"
        docs.mkdir(exist_ok=True)
        (docs / "compare.png").write_bytes(data)
