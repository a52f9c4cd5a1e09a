"""What a person types is never lost, whatever their pace: in a real browser, several fields are typed in turn
at typing speed with no wait between them, then Save is pressed at once, and the saved files hold every one."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import no_exception, serve, settle, visit
from conftest import NEEDS_CHROMIUM, TIMEOUT
from playwright.sync_api import Locator, Page, expect

from framing import load_lexicon, load_story

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

KEYSTROKE_MS = 15  # a quick typist: about 65 words a minute


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("typing-data")


@pytest.fixture(scope="module")
def url(data_dir):
    with serve(data_dir) as served:
        yield served


def type_into(page: Page, field: Locator, text: str) -> None:
    """Click a field, replace what it holds, and type at typing speed; no wait for the page after."""
    field.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text, delay=KEYSTROKE_MS)


def tick_row(page: Page, table: Locator, row: int, form: Locator, *, shown: bool) -> None:
    """Click the selection box of a table's row until the row's form is `shown` (or gone). The grid draws
    on a canvas (rows of 35 px under a header) and takes a click only where it saw the pointer arrive, so
    the pointer is moved over it first, and a click it dropped while drawing itself again is made again."""
    box = table.bounding_box()
    assert box, "the table is not on the page"
    for _ in range(3):
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.click(box["x"] + 15, box["y"] + 35 * (row + 1) + 17)
        try:
            expect(form).to_have_count(int(shown), timeout=5_000)
        except AssertionError:
            continue
        settle(page)
        return
    pytest.fail(f"row {row} of the table could not be {'selected' if shown else 'unselected'}")


def test_import_keeps_every_field_typed_in_turn(page: Page, url: str, data_dir: Path, tmp_path: Path):
    (tmp_path / "a.txt").write_text("The regime said the rebels had fled.\nOfficials denied it.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The government said armed groups fled.\n", encoding="utf-8")
    visit(page, f"{url}/import", "Import articles")
    page.get_by_label("Title of the new story").fill("Typed at speed")
    page.get_by_label("Title of the new story").press("Enter")
    settle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([tmp_path / "a.txt", tmp_path / "b.txt"])
    save = page.get_by_role("button", name="Save 2 articles")
    expect(save).to_be_visible(timeout=TIMEOUT)
    settle(page)

    typed = ({"Outlet (required)": "Alpha Daily", "Country": "Syria", "Ownership": "private",
              "Headline": "Rebels fled, regime says"},
             {"Outlet (required)": "Beta Radio", "Country": "Lebanon", "Date": "2024-03-05",
              "Address (URL)": "https://beta.example/talks"})
    articles = page.locator('[class*="st-key-import_article"]')
    expect(articles).to_have_count(2)
    for number, values in enumerate(typed):
        for label, value in values.items():
            type_into(page, articles.nth(number).get_by_label(label), value)
    save.click()
    expect(page.get_by_text("Saved 2 articles to this story:")).to_be_visible(timeout=TIMEOUT)
    no_exception(page)

    (story,) = (data_dir / "stories").iterdir()
    saved = {a.outlet: a for a in load_story(story).articles}
    assert sorted(saved) == ["Alpha Daily", "Beta Radio"]
    assert (saved["Alpha Daily"].country, saved["Alpha Daily"].ownership, saved["Alpha Daily"].headline) == (
        "Syria", "private", "Rebels fled, regime says")
    assert (saved["Beta Radio"].country, saved["Beta Radio"].date, saved["Beta Radio"].url) == (
        "Lebanon", "2024-03-05", "https://beta.example/talks")


def test_lexicon_keeps_every_field_of_a_new_category_typed_in_turn(page: Page, url: str, data_dir: Path):
    visit(page, f"{url}/lexicon", "Lexicon")
    form = page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Add the category"))
    typed = {"id": "speed_words", "name": "Speed words", "description": "Words typed by a quick teacher.",
             "teaching note": "Ask who chose these words, and why.", "Its first terms (comma between them)":
             "quickfire, wordsmithery"}
    for label, value in typed.items():
        type_into(page, form.get_by_label(label, exact=True), value)
    form.get_by_role("button", name="Add the category").click()
    terms = page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Add the terms"))
    category = terms.get_by_role("combobox", name="Category")
    expect(category).to_be_visible(timeout=TIMEOUT)
    settle(page)  # drawn again with the new category among the choices
    expect(form.get_by_label("id", exact=True)).to_have_value("")  # emptied, for the next category
    category.click()
    page.keyboard.type("speed_words", delay=KEYSTROKE_MS)
    page.keyboard.press("Enter")
    type_into(page, terms.get_by_role("textbox", name="Terms to add (comma between them)"), "snapfire")
    type_into(page, terms.get_by_role("textbox", name="Note (optional)"), "Typed straight after the category.")
    terms.get_by_role("button", name="Add the terms").click()
    save_form = page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Save", exact=True))
    type_into(page, save_form.get_by_role("textbox", name="Name", exact=True), "Quick class")
    save_form.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved in your data folder as:")).to_be_visible(timeout=TIMEOUT)
    no_exception(page)

    saved = load_lexicon(data_dir / "lexicons" / "quick-class.yaml")
    (category,) = [c for c in saved.categories if c.id == "speed_words"]
    assert (category.name, category.description, category.teaching_note) == (
        "Speed words", "Words typed by a quick teacher.", "Ask who chose these words, and why.")
    added = [t for t in saved.terms if t.category == "speed_words"]
    assert [t.text for t in added] == ["quickfire", "wordsmithery", "snapfire"]
    assert added[-1].note == "Typed straight after the category."


def test_lexicon_keeps_every_change_typed_into_existing_terms(page: Page, url: str, data_dir: Path):
    """Existing terms are changed one after another, each typed at speed and applied with no wait."""
    visit(page, f"{url}/lexicon", "Lexicon")
    table = page.get_by_test_id("stDataFrame").filter(has_text="part of speech")
    table.scroll_into_view_if_needed()
    typed = {1: {"referent": "Someone named", "note": "Typed at speed.", "forms": "atrocityish"},
             2: {"referent": "Another one", "part of speech": "noun"}}
    for row, values in typed.items():
        form = page.locator('[data-testid="stForm"]').filter(has_text=f"Change the term in row {row + 1}")
        tick_row(page, table, row, form, shown=True)
        for label, value in values.items():
            type_into(page, form.get_by_label(label, exact=True), value)
        form.get_by_role("button", name="Apply the changes to this term").click()
        expect(form.get_by_label("referent", exact=True)).to_have_value(values["referent"])
        tick_row(page, table, row, form, shown=False)  # unselected again, for the next row
    save_form = page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Save", exact=True))
    type_into(page, save_form.get_by_role("textbox", name="Name", exact=True), "Changed terms")
    save_form.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved in your data folder as:")).to_be_visible(timeout=TIMEOUT)
    no_exception(page)

    default, saved = load_lexicon().terms, load_lexicon(data_dir / "lexicons" / "changed-terms.yaml").terms
    assert [(t.text, t.referent, t.note, t.forms) for t in saved[1:3]] == [
        (default[1].text, "Someone named", "Typed at speed.", ("atrocityish",)),
        (default[2].text, "Another one", default[2].note, default[2].forms)]
    assert saved[2].pos == ("noun",) and saved[3:] == default[3:]
