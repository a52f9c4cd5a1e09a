"""What the real-browser tests share: a dashboard served on a free port, and waits on its pages."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, TIMEOUT
from playwright.sync_api import Page, expect

from framing import load_lexicon
from framing.batch.scoring import run_batch

expect.set_options(timeout=TIMEOUT)
STARTUP = 60  # s, for the server to answer its health check
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


@contextlib.contextmanager
def serve(data_dir: Path):
    """The dashboard served on a free port with `data_dir` as its data folder; yields its base URL and
    stops it (its whole group) after. Other browser test modules start their own with their own data."""
    log = (data_dir / "streamlit.log").open("w+b")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    server = subprocess.Popen(command, cwd=REPO, env={**os.environ, "FRAMING_DATA_DIR": str(data_dir)},
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP
        while not healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                output = log.read().decode(errors="replace")
                pytest.fail(f"streamlit did not answer on {url} within {STARTUP} s "
                            f"(exit code {server.poll()}):\n{output}", pytrace=False)
            time.sleep(0.2)
        yield url
    finally:
        stop(server)
        log.close()


def stop(server: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        try:
            server.wait(wait)
            break
        except subprocess.TimeoutExpired:
            continue


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
