"""Batch scoring: the story engine's measures over a corpus too large for a story folder.

The input (JSONL, CSV or Parquet, one article per row with at least `outlet` and `text`) is read
in chunks; each chunk is scored by `score_chunk`, the same function whichever engine runs it
(in this process, in a pool of local processes, or on a Dask cluster), and the results are
written in input order as they arrive, so memory holds only the chunks in flight. A row that
cannot be scored is reported with its number and skipped.

Outputs: per-article category counts and rates by voice; optionally the span table; beside
them, outlet totals per month (`*.outlets.*`) and the terms behind every count (`*.terms.*`),
which the dashboard's Corpus page opens.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import multiprocessing
import os
import re
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing import spans
from framing.lexicon import Lexicon
from framing.matcher import Matcher, collector_paused
from framing.records import BATCH_SUFFIXES, READERS, TEXT_COLUMNS, RecordProblem, column_names, csv_records
from framing.scores import WORD_COLUMNS, rate_table
from framing.spans import SCARE_QUOTE_TERM, SPAN_FIELDS, Hits, Layout, find_hits, voice_words
from framing.speakers import attribute
from framing.spreadsheet import safe_for_spreadsheet
from framing.storage import cannot_write, commit_together, finish_commit, journal_path
from framing.stories import Article
from framing.voices import ALL, COUNT_VOICES, NARRATOR, QUOTE

OUTPUT_SUFFIXES = (".parquet", ".csv")
REQUIRED_COLUMNS = ("outlet", "text")
ENGINES = ("local", "dask")
ROW_FIELDS = ("row", "story", "article", "outlet", "date")
TERM_FIELDS = ("outlet", "month", "category", "voice", "term", "count")
DEFAULT_CHUNK = 500
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])")  # the start of an ISO date with a real month


class BatchError(ValueError):
    """An input or output that cannot be used at all (a bad row is a RecordProblem, not this)."""


@dataclass
class Chunk:
    rows: list[tuple[int, dict]]
    problems: list[RecordProblem]
    progress: int  # bytes (JSONL, CSV) or rows (Parquet) this chunk moves the progress bar


@dataclass
class ChunkResult:
    scores: pd.DataFrame  # per article, category and voice
    spans: pd.DataFrame | None
    terms: pd.Series  # counts indexed by TERM_FIELDS[:-1]
    words: pd.DataFrame  # words by voice and articles, indexed by (outlet, month)
    problems: list[RecordProblem]


@dataclass
class BatchSummary:
    rows: int = 0
    articles: int = 0
    problems: list[RecordProblem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)


# --- reading --------------------------------------------------------------------------------------


def read_chunks(path: Path, chunk_size: int) -> tuple[int, str, Iterator[Chunk]]:
    """(progress total, its unit, chunks) for an input file, checked for the required columns.
    CSV and JSON Lines are read by framing.records, as the Import page reads them."""
    suffix = path.suffix.lower()
    if suffix not in BATCH_SUFFIXES:
        raise BatchError(f"{path}: cannot read {suffix or 'a file without a suffix'}; use {', '.join(BATCH_SUFFIXES)}")
    if not path.is_file():
        raise BatchError(f"{path}: no such file")
    if suffix == ".parquet":
        try:
            parquet = pq.ParquetFile(path)
        except (OSError, pa.ArrowException) as error:
            raise BatchError(f"{path}: not a readable Parquet file ({error})") from None
        names = column_names(parquet.schema_arrow.names)
        _check_columns(path, names.values(), found=names)
        return parquet.metadata.num_rows, "rows", _parquet_chunks(parquet, chunk_size, names)
    return path.stat().st_size, "B", _table_chunks(path, chunk_size, READERS[suffix])


def _check_columns(path: Path, columns, *, found) -> None:
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        wanted = {"text": f"a text column ({' or '.join(TEXT_COLUMNS)})", "outlet": "an outlet column"}
        raise BatchError(f"{path}: no {' or '.join(wanted[m] for m in missing)}; found {', '.join(found) or 'none'}")


def _table_chunks(path: Path, chunk_size: int, read) -> Iterator[Chunk]:
    """Chunks of the records `read` (framing.records) finds in a CSV or JSON Lines file, each with
    the bytes it moved the progress bar by. A CSV without the required columns, or one that cannot be read
    to its end (a quotation mark left open), stops the run before anything is written."""
    chunk = Chunk([], [], 0)

    def counted(lines):
        for line in lines:
            chunk.progress += len(line) if isinstance(line, bytes) else len(line.encode("utf-8", "surrogateescape"))
            yield line

    is_csv = read is csv_records
    with (path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") if is_csv else path.open("rb")) as file:
        checked = not is_csv
        for item in read(counted(file), source=str(path)):
            if isinstance(item, RecordProblem):
                if item.stops:  # no header, a broken one, or a row after which the file cannot be read
                    place = f", row {item.row}" if checked and item.row else ""
                    rest = "; nothing was scored" if checked else ""
                    raise BatchError(f"{path}{place}: {item.message}{rest}")
                chunk.problems.append(item)
                continue
            if not checked:
                _check_columns(path, item[1], found=item[1])
                checked = True
            chunk.rows.append(item)
            if len(chunk.rows) >= chunk_size:
                yield chunk
                chunk = Chunk([], [], 0)
    if not checked:
        raise BatchError(f"{path}: the file is empty")
    yield chunk


def _parquet_chunks(parquet: pq.ParquetFile, chunk_size: int, names: dict[str, str]) -> Iterator[Chunk]:
    number = 0
    for batch in parquet.iter_batches(batch_size=chunk_size):
        records = batch.rename_columns([names[name] for name in batch.schema.names]).to_pylist()
        yield Chunk([(number + i, record) for i, record in enumerate(records, 1)], [], len(records))
        number += len(records)


# --- scoring: one function for every engine -------------------------------------------------------


def score_chunk(rows: list[tuple[int, dict]], lexicon: Lexicon, with_spans: bool) -> ChunkResult:
    """Score a chunk of (row number, record) pairs; rows that cannot be scored become RecordProblems.
    The garbage collector waits while it does: a chunk makes a hundred thousand objects in no
    cycle (lines, labels, quotations, tuples), and the collections they would start, none of which
    finds anything, cost 2-7 % of the chunk."""
    with collector_paused():
        return _scored_chunk(rows, lexicon, with_spans)


def _scored_chunk(rows: list[tuple[int, dict]], lexicon: Lexicon, with_spans: bool) -> ChunkResult:
    if isinstance(lexicon, _PoolLexicon):
        lexicon = _pool_lexicon
    readable, problems = [], []
    for number, record in rows:
        article = _article(number, record)
        if isinstance(article, RecordProblem):
            problems.append(article)
        else:
            readable.append((number, record.get("story"), article))
    matcher = _matcher(lexicon) if readable else None  # none for the empty tables of a run's end
    place = partial(find_hits, lexicon=lexicon, matcher=matcher, sentences=with_spans)  # only spans have sentences
    try:  # the whole chunk in one scan
        layouts, hits = place([article for *_, article in readable])
    except Exception:  # one odd article must not stop a run over a whole corpus: find it, skip it
        scorable = []
        for number, story, article in readable:
            try:
                place([article])
                scorable.append((number, story, article))
            except Exception as error:
                problems.append(RecordProblem("", f"could not be scored ({type(error).__name__}: {error})", number))
        readable = scorable
        layouts, hits = place([article for *_, article in readable])
    problems.sort(key=lambda problem: problem.row)
    meta = [(number, "" if story is None else str(story), article.id, article.outlet, article.date)
            for number, story, article in readable]
    articles = pd.DataFrame(meta, columns=list(ROW_FIELDS))
    months = [date[:7] if MONTH_RE.match(date) else "" for *_, date in meta]
    articles["month"] = pd.Series(months, dtype=articles["date"].dtype)
    narrator, quote = voice_words([layout.text for layout in layouts], [layout.regions for layout in layouts])
    articles[WORD_COLUMNS["all"]] = narrator + quote
    articles[WORD_COLUMNS["narrator"]] = narrator
    articles[WORD_COLUMNS["quote"]] = quote
    keys = _keys(lexicon)
    voices = (hits.region >= 0).astype(np.int64)  # places in VOICES
    scores = _row_scores(articles, keys.categories, keys.category[hits.term], hits.article, voices)
    # The outlet tables' counts, by a number that encodes each hit's (outlet and month, category
    # and term, voice), in the order the keys first appear (as the totals of all chunks keep them).
    groups, outlet_months = pd.MultiIndex.from_arrays([articles["outlet"], articles["month"]]).factorize()
    width = len(keys.labels)
    present, counts = _first_seen((groups[hits.article] * width + keys.label[hits.term]) * 2 + voices)
    group, label = present // (2 * width), keys.label_codes[present // 2 % width]
    index = pd.MultiIndex(  # from the codes at hand: no level's values are looked up again
        levels=[*outlet_months.levels, keys.labels.levels[0], VOICE_LEVEL, keys.labels.levels[1]],
        codes=[outlet_months.codes[0][group], outlet_months.codes[1][group], label[:, 0], present % 2, label[:, 1]],
        names=list(TERM_FIELDS[:-1]), verify_integrity=False)
    per_term = pd.Series(counts, index=index, dtype="int64") if len(counts) else _no_terms()
    # The words and articles of each outlet and month, summed over the groups at hand, in the order
    # a groupby sorts them (its own grouping took 2 ms a chunk).
    in_order = outlet_months.argsort()
    words = pd.DataFrame({column: np.bincount(groups, weights=articles[column].to_numpy(),
                                              minlength=len(outlet_months)).astype(np.int64)[in_order]
                          for column in WORD_COLUMNS.values()},
                         index=outlet_months[in_order].set_names(["outlet", "month"]))
    words["articles"] = np.bincount(groups, minlength=len(outlet_months))[in_order]
    span_rows = _span_rows(readable, layouts, hits, lexicon) if with_spans else None
    return ChunkResult(scores, span_rows, per_term, words, problems)


VOICES = np.array(["narrator", "quote"], dtype=object)
VOICE_LEVEL = pd.Index(VOICES, dtype="str")


def _row_scores(articles: pd.DataFrame, categories: np.ndarray, category: np.ndarray, article: np.ndarray,
                voice: np.ndarray) -> pd.DataFrame:
    """Each article's count, words and rate per 1,000 words for every category in each voice of
    COUNT_VOICES, zeros included: the rows `rate_table` gives by row, in the same order (article,
    voice, category), counted with one bincount of each hit's (article, category, voice)."""
    size, width = len(articles), len(categories)
    counts = np.bincount((article * width + category) * 2 + voice, minlength=size * width * 2).reshape(size, width, 2)
    per_voice = {NARRATOR: counts[:, :, 0], QUOTE: counts[:, :, 1]}
    per_voice[ALL] = per_voice[NARRATOR] + per_voice[QUOTE]
    count = np.stack([per_voice[voice] for voice in COUNT_VOICES], axis=1).reshape(-1)
    words = np.stack([articles[WORD_COLUMNS[voice]].to_numpy(dtype=np.int64) for voice in COUNT_VOICES], axis=1)
    words = np.repeat(words.reshape(-1), width)
    scores = articles[list(ROW_FIELDS)].take(np.repeat(np.arange(size), len(COUNT_VOICES) * width))
    scores = scores.reset_index(drop=True)
    # Text columns as places in their few values, taken at once (not a string object a row).
    scores["category"] = pd.array(categories, dtype="str").take(np.tile(np.arange(width), size * len(COUNT_VOICES)))
    scores["voice"] = pd.array(COUNT_VOICES, dtype="str").take(np.tile(np.repeat(np.arange(len(COUNT_VOICES)), width),
                                                                       size))
    scores["count"] = count
    scores["words"] = words
    scores["per_1000"] = np.round(1000 * count / np.where(words > 0, words, np.nan), 2)
    return scores


@dataclass(frozen=True)
class _Keys:
    """What the counts of a lexicon's hits are keyed by, for each term order (SCARE_QUOTE last)."""

    categories: np.ndarray  # category ids, in lexicon order
    category: np.ndarray  # each term's category, as its place in `categories`
    labels: pd.MultiIndex  # the distinct (category id, term text) pairs
    label_codes: np.ndarray  # each of `labels` as its codes in the levels of `labels`, one row each
    label: np.ndarray  # each term's place in `labels`
    terms: np.ndarray  # each term's (text, category, referent)


@lru_cache(maxsize=4)
def _keys(lexicon: Lexicon) -> _Keys:
    categories = [category.id for category in lexicon.categories]
    pairs = [(term.category, term.text) for term in lexicon.terms]
    # At -1, as SCARE_QUOTE: a lexicon without a scare-quote category has no such hits.
    scare = lexicon.scare_quote_category.id if lexicon.scare_quote_category else ""
    pairs.append((scare, SCARE_QUOTE_TERM))
    label, labels = pd.MultiIndex.from_tuples(pairs).factorize()
    place = {category: i for i, category in enumerate(categories)}
    terms = [(term.text, term.category, term.referent) for term in lexicon.terms] + [(SCARE_QUOTE_TERM, scare, "")]
    return _Keys(np.array(categories, dtype=object), np.array([place.get(c, -1) for c, _ in pairs], dtype=np.int64),
                 labels, np.stack(labels.codes, axis=1).astype(np.int64), label,
                 np.array(terms, dtype=object).reshape(-1, 3))


def _span_rows(readable: list[tuple[int, str | None, Article]], layouts: list[Layout], hits: Hits,
               lexicon: Lexicon) -> pd.DataFrame:
    """The span table of the story engine, with each hit's row and story, built from the hits'
    columns: a hit in a quotation is that quotation's speaker's, any other its sentence's."""
    speakers, region_first, sentence_first = [], [], []
    for layout in layouts:
        per_sentence, per_region = attribute(layout.text, layout.sentences, layout.regions)
        region_first.append(len(speakers))
        speakers += [attribution.speaker if attribution else "" for attribution in per_region]
        sentence_first.append(len(speakers) if layout.sentences else -1)  # -1: no sentence, no speaker
        speakers += [attribution.speaker if attribution else "" for attribution in per_sentence]
    speakers.append("")  # at -1
    region_first, sentence_first = np.array(region_first, dtype=np.int64), np.array(sentence_first, dtype=np.int64)
    in_sentence = np.where(sentence_first[hits.article] >= 0, sentence_first[hits.article] + hits.sentence, -1)
    speaker = np.where(hits.region >= 0, region_first[hits.article] + hits.region, in_sentence)
    labels = _keys(lexicon).terms
    texts = [layout.text for layout in layouts]
    number = np.array([number for number, *_ in readable], dtype=np.int64)[hits.article]
    stories, ids, outlets = (np.array(column, dtype=object) for column in (
        ["" if story is None else str(story) for _, story, _ in readable],
        [article.id for *_, article in readable], [article.outlet for *_, article in readable]))
    columns = {
        "row": number, "story": stories[hits.article], "article": ids[hits.article],
        "outlet": outlets[hits.article], "start": hits.start, "end": hits.end,
        "text": np.array([texts[a][s:e] for a, s, e in zip(hits.article.tolist(), hits.start.tolist(),
                                                          hits.end.tolist(), strict=True)], dtype=object),
        "term": labels[hits.term, 0], "category": labels[hits.term, 1], "referent": labels[hits.term, 2],
        "voice": VOICES[(hits.region >= 0).astype(np.int64)], "scare_quote": hits.scare_quote.astype(bool),
        "speaker": np.array(speakers, dtype=object)[speaker], "sentence": hits.sentence,
    }
    return pd.DataFrame(columns, columns=["row", "story", *SPAN_FIELDS])


def _first_seen(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys in the order they first appear (as a Counter keeps them), and their counts:
    by one hash of the keys (pd.factorize), not a sort of them."""
    codes, present = pd.factorize(keys)
    return present, np.bincount(codes, minlength=len(present))


def _no_terms() -> pd.Series:
    """The term counts of a chunk or run without a hit, with levels of no type, as they have been."""
    index = pd.MultiIndex.from_arrays([np.array([], dtype=object)] * (len(TERM_FIELDS) - 1), names=TERM_FIELDS[:-1])
    return pd.Series(np.zeros(0, dtype=np.int64), index=index, dtype="int64")


def _is_unicode(value: str) -> bool:
    if value.isascii():  # no half a character: most articles, without encoding a copy of each
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, as undecodable bytes are read
        return False
    return True


@lru_cache(maxsize=4)
def _matcher(lexicon: Lexicon) -> Matcher:
    """One matcher per lexicon per process, built on the first chunk a worker scores. In a worker
    process, everything alive by then lives as long as the worker, so the garbage collector is
    told to stop re-examining it (gc.freeze): scoring makes many small objects, and each full
    collection would otherwise walk every module, table and term again. The caller's own process
    (one worker, or a notebook) is left as it is."""
    matcher = Matcher(lexicon)
    if multiprocessing.parent_process() is not None:
        gc.freeze()
    return matcher


def _article(number: int, record: dict) -> Article | RecordProblem:
    for name in ("text", "outlet", "story", "article", "date"):
        if isinstance(value := record.get(name), str) and not _is_unicode(value):
            return RecordProblem("", f"{name!r} is not valid text (bytes that are not UTF-8, or half a character)",
                                 number)
    text, outlet = record.get("text"), record.get("outlet")
    if not isinstance(text, str) or not text.strip():
        return RecordProblem("", "no text" if text is None or isinstance(text, str) else
                             f"'text' is {type(text).__name__}, not text", number)
    if not isinstance(outlet, (str, int)) or not str(outlet).strip():
        return RecordProblem("", "no outlet" if outlet is None or isinstance(outlet, (str, int)) else
                             f"'outlet' is {type(outlet).__name__}, not a name", number)
    article_id, date = record.get("article"), record.get("date")
    if not isinstance(date, (str, int, dt.date, type(None))):  # a mapping or a list is no date to count by month
        return RecordProblem("", f"'date' is {type(date).__name__}, not a date (YYYY-MM-DD)", number)
    if isinstance(date, (dt.date, dt.datetime)):
        date = date.isoformat()
    return Article(
        id=str(article_id) if article_id not in (None, "") else f"row-{number}",
        outlet=str(outlet).strip(),
        raw=text,
        date="" if date is None else str(date),
    )


# --- writing --------------------------------------------------------------------------------------


class TableWriter:
    """Appends chunks to a Parquet or CSV file under a staged name; `finish` closes it and returns
    (staged, final) for `commit_together`, so a run's files appear together or not at all. A CSV's
    text cells that a spreadsheet would run as a formula are neutralised."""

    def __init__(self, path: Path):
        if path.suffix.lower() not in OUTPUT_SUFFIXES:
            raise BatchError(f"{path}: cannot write {path.suffix or 'a file without a suffix'}; "
                             f"use {' or '.join(OUTPUT_SUFFIXES)}")
        self.path = path
        try:  # before any scoring, so a bad folder fails at once
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise cannot_write(path.parent, error) from None
        self._partial = path.with_name(f".{path.name}.partial")
        self._parquet: pq.ParquetWriter | None = None
        self._header = True

    def write(self, frame: pd.DataFrame) -> None:
        try:
            if self.path.suffix.lower() == ".csv":
                safe_for_spreadsheet(frame).to_csv(self._partial, mode="w" if self._header else "a",
                                                   header=self._header, index=False)
            else:
                table = pa.Table.from_pandas(frame, preserve_index=False)
                if self._parquet is None:
                    self._parquet = pq.ParquetWriter(self._partial, table.schema)
                self._parquet.write_table(table.cast(self._parquet.schema))
        except OSError as error:
            raise cannot_write(self.path.parent, error) from None
        self._header = False

    def finish(self, empty: pd.DataFrame) -> tuple[Path, Path]:
        if self._header:  # nothing was written: still leave a file with the columns
            self.write(empty)
        try:
            if self._parquet is not None:
                self._parquet.close()
            with open(self._partial, "rb") as stream:  # on disk before the commit names it
                os.fsync(stream.fileno())
        except OSError as error:
            raise cannot_write(self.path.parent, error) from None
        return self._partial, self.path

    def abort(self) -> None:
        if self._parquet is not None:
            with suppress(OSError, pa.ArrowException):
                self._parquet.close()
        self._partial.unlink(missing_ok=True)


def problems_path(output: Path) -> Path:
    return output.with_name(f"{output.stem}.problems.csv")


def sibling(path: Path, part: str) -> Path:
    """`scores.parquet` -> `scores.outlets.parquet`: the files written beside the main output."""
    return path.with_name(f"{path.stem}.{part}{path.suffix}")


# --- the run --------------------------------------------------------------------------------------


def run_batch(
    source: Path, output: Path, lexicon: Lexicon, *, spans_path: Path | None = None,
    chunk_size: int = DEFAULT_CHUNK, engine: str = "local", workers: int | None = None,
    scheduler: str | None = None, progress: bool | None = None,
    on_problem: Callable[[RecordProblem], None] | None = None,
) -> BatchSummary:
    """Score every row of `source` and write the outputs. `progress=None` shows a bar only on a
    terminal. Returns what was read, scored, skipped and written."""
    from tqdm import tqdm

    total, unit, chunks = read_chunks(source, chunk_size)
    finish_commit(journal_path(output))  # a killed run's commit first, so it cannot land on this one
    writers = {"scores": TableWriter(output)}
    if spans_path is not None:
        writers["spans"] = TableWriter(spans_path)
    writers |= {part: TableWriter(sibling(output, part)) for part in ("outlets", "terms")}
    writers["problems"] = TableWriter(problems_path(output))
    summary = BatchSummary()
    categories = [category.id for category in lexicon.categories]
    terms, words = _TermTotals(), _Totals()
    shown = None if progress is None else not progress
    with _engine(engine, workers, scheduler, lexicon) as runner, _set_aside_from_collection(), \
            tqdm(total=total, unit=unit, unit_scale=True, disable=shown, desc="scoring", file=sys.stderr) as bar:
        pending: deque[tuple[Future, Chunk]] = deque()

        shared_lexicon = runner.share(lexicon)

        def collect() -> None:
            future, chunk = pending.popleft()
            result: ChunkResult = future.result()
            problems = sorted(chunk.problems + result.problems, key=lambda p: p.row)
            summary.rows += len(chunk.rows) + len(chunk.problems)
            summary.articles += result.scores["row"].nunique()
            summary.problems += problems
            for problem in problems:
                if on_problem:
                    on_problem(problem)
            if len(result.scores):
                writers["scores"].write(result.scores)
            if "spans" in writers and result.spans is not None and len(result.spans):
                writers["spans"].write(result.spans)
            terms.add(result.terms)
            words.add(result.words)
            bar.update(chunk.progress)

        try:
            for chunk in chunks:
                pending.append((runner.submit(score_chunk, chunk.rows, shared_lexicon, spans_path is not None), chunk))
                while len(pending) >= runner.window:
                    collect()
            while pending:
                collect()
            empty = score_chunk([], lexicon, True)
            outlets, term_table = aggregates(terms.total(), words.total(), categories)
            moves = [writers["scores"].finish(empty.scores)]
            if "spans" in writers:
                moves.append(writers["spans"].finish(empty.spans))
            moves += [writers["outlets"].finish(outlets), writers["terms"].finish(term_table)]
            if summary.problems:
                moves.append(writers["problems"].finish(
                    pd.DataFrame([(p.row, p.message) for p in summary.problems], columns=["row", "problem"])))
            else:  # a list from an earlier run would not be about this one
                writers["problems"].abort()
                moves.append((None, problems_path(output)))
            commit_together(journal_path(output), moves)
        except BaseException:
            if not journal_path(output).exists():  # not committed: nothing of this run is kept
                for writer in writers.values():
                    writer.abort()
            raise
    summary.outputs = [final for staged, final in moves if staged is not None]
    return summary


def aggregates(terms: pd.Series | None, words: pd.DataFrame | None,
               categories: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Outlet totals per month, and the term counts they add up from, for the files beside the output."""
    if terms is None or words is None:  # nothing was scored
        terms = _no_terms()
        words = pd.DataFrame(0, columns=[*WORD_COLUMNS.values(), "articles"],
                             index=pd.MultiIndex.from_arrays([[], []], names=["outlet", "month"]))
    terms = terms.astype(int).rename("count")
    words = words.astype(int)
    counts = terms.groupby(level=["outlet", "month", "category", "voice"]).sum()
    outlets = rate_table(counts, words, categories, by=("outlet", "month"))
    outlets["articles"] = words["articles"].reindex(pd.MultiIndex.from_frame(outlets[["outlet", "month"]])).to_numpy()
    return outlets, terms.reset_index()


class _Totals:
    """The sum of per-chunk tables that share an index, folded together every few chunks so
    that memory grows with the number of distinct keys, not with the corpus."""

    def __init__(self):
        self._parts: list = []

    def add(self, part) -> None:
        self._parts.append(part)
        if len(self._parts) >= 16:
            self._parts = [self.total()]

    def total(self):
        if not self._parts:
            return None
        joined = pd.concat(self._parts)
        return joined.groupby(level=list(range(joined.index.nlevels)), sort=False).sum()


class _TermTotals:
    """The sum of the chunks' term counts (Series indexed by TERM_FIELDS[:-1]), kept as integer
    codes: each level value gets an id shared by all chunks, so a chunk's entries are five arrays of
    ids, found through its index's levels (a few hundred values) and codes, and adding chunks up is
    one pd.factorize (a hash, not a sort) of each entry's ids as one number. `total` is the Series
    that concatenating the chunks and grouping them by every level in order of appearance gives
    (pandas' way took about a second of a 20,000-article run, most of it looking up every entry's
    level values)."""

    def __init__(self):
        self._values: list[dict] = [{} for _ in TERM_FIELDS[:-1]]  # per level: value -> id, as first met
        self._dtypes = None  # the levels' dtypes, from the first chunk with an entry
        self._parts: list[tuple[list[np.ndarray], np.ndarray]] = []  # (ids per level, counts)
        self._added = False

    def add(self, part: pd.Series) -> None:
        self._added = True
        if not len(part):
            return
        if self._dtypes is None:
            self._dtypes = [level.dtype for level in part.index.levels]
        ids = []
        for values, level, codes in zip(self._values, part.index.levels, part.index.codes, strict=True):
            known = np.array([values.setdefault(value, len(values)) for value in level.tolist()], dtype=np.int64)
            ids.append(known[codes])
        self._parts.append((ids, part.to_numpy(dtype=np.int64)))
        if len(self._parts) >= 16:
            self._parts = [self._summed()]

    def _summed(self) -> tuple[list[np.ndarray], np.ndarray]:
        """The parts as one, each distinct entry once with its counts summed, in order of first appearance."""
        sizes = [len(values) for values in self._values]
        ids = [np.concatenate(level) for level in zip(*(part_ids for part_ids, _ in self._parts), strict=True)]
        counts = np.concatenate([part_counts for _, part_counts in self._parts])
        codes, present = pd.factorize(np.ravel_multi_index(ids, sizes))  # in order of appearance, by a hash
        summed = np.bincount(codes, weights=counts, minlength=len(present)).astype(np.int64)
        return list(np.unravel_index(present, sizes)), summed

    def total(self) -> pd.Series | None:
        if not self._added:
            return None
        if not self._parts:  # no chunk had a hit
            return _no_terms()
        ids, counts = self._summed()
        levels, codes = [], []
        for values, level_ids, dtype in zip(self._values, ids, self._dtypes, strict=True):
            level_codes, present = pd.factorize(level_ids)  # each level's values in order of appearance
            levels.append(pd.Index(np.array(list(values), dtype=object)[present], dtype=dtype))
            codes.append(level_codes)
        index = pd.MultiIndex(levels=levels, codes=codes, names=list(TERM_FIELDS[:-1]), verify_integrity=False)
        return pd.Series(counts, index=index, dtype="int64")


@dataclass
class _Engine:
    submit: Callable[..., Future]
    window: int  # chunks in flight at once, which bounds memory
    share: Callable = lambda value: value  # send a value every chunk needs to the workers once


@dataclass(frozen=True)
class _Opaque:
    """A list (a chunk's rows) in an object Dask sends as it is, rather than walking every row in
    search of futures to resolve."""

    value: list

    @staticmethod
    def wrap(value):
        return _Opaque(value) if isinstance(value, list) else value


def _unwrapped(function: Callable, *args):
    return function(*(arg.value if isinstance(arg, _Opaque) else arg for arg in args))


def _inline_submit(function, *args) -> Future:
    """Scores in this process: the engine for one worker, and the simplest to debug."""
    future: Future = Future()
    future.set_result(function(*args))
    return future


class _PoolLexicon:
    """What a local pool's chunks carry in place of the run's lexicon, which each worker is given
    once as it starts: pickling 2,000 terms for every chunk, and comparing each copy with the one
    the worker's caches hold, cost about 10 ms a chunk."""


_pool_lexicon: Lexicon | None = None  # in a pool worker: the run's lexicon


def _worker_start(parent: int, lexicon: Lexicon | None = None) -> None:
    """A pool worker keeps the run's lexicon, leaves Ctrl-C and SIGTERM to the batch, which stops
    it, and exits at once when the batch is gone however it ended (kill -9 included), rather than
    running on alone."""
    global _pool_lexicon
    _pool_lexicon = lexicon
    gc.freeze()  # what it inherits (the matcher and tables when forked) lives as long as it: see _matcher
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the terminal's whole process group
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with, args=(parent,), name="exit-with-batch", daemon=True).start()


def _exit_with(parent: int) -> None:
    try:  # Linux: a handle that becomes readable when the process ends
        handle = os.pidfd_open(parent)
        select.select([handle], [], [])
    except (AttributeError, OSError):
        while _alive(parent):
            time.sleep(0.5)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, as another user
        return True
    return True


def _pool_context() -> multiprocessing.context.BaseContext:
    """Forked workers on Linux (whatever Python's default becomes): each starts with the batch's
    imports and the set-up of `_set_up` in place, instead of importing and building them again."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


def _set_up(lexicon: Lexicon) -> None:
    """Build, in the batch's own process, what scoring a first chunk builds (the matcher, the count
    keys, the sense filter's and word counts' tables), so that the workers forked after it share one
    copy rather than each building its own: about half a CPU-second a worker."""
    _matcher(lexicon)
    _keys(lexicon)
    spans.prepare()


@contextmanager
def _set_aside_from_collection() -> Iterator[None]:
    """What this process holds as the scoring starts (its modules, the lexicon, the matcher, the
    tagger's tables), all of which outlive the run, is left out of the garbage collector's full
    collections until the run ends: each walked it all again for nothing (two in a 20,000-article
    run, about 35 ms each). Left alone where something froze objects already, which is not ours to undo."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the Dask cluster has started, then come as they would have: a
    cluster stopped half-way through its start cannot be closed, and Dask's exit hook prints a
    traceback. Its workers end with the batch whenever it ends (kill -9 included) on their own."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    numbers = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, lambda number, frame: held.append(number)) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if held:
            signal.raise_signal(held[0])


@contextmanager
def _engine(engine: str, workers: int | None, scheduler: str | None,
            lexicon: Lexicon | None = None) -> Iterator[_Engine]:
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r}; use {' or '.join(ENGINES)}")
    workers = workers or os.cpu_count() or 1
    if engine == "local":
        if workers == 1:
            yield _Engine(_inline_submit, 1)
            return
        context = _pool_context()
        if lexicon is not None and context.get_start_method() == "fork":
            _set_up(lexicon)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start,
                                   initargs=(os.getpid(), lexicon))
        try:
            yield _Engine(pool.submit, 2 * workers, lambda value: _PoolLexicon() if value is lexicon else value)
        except BaseException:  # interrupted or failed: the chunks in flight are not waited for
            processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way to stop them
            results = pool._result_queue._writer  # what workers send their scores on
            manager = pool._executor_manager_thread
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.kill()
                process.join()
            # A worker killed while sending its scores leaves half a message, whose rest the pool's manager
            # thread would wait for for ever (this process holds the pipe's other end too), and Python joins
            # that thread at exit: closing our end lets its read end. It is waited for here, because Python's
            # exit hook, waking a manager thread that is closing, printed a traceback.
            results.close()
            if manager is not None:
                manager.join(10)
            raise
        pool.shutdown()
        return
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise BatchError("the Dask engine needs Dask: pip install -r requirements-dev.txt "
                         "(or pip install dask distributed)") from None

    with ExitStack() as stack:
        with _signals_held():
            if scheduler:
                client = stack.enter_context(Client(scheduler))
                workers = max(1, sum(worker["nthreads"] for worker in client.scheduler_info()["workers"].values()))
            else:
                # Workers we start ourselves run without Dask's sampling profiler, which takes the
                # interpreter lock from the scoring thread a hundred times a second (a quarter of the time).
                # Its processes log nothing to the terminal: a stopped batch's cluster, torn down, logs lost
                # workers and closed connections as errors with tracebacks; a task that fails still raises here.
                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                               dashboard_address=None, silence_logs=logging.CRITICAL))
                client = stack.enter_context(Client(cluster))
        yield _Engine(lambda function, *args: client.submit(_unwrapped, function, *map(_Opaque.wrap, args), pure=False),
                      2 * workers, lambda value: client.scatter(value, broadcast=True))
