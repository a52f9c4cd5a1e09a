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
   "the company" is the subject before it, its chief's employer, or the organisation the article is about;
7. "the Post" is the organisation named earlier whose name ends in that word ("the Washington Post").
A row needs two mentions and one of them a name; descriptions that join no name are dropped.
Work is linear in the text: one tokenising pass and dictionary look-ups.

This module composes the steps, each in its own module: finding mentions (names in `actor_mentions`,
descriptions in `description_mentions`, over the tokens of `mention_tokens`), grouping them into
actors by name (`actor_linking`) and by description (`actor_descriptions`, over the groups of
`actor_union`), each actor's country (`actor_groups`) and a teacher's corrections
(`actor_corrections`); `actor_names` holds what they share.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import pairwise

from framing import actor_words as w
from framing.actor_corrections import Corrections
from framing.actor_groups import with_groups
from framing.actor_linking import grouped, name_initials, person_like
from framing.actor_mentions import Token, article_mentions, headline_mentions, opens_a_sentence, story_places
from framing.actor_names import (
    COUNTRY_OF,
    DEMONYM_OF,
    INSTITUTION_OF,
    Actor,
    Mention,
    country_named_by,
    name_as_written,
    name_key,
)
from framing.resources import FUNCTION_WORDS
from framing.spans import ArticleAnalysis, with_spans
from framing.speakers import attribute
from framing.text import sentence_bounds, sentence_index

ACTOR_CATEGORY = "actors"


def discover_actors(texts: dict[str, str], countries: dict[str, str] | None = None,
                    datelines: tuple[str, ...] = ()) -> list[Actor]:
    """The actors of a story from its articles' cleaned texts (article id -> text), most named
    first, each with its group; `countries` gives each article's outlet country, where known, and
    `datelines` the datelines cleaning took off ("MINNEAPOLIS (AP) —"), whose places name no actor."""
    body: dict[str, list[Mention]] = {}
    headlines: dict[str, list[list[Token]]] = {}
    for article, text in texts.items():
        body[article], headlines[article] = article_mentions(article, text)
    month_surnames = frozenset(m.name.rsplit(" ", 1)[-1] for found in body.values() for m in found
                               if m.kind != "description" and " " in m.name
                               and m.name.rsplit(" ", 1)[-1] in w.MONTHS_THAT_NAME)
    if month_surnames:  # "Theresa May" named: "May" alone is she, "in May" still the month
        for article, text in texts.items():
            body[article], headlines[article] = article_mentions(article, text, month_surnames)
    left_out = _common_words(texts, body) | story_places(texts, datelines) | _event_names(texts, body)  # "for World",
    # "Memphis police", "Maria" after "Hurricane Maria"
    body = {article: [m for m in found if m.name not in left_out or m.kind != "name"]
            for article, found in body.items()}
    body = _names_joined_by_and(body, texts)
    known: dict[str, bool] = {}  # a name the body writes -> whether it is written only in capitals ("US", "IS")
    for found in body.values():
        for m in found:
            if m.name and m.kind != "description":
                known[m.name] = known.get(m.name, True) and name_as_written(m).isupper()
    mentions: list[Mention] = []
    for article, text in texts.items():
        titled = [m for line in headlines[article] for m in headline_mentions(article, text, line, known)]
        starts = [start for start, _ in sentence_bounds(text)]
        mentions.extend(replace(m, sentence=sentence_index(starts, m.start))
                        for m in sorted([*body[article], *titled], key=lambda m: m.start))
    return with_groups(grouped(mentions, countries or {}, _known_as(mentions, texts)), countries, texts)


def _names_joined_by_and(body: dict[str, list[Mention]], texts: dict[str, str]) -> dict[str, list[Mention]]:
    """Two names written "A and B" that are one organisation's name, joined into one mention: where
    neither is written but so ("A and B", or A before "and" and a title: "Customs and Border
    Protection Commissioner Kevin McAleenan"), B is no country or institution ("Congress"), and
    the story writes the acronym of the whole ("CBP"), or writes the whole twice or more, or B ends
    in an organisation's word ("Senate Environment and Public Works Committee"; then B may be written
    alone too, where A does not end so); or A and B, one word each, are only ever written so, in two
    articles or more, as a duo's name is ("Diamond and Silk"; not "Harry and Meghan" beside "Prince
    Harry", nor "Israel and Hamas"). "Russia and China", "Yale College and Yale Law School" stay
    two: each part is named alone too, or is a whole name."""
    acronyms = {m.name for found in body.values() for m in found if m.kind == "name" and " " not in m.name
                and name_as_written(m).replace(".", "").isupper()}
    alone = Counter(m.name for found in body.values() for m in found if m.kind == "name")
    before_and, after_and, written = Counter(), Counter(), Counter()
    written_in: dict[str, set[str]] = defaultdict(set)  # the articles that write "A and B"
    # any other name a part is a word of ("Prince Harry", "Meghan Markle"): the part is named apart
    words_of_others = Counter(word for found in body.values() for m in found
                              if m.kind != "description" and (" " in m.name or m.kind != "name")
                              for word in m.name.split(" "))
    for found in body.values():
        for first, second in pairwise(found):
            if first.kind == "name" and texts[first.article][first.end:second.start] in _AND:
                before_and[first.name] += 1
                if second.kind == "name":
                    after_and[second.name] += 1
                    written[f"{first.name} and {second.name}"] += 1
                    written_in[f"{first.name} and {second.name}"].add(first.article)
    joined = {}
    for article, found in body.items():
        merged, skip = {}, set()
        for k, (first, second) in enumerate(pairwise(found)):
            whole = f"{first.name} and {second.name}"
            # "House Energy" is never written but before "and": "Commerce Committee" may be written alone
            # too and still end it, as the short name of the whole (not "Yale College", itself a name)
            unfinished = second.head in w.ORG_HEADS and first.head not in w.ORG_HEADS
            pair = len(written_in[whole]) >= 2 and alone[first.name] == before_and[first.name] == written[whole] and (
                alone[second.name] == after_and[second.name] == written[whole]) and not (
                words_of_others[first.name] or words_of_others[second.name])
            if k in skip or not written[whole] or second.kind != "name" or (whole.count(" ") < 3 and not pair) or (
                    second.name in COUNTRY_OF or second.name in INSTITUTION_OF) or (
                    alone[first.name] > before_and[first.name]) or (
                    alone[second.name] > after_and[second.name] and not unfinished) or not (
                    name_initials(whole) in acronyms or written[whole] >= 2 or second.head in w.ORG_HEADS):
                continue
            merged[k] = replace(second, start=first.start, text=texts[article][first.start:second.end], name=whole)
            skip.update((k, k + 1))
        joined[article] = [merged.get(k, m) for k, m in enumerate(found) if k not in skip or k in merged]
    return joined


_AND = (" and ", " & ")
_KNOWN_AS = re.compile(r",? (?:better |also |formerly |previously |now |widely )?known as (?:the )?")
_BRACKETED = re.compile(r"\(([A-Z]\.?){2,6}\)")  # "Superior Electoral Court (TSE)"


def _known_as(mentions: list[Mention], texts: dict[str, str]) -> list[tuple[int, int, str]]:
    """Pairs of names news gives one actor in a row, by their mentions' indices, with how the text
    says so: "the Family Federation for World Peace and Unification, better known as the
    Unification Church"; an organisation's initials in brackets after its name, which may be those
    of its name in its own language ("Superior Electoral Court (TSE)", not "Bob Smith (R)")."""
    pairs = []
    for k, (first, second) in enumerate(pairwise(mentions)):
        if first.article != second.article or not first.kind == second.kind == "name":
            continue
        text = texts[first.article]
        if _KNOWN_AS.fullmatch(text, first.end, second.start):
            pairs.append((k, k + 1, "is better known as"))
        elif text[first.end:second.start] == " (" and _BRACKETED.fullmatch(text, second.start - 1, second.end + 1) \
                and " " in first.name and not person_like(first.name, first.text):
            pairs.append((k, k + 1, "is written in brackets as"))
    return pairs


_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]+(?![\w'\u2019-])")


def _event_names(texts: dict[str, str], body: dict[str, list[Mention]]) -> set[str]:
    """The names of events the story writes with their kind ("Hurricane Maria", "Tropical Storm
    Harvey"): written alone later ("since Maria"), they are the event still, not an actor; unless a
    person of the story has that first name ("Maria Lopez"), whom it may be."""
    first_names = {m.name.split(" ", 1)[0] for found in body.values() for m in found
                   if m.kind != "description" and " " in m.name}
    return {name_key(found.group(1)) for text in texts.values() for found in _EVENT_NAME.finditer(text)} - first_names


_EVENT_KINDS = "|".join(sorted((word.capitalize() for word in w.EVENT_FIRST_WORDS), key=len, reverse=True))
_EVENT_NAME = re.compile(rf"\b(?:{_EVENT_KINDS}) ([A-Z][a-z]+)\b(?! [A-Z])")


def _common_words(texts: dict[str, str], body: dict[str, list[Mention]]) -> set[str]:
    """Names that are common words capitalised for emphasis ("a great thing for World", "suspend
    all Nuclear Tests"): every word of the name is written in lower case in the story three times
    as often as the name is written or more ("Target shares fell" keeps Target), or the name is one
    word that only ever opens a sentence or a quotation and is written in lower case too
    ('"Delusional, paranoid," she wrote' beside 'called him "delusional"'); and the name is no
    country, institution, organisation, person given a title or honorific, nor a part of a longer
    name ("May" of "Theresa May")."""
    lower = Counter(word for text in texts.values() for word in _LOWER_WORD.findall(text))
    written: Counter = Counter()
    opening: Counter = Counter()  # how often a name opens a sentence or a quotation
    addressed = set()
    for article, found in body.items():
        for m in found:
            if m.kind == "name":
                written[m.name] += 1
                opening[m.name] += opens_a_sentence(texts[article], m.start)
            elif m.kind in ("title", "honorific"):
                addressed.add(m.name)
    parts = {word for name in [*written, *addressed] if " " in name for word in name.split(" ")}  # "Theresa May"
    return {name for name, count in written.items()
            if name not in addressed and name not in parts and not country_named_by(name)
            and name.split(" ")[-1] not in w.ORG_HEADS
            and not any(word in DEMONYM_OF for word in name.split(" "))
            and (all(lower[word] >= 3 * count for word in name.split(" ")) or (
                opening[name] == count and " " not in name and lower[name] > 0))}


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
    datelines = tuple(piece.text for doc in documents for piece in doc.cleaned.removed if piece.reason == "dateline")
    actors = discover_actors({doc.article.id: doc.text for doc in documents}, countries, datelines)
    if corrections:
        actors = with_groups(corrections.applied(actors), countries, {doc.article.id: doc.text for doc in documents})
    owner = {(m.article, m.start): actor for actor in actors for m in actor.mentions}
    people = {actor.name for actor in actors if person_like(name_key(actor.name), actor.name)}
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
    organisations = frozenset(actor.name for actor in actors if _an_organisation(actor))
    updated = []
    for doc in documents:
        spans = [span._replace(referent="") if k in blanked[doc.article.id] else span
                 for k, span in enumerate(doc.spans)]
        attributions, quote_attributions = attribute(doc.text, list(doc.sentences), list(doc.quote_regions),
                                                     _actor_lookup(_speaking_mentions(actors, doc.article.id)),
                                                     organisations)
        bare = replace(doc, attributions=tuple(attributions), quote_attributions=tuple(quote_attributions), spans=())
        added = [(span.start, span.end, span.term, span.category, span.referent) for span in spans]
        added += [(m.start, m.end, m.kind, ACTOR_CATEGORY, referent[actor.name]) for m, actor in kept[doc.article.id]]
        updated.append(with_spans(bare, added))
    return tuple(updated), actors


def _an_organisation(actor: Actor) -> bool:
    """An actor described by an organisation's word ("the company", "the party") and never given a
    title or honorific: "he" never stands for it (speaker rule 5)."""
    return not any(m.kind in ("title", "honorific") for m in actor.mentions) and any(
        m.kind == "description" and (m.head in w.ORGANISATION_ROLES or m.head in w.GROUP_ROLES)
        for m in actor.mentions)


def _speaking_mentions(actors: list[Actor], article: str) -> list[tuple[int, int, str]]:
    """An article's mentions, (start, end, actor), that may name a speaker: a description ("the
    adviser said") only once its actor has been named in the article, as readers resolve it; one
    given by the story-wide fallback of rule 6 is left to the speaker rules' own."""
    found = sorted((m.start, m.end, m.kind, actor.name) for actor in actors for m in actor.mentions
                   if m.article == article)
    named: set[str] = set()
    kept = []
    for start, end, kind, name in found:
        if kind != "description":
            named.add(name)
        if kind != "description" or name in named:
            kept.append((start, end, name))
    return kept


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
