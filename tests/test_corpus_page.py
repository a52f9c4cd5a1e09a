"""The Corpus page over batch results: finding, reading and checking them (framing/batch/results.py),
cutting them by voice, months and outlets, its charts, and the page itself through AppTest."""

import json

import pandas as pd
import pytest
from apptest_helpers import open_page

from framing.batch.results import (
    CorpusError,
    articles_per_outlet,
    dated_months,
    default_outlets,
    file_stamp,
    find_results,
    load_batch,
    load_outlets,
    load_terms,
    mismatches,
    month_span,
    monthly,
    outlet_totals,
    select,
    setup_commands,
    style_categories,
    terms_behind,
    terms_file,
    undated_articles,
)
from framing.batch.scoring import run_batch, sibling
from framing.lexicon import with_story_layer
from framing.render.charts import corpus_tiles, monthly_rates
from framing.render.palette import BACKGROUNDS, category_styles, contrast
from framing.storage import USER_DATA_ENV
from framing.stories import STORIES_DIR

pytestmark = pytest.mark.usefixtures("analyses_shared")

PAGE = "views/corpus.py"
HOSTILE = "<b>x</b>"
ARTICLES = [
    ("Alpha Times", "2024-01-05", "The regime said the so-called rebels fled the town. Takfiri groups attacked it."),
    ("Alpha Times", "2024-02-10",
     'The regime claimed victory. "The Takfiri terrorists are finished," the minister said.'),
    ("Beta Post", "2024-01-20", "Officials said the so-called moderate rebels were armed. The regime denied it."),
    ("Beta Post", "2024-02-03", 'The spokesman said: "This regime is a so-called government of Takfiri allies."'),
    ("Beta Post", None, "The regime allegedly met the rebels in secret, according to reports."),
    (HOSTILE, "2024-02-15", "The Takfiri regime, as critics call it, allegedly lied about the so-called truce."),
]


def write_articles(path):
    with path.open("w", encoding="utf-8") as file:
        for number, (outlet, date, text) in enumerate(ARTICLES):
            record = {"article": f"a{number}", "outlet": outlet, "text": text, **({"date": date} if date else {})}
            file.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def story_lexicon(default_lexicon):
    """The lexicon the bundled story is read with: its actor labels are what these articles use."""
    return with_story_layer(default_lexicon, STORIES_DIR / "assad-coalition-2015", "assad-coalition-2015")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, story_lexicon):
    """A data folder whose batches/ holds the tiny corpus scored by the batch job, as Parquet."""
    root = tmp_path_factory.mktemp("corpus-data")
    (root / "batches").mkdir()
    source = write_articles(root / "articles.jsonl")
    run_batch(source, root / "batches" / "tiny.parquet", story_lexicon, workers=1, progress=False)
    return root


@pytest.fixture(scope="module")
def csv_results(tmp_path_factory, story_lexicon):
    root = tmp_path_factory.mktemp("corpus-csv")
    source = write_articles(root / "articles.jsonl")
    run_batch(source, root / "tiny.csv", story_lexicon, workers=1, progress=False)
    return sibling(root / "tiny.csv", "outlets")


@pytest.fixture
def batch(data_dir):
    return load_batch(data_dir / "batches" / "tiny.outlets.parquet")


@pytest.fixture
def with_data(data_dir, monkeypatch):
    monkeypatch.setenv(USER_DATA_ENV, str(data_dir))
    return data_dir


def file_sum(data_dir, *, outlet, category, voice, months=None) -> int:
    table = pd.read_parquet(data_dir / "batches" / "tiny.outlets.parquet")
    rows = table[(table["outlet"] == outlet) & (table["category"] == category) & (table["voice"] == voice)]
    if months is not None:
        rows = rows[rows["month"].isin(months)]
    return int(rows["count"].sum())


# --- finding and reading --------------------------------------------------------------------------


def test_results_are_found_under_batches_with_their_terms_beside_them(data_dir, tmp_path):
    folder = data_dir / "batches"
    assert find_results(folder) == {"tiny.parquet": folder / "tiny.outlets.parquet"}
    assert terms_file(folder / "tiny.outlets.parquet") == folder / "tiny.terms.parquet"
    assert terms_file(tmp_path / "a.b.outlets.csv") == tmp_path / "a.b.terms.csv"
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "run.outlets.csv").write_text("x\n", encoding="utf-8")
    (tmp_path / ".hidden.outlets.csv").write_text("x\n", encoding="utf-8")
    (tmp_path / "scores.parquet").write_text("not results", encoding="utf-8")
    assert list(find_results(tmp_path)) == ["deep/run.csv"]
    assert find_results(tmp_path / "missing") == {}


def test_csv_and_parquet_results_read_the_same(data_dir, csv_results):
    parquet = load_batch(data_dir / "batches" / "tiny.outlets.parquet")
    csv = load_batch(csv_results)
    assert csv.terms is not None and parquet.terms is not None
    pd.testing.assert_frame_equal(csv.outlets, parquet.outlets)
    pd.testing.assert_frame_equal(csv.terms, parquet.terms)
    assert "" in set(csv.outlets["month"])  # the undated article stays "", not NaN


def test_the_outlet_counts_are_the_sums_of_their_terms(batch):
    assert batch.terms_problem == ""
    assert mismatches(batch.outlets, batch.terms).empty
    assert batch.outlets["count"].sum() > 0


def test_a_file_stamp_changes_when_a_file_is_rewritten(tmp_path):
    path = tmp_path / "r.outlets.csv"
    path.write_text("a\n", encoding="utf-8")
    before = file_stamp(path)
    path.write_text("a,b\n", encoding="utf-8")
    assert file_stamp(path) != before
    assert file_stamp(path)[1][1] is None  # no terms file yet


def test_a_missing_column_is_named(tmp_path, batch):
    path = tmp_path / "r.outlets.csv"
    batch.outlets.drop(columns=["words"]).to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"r\.outlets\.csv: no 'words' column; found 'outlet'"):
        load_outlets(path)


@pytest.mark.parametrize(("column", "value", "message"), [
    ("count", "many", r"'count' must hold whole numbers .* row 1 holds 'many'"),
    ("words", "-3", r"'words' must hold whole numbers"),
    ("voice", "shouted", r"'voice' holds 'shouted'"),
    ("month", "January", r"'month' holds 'January'"),
])
def test_malformed_values_are_named(tmp_path, batch, column, value, message):
    path = tmp_path / "r.outlets.csv"
    table = batch.outlets.astype({column: object})
    table.loc[0, column] = value
    table.to_csv(path, index=False)
    with pytest.raises(CorpusError, match=message):
        load_outlets(path)


def test_unreadable_files_say_so(tmp_path):
    parquet = tmp_path / "r.outlets.parquet"
    parquet.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(CorpusError, match="not a readable Parquet file"):
        load_outlets(parquet)
    empty = tmp_path / "e.outlets.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a readable CSV file"):
        load_outlets(empty)
    latin = tmp_path / "l.outlets.csv"
    latin.write_bytes("outlet\nCaf\xe9\n".encode("latin-1"))
    with pytest.raises(CorpusError, match="not a readable CSV file"):
        load_outlets(latin)


def test_missing_or_mismatched_terms_leave_the_outlet_table_usable(tmp_path, batch):
    outlets = tmp_path / "r.outlets.csv"
    batch.outlets.to_csv(outlets, index=False)
    alone = load_batch(outlets)
    assert alone.terms is None and "r.terms.csv: no such file" in alone.terms_problem
    assert len(alone.outlets) == len(batch.outlets)
    terms = batch.terms.copy()
    terms.loc[0, "count"] += 1
    terms.to_csv(tmp_path / "r.terms.csv", index=False)
    off = load_batch(outlets)
    assert off.terms is None and "do not add up" in off.terms_problem
    assert "in 2 places" in off.terms_problem  # the term's voice, and "all"
    terms.drop(columns=["term"]).to_csv(tmp_path / "r.terms.csv", index=False)
    assert "no 'term' column" in load_batch(outlets).terms_problem
    with pytest.raises(CorpusError, match="'voice' holds 'all'"):  # the terms table has no "all" rows
        load_terms(_written(tmp_path / "t.terms.csv", batch.terms.assign(voice="all")))


def _written(path, frame):
    frame.to_csv(path, index=False)
    return path


# --- cutting the tables ---------------------------------------------------------------------------


def test_months_articles_and_default_outlets(batch):
    table = batch.outlets
    assert dated_months(table) == ["2024-01", "2024-02"]
    assert articles_per_outlet(table).to_dict() == {"Beta Post": 3, "Alpha Times": 2, HOSTILE: 1}
    assert undated_articles(table) == 1
    assert default_outlets(table) == ["Beta Post", "Alpha Times", HOSTILE]
    assert default_outlets(table, limit=2) == ["Beta Post", "Alpha Times"]


def test_the_whole_range_is_all_months_and_keeps_undated_articles(batch):
    months = dated_months(batch.outlets)
    assert month_span(("2024-01", "2024-02"), months) is None
    assert month_span(("2024-02", "2024-02"), months) == ("2024-02", "2024-02")
    everything = select(batch.outlets, voice="all", span=None, outlets=["Beta Post"])
    january = select(batch.outlets, voice="all", span=("2024-01", "2024-01"), outlets=["Beta Post"])
    assert set(everything["month"]) == {"", "2024-01", "2024-02"}
    assert set(january["month"]) == {"2024-01"}
    assert set(select(batch.terms, voice="all")["voice"]) == {"narrator", "quote"}  # terms: both voices
    assert set(select(batch.terms, voice="quote")["voice"]) == {"quote"}


@pytest.mark.parametrize("voice", ["narrator", "quote", "all"])
@pytest.mark.parametrize("span", [None, ("2024-01", "2024-01"), ("2024-02", "2024-02")])
def test_every_total_is_the_sum_of_the_file_and_of_its_terms(data_dir, batch, voice, span):
    outlets = default_outlets(batch.outlets)
    totals = outlet_totals(batch.outlets, voice=voice, span=span, chosen=outlets)
    assert len(totals) == len(outlets) * batch.outlets["category"].nunique()
    months = None if span is None else [span[0]]
    for row in totals.itertuples(index=False):
        assert row.count == file_sum(data_dir, outlet=row.outlet, category=row.category, voice=voice, months=months)
        terms = terms_behind(batch.terms, outlet=row.outlet, category=row.category, voice=voice, span=span)
        assert terms["count"].sum() == row.count
        assert row.per_1000 == pytest.approx(round(1000 * row.count / row.words, 2) if row.words else float("nan"),
                                             nan_ok=True)


def test_the_voices_differ_and_all_is_both(batch):
    chosen = default_outlets(batch.outlets)
    totals = {voice: outlet_totals(batch.outlets, voice=voice, span=None, chosen=chosen).set_index(
        ["outlet", "category"])["count"] for voice in ("narrator", "quote", "all")}
    assert (totals["narrator"] + totals["quote"]).equals(totals["all"])
    assert totals["quote"].sum() > 0 and not totals["quote"].equals(totals["narrator"])


def test_terms_behind_a_count_list_each_term_with_its_voices(batch):
    terms = terms_behind(batch.terms, outlet="Beta Post", category="actor_label", voice="all", span=None)
    assert list(terms.columns) == ["term", "count", "own words", "quotations"]
    regime = terms.set_index("term").loc["regime"]
    assert (regime["count"], regime["own words"], regime["quotations"]) == (3, 2, 1)  # the undated one counts
    only_february = terms_behind(batch.terms, outlet="Beta Post", category="actor_label", voice="quote",
                                 span=("2024-02", "2024-02"))
    assert list(only_february.columns) == ["term", "count"]
    assert only_february.set_index("term")["count"].to_dict() == {"regime": 1, "Takfiri": 1}
    none = terms_behind(batch.terms, outlet=HOSTILE, category="actor_label", voice="quote", span=None)
    assert none.empty


def test_monthly_rows_cover_every_month_for_every_outlet(batch):
    rows = monthly(batch.outlets, voice="narrator", category="actor_label", span=None,
                   chosen=["Alpha Times", HOSTILE])
    assert list(zip(rows["outlet"], rows["month"], strict=True)) == [
        ("Alpha Times", "2024-01"), ("Alpha Times", "2024-02"), (HOSTILE, "2024-01"), (HOSTILE, "2024-02")]
    gap = rows[(rows["outlet"] == HOSTILE) & (rows["month"] == "2024-01")].iloc[0]
    assert (gap["count"], gap["words"], gap["articles"]) == (0, 0, 0) and pd.isna(gap["per_1000"])
    february = monthly(batch.outlets, voice="narrator", category="actor_label", span=("2024-02", "2024-02"),
                       chosen=["Alpha Times"])
    assert list(february["month"]) == ["2024-02"]


def test_categories_of_another_lexicon_get_a_numbered_grey_style(story_lexicon):
    styles = category_styles(story_lexicon)
    shown = style_categories(["hedge", "zeal", "distancing"], styles)
    assert list(shown) == ["distancing", "hedge", "zeal"]  # lexicon order, then the unknown
    assert shown["zeal"].name == "zeal" and shown["zeal"].number == len(styles) + 1


def test_setup_commands_write_into_the_results_folder(tmp_path):
    commands = setup_commands(tmp_path / "my data" / "batches")
    out = f"'{tmp_path}/my data/batches/my-articles.parquet'"
    assert f"python -m framing batch my-articles.jsonl --out {out}" in commands
    assert "bench/" not in commands
    assert commands.startswith(f"mkdir -p '{tmp_path}/my data/batches'")


# --- charts --------------------------------------------------------------------------------------


def test_corpus_tiles_show_count_above_rate_with_escaped_outlets(batch, story_lexicon):
    styles = style_categories(batch.outlets["category"].unique(), category_styles(story_lexicon))
    chosen = default_outlets(batch.outlets)
    totals = outlet_totals(batch.outlets, voice="narrator", span=None, chosen=chosen)
    figure = corpus_tiles(totals, styles, voice="narrator", outlets=chosen, period="all months")
    assert list(figure.layout.xaxis.categoryarray) == ["Beta Post", "Alpha Times", "&lt;b&gt;x&lt;/b&gt;"]
    cells = {}
    for trace in figure.data:  # one trace per label colour, each keeping its colour after a click
        assert set(trace.textfont.color) == {trace.unselected.textfont.color}
        assert HOSTILE not in trace.x
        cells.update({tuple(pair): (label, hover) for pair, label, hover in zip(
            trace.customdata, trace.text, trace.hovertext, strict=True)})
    assert len(cells) == len(totals) and [t.marker.showscale for t in figure.data] == [True, False]
    label, hover = cells[("Beta Post", "actor_label")]
    count = int(totals.set_index(["outlet", "category"]).loc[("Beta Post", "actor_label"), "count"])
    assert label.startswith(f"<b>{count}</b><br>") and "3 articles, all months" in hover


def test_monthly_rates_mark_thin_months_hollow_and_keep_the_key_filled(batch):
    rows = monthly(batch.outlets, voice="all", category="actor_label", span=None, chosen=["Alpha Times", HOSTILE])
    figure = monthly_rates(rows, outlets=["Alpha Times", HOSTILE], category="Loaded <labels>", voice="all")
    alpha, hostile, key = figure.data
    assert alpha.marker.symbol[0] == "circle"  # the blank first point the key is drawn from
    assert list(alpha.marker.symbol[1:]) == ["circle-open", "circle-open"]  # a few words each month
    assert hostile.name == "&lt;b&gt;x&lt;/b&gt;" and key.name == "hollow: under 1,000 words"
    assert list(hostile.customdata[1:]) == [[HOSTILE, "2024-01"], [HOSTILE, "2024-02"]]
    assert pd.isna(hostile.y[1])  # no article in January: a gap in the line
    assert "Loaded &lt;labels&gt;" in figure.layout.title.text
    rich = monthly_rates(rows.assign(words=5000), outlets=["Alpha Times"], category="x", voice="all")
    assert list(rich.data[0].marker.symbol[1:]) == ["circle", "circle"]


def test_monthly_rates_tell_outlets_that_share_a_colour_apart_by_dash_and_marker():
    outlets = [f"Outlet {n}" for n in range(9)]
    rows = pd.DataFrame([{"outlet": o, "month": "2024-01", "count": 1, "words": 500, "articles": 1, "per_1000": 2.0}
                         for o in outlets])
    lines = monthly_rates(rows, outlets=outlets, category="x", voice="all").data[:-1]
    looks = {(t.line.color, t.line.dash, t.marker.symbol[0]) for t in lines}
    assert len(looks) == len(outlets)  # no two outlets drawn alike
    greens = [t for t in lines if t.line.color == lines[0].line.color]
    assert len(greens) == 3 and len({t.marker.symbol[0] for t in greens}) == 3  # the key shows markers, not dashes
    assert all(contrast(t.line.color, ground) >= 3 for t in lines for ground in BACKGROUNDS.values())
    assert lines[4].marker.symbol[1] == lines[4].marker.symbol[0] + "-open"  # a thin month is still hollow


# --- the page ------------------------------------------------------------------------------------


def tiles_of(at) -> dict:
    """(outlet, category) -> the count drawn in the grid's square."""
    return {tuple(pair): int(label.split("</b>")[0].removeprefix("<b>")) if label != "0" else 0
            for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
            for pair, label in zip(trace["customdata"], trace["text"], strict=True)}


def test_the_page_draws_the_grid_with_the_counts_of_the_file(with_data):
    at = open_page(PAGE)
    assert at.selectbox(key="corpus_batch").value == "tiny.parquet"
    assert at.radio(key="corpus_voice").value == "narrator"
    tiles = tiles_of(at)
    assert tiles[("Beta Post", "actor_label")] == file_sum(with_data, outlet="Beta Post", category="actor_label",
                                                           voice="narrator") == 4  # the undated article too
    assert tiles[("Alpha Times", "distancing")] == file_sum(with_data, outlet="Alpha Times", category="distancing",
                                                            voice="narrator")
    assert len(at.get("plotly_chart")) == 2  # and the months
    assert any("6 articles from 3 outlets, 2024-01 to 2024-02; 1 article without a date" in c.value
               for c in at.caption)
    assert at.query_params["batch"] == "tiny.parquet"


def test_choosing_a_voice_changes_the_numbers(with_data):
    at = open_page(PAGE)
    own = tiles_of(at)
    at.radio(key="corpus_voice").set_value("quote").run()
    quoted = tiles_of(at)
    assert quoted != own
    assert quoted[("Beta Post", "actor_label")] == file_sum(with_data, outlet="Beta Post", category="actor_label",
                                                            voice="quote") == 2
    assert at.query_params["voice"] == "quote"


def test_a_month_range_counts_only_its_months(with_data):
    at = open_page(PAGE)
    at.select_slider(key="corpus_months").set_value(("2024-02", "2024-02")).run()
    assert not at.exception
    assert tiles_of(at)[("Beta Post", "actor_label")] == file_sum(
        with_data, outlet="Beta Post", category="actor_label", voice="narrator", months=["2024-02"]) == 0
    assert (at.query_params["from"], at.query_params["to"]) == ("2024-02", "2024-02")
    assert any("1 article without a date left out" in c.value for c in at.caption)
    again = open_page(PAGE, batch="tiny.parquet", **{"from": "2024-02", "to": "2024-02"})  # the link opens it
    assert again.select_slider(key="corpus_months").value == ("2024-02", "2024-02")


def test_the_outlet_choice_sets_the_columns(with_data):
    at = open_page(PAGE)
    assert at.multiselect(key="corpus_outlets").value == ["Beta Post", "Alpha Times", HOSTILE]
    at.multiselect(key="corpus_outlets").set_value(["Alpha Times"]).run()
    assert {outlet for outlet, _ in tiles_of(at)} == {"Alpha Times"}
    assert at.query_params["outlet"] == "Alpha Times"
    at.multiselect(key="corpus_outlets").set_value([]).run()
    assert not at.exception and "Choose at least one outlet" in at.info[0].value


def test_an_outlet_named_with_markup_appears_literally(with_data):
    at = open_page(PAGE)
    assert f"{HOSTILE} (1)" in at.multiselect(key="corpus_outlets").options
    ticks = [x for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"] for x in trace["x"]]
    assert "&lt;b&gt;x&lt;/b&gt;" in ticks and HOSTILE not in ticks
    lines = json.loads(at.get("plotly_chart")[1].proto.spec)["data"]
    assert "&lt;b&gt;x&lt;/b&gt;" in [trace["name"] for trace in lines]
    for element in (*at.markdown, *at.caption):
        assert HOSTILE not in element.value


def test_no_results_explain_the_page_give_the_command_and_make_a_sample(tmp_path, monkeypatch):
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    at = open_page(PAGE)
    assert at.title[0].value == "Corpus: many articles, outlet by outlet"
    assert "No batch results found yet" in at.info[0].value
    commands = at.code[0].value
    assert f"python -m framing batch my-articles.jsonl --out {tmp_path}/batches/my-articles.parquet" in commands
    assert at.code[1].value == str(tmp_path / "batches")
    assert not at.get("plotly_chart")
    at.button(key="corpus_sample").click().run()
    assert not at.exception and not at.info
    assert at.selectbox(key="corpus_batch").value == "sample-assad-coalition-2015.parquet"
    assert at.get("plotly_chart")  # the story, scored as a batch, is charted
    assert (tmp_path / "batches" / "sample-assad-coalition-2015.terms.parquet").is_file()


@pytest.mark.parametrize(("content", "message"), [
    (b"outlet,month,category,voice,count\nA,2024-01,hedge,all,1\n", "no 'words' or 'articles' columns"),
    (b"PAR1 not really", "not a readable Parquet file"),
])
def test_a_malformed_outlets_file_shows_an_error_not_a_crash(tmp_path, monkeypatch, content, message):
    (tmp_path / "batches").mkdir()
    name = "bad.outlets.csv" if content.startswith(b"outlet") else "bad.outlets.parquet"
    (tmp_path / "batches" / name).write_bytes(content)
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    at = open_page(PAGE)
    assert "cannot be opened" in at.error[0].value
    assert message in at.code[0].value and name in at.code[0].value
    assert not at.get("plotly_chart")


def test_results_without_terms_still_chart_and_say_tracing_is_unavailable(tmp_path, monkeypatch, batch):
    (tmp_path / "batches").mkdir()
    batch.outlets.to_csv(tmp_path / "batches" / "alone.outlets.csv", index=False)
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    at = open_page(PAGE)
    assert "Tracing counts to their terms is unavailable" in at.warning[0].value
    assert "alone.terms.csv: no such file" in at.code[0].value
    assert tiles_of(at)[("Beta Post", "actor_label")] == 4


def test_switching_batch_forgets_the_other_batchs_outlets(with_data, batch):
    other = with_data / "batches" / "other"
    other.mkdir(exist_ok=True)
    renamed = batch.outlets.assign(outlet=batch.outlets["outlet"].map(lambda o: f"New {o}"))
    renamed.to_csv(other / "renamed.outlets.csv", index=False)
    try:
        at = open_page(PAGE, batch="tiny.parquet")
        at.multiselect(key="corpus_outlets").set_value(["Alpha Times"]).run()
        at.selectbox(key="corpus_batch").set_value("other/renamed.csv").run()
        assert not at.exception
        assert at.multiselect(key="corpus_outlets").value == ["New Beta Post", "New Alpha Times", f"New {HOSTILE}"]
        assert "outlet" not in at.query_params
    finally:
        (other / "renamed.outlets.csv").unlink()
        other.rmdir()
