"""Batch results for the dashboard's Corpus page: find them, read and check them, and cut them by
voice, months and outlets. Plain pandas, no Streamlit, so every figure the page shows is testable.

`python -m framing batch` writes two tables beside its main output (see `framing.batch.scoring`):
`*.outlets.*`, counts and words per outlet, month, category and voice, and `*.terms.*`, the
lexicon terms behind every count, committed together with the scores (framing.storage). Counts
and words add up over months; rates are recomputed from the sums, never averaged. A month of ""
is an article without a date: it counts only when the whole span of months is chosen.
"""

from __future__ import annotations

import json
import re
import shlex
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.batch.scoring import TERM_FIELDS, run_batch, sibling
from framing.lexicon import Lexicon
from framing.render.palette import CategoryStyle
from framing.storage import cannot_write, finish_commits_under
from framing.stories import Story
from framing.voices import COUNT_VOICES, SPAN_VOICES

RESULTS_FOLDER = "batches"  # in the data folder (framing.storage.data_dir)
RESULT_SUFFIXES = (".parquet", ".csv")
KEYS = ("outlet", "month", "category", "voice")
OUTLET_COLUMNS = (*KEYS, "count", "words", "articles")  # per_1000 is recomputed from count and words
THIN_WORDS = 1000  # a month with fewer words in the chosen voice gives a weak rate
DEFAULT_OUTLETS = 12
_MONTH = re.compile(r"^(\d{4}-(0[1-9]|1[0-2]))?$")
_WHOLE = ("count", "words", "articles")


class CorpusError(ValueError):
    """Results that cannot be used: a file that cannot be read, or a column missing or malformed."""


@dataclass(frozen=True)
class Batch:
    """One batch run's tables. `terms` is None when they are missing, unreadable or do not add up
    to the outlet table; `terms_problem` then says why, and the page cannot trace counts to terms."""

    outlets: pd.DataFrame
    terms: pd.DataFrame | None
    terms_problem: str = ""


# --- finding and reading ---------------------------------------------------------------------------


def find_results(folder: Path) -> dict[str, Path]:
    """name -> outlets file for every `*.outlets.parquet` and `*.outlets.csv` under `folder`, by name.
    The name is the path below the folder without ".outlets" ("2024/run.parquet"). A run killed
    while its files were being put in place is finished first, so no run is listed half-new."""
    if not folder.is_dir():
        return {}
    finish_commits_under(folder)
    found = {}
    for suffix in RESULT_SUFFIXES:
        for path in folder.rglob(f"*.outlets{suffix}"):
            if path.is_file() and not path.name.startswith("."):
                found[path.relative_to(folder).as_posix().removesuffix(f".outlets{suffix}") + suffix] = path
    return dict(sorted(found.items()))


def terms_file(outlets_path: Path) -> Path:
    """`run.outlets.parquet` -> `run.terms.parquet`, the file the batch job writes beside it."""
    stem = outlets_path.name.removesuffix(outlets_path.suffix).removesuffix(".outlets")
    return outlets_path.with_name(f"{stem}.terms{outlets_path.suffix}")


def file_stamp(path: Path) -> tuple:
    """The outlets file and its terms file with their times and sizes: a cache key that changes
    whenever either is rewritten."""
    stamp = []
    for file in (path, terms_file(path)):
        try:
            info = file.stat()
            stamp.append((str(file), info.st_mtime_ns, info.st_size))
        except OSError:
            stamp.append((str(file), None, None))
    return tuple(stamp)


def load_outlets(path: Path) -> pd.DataFrame:
    """The outlet table, checked: every column the page needs, whole non-negative numbers, known
    voices, months as YYYY-MM or empty. Raises CorpusError naming the file and the problem."""
    table = _read(path, OUTLET_COLUMNS)
    _check_values(path, table, voices=COUNT_VOICES)
    table["per_1000"] = _rate(table["count"], table["words"])
    return table[[*OUTLET_COLUMNS[:-1], "per_1000", "articles"]]


def load_terms(path: Path) -> pd.DataFrame:
    """The terms table, checked like the outlet table (voices: narrator and quote)."""
    table = _read(path, TERM_FIELDS)
    _check_values(path, table, voices=SPAN_VOICES)
    return table[list(TERM_FIELDS)]


def load_batch(path: Path) -> Batch:
    """The outlet table (CorpusError if it cannot be used) and, if it can be used, its terms."""
    outlets = load_outlets(path)
    terms_path = terms_file(path)
    if not terms_path.is_file():
        return Batch(outlets, None, f"{terms_path}: no such file (the batch job writes it beside the outlet table)")
    try:
        terms = load_terms(terms_path)
    except CorpusError as error:
        return Batch(outlets, None, str(error))
    wrong = mismatches(outlets, terms)
    if len(wrong):
        first = wrong.iloc[0]
        example = (f"{first['outlet']}, {first['month'] or 'no date'}, {first['category']}, {first['voice']}: "
                   f"{first['table']} in the outlet table, {first['terms']} in the terms")
        return Batch(outlets, None, f"{terms_path}: its counts do not add up to those of {path.name} in "
                                    f"{len(wrong)} places (are they from different runs?), for example {example}")
    return Batch(outlets, terms)


def _read(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    """The named columns of a Parquet or CSV file; text columns as text ("" for none), the rest numbers."""
    try:
        if path.suffix.lower() == ".parquet":
            names = pq.read_schema(path).names
            _require(path, columns, names)
            table = pq.read_table(path, columns=list(columns)).to_pandas()
        else:
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
            _require(path, columns, list(table.columns))
    except (OSError, pa.ArrowException, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError,
            ValueError) as error:
        if isinstance(error, CorpusError):
            raise
        kind = "Parquet" if path.suffix.lower() == ".parquet" else "CSV"
        raise CorpusError(f"{path}: not a readable {kind} file ({type(error).__name__}: {error})") from None
    table = table[list(columns)].copy()
    for column in columns:
        if column in _WHOLE:
            table[column] = _whole_numbers(path, table, column)
        else:
            table[column] = table[column].fillna("").astype(str)
    return table.reset_index(drop=True)


def _require(path: Path, columns: tuple[str, ...], found: list[str]) -> None:
    missing = [name for name in columns if name not in found]
    if missing:
        names = [repr(m) for m in missing]
        what = f"{names[0]} column" if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]} columns"
        raise CorpusError(f"{path}: no {what}; found {', '.join(map(repr, found)) or 'no columns'}")


def _whole_numbers(path: Path, table: pd.DataFrame, column: str) -> pd.Series:
    numbers = pd.to_numeric(table[column], errors="coerce")
    bad = numbers.isna() | (numbers < 0) | (numbers % 1 != 0)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise CorpusError(f"{path}: column {column!r} must hold whole numbers of 0 or more; "
                          f"row {row + 1} holds {table[column].iloc[row]!r}")
    return numbers.astype("int64")


def _check_values(path: Path, table: pd.DataFrame, *, voices: tuple[str, ...]) -> None:
    odd_voices = sorted(set(table["voice"]) - set(voices))
    if odd_voices:
        raise CorpusError(f"{path}: column 'voice' holds {', '.join(map(repr, odd_voices[:5]))}; "
                          f"expected {', '.join(map(repr, voices))}")
    odd_months = sorted(m for m in set(table["month"]) if not _MONTH.match(m))
    if odd_months:
        raise CorpusError(f"{path}: column 'month' holds {', '.join(map(repr, odd_months[:5]))}; "
                          "expected YYYY-MM, or nothing for an article without a date")


def mismatches(outlets: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
    """Every outlet-table row whose count is not the sum of its terms (for "all": of both voices'
    terms), and every group of terms with no row to add up to; empty when the tables agree."""
    keys = list(KEYS)
    by_voice = terms.groupby(keys)["count"].sum()
    both = terms.groupby(keys[:-1])["count"].sum().to_frame().assign(voice="all").set_index("voice", append=True)
    expected = pd.concat([by_voice, both["count"]]).rename("terms")
    joined = outlets.set_index(keys)["count"].rename("table").to_frame().join(expected, how="outer")
    joined = joined.fillna(0).astype(int)
    return joined[joined["table"] != joined["terms"]].reset_index()


# --- what the controls offer -------------------------------------------------------------------------


def dated_months(outlets: pd.DataFrame) -> list[str]:
    """The months present, in order; articles without a date ("") are not a month."""
    return sorted(m for m in outlets["month"].unique() if m)


def articles_per_outlet(outlets: pd.DataFrame) -> pd.Series:
    """Articles per outlet over all months, most first (ties by name). Every category and voice row
    of an outlet and month repeats its article count, so each (outlet, month) is counted once."""
    per_month = outlets.groupby(["outlet", "month"])["articles"].max()
    totals = per_month.groupby(level="outlet").sum()
    order = sorted(totals.index, key=lambda outlet: (-totals[outlet], outlet))
    return totals.reindex(order).astype(int)


def undated_articles(outlets: pd.DataFrame) -> int:
    undated = outlets[outlets["month"] == ""]
    return int(undated.groupby("outlet")["articles"].max().sum()) if len(undated) else 0


def default_outlets(outlets: pd.DataFrame, limit: int = DEFAULT_OUTLETS) -> list[str]:
    """The outlets with most articles, at most `limit`, most first."""
    return list(articles_per_outlet(outlets).index[:limit])


def month_span(chosen: tuple[str, str], months: list[str]) -> tuple[str, str] | None:
    """The chosen range, or None for "all months" (the whole range, undated articles included)."""
    if not months or (chosen[0] <= months[0] and chosen[1] >= months[-1]):
        return None
    return chosen


def describe_span(span: tuple[str, str] | None) -> str:
    if span is None:
        return "all months"
    return span[0] if span[0] == span[1] else f"{span[0]} to {span[1]}"


def style_categories(categories, styles: dict[str, CategoryStyle]) -> dict[str, CategoryStyle]:
    """Styles for the categories of a batch: the lexicon's, in its order, for those it knows, then
    grey numbered ones for categories of another lexicon (a batch run with --lexicon)."""
    present = set(categories)
    shown = {category: style for category, style in styles.items() if category in present}
    number = max((style.number for style in styles.values()), default=0)
    for category in sorted(present - set(styles)):
        number += 1
        shown[category] = CategoryStyle(number, category, "#999999", "a category from another lexicon", "")
    return shown


# --- cutting the tables ---------------------------------------------------------------------------


def select(table: pd.DataFrame, *, voice: str | None = None, span: tuple[str, str] | None = None,
           outlets: list[str] | None = None, category: str | None = None) -> pd.DataFrame:
    """The rows of an outlet or terms table for one voice ("all" keeps both voices of a terms
    table), a month span (None: every month, undated included) and some outlets."""
    keep = pd.Series(True, index=table.index)
    if voice is not None and not (voice == "all" and "all" not in set(table["voice"])):
        keep &= table["voice"] == voice
    if span is not None:
        keep &= (table["month"] >= span[0]) & (table["month"] <= span[1]) & (table["month"] != "")
    if outlets is not None:
        keep &= table["outlet"].isin(outlets)
    if category is not None:
        keep &= table["category"] == category
    return table[keep]


def outlet_totals(outlets: pd.DataFrame, *, voice: str, span: tuple[str, str] | None,
                  chosen: list[str]) -> pd.DataFrame:
    """Per chosen outlet and category in one voice: count, words, rate per 1,000 words and articles,
    summed over the span (zeros for an outlet without articles in it). The shape of
    `framing.scores.score_table`, so the Overview's tiles can draw it."""
    rows = select(outlets, voice=voice, span=span, outlets=chosen)
    grid = pd.MultiIndex.from_product([chosen, list(dict.fromkeys(outlets["category"]))],
                                      names=["outlet", "category"])  # an outlet silent in the span shows 0
    totals = rows.groupby(["outlet", "category"])[list(_WHOLE)].sum().reindex(grid, fill_value=0).reset_index()
    totals.insert(2, "voice", voice)
    totals["per_1000"] = _rate(totals["count"], totals["words"])
    return totals[["outlet", "category", "voice", "count", "words", "per_1000", "articles"]]


def monthly(outlets: pd.DataFrame, *, voice: str, category: str, span: tuple[str, str] | None,
            chosen: list[str]) -> pd.DataFrame:
    """One category over the months of the span, per outlet: count, words, articles and rate. Every
    outlet has every month (0 words and no rate where it published nothing), so lines break there."""
    rows = select(outlets, voice=voice, span=span, outlets=chosen, category=category)
    rows = rows[rows["month"] != ""]
    months = dated_months(outlets)
    if span is not None:
        months = [m for m in months if span[0] <= m <= span[1]]
    grid = pd.MultiIndex.from_product([chosen, months], names=["outlet", "month"])
    table = rows.groupby(["outlet", "month"])[list(_WHOLE)].sum().reindex(grid, fill_value=0).reset_index()
    table["per_1000"] = _rate(table["count"], table["words"])
    return table[["outlet", "month", "count", "words", "articles", "per_1000"]]


def terms_behind(terms: pd.DataFrame, *, outlet: str, category: str, voice: str,
                 span: tuple[str, str] | None) -> pd.DataFrame:
    """The lexicon terms behind one count, most used first: `term`, `count`, and for "all" the
    split into `own words` and `quotations`. Their counts add up to the count in the outlet table."""
    rows = select(terms, voice=voice, span=span, outlets=[outlet], category=category)
    split = rows.pivot_table(index="term", columns="voice", values="count", aggfunc="sum", fill_value=0)
    split = split.reindex(columns=list(SPAN_VOICES), fill_value=0)
    table = pd.DataFrame({"term": split.index, "count": split.sum(axis=1).to_numpy()})
    if voice == "all":
        table["own words"] = split["narrator"].to_numpy()
        table["quotations"] = split["quote"].to_numpy()
    table = table[table["count"] > 0]
    order = sorted(range(len(table)), key=lambda i: (-table["count"].iloc[i], table["term"].iloc[i].lower()))
    return table.iloc[order].astype({"count": "int64"}).reset_index(drop=True)


def _rate(count: pd.Series, words: pd.Series) -> pd.Series:
    return (1000 * count / words.where(words > 0)).round(2)


# --- the empty page ------------------------------------------------------------------------------


def setup_commands(folder: Path) -> str:
    """The command that scores a corpus file of one's own into the folder the page reads."""
    return (f"mkdir -p {shlex.quote(str(folder))}\n"
            f"python -m framing batch my-articles.jsonl --out {shlex.quote(str(folder / 'my-articles.parquet'))}")


def sample_batch(folder: Path, story: Story, lexicon: Lexicon) -> Path:
    """A batch run over one story's articles, so the page has something to show before a corpus
    is scored; its outlet totals file, which find_results then lists."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cannot_write(folder, error) from None
    output = folder / f"sample-{story.slug}.parquet"
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "articles.jsonl"
        source.write_text("".join(json.dumps({"outlet": a.outlet, "date": a.date, "article": a.id, "text": a.raw})
                                  + "\n" for a in story.articles), encoding="utf-8")
        run_batch(source, output, lexicon, workers=1, progress=False)
    return sibling(output, "outlets")
