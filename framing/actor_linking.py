"""Which mentions are one actor (the first level of the naming table): the same name, a surname,
an acronym, a country's other names, a party's members, each union kept with its reason (the rules
of `framing/actors.py`); then the descriptions (`framing/actor_descriptions.py`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from framing import actor_words as w
from framing.actor_descriptions import link_descriptions
from framing.actor_names import (
    CHAMBERS,
    COMPASS,
    COUNTRY_NAMES,
    COUNTRY_OF,
    DEMONYM_OF,
    INSTITUTION_OF,
    LINK_WORDS,
    NICKNAME,
    Actor,
    Mention,
    name_as_written,
    name_key,
)
from framing.actor_union import GENERATIONS, NEAR, Groups, People

MIN_MENTIONS = 2


def name_initials(name: str) -> str:
    """A name's initials as its acronym spells them ("customs and border protection": "cbp")."""
    return "".join(word[0] for word in name.split(" ") if word and word not in LINK_WORDS)




def person_like(name: str, spelled: str) -> bool:
    """A person's full name: two words or more, no acronym ("III" is a generation, not one)."""
    words = name.split(" ")
    acronym = any(word.lower() not in GENERATIONS for word in re.findall(r"\b[A-Z]{2,}\b", spelled))
    particles = {word for word in spelled.split(" ") if word in w.NAME_PARTICLES}  # "de" of "Bill de Blasio"
    return len(words) >= 2 and name not in COUNTRY_OF and not acronym and not any(
        word in w.ORG_HEADS or word in w.GEO_WORDS or word in w.TITLE_WORDS or word in DEMONYM_OF
        or (word in LINK_WORDS and word not in particles) for word in words)


def grouped(mentions: list[Mention], outlet_countries: dict[str, str],
            known_as: list[tuple[int, int, str]] = ()) -> list[Actor]:
    """The actors the mentions of a story make, by the rules in turn, each with the reasons for its
    unions; `known_as` pairs mentions of two names the text gives one actor ("X, better known as Y"),
    each with the words that say how."""
    groups = Groups(len(mentions))
    for first, second, how in known_as:  # rule 1c
        groups.union(second, first, f"“{mentions[first].text}” {how} {mentions[second].text}")
    mentions = _surnames_not_countries(mentions)
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        if mention.name and mention.kind != "description":
            by_name[_spelled_out(COUNTRY_OF.get(mention.name, mention.name))].append(i)
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
    _link_short_forms(names, by_name, groups, mentions)
    _link_surnames(names, people, counts, by_name, groups, mentions, shared)
    _link_acronyms(names, counts, by_name, groups, mentions)
    _link_parties(names, by_name, groups, mentions, people)
    link_descriptions(mentions, by_name, counts, groups, people, outlet_countries)
    return _actors(mentions, groups)


def _spelled_out(name: str) -> str:
    """A name with its short forms written out: "the Fed" is the Federal Reserve, "Federal Deposit
    Insurance Corp." the "... Corporation" (`SHORT_NAMES`, `SPELLED_OUT_HEADS`)."""
    if name in w.SHORT_NAMES:
        return w.SHORT_NAMES[name]
    rest, _, last = name.rpartition(" ")
    return f"{rest} {w.SPELLED_OUT_HEADS[last]}" if rest and last in w.SPELLED_OUT_HEADS else name


def _surnames_not_countries(mentions: list[Mention]) -> list[Mention]:
    """After a titled person whose surname is a country's name ("Sheriff Scott Israel"), that
    name alone in the same article is the person ("Israel said"), not the country."""
    titled: dict[tuple[str, str], str] = {}  # (article, the surname) -> the full name
    kept = []
    for mention in mentions:
        words = mention.name.split(" ")
        if mention.kind == "title" and len(words) > 1 and words[-1] in COUNTRY_OF and mention.name not in COUNTRY_OF:
            titled.setdefault((mention.article, words[-1]), mention.name)
        full = titled.get((mention.article, mention.name)) if mention.kind == "name" else None
        kept.append(replace(mention, name=full) if full else mention)
    return kept


# Last words an organisation's name is also written without: "Harvard University" is "Harvard",
# "Hawaiian Electric Co." is "Hawaiian Electric".
_DROPPED_HEADS = frozenset("university college co corp inc ltd llc plc company corporation".split())


def _link_short_forms(names, by_name, groups, mentions) -> None:
    """Rule 1b: an organisation's name without its last word, where that word is one news drops
    (`_DROPPED_HEADS`); a country's names are keyed by the country, so "Washington University"
    is not Washington."""
    for name in names:
        rest, _, last = name.rpartition(" ")
        if last not in _DROPPED_HEADS or rest not in by_name:
            continue
        if last in ("university", "college") and person_like(rest, name_as_written(mentions[by_name[rest][0]])):
            continue  # George Washington is not George Washington University
        groups.union(by_name[name][0], by_name[rest][0],
                     f"“{mentions[by_name[rest][0]].text}” is {mentions[by_name[name][0]].text} written short")


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


def _people(names, counts, by_name, groups, mentions) -> People:
    """The full names of people, by last and first name. Spellings of one person's full name
    ("Robert S. Mueller", "Robert Mueller"; "Bashar al-Assad", "Bashar Assad": the same first and
    last names; "Charles E. Grassley", "Chuck Grassley": a first name and its short form) are
    joined here."""
    people = [name for name in names if person_like(name, name_as_written(mentions[by_name[name][0]]))]
    by_last, by_first, by_middle = defaultdict(list), defaultdict(list), defaultdict(list)
    full_names: dict[tuple[str, str, str], str] = {}
    for person in sorted(people, key=lambda p: (-counts[p], p)):
        parts = [p for p in person.split(" ") if p not in GENERATIONS and len(p) > 1]
        if not parts:
            continue
        by_last[parts[-1]].append(person)
        if transliterated(parts[-1]) != parts[-1]:  # "Zelensky" alone finds "Volodymyr Zelenskyy"
            by_last[transliterated(parts[-1])].append(person)
        by_first[parts[0]].append(person)
        for part in parts[1:-1]:
            if part not in w.NAME_PARTICLES:
                by_middle[part].append(person)
        if len(parts) > 1:  # "Donald Trump Jr." is not "Donald Trump", "Robert S. Mueller III" is "Robert Mueller"
            suffix = next((p for p in person.split(" ") if p in GENERATIONS[:2]), "")
            same = full_names.setdefault(
                (w.NICKNAMES.get(parts[0], parts[0]), transliterated(parts[-1]), suffix), person)
            if same != person:
                groups.union(by_name[same][0], by_name[person][0],
                             f"{person.title()} is {same.title()}, spelled otherwise")
    _link_name_tails(people, by_name, groups)
    _link_family_names_first(people, by_name, groups)
    _link_quoted_nicknames(people, by_name, groups, mentions)
    return People(by_last, by_first, by_middle)


def transliterated(word: str) -> str:
    """A name as its spellings in the Latin alphabet agree on: a doubled letter written once and a
    final "iy" as "y" ("Zelenskyy", "Zelensky", "Zelenskiy"; "Gaddafi", "Gadafi")."""
    return re.sub(r"iy$", "y", re.sub(r"(\w)\1+", r"\1", word))


def _link_family_names_first(people: list[str], by_name, groups) -> None:
    """A two-word name written family name first is the person written the other way round
    ("Yamagami Tetsuya", "Tetsuya Yamagami"), as Japanese, Chinese and Korean names are in news."""
    for person in people:
        first, _, last = person.partition(" ")
        reversed_name = f"{last} {first}"
        if " " not in last and reversed_name in by_name and reversed_name < person:
            groups.union(by_name[reversed_name][0], by_name[person][0],
                         f"{person.title()} is {reversed_name.title()}, the family name written first")


_QUOTES = " \"\u201c\u201d"


def _link_quoted_nicknames(people: list[str], by_name, groups, mentions) -> None:
    """A name with a nickname in quotes is the person the nickname names with the same last name
    ('William "Brock" Long' is Brock Long)."""
    for person in people:
        for i in by_name[person]:
            nickname = NICKNAME.search(mentions[i].text)
            called = f"{name_key(nickname.group().strip(_QUOTES))} {person.split(' ')[-1]}" if nickname else ""
            if called in by_name and called != person:
                groups.union(by_name[called][0], i, f"“{mentions[i].text}” is {called.title()}, by the nickname")


def _link_name_tails(people: list[str], by_name, groups) -> None:
    """A person's two-word name that ends one longer full name is that person ("Blasey Ford" of
    "Christine Blasey Ford", "Mr. Rees-Mogg" of "Jacob Rees-Mogg")."""
    longer: dict[str, list[str]] = defaultdict(list)
    for person in people:
        words = person.split(" ")
        for k in range(1, len(words) - 1):
            longer[" ".join(words[k:])].append(person)
    for person in people:
        if person.count(" ") >= 1 and len(longer.get(person, ())) == 1:
            full = longer[person][0]
            groups.union(by_name[full][0], by_name[person][0], f"{person.title()} is the end of {full.title()}")


def _surname_roots(name, people: People, counts, by_name, groups, mentions) -> list[tuple[int, int]]:
    """The people a one-word name may be (their group roots), with how often each is named; a
    name a royal title is given is the first name of someone royal ("King Salman" is not
    "Mohammed bin Salman", "Crown Prince Mohammed" is, "Sheikh Mohammed" is not; "Queen Elizabeth"
    is not Elizabeth Warren)."""
    royal = _royal(name, by_name, mentions)
    candidates = [person for person in people.by_first.get(name, []) if royal & _royal(person, by_name, mentions)] \
        if royal else people.by_last.get(name) or people.by_last.get(transliterated(name)) or (
            [] if name in w.IDENTITY_ADJECTIVES else people.by_first.get(name) or people.by_middle.get(name)) or []
    roots: Counter = Counter()
    for candidate in candidates:
        roots[groups.find(by_name[candidate][0])] += counts[candidate]
    return roots.most_common()


def _royal(name: str, by_name, mentions) -> set[str]:
    """The royal titles a name is given ("prince" of "Crown Prince Mohammed")."""
    return {mentions[i].head for i in by_name[name]
            if mentions[i].kind == "title" and mentions[i].head in w.ROYAL_TITLES}


def _may_be_surname(name, by_name, mentions) -> bool:
    return " " not in name and name not in COUNTRY_OF and not mentions[by_name[name][0]].text.isupper()


def _shared_surnames(names, people: People, by_name, groups, mentions) -> set[str]:
    """One-word names that two people of the story share, neither named twice as often as the other."""
    counts = Counter({name: len(members) for name, members in by_name.items()})
    shared = set()
    for name in names:
        if _may_be_surname(name, by_name, mentions):
            ranked = _surname_roots(name, people, counts, by_name, groups, mentions)
            if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
                shared.add(name)
    return shared


def _link_surnames(names, people: People, counts, by_name, groups, mentions, shared: set[str]) -> None:
    """Rule 2: a one-word name is the person whose full name ends (or, failing that, starts, or
    holds it inside: "Lula" of "Luiz Inácio Lula da Silva") with it, when that person is named at
    least twice as often as any other such person. A name two people share is, mention by mention,
    the only one of them who holds its title ("President Trump"), else the one of them named in the
    NEAR characters before it in the same article, else the one named most."""
    for name in names:
        if not _may_be_surname(name, by_name, mentions):
            continue
        ranked = _surname_roots(name, people, counts, by_name, groups, mentions)
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
    """Rule 3: an acronym is the most named name of two words or more whose initials it spells,
    or those of its words before an "and" ("CDC" of "Centers for Disease Control and Prevention")."""
    by_initials = defaultdict(list)
    for name in names:
        if " " in name:
            by_initials[name_initials(name)].append(name)
            before_and = name_as_written(mentions[by_name[name][0]]).split(" and ")[0]
            if before_and.count(" ") and (shorter := name_initials(name_key(before_and))) != name_initials(name):
                by_initials[shorter].append(name)
    for name in names:
        first = mentions[by_name[name][0]]
        if " " in name or len(name) < 2 or not re.fullmatch(r"(?:[A-Z]\.?){2,}", first.text.strip("'\u2019s")):
            continue
        candidates = sorted(by_initials.get(name, []), key=counts.__getitem__, reverse=True)
        if candidates:
            groups.union(by_name[candidates[0]][0], by_name[name][0],
                         f"“{first.text}” is the initials of {mentions[by_name[candidates[0]][0]].text}")


def _link_parties(names, by_name, groups, mentions, people: People) -> None:
    """Rule 8: a party's adjective, a member, its members (in a chamber too) and its national
    committee are the party ("Democratic", "Democrat", "Democrats", "House Democrats",
    "Democratic National Committee" -> "Democratic Party"; "Conservatives" -> "Conservative Party")."""
    for name in names:
        _link_members(name, by_name, groups, mentions, people)
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


_MEMBER_ENDINGS = ("an", "at", "ist", "er", "i", "ic")  # Catalan, Democrat, Socialist, Brexiteer, Israeli


def _link_members(name: str, by_name, groups, mentions, people: People) -> None:
    """Rule 8b: a group's plural name is one actor with its member and adjective ("Democrats",
    "Democrat", "Democratic"; "Catalans", "Catalan"; "Yellow Vests", "Yellow Vest"), with or
    without a party's name written, and a party's nickname is the party ("GOP", "Tories"). A
    person's name is left alone ("Adams" is not "Adam")."""
    for nickname, adjective in w.PARTY_NICKNAMES.items():
        if name in (f"{adjective}s", f"{adjective} party") and nickname in by_name:
            nick, party = mentions[by_name[nickname][0]].text, mentions[by_name[name][0]].text
            groups.union(by_name[name][0], by_name[nickname][0], f"“{nick}” is what news calls {party}")
    if not name.endswith("s") or len(name) < 4:
        return
    singular = name[:-1]
    if " " not in name and (name in people.by_last or singular in people.by_last or singular in people.by_first
                            or not singular.endswith(_MEMBER_ENDINGS)):  # not "Giants", "Giant"
        return
    for member in (singular, f"{singular}ic"):  # "Democrat", "Democratic"
        if member in by_name:
            groups.union(by_name[name][0], by_name[member][0],
                         f"“{mentions[by_name[member][0]].text}” is one of {mentions[by_name[name][0]].text}")


def _actors(mentions: list[Mention], groups: Groups) -> list[Actor]:
    members: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        members[groups.find(i)].append(mention)
    actors = []
    for root, group in members.items():
        named = [m for m in group if m.kind != "description"]
        family = w.FAMILY_OF.get(group[0].head, "") if not named else ""
        if len(group) < MIN_MENTIONS or not (named or family) or _only_a_place(group) or (named and all(
                m.name in w.NOT_ACTORS for m in named)) or (named and all(  # "May was the hottest month"
                set(m.name.split(" ")) <= w.IDENTITY_ADJECTIVES for m in named)):  # "a Black teacher", "a Muslim"
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


def _only_a_place(group: list[Mention]) -> bool:
    """A name only ever written as a place or a modifier, or in headlines ("in Istanbul", "a
    Florida high school", "the Maria death toll"), that is no country or institution: no actor."""
    return all(m.kind == "name" and m.placed for m in group) and not any(
        m.name in COUNTRY_OF or m.name in INSTITUTION_OF for m in group)


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
        names[name] >= 2 or name in titled or name_initials(name) in initials
        or name.split(" ")[-1] in initials or name.split(" ")[0] in initials)]
    best = max(full or [name for name in names if name not in part] or names, key=lambda n: (names[n], len(n)))
    spelled = Counter(written for m in group if m.name == best and m.kind != "description"
                      and (" " in name_key(written := name_as_written(m))) == (" " in best))  # not "Israel"
    return spelled.most_common(1)[0][0] if spelled else best.title()
