"""Bring your own articles: turn uploaded files or pasted text into article drafts, or say exactly
why not.

Accepted: .txt and .md (YAML front matter allowed), .html/.htm (the article's main text, found by
trafilatura, which leaves out scripts, menus, adverts and cookie banners), and .csv/.jsonl with one
article per row (a text column plus optional metadata columns). Nothing here writes anything: the
result lists drafts and problems side by side, so a page can show every problem at once and
`framing.library.story_store` can save all the drafts or none.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import lxml.html
import trafilatura

from framing.decoding import LINE_END_RE, SIGNATURES, decode
from framing.records import (
    IMPORT_SUFFIXES,
    READERS,
    TABLES,
    TEXT_COLUMNS,
    WEB_PAGES,
    RecordProblem,
    column_names,
    where,
)
from framing.stories import ARTICLE_FIELDS, StoryError, split_front_matter

MAX_FILE_MB = 5
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024  # per file or pasted text; the uploader uses the same limit
PASTED = "pasted text"
HTML_START_RE = re.compile(r"\s*(<!doctype html|<html)", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """One article ready to be saved: its text exactly as it will be stored, and its metadata."""

    text: str
    metadata: dict[str, str]  # ARTICLE_FIELDS that have a value, cleaned to one line each
    name: str  # the file it came from, or "pasted text"
    row: int | None = None

    @property
    def source(self) -> str:
        return where(self.name, self.row)

    @property
    def outlet(self) -> str:
        return self.metadata.get("outlet", "")

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)

    def with_metadata(self, values: dict) -> Draft:
        """The same text with these metadata values (blank ones removed)."""
        return replace(self, metadata=clean_metadata({**self.metadata, **values}))

    def with_defaults(self, defaults: dict) -> Draft:
        """Fields the file did not give, filled from `defaults` (command-line flags)."""
        return replace(self, metadata=clean_metadata({**defaults, **self.metadata}))


@dataclass
class ImportResult:
    drafts: list[Draft] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)  # these stop a save
    notes: list[RecordProblem] = field(default_factory=list)  # worth knowing, nothing wrong: how a file was read

    def extend(self, other: ImportResult) -> None:
        self.drafts += other.drafts
        self.problems += other.problems
        self.notes += other.notes


def fingerprint(text: str) -> str:
    """The same article, whatever its spacing, line endings or capitals: a short hash of its words."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()[:16]


def clean_field(value) -> str:
    """A metadata value as one line of text: whitespace (line breaks too) collapsed, ends trimmed."""
    return " ".join(str(value).split()) if value is not None else ""


def clean_metadata(values: dict) -> dict[str, str]:
    """The article fields with a value, in ARTICLE_FIELDS order."""
    cleaned = {name: clean_field(values.get(name)) for name in ARTICLE_FIELDS}
    return {name: value for name, value in cleaned.items() if value}


def make_draft(text: str, metadata: dict | None = None, *, name: str = PASTED, row: int | None = None) -> Draft:
    return Draft(text=text, metadata=clean_metadata(metadata or {}), name=name, row=row)


# --- reading ---------------------------------------------------------------------------------------


def read_files(files: Iterable[tuple[str, bytes]]) -> ImportResult:
    """Every (file name, content) pair read, and the same article twice reported as a problem."""
    result = ImportResult()
    for name, data in files:
        result.extend(read_file(name, data))
    return without_repeats(result)


def too_large(name: str, size: int) -> ImportResult:
    """A file over the size limit, refused by its size alone (the command line does not read it)."""
    return _refused(name, f"the file is {size / 1024 / 1024:.1f} MB; the limit is {MAX_FILE_MB} MB "
                          "per file (split it, or import the text without pictures)")


def read_file(name: str, data: bytes) -> ImportResult:
    """One file's drafts, or the problems that stop it."""
    if not data:
        return _refused(name, "the file is empty")
    if len(data) > MAX_FILE_BYTES:
        return too_large(name, len(data))
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    reader = FILE_READERS.get(suffix)
    if reader is None:
        kind = next((kind for signature, kind in SIGNATURES if data.startswith(signature)), None)
        return _refused(name, f"this looks like {kind}, and cannot be imported" if kind else
                              f"cannot import {suffix or 'a file without a suffix'}; use {', '.join(IMPORT_SUFFIXES)}")
    return reader(name, suffix, data)


def _read_text_file(name: str, suffix: str, data: bytes) -> ImportResult:
    """A file of text (article, web page or table): decoded, then read as its suffix says."""
    try:
        text, encoding_note = decode(data)
    except ValueError as error:  # a binary file: say what it looks like before what its name says
        return _refused(name, str(error))
    result = _read_text(name, suffix, text)
    if encoding_note:
        result.notes.append(RecordProblem(name, encoding_note))
    return result


# A file's suffix -> its reader, which gets the bytes: a binary format (.docx, say) would decode them itself.
FILE_READERS = dict.fromkeys(IMPORT_SUFFIXES, _read_text_file)


def read_pasted(text: str, *, name: str = PASTED) -> ImportResult:
    """Text pasted into the page: plain text, text with front matter, or a page's HTML source."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        return _refused(name, f"the text is over the limit of {MAX_FILE_MB} MB")
    suffix = ".html" if HTML_START_RE.match(text) else ".md"
    return without_repeats(_read_text(name, suffix, text))


def _read_text(name: str, suffix: str, text: str) -> ImportResult:
    if not text.strip():
        return _refused(name, "only blank space: no text to import")
    if suffix in TABLES:
        return _read_table(name, suffix, text)
    if suffix in WEB_PAGES:
        return _read_html(name, text)
    try:
        meta, body = split_front_matter(text, source=name)
    except StoryError as error:
        return _refused(name, str(error).removeprefix(f"{name}: "))
    meta = {column_names(meta)[key]: value for key, value in meta.items()}  # title: is the headline
    return _drafts_of_records(name, [(None, {**meta, "text": body})])


def _read_html(name: str, page: str) -> ImportResult:
    """The main text of a web page (no scripts, menus or adverts), with its title, date, site and
    address as metadata the form can then correct."""
    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=False)
        found = trafilatura.extract_metadata(page)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken pages
        return _refused(name, f"this page cannot be read as HTML ({type(error).__name__})")
    if not text or not text.strip() or _only_links(page, text):
        return _refused(name, "no readable article text found in this page (it may be drawn by JavaScript, or "
                              "be a list of links); copy the article's text and paste it instead")
    paragraphs = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    meta = {"headline": found.title, "date": found.date, "outlet": found.sitename, "url": found.url} if found else {}
    meta["source_file"] = name
    return ImportResult(drafts=[make_draft(paragraphs + "\n", meta, name=name)])


def _only_links(page: str, text: str) -> bool:
    """Whether every line found is the text of one of the page's links: a menu ("Home"), not an article.
    Trafilatura falls back to whatever text a page has, links included."""
    links = {" ".join(link.text_content().split()) for link in lxml.html.fromstring(page).iter("a")}
    return all(" ".join(line.split()) in links for line in text.splitlines() if line.strip())


def _read_table(name: str, suffix: str, text: str) -> ImportResult:
    """A CSV or JSON Lines file, read by framing.records as the batch reads it."""
    rows, problems = [], []
    for item in READERS[suffix](io.StringIO(text, newline=""), source=name):
        (problems if isinstance(item, RecordProblem) else rows).append(item)
    if any(problem.stops for problem in problems):
        rows = []  # a file that cannot be read to its end is refused whole, not half-imported    if not rows:
        return ImportResult(problems=problems or [RecordProblem(name, "no rows: no articles to import")])
    columns = list(dict.fromkeys(key for _, record in rows for key in record))
    if "text" not in columns:
        return _refused(name, f"no text column: expected one named {' or '.join(TEXT_COLUMNS)}; "
                              f"found {', '.join(columns) or 'none'}")
    result = _drafts_of_records(name, rows)
    result.problems[:0] = problems  # every problem of the file at once, in file order
    unknown = [c for c in columns if c != "text" and c not in ARTICLE_FIELDS]
    if unknown:
        result.notes.append(RecordProblem(name, f"columns left out (not article fields): {', '.join(unknown)}; "
                                                f"the fields are {', '.join(ARTICLE_FIELDS)}"))
    return result


def _drafts_of_records(name: str, rows: list[tuple[int | None, dict]]) -> ImportResult:
    result = ImportResult()
    for row, record in rows:
        body = record.get("text")
        if not isinstance(body, str):
            kind = "nothing" if body is None else f"{type(body).__name__}, not text"
            result.problems.append(RecordProblem(name, f"the text is {kind}", row))
            continue
        body = LINE_END_RE.sub("\n", body)
        if not body.strip():
            message = "no text" if row is not None else "front matter but no text"
            result.problems.append(RecordProblem(name, message, row))
            continue
        meta, wrong = {}, []
        for key, value in record.items():  # framing.records has put aliases under their article field
            if key in ARTICLE_FIELDS and value not in (None, ""):
                if isinstance(value, (list, dict)):
                    wrong.append(key)
                meta[key] = value
        if wrong:
            result.problems.append(RecordProblem(name, f"{', '.join(wrong)}: a list or mapping, not text", row))
            continue
        meta.setdefault("source_file", where(name, row))
        result.drafts.append(make_draft(body, meta, name=name, row=row))
    return result


def without_repeats(result: ImportResult) -> ImportResult:
    """The same article twice (same words, whatever the spacing or capitals) kept once; the repeat is a problem."""
    first: dict[str, Draft] = {}
    kept = []
    for draft in result.drafts:
        earlier = first.setdefault(draft.fingerprint, draft)
        if earlier is draft:
            kept.append(draft)
        else:
            result.problems.append(RecordProblem(draft.name, f"the same article as {earlier.source}", draft.row))
    return ImportResult(drafts=kept, problems=result.problems, notes=result.notes)


def _refused(name: str, message: str) -> ImportResult:
    return ImportResult(problems=[RecordProblem(name, message)])
