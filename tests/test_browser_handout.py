"""The handout in a real browser: download it from the page, then open the saved file in a fresh
context with the network cut off and check that its charts draw, nothing is fetched, no script from
the articles runs and the page raises no error."""

from __future__ import annotations

import re

import pytest
from browser_helpers import HOSTILE, no_exception, serve, settle, visit, write_hostile_story
from conftest import NEEDS_CHROMIUM, TIMEOUT
from playwright.sync_api import Browser, Page, expect

from framing.render.handout import SECTIONS

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture(scope="module")
def handout_app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("handout-data")
    write_hostile_story(data_dir)
    with serve(data_dir) as url:
        yield url


def download_handout(page: Page, url: str, folder) -> tuple[str, object]:
    visit(page, f"{url}/handout?story={HOSTILE}", "Download the handout (HTML)")
    no_exception(page)
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="Download the handout (HTML)").click()
    download = info.value
    path = folder / download.suggested_filename
    download.save_as(path)
    settle(page)
    no_exception(page)
    return download.suggested_filename, path


def test_the_downloaded_handout_works_offline(page: Page, browser: Browser, handout_app: str, tmp_path):
    name, path = download_handout(page, handout_app, tmp_path)
    assert name == f"{HOSTILE}-handout.html"

    offline = browser.new_context()
    requests: list[str] = []
    offline.on("request", lambda request: requests.append(request.url))
    offline.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    reader = offline.new_page()
    errors: list[str] = []
    reader.on("pageerror", lambda error: errors.append(str(error)))
    reader.goto(path.as_uri())
    charts = reader.locator(".chart .js-plotly-plot")
    expect(charts.first.locator("svg.main-svg").first).to_be_visible(timeout=TIMEOUT)
    assert charts.count() >= 2
    for i in range(charts.count()):  # every chart drew its marks, not only its frame
        expect(charts.nth(i).locator("g.trace").first).to_be_attached()
    expect(reader.get_by_role("heading", name="<i>Outlet</i> One").first).to_be_visible()  # shown as typed
    assert reader.evaluate("window.__pwned") is None
    assert reader.locator("img").count() == 0
    assert [url for url in requests if not url.startswith("file:")] == []
    assert errors == []
    offline.close()


def test_the_handout_prints_its_sections_on_pages(page: Page, browser: Browser, handout_app: str, tmp_path):
    _, path = download_handout(page, handout_app, tmp_path)
    printer = browser.new_context()
    printer.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    sheet = printer.new_page()
    sheet.goto(path.as_uri())
    expect(sheet.locator(".chart svg.main-svg").first).to_be_visible(timeout=TIMEOUT)
    pdf = sheet.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert pages >= len(SECTIONS)  # each section starts a page, and the articles take one each
    printer.close()
