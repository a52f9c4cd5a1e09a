"""Lexicons as editable tables, checked by the same rules as lexicon files, compared and saved.

The dashboard's Lexicon page edits two tables (categories, and terms with their category). They are
turned back into the YAML-shaped mapping a lexicon file holds and validated by `parse_lexicon`, so
an edit is refused exactly where a file would be, with the same message; that message is then
traced back to the row it is about. A valid lexicon is saved as a readable YAML file in the data
folder, in the format of data/lexicons/default.yaml.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from framing.lexicon import (
    DEFAULT_NAME,
    LEXICONS_DIR,
    USER_LEXICONS,
    Lexicon,
    LexiconError,
    lexicon_files,
    parse_lexicon,
)
from framing.library.deleted import set_aside
from framing.storage import atomic_write_text, data_subdir, locked, slugify
from framing.text import fold

CATEGORY_COLUMNS = ("id", "name", "description", "teaching_note", "story", "scare_quotes", "skip_negated")
CATEGORY_CHANGES = (("name", "name"), ("description", "description"), ("teaching note", "teaching_note"),
                    ("story", "story"), ("scare quotes", "scare_quotes"), ("skip negated", "skip_negated"),
                    ("fills gaps", "fills_gaps"))  # (shown as, Category field)
TERM_COLUMNS = ("category", "term", "referent", "note", "pos", "forms", "match_case")
_CATEGORY_TEXTS = CATEGORY_COLUMNS[:4]
_TERM_TEXTS = TERM_COLUMNS[:4]
_FLAGS = ("scare_quotes", "skip_negated", "match_case")
_LIST_SEPARATOR = ", "  # how a cell holds a term's parts of speech or forms
_LOCK = "lexicons"
_HEADER = (
    "# A lexicon saved from the dashboard's Lexicon page. The format is described in\n"
    "# data/lexicons/README.md; edit it here or on that page.\n\n"
)
_TERM_ENTRY = re.compile(r"category '([^']*)', term (\d+)")
_DUPLICATE_TERM = re.compile(r"category '([^']*)', term ('[^']*'|\"[^\"]*\"): already listed")
_CATEGORY_ENTRY = re.compile(r"category (?:'([^']*)'|(\d+))")
SPAN_IDENTITY = ["article", "start", "end", "category"]  # one hit, whichever lexicon found it


@dataclass(frozen=True)
class Validation:
    """The outcome of checking edited tables: the lexicon, or the error and the row it is about."""

    lexicon: Lexicon | None
    data: dict
    error: str = ""
    table: str = ""  # "categories" or "terms": where the row is
    row: int | None = None  # 1-based position in that table, as shown


@dataclass(frozen=True)
class HitChanges:
    """The hits behind one row of `score_change`, as span-table rows: `before` (count_before),
    `after` (count), and the difference (change) as the hits `gained` and `lost`."""

    before: pd.DataFrame
    after: pd.DataFrame
    gained: pd.DataFrame  # rows of `after` that `before` lacks
    lost: pd.DataFrame  # rows of `before` that `after` lacks


@dataclass(frozen=True)
class LexiconDiff:
    """What an edited lexicon adds to, removes from and changes in another, as tables."""

    added_categories: pd.DataFrame
    removed_categories: pd.DataFrame
    changed_categories: pd.DataFrame
    added_terms: pd.DataFrame
    removed_terms: pd.DataFrame
    moved_terms: pd.DataFrame
    changed_terms: pd.DataFrame

    @property
    def empty(self) -> bool:
        return all(table.empty for table in vars(self).values())


def categories_frame(lexicon: Lexicon) -> pd.DataFrame:
    """One row per category, in the lexicon's order, for st.data_editor."""
    rows = [(c.id, c.name, c.description, c.teaching_note, c.story, c.scare_quotes, c.skip_negated)
            for c in lexicon.categories]
    return pd.DataFrame(rows, columns=list(CATEGORY_COLUMNS)).astype({"scare_quotes": bool, "skip_negated": bool})


def terms_frame(lexicon: Lexicon) -> pd.DataFrame:
    """One row per term, grouped by category in the lexicon's order."""
    rows = [(t.category, t.text, t.referent, t.note, _LIST_SEPARATOR.join(t.pos), _LIST_SEPARATOR.join(t.forms),
             t.match_case) for t in lexicon.terms]
    return pd.DataFrame(rows, columns=list(TERM_COLUMNS)).astype({"match_case": bool})


def sources_data(lexicon: Lexicon) -> list[dict]:
    """The lexicon's sources and licences as a file lists them, so a copy keeps them."""
    return [
        {"name": s.name, **({"used_for": s.used_for} if s.used_for else {}), "licence": s.licence,
         **({"url": s.url} if s.url else {})}
        for s in lexicon.sources
    ]


def lexicon_from_frames(name: str, description: str, categories: pd.DataFrame, terms: pd.DataFrame,
                        sources: list[dict]) -> dict:
    """The mapping a lexicon file would hold for these tables. Blank rows (the editor adds them)
    are left out; text is trimmed; empty optional cells are left out, as a file would."""
    category_rows, term_rows = _kept_rows(categories, _CATEGORY_TEXTS), _kept_rows(terms, _TERM_TEXTS)
    data = {"name": _cell(name), "description": _cell(description)}
    if sources:
        data["sources"] = list(sources)
    data["categories"] = [
        {
            "id": row["id"], "name": row["name"], "description": row["description"],
            "teaching_note": row["teaching_note"],
            **({"story": row["story"]} if row.get("story") else {}),
            **({"scare_quotes": True} if row["scare_quotes"] else {}),
            **({"skip_negated": True} if row.get("skip_negated") else {}),
            "terms": [_term_entry(term) for term in term_rows if term["category"] == row["id"]],
        }
        for row in category_rows
    ]
    return data


def validate(name: str, description: str, categories: pd.DataFrame, terms: pd.DataFrame,
             sources: list[dict], *, source: str = "the edited lexicon") -> Validation:
    """Check edited tables with the rules of lexicon files; on error, say which row it is about."""
    data = lexicon_from_frames(name, description, categories, terms, sources)
    category_rows, term_rows = _kept_rows(categories, _CATEGORY_TEXTS), _kept_rows(terms, _TERM_TEXTS)
    try:
        lexicon = parse_lexicon(data, source=source)
    except LexiconError as error:
        table, row = _row_of(str(error), category_rows, term_rows)
        return Validation(None, data, str(error), table, row)
    known = {row["id"] for row in category_rows}
    for number, term in enumerate(term_rows, 1):  # a file cannot hold such a term; the tables can
        if term["category"] not in known:
            what = f"its category {term['category']!r} is not" if term["category"] else "no category is chosen"
            return Validation(None, data, f"{source}: terms table, row {number} ({term['term']!r}): {what} in the "
                                          "categories table; choose one of those", "terms", number)
    return Validation(lexicon, data)


def lexicon_diff(base: Lexicon, edited: Lexicon) -> LexiconDiff:
    """Categories added, removed or with a changed name, description, teaching note or flag; terms
    added, removed, moved to another category, or with a changed note, referent or match_case.
    Categories are the same category when they have the same id; terms are the same term when they
    would count as duplicates in a file."""
    before = {_term_key(t.text): t for t in base.terms}
    after = {_term_key(t.text): t for t in edited.terms}
    kept = [(before[key], term) for key, term in after.items() if key in before]
    base_ids, edited_ids = {c.id for c in base.categories}, {c.id for c in edited.categories}
    changes = (("spelling", "text"), ("referent", "referent"), ("note", "note"), ("match case", "match_case"),
               ("part of speech", "pos"), ("forms", "forms"))
    base_categories = {c.id: c for c in base.categories}
    kept_categories = [(base_categories[c.id], c) for c in edited.categories if c.id in base_categories]
    return LexiconDiff(
        added_categories=_frame([(c.id, c.name) for c in edited.categories if c.id not in base_ids], ("id", "name")),
        removed_categories=_frame([(c.id, c.name) for c in base.categories if c.id not in edited_ids],
                                  ("id", "name")),
        changed_categories=_frame([(new.id, what, str(getattr(old, field)), str(getattr(new, field)))
                                   for old, new in kept_categories for what, field in CATEGORY_CHANGES
                                   if getattr(old, field) != getattr(new, field)],
                                  ("id", "what", "before", "after")),
        added_terms=_frame([(t.category, t.text) for k, t in after.items() if k not in before], ("category", "term")),
        removed_terms=_frame([(t.category, t.text) for k, t in before.items() if k not in after],
                             ("category", "term")),
        moved_terms=_frame([(new.text, old.category, new.category)
                            for old, new in kept if old.category != new.category], ("term", "from", "to")),
        changed_terms=_frame([(new.category, new.text, what, str(getattr(old, field)), str(getattr(new, field)))
                              for old, new in kept for what, field in changes
                              if getattr(old, field) != getattr(new, field)],
                             ("category", "term", "what", "before", "after")),
    )


def score_change(current: pd.DataFrame, edited: pd.DataFrame, voice: str) -> pd.DataFrame:
    """Per outlet and category in one voice: the edited lexicon's count and rate beside the
    current lexicon's count, and the difference. A category only one lexicon has counts 0 in the other."""
    keys = ["outlet", "category"]
    after = edited[edited["voice"] == voice][[*keys, "count", "per_1000"]]
    before = current[current["voice"] == voice][[*keys, "count"]].rename(columns={"count": "count_before"})
    table = after.merge(before, on=keys, how="outer", sort=False)
    table[["count", "count_before"]] = table[["count", "count_before"]].fillna(0).astype(int)
    table["change"] = table["count"] - table["count_before"]
    return table[[*keys, "count", "per_1000", "count_before", "change"]].reset_index(drop=True)


def hit_changes(current, edited, outlet: str, category: str, voice: str) -> HitChanges:
    """The hits of one outlet and category in one voice ('all': both) in the current and the edited
    analyses, and those only one of them has. A hit is the same hit when it covers the same
    characters of the same article in the same category, whatever term found it."""
    before, after = (analysis.spans_behind(outlet=outlet, category=category, voice=voice).reset_index(drop=True)
                     for analysis in (current, edited))
    before_keys, after_keys = (pd.MultiIndex.from_frame(spans[SPAN_IDENTITY]) for spans in (before, after))
    return HitChanges(before, after, gained=after[~after_keys.isin(before_keys)],
                      lost=before[~before_keys.isin(after_keys)])


def bundled_names() -> set[str]:
    """Names of the lexicons that ship with the tool; a saved one may not take them."""
    return {DEFAULT_NAME, *(path.stem for path in LEXICONS_DIR.glob("*.yaml"))}


def lexicon_path(name: str) -> Path:
    """Where a lexicon of this name is saved in the data folder."""
    return data_subdir(USER_LEXICONS) / f"{slugify(name, fallback='lexicon')}.yaml"


def save_lexicon(name: str, data: dict, *, overwrite: bool = False) -> Path:
    """Validate and save a lexicon as a readable YAML file named after `name`, atomically.
    Refuses a bundled lexicon's name, and an existing saved one unless `overwrite` is set."""
    path = lexicon_path(name)
    if path.stem in bundled_names():
        raise LexiconError(f"{path.stem!r} is the name of a lexicon that comes with the tool; choose another name")
    parse_lexicon(data, source=str(path))  # never save what could not be loaded again
    with locked(_LOCK):
        if path.exists() and not overwrite:
            raise LexiconError(f"a lexicon called {path.stem!r} is saved already; choose another name, "
                               "or choose to replace it")
        atomic_write_text(path, lexicon_yaml(data))
    return path


def delete_lexicon(name: str) -> Path:
    """Remove a lexicon saved in the data folder (bundled lexicons cannot be removed); where it
    went, for framing.library.deleted.undo."""
    path = lexicon_files().get(name)
    if path is None or name in bundled_names() or path.parent != data_subdir(USER_LEXICONS):
        raise LexiconError(f"{name!r} is not a lexicon saved in the data folder")
    with locked(_LOCK):
        return set_aside(path)


def lexicon_yaml(data: dict) -> str:
    """A lexicon mapping as YAML in the layout of default.yaml: keys in the file's order,
    lists indented under their key, long text folded, a term with nothing else as plain text."""
    return _HEADER + yaml.dump(data, Dumper=_LexiconDumper, sort_keys=False, allow_unicode=True, width=100)


class _LexiconDumper(yaml.SafeDumper):
    """Indents a list under its key, as default.yaml does."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _kept_rows(frame: pd.DataFrame, texts: tuple[str, ...]) -> list[dict]:
    """The table's rows with text trimmed, empty cells as "" and flags as booleans, minus rows
    with no text at all (the blank rows the editor adds)."""
    rows = []
    for record in frame.to_dict("records"):
        row = {key: bool(value) if key in _FLAGS and _filled(value) else False if key in _FLAGS else _cell(value)
               for key, value in record.items()}
        if any(row[key] for key in texts):
            rows.append(row)
    return rows


def _filled(value) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and pd.isna(value))


def _cell(value) -> str:
    return str(value).strip() if _filled(value) else ""


def _term_entry(row: dict):
    extras = {key: row[key] for key in ("referent", "note") if row[key]}
    if row.get("pos"):
        parts = _cell_list(row["pos"])
        extras["pos"] = parts[0] if len(parts) == 1 else parts
    if row.get("forms"):
        extras["forms"] = _cell_list(row["forms"])
    if row["match_case"]:
        extras["match_case"] = True
    return {"term": row["term"], **extras} if extras else row["term"]


def _cell_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip()]


def _term_key(text: str) -> str:
    return fold(text).lower()


def _frame(rows: list[tuple], columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def _row_of(message: str, categories: list[dict], terms: list[dict]) -> tuple[str, int | None]:
    """The table and row a parse_lexicon message is about, where it names one."""
    positions: dict[str, list[int]] = {}
    for number, term in enumerate(terms, 1):
        positions.setdefault(term["category"], []).append(number)
    if found := _TERM_ENTRY.search(message):
        rows = positions.get(found[1], [])
        index = int(found[2]) - 1
        return "terms", rows[index] if index < len(rows) else None
    if found := _DUPLICATE_TERM.search(message):
        key = _term_key(ast.literal_eval(found[2]))
        later = [n for n in positions.get(found[1], []) if _term_key(" ".join(terms[n - 1]["term"].split())) == key]
        return "terms", later[-1] if later else None
    if found := _CATEGORY_ENTRY.search(message):
        if found[2]:
            return "categories", int(found[2])
        numbers = [n for n, row in enumerate(categories, 1) if row["id"] == found[1]]
        return "categories", numbers[-1] if numbers else None
    return "", None
