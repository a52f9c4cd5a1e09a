"""Naming: the labels each outlet uses for each actor, from the span table.

A label is a hit whose lexicon entry names a referent. A naming marker right before it
("so-called moderate opposition", "self-styled") and scare quotes around it ("'moderate'
opposition") are part of how the outlet names the actor, so they are kept in the label. Other
distancing is not: in "alleged ISIL positions" the doubt is about the positions.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

import pandas as pd

from framing import actor_words as w
from framing.actors import ACTOR_CATEGORY
from framing.resources import SCARE_MARKERS_RE
from framing.tagging import tagged_lines
from framing.text import fold

NAMING_FIELDS = ("referent", "group", "outlet", "label", "kind", "count", "voice")
LABEL_KINDS = ("description", "title", "name", "honorific")  # choices that differ in meaning first
MARKS_LOOKED_AT = 3  # a label takes at most a scare quote and a marker before it, with room to spare


def labelled_spans(spans: pd.DataFrame, texts: dict[str, str], *, distancing: str | None,
                   groups: dict[str, str] | None = None) -> pd.DataFrame:
    """The span rows that name an actor, each with the label it counts under (`label`, widened over
    its distancing marks), that label's key (`label_key`: labels differing only in case, quote
    style or hyphens share one) and the group its referent rolls up into (`group`, from `groups`;
    the referent itself where it has none)."""
    named = spans[spans["referent"] != ""]
    marks = spans[spans["category"] == distancing] if distancing else spans.iloc[0:0]
    marks_by_article = {
        article: list(group.sort_values("start").itertuples()) for article, group in marks.groupby("article")
    }
    labels = []
    for span in named.itertuples():
        text = texts[span.article]
        start, end = span.start, span.end
        if not (span.category == ACTOR_CATEGORY and _modifies_a_noun(text, span.start, span.end)):
            start, end = _with_distancing(span, marks_by_article.get(span.article, []), text)
        if span.category == ACTOR_CATEGORY and span.term == "description":
            start = _with_possessor(text, start)
        labels.append(" ".join(text[start:end].split()))
    kinds = [span.term if span.category == ACTOR_CATEGORY else _lexicon_kind(span.text) for span in named.itertuples()]
    groups = groups or {}
    return named.assign(label=labels, label_key=[label_key(label) for label in labels], kind=kinds,
                        group=[groups.get(referent, referent) for referent in named["referent"]])


_GROUP_WORDS = w.GROUP_ROLES | w.ORG_HEADS | {"fighters", "militants", "rebels", "movement", "militia"}


def _modifies_a_noun(text: str, start: int, end: int) -> bool:
    """Whether a one-word name stands before a common noun it modifies: in "the so-called Comey
    memos" the doubt is about the memos, not Comey. A longer name keeps its marker, and so does one
    before a word for a group or an organisation ("the so-called Islamic State group")."""
    if text[end:end + 1] != " " or " " in text[start:end].strip():
        return False
    words = tagged_lines(text)  # as the actors were found, once for both
    k = bisect.bisect_left(words, end + 1, key=lambda word: word.start)
    return k < len(words) and words[k].start == end + 1 and words[k].tag in ("NN", "NNS") and (
        not words[k].word[:1].isupper()) and words[k].word.lower() not in _GROUP_WORDS


# Whose the description is, just before it: "the union's", "Mr. Trump's", "the Democratic National
# Committee's", "the workers'". A lower-case owner needs its "the" ("the family's"), so that "it's"
# and the like never count; capitalised ones are checked against _NO_OWNERS.
_POSSESSOR_BEFORE = re.compile(
    r"(?<![\w.'’-])(?:(?:[Tt]he [a-z][\w-]*|(?:[Tt]he )?(?:[A-Z][\w.&-]* ){0,4}[A-Z][\w.&-]*)['’]s? "
    r"|[Tt]he (?:[A-Z][\w&-]* ){1,3})$")  # or an organisation's name as a modifier: "the Acme founder"
_NO_OWNERS = {"it", "that", "there", "here", "he", "she", "who", "what", "where", "let", "this"}
POSSESSOR_LOOKED_AT = 80  # characters before a description: five words of a name and their "the"


def _with_possessor(text: str, start: int) -> int:
    """Widen a description over the owner written right before it, so that "Fain, the union's
    president," is labelled "the union's president", not "president": whose president it is is
    part of how the outlet names him. The owner stays its own mention; only the label grows."""
    before = _POSSESSOR_BEFORE.search(text, max(0, start - POSSESSOR_LOOKED_AT), start)
    if before is None or re.split(r"['’]", before.group().lower())[0] in _NO_OWNERS:
        return start
    return before.start()


def _lexicon_kind(text: str) -> str:
    """A lexicon label is a name when capitalised ("ISIL", "Assad"), else a description ("regime")."""
    return "name" if any(word[:1].isupper() for word in text.split() if word.lower() not in ("the", "a")) else (
        "description")


def naming_table(table: pd.DataFrame) -> pd.DataFrame:
    """Per referent, outlet, label and voice: how often the outlet named the actor that way, from
    the rows of `labelled_spans`."""
    if table.empty:
        return pd.DataFrame(columns=list(NAMING_FIELDS))
    grouped = table.groupby(["referent", "outlet", "label_key", "voice"], sort=False).agg(
        label=("label", _usual_spelling), kind=("kind", "first"), group=("group", "first"), count=("label", "size")
    ).reset_index()
    order = {name: i for i, name in enumerate(dict.fromkeys(table["outlet"]))}
    grouped = grouped.sort_values(
        ["referent", "outlet", "count", "label"], key=lambda c: c.map(order) if c.name == "outlet" else c,
        ascending=[True, True, False, True], kind="stable",
    )
    return grouped[list(NAMING_FIELDS)].reset_index(drop=True)


def _usual_spelling(labels: pd.Series) -> str:
    """The spelling an outlet writes a label in most often, the first such of a tie, and one in
    capitals only where it has no other ("Pruitt", not a shouted headline's "PRUITT")."""
    counts = Counter(labels)
    return max(counts, key=lambda label: (not label.isupper(), counts[label]))


def _with_distancing(span, marks: list, text: str) -> tuple[int, int]:
    """Widen a label over the distancing marks just before or around it, nearest first, so that
    "so-called" reaches past the scare quotes in so-called “moderate rebels”."""
    start, end = span.start, span.end
    nearest = bisect.bisect_right(marks, span.end, key=lambda mark: mark.start)
    for mark in reversed(marks[max(0, nearest - MARKS_LOOKED_AT) : nearest]):
        # 'moderate' opposition; but in ‘ISIL targets’ the doubt is about the targets, not ISIL
        wraps = mark.scare_quote and start - 1 <= mark.start <= start + 1 and mark.end <= end + 1
        precedes = (  # so-called moderate opposition
            mark.end <= start and not text[mark.end:start].strip() and SCARE_MARKERS_RE.search(mark.text)
        )
        if wraps or precedes:
            start, end = min(start, mark.start), max(end, mark.end)
    if start > 0 and fold(text[start - 1]) in "\"'" and any(fold(c) in "\"'" for c in text[start:end]):
        start -= 1  # a label crossing a quotation mark keeps the opening one: "moderate" opposition
    return start, end


def label_key(label: str) -> str:
    """Labels that differ only in case, quote style, hyphens or the dots of an abbreviation
    ("D.N.C.", "DNC") count as one."""
    return re.sub(r"[\s\-]+", " ", re.sub(r"(?<=\w)\.(?=\w|$)", "", fold(label).lower()))
