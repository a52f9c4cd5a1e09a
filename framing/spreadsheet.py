"""Tables written as CSV for a spreadsheet, with no cell a spreadsheet would run as a formula.

A text cell starting with = + - @, a tab or a carriage return gets an apostrophe in front, as OWASP
advises against CSV injection: a spreadsheet then shows it as text. Numbers stay numbers. Every CSV
the project writes (the dashboard's downloads, the batch's outputs, `--format csv`) goes through here.
"""

from __future__ import annotations

import json

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell with an apostrophe in front where a spreadsheet would take it for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def flat(value):
    """A list or mapping in a cell as one line of JSON text, so it survives the CSV whole."""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _is_text(value) -> bool:
    return isinstance(value, str)


def safe_for_spreadsheet(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with lists as JSON text and every formula-like text cell and column name neutralised."""
    safe = frame.copy()
    safe.columns = [neutralise(str(name)) for name in safe.columns]
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        if values.dtype == object:
            values = values.map(flat)
        # A text column's cells are text but the missing ones: no call per cell to ask each.
        is_text = values.notna() if isinstance(values.dtype, pd.StringDtype) else values.map(_is_text)
        risky = is_text & values.astype(str).str.startswith(FORMULA_STARTS)
        if risky.any():
            safe[column] = values.where(~risky, "'" + values.astype(str))
        else:
            safe[column] = values
    return safe
