"""The HTML handout (framing/render/handout.py): one self-contained file, only the chosen outlets, every piece of
text escaped, nothing fetched from the network, and the same counts as the analysis."""

import base64
import datetime
import json
import re
from html.parser import HTMLParser

import numpy as np
import pytest
from conftest import make_lexicon, make_story

from framing import analyse
from framing.render.handout import SECTIONS, handout_html
from framing.render.palette import category_styles

SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = "<img src=x onerror=\"window.__pwned=2\">"
TODAY = datetime.date(2024, 5, 6)


class Document(HTMLParser):
    """The tags, attributes, scripts and table cells of an HTML document, as a browser would see them."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.cells: dict[tuple[str, str, str], str] = {}  # (table id, category, outlet) -> cell text
        self._table = self._category = self._outlet = ""
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "table":
            self._table = attrs.get("id") or ""
        if tag == "td" and "data-category" in attrs:
            self._category = attrs["data-category"]
        if tag == "td" and "data-outlet" in attrs:
            self._outlet = attrs["data-outlet"]
            self.cells[(self._table, self._category, self._outlet)] = ""

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag == "td":
            self._outlet = ""

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
            return
        self.text.append(data)
        if self._outlet:
            self.cells[(self._table, self._category, self._outlet)] += data


@pytest.fixture(scope="module")
def hostile():
    lexicon = make_lexicon(labels=["regime", "rebels"], distancing=["so-called"])
    story = make_story(
        (SCRIPT, f"{SCRIPT}\nThe regime said **bold** things about the so-called rebels.\n{IMAGE}"),
        ("Plain Post", 'The rebels said: "the regime lies" and the regime denied it. See https://example.com/x'),
        ("Left Out", "The regime and the rebels met at https://example.org/y today."),
    )
    analysis = analyse(story, lexicon)
    return analysis, category_styles(analysis.lexicon)


@pytest.fixture(scope="module")
def hostile_handout(hostile):
    analysis, styles = hostile
    return handout_html(analysis, [SCRIPT, "Plain Post"], styles, {}, made=TODAY)


def test_the_handout_parses_and_names_the_chosen_outlets_only(hostile_handout):
    document = Document(hostile_handout)
    text = " ".join(document.text)
    assert hostile_handout.startswith("<!DOCTYPE html>")
    assert SCRIPT in text and "Plain Post" in text  # shown as characters, the outlet name included
    assert "Left Out" not in hostile_handout
    assert "example.org" not in hostile_handout  # the unchosen article's text is not in the file
    assert TODAY.isoformat() in text


def test_hostile_text_is_only_ever_escaped(hostile_handout):
    document = Document(hostile_handout)
    assert not [attrs for tag, attrs in document.tags if tag == "img"]
    assert not [attrs for _, attrs in document.tags if any(name.startswith("on") for name in attrs)]
    assert SCRIPT not in hostile_handout and IMAGE not in hostile_handout
    assert "<b>bold</b>" not in hostile_handout and "**bold**" in " ".join(document.text)
    # in the charts' data the name stays a JSON string whose < is \u003c, so it cannot end the script
    assert not [script for script in document.scripts if "<script" in script.lower() or "pwned=1<" in script]
    assert "\\u003cscript\\u003ewindow.__pwned=1" in hostile_handout


def test_no_resource_is_fetched_and_addresses_stay_text(hostile_handout):
    document = Document(hostile_handout)
    for tag, attrs in document.tags:
        for name in ("src", "href", "action", "data", "srcset", "poster"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or "", re.I), (tag, attrs)
    assert not [tag for tag, _ in document.tags if tag in ("a", "link", "iframe", "object", "embed", "base")]
    assert "https://example.com/x" in " ".join(document.text)


def test_the_only_scripts_are_plotly_js_and_the_chart_calls(hostile_handout):
    document = Document(hostile_handout)
    scripts = [script.strip() for script in document.scripts if script.strip()]
    config = [script for script in scripts if script == "window.PlotlyConfig = {MathJaxConfig: 'local'};"]
    bundles = [script for script in scripts if len(script) > 1_000_000]
    calls = [script for script in scripts if len(script) < 1_000_000 and "Plotly.newPlot(" in script]
    assert len(bundles) == 1 and "plotly.js" in bundles[0][:300]  # the library, inline, once
    assert calls and len(config) + len(bundles) + len(calls) == len(scripts)
    script_tags = [attrs for tag, attrs in document.tags if tag == "script"]
    assert not [attrs for attrs in script_tags if attrs.get("src")]


def test_the_score_tables_hold_the_analysis_counts(bundled):
    styles = category_styles(bundled.lexicon)
    chosen = bundled.story.outlets[1:4]
    document = Document(handout_html(bundled, chosen, styles, {}, include=("scores",), made=TODAY))
    for voice in ("narrator", "quote"):
        scores = bundled.scores[(bundled.scores["voice"] == voice) & bundled.scores["outlet"].isin(chosen)]
        shown = {key: text for key, text in document.cells.items() if key[0] == f"scores-{voice}"}
        assert len(shown) == len(styles) * len(chosen)
        for row in scores.itertuples(index=False):
            count, rate = shown[(f"scores-{voice}", row.category, row.outlet)].split()
            assert (int(count), float(rate)) == (row.count, round(row.per_1000, 1))


def test_sections_can_be_left_out(bundled):
    styles = category_styles(bundled.lexicon)
    page = handout_html(bundled, bundled.story.outlets, styles, {}, include=("outlets", "naming"), made=TODAY)
    ids = {attrs.get("id") for tag, attrs in Document(page).tags if tag == "section"}
    assert ids == {"outlets", "naming"}
    assert "Plotly.newPlot" not in page  # no chart asked for, so no plotly.js either
    full = handout_html(bundled, bundled.story.outlets, styles, {}, made=TODAY)
    assert {attrs.get("id") for tag, attrs in Document(full).tags if tag == "section"} >= set(SECTIONS)


def test_each_article_is_marked_and_escaped(bundled):
    styles = category_styles(bundled.lexicon)
    page = handout_html(bundled, ["Sputnik"], styles, {}, include=("articles",), made=TODAY)
    marks = len(re.findall(r'<mark class="hit', page)) - 2  # the legend shows two sample marks
    assert marks > 0 and marks <= int((bundled.spans["outlet"] == "Sputnik").sum())
    assert "Press TV" not in page


def plotted(page: str) -> dict[str, dict]:
    """Each chart of a handout as Plotly drew it: div id -> {"data": [...], "layout": {...}}."""
    decoder = json.JSONDecoder()
    charts = {}
    for match in re.finditer(r'Plotly\.newPlot\(\s*"(chart-\d+)",\s*', page):
        data, end = decoder.raw_decode(page, match.end())
        layout, _ = decoder.raw_decode(page, page.index("{", end))
        charts[match.group(1)] = {"data": data, "layout": layout}
    return charts


def numbers(values) -> list[float]:
    """An array from Plotly's JSON: a list, or a typed array ({"dtype", "bdata": base64})."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


@pytest.fixture(scope="module")
def lopsided():
    """'book' and 'collusion' are A's (each also on A's exclusive and TF-IDF lists); A uses 'trump' less
    than the others do, so its z is negative although the term is in A's log-odds top eight."""
    story = make_story(
        ("A", "The book was out. A book again. Collusion here, collusion there, collusion claims. Trump spoke."),
        ("B", "Trump spoke. Trump again. Trump said. Trump left. Trump came. Collusion once."),
        ("C", "Trump met. Trump ate. Trump went. Trump sat. Other words here."),
    )
    analysis = analyse(story, make_lexicon(labels=["regime"]))
    return analysis, handout_html(analysis, ["A"], category_styles(analysis.lexicon), {}, include=("distinctive",),
                                  made=TODAY)


def test_the_distinctive_chart_has_one_bar_per_term_and_only_positive_z(lopsided):
    analysis, page = lopsided
    listed = analysis.distinctive(top=8)
    assert (listed[(listed["outlet"] == "A") & (listed["term"] == "book")].shape[0] > 1)  # the trap is there
    assert (listed[(listed["outlet"] == "A") & (listed["term"] == "trump")]["z"] < 0).all()
    (chart,) = plotted(page).values()
    (bars,) = chart["data"]
    terms = [term for _, term in bars["customdata"]]
    assert len(terms) == len(set(terms)) and {"book", "collusion"} <= set(terms)
    assert "trump" not in terms and min(numbers(bars["x"])) > 0
    assert chart["layout"]["yaxis"]["automargin"] is True  # the margin grows to the labels


def test_the_distinctive_chart_has_its_table_with_the_same_numbers(lopsided):
    _, page = lopsided
    (chart,) = plotted(page).values()
    (bars,) = chart["data"]
    table = re.search(r'<table class="data" id="distinctive-0">(.*?)</table>', page, re.S).group(1)
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)[1:]]
    assert sorted(row[0] for row in rows) == sorted(term for _, term in bars["customdata"])
    drawn = {term: z for (_, term), z in zip(bars["customdata"], numbers(bars["x"]), strict=True)}
    assert all(float(z) == pytest.approx(drawn[term], abs=0.005) for term, z, *_ in rows)


def test_a_distinctive_chart_prints_on_the_page_of_its_table(lopsided):
    _, page = lopsided
    together = re.search(r'<div class="with-table">(.*?)</div>\s*</div>\s*(<table class="data" id="distinctive-0">)',
                         page, re.S)
    assert together and "Plotly.newPlot" in together.group(1)
    assert re.search(r"\.with-table \{[^}]*break-inside: avoid", page)


def test_the_naming_table_lists_the_most_mentioned_actors_first():
    """As on the Naming page: the main actor first, though its name comes last in the alphabet."""
    story = make_story(("A", "The regime spoke. The rebels ran."), ("B", "The regime left. The regime stayed."))
    lexicon = make_lexicon(names=[{"term": "regime", "referent": "Zed Government"},
                                  {"term": "rebels", "referent": "Alpha Rebels"}])
    analysis = analyse(story, lexicon)
    page = handout_html(analysis, ["A", "B"], category_styles(lexicon), {}, include=("naming",), made=TODAY)
    rows = re.findall(r"<tr><td>(.*?)</td>", page.split('<table class="data">')[1])
    assert rows == ["Zed Government", "Alpha Rebels"]


def test_the_handout_charts_print_on_white(lopsided):
    _, page = lopsided
    (chart,) = plotted(page).values()
    assert (chart["layout"]["paper_bgcolor"], chart["layout"]["plot_bgcolor"]) == ("#ffffff", "#ffffff")


def test_the_statement_grids_share_the_rows_out_evenly(bundled):
    page = handout_html(bundled, bundled.story.outlets, category_styles(bundled.lexicon), {}, include=("statements",),
                        made=TODAY)
    rows = [len(set(chart["data"][0]["y"])) for chart in plotted(page).values()]
    assert sum(rows) == len(bundled.statement_matrix()) > 15  # more than one printed page of them
    assert max(rows) <= 15 and max(rows) - min(rows) <= 1
