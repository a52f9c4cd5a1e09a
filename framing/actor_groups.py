"""The second level of the naming table: the country each actor belongs to (a country itself, a
country's institution, the country its titles name, its outlets' country...), with why."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from framing import actor_words as w
from framing.actor_names import (
    CHAMBERS,
    COUNTRY_NAMES,
    INSTITUTION_OF,
    Actor,
    countries_named,
    country_named_by,
    name_key,
    outlet_country,
    role_words,
    title_words,
)


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
