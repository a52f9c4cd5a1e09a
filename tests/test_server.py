"""How the server runs a class: Streamlit's per-script full collection off, the first story analysed at
start-up into the cache the pages read with the charts and tables its Explore pages open with, and the
stylesheet sent once per page, not once per block."""

import tomllib

import pytest
from apptest_helpers import html_of, open_page
from conftest import REPO
from streamlit import config
from streamlit.web.server.app_discovery import discover_asgi_app

import views.kept
import views.session
from views.pages import PAGES


def test_streamlits_full_collection_after_each_script_is_off():
    settings = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["runner"]["postScriptGC"] is False
    assert "runner.postScriptGC" in config._config_options_template  # an option this Streamlit knows


def test_streamlit_run_app_py_serves_the_dashboard_with_a_start_up_hook():
    found = discover_asgi_app(REPO / "app.py")
    assert found.is_asgi_app and found.import_string.endswith(":app")


def test_the_warm_up_analyses_the_first_story_so_the_first_visitor_does_not(monkeypatch):
    views.session.warm_up()
    calls = []
    real = views.session.analyse
    monkeypatch.setattr(views.session, "analyse", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    at = open_page()
    assert 'class="framing"' in html_of(at)
    assert calls == []


@pytest.mark.parametrize("page", ["views/overview.py", "views/compare.py", "views/words.py", "views/naming.py"])
def test_the_warm_up_builds_what_the_explore_pages_open_with_so_a_class_does_not(page, monkeypatch):
    views.session.warm_up()
    built = []
    for builder in ("rate_tiles", "distinctive_bars", "term_scatter", "statement_tiles", "unique_share_bars",
                    "article_html"):
        real = getattr(views.kept, builder)
        monkeypatch.setattr(views.kept, builder, lambda *a, real=real, name=builder, **k: built.append(name) or
                            real(*a, **k))
    at = open_page(page)
    assert not at.exception and (at.get("plotly_chart") or 'class="framing"' in html_of(at))
    assert built == []


@pytest.mark.parametrize("page", [spec.script for spec in PAGES])
def test_the_stylesheet_is_sent_once_per_page_that_draws_styled_blocks(page):
    at = open_page(page)
    bodies = [element.proto.body for element in at.get("html")]
    styled = [body for body in bodies if "<style" in body and "framing mark.hit" in body]
    blocks = [body for body in bodies if 'class="framing"' in body]
    assert len(styled) == (1 if blocks else 0)
    assert all("<style" not in block for block in blocks)
    at.run()  # a rerun sends it again, once
    assert sum("framing mark.hit" in element.proto.body for element in at.get("html")) == (1 if blocks else 0)
