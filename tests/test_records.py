"""Article tables (framing/records.py): one reader for the Import page and the batch."""

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import load_lexicon
from framing.batch.scoring import BatchError, read_chunks, run_batch
from framing.library.importing import read_file
from framing.records import UNCLOSED_QUOTE, RecordProblem, column_names, csv_records, jsonl_records


def records(text: str):
    return list(csv_records(io.StringIO(text, newline=""), source="t.csv"))


def test_names_are_read_without_case_the_text_column_is_text_and_aliases_are_fields():
    assert column_names([" Body ", "Title", "SOURCE", "date"]) == {
        " Body ": "text", "Title": "headline", "SOURCE": "outlet", "date": "date"}
    assert column_names(["content", "text"]) == {"content": "content", "text": "text"}  # text comes first


def test_semicolons_tabs_and_rows_counted_as_a_spreadsheet_counts_them():
    assert records('Outlet;Text\nA;"one\nline two"\n\nB;two\n') == [
        (2, {"outlet": "A", "text": "one\nline two"}), (4, {"outlet": "B", "text": "two"})]
    assert records("outlet\ttext\nA\tx\n") == [(2, {"outlet": "A", "text": "x"})]


def test_an_unclosed_quote_is_reported_at_its_row_and_ends_the_reading():
    rows = "".join(f"A,text {n}\n" for n in range(2, 100)) + 'A,"opens and never closes\n' + "A,later\n" * 900
    found = records("outlet,text\n" + rows)
    assert [row for row, _ in found[:-1]] == list(range(2, 100))
    assert found[-1] == RecordProblem("t.csv", UNCLOSED_QUOTE, 100, stops=True)


def test_the_batch_refuses_an_unclosed_quote_instead_of_one_article_swallowing_the_file(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("outlet,text\n" + "".join(f"A,The regime said {n}.\n" for n in range(98))
                      + 'A,"The regime\n' + "".join(f"A,More words {n}.\n" for n in range(900)), encoding="utf-8")
    with pytest.raises(BatchError) as refused:
        run_batch(source, tmp_path / "out.csv", load_lexicon(), workers=1, progress=False)
    assert str(refused.value) == f"{source}, row 100: {UNCLOSED_QUOTE}; nothing was scored"
    assert not (tmp_path / "out.csv").exists()


def test_import_and_batch_read_the_same_table_to_the_same_records(tmp_path):
    table = 'Source;Title;Body\nDaily;"A ""quoted"" head";"The regime fell;\nthen rose."\nWeekly;T2;Words.\n'
    imported = read_file("t.csv", table.encode())
    source = tmp_path / "t.csv"
    source.write_text(table, encoding="utf-8")
    chunk = next(read_chunks(source, 10)[2])
    assert [(d.row, d.outlet, d.metadata["headline"], d.text) for d in imported.drafts] == [
        (row, record["outlet"], record["headline"], record["text"]) for row, record in chunk.rows]


def test_jsonl_lines_keys_and_problems():
    lines = ['{"Outlet": "A", "Content": "x"}', "", "{bad", "[1]"]
    found = list(jsonl_records([line + "\n" for line in lines], source="t.jsonl"))
    assert found[0] == (1, {"outlet": "A", "text": "x"})
    assert [(p.row, p.message.split(" (")[0]) for p in found[1:]] == [(3, "not valid JSON"),
                                                                     (4, "expected a JSON object {...}, got list")]
    assert str(found[1]).startswith("t.jsonl, line 3: ")


@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=60)), max_size=8), st.sampled_from(",;\t"))
def test_any_table_written_by_the_csv_module_reads_back_exactly(rows, delimiter):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["outlet", "text"])
    writer.writerows(rows)
    found = records(out.getvalue())
    assert not [item for item in found if isinstance(item, RecordProblem)]
    assert [(r["outlet"], r["text"]) for _, r in found] == [(o, t) for o, t in rows if o.strip() or t.strip()]


_KEYS = st.sampled_from(["text", "Text", " body ", "content", "outlet", "Source", "title", "headline", "date", "id"])


@given(st.lists(st.dictionaries(_KEYS, st.text(max_size=3), max_size=5), max_size=6))
def test_jsonl_rows_take_their_column_names_as_each_alone_would(rows):
    lines = [json.dumps(row) for row in rows]
    expected = [(number, {column_names(row)[key]: value for key, value in row.items()})
                for number, row in enumerate(rows, 1)]
    assert list(jsonl_records(lines, source="rows.jsonl")) == expected
