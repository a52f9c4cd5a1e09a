"""Plotly figures built from the analysis tables: pure functions, testable without a browser.

Every clickable mark carries `customdata` naming what it counts (outlet, category, term or
statement), so the dashboard can turn a click into the evidence behind it. Heat maps are drawn as
square scatter markers, because Streamlit reports clicks on scatter points but not on heatmap cells.
Plotly reads a few HTML tags and entities in labels, so every word from an article, a story or a
lexicon goes through `plotly_text` first and is shown as it is; `customdata` keeps the raw values.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from framing.render.markup import plotly_text
from framing.render.palette import OKABE_ITO, RATE_SCALE, CategoryStyle
from framing.text import plural
from framing.voices import VOICE_LABELS

TILE_SIZE = 46


def _tile_layout(figure: go.Figure, *, rows: int, title: str) -> go.Figure:
    figure.update_layout(
        title=title, height=140 + 58 * rows, margin={"l": 10, "r": 10, "t": 60, "b": 10},
        clickmode="event+select", dragmode=False, showlegend=False,
    )
    figure.update_xaxes(side="top", showgrid=False, zeroline=False, tickfont={"size": 14})
    figure.update_yaxes(autorange="reversed", showgrid=False, zeroline=False, tickfont={"size": 14})
    return figure


def rate_tiles(scores: pd.DataFrame, styles: dict[str, CategoryStyle], *, voice: str, outlets: list[str]) -> go.Figure:
    """Category by outlet: the label is the count above the rate per 1,000 words; the colour compares
    outlets within a row (the rate over the row's highest), since categories differ tenfold in size."""
    shown = scores[(scores["voice"] == voice) & scores["outlet"].isin(outlets)].copy()
    order = {category: i for i, category in enumerate(styles)}
    shown = shown.sort_values(["category", "outlet"], key=lambda col: col.map(order) if col.name == "category"
                              else col.map({o: i for i, o in enumerate(outlets)}))
    shown["name"] = shown["category"].map(
        lambda c: plotly_text(f"{styles[c].number} {styles[c].name}" if c in styles else c))
    row_top = shown.groupby("category")["per_1000"].transform("max")
    shade = (shown["per_1000"] / row_top.where(row_top > 0, 1)).fillna(0).round(3)
    labels = [f"<b>{count}</b><br>{rate:.1f}" if count else "0" for count, rate in zip(
        shown["count"], shown["per_1000"], strict=True)]
    ink = ["#000000" if value > 0.55 else "#ffffff" for value in shade]
    figure = go.Figure(go.Scatter(
        x=shown["outlet"].map(plotly_text), y=shown["name"], mode="markers+text", text=labels,
        textfont={"color": ink, "size": 13},
        marker={"symbol": "square", "size": TILE_SIZE, "color": shade, "colorscale": RATE_SCALE,
                "cmin": 0, "cmax": 1, "showscale": True,
                "colorbar": {"title": {"text": "rate as a share<br>of its row's<br>highest"}, "thickness": 14}},
        customdata=shown[["outlet", "category"]].to_numpy(),
        hovertemplate="%{x} · %{y}<br>%{hovertext}<extra></extra>",
        hovertext=[f"{plural(count, 'hit')} in {words} words = {rate:.1f} per 1,000" if words
                   else "no words in this voice" for count, words, rate in zip(
                       shown["count"], shown["words"], shown["per_1000"], strict=True)],
        unselected={"marker": {"opacity": 0.55}},  # the other squares stay readable after a click
    ))
    title = f"Hits by category, {VOICE_LABELS.get(voice, voice)}: count (bold) and rate per 1,000 words"
    return _tile_layout(figure, rows=len(styles), title=title)


def distinctive_bars(rows: pd.DataFrame, outlet: str) -> go.Figure:
    """One outlet's most distinctive terms: bar length is the log-odds z, the label the raw counts."""
    rows = rows.sort_values("z", ascending=True)
    labels = [f"{plotly_text(term)} ({here} / {rest})" for term, here, rest in zip(
        rows["term"], rows["count"], rows["count_rest"], strict=True)]  # counts stay visible beside the bar
    figure = go.Figure(go.Bar(
        x=rows["z"], y=labels, orientation="h", marker={"color": OKABE_ITO[4]},
        customdata=[[outlet, term] for term in rows["term"]],
        hovertext=[f"{here}× here, {rest}× in the other outlets" for here, rest in zip(
            rows["count"], rows["count_rest"], strict=True)],
        hovertemplate="%{y}: z %{x:.2f}<br>%{hovertext}<extra></extra>",
    ))
    figure.update_layout(
        title=plotly_text(outlet), height=90 + 30 * max(len(rows), 1), margin={"l": 10, "r": 10, "t": 40, "b": 30},
        clickmode="event+select", dragmode=False, xaxis_title="log-odds z",
    )
    return figure


def term_scatter(counts: pd.DataFrame, first: str, second: str, *, labelled: int = 15) -> go.Figure:
    """Every term the two outlets use twice or more between them, placed by its count in each; the
    most lopsided ones labelled.

    Points are spread a little around whole counts so that terms with the same counts stay visible;
    the shape says which outlet uses a term (circle: first only, square: second only, diamond: both).
    """
    pair = counts.loc[[first, second]].T
    pair = pair[pair[first] + pair[second] >= 2]  # once-only terms would bury the rest in two clumps
    totals = counts.loc[[first, second]].sum(axis=1)
    lean = (pair[first] + 0.5).div(totals[first] + 1).map(math.log) - (pair[second] + 0.5).div(
        totals[second] + 1).map(math.log)
    kinds = {"only": (first, "circle", OKABE_ITO[5]), "other": (second, "square", OKABE_ITO[4]),
             "both": ("both", "diamond", OKABE_ITO[7])}
    kind = pair.apply(lambda r: "both" if r[first] and r[second] else ("only" if r[first] else "other"), axis=1)
    top = set(lean.abs().sort_values(ascending=False, kind="stable").index[:labelled])
    figure = go.Figure()
    for key, (name, symbol, colour) in kinds.items():
        part = pair[kind == key]
        figure.add_trace(go.Scatter(
            x=[count + _jitter(term, 0) for term, count in part[first].items()],
            y=[count + _jitter(term, 1) for term, count in part[second].items()],
            mode="markers+text", name=plotly_text(f"{name} ({len(part)})"),
            text=[plotly_text(term) if term in top else "" for term in part.index], textposition="top center",
            marker={"symbol": symbol, "size": 9, "color": colour, "line": {"width": 1, "color": "#333333"}},
            customdata=[[term] for term in part.index],
            hovertext=[f"{plotly_text(term)}<br>{plotly_text(first)}: {a}, {plotly_text(second)}: {b}"
                       for term, a, b in zip(part.index, part[first], part[second], strict=True)],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    figure.update_layout(
        height=560, margin={"l": 10, "r": 10, "t": 40, "b": 10}, clickmode="event+select",
        xaxis_title=plotly_text(f"uses in {first} ({int(totals[first])} terms counted)"),
        yaxis_title=plotly_text(f"uses in {second} ({int(totals[second])} terms counted)"),
        legend={"orientation": "h", "y": 1.08},
    )
    return figure


def unique_share_bars(share: pd.DataFrame) -> go.Figure:
    """Each outlet's own-voice words in sentences no other outlet has, beside those it shares."""
    figure = go.Figure()
    parts = (("unique", "words_unique", OKABE_ITO[5], ""), ("shared", "words_shared", OKABE_ITO[1], "/"))
    share = share.assign(words_shared=share["words_narrator"] - share["words_unique"])
    for name, column, colour, pattern in parts:
        figure.add_trace(go.Bar(
            y=share["outlet"].map(plotly_text), x=share[column], orientation="h", name=f"{name} words",
            marker={"color": colour, "pattern": {"shape": pattern}},
            text=[f"{count} ({count / total:.0%})" if total else "0" for count, total in zip(
                share[column], share["words_narrator"], strict=True)],
            customdata=[[outlet, name] for outlet in share["outlet"]],
            hovertemplate="%{y}: %{x} own-voice words in " + name + " sentences<extra></extra>",
        ))
    figure.update_layout(
        barmode="stack", height=120 + 46 * len(share), margin={"l": 10, "r": 10, "t": 40, "b": 30},
        clickmode="event+select", dragmode=False, legend={"orientation": "h", "y": 1.15},
        xaxis_title="words in the outlet's own voice",
    )
    figure.update_yaxes(autorange="reversed")
    return figure


def statement_tiles(matrix: pd.DataFrame, speakers: dict[str, str]) -> go.Figure:
    """Statement by outlet: a square where the outlet quoted the statement, a dot where it did not."""
    rows = []
    for statement, wording in matrix.iterrows():
        for outlet, text in wording.items():
            rows.append((outlet, statement, bool(text), plotly_text(_shorten(text or "not quoted", 120))))
    frame = pd.DataFrame(rows, columns=["outlet", "statement", "quoted", "text"])
    labels = {s: plotly_text(f"{s} {speakers.get(s, '')}".strip()) for s in matrix.index}
    figure = go.Figure(go.Scatter(
        x=frame["outlet"].map(plotly_text), y=frame["statement"].map(labels), mode="markers",
        marker={"symbol": ["square" if q else "circle-open" for q in frame["quoted"]],
                "size": [22 if q else 8 for q in frame["quoted"]],
                "color": [OKABE_ITO[4] if q else "#999999" for q in frame["quoted"]]},
        customdata=frame[["outlet", "statement"]].to_numpy(),
        hovertext=frame["text"], hovertemplate="%{y}, %{x}: %{hovertext}<extra></extra>",
    ))
    figure = _tile_layout(figure, rows=len(matrix) * 0.55, title="Which outlet quoted which statement")
    figure.update_layout(margin={"l": 10, "r": 10, "t": 70, "b": 10})
    return figure


def corpus_tiles(totals: pd.DataFrame, styles: dict[str, CategoryStyle], *, voice: str, outlets: list[str],
                 period: str) -> go.Figure:
    """The Overview's tiles over a batch's outlet totals (`framing.batch.results.outlet_totals`): count
    above rate per 1,000 words, shaded within each row; the hover adds the articles behind them."""
    figure = rate_tiles(totals, styles, voice=voice, outlets=outlets)
    rows = totals[totals["voice"] == voice].set_index(["outlet", "category"])
    trace = figure.data[0]
    hover = []
    for outlet, category in trace.customdata:
        row = rows.loc[(outlet, category)]
        articles = f"{plural(row['articles'], 'article')}, {plotly_text(period)}"
        if not row["articles"]:
            hover.append(f"no articles, {plotly_text(period)}")
        elif not row["words"]:
            hover.append(f"no words in this voice<br>{articles}")
        else:
            hover.append(f"{plural(row['count'], 'hit')} in {row['words']:,} words = "
                         f"{row['per_1000']:.2f} per 1,000<br>{articles}")
    biggest = int(rows["count"].max()) if len(rows) else 0
    trace.update(hovertext=hover, textfont={"size": 13 if biggest < 10_000 else 10},  # five digits fit a tile
                 selected={"marker": {"size": TILE_SIZE + 8}},  # the clicked square stands out by its size,
                 unselected={"marker": {"opacity": 0.85}})  # so the others barely fade and stay legible
    # After a click Plotly draws the labels of the other points at a fifth of their colour, unreadable on
    # a grid of dozens of squares unless the unselected colour is named, and a trace names only one:
    # so one trace per label colour, on axes that keep the order of the single one.
    inks = list(trace.textfont.color)
    parts = [_subset(trace, [i for i, ink in enumerate(inks) if ink == colour]) for colour in dict.fromkeys(inks)]
    for part in parts:
        part.update(unselected={"textfont": {"color": part.textfont.color[0]}})
        part.marker.showscale = part is parts[0]
    figure.data = []
    figure.add_traces(parts)
    figure.update_xaxes(categoryorder="array", categoryarray=list(dict.fromkeys(trace.x)))
    figure.update_yaxes(categoryorder="array", categoryarray=list(dict.fromkeys(trace.y)))
    title = (f"Hits by category, {VOICE_LABELS.get(voice, voice)}, {plotly_text(period)}: "
             "count (bold) and rate per 1,000 words")
    longest = max((len(str(outlet)) for outlet in outlets), default=0)
    slanted = len(outlets) > 6 or longest * len(outlets) > 120
    # Slanted outlet names need room above the squares; the title stays on top, clear of them.
    rise = int(0.5 * 7.5 * min(longest, 40)) if slanted else 0
    figure.update_layout(title={"text": title, "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 14}},
                         height=figure.layout.height + rise, margin={"t": 70 + rise})
    figure.update_xaxes(tickangle=-30 if slanted else 0, automargin=True)
    figure.update_yaxes(automargin=True)
    return figure


def monthly_rates(rows: pd.DataFrame, *, outlets: list[str], category: str, voice: str,
                  thin: int = 1000) -> go.Figure:
    """One category's rate per 1,000 words month by month, a line per outlet (`framing.batch.results.monthly`).
    A hollow marker is a month with fewer than `thin` words, whose rate rests on little text; a month
    without words breaks the line. Colours repeat after eight outlets, with a different dash."""
    figure = go.Figure()
    dashes = ("solid", "dash", "dot", "dashdot")
    for i, outlet in enumerate(outlets):
        part = rows[rows["outlet"] == outlet]
        colour = OKABE_ITO[i % len(OKABE_ITO)]
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
            line={"color": colour, "width": 2, "dash": dashes[i // len(OKABE_ITO) % len(dashes)]},
            marker={"symbol": ["circle", *("circle-open" if low else "circle" for low in weak)], "size": 9,
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
        title=f"{plotly_text(category)}, {VOICE_LABELS.get(voice, voice)}: hits per 1,000 words, month by month",
        height=max(460, 150 + 24 * (len(outlets) + 1)), margin={"l": 10, "r": 10, "t": 60, "b": 10},
        clickmode="event+select", dragmode=False,
        hovermode="closest", legend={"font": {"size": 13}},
    )
    figure.update_xaxes(type="category", showgrid=False, automargin=True)
    figure.update_yaxes(title="per 1,000 words", rangemode="tozero", automargin=True)
    return figure


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

