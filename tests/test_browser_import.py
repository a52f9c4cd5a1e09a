"""Importing in a real browser: upload a web page (with scripts) and a Markdown file through the uploader, see
their outlets in the table, save, and open the new story's Overview with both outlets and no script run."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import no_exception, serve, settle, visit
from conftest import NEEDS_CHROMIUM, TIMEOUT
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Talks collapse | The Daily Courier</title>
<meta property="og:site_name" content="The Daily Courier">
<script>window.__pwned = 1</script></head><body>
<div id="cookie-banner">We use cookies. <button onclick="window.__pwned = 3">Accept</button></div>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks collapse</h1>
<p>The regime walked out of the talks on Tuesday, and the so-called moderate rebels said they had been betrayed
by the mediators, who allegedly promised guarantees that never came.</p>
<script>window.__pwned = 2; document.write("SCRIPT WROTE THIS")</script>
<p>"We came in good faith," a spokesman claimed. Officials in the capital denied that the government had
left the table, and said the delegation would return next week.</p>
<img src=x onerror="window.__pwned = 4"></article>
<footer>All rights reserved.</footer></body></html>"""
TEXT = "The government said the talks would resume.\nArmed groups claimed the regime had walked out first.\n"
OUTLET = "Plain <i>Post</i>"


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("import-data")
    with serve(data_dir) as served:
        yield served


def test_upload_describe_save_and_open(page: Page, url: str, tmp_path: Path):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    (tmp_path / "courier.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "post.md").write_text(f"---\noutlet: {OUTLET}\n---\n{TEXT}", encoding="utf-8")
    visit(page, f"{url}/import", "Import articles")
    page.get_by_label("Title of the new story").fill("Talks in the browser")
    page.get_by_label("Title of the new story").press("Enter")
    settle(page)

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([tmp_path / "courier.html",
                                                                        tmp_path / "post.md"])
    save = page.get_by_role("button", name="Save 2 articles")
    expect(save).to_be_visible(timeout=TIMEOUT)
    settle(page)

    # Both outlets come from the files (the page's site name, the Markdown's front matter), in the files'
    # order by name. Typing in them is tests/test_browser_typing.py's.
    outlets = page.get_by_label("Outlet (required)")
    for number, outlet in enumerate(("The Daily Courier", OUTLET)):
        expect(outlets.nth(number)).to_have_value(outlet)
    save.click()
    settle(page)
    expect(page.get_by_text("Saved 2 articles to this story:")).to_be_visible()
    no_exception(page)

    page.get_by_role("button", name="Open the story").click()
    expect(page.get_by_role("combobox", name="Story")).to_have_value("Talks in the browser", timeout=TIMEOUT)
    settle(page)
    for outlet in ("The Daily Courier", OUTLET):
        expect(page.locator(".framing h3").filter(has_text=outlet).first).to_be_visible()
    body = page.locator("body").inner_text()
    assert "SCRIPT WROTE THIS" not in body and "cookies" not in body
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
    no_exception(page)
