"""CSV downloads (framing/render/exports.py): safe in a spreadsheet, cut to the chosen outlets, traceable."""

import io
import zipfile

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import NEEDS_CHROMIUM, PNG_SIGNATURE, png_size
from hypothesis import given
from hypothesis import strategies as st

from framing.render import png
from framing.render.charts import rate_tiles
from framing.render.exports import TABLES, csv_bytes, export_tables, export_zip
from framing.render.palette import category_styles
from framing.render.png import PngUnavailable, figure_png, find_browser
from framing.spreadsheet import FORMULA_STARTS, neutralise, safe_for_spreadsheet

cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
starts = st.sampled_from([*FORMULA_STARTS, "", "a", " ", "'"])


def read_back(data: bytes) -> pd.DataFrame:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


@given(st.lists(st.tuples(starts, cells, st.integers(-10**6, 10**6), st.floats(-1e6, 1e6, allow_nan=False)),
                min_size=1, max_size=8))
def test_text_cells_never_start_a_formula_and_come_back_whole(rows):
    frame = pd.DataFrame([(start + text, number, rate) for start, text, number, rate in rows],
                         columns=["text", "number", "rate"])
    back = read_back(csv_bytes(frame))
    for original, written in zip(frame["text"], back["text"], strict=True):
        assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert (written[1:] if original.startswith(FORMULA_STARTS) else written) == original
    assert [int(value) for value in back["number"]] == list(frame["number"])  # negative numbers stay numbers
    assert [float(value) for value in back["rate"]] == list(frame["rate"])


def test_neutralise_leaves_numbers_and_plain_text_alone():
    assert neutralise(-5) == -5 and neutralise(2.5) == 2.5
    assert neutralise("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise("@cmd") == "'@cmd"
    assert neutralise("regime") == "regime"


def test_exports_hold_only_the_chosen_outlets(bundled):
    chosen = bundled.story.outlets[:2]
    tables = export_tables(bundled, chosen)
    assert set(tables) == set(TABLES)
    for name, table in tables.items():
        assert len(table), name
        assert set(table["outlet"]) <= set(chosen), name
    assert len(tables["spans"]) == int(bundled.spans["outlet"].isin(chosen).sum())


def test_every_span_row_slices_the_cleaned_text_to_its_match(bundled):
    texts = {doc.article.id: doc.text for doc in bundled.documents}
    spans = read_back(csv_bytes(export_tables(bundled, bundled.story.outlets)["spans"]))
    assert len(spans) == len(bundled.spans)
    for row in spans.itertuples(index=False):
        match = row.match[1:] if row.match.startswith("'") and row.match[1:].startswith(FORMULA_STARTS) else row.match
        assert texts[row.article][int(row.start):int(row.end)] == match


def test_each_score_counts_the_span_rows_behind_it(bundled):
    tables = export_tables(bundled, bundled.story.outlets)
    spans, scores = tables["spans"], tables["scores"]
    for row in scores[scores["voice"] != "all"].itertuples(index=False):
        behind = spans[(spans["outlet"] == row.outlet) & (spans["category"] == row.category)
                       & (spans["voice"] == row.voice)]
        assert len(behind) == row.hits


def test_the_zip_has_the_tables_a_readme_and_the_texts_the_offsets_point_into(bundled):
    chosen = bundled.story.outlets[1:3]
    archive = zipfile.ZipFile(io.BytesIO(export_zip(bundled, chosen)))
    names = archive.namelist()
    assert {"README.txt", *(f"{name}.csv" for name in TABLES)} <= set(names)
    readme = archive.read("README.txt").decode("utf-8")
    for column in export_tables(bundled, chosen)["spans"].columns:
        assert column in readme
    texts = {doc.article.id: doc.text for doc in bundled.documents if doc.article.outlet in chosen}
    assert sorted(n for n in names if n.startswith("texts/")) == sorted(f"texts/{a}.txt" for a in texts)
    spans = read_back(archive.read("spans.csv"))
    first = spans.iloc[0]
    text = archive.read(f"texts/{first['article']}.txt").decode("utf-8")
    assert text[int(first["start"]):int(first["end"])] == first["match"]


def test_lists_in_cells_become_text():
    data = csv_bytes(pd.DataFrame({"removed": [[{"line": 1}], []]}))
    assert read_back(data)["removed"].tolist() == ['[{"line": 1}]', "[]"]


# --- PNG through Kaleido (framing/render/png.py) ---------------------------------------------------------


@NEEDS_CHROMIUM
def test_a_chart_becomes_a_png_of_the_asked_size(bundled):
    figure = rate_tiles(bundled.scores, category_styles(bundled.lexicon), voice="narrator",
                        outlets=bundled.story.outlets)
    for width, height, scale in ((400, 300, 1), (320, 200, 2)):
        data = figure_png(figure, width=width, height=height, scale=scale)
        assert data.startswith(PNG_SIGNATURE)
        assert png_size(data) == (width * scale, height * scale)


def test_without_a_browser_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setattr(png, "find_browser", lambda: None)
    with pytest.raises(PngUnavailable, match="sudo apt install chromium") as error:
        figure_png(go.Figure(), width=100, height=100)
    assert "the HTML handout and CSVs work without it" in str(error.value)


def test_a_browser_that_will_not_start_is_a_clear_error(tmp_path, monkeypatch):
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setattr(png, "find_browser", lambda: str(broken))
    with pytest.raises(PngUnavailable, match="could not draw the chart"):
        figure_png(go.Figure(), width=100, height=100)


def test_browser_path_names_the_browser_first(tmp_path, monkeypatch):
    browser = tmp_path / "my-chrome"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(browser))
    assert find_browser() == str(browser)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    assert find_browser() != str(tmp_path / "missing")


def test_png_size_refuses_what_is_not_a_png():
    with pytest.raises(ValueError, match="not a PNG"):
        png_size(b"GIF89a" + bytes(30))


def test_a_png_is_drawn_on_white_plot_area_included(monkeypatch):
    """Plotly's own template tints the plot area blue-grey; a picture for a slide is white throughout."""
    assert go.Figure().layout.template.layout.plot_bgcolor != "#ffffff"
    drawn = []
    monkeypatch.setattr(png, "find_browser", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(png._renderer, "render", lambda browser, figure, opts: drawn.append(figure) or PNG_SIGNATURE)
    figure_png(go.Figure(go.Scatter(x=[1], y=[1])), width=100, height=100)
    assert (drawn[0].layout.paper_bgcolor, drawn[0].layout.plot_bgcolor) == ("#ffffff", "#ffffff")


def test_a_table_is_made_safe_alike_in_text_and_object_columns_and_keeps_missing_cells_missing():
    frame = pd.DataFrame({"text": pd.Series(["=SUM(A1)", "regime", None, "-5 dead"], dtype="str"),
                          "mixed": pd.Series(["@cmd", 3, ["a", "b"], None], dtype=object),
                          "number": [-1, 2, 3, 4]})
    safe = safe_for_spreadsheet(frame)
    assert safe["text"].tolist()[:2] == ["'=SUM(A1)", "regime"] and pd.isna(safe["text"][2])
    assert safe["text"][3] == "'-5 dead"
    assert safe["mixed"].tolist()[:3] == ["'@cmd", 3, '["a", "b"]'] and safe["mixed"][3] is None
    assert safe["number"].tolist() == [-1, 2, 3, 4]
