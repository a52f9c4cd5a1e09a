"""Articles as records in a table (CSV or JSON Lines), read the same way by the Import page and
by the batch, and the one list of file types each of them takes.

A table has one article a row. Column names are read without regard to case or spaces around
them; the article is in the first of `text`, `body` or `content` that the table has, and a few
other names stand for article fields (`title` is the headline, `source` the outlet). A CSV may be
separated by commas, semicolons or tabs (spreadsheets in many languages save with `;`), and is
read strictly: a quotation mark that is never closed is reported at the row where it opened,
never read as one field that swallows the rest of the file.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from framing.text import plural

TEXT_COLUMNS = ("text", "body", "content")  # the first of these a table has holds the article
FIELD_ALIASES = {"title": "headline", "link": "url", "source": "outlet", "publication": "outlet"}
ARTICLE_FILES = (".txt", ".md")  # one article a file, as a story folder keeps them
WEB_PAGES = (".html", ".htm")
TABLES = (".csv", ".jsonl")  # one article a row, read here
IMPORT_SUFFIXES = (*ARTICLE_FILES, *WEB_PAGES, *TABLES)  # what the Import page and `framing import` take
BATCH_SUFFIXES = (*TABLES, ".parquet")  # what `framing batch` takes (Parquet through pyarrow, by column)
DELIMITERS = ",;\t"
UNCLOSED_QUOTE = "a quotation mark opened here is never closed, so the rest of the file cannot be read"


@dataclass(frozen=True)
class RecordProblem:
    """Why a file, or one row of it, cannot be read as an article."""

    source: str  # file name, path or "pasted text"
    message: str
    row: int | None = None  # spreadsheet row (the header is row 1) or JSON line
    stops: bool = False  # the rest of the file cannot be read

    def __str__(self) -> str:
        place = where(self.source, self.row)
        return f"{place}: {self.message}" if place else self.message


def where(source: str, row: int | None) -> str:
    """"a.csv, row 3" (the header is row 1), "b.jsonl, line 2", or the file name alone."""
    if row is None or not source:
        return source
    return f"{source}, {'line' if source.lower().endswith('.jsonl') else 'row'} {row}"


def column_names(names: Iterable) -> dict[str, str]:
    """Each column's name -> the name records use: lower case, trimmed, the text column as `text`
    and aliases as their article field."""
    keys = [str(name).strip().lower() for name in names]
    text = next((c for c in TEXT_COLUMNS if c in keys), None)
    return {name: "text" if key == text else FIELD_ALIASES.get(key, key)
            for name, key in zip(names, keys, strict=True)}


def csv_records(lines: Iterable[str], *, source: str) -> Iterator[tuple[int, dict] | RecordProblem]:
    """(row, record) for every row of a CSV after its header, with the header's names as
    `column_names` gives them; a RecordProblem for a row that cannot be read. An unclosed quote
    ends the reading with its problem; an empty file or a bad header is one problem."""
    csv.field_size_limit(sys.maxsize)  # article texts are far longer than the module's default cap
    lines = iter(lines)
    first = next(lines, "")
    delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(_again(first, lines), delimiter=delimiter, strict=True)
    header, row = None, 0
    while True:
        row += 1  # as a spreadsheet counts: the header is row 1, a cell over several lines is one row
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            unclosed = "unexpected end of data" in str(error) or "EOF" in str(error)
            yield RecordProblem(source, UNCLOSED_QUOTE if unclosed else f"not valid CSV ({error}): a quotation mark "
                                "opened in this row or one above may never be closed", row, stops=True)
            return
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            keys = [cell.strip().lower() for cell in cells]
            repeated = sorted({key for key in keys if keys.count(key) > 1})
            if repeated or "" in keys:
                problem = f"the column {', '.join(repeated)} appears twice" if repeated else "a column has no name"
                yield RecordProblem(source, f"header: {problem}", row, stops=True)
                return
            header = list(column_names(cells).values())
            continue
        if len(cells) != len(header):
            yield RecordProblem(source, f"{plural(len(cells), 'field')} where the header has {len(header)} (a "
                                        "comma inside a field needs quotation marks around the field)", row)
            continue
        yield row, dict(zip(header, cells, strict=True))
    if header is None:
        yield RecordProblem(source, "no header: the file is empty", stops=True)


def jsonl_records(lines: Iterable[str | bytes], *, source: str) -> Iterator[tuple[int, dict] | RecordProblem]:
    """(line, record) for every JSON object of a JSON Lines file, its keys as `column_names` gives
    them; a RecordProblem for a line that is not one."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.rstrip())
        except (ValueError, UnicodeDecodeError) as error:
            reason = f"{error.msg}, column {error.colno}" if isinstance(error, json.JSONDecodeError) else str(error)
            yield RecordProblem(source, f"not valid JSON ({reason})", number)
            continue
        if not isinstance(record, dict):
            yield RecordProblem(source, f"expected a JSON object {{...}}, got {type(record).__name__}", number)
            continue
        names = _record_names(tuple(record))
        yield number, record if names is None else {names[key]: value for key, value in record.items()}


@lru_cache(maxsize=64)
def _record_names(keys: tuple[str, ...]) -> dict[str, str] | None:
    """`column_names` of a JSON object's keys, or None where each key is its own name already: the
    rows of a file mostly share their keys, and a batch reads a hundred thousand of them."""
    names = column_names(keys)
    return None if all(names[key] == key for key in keys) else names


READERS = {".csv": csv_records, ".jsonl": jsonl_records}  # a table's suffix -> its reader


def _again(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
