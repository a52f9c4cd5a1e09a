"""What the actor modules share: a mention and an actor, names compared as a reader compares them,
and the country a name, demonym, institution or outlet stands for."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from framing import actor_words as w
from framing.text import fold

LINK_WORDS = {"of", "the", "and", "for", "&", "de", "on"}


@dataclass(frozen=True)
class Mention:
    article: str
    start: int
    end: int
    text: str
    kind: str
    name: str = ""  # the name it holds, normalised ("donald trump"), empty for a description
    head: str = ""  # a description's or title's head word ("president"), else the name's last word
    comma: int = -1  # an apposition's: where the comma after the name before it is ("Kim, the leader,")
    holder: str = ""  # the name a government is called after ("the Trump administration": "trump")
    whose: str = ""  # the name a role is given by ("Mr. Trump's chief economic adviser": "trump")
    pronoun: str = ""  # the possessive pronoun a government is given by ("his country": "his")
    sentence: int = -1  # the number of its sentence in the article
    placed: bool = False  # named as a place or a modifier ("in Istanbul", "the Florida school") or in a headline


@dataclass(frozen=True)
class Actor:
    name: str
    mentions: tuple[Mention, ...]
    reasons: tuple[str, ...]  # why these mentions are one actor, one rule application a line
    group: str = ""  # the country it belongs to (itself for a country, its own name when none is known)
    group_reason: str = ""  # why, in words


def name_key(text: str) -> str:
    """A name as compared: case, accents, dots, hyphens, quotes and a possessive do not count
    ("Nicolás Maduro" in one paper is "Nicolas Maduro" in another)."""
    text = re.sub(r"['\u2019]s?$", "", _without_accents(fold(text)).strip())
    text = re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z]\.|$|\s)", "", text)  # D.N.C. -> DNC, U.S. -> US
    return " ".join(re.split(r"[\s\-]+", text.lower().replace(".", " "))).strip()


def _without_accents(text: str) -> str:
    if text.isascii():
        return text
    text = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    return text.translate(_UNDECOMPOSED)


_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "Ae", "đ": "d",
                               "Đ": "D", "ı": "i", "œ": "oe", "Œ": "Oe"})


COUNTRY_OF: dict[str, str] = {}
DEMONYM_OF: dict[str, str] = {}
COUNTRY_NAMES = frozenset(name for name, _, _ in w.COUNTRIES)
COMPASS = frozenset(("north", "south", "east", "west"))
INSTITUTION_OF = {name_key(institution): country for country, institutions in w.NATIONAL_INSTITUTIONS.items()
                  for institution in institutions}
for _name, _aliases, _demonyms in w.COUNTRIES:
    for _alias in (_name, *_aliases):
        COUNTRY_OF[name_key(_alias)] = _name
    for _demonym in _demonyms:
        DEMONYM_OF[name_key(_demonym)] = _name


def outlet_country(articles: set[str], countries: dict[str, str]) -> str:
    """The one country the outlets of these articles are from, or "" when they differ or are unknown."""
    found = {COUNTRY_OF.get(name_key(countries.get(article, "")), "") for article in articles}
    return found.pop() if len(found) == 1 else ""


def countries_named(words: str, grouped_names: dict[str, str] | None = None) -> Counter:
    """The countries that one to four words of a name or role name: a demonym ("Russian"), a
    country's name ("U.S.", "South Korea's"), an institution ("FBI") or another grouped actor."""
    tokens = [token for token in words.split(" ") if token]
    found: Counter = Counter()
    k = 0
    while k < len(tokens):
        for size in (4, 3, 2, 1):
            piece = " ".join(tokens[k:k + size])
            country = (DEMONYM_OF.get(piece) or COUNTRY_OF.get(piece) or INSTITUTION_OF.get(piece)
                       or (grouped_names or {}).get(piece))
            if len(tokens[k:k + size]) == size and country:
                found[country] += 1
                k += size
                break
        else:
            k += 1
    return found


def country_named_by(key: str) -> str:
    """The country a name stands for: its own ("U.S.", "the White House"), an institution's ("FBI")
    or a state body's whose name holds it ("Russian Foreign Ministry"); else ""."""
    words = key.split(" ")
    state_body = len(words) > 1 and words[-1] in w.STATE_HEADS and countries_named(" ".join(words[:-1]))
    return COUNTRY_OF.get(key) or INSTITUTION_OF.get(key) or (state_body.most_common(1)[0][0] if state_body else "")


CHAMBERS = ("house", "senate", "congressional")  # "House Democrats" are the party's, in one chamber


def role_words(words: str) -> set[str]:
    """A role's words, "then" and "ex" read as "former" ("then-FBI Director": former, fbi, director)."""
    return {"former" if word in ("then", "ex") else word for word in name_key(words).split(" ")}


def name_as_written(mention: Mention) -> str:
    """The name as the text writes it, without a title, honorific, possessive or a country after
    it ("President Xi Jinping of China") or a nickname in quotes ('Cerelyn "CJ" Davis')."""
    words = re.sub(r"['\u2019]s?$", "", NICKNAME.sub("", mention.text)).split(" ")
    ends = [len(words)] + [k for k in range(len(words) - 1, 0, -1) if words[k] == "of"]
    for end in ends:
        for k in range(end):
            if name_key(" ".join(words[k:end])) == mention.name:
                return " ".join(words[k:end])
    return mention.text


NICKNAME = re.compile(r" [\"\u201c][A-Z][\w.'\u2019-]{0,15}[\"\u201d](?= [A-Z])")  # Cerelyn "CJ" Davis


def title_words(mention: Mention) -> str:
    """A title mention's words without the name: "President of China" of "President Xi Jinping of China"."""
    spelled = name_as_written(mention)
    before, _, after = mention.text.partition(spelled)
    return f"{before}{after}".strip() if spelled != mention.text else ""
