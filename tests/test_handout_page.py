"""The Handout and downloads page through AppTest: the downloads, the outlet filter, and PNG export with
and without Chromium."""

import pytest
from apptest_helpers import open_page
from conftest import NEEDS_CHROMIUM, PNG_SIGNATURE, png_size

from framing.render import png
from framing.render.exports import TABLES

pytestmark = pytest.mark.usefixtures("analyses_shared")

PAGE = "views/handout.py"
DOWNLOADS = {"handout_download", "csv_zip", *(f"csv_{name}" for name in TABLES)}


def download_keys(at) -> set[str]:
    return {button.key for button in at.get("download_button")}


def handout_of(at) -> str:
    return at.session_state["handout_built"][3].decode("utf-8")


def test_the_page_offers_the_handout_and_every_table():
    at = open_page(PAGE)
    assert download_keys(at) >= DOWNLOADS
    page = handout_of(at)
    for outlet in at.session_state["handout_outlets"]:
        assert f"<h3>{outlet}</h3>" in page
    assert any("MB" in caption.value for caption in at.caption)  # the file's size is shown


def test_choosing_outlets_changes_the_handout():
    at = open_page(PAGE)
    before = handout_of(at)
    at.multiselect(key="handout_outlets").set_value(["Sputnik", "Press TV"]).run()
    assert not at.exception
    after = handout_of(at)
    assert after != before
    assert "<h3>Sputnik</h3>" in after and "<h3>Press TV</h3>" in after
    assert "<h3>Al-Manar</h3>" not in after and "Al-Manar" in before
    assert any(button.label.startswith("Spans (") for button in at.get("download_button"))


def test_sections_left_out_are_not_in_the_handout():
    at = open_page(PAGE)
    at.multiselect(key="handout_sections").set_value(["outlets"]).run()
    page = handout_of(at)
    assert 'id="outlets"' in page and 'id="articles"' not in page and "Plotly.newPlot" not in page


def test_no_outlet_chosen_says_so():
    at = open_page(PAGE)
    at.multiselect(key="handout_outlets").set_value([]).run()
    assert not at.exception
    assert any("at least one outlet" in warning.value for warning in at.warning)
    assert "handout_download" not in download_keys(at)


def test_without_chromium_the_page_says_what_to_install_and_the_rest_works(monkeypatch):
    monkeypatch.setattr(png, "find_browser", lambda: None)
    at = open_page(PAGE)
    assert any("sudo apt install chromium" in warning.value for warning in at.warning)
    assert not [button for button in at.button if button.key == "png_make"]
    assert download_keys(at) >= DOWNLOADS


@NEEDS_CHROMIUM
def test_make_png_offers_the_picture():
    at = open_page(PAGE)
    at.selectbox(key="png_chart").set_value("statements").run()
    at.button(key="png_make").click().run()
    assert not at.exception
    picked, _, data = at.session_state["png_made"]
    assert picked == "statements" and data.startswith(PNG_SIGNATURE)
    assert png_size(data)[0] == 1200 * 2
    assert "png_download" in download_keys(at)
