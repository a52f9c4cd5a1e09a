"""A handout for a story and a set of outlets: one HTML file that opens offline and prints on A4.

Everything a student takes home is in the file: the CSS, the charts' data and plotly.js itself
(inline once, about 4.6 MB, so the charts draw and answer hovering with no network and no Chromium on
the machine that made the file). Every chart is drawn at a fixed width that fits an A4 page, so it
prints as it looks, and every number in a chart also stands in a plain table beside it, which prints
in any browser. Text from articles, outlets, the story and the lexicon is escaped, web addresses are
shown as text, never as links, and the only scripts are plotly.js and the calls that draw the charts.
"""

from __future__ import annotations

import datetime
import re
from itertools import pairwise

import pandas as pd
import plotly.graph_objects as go

from framing.analysis import Analysis
from framing.distinctive import leading_terms
from framing.render.charts import distinctive_bars, on_white, rate_tiles, statement_tiles
from framing.render.highlight import article_html, legend_html, stylesheet
from framing.render.markup import html_text
from framing.render.palette import CategoryStyle
from framing.voices import SPAN_VOICES, VOICE_LABELS

SECTIONS = {
    "outlets": "The outlets",
    "scores": "Framing words by outlet",
    "distinctive": "Each outlet's most distinctive words",
    "naming": "What each outlet calls each actor",
    "statements": "Which statements each outlet quoted",
    "articles": "The articles, with the framing words marked",
    "key": "Key to the categories, and the lexicon's sources",
}
STATEMENTS_PER_CHART = 15  # rows of statement tiles that fit one printed page
CHART_WIDTH = 680  # px: the printable width of A4 with 15 mm margins, so a chart prints as it looks
CHART_CONFIG = {"displayModeBar": False, "responsive": False, "displaylogo": False, "scrollZoom": False}
DISTINCTIVE_TOP = 8

CSS = """
@page { size: A4; margin: 15mm; }
html { background: #ffffff; }
body { margin: 0 auto; max-width: 760px; padding: 1.5em; color: #111111; background: #ffffff;
  font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.framing { font-size: 16px; line-height: 1.55; }
h1 { font-size: 1.7em; line-height: 1.25; margin: 0 0 0.4em 0; }
h2 { font-size: 1.3em; border-bottom: 2px solid #444444; padding-bottom: 0.15em; margin-top: 1.6em; }
h3 { font-size: 1.08em; margin: 1.2em 0 0.3em 0; }
p.meta, p.note { font-size: 0.85em; color: #444444; }
table.data { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em 0; font-size: 0.85em; line-height: 1.35; }
table.data th, table.data td { border: 1px solid #bbbbbb; padding: 0.25em 0.45em; vertical-align: top;
  text-align: left; overflow-wrap: break-word; }
table.data th { background: #eeeeee; }
table.data td.num, table.data td.date { text-align: right; white-space: nowrap; }
table.data td.num .rate { color: #555555; font-size: 0.9em; }
table.data td.quoted { font-style: italic; }
.chart { width: 680px; max-width: 100%; margin: 0.5em 0 1em 0; break-inside: avoid; page-break-inside: avoid; }
.with-table { break-inside: avoid; page-break-inside: avoid; }  /* a chart printed on the page of its table */
section.article .article { border-left: 3px solid #dddddd; padding-left: 0.8em; }
footer { margin-top: 2em; border-top: 1px solid #999999; padding-top: 0.5em; font-size: 0.8em; color: #444444; }
tr { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
@media print {
  body { max-width: none; padding: 0; }
  .framing { font-size: 10.5pt; }
  section.part + section.part { break-before: page; page-break-before: always; }
  section.article + section.article { break-before: page; page-break-before: always; }
  .framing mark.hit::after { display: none !important; }
  .framing mark.hit:focus { outline: none; }
}
"""


def handout_html(analysis: Analysis, outlets: list[str], styles: dict[str, CategoryStyle],
                 notes: dict[tuple[str, str], str], *, title: str | None = None, include=tuple(SECTIONS),
                 made: datetime.date | None = None) -> str:
    """The whole handout as one HTML document, with only the chosen outlets and sections."""
    story = analysis.story
    outlets = [outlet for outlet in story.outlets if outlet in outlets]
    title = title or story.title
    made = made or datetime.date.today()
    charts = _Charts()
    builders = {
        "outlets": lambda: _outlets(analysis, outlets),
        "scores": lambda: _scores(analysis, outlets, styles, charts),
        "distinctive": lambda: _distinctive(analysis, outlets, charts),
        "naming": lambda: _naming(analysis, outlets),
        "statements": lambda: _statements(analysis, outlets, charts),
        "articles": lambda: _articles(analysis, outlets, styles, notes),
        "key": lambda: _key(analysis, styles),
    }
    sections = [f'<section class="part" id="{key}"><h2>{html_text(SECTIONS[key])}</h2>{builders[key]()}</section>'
                for key in SECTIONS if key in include]
    header = (f"<header><h1>{html_text(title)}</h1><p>{html_text(story.summary)}</p>"
              f'<p class="meta">Outlets: {html_text(", ".join(outlets) or "none chosen")}. '
              f"Lexicon: {html_text(analysis.lexicon.name)}. Made on {made.isoformat()}.</p></header>")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html_text(title)}</title>{stylesheet(styles, font_size=16)}<style>{CSS}</style></head>"
            f'<body><div class="framing">{header}{"".join(sections)}{_footer(analysis, made)}</div></body></html>')


def handout_file_name(analysis: Analysis) -> str:
    return f"{analysis.story.slug}-handout.html"


class _Charts:
    """Plotly figures as HTML: plotly.js goes inline with the first, the others only call it."""

    def __init__(self):
        self.count = 0

    def __call__(self, figure: go.Figure) -> str:
        fixed = on_white(figure).update_layout(width=CHART_WIDTH, autosize=False)
        self.count += 1
        div = fixed.to_html(full_html=False, include_plotlyjs=self.count == 1, config=CHART_CONFIG,
                            div_id=f"chart-{self.count}", default_width=f"{CHART_WIDTH}px")
        return f'<div class="chart">{div}</div>'


def _table(headers: list[str], rows: list[list[str]], *, css_id: str = "") -> str:
    """An HTML table from header texts (escaped here) and cells already made into <td> HTML."""
    head = "".join(f"<th>{html_text(text)}</th>" for text in headers)
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    ident = f' id="{html_text(css_id)}"' if css_id else ""
    return f'<table class="data"{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _cell(text, *, css_class: str = "") -> str:
    return f'<td class="{css_class}">{html_text(text)}</td>' if css_class else f"<td>{html_text(text)}</td>"


def _outlets(analysis: Analysis, outlets: list[str]) -> str:
    events = {event.id: event.description or event.id for event in analysis.story.events}
    articles = analysis.articles[analysis.articles["outlet"].isin(outlets)]
    addresses = bool(articles["url"].fillna("").astype(str).str.strip().any())
    rows = []
    for row in articles.itertuples(index=False):
        rows.append([_cell(row.outlet), _cell(row.country), _cell(row.ownership), _cell(row.date, css_class="date"),
                     _cell(row.headline or "(no headline captured)"), _cell(events.get(row.event, row.event)),
                     _cell(f"{row.words_narrator} / {row.words_quote}", css_class="num"),
                     *([_cell(row.url)] if addresses else [])])
    note = '<p class="note">Words: in the outlet\'s own voice / inside quotations. Addresses are shown as text.</p>'
    return _table(["Outlet", "Country", "Ownership", "Date", "Headline", "Reports", "Words own / quoted",
                   *(["Address"] if addresses else [])], rows) + note


def _scores(analysis: Analysis, outlets: list[str], styles: dict[str, CategoryStyle], charts: _Charts) -> str:
    """The counts beside the rates, per voice, as tables; the own-voice ones as the Overview's tiles too."""
    parts = ['<p class="note">Each cell: the number of hits (bold) and hits per 1,000 words in that voice. '
             "A rate from a few hits in a short text is weak evidence.</p>"]
    for voice in SPAN_VOICES:
        shown = analysis.scores[(analysis.scores["voice"] == voice) & analysis.scores["outlet"].isin(outlets)]
        cells = {(row.outlet, row.category): row for row in shown.itertuples(index=False)}
        words = {row.outlet: row.words for row in shown.itertuples(index=False)}
        rows = [[_cell("Words in this voice")] + [_cell(words.get(outlet, 0), css_class="num") for outlet in outlets]]
        for category, style in styles.items():
            counts = []
            for outlet in outlets:
                row = cells.get((outlet, category))
                count, rate = (row.count, row.per_1000) if row else (0, 0.0)
                counts.append(f'<td class="num" data-outlet="{html_text(outlet)}"><b>{count}</b> '
                              f'<span class="rate">{rate:.1f}</span></td>')
            rows.append([f'<td data-category="{html_text(category)}"><span class="key c{style.number}">{style.number}'
                         f"</span> {html_text(style.name)}</td>", *counts])
        parts.append(f"<h3>{html_text(VOICE_LABELS[voice]).capitalize()}</h3>")
        parts.append(_table(["Category", *outlets], rows, css_id=f"scores-{voice}"))
    parts.append(charts(rate_tiles(analysis.scores, styles, voice="narrator", outlets=outlets)))
    return "".join(parts)


def _distinctive(analysis: Analysis, outlets: list[str], charts: _Charts) -> str:
    """Per outlet, a bar per term it uses more than the others, and the same numbers as a table."""
    terms = analysis.distinctive(top=DISTINCTIVE_TOP)
    parts = ['<p class="note">Words and phrases each outlet uses more than the other outlets of the story, in its own '
             "voice (log-odds with an informative prior). In brackets: uses here / in the other outlets.</p>"]
    for outlet in outlets:
        rows = leading_terms(terms, outlet)
        if rows.empty:
            parts.append(f"<h3>{html_text(outlet)}</h3><p>No term stands out.</p>")
            continue
        table = [[_cell(row.term), _cell(f"{row.z:.2f}", css_class="num"), _cell(row.count, css_class="num"),
                  _cell(row.count_rest, css_class="num")] for row in rows.itertuples(index=False)]
        parts.append('<div class="with-table">' + charts(distinctive_bars(rows, outlet))
                     + _table(["Term", "z", f"Uses in {outlet}", "Uses in the others"], table,
                              css_id=f"distinctive-{outlets.index(outlet)}") + "</div>")
    return "".join(parts)


def naming_cells(naming: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """Actor by outlet: the labels each outlet uses, most frequent first, own voice before quoted."""
    naming = naming[naming["outlet"].isin(outlets)].sort_values(
        ["voice", "count"], ascending=[True, False], kind="stable")
    cells = naming.groupby(["referent", "outlet"])[["label", "count", "voice"]].apply(
        lambda group: "; ".join(f"{'quoted: ' if voice == 'quote' else ''}{label} ×{count}"
                                for label, count, voice in zip(group["label"], group["count"], group["voice"],
                                                               strict=True)))
    if cells.empty:
        return pd.DataFrame(columns=outlets)
    return cells.unstack("outlet").reindex(columns=outlets).fillna("")


def _naming(analysis: Analysis, outlets: list[str]) -> str:
    table = naming_cells(analysis.naming(), outlets)
    if table.empty:
        return "<p>No actor is named by the chosen outlets.</p>"
    naming = analysis.naming()
    mentions = naming[naming["outlet"].isin(outlets)].groupby("referent")["count"].sum()
    order = sorted(table.index, key=lambda referent: (-mentions.get(referent, 0), str(referent)))  # as on the page
    rows = [[_cell(referent), *(_cell(table.at[referent, outlet]) for outlet in outlets)] for referent in order]
    return ('<p class="note">The actors most mentioned first. Each cell: the names an outlet uses for the actor, '
            'with how often; "quoted:" marks names inside quotations, the other names are the outlet\'s own '
            "words.</p>" + _table(["Actor", *outlets], rows))


def _statements(analysis: Analysis, outlets: list[str], charts: _Charts) -> str:
    matrix = analysis.statement_matrix()
    matrix = matrix[[outlet for outlet in outlets if outlet in matrix.columns]]
    matrix = matrix[(matrix != "").any(axis=1)]
    if matrix.empty:
        return "<p>The chosen outlets quote no statement.</p>"
    speakers = dict(zip(analysis.statements()["statement"], analysis.statements()["speaker"], strict=True))
    quotes = analysis.quotations()
    quotes = quotes[quotes["outlet"].isin(outlets)].sort_values(
        ["statement", "outlet"], key=lambda column: column.map(_statement_number) if column.name == "statement"
        else column.map({outlet: i for i, outlet in enumerate(outlets)}), kind="stable")
    rows = [[_cell(q.statement), _cell(q.speaker), _cell(q.outlet), _cell(q.verb or "—"), _cell(q.text)]
            for q in quotes.itertuples(index=False)]
    pages = -(-len(matrix) // STATEMENTS_PER_CHART)
    bounds = [len(matrix) * page // pages for page in range(pages + 1)]  # shared out evenly: no chart of one row
    grids = "".join(charts(statement_tiles(matrix.iloc[start:end], speakers)) for start, end in pairwise(bounds))
    return (grids
            + '<p class="note">A square: the outlet quoted the statement; a ring: it did not. The same words quoted '
              "by several outlets make one statement; below, each outlet's wording and reporting verb.</p>"
            + _table(["Statement", "Speaker", "Outlet", "Verb", "Wording"], rows))


def _articles(analysis: Analysis, outlets: list[str], styles: dict[str, CategoryStyle],
              notes: dict[tuple[str, str], str]) -> str:
    parts = [legend_html(styles, list(styles))]
    for doc in analysis.documents:
        if doc.article.outlet not in outlets:
            continue
        spans = analysis.spans_behind(article=doc.article.id)
        parts.append(f'<section class="article"><h3>{html_text(doc.article.outlet)}</h3>'
                     f'<p class="headline">{html_text(doc.article.headline)}</p>'
                     f"{article_html(doc, spans, styles, notes)}</section>")
    return "".join(parts)


def _key(analysis: Analysis, styles: dict[str, CategoryStyle]) -> str:
    categories = [[f'<td><span class="key c{style.number}">{style.number}</span></td>', _cell(style.name),
                   _cell(style.description), _cell(style.teaching_note)] for style in styles.values()]
    sources = [[_cell(source.name), _cell(styles[source.used_for].name if source.used_for in styles
                                          else source.used_for), _cell(source.licence), _cell(source.url)]
               for source in analysis.lexicon.sources]
    parts = [_table(["No.", "Category", "What it finds", "For discussion"], categories)]
    if sources:
        parts.append("<h3>Sources</h3>" + _table(["Source", "Used for", "Licence", "Address"], sources))
    return "".join(parts)


def _footer(analysis: Analysis, made: datetime.date) -> str:
    lexicon = analysis.lexicon
    return (f"<footer><p>Lexicon: {html_text(lexicon.name)} ({html_text(lexicon.description)}). "
            f"Made on {made.isoformat()} "
            "with the framing dashboard.</p><p>How the counts are made: each article is cleaned of page furniture; "
            "every match of a lexicon term is one hit, counted in the outlet's own words or inside quotation marks; "
            "a rate is hits per 1,000 words in that voice. Every count can be traced to its words: the marked "
            "article texts above, or the spans CSV.</p></footer>")


def _statement_number(statement: str) -> int:
    digits = re.sub(r"\D", "", statement)
    return int(digits) if digits else 0
