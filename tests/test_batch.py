"""Batch scoring: the same numbers as the story engine, any input format, every engine alike,
bad rows reported and skipped, memory that does not grow with the corpus."""

import csv
import dataclasses
import errno
import gc
import json
import pickle
import tracemalloc
from collections import Counter

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import load_bench
from hypothesis import given
from hypothesis import strategies as st

from framing import analyse
from framing.batch import scoring
from framing.batch.scoring import BatchError, _engine, _TermTotals, read_chunks, run_batch, score_chunk, sibling
from framing.cli import main
from framing.lexicon import parse_lexicon
from framing.quotes import VoiceIndex
from framing.records import RecordProblem
from framing.scores import rate_table
from framing.spans import SPAN_FIELDS, find_hits
from framing.stories import Article, Story
from framing.text import sentence_index

corpus = load_bench("corpus")


def write_rows(path, rows):
    """Rows (dicts) as JSONL, CSV or Parquet, by the path's suffix."""
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    elif path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        pq.write_table(pa.Table.from_pylist(rows), path)
    return path


@pytest.fixture(scope="module")
def bundled_rows(bundled_story):
    return [{"story": bundled_story.slug, "article": a.id, "outlet": a.outlet, "date": a.date, "text": a.raw}
            for a in bundled_story.articles]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    corpus.write_corpus(path, 120, seed=3)
    return path


def test_scores_equal_the_story_engine_on_the_bundled_story(tmp_path, bundled_story, default_lexicon, bundled_rows):
    source = write_rows(tmp_path / "story.jsonl", bundled_rows)
    summary = run_batch(source, tmp_path / "scores.parquet", default_lexicon, spans_path=tmp_path / "spans.parquet",
                        workers=1, progress=False)
    assert (summary.rows, summary.articles, summary.problems) == (5, 5, [])
    # The story engine without the story's own alias list and lexicon layer, which a corpus row does not
    # have, and without finding actors, which the batch scorer leaves to the naming view.
    story = analyse(dataclasses.replace(bundled_story, aliases=(), path=""), default_lexicon, actors=False)
    outlets = pd.read_parquet(sibling(tmp_path / "scores.parquet", "outlets"))
    totals = outlets.groupby(["outlet", "category", "voice"], sort=False)[["count", "words"]].sum()
    expected = story.scores.set_index(["outlet", "category", "voice"])[["count", "words"]]
    pd.testing.assert_frame_equal(totals.loc[expected.index], expected, check_dtype=False)
    per_article = pd.read_parquet(tmp_path / "scores.parquet")
    assert per_article.groupby("outlet")["count"].sum().to_dict() == story.scores.groupby("outlet")["count"].sum()\
        .to_dict()
    spans = pd.read_parquet(tmp_path / "spans.parquet")
    assert spans[list(SPAN_FIELDS)].to_dict("records") == story.spans.to_dict("records")
    terms = pd.read_parquet(sibling(tmp_path / "scores.parquet", "terms"))
    assert terms["count"].sum() == len(story.spans)  # every count traces back to its terms


def test_a_generated_corpus_scores_as_the_story_engine_scores_it(tmp_path, generated):
    """Chunks of a generated corpus (several outlets, quotations, scare quotes, a 2,000-term
    lexicon) give the story engine's spans, words and scores, article by article."""
    lexicon = parse_lexicon(corpus.generate_lexicon(2000, seed=0), source="generated")
    out = tmp_path / "scores.parquet"
    run_batch(generated, out, lexicon, spans_path=tmp_path / "spans.parquet", chunk_size=40, workers=1,
              progress=False)
    rows = [json.loads(line) for line in generated.read_text(encoding="utf-8").splitlines()]
    story = analyse(Story("generated", "generated", tuple(
        Article(id=row["article"], outlet=row["outlet"], raw=row["text"], date=row["date"]) for row in rows)), lexicon,
        actors=False)  # the batch finds no actors
    # Each hit placed as the per-hit helpers place it: its voice, its sentence, its scare quote.
    for doc in story.documents:
        voices, starts = VoiceIndex(list(doc.quote_regions)), [start for start, _ in doc.sentences]
        scare = [q for q in doc.quotations if q.scare]
        assert [(s.voice, s.sentence, s.scare_quote) for s in doc.spans] == [
            ("narrator" if voices.region_of(s.start, s.end) is None else "quote", sentence_index(starts, s.start),
             any(q.start <= s.start < q.end for q in scare)) for s in doc.spans]
    spans = pd.read_parquet(tmp_path / "spans.parquet")
    assert len(spans) > 1000 and spans["scare_quote"].any() and (spans["voice"] == "quote").any()
    pd.testing.assert_frame_equal(spans[list(SPAN_FIELDS)], story.spans, check_dtype=False)
    scores = pd.read_parquet(out)
    words = scores.drop_duplicates(["article", "voice"]).pivot(index="article", columns="voice", values="words")
    expected = story.articles.set_index("article")[["words", "words_narrator", "words_quote"]]
    assert (words.loc[expected.index, ["all", "narrator", "quote"]].to_numpy() == expected.to_numpy()).all()
    per_article = scores[scores["voice"] != "all"].groupby(["article", "category", "voice"])["count"].sum()
    counted = story.spans.groupby(["article", "category", "voice"]).size()
    assert per_article[per_article > 0].to_dict() == counted.to_dict()
    # Every row of the scores is the story engine's rate table by article, zeros and rates included.
    columns = ["article", "category", "voice", "count", "words", "per_1000"]
    rates = rate_table(counted, expected, [category.id for category in lexicon.categories], by=("article",))
    in_order = ["article", "voice", "category"]
    pd.testing.assert_frame_equal(scores[columns].sort_values(in_order, ignore_index=True),
                                  rates[columns].sort_values(in_order, ignore_index=True), check_dtype=False)
    outlets = pd.read_parquet(sibling(out, "outlets"))
    totals = outlets.groupby(["outlet", "category", "voice"])[["count", "words"]].sum()
    reference = story.scores.set_index(["outlet", "category", "voice"])[["count", "words"]].sort_index()
    pd.testing.assert_frame_equal(totals, reference, check_dtype=False)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_every_input_format_gives_the_same_scores(tmp_path, default_lexicon, bundled_rows, suffix):
    reference = run_batch(write_rows(tmp_path / "in.jsonl", bundled_rows), tmp_path / "a.csv", default_lexicon,
                          workers=1, progress=False)
    other = run_batch(write_rows(tmp_path / f"in{suffix}", bundled_rows), tmp_path / "b.csv", default_lexicon,
                      workers=1, progress=False)
    assert reference.articles == other.articles == 5
    jsonl, table = pd.read_csv(tmp_path / "a.csv"), pd.read_csv(tmp_path / "b.csv")
    if suffix == ".csv":  # a CSV's rows are counted as a spreadsheet counts them: the header is row 1
        assert sorted(set(table["row"])) == [row + 1 for row in sorted(set(jsonl["row"]))]
        jsonl, table = jsonl.drop(columns="row"), table.drop(columns="row")
    pd.testing.assert_frame_equal(jsonl, table)


def test_bad_rows_are_reported_with_their_number_and_skipped(tmp_path, default_lexicon):
    good = json.dumps({"outlet": "A", "text": "The regime said so."})
    lines = [good, "{not json", json.dumps({"outlet": "A"}), "[1, 2]", json.dumps({"outlet": "", "text": "words"}),
             json.dumps({"outlet": "B", "text": "   "}), json.dumps({"outlet": "B", "text": 42}), "", good]
    source = tmp_path / "bad.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen = []
    summary = run_batch(source, tmp_path / "out.parquet", default_lexicon, workers=1, progress=False,
                        on_problem=seen.append)
    assert summary.articles == 2 and summary.rows == 8
    assert [p.row for p in summary.problems] == [2, 3, 4, 5, 6, 7] == [p.row for p in seen]
    assert "not valid JSON" in summary.problems[0].message and "int" in summary.problems[5].message
    assert sorted(pd.read_parquet(tmp_path / "out.parquet")["row"].unique()) == [1, 9]


def test_an_article_the_engine_cannot_score_is_skipped_alone(tmp_path, default_lexicon, monkeypatch, bundled_rows):
    import framing.batch.scoring

    def fragile(articles, *args, **options):
        if any("EXPLODE" in article.raw for article in articles):
            raise ValueError("cannot take this one")
        return find_hits(articles, *args, **options)
    monkeypatch.setattr(framing.batch.scoring, "find_hits", fragile)
    rows = [*bundled_rows[:2], {"outlet": "X", "text": "EXPLODE here"}, *bundled_rows[2:]]
    summary = run_batch(write_rows(tmp_path / "in.jsonl", rows), tmp_path / "out.csv", default_lexicon, workers=1,
                        progress=False)
    assert summary.articles == 5
    assert summary.problems == [RecordProblem("", "could not be scored (ValueError: cannot take this one)", 3)]


def test_bytes_that_are_not_utf8_and_odd_dates_are_one_row_each_not_the_run(tmp_path, default_lexicon):
    source = tmp_path / "odd.csv"
    source.write_bytes(b'outlet,date,text\nA,2024-13-01,The regime said so.\nB\xff,2024-01-02,The regime.\n'
                       b'C,0000-00-00,"The ""regime"" \xfe fell."\nD,2024-02-03,The so-called rebels.\n')
    summary = run_batch(source, tmp_path / "out.parquet", default_lexicon, workers=1, progress=False)
    assert [p.row for p in summary.problems] == [3, 4] and "not valid text" in summary.problems[0].message
    outlets = pd.read_parquet(sibling(tmp_path / "out.parquet", "outlets"))
    assert set(outlets["month"]) == {"", "2024-02"}  # no month 13, no month 00


def test_a_csv_row_with_the_wrong_number_of_fields_is_skipped(tmp_path, default_lexicon):
    source = tmp_path / "bad.csv"
    source.write_text('outlet,text\nA,"The regime, it said."\nB,one,two\nC,"Rebels ""moderate"" ones"\n',
                      encoding="utf-8")
    summary = run_batch(source, tmp_path / "out.csv", default_lexicon, workers=1, progress=False)
    assert [(p.row, p.message) for p in summary.problems] == [
        (3, "3 fields where the header has 2 (a comma inside a field needs quotation marks around the field)")]
    assert list(pd.read_csv(tmp_path / "out.csv")["outlet"].unique()) == ["A", "C"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("in.jsonl", None, "no such file"),
    ("in.txt", "x", "cannot read .txt"),
    ("in.csv", "outlet,words\nA,b\n", r"no a text column \(text or body or content\); found outlet, words"),
    ("in.csv", "Outlet;Body\nA;b\n", None),  # what the Import page takes, the batch takes: any case, ; or tab
    ("in.csv", "", "the file is empty"),
    ("in.parquet", "not parquet", "not a readable Parquet file"),
])
def test_an_unusable_input_is_one_clear_error_and_a_usable_one_reads(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    if message is None:
        assert next(read_chunks(path, 10)[2]).rows == [(2, {"outlet": "A", "text": "b"})]
        return
    with pytest.raises(BatchError, match=message):
        next(read_chunks(path, 10)[2])


def test_an_interrupted_run_leaves_no_output_behind(tmp_path, default_lexicon, monkeypatch, bundled_rows):
    import framing.batch.scoring

    def broken(*args):
        raise KeyboardInterrupt
    monkeypatch.setattr(framing.batch.scoring, "score_chunk", broken)
    with pytest.raises(KeyboardInterrupt):
        run_batch(write_rows(tmp_path / "in.jsonl", bundled_rows), tmp_path / "new" / "out.parquet",
                  default_lexicon, workers=1, progress=False)
    assert sorted(tmp_path.iterdir()) == [tmp_path / "in.jsonl", tmp_path / "new"]
    assert list((tmp_path / "new").iterdir()) == []


def test_engines_give_identical_outputs(tmp_path, default_lexicon, generated):
    outputs = {}
    for name, options in {"inline": {"workers": 1}, "pool": {"workers": 2},
                          "dask": {"engine": "dask", "workers": 2}}.items():
        out = tmp_path / f"{name}.parquet"
        summary = run_batch(generated, out, default_lexicon, spans_path=tmp_path / f"{name}.spans.parquet",
                            chunk_size=25, progress=False, **options)
        assert summary.articles == 120
        outputs[name] = [pd.read_parquet(path) for path in summary.outputs]
    for name in ("pool", "dask"):
        for ours, reference in zip(outputs[name], outputs["inline"], strict=True):
            pd.testing.assert_frame_equal(ours, reference)


def test_a_dask_worker_preloaded_with_the_engine_has_its_tagger_loaded_before_any_job():
    """`dask worker --preload framing.batch.dask_worker` runs the module's hook as the worker starts, as
    Dask's own preload machinery does here: the tagger's data, the costliest first use, is loaded."""
    import asyncio

    from distributed.preloading import Preload

    from framing import tagging
    tagging._lexicon.cache_clear()
    preload = Preload(object(), "framing.batch.dask_worker", [], None)
    asyncio.run(preload.start())
    assert tagging._lexicon.cache_info().currsize == 1


def _set_up_in_worker() -> tuple[int, bool]:
    """In a pool worker before its first chunk: the matchers it holds, and whether its heap is frozen."""
    return scoring._matcher.cache_info().currsize, gc.get_freeze_count() > 0


def test_a_chunk_is_scored_with_the_garbage_collector_waiting_and_leaves_it_on(default_lexicon, bundled_rows,
                                                                               monkeypatch):
    scored, enabled_while_scoring = scoring._scored_chunk, []
    monkeypatch.setattr(scoring, "_scored_chunk", lambda *args: (enabled_while_scoring.append(gc.isenabled()),
                                                                 scored(*args))[1])
    result = score_chunk(list(enumerate(bundled_rows, 1)), default_lexicon, False)
    assert enabled_while_scoring == [False] and gc.isenabled() and len(result.scores)


def test_a_local_pools_chunks_carry_no_lexicon_and_score_as_in_this_process(default_lexicon, bundled_rows):
    rows = list(enumerate(bundled_rows, 1))
    scoring._matcher.cache_clear()  # so that a worker holds a matcher only if the pool built one before forking it
    with _engine("local", 2, None, default_lexicon) as runner:
        assert runner.submit(_set_up_in_worker).result() == (1, True)  # forked with the set-up done, and frozen
        shared = runner.share(default_lexicon)
        pooled = runner.submit(score_chunk, rows, shared, True).result()
    assert len(pickle.dumps(shared)) < 100 < len(pickle.dumps(default_lexicon))
    here = score_chunk(rows, default_lexicon, True)
    pd.testing.assert_frame_equal(pooled.scores, here.scores)
    pd.testing.assert_frame_equal(pooled.spans, here.spans)


def test_term_totals_are_the_chunks_concatenated_and_grouped_in_order_of_appearance():
    names = ["outlet", "month", "category", "voice", "term"]

    def part(entries):
        index = pd.MultiIndex.from_tuples([key for key, _ in entries], names=names)
        index = index.set_levels([level.astype("str") for level in index.levels])
        return pd.Series([count for _, count in entries], index=index, dtype="int64")

    a = part([(("B", "2015-02", "fear", "quote", "threat"), 2), (("A", "", "label", "narrator", "regime"), 1)])
    b = part([(("A", "", "label", "narrator", "regime"), 4), (("C", "2015-01", "fear", "narrator", "threat"), 3)])
    parts = [a, b, a.iloc[:0], b] * 6  # eighteen with entries: the totals are folded after sixteen
    totals = _TermTotals()
    for chunk in parts:
        totals.add(chunk)
    expected = pd.concat(parts).groupby(level=list(range(5)), sort=False).sum()
    pd.testing.assert_series_equal(totals.total(), expected, check_index_type=True)
    assert [list(level) for level in totals.total().index.levels] == [list(level) for level in expected.index.levels]
    assert totals.total().tolist() == [12, 54, 36]  # B threat 2 x 6, A regime (1 + 4 + 4) x 6, C threat 3 x 2 x 6



@given(st.lists(st.integers(min_value=0, max_value=40), max_size=60))
def test_keys_are_counted_in_the_order_they_first_appear_as_a_counter_counts_them(keys):
    present, counts = scoring._first_seen(np.array(keys, dtype=np.int64))
    assert list(zip(present.tolist(), counts.tolist(), strict=True)) == list(Counter(keys).items())



def test_what_the_run_holds_as_it_starts_is_set_aside_from_collection_until_it_ends(tmp_path, default_lexicon,
                                                                                      generated, monkeypatch):
    frozen, write = [], scoring.TableWriter.write

    def writing(self, frame):
        frozen.append(gc.get_freeze_count())
        write(self, frame)
    monkeypatch.setattr(scoring.TableWriter, "write", writing)
    before = gc.get_freeze_count()
    run_batch(generated, tmp_path / "out.parquet", default_lexicon, workers=1, progress=False)
    assert before == gc.get_freeze_count() == 0 and frozen and min(frozen) > 1000
    gc.freeze()  # something else froze objects already: they stay frozen after a run
    try:
        run_batch(generated, tmp_path / "again.parquet", default_lexicon, workers=1, progress=False)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()



def test_a_chunks_words_per_outlet_and_month_are_a_groupby_of_its_articles(bundled_rows, default_lexicon):
    dates = ["2015-02-01", "", "2015-13-01", "2014-12-31", "x", "2015-02-28", "2014-12-01"]
    rows = [(number, {**row, "outlet": outlet, "date": date})
            for number, (row, outlet, date) in enumerate(zip(bundled_rows * 2, "BACBBCA", dates, strict=False), 1)]
    result = score_chunk(rows, default_lexicon, False)
    scores = result.scores
    per_article = scores[scores["category"] == scores["category"].iloc[0]].pivot_table(
        index=["row", "outlet", "date"], columns="voice", values="words", aggfunc="first").reset_index()
    per_article["month"] = pd.Series([date[:7] if scoring.MONTH_RE.match(date) else "" for date in per_article["date"]],
                                     dtype=per_article["outlet"].dtype)
    per_article = per_article.rename(columns={"all": "words", "narrator": "words_narrator", "quote": "words_quote"})
    grouped = per_article.groupby(["outlet", "month"])
    expected = grouped[["words", "words_narrator", "words_quote"]].sum()
    expected["articles"] = grouped.size()
    pd.testing.assert_frame_equal(result.words, expected, check_index_type=True, check_names=False)
    assert list(result.words.index.names) == ["outlet", "month"]


def test_memory_does_not_grow_with_the_corpus(tmp_path, default_lexicon):
    peaks = {}
    for count in (100, 400):
        source = tmp_path / f"c{count}.jsonl"
        corpus.write_corpus(source, count, seed=1, outlets=3)
        tracemalloc.start()
        run_batch(source, tmp_path / f"c{count}.parquet", default_lexicon, chunk_size=20, workers=1, progress=False)
        peaks[count] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peaks[400] < 1.5 * peaks[100], peaks  # four times the input, not four times the memory


def test_only_a_window_of_chunks_is_in_flight(tmp_path, default_lexicon, generated, monkeypatch):
    import framing.batch.scoring

    read, in_flight = [0], []
    original_read, original_write = framing.batch.scoring.read_chunks, framing.batch.scoring.TableWriter.write

    def counting_read(path, chunk_size):
        total, unit, chunks = original_read(path, chunk_size)
        return total, unit, (read.__setitem__(0, read[0] + 1) or chunk for chunk in chunks)

    def recording_write(self, frame):
        if self.path.name == "out.parquet":  # one write per chunk scored: how many were read but not yet written
            in_flight.append(read[0] - len(in_flight))
        original_write(self, frame)

    monkeypatch.setattr(framing.batch.scoring, "read_chunks", counting_read)
    monkeypatch.setattr(framing.batch.scoring.TableWriter, "write", recording_write)
    run_batch(generated, tmp_path / "out.parquet", default_lexicon, chunk_size=10, workers=2, progress=False)
    assert len(in_flight) == 12 and max(in_flight) <= 4, in_flight  # the pool's window: two chunks per worker


def test_the_cli_reports_skipped_rows_and_writes_them_down(tmp_path, capsys, bundled_rows):
    source = write_rows(tmp_path / "in.jsonl", bundled_rows)
    with source.open("a") as file:
        file.write("{broken\n")
    assert main(["batch", str(source), "--out", str(tmp_path / "out.csv"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "skipped row 6: not valid JSON" in err and "scored 5 of 6 rows" in err
    assert pd.read_csv(tmp_path / "out.problems.csv")["row"].tolist() == [6]
    assert main(["batch", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "x.csv")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_progress_bar_is_shown_when_asked(tmp_path, capsys, default_lexicon, bundled_rows):
    run_batch(write_rows(tmp_path / "in.jsonl", bundled_rows), tmp_path / "out.csv", default_lexicon, workers=1,
              progress=True)
    assert "scoring: 100%" in capsys.readouterr().err


def test_a_run_that_fails_while_its_files_are_put_in_place_leaves_the_last_run_whole(
        tmp_path, default_lexicon, monkeypatch, bundled_rows):
    """Scores, outlet totals, terms and problems of one run appear together, or the old ones stay."""
    import framing.batch.scoring

    out = tmp_path / "run" / "out.csv"
    run_batch(write_rows(tmp_path / "old.jsonl", bundled_rows[:2]), out, default_lexicon, workers=1, progress=False)
    before = {p.name: p.read_bytes() for p in out.parent.iterdir()}
    real = framing.batch.scoring.TableWriter.finish

    def failing_on_terms(self, empty):
        if ".terms." in self.path.name:
            raise OSError(28, "No space left on device")
        return real(self, empty)

    monkeypatch.setattr(framing.batch.scoring.TableWriter, "finish", failing_on_terms)
    with pytest.raises(OSError):
        run_batch(write_rows(tmp_path / "new.jsonl", bundled_rows), out, default_lexicon, workers=1, progress=False)
    assert {p.name: p.read_bytes() for p in out.parent.iterdir()} == before


def test_a_commit_a_kill_cut_short_is_finished_by_the_next_reader(tmp_path, default_lexicon, monkeypatch,
                                                                  bundled_rows):
    import framing.storage
    from framing.batch.results import find_results, load_batch

    out = tmp_path / "out.parquet"
    run_batch(write_rows(tmp_path / "old.jsonl", bundled_rows[:2]), out, default_lexicon, workers=1, progress=False)
    real, moved = framing.storage.os.replace, []

    def killed_after_one(source, target):  # the process dies after its first rename
        if moved:
            raise SystemExit("killed")
        moved.append(target)
        real(source, target)

    monkeypatch.setattr(framing.storage.os, "replace", killed_after_one)
    with pytest.raises(SystemExit):
        run_batch(write_rows(tmp_path / "new.jsonl", bundled_rows), out, default_lexicon, workers=1, progress=False)
    monkeypatch.setattr(framing.storage.os, "replace", real)
    batch = load_batch(find_results(tmp_path)["out.parquet"])
    assert batch.terms is not None, batch.terms_problem
    assert int(batch.outlets.groupby(["outlet", "month"])["articles"].max().sum()) == len(bundled_rows)
    assert pd.read_parquet(out)["row"].nunique() == len(bundled_rows)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".") and not p.name.endswith(".lock")) == []


@pytest.mark.parametrize(("quoted", "said"), [
    (False, "a quotation mark opened here is never closed"),  # no other quote in the file: it runs to the end
    (True, "a quotation mark opened in this row or one above may never be closed")])  # the next row's quote meets it
def test_a_csv_with_an_unclosed_quote_is_refused_at_its_row_and_nothing_is_written(tmp_path, capsys, quoted, said):
    """Rows after an open quote cannot be told apart: the run stops, naming the row, rather than score the
    rows before it and lose the rest unsaid."""
    rows = [f'Outlet {i % 3},{chr(34) * quoted}A short article number {i}.{chr(34) * quoted}' for i in range(1, 301)]
    rows[99] = 'Outlet 1,"Row 100 opens a quote and never closes it.'
    source = tmp_path / "in.csv"
    source.write_text("outlet,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["batch", str(source), "--out", str(tmp_path / "out.csv"), "--workers", "1"]) != 0
    err = capsys.readouterr().err
    assert "row 101: " in err and said in err and "nothing was scored" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_no_csv_the_batch_writes_holds_a_formula(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"outlet": '=HYPERLINK("http://x.example","click")', "article": "@SUM(A1)",
                                  "text": "The brutal regime said so."}) + "\n", encoding="utf-8")
    assert main(["batch", str(source), "--out", str(tmp_path / "out.csv"), "--workers", "1"]) == 0
    for name in ("out.csv", "out.outlets.csv", "out.terms.csv"):
        cells = [cell for row in csv.reader((tmp_path / name).open(encoding="utf-8")) for cell in row]
        assert "'=HYPERLINK(\"http://x.example\",\"click\")" in cells, name
        assert not [cell for cell in cells if cell.startswith(("=", "@", "+"))], name


def test_a_mapping_as_outlet_or_date_is_a_problem_of_its_row_not_text(tmp_path, default_lexicon):
    rows = [{"outlet": {"name": "X"}, "text": "The regime said so."},
            {"outlet": "Y", "date": {"year": 2024}, "text": "The regime said so."},
            {"outlet": "Z", "date": "2024-01-02", "text": "The regime said so."}]
    summary = run_batch(write_rows(tmp_path / "in.jsonl", rows), tmp_path / "out.csv", default_lexicon, workers=1,
                        progress=False)
    assert [(p.row, p.message) for p in summary.problems] == [
        (1, "'outlet' is dict, not a name"), (2, "'date' is dict, not a date (YYYY-MM-DD)")]
    assert summary.articles == 1


FULL = OSError(errno.ENOSPC, "No space left on device")


def full_at(monkeypatch, target, name: str, *, after: int = 0) -> None:
    """`target.name` fails as on a full disk from its call number `after` on."""
    real, calls = getattr(target, name), []

    def filling(*args, **kwargs):
        calls.append(1)
        if len(calls) > after:
            raise FULL
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, filling)


@pytest.mark.parametrize(("suffix", "where"), [
    (".parquet", "chunk"), (".csv", "chunk"), (".parquet", "close"), (".csv", "fsync"), (".parquet", "journal")])
def test_a_disk_that_fills_during_a_batch_is_one_line_and_the_last_run_stays(tmp_path, monkeypatch, capsys,
                                                                               bundled_rows, suffix, where):
    import framing.batch.scoring
    import framing.storage

    out = tmp_path / "runs" / f"out{suffix}"
    source = write_rows(tmp_path / "in.jsonl", bundled_rows)
    assert main(["batch", str(source), "--out", str(out), "--workers", "1", "--chunk-size", "2"]) == 0
    before = {p.name: p.read_bytes() for p in out.parent.iterdir()}
    capsys.readouterr()
    if where == "chunk" and suffix == ".parquet":  # the second chunk's rows meet a full disk
        full_at(monkeypatch, pq.ParquetWriter, "write_table", after=1)
    elif where == "chunk":
        full_at(monkeypatch, pd.DataFrame, "to_csv", after=1)
    elif where == "close":
        full_at(monkeypatch, pq.ParquetWriter, "close")
    elif where == "fsync":
        full_at(monkeypatch, framing.batch.scoring.os, "fsync")
    else:  # the commit's journal cannot be written
        full_at(monkeypatch, framing.storage.tempfile, "mkstemp")
    assert main(["batch", str(source), "--out", str(out), "--workers", "1", "--chunk-size", "2"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == f"error: cannot save in {out.parent}: the disk is full", err
    assert "Traceback" not in err
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.parent.iterdir()} == before
