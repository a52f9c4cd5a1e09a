"""The tokens of an article's lines, and what both the name rules (`actor_mentions`) and the
description rules (`description_mentions`) read off them: where a sentence opens, whether two words
stand side by side, a country's name run, an apposition's comma."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from framing import actor_words as w
from framing.actor_names import (
    country_named_by,
    name_key,
)
from framing.text import fold

_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., D.N.C.
    r"|(?:(?:al|el|bin|ibn|abu)-)?[^\W\d_][\w]*(?:['\u2019][^\W\d_]+)*(?:-[^\W_]\w*)*\.?['\u2019]?"
    r"|\d[\w,.]*|[^\w\s]"
)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]['\"\u201d\u2019)]*\s+|\n|[\"\u201c\u2018(]\s*)$")
_ABBREVIATED = w.HONORIFICS | {"sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "capt", "sgt", "maj", "adm",
                               "jr", "sr", "st"}


class Token(NamedTuple):
    """A word or punctuation mark of an article, at its offsets in the cleaned text."""

    start: int
    end: int
    text: str  # without a possessive or a sentence's full stop
    possessive: bool

    @property
    def lower(self) -> str:
        return fold(self.text).lower().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:3].lower() in ("al-", "el-")


def line_tokens(text: str) -> list[Token]:
    found = []
    for match in _TOKEN_RE.finditer(text):
        token, start = match.group(), match.start()
        possessive = bool(re.search(r"['\u2019]s?$", token)) and len(token) > 2
        if possessive:
            token = re.sub(r"['\u2019]s?$", "", token)
        elif token.endswith(".") and not _keeps_full_stop(token):
            token = token[:-1]
        parts = token.split("-")
        if "-" in token and token[:3].lower() not in ("al-", "el-") and all(p[:1].isupper() for p in parts) and all(
                len(p) > 2 for p in parts) and not _within_a_name(text, start, match.end()):
            position = start  # Trump-Russia: two names, not one
            for part in token.split("-"):
                found.append(Token(position, position + len(part), part, False))
                found.append(Token(position + len(part), position + len(part) + 1, "-", False))
                position += len(part) + 1
            found.pop()
            found[-1] = found[-1]._replace(possessive=possessive)
            continue
        found.append(Token(start, start + len(token), token, possessive))
    return found


def _within_a_name(text: str, start: int, end: int) -> bool:
    """Whether a hyphenated word stands beside another capitalised word, as a name's part does
    ("Kim Jong-Nam", "Jean-Claude Juncker", "Alexandria Ocasio-Cortez"), not "the Trump-Russia inquiry"."""
    before = re.search(r"[A-Z][\w.'\u2019]* $", text[max(0, start - 40):start])
    return bool(before or re.match(r" [A-Z]", text[end:end + 2]))


def _keeps_full_stop(token: str) -> bool:
    bare = token[:-1].lower()
    return bare in _ABBREVIATED or (len(bare) == 1 and bare.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare))


VERB_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))


def opens_a_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence, a line or a quotation."""
    return bool(_SENTENCE_END.search(text[max(0, start - 6):start]))


def followed_by_a_noun(text, tokens: list[Token], last: int, tags: dict[int, str]) -> bool:
    """Whether a lower-case noun or adjective follows token `last`: the token modifies it."""
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return after is not None and adjacent(text, tokens[last], after) and not after.capitalised and tags.get(
        after.start, "")[:2] in ("NN", "JJ")


def adjacent(text, left: Token, right: Token) -> bool:
    return text[left.end:right.start] == " "


_SHARED_INSTITUTION_KEYS = frozenset(map(name_key, w.SHARED_INSTITUTIONS))


def country_run(text, tokens, last: int) -> tuple[str, int] | None:
    """A country's or its institution's name of one to three capitalised words ending at `last`,
    before a role ("the White House chief", "the FBI director"): the country and the first word;
    the country is "" for a name many countries' bodies bear ("Labour Party leader Jeremy Corbyn")."""
    for size in (3, 2, 1):
        first = last - size + 1
        run = tokens[first:last + 1]
        if first < 0 or not all(t.capitalised for t in run):
            continue
        if not all(adjacent(text, a, b) for a, b in pairwise(run)):
            continue
        key = name_key(" ".join(t.text for t in run))
        country = country_named_by(key)
        if country or key in _SHARED_INSTITUTION_KEYS:
            return country, first
    return None


APPOSITION_LEADS = frozenset(("then", "now", "formerly", "also"))  # "Priebus, then the chief of staff,"


def apposition_comma(text, tokens, first: int) -> int:
    """Where the comma is that opens an apposition at token `first` ("Kim, the leader", "Priebus,
    then the chief of staff"), or -1."""
    if first < 0 or first >= len(tokens):
        return -1
    start = tokens[first].start
    if first and tokens[first - 1].lower in APPOSITION_LEADS and adjacent(text, tokens[first - 1], tokens[first]):
        start = tokens[first - 1].start
    return start - 2 if text[start - 2:start] == ", " else -1
