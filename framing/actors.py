"""Actors found in a story's articles alone: who is named, in what ways, grouped into one row each.

A mention is a stretch of cleaned text that names an actor, of one `kind`:
- "name": a proper name or a variant of it ("Donald Trump", "Trump", "DNC", "D.N.C.", "Russia");
- "honorific": a courtesy title and surname ("Mr. Trump"), one paper's style for everyone;
- "title": a title or role before a name ("President Trump", "North Korean dictator Kim Jong Un");
- "description": words that stand for a named actor ("the president", "the regime").

Mentions are grouped by rules a reader of news uses, each grouping kept with its reason:
1. the same name, up to case, dots, hyphens and a possessive ("Kim Jong-un", "Kim Jong Un's");
2. a surname alone is the person of that surname named in full ("Trump" -> "Donald Trump"),
   when one such person is named far more than any other;
3. an acronym is the name whose initials it spells ("DNC", "D.N.C." -> "Democratic National
   Committee"), or the name it follows in brackets;
4. a country's other names, capital and demonyms are the country ("Pyongyang", "Russian officials");
5. an apposition or a copula joins a description to the name beside it ("Kim Jong Un, the North
   Korean leader"; "Perez is the party's chairman"), and makes that role one of the actor's titles;
6. a description is the actor most recently named in the article with that head word, as a title
   or as the last word of its name ("the president" after "President Trump", "the committee"
   after "the Democratic National Committee"), else the actor of the story most often named so;
7. "the Post" is the organisation named earlier whose name ends in that word ("the Washington Post").
A row needs two mentions and one of them a name; descriptions that join no name are dropped.
Work is linear in the text: one tokenising pass and dictionary look-ups.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from framing import actor_words as w
from framing.actor_corrections import Corrections
from framing.actor_names import (
    CHAMBERS,
    COMPASS,
    COUNTRY_NAMES,
    COUNTRY_OF,
    DEMONYM_OF,
    INSTITUTION_OF,
    LINK_WORDS,
    Actor,
    Mention,
    countries_named,
    country_named_by,
    name_as_written,
    name_key,
    outlet_country,
    role_words,
    title_words,
)
from framing.resources import FUNCTION_WORDS
from framing.spans import ArticleAnalysis, with_spans
from framing.speakers import attribute
from framing.tagging import tagged_words
from framing.text import fold

KINDS = ("description", "title", "name", "honorific")  # the order the naming view ranks them in
ACTOR_CATEGORY = "actors"
MIN_MENTIONS = 2

_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., D.N.C.
    r"|(?:(?:al|el|bin|ibn|abu)-)?[^\W\d_][\w]*(?:['\u2019][^\W\d_]+)*(?:-[^\W\d_]\w*)*\.?['\u2019]?"
    r"|\d[\w,.]*|[^\w\s]"
)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]['\"\u201d\u2019)]*\s+|\n|[\"\u201c\u2018(]\s*)$")
_ABBREVIATED = w.HONORIFICS | {"sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "maj", "adm", "jr", "sr", "st"}
_PARTICLES = {"of", "for"}


class _Token(NamedTuple):
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


# Words of two-word country names and demonyms that name no country alone: "Korea", "Korean"
_COUNTRY_PARTS = frozenset(
    part for name, _, demonyms in w.COUNTRIES for key in map(name_key, (name, *demonyms)) if " " in key
    for part in key.split(" ")[1:]
    if part not in COUNTRY_OF and part not in DEMONYM_OF and part not in w.GEO_WORDS and part not in LINK_WORDS
    and part not in w.ORG_HEADS)


def discover_actors(texts: dict[str, str], countries: dict[str, str] | None = None) -> list[Actor]:
    """The actors of a story from its articles' cleaned texts (article id -> text), most named
    first, each with its group; `countries` gives each article's outlet country, where known."""
    body: dict[str, list[Mention]] = {}
    headlines: dict[str, list[list[_Token]]] = {}
    for article, text in texts.items():
        body[article], headlines[article] = _article_mentions(article, text)
    common = _common_words(texts, body)
    body = {article: [m for m in found if m.name not in common or m.kind != "name"] for article, found in body.items()}
    known: dict[str, bool] = {}  # a name the body writes -> whether it is written only in capitals ("US", "IS")
    for found in body.values():
        for m in found:
            if m.name and m.kind != "description":
                known[m.name] = known.get(m.name, True) and name_as_written(m).isupper()
    mentions: list[Mention] = []
    for article, text in texts.items():
        titled = [m for line in headlines[article] for m in _headline_mentions(article, text, line, known)]
        mentions.extend(sorted([*body[article], *titled], key=lambda m: m.start))
    return with_groups(_grouped(mentions, countries or {}), countries)


_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]+(?![\w'\u2019-])")


def _common_words(texts: dict[str, str], body: dict[str, list[Mention]]) -> set[str]:
    """Names that are common words capitalised for emphasis ("a great thing for World", "suspend
    all Nuclear Tests"): every word of the name is written in lower case in the story three times
    as often as the name is written or more ("Target shares fell" keeps Target), and the name is no
    country, institution, organisation, person given a title or honorific, nor a part of a longer
    name ("May" of "Theresa May")."""
    lower = Counter(word for text in texts.values() for word in _LOWER_WORD.findall(text))
    written: Counter = Counter()
    addressed = set()
    for found in body.values():
        for m in found:
            if m.kind == "name":
                written[m.name] += 1
            elif m.kind in ("title", "honorific"):
                addressed.add(m.name)
    parts = {word for name in [*written, *addressed] if " " in name for word in name.split(" ")}  # "Theresa May"
    return {name for name, count in written.items()
            if name not in addressed and name not in parts and not country_named_by(name)
            and name.split(" ")[-1] not in w.ORG_HEADS
            and not any(word in DEMONYM_OF for word in name.split(" "))
            and all(lower[word] >= 3 * count for word in name.split(" "))}


def with_actors(documents: tuple[ArticleAnalysis, ...],
                corrections: Corrections | None = None) -> tuple[tuple[ArticleAnalysis, ...], list[Actor]]:
    """The documents with every discovered mention as a span (category `actors`, the kind as its
    term, the actor as its referent), their speakers resolved to the actors, and the actors.
    The lexicon's referents and the story's aliases win where they name the same words: a mention
    they cover is left to them, and an actor most of whose mentions they cover takes their
    referent. They give way where the mention also holds a name the lexicon span does not cover
    ("North Korean dictator Kim Jong Un"), and where they map a person's name to another actor
    without the term being that person's whole name (a lexicon's "Obama" -> "United States" leaves
    "Barack Obama" his own row; "Assad" -> "Syrian government" leaves "Bashar al-Assad" his)."""
    countries = {doc.article.id: doc.article.country for doc in documents}
    actors = discover_actors({doc.article.id: doc.text for doc in documents}, countries)
    if corrections:
        actors = with_groups(corrections.applied(actors), countries)
    owner = {(m.article, m.start): actor for actor in actors for m in actor.mentions}
    people = {actor.name for actor in actors if _person_like(name_key(actor.name), actor.name)}
    kept: dict[str, list[tuple[Mention, Actor]]] = defaultdict(list)
    blanked: dict[str, set[int]] = defaultdict(set)
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in documents:
        named = [(k, span) for k, span in enumerate(doc.spans) if span.referent]
        starts = [span.start for _, span in named]
        for mention in sorted((m for a in actors for m in a.mentions if m.article == doc.article.id),
                              key=lambda m: m.start):
            actor = owner[(mention.article, mention.start)]
            first = max(0, bisect.bisect_left(starts, mention.start) - 3)
            covering = [(k, span) for k, span in named[first:]
                        if span.start < mention.end and mention.start < span.end]
            if not covering:
                kept[doc.article.id].append((mention, actor))
            elif any(_holds_a_name(doc.text, mention, span) or _swallows_a_person(mention, actor, people, span)
                     for _, span in covering):
                blanked[doc.article.id].update(k for k, _ in covering)
                kept[doc.article.id].append((mention, actor))
            else:
                votes[actor.name].update(span.referent for _, span in covering)
    referent = {actor.name: _lexicon_referent(actor, votes.get(actor.name)) for actor in actors}
    updated = []
    for doc in documents:
        spans = [span._replace(referent="") if k in blanked[doc.article.id] else span
                 for k, span in enumerate(doc.spans)]
        mentions = sorted((m.start, m.end, actor.name) for actor in actors for m in actor.mentions
                           if m.article == doc.article.id)
        attributions, quote_attributions = attribute(doc.text, list(doc.sentences), list(doc.quote_regions),
                                                     _actor_lookup(mentions))
        bare = replace(doc, attributions=tuple(attributions), quote_attributions=tuple(quote_attributions), spans=())
        added = [(span.start, span.end, span.term, span.category, span.referent) for span in spans]
        added += [(m.start, m.end, m.kind, ACTOR_CATEGORY, referent[actor.name]) for m, actor in kept[doc.article.id]]
        updated.append(with_spans(bare, added))
    return tuple(updated), actors


def _actor_lookup(mentions: list[tuple[int, int, str]]):
    """For the speaker rules: the actor of the first mention overlapping [start, end), or ""."""
    starts = [start for start, _, _ in mentions]

    def actor_at(start: int, end: int) -> str:
        for m_start, m_end, name in mentions[max(0, bisect.bisect_right(starts, start) - 1):]:
            if m_start >= end:
                break
            if m_end > start:
                return name
        return ""

    return actor_at


def _swallows_a_person(mention: Mention, actor: Actor, people: set[str], span) -> bool:
    """A lexicon referent for part of a person's name that is another actor ("Obama" -> "United
    States" inside the row of Barack Obama): the person keeps the mention. A description ("the
    dictator") is no name and stays the lexicon's."""
    return (mention.kind != "description" and actor.name in people and span.referent != actor.name
            and name_key(span.text) != name_key(actor.name))


# --- Groups: the second level of the naming table ------------------------------------------------

def with_groups(actors: list[Actor], countries: dict[str, str] | None = None) -> list[Actor]:
    """Each actor with the country it belongs to, by the first rule that gives one:
    1. a country is its own group;
    2. a country's institution, party or state media by its usual name ("FBI", "White House",
       "Kremlin", "KCNA": `actor_words.NATIONAL_INSTITUTIONS`), or an institution whose name holds
       a country ("Russian Foreign Ministry", "South Korean military");
    3. the country most often named in its titles and descriptions, by a demonym, a country's name
       or an institution already grouped ("Japanese Prime Minister Shinzo Abe", "U.S. officials",
       "CIA Director Mike Pompeo", "DNC Chairman Tom Perez", "the North Korean leader");
    4. a person with a title ("President Trump", "Sen. Cruz") where no country is named: the country
       of the outlets that name them, when they all give the same one;
    5. a person described as someone's ("Mr. Trump's chief economic adviser"): that person's group;
    else the actor is a group of its own."""
    countries = countries or {}
    first = {actor.name: _own_group(actor) for actor in actors}
    grouped_names = {}  # a mention's name -> the group of an actor grouped by rules 1 and 2
    for actor in actors:
        if first[actor.name]:
            for mention in actor.mentions:
                if mention.name:
                    grouped_names[mention.name] = first[actor.name][0]
    result = []
    for actor in actors:
        group, reason = first[actor.name] or _titled_group(actor, grouped_names) or _outlet_group(actor, countries) or (
            "", "")
        result.append(replace(actor, group=group, group_reason=reason))
    return _someones_group(result)


def _someones_group(actors: list[Actor]) -> list[Actor]:
    """Rule 5: a person described as a grouped person's ("Mr. Trump's chief economic adviser")
    takes that person's group; else the actor is a group of its own."""
    by_surname = {}
    for actor in actors:
        if actor.group:
            for mention in actor.mentions:
                if mention.name and mention.kind != "description":
                    by_surname.setdefault(mention.name.split(" ")[-1], actor)
    result = []
    for actor in actors:
        whose = next((m for m in actor.mentions if m.whose in by_surname and by_surname[m.whose] is not actor), None)
        if not actor.group and whose:
            other = by_surname[whose.whose]
            reason = f"“{whose.text}” is {other.name}'s, of {other.group}"
            actor = replace(actor, group=other.group, group_reason=reason)
        elif not actor.group:
            actor = replace(actor, group=actor.name, group_reason="no country is named with it")
        result.append(actor)
    return result


def referent_group(referent: str, actors: tuple[Actor, ...] | list[Actor] = ()) -> str:
    """The group of a naming row: its actor's, else a lexicon referent's by the country in its name
    ("Syrian government" -> "Syria"), else the referent itself."""
    for actor in actors:
        if actor.name == referent:
            return actor.group or referent
    named = countries_named(name_key(referent))
    return named.most_common(1)[0][0] if named else referent


def _own_group(actor: Actor) -> tuple[str, str] | None:
    """Rules 1 and 2: the group an actor's own name gives."""
    if actor.name in COUNTRY_NAMES:
        return actor.name, "a country"
    if actor.name in w.LABEL_FAMILIES:  # "Central American migrants" are not the United States'
        return actor.name, "a group named by what it is, which no country's name holds"
    key = name_key(actor.name)
    chamber, _, members = key.partition(" ")
    if key not in INSTITUTION_OF and chamber in CHAMBERS and members in INSTITUTION_OF:
        key = members  # "Senate Republicans"
    if key in INSTITUTION_OF:
        return INSTITUTION_OF[key], f"{actor.name} is an institution of {INSTITUTION_OF[key]}"
    words = key.split(" ")
    if len(words) > 1 and words[-1] in w.STATE_HEADS and (named := countries_named(" ".join(words[:-1]))):
        country = named.most_common(1)[0][0]
        return country, f"its name, {actor.name}, names {country}"
    return None


def _titled_group(actor: Actor, grouped_names: dict[str, str]) -> tuple[str, str] | None:
    """Rule 3: the country its titles and descriptions name most often."""
    votes: Counter = Counter()
    example: dict[str, str] = {}
    for mention in actor.mentions:
        if mention.kind not in ("title", "description") or mention.head in w.TOPIC_ROLES:
            continue
        role = title_words(mention) if mention.kind == "title" else mention.text
        own = country_named_by(mention.name) if mention.kind == "description" else ""
        named = Counter([own]) if own else countries_named(name_key(role), grouped_names)  # not "to the U.S."
        for country in named:
            votes[country] += 1
            example.setdefault(country, mention.text)
    if not votes:
        return None
    country = votes.most_common(1)[0][0]
    return country, f"“{example[country]}” names {country}"


_PERSON_TITLES = w.PERSON_ROLES | w.TITLE_WORDS


def _outlet_group(actor: Actor, countries: dict[str, str]) -> tuple[str, str] | None:
    """Rule 4: a titled person named with no country, in outlets of one country, unless a title
    is an office that country does not have."""
    titles = [m for m in actor.mentions if m.kind == "title" and m.head.split(" ")[-1] in _PERSON_TITLES]
    chamber = name_key(actor.name) in w.INSTITUTIONS  # "the House", "the Senate": the outlets' country's
    country = outlet_country({m.article for m in actor.mentions}, countries) if titles or chamber else ""
    if chamber and country and name_key(actor.name) not in w.OFFICES_NOT_HELD.get(country, ()):
        return country, f"a legislature named with no country, in outlets from {country}"
    not_held = w.OFFICES_NOT_HELD.get(country, frozenset())
    if not country or chamber or any(role_words(title_words(m)) & not_held for m in titles):
        return None
    return country, f"titled with no country named, in outlets from {country}"


def _holds_a_name(text: str, mention: Mention, span) -> bool:
    """Whether the mention names someone in words outside the lexicon span: a capitalised word."""
    outside = text[mention.start:span.start] + " " + text[span.end:mention.end]
    return any(word[0].isupper() and word.lower() not in FUNCTION_WORDS | {"the", "a", "an"}
               for word in re.findall(r"[^\W\d_][\w.'\u2019-]*", outside))


def _lexicon_referent(actor: Actor, votes: Counter | None) -> str:
    """The lexicon's referent for an actor most of whose mentions the lexicon names, else its own name."""
    if votes:
        referent, count = votes.most_common(1)[0]
        if 2 * count >= len(actor.mentions) or 2 * sum(votes.values()) >= len(actor.mentions):
            return referent
    return actor.name


# --- Finding mentions ---------------------------------------------------------------------------

def _tokens(text: str) -> list[_Token]:
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
                found.append(_Token(position, position + len(part), part, False))
                found.append(_Token(position + len(part), position + len(part) + 1, "-", False))
                position += len(part) + 1
            found.pop()
            found[-1] = found[-1]._replace(possessive=possessive)
            continue
        found.append(_Token(start, start + len(token), token, possessive))
    return found


def _within_a_name(text: str, start: int, end: int) -> bool:
    """Whether a hyphenated word stands beside another capitalised word, as a name's part does
    ("Kim Jong-Nam", "Jean-Claude Juncker", "Alexandria Ocasio-Cortez"), not "the Trump-Russia inquiry"."""
    before = re.search(r"[A-Z][\w.'\u2019]* $", text[max(0, start - 40):start])
    return bool(before or re.match(r" [A-Z]", text[end:end + 2]))


def _keeps_full_stop(token: str) -> bool:
    bare = token[:-1].lower()
    return bare in _ABBREVIATED or (len(bare) == 1 and bare.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare))


def _title_case_line(tokens: list[_Token]) -> bool:
    """A headline in title case capitalises every word: no sign of a name there."""
    worded = [t for t in tokens if t.text[:1].isalpha()]
    long_words = [t for t in worded if len(t.text) > 3]
    return len(worded) >= 4 and sum(t.capitalised for t in long_words) >= 0.8 * max(1, len(long_words))


def _label_line(line: str, tokens: list[_Token]) -> bool:
    """A line of one to three words with no sentence's end: a section's name, a caption or a
    button left in the text ("World", "Redacted"), read like a headline."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    return 1 <= len(words) <= 3 and not line.rstrip().endswith((".", "!", "?", '"', "\u201d", ":", ","))


def _article_mentions(article: str, text: str) -> tuple[list[Mention], list[list[_Token]]]:
    """The mentions in an article's lines, and the tokens of its title-case lines (headlines),
    which are read only for names found elsewhere."""
    tags = {word.start: word.tag for word in tagged_words(text)}
    found: list[Mention] = []
    headlines: list[list[_Token]] = []
    offset = 0
    for line in text.split("\n"):
        tokens = [_Token(t.start + offset, t.end + offset, t.text, t.possessive) for t in _tokens(line)]
        if _title_case_line(tokens) or _label_line(line, tokens):
            headlines.append(tokens)
        else:
            found.extend(_line_mentions(article, text, tokens, tags))
        offset += len(line) + 1
    return found, headlines


def _headline_mentions(article: str, text: str, tokens: list[_Token], known: dict[str, bool]) -> list[Mention]:
    """A headline's names, where every word is capitalised: the longest run of up to four words
    that is a name the story's other lines use ("Donald Trump Warns Iran" names Trump and Iran),
    in capitals where the body writes it so ("US", not "For Us"). Left out: a lone compass or
    function word ("North Korean Leader Says", "Is") and a capital after a place word ("Lands In Seoul")."""
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        for size in (4, 3, 2, 1):
            words = tokens[i:i + size]
            if len(words) < size or not all(_one_space(text, a, b) for a, b in pairwise(words)):
                continue
            key = name_key(" ".join(t.text for t in words))
            spelled = " ".join(t.text for t in words)
            place = key in w.CAPITALS and i and tokens[i - 1].lower in w.PLACE_WORDS
            if key in known and key not in COMPASS and key not in FUNCTION_WORDS and not place and (
                    not known[key] or spelled.isupper()):
                found.append(_mention(article, text, words[0].start, words[-1].end, "name", words, ""))
                i += size
                break
        else:
            i += 1
    return found


def _runs(text: str, tokens: list[_Token], tags: dict[int, str]) -> list[list[int]]:
    """Indices of runs of capitalised tokens one space apart ("of" inside an organisation's name
    or a title), with a sentence's first word left out unless the tagger calls it a proper noun."""
    runs: list[list[int]] = []
    current: list[int] = []
    opener = -1  # a sentence's first word left out, taken back before a lone organisation head

    def close():
        while current and (tokens[current[-1]].lower in _PARTICLES or tokens[current[-1]].text == "the"):
            current.pop()
        taken_back = opener >= 0 and current and current[0] == opener + 1 and _one_space(
            text, tokens[opener], tokens[current[0]])
        if taken_back and len(current) == 1 and tokens[current[0]].lower == "party":
            current.insert(0, opener)  # a headline's "Democratic Party files suit": not "Party"
        elif taken_back and len(current) > 1 and tokens[current[0]].lower not in w.TITLE_WORDS and any(
                tokens[k].lower in w.TITLE_WORDS for k in current[1:]):
            current.insert(0, opener)  # "Homeland Security Secretary Kirstjen Nielsen" opening a sentence
        if current:
            runs.append(current.copy())
        current.clear()

    for i, token in enumerate(tokens):
        last = tokens[current[-1]] if current else None
        joined = last and (_one_space(text, last, token) or _group_possessive(text, last, token))
        if _PARTY_AND_STATE.fullmatch(token.text) or _no_name_word(text, tokens, i):
            close()
            continue
        if (token.lower in w.NOT_ACTORS and not (joined and _a_name_not_a_month(tokens, i))) or not (
                token.capitalised or token.lower in _PARTICLES or token.text == "the"):
            close()
            continue
        if token.lower in _PARTICLES or token.text == "the":
            before = tokens[current[-1]].lower if current and joined else ""
            inside_a_name = any(tokens[k].lower in _PARTICLES for k in current)  # "... for the Prohibition of ..."
            if (before in w.ORG_HEADS or before in w.TITLE_WORDS or (before and inside_a_name)) if (
                    token.text != "the") else before in _PARTICLES:
                current.append(i)  # "Organisation for the Prohibition of Chemical Weapons"
            else:
                close()
            continue
        if not joined:
            close()
        function_word = token.lower in FUNCTION_WORDS or len(token.lower) < 2
        if not current and (function_word or (
                _sentence_start(text, token.start) and not tags.get(token.start, "NNP").startswith("NNP"))):
            opener = i if tags.get(token.start, "") in ("JJ", "NN", "NNP") and token.lower not in w.ROLE_MODIFIERS \
                and not function_word else -1
            continue
        current.append(i)
    close()
    return _joined_by_and(text, tokens, runs)


def _joined_by_and(text: str, tokens: list[_Token], runs: list[list[int]]) -> list[list[int]]:
    """An organisation's name with "and" in it, split in two runs: "Center for Strategic and
    International Studies", "Department of Health and Human Services". The first part ends in one
    word after the organisation's "of" or "for"; the second is one or two words ending in a field's
    name (`actor_words.FIELD_WORDS`), so "Department of Justice and Congress" stays two."""
    joined: list[list[int]] = []
    for run in runs:
        last = joined[-1] if joined else None
        if last and len(last) >= 3 and tokens[last[-2]].lower in _PARTICLES and tokens[last[-3]].lower in w.ORG_HEADS \
                and text[tokens[last[-1]].end:tokens[run[0]].start] in (" and ", " & ") and len(run) <= 2 \
                and tokens[run[-1]].lower in w.FIELD_WORDS:
            last.extend(run)
        else:
            joined.append(run)
    return joined


def _one_space(text: str, left: _Token, right: _Token) -> bool:
    return text[left.end:right.start] == " " and not left.possessive


_PLURALS = {"people", "children", "women", "men"}


def _group_possessive(text: str, left: _Token, right: _Token) -> bool:
    """A plural's possessive inside an organisation's name: "Workers' Party", "People's Republic"."""
    return left.possessive and right.lower in w.ORG_HEADS and (left.lower.endswith("s") or left.lower in _PLURALS) \
        and text[left.end:right.start] in ("' ", "'s ", "\u2019 ", "\u2019s ")


_PARTY_AND_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")  # "R-Ky.", "D-N.Y.", "(D-Calif.)"
_CONTRACTED = re.compile(r"['\u2019](m|re|ve|ll|d)$", re.IGNORECASE)  # "I'm", "We're"


def _no_name_word(text: str, tokens: list[_Token], i: int) -> bool:
    """A capitalised word that is part of no name: a contraction ("I'm"), a hyphenated adjective
    ("Obama-era", "Saudi-led"), a state's abbreviation after a city ("Palm Beach, Fla.") or a word
    shouted in capitals beside another ("NO COLLUSION", "WITCH HUNT")."""
    token = tokens[i]
    if _CONTRACTED.search(token.text) or token.text.rsplit("-", 1)[-1] in w.COMPOUND_ENDINGS:
        return True
    if token.lower in w.STATE_ABBREVIATIONS and text[max(0, token.start - 2):token.start] == ", " and (
            text[token.end:token.end + 1] == "."):
        return True
    shouted = [t for t in tokens[max(0, i - 1):i + 2] if t.text.isupper() and len(t.text) > 1 and t.text.isalpha()
               and not country_named_by(t.lower)]  # "US FBI" is no shouting
    return token in shouted and len(shouted) >= 2 and all(
        _one_space(text, a, b) for a, b in pairwise(shouted)) and not _line_start(text, tokens[max(0, i - 1)])
_NAMED_LIKE_MONTHS = frozenset(("may", "june", "april", "august"))


def _a_name_not_a_month(tokens: list[_Token], i: int) -> bool:
    """"Theresa May", "Mrs. May", "Prime Minister May": a month's name after a name, honorific or
    title and before no number is a surname ("in May", "May 5" stay months)."""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return tokens[i].lower in _NAMED_LIKE_MONTHS and tokens[i].text[0].isupper() and not after[:1].isdigit() \
        and tokens[i - 1].capitalised


def _line_start(text: str, token: _Token) -> bool:
    return token.start == 0 or text[token.start - 1] == "\n"


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 6):start]))


def _line_mentions(article: str, text: str, tokens: list[_Token], tags: dict[int, str]) -> list[Mention]:
    found: list[Mention] = []
    used: set[int] = set()
    starts = [t.start for t in tokens]
    for run in _runs(text, tokens, tags):
        mention = _government_named(article, text, tokens, run, tags) or _run_mention(article, text, tokens, run, tags)
        if mention and mention.kind == "name":
            mention = _government_of(article, text, tokens, run, mention)
        if mention and mention.kind == "title":  # "President Xi Jinping of China"
            end, country, _ = _of_what(text, tokens, run[-1], tags, "", "")
            if country:
                mention = replace(mention, end=end, text=text[mention.start:end])
        if mention and found and mention.start <= found[-1].start and mention.kind == "title":
            found.pop()  # "Pentagon spokeswoman Dana White": the institution is part of her title
        if mention and not (found and mention.start < found[-1].end):  # role words reach no earlier name
            found.append(mention)
            used.update(range(bisect.bisect_left(starts, mention.start), bisect.bisect_left(starts, mention.end)))
    descriptions = _descriptions(article, text, tokens, tags, used)
    return sorted(_outside(found, descriptions) + descriptions, key=lambda m: m.start)


def _outside(names: list[Mention], descriptions: list[Mention]) -> list[Mention]:
    """The names not inside a description: "White House" in "the White House chief of staff" is
    part of how Priebus is described, not a mention of the United States of its own."""
    starts = [d.start for d in descriptions]
    kept = []
    for name in names:
        k = bisect.bisect_right(starts, name.start) - 1
        if k < 0 or descriptions[k].end < name.end:
            kept.append(name)
    return kept


_CALLED_AFTER = {"administration", "government", "regime"}


def _government_of(article, text, tokens, run, mention: Mention) -> Mention:
    """"the Trump administration", "the Assad regime": a government called after its head, read as
    a description of that government (its country, in the grouping), not as the person."""
    after = run[-1] + 1
    if after >= len(tokens) or tokens[after].lower not in _CALLED_AFTER or tokens[run[-1]].possessive or not _adjacent(
            text, tokens[run[-1]], tokens[after]) or mention.name in COUNTRY_OF:
        return mention
    first = run[0]
    start = tokens[first - 1].start if first and tokens[first - 1].lower == "the" else mention.start
    end = tokens[after].end
    return Mention(article, start, end, text[start:end], "description", "", tokens[after].lower, holder=mention.name)


def _government_named(article, text, tokens, run, tags) -> Mention | None:
    """"The Trump Administration" capitalised into one run: the government called after the
    surname before its last word, as `_government_of` reads it in lower case. Longer runs are
    agencies' names ("Federal Aviation Administration", "Kurdistan Regional Government")."""
    if len(run) != 2 or tokens[run[-1]].lower not in _CALLED_AFTER:
        return None
    named = _run_mention(article, text, tokens, run[:-1], tags)
    if not named or named.kind != "name":
        return None
    government = _government_of(article, text, tokens, run[:-1], named)
    return government if government is not named else None


def _run_mention(article, text, tokens, run, tags) -> Mention | None:
    words = [tokens[i] for i in run]
    lowers = [t.lower for t in words]
    if len(words) == 1 and (lowers[0] in w.TITLE_WORDS or lowers[0] in w.HONORIFICS):
        return None  # "President" alone is a title in waiting, read with the description rules
    if lowers[0] in w.HONORIFICS and len(words) > 1 and all(word in w.TITLE_WORDS for word in lowers[1:]):
        return Mention(article, words[0].start, words[-1].end, text[words[0].start:words[-1].end], "description",
                       "", _head(lowers[1:]))  # "Mr. President": the title's holder, addressed
    if lowers[0] in w.HONORIFICS and len(words) > 1:
        return _mention(article, text, words[0].start, words[-1].end, "honorific", words[1:], "")
    last_title = max((k for k, word in enumerate(lowers) if word in w.TITLE_WORDS), default=-1)
    if 0 <= last_title < len(words) - 1 and lowers[last_title + 1] == "of":  # Secretary of State Mike Pompeo
        last_title = _office_end(lowers, last_title + 2 + (lowers[last_title + 2:last_title + 3] == ["the"]))
    key = name_key(" ".join(t.text for t in words))
    person_like = last_title >= 0 or not (key in COUNTRY_OF or key in INSTITUTION_OF or lowers[-1] in w.ORG_HEADS)
    start = _role_start(text, tokens, run[0], tags) if person_like else words[0].start  # not "chief White House"
    if last_title >= 0 and start == words[0].start:
        before = _demonym_before(text, tokens, run[0])  # "Japanese Prime Minister ..." opening a sentence
        start = start if before is None else before
    if last_title == len(words) - 1:  # all title: "Secretary of State", "Senate Minority Leader"
        return Mention(article, start, words[-1].end, text[start:words[-1].end], "description", "",
                       _head([t.lower for t in words]))
    if last_title >= 0 or start < words[0].start:
        names = words[last_title + 1:]
        return _mention(article, text, start, words[-1].end, "title", names,
                        _head([*_lower_words(tokens, text, start, words[0].start), *lowers[:last_title + 1]]))
    if key in DEMONYM_OF:
        after = tokens[run[-1] + 1] if run[-1] + 1 < len(tokens) else None
        before_a_noun = after is not None and _adjacent(text, words[-1], after) and tags.get(
            after.start, "").startswith("NN")
        if key in COUNTRY_OF and not before_a_noun:  # "the U.S." on its own is the country
            return _mention(article, text, words[0].start, words[-1].end, "name", words, "")
        return None  # "North Korean" before a noun: read with the description rules
    if _not_an_actor(key) or _describes_a_family(text, tokens, run, tags):
        return None
    before = tokens[run[0] - 1].lower if run[0] else ""
    if key in w.CAPITALS and (before in w.PLACE_WORDS or (words[0].text.isupper() and _line_start(text, words[0]))):
        return None  # "talks in Seoul", a dateline "WASHINGTON —": a place, not the government
    after = tokens[run[-1] + 1] if run[-1] + 1 < len(tokens) else None
    modifies = after is not None and _adjacent(text, words[-1], after) and not after.capitalised and tags.get(
        after.start, "").startswith("NN")  # "the State dinner" is no organisation
    if len(words) == 1 and key in w.ORG_HEADS and key not in w.INSTITUTIONS and before == "the" and not modifies:
        start = tokens[run[0] - 1].start  # "the Post", "the Committee": the organisation named before
        return Mention(article, start, words[0].end, text[start:words[0].end], "description", "", key)
    return _mention(article, text, words[0].start, words[-1].end, "name", words, "")


def _office_end(lowers: list[str], first: int) -> int:
    """The last word of a title's "of" object starting at `first`: a country's or institution's
    whole name ("President of the United States"), else one word ("Secretary of State")."""
    for size in (3, 2):
        key = " ".join(lowers[first:first + size])
        if first + size <= len(lowers) and (key in COUNTRY_OF or key in INSTITUTION_OF):
            return first + size - 1
    return min(first, len(lowers) - 1)


_REGION_WORDS = w.GEO_WORDS | {"central", "latin"}  # before a demonym: "Central American", "Latin American"


def _describes_a_family(text, tokens, run, tags) -> bool:
    """A demonym or adjective before a family's noun, or the first word of a family's phrase:
    "Central American migrants" and "Asylum seekers" opening a sentence are that family's, and
    "Central American" or "Asylum" no actor of its own. A proper noun keeps its name ("Taliban
    fighters", "Houthi rebels")."""
    after = run[-1] + 1
    last = tokens[run[-1]]
    if after >= len(tokens) or not _adjacent(text, last, tokens[after]):
        return False
    noun, phrase = tokens[after].lower, f"{last.lower} {tokens[after].lower}"
    if phrase in w.FAMILY_OF:
        return True
    return noun in w.FAMILY_OF and (last.lower in DEMONYM_OF or tags.get(last.start) == "JJ")


def _not_an_actor(key: str) -> bool:
    """A place, region, event or thing named like an actor ("Korean War", "the Middle East",
    "ICBM"), part of a country's name alone ("the Korean border") or its plural ("the two Koreas",
    "the Americas"): no one actor."""
    last = key.rsplit(" ", 1)[-1]
    plural_country = key.endswith("s") and key not in COUNTRY_OF and (
        key[:-1] in COUNTRY_OF or key[:-1] in _COUNTRY_PARTS)
    return last in w.NOT_ACTOR_HEADS or key in w.NOT_ACTOR_ACRONYMS or key in _COUNTRY_PARTS or plural_country or (
        key in w.REGIONS)


def _demonym_before(text, tokens, first: int) -> int | None:
    """Where a demonym of one or two words right before a title begins, if there is one."""
    for size in (2, 1):
        if first < size:
            continue
        before = tokens[first - size:first]
        joined = all(_adjacent(text, a, b) for a, b in zip(before, [*before[1:], tokens[first]], strict=True))
        if joined and name_key(" ".join(t.text for t in before)) in DEMONYM_OF:
            return before[0].start
    return None


def _mention(article, text, start, end, kind, names, head) -> Mention:
    name = name_key(" ".join(t.text for t in names))
    return Mention(article, start, end, text[start:end], kind, name, head or name.split(" ")[-1])


def _head(words: list[str]) -> str:
    """The last role word, before any "of": "Secretary of State" is a secretary, "chief of staff" a
    chief; "Vice President" keeps its "vice"."""
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    roles = [k for k, word in enumerate(words) if word in w.PERSON_ROLES or word in w.GROUP_ROLES
             or word in w.TITLE_WORDS]
    if not roles:
        return ""
    last = roles[-1]
    return f"vice {words[last]}" if last and words[last - 1] == "vice" else words[last]


def _lower_words(tokens, text, start, end) -> list[str]:
    first = bisect.bisect_left(tokens, start, key=lambda token: token.start)
    last = bisect.bisect_left(tokens, end, key=lambda token: token.start)
    return [t.lower for t in tokens[first:last]]


def _role_start(text, tokens, first: int, tags) -> int:
    """Where the role words before a name begin: "North Korean dictator Kim", "campaign manager
    Brad Parscale", "former FBI Director James Comey"; the name's own start when there are none."""
    i = first - 1
    if i < 0 or not _adjacent(text, tokens[i], tokens[first]) or tokens[i].lower not in w.PERSON_ROLES:
        return tokens[first].start
    start = tokens[i].start
    i -= 1
    while i >= 0 and _adjacent(text, tokens[i], tokens[i + 1]) and not tokens[i].possessive:
        token = tokens[i]
        if token.capitalised and (name_key(token.text) in DEMONYM_OF or token.text.isupper() or (
                i > 0 and name_key(f"{tokens[i - 1].text} {token.text}") in DEMONYM_OF)):
            if i > 0 and name_key(f"{tokens[i - 1].text} {token.text}") in DEMONYM_OF:
                i -= 1
            start = tokens[i].start
        elif token.lower in w.ROLE_MODIFIERS or (not token.capitalised and tags.get(token.start, "") in ("NN", "JJ")
                                                 and token.lower not in FUNCTION_WORDS):
            start = token.start
        elif token.capitalised and (named := _country_run(text, tokens, i)):  # "Pentagon spokeswoman Dana White"
            i = named[1]
            start = tokens[i].start
        else:
            break
        i -= 1
    return start


def _adjacent(text, left: _Token, right: _Token) -> bool:
    return text[left.end:right.start] == " "


def _plain_modifier(text, token: _Token, tag: str, country: str) -> bool:
    """A lower-case adjective or noun before a role ("the campaign manager"; only an adjective
    before a demonym), or a sentence's capitalised first word tagged so ("Asylum seekers")."""
    wanted = ("JJ",) if country else ("JJ", "NN")
    if not token.capitalised:
        return tag in wanted
    return _sentence_start(text, token.start) and tag in (*wanted, "NNP")


def _descriptions(article, text, tokens, tags, used: set[int]) -> list[Mention]:
    """Descriptions not before a name: "the president", "the North Korean leader", "Russian
    officials", "the Russians"; each keeps its head word and, where it has one, its country."""
    found = []
    for i, token in enumerate(tokens):
        if i in used:
            continue
        word = token.lower
        pair = name_key(f"{tokens[i - 1].text} {token.text}") if i and _adjacent(text, tokens[i - 1], token) else ""
        if token.capitalised and token.text.endswith("s") and pair in DEMONYM_OF and i - 1 not in used:
            start = tokens[i - 2].start if i > 1 and tokens[i - 2].lower == "the" else tokens[i - 1].start
            found.append(Mention(article, start, token.end, text[start:token.end], "name",
                                 name_key(DEMONYM_OF[pair]), ""))  # "North Koreans"
            continue
        if token.capitalised and name_key(token.text) in DEMONYM_OF and token.text.endswith("s") and (
                i == 0 or tokens[i - 1].lower == "the" or not tokens[i - 1].capitalised):
            start = tokens[i - 1].start if i and tokens[i - 1].lower == "the" else token.start
            found.append(Mention(article, start, token.end, text[start:token.end], "name",
                                 name_key(DEMONYM_OF[name_key(token.text)]), ""))
            continue
        phrase = f"{tokens[i - 1].lower} {word}" if i and _adjacent(text, tokens[i - 1], token) else ""
        head = phrase if phrase in w.FAMILY_OF else word  # "asylum seekers"
        family = w.FAMILY_OF.get(head, "")
        is_role = word in w.PERSON_ROLES or word in w.GROUP_ROLES or word in w.GOVERNMENT_ROLES or family or (
            word.endswith("s") and word[:-1] in w.PERSON_ROLES)  # "North Korean leaders"
        if not is_role or (token.capitalised and not _sentence_start(text, token.start)):
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) and _adjacent(text, token, tokens[i + 1]) else None
        if following and (following.lower in w.PERSON_ROLES | w.GROUP_ROLES or following.lower in w.FAMILY_OF or (
                family and tags.get(following.start, "").startswith("NN"))):
            continue  # "campaign manager", "migrant caravan": the last noun heads it; "police station" is no one
        first = i - 1 if head != word else i
        start, country, j, adjective_after, institution = tokens[first].start, "", first - 1, False, ""
        while j >= 0 and _adjacent(text, tokens[j], tokens[j + 1]) and not tokens[j].possessive:
            previous = tokens[j]
            pair = name_key(f"{tokens[j - 1].text} {previous.text}") if j > 0 else ""
            named = None if country or not previous.capitalised else _country_run(text, tokens, j)
            if named:  # "the White House chief", "the FBI director": the name is part of the description
                country, first_word = named
                institution = name_key(" ".join(t.text for t in tokens[first_word:j + 1]))
                start, j, adjective_after = tokens[first_word].start, first_word - 1, True
            elif j in used:
                break
            elif previous.capitalised and pair in DEMONYM_OF:
                country, start, j, adjective_after = DEMONYM_OF[pair], tokens[j - 1].start, j - 2, True
            elif previous.capitalised and name_key(previous.text) in DEMONYM_OF:
                country, start, j, adjective_after = DEMONYM_OF[name_key(previous.text)], previous.start, j - 1, True
            elif family and previous.capitalised and (tags.get(previous.start) == "JJ" or (
                    adjective_after and previous.lower in _REGION_WORDS)):
                start, j, adjective_after = previous.start, j - 1, True  # "Honduran migrants", "Central American ..."
            elif previous.lower in w.ROLE_MODIFIERS or (
                    _plain_modifier(text, previous, tags.get(previous.start, ""), country)
                    and previous.lower not in FUNCTION_WORDS):
                # before a demonym only adjectives: "hawkish U.S. officials", not "the condition U.S. diplomats set"
                start, j, adjective_after = previous.start, j - 1, False
            else:
                break
        end, country, institution = _of_what(text, tokens, i, tags, country, institution)
        j = _capitalised_in_apposition(text, tokens, j, used)
        if j + 1 < len(tokens) and tokens[j + 1].start < start:
            start = tokens[j + 1].start
        determiner = tokens[j].lower if j >= 0 and _adjacent(text, tokens[j], tokens[j + 1]) else ""
        determiner = determiner if determiner in ("the", "a", "an") else ""
        comma = _apposition_comma(text, tokens, j if determiner else j + 1)
        determined = determiner == "the" or (determiner in ("a", "an") and comma >= 0)  # "Tyler, a consultant,"
        if determined:
            start = tokens[j].start
        owner = None if country else _country_possessor(text, tokens, j)
        if owner:  # "Russia's ambassador to the U.S.", "Japan's defense minister": as "the Russian ambassador"
            first_owner, country = owner
            start, determined, comma = tokens[first_owner].start, True, _apposition_comma(text, tokens, first_owner)
            institution = institution or name_key(" ".join(t.text for t in tokens[first_owner:j + 1]))
        possessor, whose = _possessor(text, tokens, j, used, word), ""
        if possessor is not None:  # "Kudlow, Mr. Trump's chief economic adviser,": "Mr. Trump" stays his
            determined, comma, whose = True, _apposition_comma(text, tokens, possessor), name_key(tokens[j].text)
        if not (determined or country or family):  # "migrants" needs no "the"
            continue
        closed = text[end:end + 1] in (",", ".", "")
        object_of = _tag_before(tokens, tags, start) in ("IN", "TO")  # "talks with the Chinese president, Mr. X"
        if not object_of and _a_name_follows(text, tokens, i, end, used):
            comma = end  # "the Russian ambassador, Alexander Yakovenko,": that name's, whatever came before
        elif determiner in ("a", "an") and comma >= 0 and _host_introduced(tokens, tags, comma):
            comma = -1  # "After meeting Mr. Putin, a senior official said": no apposition
        if word in w.TOPIC_ROLES:  # "a North Korea analyst" is of no country by it
            country = institution = ""
        named_by = institution if institution in INSTITUTION_OF else name_key(country) if country else ""
        found.append(Mention(article, start, end, text[start:end], "description", named_by, head,
                             comma if closed else -1, whose=whose))
    return found


def _tag_before(tokens: list[_Token], tags: dict[int, str], start: int) -> str:
    """The part of speech of the token right before `start`, or ""."""
    k = bisect.bisect_left(tokens, start, key=lambda token: token.start) - 1
    return tags.get(tokens[k].start, "") if k >= 0 else ""


def _host_introduced(tokens: list[_Token], tags: dict[int, str], comma: int) -> bool:
    """Whether the name ending at `comma` is the object of a preposition, a noun or an -ing verb
    ("In a statement to Reuters,", "After meeting Mr. Putin,"; not "according to"): an opening
    phrase, not a name an apposition follows."""
    k = bisect.bisect_left(tokens, comma, key=lambda token: token.end)
    while k > 0 and tokens[k - 1].capitalised and tokens[k - 1].end <= comma:
        k -= 1
    return k > 0 and tags.get(tokens[k - 1].start, "") in ("IN", "VBG", "NN", "NNS")


def _country_possessor(text, tokens, j: int) -> tuple[int, str] | None:
    """Where a country's or its institution's possessive name begins that ends at token j, before
    a role ("Russia's ambassador", "the FBI's director"), and the country; else None."""
    if j < 0 or j + 1 >= len(tokens) or not (tokens[j].possessive and tokens[j].capitalised):
        return None
    if text[tokens[j].end:tokens[j + 1].start] not in ("'s ", "\u2019s ", "' ", "\u2019 "):
        return None
    named = _country_run(text, tokens, j)
    return (named[1], named[0]) if named else None


_NOT_SOMEONE = w.ORG_HEADS | w.GEO_WORDS  # "the Post's reporter", "the North's leader"


def _possessor(text, tokens, j: int, used: set[int], head: str) -> int | None:
    """Where a person's name begins whose possessive determines a person's role at token j + 1
    ("Mr. Trump's chief economic adviser"), else None. A country's or an organisation's ("North
    Korea's leader", "Japan's government") is read as before: the name, and no description."""
    if head not in w.PERSON_ROLES or j < 0 or j + 1 >= len(tokens) or not (
            tokens[j].possessive and tokens[j].capitalised and j in used):
        return None
    if text[tokens[j].end:tokens[j + 1].start] not in ("'s ", "\u2019s ", "' ", "\u2019 "):
        return None
    first = j
    while first > 0 and first - 1 in used and tokens[first - 1].capitalised and _adjacent(
            text, tokens[first - 1], tokens[first]):
        first -= 1
    key = name_key(" ".join(t.text for t in tokens[first:j + 1]))
    if key in COUNTRY_OF or key in DEMONYM_OF or key in INSTITUTION_OF or tokens[j].lower in _NOT_SOMEONE:
        return None
    return first


def _capitalised_in_apposition(text, tokens, j: int, used: set[int]) -> int:
    """Past one or two capitalised words before a role where an apposition to a name precedes
    them ("Tyler, a Republican political consultant", not "missiles, the Houthi leader"): where
    the apposition's determiner is, else `j`."""
    k = j
    while k >= 0 and j - k < 2 and tokens[k].capitalised and _adjacent(text, tokens[k], tokens[k + 1]):
        k -= 1
    if k == j or k < 1 or tokens[k].lower not in ("a", "an", "the") or not _adjacent(text, tokens[k], tokens[k + 1]):
        return j
    lead = k - 1 if tokens[k - 1].lower in _APPOSITION_LEADS else k
    name = lead - 2 if lead >= 2 and tokens[lead - 1].text == "," else lead - 1
    after_a_name = name >= 0 and name in used and tokens[name].capitalised
    return k if after_a_name and _apposition_comma(text, tokens, k) >= 0 else j


def _a_name_follows(text, tokens, head: int, end: int, used: set[int]) -> bool:
    """Whether ", Name," or ", Name." follows a description ending at `end`: the name it stands
    before, in apposition."""
    if text[end:end + 2] != ", ":
        return False
    k = next((k for k in range(head + 1, len(tokens)) if tokens[k].start >= end + 2), len(tokens))
    if k == len(tokens) or tokens[k].start != end + 2 or k not in used or not tokens[k].capitalised:
        return False
    while k + 1 < len(tokens) and k + 1 in used and _adjacent(text, tokens[k], tokens[k + 1]):
        k += 1
    return text[tokens[k].end:tokens[k].end + 1] in (",", ".", "")


def _country_run(text, tokens, last: int) -> tuple[str, int] | None:
    """A country's or its institution's name of one to three capitalised words ending at `last`,
    before a role ("the White House chief", "the FBI director"): the country and the first word."""
    for size in (3, 2, 1):
        first = last - size + 1
        run = tokens[first:last + 1]
        if first < 0 or not all(t.capitalised for t in run):
            continue
        if not all(_adjacent(text, a, b) for a, b in pairwise(run)):
            continue
        country = country_named_by(name_key(" ".join(t.text for t in run)))
        if country:
            return country, first
    return None


def _of_what(text, tokens, head: int, tags, country: str, institution: str) -> tuple[int, str, str]:
    """A role's "of", "for" or "to" phrase, kept in the description: "chief of staff", "secretary
    of state" (one lower-case noun after "of"), "the president of Russia", "a spokeswoman for the
    Chinese Foreign Ministry" (a country or its institution, which it then names), "ambassador to
    the U.S." (which names where, not whose). The end of the description, its country and the
    institution's name."""
    end = tokens[head].end
    after = head + 1
    if after + 1 >= len(tokens) or tokens[after].lower not in ("of", "for", "to") or not _adjacent(
            text, tokens[head], tokens[after]):
        return end, country, institution
    first = after + 1 + (tokens[after + 1].lower == "the")
    for size in (4, 3, 2, 1):
        run = tokens[first:first + size]
        if len(run) == size and all(t.capitalised for t in run) and all(
                _adjacent(text, a, b) for a, b in zip([tokens[first - 1], *run], run, strict=False)):
            named = _country_run(text, tokens, first + size - 1)
            if named and named[1] == first and tokens[after].lower == "to":  # "ambassador to the U.S.": not its
                return run[-1].end, country, institution
            if named and named[1] == first and not country:  # "a spokeswoman for the Chinese Foreign Ministry"
                return run[-1].end, named[0], name_key(" ".join(t.text for t in run))
    noun = tokens[after + 1]
    if tokens[after].lower == "of" and not noun.capitalised and tags.get(noun.start, "") in ("NN", "NNS") and \
            _adjacent(text, tokens[after], noun):
        return noun.end, country, institution
    return end, country, institution


_APPOSITION_LEADS = frozenset(("then", "now", "formerly", "also"))  # "Priebus, then the chief of staff,"


def _apposition_comma(text, tokens, first: int) -> int:
    """Where the comma is that opens an apposition at token `first` ("Kim, the leader", "Priebus,
    then the chief of staff"), or -1."""
    if first < 0 or first >= len(tokens):
        return -1
    start = tokens[first].start
    if first and tokens[first - 1].lower in _APPOSITION_LEADS and _adjacent(text, tokens[first - 1], tokens[first]):
        start = tokens[first - 1].start
    return start - 2 if text[start - 2:start] == ", " else -1


# --- Grouping ---------------------------------------------------------------------------------

class _Groups:
    """Union-find over mention indices, each union kept with its reason."""

    def __init__(self, size: int):
        self.parent = list(range(size))
        self.reasons: dict[int, list[str]] = defaultdict(list)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, reason: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.reasons[root_a].extend(self.reasons.pop(root_b, []))
            self.reasons[root_a].append(reason)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split(" ") if word and word not in LINK_WORDS)


_GENERATIONS = ("jr", "sr", "ii", "iii", "iv")  # after a surname; only the first two tell two people apart


def _person_like(name: str, spelled: str) -> bool:
    """A person's full name: two words or more, no acronym ("III" is a generation, not one)."""
    words = name.split(" ")
    acronym = any(word.lower() not in _GENERATIONS for word in re.findall(r"\b[A-Z]{2,}\b", spelled))
    return len(words) >= 2 and name not in COUNTRY_OF and not acronym and not any(
        word in w.ORG_HEADS or word in w.GEO_WORDS or word in w.TITLE_WORDS or word in LINK_WORDS
        or word in DEMONYM_OF for word in words)


def _grouped(mentions: list[Mention], outlet_countries: dict[str, str]) -> list[Actor]:
    groups = _Groups(len(mentions))
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        if mention.name and mention.kind != "description":
            by_name[COUNTRY_OF.get(mention.name, mention.name)].append(i)
    counts = Counter({name: len(members) for name, members in by_name.items()})
    names = list(by_name)
    people = _people(names, counts, by_name, groups, mentions)
    shared = _shared_surnames(names, people, by_name, groups, mentions)
    for name, members in by_name.items():  # rule 1 and rule 4
        if name in shared:  # "Trump" of Donald and of Melania: each mention is resolved on its own
            continue
        for i in members[1:]:
            reason = (f"“{mentions[i].text}” is another name of {name}" if name in {c for c, _, _ in w.COUNTRIES}
                      and mentions[i].name != name_key(name) else f"“{mentions[i].text}” repeats the name {name}")
            groups.union(members[0], i, reason)
    _link_compass_names(names, by_name, groups, mentions)
    _link_surnames(names, people, counts, by_name, groups, mentions, shared)
    _link_acronyms(names, counts, by_name, groups, mentions)
    _link_parties(names, by_name, groups, mentions)
    _link_descriptions(mentions, by_name, counts, groups, people, outlet_countries)
    return _actors(mentions, groups)


def _link_compass_names(names, by_name, groups, mentions) -> None:
    """Rule 4b: "the North", "the South" are the one country of the story whose name starts with
    that word ("North Korea"), when the story names exactly one such country."""
    for name in names:
        if name not in COMPASS:
            continue
        countries = [c for c in names if c in COUNTRY_NAMES and c.lower().startswith(f"{name} ")]
        if len(countries) == 1:
            groups.union(by_name[countries[0]][0], by_name[name][0],
                         f"“{mentions[by_name[name][0]].text}” is {countries[0]}, the only such country named")


class _People(NamedTuple):
    by_last: dict[str, list[str]]  # a last name -> the full names ending with it, most named first
    by_first: dict[str, list[str]]


def _people(names, counts, by_name, groups, mentions) -> _People:
    """The full names of people, by last and first name. Spellings of one person's full name
    ("Robert S. Mueller", "Robert Mueller"; "Bashar al-Assad", "Bashar Assad": the same first and
    last names) are joined here."""
    people = [name for name in names if _person_like(name, name_as_written(mentions[by_name[name][0]]))]
    by_last, by_first = defaultdict(list), defaultdict(list)
    full_names: dict[tuple[str, str, str], str] = {}
    for person in sorted(people, key=lambda p: (-counts[p], p)):
        parts = [p for p in person.split(" ") if p not in _GENERATIONS and len(p) > 1]
        if not parts:
            continue
        by_last[parts[-1]].append(person)
        by_first[parts[0]].append(person)
        if len(parts) > 1:  # "Donald Trump Jr." is not "Donald Trump", "Robert S. Mueller III" is "Robert Mueller"
            suffix = next((p for p in person.split(" ") if p in _GENERATIONS[:2]), "")
            same = full_names.setdefault((parts[0], parts[-1], suffix), person)
            if same != person:
                groups.union(by_name[same][0], by_name[person][0],
                             f"{person.title()} is {same.title()}, spelled otherwise")
    return _People(by_last, by_first)


def _surname_roots(name, people: _People, counts, by_name, groups) -> list[tuple[int, int]]:
    """The people a one-word name may be (their group roots), with how often each is named."""
    roots: Counter = Counter()
    for candidate in people.by_last.get(name) or people.by_first.get(name) or []:
        roots[groups.find(by_name[candidate][0])] += counts[candidate]
    return roots.most_common()


def _may_be_surname(name, by_name, mentions) -> bool:
    return " " not in name and name not in COUNTRY_OF and not mentions[by_name[name][0]].text.isupper()


def _shared_surnames(names, people: _People, by_name, groups, mentions) -> set[str]:
    """One-word names that two people of the story share, neither named twice as often as the other."""
    counts = Counter({name: len(members) for name, members in by_name.items()})
    shared = set()
    for name in names:
        if _may_be_surname(name, by_name, mentions):
            ranked = _surname_roots(name, people, counts, by_name, groups)
            if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
                shared.add(name)
    return shared


def _link_surnames(names, people: _People, counts, by_name, groups, mentions, shared: set[str]) -> None:
    """Rule 2: a one-word name is the person whose full name ends (or, failing that, starts) with
    it, when that person is named at least twice as often as any other such person. A name two
    people share is, mention by mention, the only one of them who holds its title ("President
    Trump"), else the one of them named in the NEAR characters before it in the same article, else
    the one named most."""
    for name in names:
        if not _may_be_surname(name, by_name, mentions):
            continue
        ranked = _surname_roots(name, people, counts, by_name, groups)
        if not ranked:
            continue
        if name not in shared:
            groups.union(ranked[0][0], by_name[name][0],
                         f"“{mentions[by_name[name][0]].text}” is the surname of {mentions[ranked[0][0]].text}")
            continue
        candidates = {root for root, _ in ranked}
        titles = defaultdict(set)  # the title words each candidate is named with
        for k, mention in enumerate(mentions):
            if mention.kind == "title" and groups.find(k) in candidates:
                titles[mention.head].add(groups.find(k))
        for i in by_name[name]:
            holders = titles.get(mentions[i].head, set()) if mentions[i].kind == "title" else set()
            near = _named_just_before(i, candidates, mentions, groups)
            if len(holders) == 1:
                root, how = next(iter(holders)), f"the one named “{mentions[i].head}”"
            elif near is not None:
                root, how = near, "named just before"
            else:
                root, how = groups.find(ranked[0][0]), "the one of that name named most"
            groups.union(root, i, f"“{mentions[i].text}” is {mentions[root].text}, {how}")


def _named_just_before(i: int, roots: set[int], mentions, groups) -> int | None:
    """The group, of `roots`, with a mention in the NEAR characters before mention i in its article."""
    mention = mentions[i]
    for k in range(i - 1, -1, -1):
        earlier = mentions[k]
        if earlier.article != mention.article or earlier.end < mention.start - NEAR:
            return None
        if groups.find(k) in roots:
            return groups.find(k)
    return None


def _link_acronyms(names, counts, by_name, groups, mentions) -> None:
    """Rule 3: an acronym is the most named name of two words or more whose initials it spells."""
    by_initials = defaultdict(list)
    for name in names:
        if " " in name:
            by_initials[_initials(name)].append(name)
    for name in names:
        first = mentions[by_name[name][0]]
        if " " in name or len(name) < 2 or not re.fullmatch(r"(?:[A-Z]\.?){2,}", first.text.strip("'\u2019s")):
            continue
        candidates = sorted(by_initials.get(name, []), key=counts.__getitem__, reverse=True)
        if candidates:
            groups.union(by_name[candidates[0]][0], by_name[name][0],
                         f"“{first.text}” is the initials of {mentions[by_name[candidates[0]][0]].text}")


def _link_parties(names, by_name, groups, mentions) -> None:
    """Rule 8: a party's adjective, a member, its members (in a chamber too) and its national
    committee are the party ("Democratic", "Democrat", "Democrats", "House Democrats",
    "Democratic National Committee" -> "Democratic Party"; "Conservatives" -> "Conservative Party")."""
    for name in names:
        words = name.split(" ")
        if len(words) == 2 and words[0] in CHAMBERS and words[1] in by_name and words[1].endswith("s"):
            groups.union(by_name[words[1]][0], by_name[name][0],  # "Senate Republicans" with no "Republican Party"
                         f"“{mentions[by_name[name][0]].text}” are {mentions[by_name[words[1]][0]].text}")
        if len(words) != 2 or words[1] != "party":
            continue
        adjective = words[0]
        stem = adjective[:-2] if adjective.endswith("ic") else adjective
        members = (f"{stem}s", f"{adjective}s")
        chambers = tuple(f"{chamber} {plural}" for chamber in CHAMBERS for plural in members)
        for other in (adjective, stem, *members, f"{adjective} national committee", *chambers):
            if other in by_name and other != name:
                groups.union(by_name[name][0], by_name[other][0],
                             f"“{mentions[by_name[other][0]].text}” is the {mentions[by_name[name][0]].text}")


NEAR = 300  # characters before a description (about two sentences) in which a foreign title holder must be named


def _link_descriptions(mentions: list[Mention], by_name, counts, groups, people: _People,
                       outlet_countries: dict[str, str]) -> None:
    """Rules 5 to 7 and 9, in text order within each article."""
    titles: dict[str, Counter] = defaultdict(Counter)  # head word -> named mention roots holding it
    for i, mention in enumerate(mentions):
        if mention.kind == "title" and mention.name:
            titles[mention.head][i] += 1
    countries = _root_countries(mentions, groups)
    roles = _root_roles(mentions, groups)
    home: dict[str, set[str]] = {}  # head word -> the countries of the story's main holder of that title
    for head, holders in titles.items():
        roots = Counter()
        for i, count in holders.items():
            roots[groups.find(i)] += count
        home[head] = countries.get(roots.most_common(1)[0][0], set())
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        by_article[mention.article].append(i)
    family_first: dict[str, int] = {}  # a label family -> its first mention in the story
    for members in by_article.values():
        recent: dict[str, list[int]] = defaultdict(list)  # head word -> the named mentions that held it here
        seen: list[int] = []  # named mentions so far in the article
        for position, i in enumerate(members):
            mention = mentions[i]
            if mention.name and mention.kind != "description":
                for head in {mention.head, mention.name.split(" ")[-1]}:
                    recent[head].append(i)
                seen.append(i)
                continue
            named_next = members[position + 1] if position + 1 < len(members) else None
            if mention.comma == mention.end and named_next is not None and mentions[named_next].name and \
                    mentions[named_next].kind != "description" and mentions[named_next].start == mention.end + 2:
                groups.union(named_next, i, f"“{mention.text}, {mentions[named_next].text}”: an apposition")
                continue
            context = _Context(mentions, groups, countries, home, seen, roles)
            holder = _holder_name(mention.holder, by_name, people)
            if holder:
                groups.union(*_government_holder(by_name[holder][0], mention, i, mentions, groups, by_name,
                                                 countries, outlet_countries))
                continue
            if family := w.FAMILY_OF.get(mention.head):  # rule 9: "migrants", "illegal aliens", "the caravan"
                first = family_first.setdefault(family, i)
                groups.union(first, i, f"“{mention.text}” names {family.lower()}, as “{mentions[first].text}” does")
                continue
            target, reason = _described(mention, recent, titles, counts, context)
            # "GOP candidates" are the party's where it is named, else its country's
            country = mention.name and (by_name.get(COUNTRY_OF.get(mention.name, mention.name))
                                        or by_name.get(INSTITUTION_OF.get(mention.name, "")))
            # "Russian officials", "a U.S. official" are the country; "the next U.S. secretary", unnamed, is no one yet
            if country and (mention.head not in w.PERSON_ROLES or (target is None and (
                    mention.head in _SPEAKING_FOR or mention.head in _LEADING))):  # "the North Korean leader", untitled
                target, reason = country[0], f"“{mention.text}” is said of {mentions[country[0]].text}"
                groups.union(target, i, reason)  # the country holds no title by it: "the campaign" stays free
                continue
            if target is None and not mention.name and mention.head in w.GOVERNMENT_ROLES:
                target, reason = context.nearby_country(mention)
            if target is not None:
                groups.union(target, i, reason)
                recent[mention.head].append(target)


def _holder_name(name: str, by_name, people: _People) -> str:
    """The named person a government is called after: the name itself, else the most named full
    name it is the surname of ("Trump administration" in a story that only says "Donald Trump")."""
    if not name:
        return ""
    if name in by_name:
        return name
    return next(iter(people.by_last.get(name, [])), "")


def _government_holder(holder: int, mention, i, mentions, groups, by_name, countries: dict[int, set[str]],
                       outlet_countries: dict[str, str]) -> tuple[int, int, str]:
    """The country of the person a government is called after, where it is named in the story:
    the one country their titles name, else, for an administration, the one their outlets are from
    ("the Trump administration" in American papers, not their "Maduro regime"); else the person."""
    person = groups.find(holder)
    theirs = [c for c in countries.get(person, ()) if c in by_name]
    if not theirs and mention.head == "administration":
        articles = {m.article for k, m in enumerate(mentions) if groups.find(k) == person}
        theirs = [c for c in [outlet_country(articles, outlet_countries)] if c in by_name]
    if len(theirs) == 1:
        country = by_name[theirs[0]][0]
        return country, i, f"“{mention.text}” is the government of {mentions[person].text}'s country"
    return person, i, f"“{mention.text}” is called after {mentions[person].text}"


class _Context(NamedTuple):
    mentions: list[Mention]
    groups: _Groups
    countries: dict[int, set[str]]  # root -> countries its titles name
    home: dict[str, set[str]]
    seen: list[int]
    roles: dict[int, list[set[str]]]  # root -> the words of each title it is named with

    def fits(self, holder: int, mention: Mention) -> bool:
        """Whether one of the holder's titles has every qualifier of the description and no lower
        rank than it: "the special counsel" is not "White House counsel Don McGahn", "the deputy
        attorney general" not "Attorney General Loretta Lynch", nor "the attorney general" the deputy."""
        wanted = _qualifiers(mention)
        titles = self.roles.get(self.groups.find(holder), ())
        return not titles or any(wanted <= words and not (words & _RANKS) - wanted for words in titles)

    def foreign(self, holder: int, head: str) -> bool:
        """A holder of the title from another country than the story's main holder of it."""
        own = self.countries.get(self.groups.find(holder), set())
        return bool(own) and own.isdisjoint(self.home.get(head, set()))

    def nearby_country(self, mention: Mention) -> tuple[int | None, str]:
        """Rule 6b: "the regime", "the government" with no holder is the country last named in the
        NEAR characters before it."""
        for k in reversed(self.seen):
            if self.mentions[k].end < mention.start - NEAR:
                break
            if self.mentions[k].name in COUNTRY_OF:
                return k, f"“{mention.text}” after “{self.mentions[k].text}”, the country named just before"
        return None, ""

    def near(self, holder: int, before: int) -> bool:
        """Whether the holder or its country is named in the NEAR characters before `before`."""
        root, own = self.groups.find(holder), self.countries.get(self.groups.find(holder), set())
        for k in reversed(self.seen):
            if self.mentions[k].end < before - NEAR:
                return False
            if self.groups.find(k) == root or COUNTRY_OF.get(self.mentions[k].name) in own:
                return True
        return False


# Words before a title's head that make it another office: "special counsel", "deputy director".
_QUALIFIERS = frozenset(
    "deputy assistant associate special first press national foreign prime former acting senior".split())
_RANKS = frozenset(("deputy", "assistant", "associate"))  # below the office they qualify


def _qualifiers(mention: Mention) -> set[str]:
    """The words a holder's title must share: qualifiers ("special", "deputy") and, in a
    description, an institution's name ("the F.B.I. director" is not the CIA's)."""
    head = set(mention.head.split(" "))
    words = role_words(mention.text)
    wanted = {word for word in words if word in _QUALIFIERS and word not in head}
    if mention.kind == "description":
        key = name_key(" ".join(name_key(word) for word in mention.text.split(" "))).split(" ")  # "FBI's"
        for size in (3, 2, 1):
            for k in range(len(key) - size + 1):
                if " ".join(key[k:k + size]) in INSTITUTION_OF:
                    wanted.update(key[k:k + size])
    return wanted


def _root_roles(mentions: list[Mention], groups: _Groups) -> dict[int, list[set[str]]]:
    """For each group of named mentions, the words of each of its titles."""
    found: dict[int, list[set[str]]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        if mention.kind == "title":
            found[groups.find(i)].append(role_words(title_words(mention)))
    return found


def _root_countries(mentions: list[Mention], groups: _Groups) -> dict[int, set[str]]:
    """For each group of named mentions, the countries its titles name ("Russian President ...")."""
    found: dict[int, set[str]] = defaultdict(set)
    for i, mention in enumerate(mentions):
        if mention.kind == "title":
            role = title_words(mention)
            found[groups.find(i)].update(countries_named(name_key(role)))
        elif mention.name in COUNTRY_OF and mention.kind != "description":
            found[groups.find(i)].add(COUNTRY_OF[mention.name])
    return found


# Person roles that speak for a country's state rather than hold one office: "a U.S. official".
_SPEAKING_FOR = frozenset("official aide adviser advisor diplomat spokesman spokeswoman spokesperson".split())

# Heads of a description that may stand for a country's leader whatever their title: "the Syrian
# leader" is Assad, titled "President"; "the Russian ambassador" is not Putin.
_LEADING = frozenset("leader ruler dictator strongman despot tyrant autocrat counterpart".split())


def _described(mention, recent, titles, counts, context: _Context):
    mentions, seen = context.mentions, context.seen
    for k in reversed(seen[-3:] if mention.comma >= 0 else ()):  # past "Mr. Trump" in "Kudlow, Mr. Trump's adviser"
        if mentions[k].end == mention.comma:
            return k, f"“{mentions[k].text}, {mention.text}”: an apposition"
    holders = titles.get(mention.head, {})
    if mention.name:  # "the French president": a holder of that title from that country
        country = COUNTRY_OF.get(mention.name) or INSTITUTION_OF.get(mention.name)
        holders = {i: n for i, n in holders.items() if country in context.countries.get(context.groups.find(i), ())}
        if not holders and mention.head in _LEADING:  # "the Syrian leader": its most titled person
            holders = {i: n for heads in titles.values() for i, n in heads.items()
                       if country in context.countries.get(context.groups.find(i), ())}
    else:
        for target in reversed(recent.get(mention.head, [])):
            # "the president" after "Russian President Putin" in a story whose president is Trump:
            # Putin only where he or Russia was just named
            if context.fits(target, mention) and (
                    not context.foreign(target, mention.head) or context.near(target, mention.start)):
                return target, f"“{mention.text}” after “{mentions[target].text}” in the same article"
        holders = {i: n for i, n in holders.items() if not context.foreign(i, mention.head)}
    holders = {i: n for i, n in holders.items() if context.fits(i, mention)}
    if holders:
        roots = Counter()
        for i, count in holders.items():
            roots[context.groups.find(i)] += count
        best = roots.most_common(1)[0][0]
        return best, f"“{mention.text}”: the title most often held by {mentions[best].text}"
    return None, ""


def _actors(mentions: list[Mention], groups: _Groups) -> list[Actor]:
    members: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        members[groups.find(i)].append(mention)
    actors = []
    for root, group in members.items():
        named = [m for m in group if m.kind != "description"]
        family = w.FAMILY_OF.get(group[0].head, "") if not named else ""
        if len(group) < MIN_MENTIONS or not (named or family):
            continue
        actors.append(Actor(_display_name(group) if named else family, tuple(group),
                            tuple(dict.fromkeys(groups.reasons.get(root, [])))))
    actors.sort(key=lambda a: (-len(a.mentions), a.name))
    taken: Counter = Counter()
    unique = []
    for actor in actors:  # two rows of one display name would merge in the span table: tell them apart
        taken[actor.name] += 1
        unique.append(actor if taken[actor.name] == 1 else Actor(f"{actor.name} ({taken[actor.name]})",
                                                                 actor.mentions, actor.reasons))
    return unique


def _display_name(group: list[Mention]) -> str:
    names = Counter(COUNTRY_OF.get(m.name, m.name) for m in group if m.name and m.kind != "description")
    countries = [name for name in names if name in {c for c, _, _ in w.COUNTRIES}]
    if countries:
        return max(countries, key=names.__getitem__)
    # A full name: one written twice, or given with a title, or spelled out by an acronym in the row;
    # a full name written once otherwise may be a slip ("Obstructionist Democrats" opening a quote).
    initials = {name for name in names if " " not in name}
    titled = {m.name for m in group if m.kind == "title"}
    part = {name for name in names if name.split(" ", 1)[0] in CHAMBERS and name.split(" ", 1)[-1] in names}
    full = [name for name in names if " " in name and name not in part and (
        names[name] >= 2 or name in titled or _initials(name) in initials
        or name.split(" ")[-1] in initials or name.split(" ")[0] in initials)]
    best = max(full or [name for name in names if name not in part] or names, key=lambda n: (names[n], len(n)))
    spelled = Counter(name_as_written(m) for m in group if m.name == best and m.kind != "description")
    return spelled.most_common(1)[0][0] if spelled else best.title()


