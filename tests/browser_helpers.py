"""What the real-browser tests share: a dashboard served on a free port, and waits on its pages."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from conftest import TIMEOUT, load_bench
from playwright.sync_api import Page, expect

from framing import load_lexicon
from framing.batch.scoring import run_batch

expect.set_options(timeout=TIMEOUT)
SERVER = load_bench("server")
HOSTILE = "hostile-text"
EXCEPTION = '[data-testid="stException"]'
SCRIPT = "<script>window.__pwned = 1</script>"
IMAGE = '<img src=x onerror="window.__pwned = 2">'
STORY_YAML = """\
title: "Hostile <b>not bold</b> and **not bold** text"
summary: >-
  A summary that is all markup: <script>window.__pwned = 1</script>
  <img src=x onerror="window.__pwned = 2"> **plain**, _underscores_ and a [link](http://example.com).
"""
ARTICLE = """\
---
outlet: {outlet}
country: {country}
date: "2024-0{n}-01"
headline: "Headline <u>{n}</u> with **stars**"
---
# heading {n}

{script}
{image}

The so-called rebels claimed the regime said **plain** things, and [link](http://example.com) too.
He said: "this is a regime".
The regime answered the rebels on day {n}.
"""


STORY_LEXICON_YAML = """name: hostile <b>words</b>
description: The story's own words, **as ticked**.
categories:
  - {id: story_words, name: "Loaded <i>words</i>", description: "d **x**", teaching_note: "t <b>y</b>",
     terms: [regime, rebels]}
"""


def write_hostile_story(data_dir: Path) -> None:
    folder = data_dir / "stories" / HOSTILE
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text(STORY_YAML, encoding="utf-8")
    outlets = (("one", "'<i>Outlet</i> One'", "Nowhere <br>land"), ("two", "Outlet **Two**", "_Elsewhere_"))
    for n, (name, outlet, country) in enumerate(outlets, start=1):
        text = ARTICLE.format(outlet=outlet, country=country, n=n, script=SCRIPT, image=IMAGE)
        (folder / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    (folder / "lexicon.yaml").write_text(STORY_LEXICON_YAML, encoding="utf-8")  # as the set-up step saves one


def write_batch(data_dir: Path) -> None:
    """A batch run over a few hostile-named articles in two months, where the Corpus page finds it."""
    source = data_dir / "corpus.jsonl"
    one, two = "'<i>Outlet</i> One'", "Outlet **Two**"
    rows = [(one, "2024-01-03", "The regime said the so-called rebels fled. Takfiri groups attacked."),
            (one, "2024-02-07", 'The regime claimed it won. "The Takfiri terrorists ran," he said.'),
            (two, "2024-01-09", "The so-called moderate rebels said the regime lied, allegedly.")]
    source.write_text("".join(json.dumps({"outlet": o, "date": d, "text": t}) + "\n" for o, d, t in rows),
                      encoding="utf-8")
    (data_dir / "batches").mkdir()
    run_batch(source, data_dir / "batches" / "hostile.parquet", load_lexicon(), workers=1, progress=False)


@contextlib.contextmanager
def serve(data_dir: Path):
    """The dashboard served as a teacher runs it (bench/server.py) on a free port with `data_dir` as its
    data folder; yields its base URL and stops it after. Other browser test modules start their own."""
    with (data_dir / "streamlit.log").open("w+b") as log:
        try:
            with SERVER.served(log, data_dir=data_dir) as (_, url):
                yield url
        except SERVER.ServerFailed as error:
            pytest.fail(str(error), pytrace=False)


def visit(page: Page, url: str, heading: str) -> None:
    """Go to a page and wait until it has drawn the heading and finished running."""
    page.goto(url)
    expect(page.get_by_text(heading, exact=True).first).to_be_visible(timeout=TIMEOUT)
    settle(page)


def settle(page: Page) -> None:
    """Wait until Streamlit is not running the script any more."""
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=TIMEOUT)


def no_exception(page: Page) -> None:
    expect(page.locator(EXCEPTION)).to_have_count(0)
    assert page.locator(EXCEPTION).count() == 0


def click_centre(page: Page, element) -> None:
    """A mouse click in the middle of an element (Plotly catches clicks on a layer above its points)."""
    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    assert box, "the element has no box on the page"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
