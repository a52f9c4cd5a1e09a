"""Plotly figures built from the analysis tables: pure functions, testable without a browser.

Every clickable mark carries `customdata` naming what it counts (outlet, category, term or
statement), so the dashboard can turn a click into the evidence behind it. Heat maps are drawn as
square scatter markers, because Streamlit reports clicks on scatter points but not on heatmap cells.
Plotly reads a few HTML tags and entities in labels, so every word from an article, a story or a
lexicon goes through `plotly_text` first and is shown as it is; `customdata` keeps the raw values.
"""

from __future__ import annotations

import html
import math
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from framing.render.markup import plotly_text
from framing.render.palette import (
    LINE_COLOURS,
    MARK_BLUE,
    MARK_GREY,
    MARK_ORANGE,
    OKABE_ITO,
    RATE_SCALE,
    CategoryStyle,
    ink_on,
    shade_colour,
)
from framing.text import plural
from framing.voices import VOICE_LABELS

CHART_FONT = 14  # px: chart text at the dashboard's default text size, and in the handout


def tile_size(font_size: int) -> int:
    """The side of a grid square: room for a count above a rate at this font size."""
    return round(3.3 * font_size)


def _label(text: str, *, width: int = 22, lines: int = 2) -> str:
    """A label for an axis: wrapped at word boundaries onto at most `lines` lines of about `width`
    characters, shortened with an ellipsis past that, and escaped; the hover and the tables keep it whole."""
    text = str(text)
    parts = textwrap.wrap(text, width, max_lines=lines, placeholder=" …") or [text]
    return "<br>".join(plotly_text(part) for part in parts)


def _readable(figure: go.Figure, *, font_size: int) -> go.Figure:
    """Text at one size (ticks, labels, legend, hover) and margins that grow to fit every label and title."""
    figure.update_layout(
        font={"size": font_size}, hoverlabel={"font": {"size": font_size}}, legend={"font": {"size": font_size}},
        # above the plot and clear of the labels on top of it, which push the margin down for it
        title={"automargin": True, "font": {"size": round(font_size * 1.15)}, "x": 0, "xanchor": "left",
               "xref": "container", "y": 1, "yref": "paper", "yanchor": "bottom", "pad": {"b": 8, "l": 4}},
    )
    for axes in (figure.update_xaxes, figure.update_yaxes):  # sizes named, as Streamlit's theme names its own
        axes(automargin=True, tickfont={"size": font_size}, title={"font": {"size": font_size}, "standoff": 6})
    return figure


def on_white(figure: go.Figure) -> go.Figure:
    """A copy of the figure on white, plot area included, for what leaves the app (a PNG for a slide, the
    printed handout): Plotly's own template tints the plot area blue-grey, which the dashboard's theme
    replaces on screen but nothing does on paper."""
    return go.Figure(figure).update_layout(paper_bgcolor="#ffffff", plot_bgcolor="#ffffff")


def _title(text: str, font_size: int) -> str:
    """A chart title broken into lines that fit a chart about 1,000 px wide at this size (a projector's
    large type would run past the chart's edge in one line)."""
    return "<br>".join(textwrap.wrap(text, max(24, round(1100 / font_size)))) or text


def _lines(labels) -> int:
    return max((str(label).count("<br>") + 1 for label in labels), default=1)


def _tile_layout(figure: go.Figure, *, rows: float, title: str, font_size: int) -> go.Figure:
    """A grid of squares, `rows` tall, with the outlets' names above it. A title on the plot would sit on
    those names (a margin grown for the title counts no labels on top), so the title goes at the very top
    of the figure, placed by the bottom of its first line (Plotly anchors a title of several lines there,
    the others run below), with room for it and the names below."""
    title = _title(title, font_size)
    names = figure.layout.xaxis.categoryarray or [x for trace in figure.data for x in trace.x]
    line = 1.3 * 1.15 * font_size
    heading, labels = line * _lines([title]), 1.3 * font_size * _lines(names)
    top = round(20 + heading + labels + 0.8 * font_size)  # and the gap between the names and the squares
    key = 6 * font_size if any(getattr(trace.marker, "showscale", False) for trace in figure.data) else 0
    height = round(top + (tile_size(font_size) + 14) * rows + key + 30)
    figure.update_layout(
        title={"text": title, "y": 1 - (8 + line) / height, "yref": "container", "yanchor": "bottom",
               "pad": {"t": 0, "b": 0}},
        height=height, margin={"l": 10, "r": 10, "t": top, "b": 10 + key},
        clickmode="event+select", dragmode=False, showlegend=False,
    )
    # ranges of exactly the rows and columns: Plotly's own pads a grid of markers by a few empty rows
    columns = len(set(names))
    drawn = len(set(figure.layout.yaxis.categoryarray or [y for trace in figure.data for y in trace.y]))
    figure.update_xaxes(side="top", showgrid=False, zeroline=False, tickangle=0, range=[-0.5, columns - 0.5])
    figure.update_yaxes(range=[drawn - 0.5, -0.5], showgrid=False, zeroline=False)
    _readable(figure, font_size=font_size)
    figure.update_layout(title={"y": 1 - (8 + line) / height, "yref": "container", "yanchor": "bottom",
                                "automargin": False})
    return figure


def grid_width(figure: go.Figure) -> int:
    """The narrowest a grid of squares (`rate_tiles`, `statement_tiles`, `corpus_tiles`) can be drawn with
    its row labels, title and key whole and its squares and outlet names clear of each other. A phone's
    screen is narrower: there the dashboard keeps this width and lets the chart scroll sideways in its box."""
    font = figure.layout.font.size or CHART_FONT
    columns = figure.layout.xaxis.categoryarray or list(dict.fromkeys(x for trace in figure.data for x in trace.x))
    rows = figure.layout.yaxis.categoryarray or list(dict.fromkeys(y for trace in figure.data for y in trace.y))
    sizes = [size for trace in figure.data for size in (
        trace.marker.size if isinstance(trace.marker.size, tuple | list) else [trace.marker.size or 0])]
    column = max(max(sizes, default=0), _text_width(columns, font)) + font / 4
    keys = [trace.marker.colorbar.title for trace in figure.data if trace.marker.showscale]
    key = max((_text_width([k.text or ""], k.font.size or font) for k in keys), default=0)
    return max(round(max(_text_width(rows, font) + len(columns) * column + 2 * font, key) + 20), title_width(figure))


def title_width(figure: go.Figure) -> int:
    """The narrowest a chart can be with its title whole (its longest line, and a margin)."""
    title = figure.layout.title
    return round(_text_width([title.text or ""], title.font.size or figure.layout.font.size or CHART_FONT) + 20)


def key_width(figure: go.Figure) -> int:
    """About how wide a chart's key (legend) beside the plot is: its longest entry, its symbol and pads."""
    names = [trace.name or "" for trace in figure.data if trace.showlegend is not False]
    return round(_text_width(names, figure.layout.legend.font.size or figure.layout.font.size or CHART_FONT) + 60)


def _text_width(labels, font_size: int) -> float:
    """About how wide the longest line of these Plotly labels is drawn, in px (a little over what
    Streamlit's Source Sans measures in Chromium: 0.44 em a character on average)."""
    lines = [html.unescape(re.sub(r"<[^>]+>", "", line)) for label in labels for line in str(label).split("<br>")]
    return 0.47 * font_size * max(map(len, lines), default=0)


def rate_tiles(scores: pd.DataFrame, styles: dict[str, CategoryStyle], *, voice: str, outlets: list[str],
               font_size: int = CHART_FONT) -> go.Figure:
    """Category by outlet: the label is the count above the rate per 1,000 words; the shade compares
    outlets within a row (the rate over the row's highest, darker for more), since categories differ
    tenfold in size."""
    trace = _rate_trace(scores, styles, voice=voice, outlets=outlets, font_size=font_size)
    return _tile_figure(trace, rows=len(styles), title=f"Hits by category, {VOICE_LABELS.get(voice, voice)}",
                        font_size=font_size)


def _rate_trace(scores: pd.DataFrame, styles: dict[str, CategoryStyle], *, voice: str, outlets: list[str],
                font_size: int) -> go.Scatter:
    """The grid's squares as one scatter trace, in the order of the categories and the outlets."""
    shown = scores[(scores["voice"] == voice) & scores["outlet"].isin(outlets)].copy()
    order = {category: i for i, category in enumerate(styles)}
    shown = shown.sort_values(["category", "outlet"], key=lambda col: col.map(order) if col.name == "category"
                              else col.map({o: i for i, o in enumerate(outlets)}))
    shown["name"] = shown["category"].map(
        lambda c: _label(f"{styles[c].number} {styles[c].name}" if c in styles else c,
                         width=22 if font_size <= 16 else 16))  # whole in the hover
    row_top = shown.groupby("category")["per_1000"].transform("max")
    shade = (shown["per_1000"] / row_top.where(row_top > 0, 1)).fillna(0).round(3)
    labels = [f"<b>{count}</b><br>{rate:.1f}" if count else "0" for count, rate in zip(
        shown["count"], shown["per_1000"], strict=True)]
    return go.Scatter(
        x=shown["outlet"].map(lambda outlet: _label(outlet, width=12, lines=3)), y=shown["name"],
        mode="markers+text",
        text=labels, textfont={"color": [ink_on(shade_colour(value)) for value in shade], "size": font_size - 1},
        marker={"symbol": "square", "size": tile_size(font_size), "color": shade, "colorscale": RATE_SCALE,
                "cmin": 0, "cmax": 1, "showscale": True, "line": {"width": 1, "color": MARK_GREY},
                # below the grid, where it takes no width from the squares; placed by the plot, as Plotly
                # draws the title of a key placed by the container over the top of its bar
                "colorbar": {"title": {"text": "shade: the rate as a share of its row's highest", "side": "top",
                                       "font": {"size": font_size - 2}}, "orientation": "h", "y": 0,
                             "yanchor": "top", "yref": "paper", "ypad": font_size, "len": 0.6,
                             "tickfont": {"size": font_size - 2}, "thickness": 12}},
        customdata=shown[["outlet", "category"]].to_numpy(),
        hovertemplate="%{customdata[0]} · %{hovertext}<extra></extra>",
        hovertext=[f"{_category_name(styles, category)}<br>" + (
            f"{plural(count, 'hit')} in {words} words = {rate:.1f} per 1,000" if words else "no words in this voice")
            for category, count, words, rate in zip(
                shown["category"], shown["count"], shown["words"], shown["per_1000"], strict=True)],
        # the clicked square grows; the others keep their colour, so they stay readable after a click
        selected={"marker": {"size": tile_size(font_size) + 8}}, unselected={"marker": {"opacity": 1}},
    )


def _category_name(styles: dict[str, CategoryStyle], category: str) -> str:
    """A category's number and whole name, escaped, for a hover."""
    return plotly_text(f"{styles[category].number} {styles[category].name}" if category in styles else category)


def _tile_figure(trace: go.Scatter, *, rows: float, title: str, font_size: int) -> go.Figure:
    """The squares in a figure. After a click Plotly draws the labels of the other points at a fifth of
    their colour unless the unselected colour is named, and a trace names only one: so one trace per
    label colour, on axes that keep the order of the single one."""
    inks = list(trace.textfont.color)
    parts = [_subset(trace, [i for i, ink in enumerate(inks) if ink == colour]) for colour in dict.fromkeys(inks)]
    for part in parts:
        part.update(unselected={"textfont": {"color": part.textfont.color[0]}})
        part.marker.showscale = part is parts[0]
    figure = go.Figure(parts)
    figure.update_xaxes(categoryorder="array", categoryarray=list(dict.fromkeys(trace.x)))
    figure.update_yaxes(categoryorder="array", categoryarray=list(dict.fromkeys(trace.y)))
    return _tile_layout(figure, rows=rows, title=title, font_size=font_size)


def bar_height(rows: int, font_size: int) -> int:
    """A horizontal bar chart's height: a bar a line and a half of text thick per row, plus the title and axis."""
    return round(5.5 * font_size + 40 + rows * 2.2 * font_size)


def distinctive_bars(rows: pd.DataFrame, outlet: str, *, font_size: int = CHART_FONT) -> go.Figure:
    """One outlet's most distinctive terms (`framing.distinctive.leading_terms`: one row per term):
    bar length is the log-odds z, the label the raw counts; a long term is shortened on the axis and
    whole in the hover."""
    rows = rows.sort_values("z", ascending=True)
    labels = [f"{_label(term, width=24, lines=1)} ({here} / {rest})" for term, here, rest in zip(
        rows["term"], rows["count"], rows["count_rest"], strict=True)]  # counts stay visible beside the bar
    figure = go.Figure(go.Bar(
        x=rows["z"], y=labels, orientation="h", marker={"color": MARK_BLUE},
        customdata=[[outlet, term] for term in rows["term"]],
        hovertext=[f"{plotly_text(term)}: {here}× here, {rest}× in the other outlets" for term, here, rest in zip(
            rows["term"], rows["count"], rows["count_rest"], strict=True)],
        hovertemplate="%{hovertext}<br>z %{x:.2f}<extra></extra>",
    ))
    figure.update_layout(
        title=_label(outlet, width=40, lines=1), height=bar_height(len(rows), font_size),
        margin={"l": 10, "r": 10, "t": 40, "b": 30}, bargap=0.3,
        clickmode="event+select", dragmode=False, xaxis_title="log-odds z",
    )
    figure.update_xaxes(rangemode="tozero")
    return _readable(figure, font_size=font_size)


SCATTER_WIDTH = 640  # px: the narrowest the scatter is drawn; its labels are placed for that width
MARKER = 9  # px: a scatter point's size


def term_scatter(counts: pd.DataFrame, first: str, second: str, *, labelled: int = 8,
                 font_size: int = CHART_FONT) -> go.Figure:
    """Every term the two outlets use twice or more between them, placed by its count in each; the
    most lopsided ones labelled, each label beside its point and clear of every point and other label,
    the rest named in the hover.

    Points are spread a little around whole counts so that terms with the same counts stay visible;
    the shape says which outlet uses a term (circle: first only, square: second only, diamond: both).
    """
    pair = counts.loc[[first, second]].T
    pair = pair[pair[first] + pair[second] >= 2]  # once-only terms would bury the rest in two clumps
    totals = counts.loc[[first, second]].sum(axis=1)
    lean = (pair[first] + 0.5).div(totals[first] + 1).map(math.log) - (pair[second] + 0.5).div(
        totals[second] + 1).map(math.log)
    kinds = {"only": (first, "circle", MARK_ORANGE), "other": (second, "square", MARK_BLUE),
             "both": ("both", "diamond", MARK_GREY)}
    kind = pair.apply(lambda r: "both" if r[first] and r[second] else ("only" if r[first] else "other"), axis=1)
    places = {term: (a + _jitter(term, 0), b + _jitter(term, 1)) for term, a, b in zip(
        pair.index, pair[first], pair[second], strict=True)}
    height = 560 + 6 * font_size
    ranges = [[min((p[axis] for p in places.values()), default=0) - 0.5,
               max((p[axis] for p in places.values()), default=1) + 0.5] for axis in (0, 1)]
    labels = _label_places(lean.abs().sort_values(ascending=False, kind="stable").index, places, ranges,
                           plot=(SCATTER_WIDTH - 20 - 4 * font_size, height - 60 - 5 * font_size),
                           font_size=font_size, limit=labelled)
    figure = go.Figure()
    for key, (name, symbol, colour) in kinds.items():
        part = pair[kind == key]
        figure.add_trace(go.Scatter(
            x=[places[term][0] for term in part.index], y=[places[term][1] for term in part.index],
            mode="markers+text", name=plotly_text(f"{name} ({len(part)})"),
            text=[plotly_text(term) if term in labels else "" for term in part.index],
            textposition=[labels.get(term, "top center") for term in part.index],
            marker={"symbol": symbol, "size": MARKER, "color": colour, "line": {"width": 1, "color": "#333333"}},
            customdata=[[term] for term in part.index],
            hovertext=[f"{plotly_text(term)}<br>{plotly_text(first)}: {a}, {plotly_text(second)}: {b}"
                       for term, a, b in zip(part.index, part[first], part[second], strict=True)],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    figure.update_layout(
        height=height, margin={"l": 10, "r": 10, "t": 40, "b": 10}, clickmode="event+select",
        xaxis={"range": ranges[0], "title": plotly_text(f"uses in {first} ({int(totals[first])} terms counted)")},
        yaxis={"range": ranges[1], "title": plotly_text(f"uses in {second} ({int(totals[second])} terms counted)")},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
    )
    return _readable(figure, font_size=font_size)


# not below: Plotly sets a label under its point so close that the label's line box covers the point
LABEL_SIDES = ("top center", "middle right", "middle left")


def _label_places(ranked, places: dict[str, tuple[float, float]], ranges: list[list[float]], *,
                  plot: tuple[float, float], font_size: int, limit: int) -> dict[str, str]:
    """Up to `limit` terms, in rank order, each with the side of its point its label goes on: the first
    side where the label, in a plot area `plot` px wide and tall (the least it is drawn), stays inside
    the plot and clear of every point and of the labels already placed. A term with no such side goes
    unlabelled (its hover names it). A wider chart only moves points further apart."""
    scale = [plot[axis] / (ranges[axis][1] - ranges[axis][0]) for axis in (0, 1)]
    pixels = {term: ((x - ranges[0][0]) * scale[0], (y - ranges[1][0]) * scale[1]) for term, (x, y) in places.items()}
    reach = MARKER / 2 + 3  # from a point's centre to its label: the marker, its outline and a gap
    points = [(x - reach, y - reach, x + reach, y + reach) for x, y in pixels.values()]
    taken: list[tuple[float, float, float, float]] = []
    chosen: dict[str, str] = {}
    for term in ranked:
        if len(chosen) == limit:
            break
        x, y = pixels[term]
        wide, tall = _text_width([plotly_text(term)], font_size) + 4, 1.3 * font_size
        boxes = {"top center": (x - wide / 2, y + reach, x + wide / 2, y + reach + tall),
                 "middle right": (x + reach, y - tall / 2, x + reach + wide, y + tall / 2),
                 "middle left": (x - reach - wide, y - tall / 2, x - reach, y + tall / 2)}
        for side in LABEL_SIDES:
            box = boxes[side]
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= plot[0] and box[3] <= plot[1]
            if inside and not any(_overlap(box, other) for other in (*points, *taken)):
                chosen[term] = side
                taken.append(box)
                break
    return chosen


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def unique_share_bars(share: pd.DataFrame, *, font_size: int = CHART_FONT) -> go.Figure:
    """Each outlet's own-voice words in sentences no other outlet has, beside those it shares (hatched).
    The counts on the bars are black on colours light enough for them, with the hatching kept faint; the
    light blue of the shared part is outlined in the darker one, which stands out from either theme."""
    figure = go.Figure()
    parts = (("unique", "words_unique", MARK_ORANGE, ""), ("shared", "words_shared", OKABE_ITO[1], "/"))
    share = share.assign(words_shared=share["words_narrator"] - share["words_unique"])
    # the share unique under each name: a count too long for its part of the bar is left off the bar
    names = [f"{_label(outlet, width=18)}<br>{unique / total if total else 0:.0%} unique" for outlet, unique, total
             in zip(share["outlet"], share["words_unique"], share["words_narrator"], strict=True)]
    for name, column, colour, pattern in parts:
        figure.add_trace(go.Bar(
            y=names, x=share[column], orientation="h",
            name=f"{name} words", textposition="inside", insidetextanchor="middle",
            textfont={"color": ink_on(colour)},
            marker={"color": colour, "pattern": {"shape": pattern, "bgcolor": colour, "fgcolor": "#ffffff",
                                                 "fgopacity": 0.45, "fillmode": "replace"},  # on either theme
                    "line": {"color": MARK_BLUE, "width": [1.5 if pattern and n else 0 for n in share[column]]}},
            text=[f"{count} ({count / total:.0%})" if total else "0" for count, total in zip(
                share[column], share["words_narrator"], strict=True)],
            customdata=[[outlet, name] for outlet in share["outlet"]],
            hovertemplate="%{customdata[0]}: %{x} own-voice words in " + name + " sentences<extra></extra>",
        ))
    figure.update_layout(
        # a count too long for its part of the bar is left to the hover, not shrunk and turned on its side
        uniformtext={"minsize": font_size - 2, "mode": "hide"},
        barmode="stack", height=round(bar_height(len(share), font_size) + 2 * font_size  # and room for the names' lines
                                      + len(share) * max(0, 1.3 * _lines(names) - 2.2) * font_size),
        margin={"l": 10, "r": 10, "t": 40, "b": 30},
        clickmode="event+select", dragmode=False, legend={"orientation": "h", "y": 1.02, "yanchor": "bottom",
                                                       "traceorder": "normal"},  # the key in the bars' order
        xaxis_title="words in the outlet's own voice",
    )
    figure.update_yaxes(autorange="reversed")
    return _readable(figure, font_size=font_size)


def statement_tiles(matrix: pd.DataFrame, speakers: dict[str, str], *, font_size: int = CHART_FONT) -> go.Figure:
    """Statement by outlet: a square where the outlet quoted the statement, a ring where it did not."""
    rows = []
    for statement, wording in matrix.iterrows():
        for outlet, text in wording.items():
            rows.append((outlet, statement, bool(text), plotly_text(_shorten(text or "not quoted", 120))))
    frame = pd.DataFrame(rows, columns=["outlet", "statement", "quoted", "text"])
    labels = {s: _label(f"{s} {speakers.get(s, '')}".strip(), width=24, lines=1) for s in matrix.index}
    square = round(1.6 * font_size)
    figure = go.Figure(go.Scatter(
        x=frame["outlet"].map(lambda outlet: _label(outlet, width=12, lines=3)), y=frame["statement"].map(labels),
        mode="markers",
        marker={"symbol": ["square" if q else "circle-open" for q in frame["quoted"]], "opacity": 1,
                "size": [square if q else square // 2 for q in frame["quoted"]],
                "color": [MARK_BLUE if q else MARK_GREY for q in frame["quoted"]],
                "line": {"width": 2, "color": [MARK_BLUE if q else MARK_GREY for q in frame["quoted"]]}},
        customdata=frame[["outlet", "statement"]].to_numpy(),
        hovertext=frame["text"], hovertemplate="%{y}, %{customdata[0]}: %{hovertext}<extra></extra>",
        unselected={"marker": {"opacity": 1}},
    ))
    return _tile_layout(figure, rows=len(matrix) * 0.55, title="Which outlet quoted which statement",
                        font_size=font_size)


def guess_bars(votes: pd.DataFrame, *, font_size: int = CHART_FONT) -> go.Figure:
    """A class's guesses for one article: a bar per outlet guessed, as long as its guesses, in the
    colour of "right" where that outlet wrote it and hatched grey where it did not; the count on each."""
    votes = votes.sort_values(["right", "guesses"], ascending=[False, False], kind="stable")
    figure = go.Figure()
    for right, name, colour, pattern in ((True, "right", MARK_BLUE, ""), (False, "not right", MARK_GREY, "x")):
        part = votes[votes["right"] == right]
        figure.add_trace(go.Bar(
            y=part["guess"].map(lambda outlet: _label(outlet, width=20)), x=part["guesses"], orientation="h",
            name=name, text=part["guesses"], textposition="outside", cliponaxis=False,
            marker={"color": colour, "pattern": {"shape": pattern, "bgcolor": colour, "fgcolor": "#ffffff",
                                                 "fgopacity": 0.5, "fillmode": "replace"}},
            hovertemplate="%{y}: %{x} guesses<extra>" + name + "</extra>",
        ))
    figure.update_layout(
        height=bar_height(len(votes), font_size) + 2 * font_size, margin={"l": 10, "r": 30, "t": 10, "b": 30},
        barmode="overlay", bargap=0.3, dragmode=False, xaxis_title="guesses",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
    )
    figure.update_xaxes(rangemode="tozero", dtick=1 if votes["guesses"].max() <= 10 else None)
    figure.update_yaxes(autorange="reversed", categoryorder="array",
                        categoryarray=[_label(outlet, width=20) for outlet in votes["guess"]])
    return _readable(figure, font_size=font_size)


def corpus_tiles(totals: pd.DataFrame, styles: dict[str, CategoryStyle], *, voice: str, outlets: list[str],
                 period: str, font_size: int = CHART_FONT) -> go.Figure:
    """The Overview's tiles over a batch's outlet totals (`framing.batch.results.outlet_totals`): count
    above rate per 1,000 words, shaded within each row; the hover adds the articles behind them."""
    trace = _rate_trace(totals, styles, voice=voice, outlets=outlets, font_size=font_size)
    rows = totals[totals["voice"] == voice].set_index(["outlet", "category"])
    hover = []
    for outlet, category in trace.customdata:
        row = rows.loc[(outlet, category)]
        articles = f"{plural(row['articles'], 'article')}, {plotly_text(period)}"
        name = _category_name(styles, category)
        if not row["articles"]:
            hover.append(f"{name}<br>no articles, {plotly_text(period)}")
        elif not row["words"]:
            hover.append(f"{name}<br>no words in this voice<br>{articles}")
        else:
            hover.append(f"{name}<br>{plural(row['count'], 'hit')} in {row['words']:,} words = "
                         f"{row['per_1000']:.2f} per 1,000<br>{articles}")
    biggest = int(rows["count"].max()) if len(rows) else 0
    trace.update(hovertext=hover, textfont={"size": font_size - 1 if biggest < 10_000 else font_size - 4})
    title = f"Hits by category, {VOICE_LABELS.get(voice, voice)}, {plotly_text(period)}"
    figure = _tile_figure(trace, rows=len(styles), title=title, font_size=font_size)
    if len(outlets) > 6:  # too many names side by side: slanted, with the room that takes above the squares
        figure.update_layout(xaxis_tickangle=-30, margin={"t": figure.layout.margin.t + round(3.6 * font_size)})
    return figure


def monthly_rates(rows: pd.DataFrame, *, outlets: list[str], category: str, voice: str,
                  thin: int = 1000, font_size: int = CHART_FONT) -> go.Figure:
    """One category's rate per 1,000 words month by month, a line per outlet (`framing.batch.results.monthly`).
    A hollow marker is a month with fewer than `thin` words, whose rate rests on little text; a month
    without words breaks the line. Colours (`LINE_COLOURS`) repeat after four outlets, with another dash and
    marker shape (which the key shows, where a dash is too short to tell)."""
    figure = go.Figure()
    dashes = ("solid", "dash", "dot", "dashdot")
    shapes = ("circle", "square", "diamond", "triangle-up")
    for i, outlet in enumerate(outlets):
        part = rows[rows["outlet"] == outlet]
        colour, cycle = LINE_COLOURS[i % len(LINE_COLOURS)], i // len(LINE_COLOURS) % len(dashes)
        shape = shapes[cycle]
        weak = part["words"] < thin
        hover = [
            f"{plotly_text(outlet)}, {plotly_text(month)}<br>" + (
                f"{rate:.2f} per 1,000 words<br>{plural(count, 'hit')} in {words:,} words, "
                f"{plural(articles, 'article')}" + ("<br>few words: a weak rate" if low else "")
                if words else "no words in this voice this month")
            for month, count, words, articles, rate, low in zip(
                part["month"], part["count"], part["words"], part["articles"], part["per_1000"], weak, strict=True)
        ]
        # The key draws a trace's marker from its first point, so a blank first point (no x, no y) with a
        # filled marker keeps every outlet's key filled whether or not its first month is thin.
        figure.add_trace(go.Scatter(
            x=[None, *part["month"]], y=[None, *part["per_1000"]], mode="lines+markers", name=plotly_text(outlet),
            line={"color": colour, "width": 2, "dash": dashes[cycle]},
            marker={"symbol": [shape, *(f"{shape}-open" if low else shape for low in weak)], "size": 9,
                    "color": colour, "line": {"width": 2, "color": colour}},
            customdata=[None, *([outlet, month] for month in part["month"])],
            hovertext=["", *hover], hovertemplate="%{hovertext}<extra></extra>",
            unselected={"marker": {"opacity": 0.5}},  # after a click, hollow and filled stay apart
        ))
    figure.add_trace(go.Scatter(  # a key to the hollow markers, in the legend and in any exported image
        x=[None], y=[None], mode="markers", name=f"hollow: under {thin:,} words",
        marker={"symbol": "circle-open", "size": 9, "color": "#777777", "line": {"width": 2}}, hoverinfo="skip",
    ))
    figure.update_layout(
        title=_title(f"{plotly_text(category)}, {VOICE_LABELS.get(voice, voice)}: hits per 1,000 words, "
                     "month by month", font_size),
        height=max(460, 150 + 24 * (len(outlets) + 1)), margin={"l": 10, "r": 10, "t": 60, "b": 10},
        clickmode="event+select", dragmode=False,
        hovermode="closest",
    )
    months = list(dict.fromkeys(rows["month"]))
    figure.update_xaxes(type="category", showgrid=False, range=[-0.5, len(months) - 0.5])  # clear of the y ticks
    figure.update_yaxes(title="per 1,000 words", rangemode="tozero")
    return _readable(figure, font_size=font_size)


def _subset(trace: go.Scatter, keep: list[int]) -> go.Scatter:
    """A copy of a scatter trace with only the points at `keep`, in that order."""
    part = go.Scatter(trace)
    for name in ("x", "y", "text", "customdata", "hovertext"):
        if part[name] is not None:
            part[name] = [part[name][i] for i in keep]
    part.marker.color = [trace.marker.color[i] for i in keep]
    part.textfont.color = [trace.textfont.color[i] for i in keep]
    return part


def _jitter(term: str, axis: int) -> float:
    """A small spread that is the same for a term on every run (Python's hash() is not)."""
    value = sum((i + 1 + axis * 7) * ord(char) for i, char in enumerate(term)) % 1000
    return (value / 1000 - 0.5) * 0.6


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

