"""The second level of the naming table: the country each actor belongs to (a country itself, a
country's institution, the country its titles name, its outlets' country...), with why."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import pairwise

from framing import actor_words as w
from framing.actor_linking import person_like
from framing.actor_names import (
    CHAMBERS,
    COUNTRY_NAMES,
    COUNTRY_OF,
    INSTITUTION_OF,
    Actor,
    Mention,
    countries_named,
    country_named_by,
    name_key,
    outlet_country,
    role_words,
    title_words,
)


def with_groups(actors: list[Actor], countries: dict[str, str] | None = None,
                texts: dict[str, str] | None = None) -> list[Actor]:
    """Each actor with the country it belongs to, by the first rule that gives one:
    1. a country is its own group, and a state of the United States is that country's;
    2. a country's institution, party or state media by its usual name ("FBI", "White House",
       "Kremlin", "KCNA": `actor_words.NATIONAL_INSTITUTIONS`), or an institution whose name holds
       a country ("Russian Foreign Ministry", "South Korean military", "Spanish Senate"); a chamber
       named bare ("the House") is the one the story names in full ("the House of Commons"); a
       name several countries' bodies bear ("Labour Party") is the one of theirs the story names most;
    3. the country most often named in its titles and descriptions, by a demonym, a country's name
       or an institution already grouped ("Japanese Prime Minister Shinzo Abe", "U.S. officials",
       "CIA Director Mike Pompeo", "DNC Chairman Tom Perez", "the North Korean leader"), or just
       before a title or a name ("Turkey's President Erdogan", "China's Commerce Ministry",
       "Labour leader Jeremy Corbyn");
    3b. a person titled by an organisation of no country: that organisation ("WHO Director-General
       Tedros", "UAW President Shawn Fain");
    3c. a person titled pope or cardinal, in a story that names the Vatican: the Vatican;
    4. a person with a title ("President Trump", "Sen. Cruz") where no country is named: the country
       of the outlets that name them, when they all give the same one, unless a sign says they are
       another country's: a title that country has no office of ("King Salman", "Foreign Secretary"),
       or a regime called after them ("the Maduro regime", where the outlets' own is an
       "administration"); then the country named most around their mentions, where one clearly is,
       else none (an epithet such as "strongman" and a church's title are no titles here);
    5. a person described as someone's ("Mr. Trump's chief economic adviser"): that person's group;
    else the actor is a group of its own. `texts` (article id -> cleaned text) shows rule 3 what
    lies between two mentions."""
    countries = countries or {}
    signs = _Signs(actors, texts or {})
    shared = _shared_institutions(actors)
    own = {actor.name: _own_group(actor) or _shared_group(actor, shared) for actor in actors}
    first = {actor.name: _chamber_group(actor, own) or own[actor.name] for actor in actors}
    grouped_names = dict(shared)  # a mention's name -> the group of an actor grouped by rules 1 and 2
    for actor in actors:
        if first[actor.name]:
            for mention in actor.mentions:
                if mention.name:
                    grouped_names[mention.name] = first[actor.name][0]
    named = {actor.name: first[actor.name] or _titled_group(actor, grouped_names, signs) for actor in actors}
    organisations = {  # of no country; "the House" is rule 4's
        mention.name: actor.name for actor in actors if not named[actor.name] and name_key(actor.name) not in
        _BARE_CHAMBERS and not person_like(name_key(actor.name), actor.name)
        for mention in actor.mentions if mention.name and mention.kind == "name"}
    result = []
    for actor in actors:
        group, reason = (named[actor.name] or _organisation_group(actor, organisations) or _church_group(actor, own)
                         or _outlet_group(actor, countries, signs) or ("", ""))
        result.append(replace(actor, group=group, group_reason=reason))
    return _someones_group(result)


def _organisation_group(actor: Actor, organisations: dict[str, str]) -> tuple[str, str] | None:
    """Rule 3b: a person titled by an organisation of no country ("WHO Director-General Tedros",
    "UAW President Shawn Fain") is of that organisation."""
    for mention in actor.mentions:
        if mention.kind == "title":
            found = [name for name in countries_named(name_key(title_words(mention)), organisations)
                     if name in organisations.values() and name != actor.name]
            if found:
                return found[0], f"“{mention.text}” names {found[0]}"
    return None


def _church_group(actor: Actor, own: dict[str, tuple[str, str] | None]) -> tuple[str, str] | None:
    """Rule 3c: a person titled pope or cardinal, in a story that names the Vatican, is the Vatican's."""
    title = next((m for m in actor.mentions if m.kind == "title" and m.head in w.VATICAN_TITLES), None)
    if title is None or "Vatican" not in own:
        return None
    return "Vatican", f"“{title.text}” is a title of the Catholic Church, whose seat the story names"


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
        return actor.name, "a bloc or region of its own" if actor.name in w.NOT_STATES else "a country"
    if actor.name in w.LABEL_FAMILIES:  # "Central American migrants" are not the United States'
        return actor.name, "a group named by what it is, which no country's name holds"
    key = name_key(actor.name)
    chamber, _, members = key.partition(" ")
    if key not in INSTITUTION_OF and chamber in CHAMBERS and members in INSTITUTION_OF:
        key = members  # "Senate Republicans"
    if key in INSTITUTION_OF:
        return INSTITUTION_OF[key], f"{actor.name} is an institution of {INSTITUTION_OF[key]}"
    body, _, place = key.rpartition(" of ")
    if body.split(" ")[-1] in w.ORG_HEADS and (country := COUNTRY_OF.get(place)):  # "Communist Party of China"
        return country, f"its name, {actor.name}, names {country}"
    if key in w.US_STATES:
        return "United States", f"{actor.name} is a state of the United States"
    words = key.split(" ")
    if len(words) > 1 and words[-1] in w.STATE_HEADS and (named := countries_named(" ".join(words[:-1]))):
        country = named.most_common(1)[0][0]
        return country, f"its name, {actor.name}, names {country}"
    return None


def _shared_institutions(actors: list[Actor]) -> dict[str, str]:
    """Rule 2, a name several countries' bodies bear ("Labour Party"): the country, of those that
    have one, that the story names most, by each name; none where it names none of them."""
    named = Counter({actor.name: len(actor.mentions) for actor in actors if actor.name in COUNTRY_NAMES})
    found = {}
    for name, holders in w.SHARED_INSTITUTIONS.items():
        ranked = [(named[country], country) for country in holders if named[country]]
        if ranked:
            found[name_key(name)] = max(ranked)[1]
    return found


def _shared_group(actor: Actor, shared: dict[str, str]) -> tuple[str, str] | None:
    """Rule 2 for an actor whose name several countries' bodies bear: the country `shared` gives it."""
    country = shared.get(name_key(actor.name))
    return (country, f"{actor.name} is a name many countries' bodies bear; the story names {country} most of them"
            ) if country else None


# Chambers a story may name bare ("the House", "the Senate") after naming them in full.
_BARE_CHAMBERS = frozenset("house senate congress parliament assembly commons".split())


def _chamber_group(actor: Actor, own: dict[str, tuple[str, str] | None]) -> tuple[str, str] | None:
    """Rule 2, a bare chamber: the country of the chambers of that name the story names in full
    ("the House of Commons", "the Spanish Senate"), when they are all of one country."""
    key = name_key(actor.name)
    if key not in _BARE_CHAMBERS:
        return None
    found: dict[str, str] = {}
    for name, group in own.items():
        words = name_key(name).split(" ")
        if group and len(words) > 1 and (words[:2] == [key, "of"] or words[-1] == key):
            found.setdefault(group[0], name)
    if len(found) != 1:
        return None
    country, full = next(iter(found.items()))
    return country, f"“{actor.name}” is the {full} named in full, of {country}"


_JUST_BEFORE = re.compile(r"(?:['\u2019]s?)?[ \t]+")  # "Turkey's President", "Labour leader"
_AROUND = 150  # characters either side of a mention in which the countries around it are counted


class _Signs:
    """What the text shows of an actor's country besides its own words: a country or institution
    just before a mention, the countries named around its mentions, governments called after it."""

    def __init__(self, actors: list[Actor], texts: dict[str, str]):
        by_article: dict[str, list[tuple[Mention, str]]] = defaultdict(list)  # with the actor's name
        self.countries_at: dict[str, list[tuple[int, str]]] = defaultdict(list)  # article -> (start, country)
        self.regimes: Counter = Counter()  # a name -> the foreign-style governments called after it
        self.administrations: Counter = Counter()
        for actor in actors:
            for mention in actor.mentions:
                by_article[mention.article].append((mention, actor.name))
                if actor.name in COUNTRY_NAMES:
                    self.countries_at[mention.article].append((mention.start, actor.name))
                if mention.holder and mention.head in w.FOREIGN_GOVERNMENT_HEADS:
                    self.regimes[mention.holder] += 1
                elif mention.holder and mention.head == "administration":
                    self.administrations[mention.holder] += 1
        self.before: dict[tuple[str, int], tuple[str, str]] = {}  # a mention -> (country, the words)
        for article, found in by_article.items():
            text = texts.get(article, "")
            found.sort(key=lambda pair: pair[0].start)
            for (left, of), (right, _) in pairwise(found):  # "the communist country's" too
                country = of if of in COUNTRY_NAMES else INSTITUTION_OF.get(left.name)
                if country and _JUST_BEFORE.fullmatch(text, left.end, right.start):
                    self.before[article, right.start] = country, text[left.start:right.end]

    def country_before(self, actor: Actor, mention: Mention) -> tuple[str, str] | None:
        """The country named just before a title, or before the name of a person or a state body."""
        if mention.kind == "name":
            key = name_key(actor.name)
            last = key.split(" ")[-1]
            state_body = last in w.STATE_HEADS or last == "party" or key in _BARE_CHAMBERS  # "China's Communist Party"
            if not (state_body or person_like(key, actor.name)):  # not "Russia's Facebook ads"
                return None
        elif mention.kind not in ("title", "honorific"):
            return None
        return self.before.get((mention.article, mention.start))

    def regime_of(self, actor: Actor) -> bool:
        """Whether the story calls more regimes than administrations after this person."""
        names = {part for m in actor.mentions if m.name and m.kind != "description"
                 for part in (m.name, m.name.split(" ")[-1])}
        return sum(self.regimes[n] for n in names) > sum(self.administrations[n] for n in names)

    def country_around(self, actor: Actor, other_than: str) -> str:
        """The country, not `other_than`, named most within _AROUND characters of the actor's
        mentions, where it is named at least twice and twice as often as any other; else ""."""
        votes: Counter = Counter()
        for mention in actor.mentions:
            votes.update({country for start, country in self.countries_at[mention.article]
                          if mention.start - _AROUND <= start <= mention.end + _AROUND and country != other_than})
        (country, count), (_, second) = [*votes.most_common(2), ("", 0), ("", 0)][:2]
        return country if count >= 2 and count >= 2 * second else ""


def _titled_group(actor: Actor, grouped_names: dict[str, str], signs: _Signs) -> tuple[str, str] | None:
    """Rule 3: the country its titles and descriptions name most often, or named just before it."""
    votes: Counter = Counter()
    example: dict[str, str] = {}
    for mention in actor.mentions:
        if before := signs.country_before(actor, mention):
            votes[before[0]] += 1
            example.setdefault(before[0], before[1])
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


# "columnist Jamal Khashoggi" holds no office; "Justice Sonia Sotomayor" does
_PERSON_TITLES = (w.PERSON_ROLES | w.TITLE_WORDS | {"justice"}) - w.JOB_ROLES - w.CHURCH_TITLES


def _outlet_group(actor: Actor, countries: dict[str, str], signs: _Signs) -> tuple[str, str] | None:
    """Rule 4: a titled person named with no country, in outlets of one country, unless a sign
    says they are another country's: then the country named most around them, or none."""
    titles = [m for m in actor.mentions if m.kind == "title" and m.head.split(" ")[-1] in _PERSON_TITLES
              and m.head.split(" ")[-1] not in w.EPITHET_ROLES]
    chamber = name_key(actor.name) in w.INSTITUTIONS  # "the House", "the Senate": the outlets' country's
    country = outlet_country({m.article for m in actor.mentions}, countries) if titles or chamber else ""
    if chamber and country and name_key(actor.name) not in w.OFFICES_NOT_HELD.get(country, ()):
        return country, f"a legislature named with no country, in outlets from {country}"
    if not country or chamber:
        return None
    not_held = w.OFFICES_NOT_HELD.get(country, frozenset())
    other = next((f"“{m.text}” is no office of {country}" for m in titles if role_words(title_words(m)) & not_held),
                 f"a regime is called after {actor.name}" if signs.regime_of(actor) else "")
    if not other:
        return country, f"titled with no country named, in outlets from {country}"
    around = signs.country_around(actor, other_than=country)
    return (around, f"{other}; {around} is the country named most around it") if around else None
