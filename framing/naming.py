"""Naming: the labels each outlet uses for each actor, from the span table.

A label is a hit whose lexicon entry names a referent. A naming marker right before it
("so-called moderate opposition", "self-styled") and scare quotes around it ("'moderate'
opposition") are part of how the outlet names the actor, so they are kept in the label. Other
distancing is not: in "alleged ISIL positions" the doubt is about the positions.
"""

from __future__ import annotations

import re

import pandas as pd

from framing.resources import SCARE_MARKERS_RE
from framing.text import fold

NAMING_FIELDS = ("referent", "outlet", "label", "count", "voice")


def naming_table(spans: pd.DataFrame, texts: dict[str, str], *, distancing: str | None) -> pd.DataFrame:
    """Per referent, outlet, label and voice: how often the outlet named the actor that way."""
    named = spans[spans["referent"] != ""]
    marks = spans[spans["category"] == distancing] if distancing else spans.iloc[0:0]
    rows = []
    for span in named.itertuples():
        start, end = _with_distancing(span, marks[marks["article"] == span.article], texts[span.article])
        label = " ".join(texts[span.article][start:end].split())
        rows.append((span.referent, span.outlet, label, _key(label), span.voice))
    table = pd.DataFrame(rows, columns=["referent", "outlet", "label", "key", "voice"])
    if table.empty:
        return pd.DataFrame(columns=list(NAMING_FIELDS))
    grouped = table.groupby(["referent", "outlet", "key", "voice"], sort=False).agg(
        label=("label", "first"), count=("label", "size")
    ).reset_index()
    order = {name: i for i, name in enumerate(dict.fromkeys(named["outlet"]))}
    grouped = grouped.sort_values(
        ["referent", "outlet", "count", "label"], key=lambda c: c.map(order) if c.name == "outlet" else c,
        ascending=[True, True, False, True], kind="stable",
    )
    return grouped[list(NAMING_FIELDS)].reset_index(drop=True)


def _with_distancing(span, marks: pd.DataFrame, text: str) -> tuple[int, int]:
    start, end = span.start, span.end
    for mark in marks.sort_values("start", ascending=False).itertuples():  # nearest first: so-called “moderate rebels”
        wraps = mark.scare_quote and mark.start <= start + 1 and mark.end > start  # 'moderate' opposition
        precedes = (  # so-called moderate opposition
            mark.end <= start and not text[mark.end:start].strip() and SCARE_MARKERS_RE.search(mark.text)
        )
        if wraps or precedes:
            start, end = min(start, mark.start), max(end, mark.end)
    if start > 0 and fold(text[start - 1]) in "\"'" and any(fold(c) in "\"'" for c in text[start:end]):
        start -= 1  # a label crossing a quotation mark keeps the opening one: "moderate" opposition
    return start, end


def _key(label: str) -> str:
    """Labels that differ only in case, quote style or hyphens count as one."""
    return re.sub(r"[\s\-]+", " ", fold(label).lower())
