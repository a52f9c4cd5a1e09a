"""Corpus: the results of `python -m framing batch` over many articles, outlet by outlet and month by
month. Clicking a square or a point lists the lexicon terms behind its count."""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from framing.batch.results import (
    DEFAULT_OUTLETS,
    RESULTS_FOLDER,
    THIN_WORDS,
    Batch,
    CorpusError,
    articles_per_outlet,
    dated_months,
    default_outlets,
    describe_span,
    file_stamp,
    find_results,
    load_batch,
    month_span,
    monthly,
    outlet_totals,
    sample_batch,
    select,
    setup_commands,
    style_categories,
    terms_behind,
    undated_articles,
)
from framing.lexicon import LexiconError, load_lexicon
from framing.render.charts import corpus_tiles, grid_width, key_width, monthly_rates, title_width
from framing.render.exports import csv_bytes
from framing.render.highlight import heading, stylesheet, wrap
from framing.render.palette import category_styles
from framing.storage import StorageError, data_subdir
from framing.voices import VOICE_LABELS
from views.session import (
    chart_font,
    clicked_points,
    current_story,
    page_intro,
    plural,
    remember,
    scrolling_chart,
    seed,
    text_size,
    url_choice,
    url_values,
)

CHOICES = ("corpus_months", "corpus_outlets", "corpus_category")  # what belongs to one batch's contents


@st.cache_data(show_spinner="Reading the batch results…", max_entries=4)
def load(path: str, stamp: tuple) -> Batch:  # a rewritten file has a new stamp, so it is read afresh
    return load_batch(Path(path))


@st.cache_resource(show_spinner=False)
def lexicon_styles() -> dict:
    try:
        return category_styles(load_lexicon())
    except LexiconError:  # names are a courtesy here: the batch's own category ids still show
        return {}


def forget_choices() -> None:
    """Another batch: its outlets, months and categories are not those of the last one."""
    for key in [*CHOICES, *(k for k in st.session_state if str(k).startswith("corpus_chart_"))]:
        st.session_state.pop(key, None)
    for name in ("from", "to", "outlet", "category"):
        st.query_params.pop(name, None)


def keep_valid(key: str, allowed: list) -> None:
    """Drop a remembered choice that the current files no longer offer (a batch rewritten on disk)."""
    value = st.session_state.get(key)
    if value is None:
        return
    values = value if isinstance(value, list | tuple) else [value]
    if any(v not in allowed for v in values):
        del st.session_state[key]


def chart_key(kind: str, *choices) -> str:
    """A chart's key changes with what it shows, so a click on an earlier version is not kept."""
    return f"corpus_chart_{kind}_{hashlib.sha1(repr(choices).encode()).hexdigest()[:12]}"


def show_html(*parts: str) -> None:
    """Escaped HTML parts (`heading`, `paragraph`) at the chosen text size."""
    st.html(wrap(*parts, css=stylesheet({}, font_size=text_size())))


def show_terms(batch: Batch, *, outlet: str, category: str, voice: str, span, count: int, title: str) -> None:
    """The terms behind one count, and a check that they add up to it."""
    show_html(heading(f"{title}: {plural(count, 'hit')}", level=3))
    if batch.terms is None:
        st.caption("Tracing counts to their terms is unavailable for these results (see the note above).")
        return
    table = terms_behind(batch.terms, outlet=outlet, category=category, voice=voice, span=span)
    total = int(table["count"].sum())
    if total != count:
        st.warning(f"The terms add up to {total:,}, not {count:,}: the terms file does not match the outlet table.")
    elif table.empty:
        st.caption("No hits here: this outlet does not use this kind of word in this voice and period.")
        return
    else:
        sums = "its count is" if len(table) == 1 else "their counts add up to"
        st.caption(f"{plural(len(table), 'lexicon term')} behind this number: {sums} exactly {count:,}. "
                   "A term ending in * stands for every word it begins.")
    st.dataframe(table, hide_index=True, width="stretch")


def empty_state(folder: Path) -> None:
    st.info("No batch results found yet.")
    st.write("To see the page at work first, score the story chosen in the sidebar as a small batch "
             "(its articles, with the lexicon chosen there):")
    if st.button("Make a sample batch from this story", icon=":material/play_arrow:", key="corpus_sample"):
        view = current_story()
        try:
            with st.spinner("Scoring the story's articles…"):
                sample_batch(folder, view.analysis.story, view.analysis.lexicon)
        except StorageError as error:
            st.error(f"No sample batch was made: {error}")
        else:
            st.rerun()
    st.write("To chart a corpus of your own (JSONL, CSV or Parquet, one article per row, with `outlet` and "
             "`text` columns and, for the months, a `date` such as 2015-09-30), score it from the project "
             "folder with:")
    st.code(setup_commands(folder), language=None)  # the highlighter's colours are under AA contrast
    st.write("The page reads every `*.outlets.parquet` or `*.outlets.csv` (with its `*.terms.*` file "
             "beside it) in this folder and its subfolders; reload the page when they are written:")
    st.code(str(folder), language=None)


@dataclass(frozen=True)
class Choices:
    """What the reader chose to chart: the voice, the months (None: all) and the outlets."""

    voice: str
    span: tuple[str, str] | None
    outlets: list[str]
    period: str


def batch_section(results: dict[str, Path]) -> tuple[str, Batch]:
    """The batch results chosen, read and checked; stops the page with the reason where they cannot be."""
    keep_valid("corpus_batch", list(results))
    seed("corpus_batch", url_choice("batch", results, next(iter(results))))
    name = st.selectbox("Batch results", list(results), key="corpus_batch", on_change=forget_choices,
                        help="Every `*.outlets.parquet` or `*.outlets.csv` in the `batches` folder of "
                             "FRAMING_DATA_DIR, named by its path there.")
    path = results[name]
    try:
        batch = load(str(path), file_stamp(path))
    except CorpusError as error:
        st.error("These batch results cannot be opened. What went wrong, and where:")
        st.code(str(error), language=None, wrap_lines=True)  # file names and values are data, not Markdown
        remember(batch=name)
        st.stop()
    if batch.terms is None:
        st.warning("Tracing counts to their terms is unavailable for these results: the charts work, but a "
                   "click cannot list the terms behind a number. The reason:")
        st.code(batch.terms_problem, language=None, wrap_lines=True)
    if batch.outlets.empty:
        st.info("These results hold no articles: the batch run scored none. Its .problems.csv file says why.")
        remember(batch=name)
        st.stop()
    return name, batch


def choices_section(name: str, table) -> Choices:
    """Voice, months and outlets, each kept in the URL; stops the page when no outlet is chosen."""
    per_outlet = articles_per_outlet(table)
    months = dated_months(table)
    undated = undated_articles(table)
    span_text = f"{months[0]} to {months[-1]}" if months else "no dated articles"
    st.caption(f"{plural(int(per_outlet.sum()), 'article')} from {plural(len(per_outlet), 'outlet')}, {span_text}"
               + (f"; {plural(undated, 'article')} without a date" if undated else "") + ".")
    left, right = st.columns([2, 3])
    seed("corpus_voice", url_choice("voice", VOICE_LABELS, "narrator"))
    voice = left.radio("Count the words in", list(VOICE_LABELS), key="corpus_voice", horizontal=True,
                       format_func=VOICE_LABELS.get,
                       help="An outlet's own words are its framing; quotations are its sources' words that it chose.")
    if len(months) > 1:
        keep_valid("corpus_months", months)
        first = url_choice("from", months, months[0])
        last = url_choice("to", months, months[-1])
        # The default, not a seeded state: a select_slider is a range only when its `value` is a pair.
        start = (first, last) if first <= last else (months[0], months[-1])
        chosen_months = right.select_slider("Months", months, value=start, key="corpus_months",
                                            help="Articles without a date count only when every month is chosen.")
    else:
        chosen_months = (months[0], months[0]) if months else ("", "")
        right.caption(f"Months: only {months[0]}." if months else "Months: none of these articles has a date.")
    span = month_span(chosen_months, months)
    if undated and span is not None:
        right.caption(f"{plural(undated, 'article')} without a date left out: they count only in all months.")

    outlets = list(per_outlet.index)
    keep_valid("corpus_outlets", outlets)
    default = default_outlets(table)
    seed("corpus_outlets", url_values("outlet", outlets) or default)
    chosen = st.multiselect("Outlets", outlets, key="corpus_outlets",
                            help=f"At first the {DEFAULT_OUTLETS} with most articles; each is listed with its "
                                 "articles.", format_func=lambda outlet: f"{outlet} ({per_outlet[outlet]:,})")
    remember(batch=name, voice=voice, **{"from": span and span[0], "to": span and span[1]},
             outlet=[] if chosen == default else chosen)
    if not chosen:
        st.info("Choose at least one outlet to chart.")
        st.stop()
    chosen = [outlet for outlet in outlets if outlet in chosen]  # most articles first, whatever the click order
    return Choices(voice, span, chosen, describe_span(span))


def tiles_section(name: str, batch: Batch, styles: dict, choices: Choices) -> None:
    st.subheader("How often each outlet uses each kind of framing word")
    st.caption("Each square: the number of hits (bold) and hits per 1,000 words in that voice, summed over the "
               "months chosen. The shade compares the outlets within a row. Click a square to list the terms "
               "behind its number.")
    voice, span = choices.voice, choices.span
    totals = outlet_totals(batch.outlets, voice=voice, span=span, chosen=choices.outlets)
    tiles = corpus_tiles(totals, styles, voice=voice, outlets=choices.outlets, period=choices.period,
                         font_size=chart_font())
    key = chart_key("tiles", name, voice, span, choices.outlets)
    points = clicked_points(scrolling_chart(tiles, key=key, min_width=grid_width(tiles), on_select="rerun",
                                            selection_mode="points"))
    if not points:
        st.caption("No square selected yet: click one to list the terms behind it.")
        return
    outlet, category = points[0]["customdata"][:2]
    count = int(totals[(totals["outlet"] == outlet) & (totals["category"] == category)]["count"].sum())
    title = f"{outlet} · {styles[category].name} · {VOICE_LABELS[voice]} · {choices.period}"
    show_terms(batch, outlet=outlet, category=category, voice=voice, span=span, count=count, title=title)


def months_section(name: str, batch: Batch, styles: dict, choices: Choices) -> None:
    st.subheader("Month by month")
    if len(dated_months(batch.outlets)) < 2:
        st.caption("A line over months needs articles from two months or more.")
        return
    keep_valid("corpus_category", list(styles))
    seed("corpus_category", url_choice("category", styles, next(iter(styles))))
    category = st.selectbox("Category", list(styles), key="corpus_category",
                            format_func=lambda c: f"{styles[c].number} {styles[c].name}")
    remember(category=category)
    st.caption(f"Hits per 1,000 words each month. A hollow marker is a month with fewer than {THIN_WORDS:,} words "
               "in this voice: its rate rests on little text. A gap is a month without articles. "
               "Click a point to list the terms behind it; click a name in the key to hide its line.")
    voice, span = choices.voice, choices.span
    rows = monthly(batch.outlets, voice=voice, category=category, span=span, chosen=choices.outlets)
    lines = monthly_rates(rows, outlets=choices.outlets, category=styles[category].name, voice=voice,
                          thin=THIN_WORDS, font_size=chart_font())
    key = chart_key("months", name, voice, span, choices.outlets, category)
    # the title runs above the key, which sits right of the lines: room for both side by side
    picked = scrolling_chart(lines, key=key, min_width=title_width(lines) + key_width(lines), on_select="rerun",
                             selection_mode="points")
    points = [point for point in clicked_points(picked) if point.get("customdata")]
    if points:
        outlet, month = points[0]["customdata"][:2]
        count = int(rows[(rows["outlet"] == outlet) & (rows["month"] == month)]["count"].sum())
        title = f"{outlet} · {styles[category].name} · {VOICE_LABELS[voice]} · {month}"
        show_terms(batch, outlet=outlet, category=category, voice=voice, span=(month, month), count=count,
                   title=title)


def numbers_section(name: str, batch: Batch, styles: dict, choices: Choices) -> None:
    st.subheader("The numbers")
    rows = select(batch.outlets, voice=choices.voice, span=choices.span, outlets=choices.outlets)
    st.caption(f"The outlet table for these choices: {plural(len(rows), 'row')}, one per outlet, month and "
               "category. Counts and words add up over months; rates do not, so recompute them from the sums.")
    safe_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", name.rsplit(".", 1)[0]).strip("-.") or "batch"
    st.download_button("Download as CSV", csv_bytes(rows),
                       file_name=f"{safe_name}-{choices.voice}.csv", mime="text/csv", icon=":material/download:")
    with st.expander("Key to the categories"):
        st.dataframe(
            [{"number": s.number, "category": s.name, "what it finds": s.description,
              "for discussion": s.teaching_note} for s in styles.values()],
            hide_index=True, width="stretch",
        )


page_intro(__file__)
folder = data_subdir(RESULTS_FOLDER)
results = find_results(folder)
if not results:
    empty_state(folder)
    st.stop()
batch_name, chosen_batch = batch_section(results)
batch_styles = style_categories(chosen_batch.outlets["category"].unique(), lexicon_styles())
chosen = choices_section(batch_name, chosen_batch.outlets)
for section in (tiles_section, months_section, numbers_section):
    section(batch_name, chosen_batch, batch_styles, chosen)
