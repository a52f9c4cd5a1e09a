"""Every page of the dashboard through AppTest: it renders, and its widgets change what it shows."""

import json
import re

import pytest
from apptest_helpers import html_of, open_page
from conftest import load_bench

from framing.library.importing import make_draft
from framing.library.story_store import create_story
from framing.storage import USER_DATA_ENV
from views.pages import PAGES
from views.session import PROJECTOR_STYLE

pytestmark = pytest.mark.usefixtures("analyses_shared")

COMPARING_PAGES = ("views/overview.py", "views/compare.py", "views/words.py", "views/naming.py")


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.title)
def test_every_page_renders_the_bundled_story_under_its_title_and_what_it_shows(spec):
    at = open_page(spec.script)  # one run of each page for both checks: a page run is the costly part
    assert at.session_state["story"] == "assad-coalition-2015"
    drawn = [e.value for kind in ("title", "subheader", "markdown", "caption", "info") for e in at.get(kind)]
    assert any(spec.landmark in str(text) for text in drawn) or spec.landmark in html_of(at), spec.landmark
    assert at.title[0].value == (spec.heading or spec.title)
    assert at.caption[0].value == spec.purpose and spec.purpose.endswith(".")


def test_overview_has_a_card_per_outlet_and_the_voice_switch_changes_the_chart():
    at = open_page()
    page = html_of(at)
    for outlet in ("Press TV", "Al-Manar", "Haaretz (Reuters)", "Sputnik", "The Week"):
        assert f"<h3>{outlet}</h3>" in page
    own = at.get("plotly_chart")[0].proto.spec
    at.radio(key="voice").set_value("quote").run()
    assert at.get("plotly_chart")[0].proto.spec != own
    assert at.query_params["voice"] == "quote"


def test_choosing_outlets_changes_the_columns():
    at = open_page("views/compare.py")
    assert html_of(at).count('<div class="article">') == 5
    at.multiselect(key="compare_outlets").set_value(["Press TV", "The Week"]).run()
    page = html_of(at)
    assert page.count('<div class="article">') == 2
    assert "<h3>Press TV</h3>" in page and "<h3>Al-Manar</h3>" not in page
    assert at.query_params["outlet"] == ["Press TV", "The Week"]


def test_a_category_filter_changes_the_highlighted_hits():
    at = open_page("views/compare.py")
    everything = html_of(at).count('<mark class="hit')
    at.multiselect(key="compare_categories").set_value(["distancing"]).run()
    distancing = html_of(at)
    assert 0 < distancing.count('<mark class="hit') < everything
    assert "what are said to be" in distancing and 'class="hit c6 narrator"' in distancing
    assert 'class="hit c11 ' not in distancing.split("</style>", 1)[1]  # names are no longer marked


def test_the_furniture_toggle_shows_what_cleaning_removed():
    at = open_page("views/compare.py")
    assert "Removed by cleaning" not in html_of(at)
    at.toggle(key="compare_furniture").set_value(True).run()
    assert "Removed by cleaning (39)" in html_of(at)  # The Week's bylines, buttons and teasers


def test_the_url_opens_the_same_view():
    at = open_page("views/compare.py", outlet=["Sputnik", "Haaretz (Reuters)"], category="hedge")
    assert at.multiselect(key="compare_outlets").value == ["Sputnik", "Haaretz (Reuters)"]
    assert at.multiselect(key="compare_categories").value == ["hedge"]


def test_a_term_shows_its_lines_in_context_across_outlets():
    at = open_page("views/words.py", term="regime")
    page = html_of(at)
    assert "“regime”: 3 occurrences" in page
    assert "Al-Manar 0, Haaretz (Reuters) 0, Press TV 0, Sputnik 0, The Week 3" in page
    at.text_input(key="term").set_value("Takfiri").run()
    assert "“Takfiri”: 2 occurrences" in html_of(at)
    assert at.query_params["term"] == "Takfiri"
    at.text_input(key="term").set_value("terrorism").run()
    assert re.search(r"Al-Manar \d+ \(\+\d+ quoted\)", html_of(at))  # own words and quotations counted apart


def test_naming_page_lists_each_outlets_names_for_an_actor():
    at = open_page("views/naming.py")
    table = at.dataframe[0].value
    assert "ISIL ×10" in table.loc["ISIL", "Press TV"]
    assert "Islamic State ×5" in table.loc["ISIL", "Haaretz (Reuters)"]


def test_a_story_with_one_outlet_says_what_needs_two(one_outlet_story):
    for page in COMPARING_PAGES:
        at = open_page(page, story=one_outlet_story)
        assert at.session_state["story"] == one_outlet_story
        messages = " ".join(info.value for info in at.info)
        assert "one outlet" in messages or "two outlets" in messages, page
    assert "so-called" in html_of(open_page("views/compare.py", story=one_outlet_story))


def test_no_category_chosen_is_said_not_left_blank():
    at = open_page("views/compare.py")
    at.multiselect(key="compare_categories").set_value([]).run()
    assert any("nothing is highlighted" in caption.value for caption in at.caption)
    assert '<mark class="hit' not in html_of(at).split('class="article"', 1)[1]


def test_an_article_without_hits_in_the_chosen_category_says_so():
    at = open_page("views/compare.py", category="distancing", outlet=["Haaretz (Reuters)", "Press TV"])
    page = html_of(at)
    assert page.count("No hits for the chosen categories in this article.") == 1  # Haaretz: no distancing
    assert "what are said to be" in page


def test_a_broken_story_gets_a_message_that_shows_its_path_literally(tmp_path, monkeypatch):
    folder = tmp_path / "stories" / "**broken**"
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    at = open_page(story="**broken**")
    assert "cannot be analysed" in at.error[0].value
    assert "**broken**" in at.code[0].value and "not valid YAML" in at.code[0].value


def test_a_link_with_repeated_or_too_many_outlets_opens_at_most_five_distinct_columns():
    outlets = ["Sputnik", "Sputnik", "Press TV", "Al-Manar", "The Week", "Haaretz (Reuters)", "Nobody"]
    at = open_page("views/compare.py", outlet=outlets)
    assert at.multiselect(key="compare_outlets").value == ["Sputnik", "Press TV", "Al-Manar", "The Week",
                                                          "Haaretz (Reuters)"]


def test_switching_story_starts_each_page_afresh(one_outlet_story):
    at = open_page("views/compare.py")
    at.multiselect(key="compare_outlets").set_value(["Press TV", "The Week"]).run()
    at.selectbox(key="story").set_value(one_outlet_story).run()
    assert not at.exception
    assert "Only Outlet" in html_of(at) and at.query_params["outlet"] == "Only Outlet"  # the old choice is gone
    at.switch_page("views/naming.py").run()
    assert not at.exception


def test_a_link_to_a_missing_story_says_so_and_opens_the_first():
    at = open_page(story="no-such-story")
    assert "not here" in at.warning[0].value and at.code[0].value == "no-such-story"
    assert at.session_state["story"] == "assad-coalition-2015"


def test_the_rerun_benchmark_walks_the_dashboards_own_page_list():
    bench = load_bench("dashboard_reruns")
    assert bench.PAGES is PAGES
    assert set(bench.INTERACTIONS) <= {spec.script for spec in PAGES}


def test_the_charts_text_grows_with_the_text_size():
    def chart_fonts(at) -> set[int]:
        return {json.loads(chart.proto.spec)["layout"]["font"]["size"] for chart in at.get("plotly_chart")}

    at = open_page("views/words.py")
    default = chart_fonts(at)
    at.slider(key="text_size").set_value(32).run()
    largest = chart_fonts(at)
    assert len(default) == len(largest) == 1 and min(largest) > max(default) >= 12


def test_projector_mode_from_the_url_sets_large_type_two_columns_and_stays_in_the_url():
    at = open_page("views/compare.py", projector="on")
    assert at.toggle(key="projector").value and at.slider(key="text_size").disabled
    assert len(at.multiselect(key="compare_outlets").value) == 2
    assert "font-size: 32px" in html_of(at)
    assert PROJECTOR_STYLE in html_of(at), "Streamlit's own widgets and captions grow too"
    assert at.query_params["projector"] in ("on", ["on"])
    at.toggle(key="projector").set_value(False).run()
    assert "projector" not in at.query_params and "font-size: 32px" not in html_of(at)
    assert PROJECTOR_STYLE not in html_of(at)
    words = open_page("views/words.py", projector="on")
    sizes = {json.loads(chart.proto.spec)["layout"]["font"]["size"] for chart in words.get("plotly_chart")}
    assert sizes == {round(32 * 14 / 18)}


def test_at_the_largest_text_size_compare_sets_three_outlets_a_row_so_long_words_stay_whole():
    at = open_page("views/compare.py")
    assert sorted(round(column.weight, 2) for column in at.columns).count(0.2) == 5  # five in one row
    at.slider(key="text_size").set_value(32).run()
    assert sorted(round(column.weight, 2) for column in at.columns).count(0.33) == 6  # two rows of three
    assert html_of(at).count('<div class="article">') == 5  # every outlet chosen is still shown


def test_at_the_largest_text_size_the_outlet_cards_go_three_a_row_so_names_stay_whole():
    at = open_page()
    assert sorted(round(column.weight, 2) for column in at.columns).count(0.2) == 5  # five cards in one row
    at.slider(key="text_size").set_value(32).run()
    assert sorted(round(column.weight, 2) for column in at.columns).count(0.33) == 6  # two rows of three
    assert html_of(at).count("<dl>") == 5  # every outlet still has its card


def test_an_outlet_card_leaves_off_what_no_article_of_the_story_has():
    """An imported story without dates or ownership: no column of dashes on every card. The bundled story
    has them all."""
    slug = create_story("Bare", "", [make_draft("The regime said so. " * 300, {"outlet": "One", "country": "Here"}),
                                     make_draft("The rebels said no.", {"outlet": "Two", "date": "2024-01-02"})]).slug
    page = html_of(open_page(story=slug))
    facts = re.findall(r"<dt>(.*?)</dt>", page)
    assert "<dd>1,200 (1,200 own voice, 0 quoted)</dd>" in page  # thousands read at a glance
    assert facts.count("Date") == 2 and facts.count("Country") == 2  # one outlet has a date: a dash for the other
    assert "Ownership" not in facts and "Reports" not in facts
    assert {"Ownership", "Reports"} <= set(re.findall(r"<dt>(.*?)</dt>", html_of(open_page())))
