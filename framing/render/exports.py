"""CSV downloads of the span, score, naming and statement tables, safe to open in a spreadsheet.

Every table is cut from the Analysis (never recounted), so a count in the scores CSV is the number of
rows in the spans CSV with that outlet, category and voice, and each span row's `start`/`end` slice the
article's cleaned text (in the ZIP) to its `match`. Text cells that a spreadsheet would read as a
formula get an apostrophe in front (framing.spreadsheet); numbers stay numbers. UTF-8 with a
byte-order mark, so Excel reads accents and curly quotes right.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from framing.analysis import Analysis
from framing.spreadsheet import safe_for_spreadsheet

TABLES = ("spans", "scores", "naming", "statements")
ZIP_DATE = (2000, 1, 1, 0, 0, 0)  # a fixed time inside the ZIP: the same analysis gives the same bytes

SPAN_COLUMNS = {
    "article": "article", "outlet": "outlet", "start": "start", "end": "end", "text": "match", "term": "term",
    "category": "category", "category_name": "category_name", "referent": "referent", "voice": "voice",
    "scare_quote": "scare_quote", "speaker": "speaker", "sentence": "sentence",
}
SCORE_COLUMNS = {
    "outlet": "outlet", "category": "category", "category_name": "category_name", "voice": "voice",
    "count": "hits", "words": "words", "per_1000": "hits_per_1000_words",
}
NAMING_COLUMNS = {"referent": "referent", "group": "group", "outlet": "outlet", "label": "label", "voice": "voice",
                  "count": "count"}
STATEMENT_COLUMNS = {
    "statement": "statement", "speaker": "speaker", "outlet": "outlet", "article": "article", "verb": "verb",
    "text": "quoted_text", "start": "start", "end": "end",
}

README = """\
Framing analysis export
=======================

Story: {title}
Lexicon: {lexicon}
Outlets: {outlets}

Every file is cut from one table of lexicon hits (spans.csv); nothing is counted twice or differently.
Offsets are character positions (Unicode code points, counted from 0) in the article's cleaned text,
which is in texts/<article>.txt (UTF-8, no byte-order mark): text[start:end] is the matched words.
Text cells that began with = + - @, a tab or a carriage return have an apostrophe added in front, so
a spreadsheet shows them as text instead of running them as a formula; remove it to get the original.

spans.csv: one row per lexicon hit.
  article        the article's id (its file name in the story folder)
  outlet         the outlet that published the article
  start, end     where the hit is in the cleaned text (see above)
  match          the words matched, exactly as in the text
  term           the lexicon term that matched them
  category       the lexicon category's id; category_name is its readable name
  referent       the actor the words name, for naming terms (empty otherwise)
  voice          narrator = the outlet's own words; quote = inside quotation marks
  scare_quote    True where the hit is a word set in scare quotes
  speaker        who is speaking in that sentence or quotation, where it could be told
  sentence       the sentence's number in the article, from 0

scores.csv: one row per outlet, category and voice.
  hits           the number of rows of spans.csv with that outlet, category and voice
                 (voice "all" counts both voices)
  words          the outlet's words in that voice
  hits_per_1000_words  hits / words * 1000; a rate from a few hits in a short text is weak evidence

naming.csv: what each outlet calls each actor.
  referent       the actor
  group          the country the actor belongs to (its institutions, officials and people roll up
                 into it); the actor itself where no country is named with it
  label          the words used for it, with a "so-called" or scare quotes around it kept
  voice          narrator or quote, as in spans.csv
  count          how many spans.csv rows with that referent, outlet and voice carry the label

statements.csv: one row per direct quotation an outlet carried.
  statement      the statement it belongs to (S1, S2, ...): the same words quoted by several outlets
                 share a statement
  speaker        who said it, where it could be told
  verb           the reporting verb the outlet used (said, claimed, ...), empty where none
  quoted_text    the quotation as the outlet printed it
  start, end     where the quotation is in the cleaned text
"""


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as CSV for a spreadsheet: UTF-8 with BOM, formulas neutralised, numbers untouched."""
    return safe_for_spreadsheet(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def export_tables(analysis: Analysis, outlets: list[str]) -> dict[str, pd.DataFrame]:
    """The four tables, cut to the chosen outlets, with readable column names."""
    names = {category.id: category.name for category in analysis.lexicon.categories}
    spans = analysis.spans.assign(category_name=analysis.spans["category"].map(names).fillna(""))
    scores = analysis.scores.assign(category_name=analysis.scores["category"].map(names).fillna(""))
    tables = {
        "spans": (spans, SPAN_COLUMNS),
        "scores": (scores, SCORE_COLUMNS),
        "naming": (analysis.naming(), NAMING_COLUMNS),
        "statements": (analysis.quotations(), STATEMENT_COLUMNS),
    }
    return {
        name: table[table["outlet"].isin(outlets)][list(columns)].rename(columns=columns).reset_index(drop=True)
        for name, (table, columns) in tables.items()
    }


def export_zip(analysis: Analysis, outlets: list[str]) -> bytes:
    """The four CSVs, a README.txt that says what each column means, and the cleaned texts the
    offsets point into, in one ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        readme = README.format(title=analysis.story.title, lexicon=analysis.lexicon.name, outlets=", ".join(outlets))
        _add(archive, "README.txt", readme.replace("\n", "\r\n").encode("utf-8"))
        for name, table in export_tables(analysis, outlets).items():
            _add(archive, f"{name}.csv", csv_bytes(table))
        for doc in analysis.documents:
            if doc.article.outlet in outlets:
                _add(archive, f"texts/{doc.article.id}.txt", doc.text.encode("utf-8"))
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
