"""Highlighted article HTML, evidence lines and charts, on tiny hand-made texts."""

import html
import re

import pandas as pd
from conftest import make_lexicon, make_story
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import analyse
from framing.evidence import keyword_in_context
from framing.render.charts import (
    distinctive_bars,
    grid_width,
    guess_bars,
    rate_tiles,
    statement_tiles,
    term_scatter,
    unique_share_bars,
)
from framing.render.highlight import article_html, evidence_html, hit_note, names_html, removed_html, wordings_html
from framing.render.palette import CATEGORY_COLOURS, MARK_BLUE, category_styles
from framing.spans import SPAN_FIELDS

TAGS_RE = re.compile(r"<sup[^>]*>\d+</sup>|<[^>]+>")


LEXICON = make_lexicon(distancing=["so-called"], actor_label=["regime", "rebels"], hedge=["t"])


def analysed(*texts: str, outlets: tuple[str, ...] = ("A", "B", "C")):
    return analyse(make_story(*zip(outlets, texts, strict=False)), LEXICON)


def visible_text(markup: str) -> str:
    return html.unescape(TAGS_RE.sub("", markup))


def test_hits_are_marked_with_category_number_voice_and_note():
    result = analysed('The so-called rebels attacked. "The regime lies," he said.')
    styles = category_styles(result.lexicon)
    markup = article_html(result.documents[0], result.spans, styles, {})
    assert re.search(r'<mark class="hit c\d narrator"[^>]*>so-called<sup class="tag">\d</sup></mark>', markup)
    assert re.search(r'<span class="quoted"><mark class="hit c\d quote"[^>]*>regime<sup', markup)
    assert 'data-note="' in markup and "inside a quotation" in markup
    assert visible_text(markup) == result.documents[0].text


def test_article_text_is_escaped_never_markup():
    text = 'A <script>alert(1)</script> and <img src=x onerror="go()"> and **bold** said the regime.'
    result = analysed(text)
    markup = article_html(result.documents[0], result.spans, category_styles(result.lexicon), {})
    assert "<script>" not in markup and "<img" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup and "**bold**" in markup
    assert visible_text(markup) == result.documents[0].text


def test_a_note_comes_from_the_term_then_from_the_category():
    result = analysed("The regime fell.")
    styles = category_styles(result.lexicon)
    span = next(result.spans.itertuples(index=False))
    assert hit_note(span, styles, {(span.category, span.term): "A word for illegitimate rule."}).endswith(
        "A word for illegitimate rule.")
    assert styles[span.category].teaching_note in hit_note(span, styles, {})


def test_removed_furniture_is_listed_escaped():
    markup = removed_html([{"line": 3, "kind": "furniture", "reason": "share <button>", "text": "Share <b>now</b>"}])
    assert "Removed by cleaning (1)" in markup and "&lt;b&gt;now&lt;/b&gt;" in markup and "<b>now" not in markup
    assert "removed nothing" in removed_html([])


def test_category_styles_number_every_category_with_colour_blind_safe_colours():
    styles = category_styles(LEXICON)
    assert [s.number for s in styles.values()] == list(range(1, len(styles) + 1))
    assert all(s.colour in CATEGORY_COLOURS for s in styles.values())


TRICKY = st.sampled_from(list("ab <>&\"'“”‘’*#\n.,")) | st.characters(exclude_categories=("Cs",))


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=TRICKY, max_size=200),
       cuts=st.lists(st.tuples(st.integers(0, 200), st.integers(1, 12)), max_size=6))
def test_any_text_and_any_spans_show_exactly_the_text(text, cuts):
    result = analysed(text) if text.strip() else analysed("x")
    doc = result.documents[0]
    length = len(doc.text)
    rows = [(doc.article.id, "Outlet", min(s, length), min(s + n, length), "", "t", "hedge", "", "narrator",
             False, "", 0) for s, n in cuts if min(s, length) < min(s + n, length)]
    spans = pd.DataFrame(rows, columns=list(SPAN_FIELDS))
    markup = article_html(doc, spans, category_styles(result.lexicon), {})
    assert visible_text(markup) == doc.text
    assert "<script" not in markup.lower()


def test_span_evidence_gives_the_sentence_around_each_hit():
    result = analysed("First sentence here. Then the so-called rebels came. Last one.")
    rows = result.evidence(result.spans_behind(term="so-called"))
    assert rows.iloc[0][["before", "match", "after"]].tolist() == ["Then the ", "so-called", " rebels came."]


def test_keyword_in_context_finds_whole_words_possessives_and_voice():
    result = analysed('The regime\'s army moved. "The regime will fall," he said. Regimes change.')
    lines = keyword_in_context(result.documents, "REGIME")
    assert lines["match"].tolist() == ["regime's", "regime"]
    assert lines["voice"].tolist() == ["narrator", "quote"]
    assert keyword_in_context(result.documents, "!!!").empty
    assert "&lt;" in evidence_html(keyword_in_context(analysed("a <b> regime").documents, "regime"))


def test_charts_carry_what_a_click_needs_and_escape_labels():
    result = analysed("The so-called rebels said so.", "The <b>regime</b> said so.", outlets=("A", 'B "q" <i>'))
    styles = category_styles(result.lexicon)
    tiles = rate_tiles(result.scores, styles, voice="narrator", outlets=result.story.outlets)
    assert {tuple(c[:2]) for trace in tiles.data for c in trace.customdata} == {
        (o, c) for o in result.story.outlets for c in styles}
    assert 'B "q" &lt;i&gt;' in list(tiles.layout.xaxis.categoryarray)  # Plotly shows &quot; as it is
    counts = result.term_counts()
    scatter = term_scatter(counts, "A", 'B "q" <i>')
    assert all(len(c) == 1 for trace in scatter.data for c in trace.customdata)
    distinct = result.distinctive(top=3)
    bars = distinctive_bars(distinct[distinct["outlet"] == "A"], "A")
    assert [c[0] for c in bars.data[0].customdata] == ["A"] * len(bars.data[0].y)
    share = unique_share_bars(result.unique_share())
    assert [trace.name for trace in share.data] == ["unique words", "shared words"]
    matrix = pd.DataFrame({"A": ["we <b>", ""], "B": ["we", "no"]}, index=["S1", "S2"])
    grid = statement_tiles(matrix, {"S1": "X", "S2": "Y"})
    assert "we &lt;b&gt;" in list(grid.data[0].hovertext)


def test_guess_bars_draw_every_outlet_guessed_in_the_colour_of_its_result():
    votes = pd.DataFrame({"article": ["a1"] * 3, "guess": ["Fox News", "USA Today", "The <b>Post</b>"],
                          "guesses": [2, 1, 3], "right": [True, False, False]})
    figure = guess_bars(votes)
    right, wrong = figure.data
    assert (list(right.y), list(right.x), right.marker.color) == (["Fox News"], [2], MARK_BLUE)
    assert list(wrong.x) == [3, 1] and "The &lt;b&gt;Post&lt;/b&gt;" in wrong.y
    assert figure.layout.yaxis.automargin and figure.layout.xaxis.title.text == "guesses"
    only_right = guess_bars(votes.iloc[:1])  # guessed 2 of 2 right: still a bar
    assert list(only_right.data[0].x) == [2] and len(only_right.data[1].x) == 0


def test_chart_text_follows_the_font_size_and_long_labels_are_shortened_whole_in_the_hover():
    long = "a very long phrase that would never fit beside a bar"
    rows = pd.DataFrame({"term": [long, "short"], "z": [2.0, 1.0], "count": [3, 2], "count_rest": [0, 0]})
    small, large = distinctive_bars(rows, "A", font_size=12), distinctive_bars(rows, "A", font_size=26)
    assert (small.layout.font.size, large.layout.font.size) == (12, 26)
    assert large.layout.height > small.layout.height
    label = next(y for y in small.data[0].y if y.startswith("a very"))
    assert len(label) < len(long) and "…" in label and any(long in hover for hover in small.data[0].hovertext)


def test_a_statement_s_wordings_are_whole_escaped_and_name_who_left_it_out():
    long = "we will not " * 30 + "<b>join</b>"
    quotes = pd.DataFrame({"outlet": ["A", "B"], "speaker": ["X", "X"], "verb": ["said", ""],
                           "text": [long, "we will not join"]})
    markup = wordings_html(quotes, outlets=["A", "B", "C <i>"])
    assert visible_text(markup).count("we will not") == 31  # every word of the long wording, none cut
    assert "&lt;b&gt;join&lt;/b&gt;" in markup and "<b>" not in markup
    assert "X, said" in visible_text(markup) and "X, \u201c" not in visible_text(markup)
    assert visible_text(markup).endswith("Not quoted by C <i>.")
    assert "Not quoted" not in wordings_html(quotes, outlets=["A", "B"])


def test_grids_span_exactly_their_rows_and_keep_room_for_every_square():
    matrix = pd.DataFrame({"A": ["w", ""], "B": ["", "w"], "C": ["w", "w"]}, index=["S1", "S2"])
    grid = statement_tiles(matrix, {"S1": "X", "S2": "Y"})
    assert list(grid.layout.yaxis.range) == [1.5, -0.5]  # no empty rows padded above the first
    assert list(grid.layout.xaxis.range) == [-0.5, 2.5]
    result = analysed("The so-called rebels said so.", "The regime said so.")
    styles = category_styles(result.lexicon)
    tiles = rate_tiles(result.scores, styles, voice="narrator", outlets=result.story.outlets)
    narrow, large = grid_width(tiles), grid_width(rate_tiles(result.scores, styles, voice="narrator",
                                                              outlets=result.story.outlets, font_size=28))
    squares = len(result.story.outlets) * tiles.data[0].marker.size
    assert narrow > squares and large > 1.8 * narrow  # squares at twice the size need twice the width
    one = rate_tiles(result.scores, styles, voice="narrator", outlets=["A"])
    longest = max(len(line) for line in one.layout.title.text.split("<br>"))
    assert grid_width(one) > 0.4 * one.layout.title.font.size * longest  # a grid of one outlet keeps its title


def test_the_projector_naming_table_keeps_every_name_whole_and_as_text():
    table = pd.DataFrame({"mentions": [3, 1], "outlets": [2, 1], "A <b>": ["◆ the <i>regime</i> ×2", ""],
                          "B": ["Damascus ×1", "**rebels** ×1"]}, index=["Assad <x>", "Rebels"])
    page = names_html(table, row_title="actor")
    assert "<i>" not in page and "<x>" not in page and "&lt;i&gt;regime&lt;/i&gt;" in page
    assert re.findall(r"<th>(.*?)</th>", page)[:3] == ["actor", "A &lt;b&gt;", "B"]  # counts go under the name
    assert "3 mentions, 2 outlets" in page and "1 mention, 1 outlet" in page
    assert page.count("<tr>") == 3 and "**rebels** ×1" in page


def test_the_unique_share_of_each_outlet_is_under_its_name_whatever_the_bar_length():
    share = pd.DataFrame({"outlet": ["A <b>", "B"], "words_narrator": [200, 8], "words_unique": [150, 1]})
    bars = unique_share_bars(share, font_size=32)  # B's parts are far too short for their counts at this size
    assert list(bars.data[0].y) == ["A &lt;b&gt;<br>75% unique", "B<br>12% unique"]
    assert list(bars.data[1].y) == list(bars.data[0].y)  # the two parts of one bar share its name
    assert bars.layout.legend.traceorder == "normal"  # the key reads unique, then shared, as each bar does
