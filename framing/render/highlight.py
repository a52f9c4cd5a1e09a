"""HTML for article texts with their lexicon hits marked, for a browser to show as it is.

Every piece of article, lexicon or story text goes through `framing.render.markup.html_text` before it joins the
markup, so a `<script>` or `**bold**` in an article is shown as those characters. Line breaks
are kept by CSS (`white-space: pre-wrap`) rather than by turning text into tags. Each hit says
its category three ways: a colour, a number and a note (on hover, or on click or keyboard focus);
its voice two ways: a solid underline for the outlet's own words, a dotted one inside a quotation,
whose words are also set in italics.
"""

from __future__ import annotations

from itertools import pairwise

import pandas as pd

from framing.quotes import VoiceIndex
from framing.render.markup import html_text
from framing.render.palette import CategoryStyle
from framing.spans import ArticleAnalysis
from framing.text import plural
from framing.voices import VOICE_LABELS


def stylesheet(styles: dict[str, CategoryStyle], *, font_size: int = 18) -> str:
    """CSS for the classes this module writes; scoped under .framing so it touches nothing else."""
    rules = [
        f".framing {{ font-size: {int(font_size)}px; line-height: 1.75; }}",
        ".framing dl { margin: 0; } .framing dd { margin: 0 0 0.35em 0; }",
        ".framing dt { font-size: 0.75em; font-weight: 600; opacity: 0.75; }",
        ".framing p.headline { font-style: italic; }",
        ".framing .article { white-space: pre-wrap; overflow-wrap: anywhere; }",
        ".framing .quoted { font-style: italic; }",
        ".framing mark.hit { color: inherit; padding: 0 0.08em; border-radius: 0.15em; position: relative;"
        " cursor: help; }",
        ".framing mark.hit:focus { outline: 2px solid currentColor; outline-offset: 1px; }",
        ".framing mark.hit:hover::after, .framing mark.hit:focus::after { content: attr(data-note);"
        " position: absolute; left: 0; top: 1.6em; z-index: 20; width: max-content; max-width: 24em;"
        " white-space: normal; font: normal 0.8em/1.4 sans-serif; padding: 0.4em 0.6em;"
        " background: #1f1f24; color: #fafafa; border: 1px solid #888888; border-radius: 0.3em;"
        " box-shadow: 0 2px 6px rgba(0,0,0,.3); }",
        ".framing sup.tag { font-size: 0.62em; font-weight: 700; font-style: normal; margin-left: 0.1em; }",
        ".framing .swatch { display: inline-block; margin: 0 1.2em 0.3em 0; }",
        ".framing .removed { font-size: 0.85em; opacity: 0.85; border-left: 3px solid #999999;"
        " padding: 0.2em 0.8em; margin-bottom: 0.8em; }",
        ".framing .removed li { white-space: pre-wrap; }",
        ".framing table.kwic { border-collapse: collapse; width: 100%; }",
        ".framing table.kwic td { padding: 0.15em 0.4em; vertical-align: top; }",
        ".framing table.kwic td.before { text-align: right; }",
        ".framing table.kwic td.source { font-size: 0.8em; white-space: nowrap; opacity: 0.8; }",
        ".framing table.wordings td { border-top: 1px solid rgba(128,128,128,0.4); padding: 0.4em; }",
        ".framing table.wordings td.source { white-space: normal; width: 9em; }",
        ".framing table.wordings td.wording { overflow-wrap: anywhere; }",
        ".framing table.names { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 0.75em;"
        " line-height: 1.4; }",
        ".framing table.names th, .framing table.names td { border-top: 1px solid rgba(128,128,128,0.4);"
        " padding: 0.3em 0.4em; vertical-align: top; text-align: left; overflow-wrap: break-word; }",
        ".framing table.names .counts { font-weight: normal; font-size: 0.8em; }",
        # on a phone a line of evidence is read down, its source above its words, rather than run off the screen
        "@media (max-width: 640px) { .framing table.kwic td { display: block; text-align: left;"
        " overflow-wrap: anywhere; } .framing table.kwic td.before { text-align: left; }"
        " .framing table.kwic td.source { white-space: normal; }"
        " .framing table.kwic tr { display: block; border-top: 1px solid rgba(128,128,128,0.4); } }",
    ]
    rules.append(".framing mark.c0 { background: rgba(153,153,153,0.35); border-bottom: 0.16em solid #999999; }")
    for style in styles.values():
        rgb = tuple(int(style.colour[i:i + 2], 16) for i in (1, 3, 5))
        rules.append(f".framing mark.c{style.number} {{ background: rgba({rgb[0]},{rgb[1]},{rgb[2]},0.38); }}")
        rules.append(f".framing mark.c{style.number}.narrator {{ border-bottom: 0.16em solid {style.colour}; }}")
        rules.append(f".framing mark.c{style.number}.quote {{ border-bottom: 0.16em dotted {style.colour};"
                     f" background: rgba({rgb[0]},{rgb[1]},{rgb[2]},0.2); }}")
        rules.append(f".framing .key.c{style.number} {{ background: rgba({rgb[0]},{rgb[1]},{rgb[2]},0.38);"
                     f" border-bottom: 0.16em solid {style.colour}; padding: 0 0.3em; }}")
    return "<style>" + "\n".join(rules) + "</style>"


def hit_note(span, styles: dict[str, CategoryStyle], notes: dict[tuple[str, str], str]) -> str:
    """Why a hit is flagged: category, term, voice, speaker, and the lexicon's teaching note."""
    style = styles.get(span.category)
    name = style.name if style else span.category
    voice = VOICE_LABELS.get(span.voice, span.voice)
    speaker = f", quoting {span.speaker}" if span.voice == "quote" and span.speaker else ""
    note = notes.get((span.category, span.term)) or (style.teaching_note if style else "")
    return f"{name} ({style.number if style else '?'}): “{span.term}”, {voice}{speaker}. {note}".strip()


def article_html(doc: ArticleAnalysis, spans: pd.DataFrame, styles: dict[str, CategoryStyle],
                 notes: dict[tuple[str, str], str]) -> str:
    """The cleaned text of one article with the given spans (rows of the span table) marked."""
    text = doc.text
    hits = sorted(spans.itertuples(index=False), key=lambda s: (s.start, -s.end))
    bounds = sorted({0, len(text), *(s.start for s in hits), *(s.end for s in hits),
                     *(edge for region in doc.quote_regions for edge in region)})
    voices = VoiceIndex(list(doc.quote_regions))
    out, active, waiting = [], [], iter(hits)
    upcoming = next(waiting, None)
    for start, end in pairwise(bounds):
        while upcoming is not None and upcoming.start <= start:
            active.append(upcoming)
            upcoming = next(waiting, None)
        active = [s for s in active if s.end > start]
        piece = html_text(text[start:end])
        if active:
            span = min(active, key=lambda s: s.end - s.start)  # the innermost hit shows
            style = styles.get(span.category)
            number = style.number if style else 0
            tag = f'<sup class="tag">{number}</sup>' if end == span.end else ""
            piece = (f'<mark class="hit c{number} {html_text(span.voice)}" tabindex="0" '
                     f'data-note="{html_text(hit_note(span, styles, notes))}">{piece}{tag}</mark>')
        if voices.region_at(start) is not None:
            piece = f'<span class="quoted">{piece}</span>'
        out.append(piece)
    return f'<div class="article">{"".join(out)}</div>'


def removed_html(removed: list[dict]) -> str:
    """The page furniture cleaning took out, each piece with its line and reason."""
    if not removed:
        return '<div class="removed">Cleaning removed nothing from this article.</div>'
    items = "".join(
        f"<li>line {html_text(piece['line'])}, {html_text(piece['kind'])} ({html_text(piece['reason'])}): "
        f"{html_text(piece['text'])}</li>" for piece in removed
    )
    return f'<div class="removed"><b>Removed by cleaning ({len(removed)})</b><ul>{items}</ul></div>'


def legend_html(styles: dict[str, CategoryStyle], shown: list[str]) -> str:
    """Category keys (colour, number, name) and the two voice styles."""
    keys = "".join(
        f'<span class="swatch" title="{html_text(styles[c].description)}"><span class="key c{styles[c].number}">'
        f'{styles[c].number}</span> {html_text(styles[c].name)}</span>' for c in shown if c in styles
    )
    first = styles[shown[0]].number if shown and shown[0] in styles else 1
    voices = (
        f'<span class="swatch"><mark class="hit c{first} narrator">solid underline</mark> the outlet’s own words'
        f'</span><span class="swatch quoted"><mark class="hit c{first} quote">dotted underline, italics</mark>'
        f' inside a quotation</span>'
    )
    return f"<div>{keys}</div><div>{voices}</div>"


def evidence_html(rows: pd.DataFrame, styles: dict[str, CategoryStyle] | None = None) -> str:
    """Keyword-in-context lines: source, the words before, the hit, the words after."""
    styles = styles or {}
    lines = []
    for row in rows.itertuples(index=False):
        category = getattr(row, "category", "")
        number = styles[category].number if category in styles else 0
        voice = VOICE_LABELS.get(row.voice, row.voice)
        speaker = f", {row.speaker}" if row.voice == "quote" and row.speaker else ""
        lines.append(
            f'<tr><td class="source">{html_text(row.outlet)}<br>{html_text(voice)}{html_text(speaker)}</td>'
            f'<td class="before">{html_text(row.before)}</td>'
            f'<td><mark class="hit c{number} {html_text(row.voice)}">{html_text(row.match)}</mark>'
            f'{html_text(row.after)}</td>'
            "</tr>"
        )
    return f'<table class="kwic">{"".join(lines)}</table>'


def wordings_html(quotes: pd.DataFrame, *, outlets: list[str]) -> str:
    """One statement as each outlet quoted it (rows of `Analysis.quotations`), an outlet a row, each
    wording whole and wrapped, since comparing them is the point; then the outlets that left it out."""
    lines = [
        f'<tr><td class="source">{html_text(row.outlet)}<br>{html_text(row.speaker or "")}'
        f'{html_text(f", {row.verb}" if row.verb else "")}</td>'
        f'<td class="wording">“{html_text(row.text)}”</td></tr>'
        for row in quotes.itertuples(index=False)
    ]
    left_out = [outlet for outlet in outlets if outlet not in set(quotes["outlet"])]
    note = paragraph(f"Not quoted by {', '.join(left_out)}.") if left_out else ""
    return f'<table class="kwic wordings">{"".join(lines)}</table>{note}'


def names_html(table: pd.DataFrame, *, row_title: str) -> str:
    """The naming table (an actor a row with its `mentions` and `outlets` counts, then a column per outlet of
    the names it uses) with every cell whole and wrapped, in the page's text size, as wide as the page: on a
    projector Streamlit's own table keeps its small cells and cuts their names short. The counts go under
    the actor's name, which leaves the outlets the width."""
    outlets = [column for column in table.columns if column not in ("mentions", "outlets")]
    head = "".join(f"<th>{html_text(name)}</th>" for name in (row_title, *outlets))
    rows = "".join(
        f'<tr><th>{html_text(actor)}<br><span class="counts">'
        f'{html_text(plural(int(row["mentions"]), "mention"))}, {html_text(plural(int(row["outlets"]), "outlet"))}'
        "</span></th>" + "".join(f"<td>{html_text(row[outlet])}</td>" for outlet in outlets) + "</tr>"
        for actor, row in table.iterrows())
    return f'<table class="names"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def heading(text: str, *, level: int = 2) -> str:
    """A heading of story or article text (st.header would read it as Markdown)."""
    return f"<h{int(level)}>{html_text(text)}</h{int(level)}>"


def paragraph(text: str, *, css_class: str = "") -> str:
    return f'<p class="{html_text(css_class)}">{html_text(text)}</p>'


def wrap(*parts: str, css: str) -> str:
    """One block for st.html: the stylesheet, then the parts inside the .framing scope."""
    return f'{css}<div class="framing">{"".join(parts)}</div>'
