"""Which mentions are one actor (the first level of the naming table): the same name, a surname,
an acronym, a country's other names, a party's members, and descriptions joined to the holder they
stand for, each union kept with its reason (the rules of `framing/actors.py`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from framing import actor_words as w
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
    countries_named,
    name_as_written,
    name_key,
    outlet_country,
    role_words,
    title_words,
)

MIN_MENTIONS = 2


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

    def size(self, i: int) -> int:
        """How many mentions i's group holds: each union added one reason."""
        return len(self.reasons.get(self.find(i), ())) + 1

    def union(self, a: int, b: int, reason: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.reasons[root_a].extend(self.reasons.pop(root_b, []))
            self.reasons[root_a].append(reason)


def name_initials(name: str) -> str:
    """A name's initials as its acronym spells them ("customs and border protection": "cbp")."""
    return "".join(word[0] for word in name.split(" ") if word and word not in LINK_WORDS)


_GENERATIONS = ("jr", "sr", "ii", "iii", "iv")  # after a surname; only the first two tell two people apart


def person_like(name: str, spelled: str) -> bool:
    """A person's full name: two words or more, no acronym ("III" is a generation, not one)."""
    words = name.split(" ")
    acronym = any(word.lower() not in _GENERATIONS for word in re.findall(r"\b[A-Z]{2,}\b", spelled))
    particles = {word for word in spelled.split(" ") if word in w.NAME_PARTICLES}  # "de" of "Bill de Blasio"
    return len(words) >= 2 and name not in COUNTRY_OF and not acronym and not any(
        word in w.ORG_HEADS or word in w.GEO_WORDS or word in w.TITLE_WORDS or word in DEMONYM_OF
        or (word in LINK_WORDS and word not in particles) for word in words)


def grouped(mentions: list[Mention], outlet_countries: dict[str, str],
            known_as: list[tuple[int, int, str]] = ()) -> list[Actor]:
    """The actors the mentions of a story make, by the rules in turn, each with the reasons for its
    unions; `known_as` pairs mentions of two names the text gives one actor ("X, better known as Y"),
    each with the words that say how."""
    groups = _Groups(len(mentions))
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
    _link_descriptions(mentions, by_name, counts, groups, people, outlet_countries)
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


class _People(NamedTuple):
    by_last: dict[str, list[str]]  # a last name -> the full names ending with it, most named first
    by_first: dict[str, list[str]]
    by_middle: dict[str, list[str]]  # "lula" of "Luiz Inácio Lula da Silva"


def _people(names, counts, by_name, groups, mentions) -> _People:
    """The full names of people, by last and first name. Spellings of one person's full name
    ("Robert S. Mueller", "Robert Mueller"; "Bashar al-Assad", "Bashar Assad": the same first and
    last names; "Charles E. Grassley", "Chuck Grassley": a first name and its short form) are
    joined here."""
    people = [name for name in names if person_like(name, name_as_written(mentions[by_name[name][0]]))]
    by_last, by_first, by_middle = defaultdict(list), defaultdict(list), defaultdict(list)
    full_names: dict[tuple[str, str, str], str] = {}
    for person in sorted(people, key=lambda p: (-counts[p], p)):
        parts = [p for p in person.split(" ") if p not in _GENERATIONS and len(p) > 1]
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
            suffix = next((p for p in person.split(" ") if p in _GENERATIONS[:2]), "")
            same = full_names.setdefault(
                (w.NICKNAMES.get(parts[0], parts[0]), transliterated(parts[-1]), suffix), person)
            if same != person:
                groups.union(by_name[same][0], by_name[person][0],
                             f"{person.title()} is {same.title()}, spelled otherwise")
    _link_name_tails(people, by_name, groups)
    _link_family_names_first(people, by_name, groups)
    _link_quoted_nicknames(people, by_name, groups, mentions)
    return _People(by_last, by_first, by_middle)


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


def _surname_roots(name, people: _People, counts, by_name, groups, mentions) -> list[tuple[int, int]]:
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


def _shared_surnames(names, people: _People, by_name, groups, mentions) -> set[str]:
    """One-word names that two people of the story share, neither named twice as often as the other."""
    counts = Counter({name: len(members) for name, members in by_name.items()})
    shared = set()
    for name in names:
        if _may_be_surname(name, by_name, mentions):
            ranked = _surname_roots(name, people, counts, by_name, groups, mentions)
            if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
                shared.add(name)
    return shared


def _link_surnames(names, people: _People, counts, by_name, groups, mentions, shared: set[str]) -> None:
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


def _link_parties(names, by_name, groups, mentions, people: _People) -> None:
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


_NAMED_BY_NO_HEAD = frozenset(("group",))  # "the militant group" is not "Eurasia Group" by its last word
_MEMBER_ENDINGS = ("an", "at", "ist", "er", "i", "ic")  # Catalan, Democrat, Socialist, Brexiteer, Israeli


def _link_members(name: str, by_name, groups, mentions, people: _People) -> None:
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


NEAR = 300  # characters before a description (about two sentences) in which a foreign title holder must be named


def _link_descriptions(mentions: list[Mention], by_name, counts, groups, people: _People,
                       outlet_countries: dict[str, str]) -> None:
    """Rules 5 to 7 and 9, in text order within each article."""
    titles: dict[str, Counter] = defaultdict(Counter)  # head word -> roots holding it, with how often
    for i, mention in enumerate(mentions):  # one entry per person, not per mention: a description
        if mention.kind == "title" and mention.name:  # is weighed against each holder once
            titles[mention.head][groups.find(i)] += 1
    countries = _root_countries(mentions, groups)
    roles = _root_roles(mentions, groups)
    employers = _employers(mentions, groups, by_name)
    name_words: dict[int, set[str]] = defaultdict(set)  # root -> the words of all its names ("SVB": its bank's)
    for i, mention in enumerate(mentions):
        if mention.name and mention.kind != "description":
            name_words[groups.find(i)].update(mention.name.split(" "))
    name_heads: dict[int, set[str]] = defaultdict(set)  # root -> its longer names' last words ("EPA": agency)
    for i, mention in enumerate(mentions):
        if " " in mention.name and mention.kind == "name" and mention.name not in COUNTRY_OF:
            name_heads[groups.find(i)].add(mention.name.rsplit(" ", 1)[-1])
    home: dict[str, set[str]] = {}  # head word -> the countries of the story's main holder of that title
    for head, holders in titles.items():
        home[head] = countries.get(holders.most_common(1)[0][0], set())
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        by_article[mention.article].append(i)
    family_first: dict[str, int] = {}  # a label family -> its first mention in the story
    persons = {groups.find(i) for i, mention in enumerate(mentions) if mention.name and _is_person(mention, people)}
    titled = {groups.find(i) for i, mention in enumerate(mentions) if mention.kind in ("title", "honorific")}
    spelled_out = {w.FAMILY_OF[m.head] for m in mentions if m.head in w.SPELLING_OUT}  # "police officers"
    called: dict[str, list[int]] = defaultdict(list)  # a description's head -> what it was linked to
    # an organisation word left unlinked, its article's named mentions, how many of them came before it
    unlinked: list[tuple[int, list[int], int]] = []
    for members in by_article.values():
        recent: dict[str, list[int]] = defaultdict(list)  # head word -> the named mentions that held it here
        seen: list[int] = []  # named mentions so far in the article
        for position, i in enumerate(members):
            mention = mentions[i]
            if mention.name and mention.kind != "description":  # a person is no "church" by his surname
                heads = ({mention.head} if mention.kind == "title" else set()) if groups.find(i) in titled else {
                    mention.head, mention.name.split(" ")[-1], *name_heads.get(groups.find(i), ())}
                for head in heads:
                    recent[head].append(i)
                seen.append(i)
                continue
            named_next = members[position + 1] if position + 1 < len(members) else None
            if mention.comma == mention.end and named_next is not None and mentions[named_next].name and \
                    mentions[named_next].kind != "description" and mentions[named_next].start == mention.end + 2:
                groups.union(named_next, i, f"“{mention.text}, {mentions[named_next].text}”: an apposition")
                called[mention.head].append(named_next)
                continue
            if named_next is not None and groups.find(named_next) not in titled and _names_an_organisation(
                    mention, mentions[named_next]):
                groups.union(named_next, i, f"“{mention.text} {mentions[named_next].text}”: the organisation named")
                called[mention.head].append(named_next)
                continue
            context = _Context(mentions, groups, countries, home, seen, roles, name_words, employers)
            if mention.pronoun:  # rule 6d: "his country", "her government", whoever "his" is
                owner = _pronoun_owner(mentions, members[:position], mention, groups, persons)
                target, reason = _owned_country(owner, mention, i, context, persons, by_name,
                                                outlet_countries) if owner is not None else (None, "")
                if target is not None:  # not a holder for "the federal government" after "his own government"
                    groups.union(target, i, reason)
                continue
            holder = _holder_name(mention.holder, by_name, people)
            if holder:
                government, _, reason = _government_holder(by_name[holder][0], mention, i, mentions, groups, by_name,
                                                           countries, outlet_countries)
                groups.union(government, i, reason)
                recent[mention.head].append(government)  # "The administration" after "the Biden administration"
                continue
            family = w.FAMILY_OF.get(mention.head, "")
            if family and (mention.head not in w.ONLY_WITH_KIN or (family in spelled_out and not mention.name)):
                first = family_first.setdefault(family, i)
                groups.union(first, i, f"“{mention.text}” names {family.lower()}, as “{mentions[first].text}” does")
                continue
            target, reason = _described(mention, recent, titles, counts, context) if (
                mention.head not in _NAMED_BY_NO_HEAD or mention.comma >= 0) else (None, "")
            if target is None and mention.whose in by_name and mention.head in w.PERSON_ROLES:
                target, reason = context.employee(mention, by_name[mention.whose][0])  # "the Facebook founder"
            # "GOP candidates" are the party's where it is named, else its country's
            country = mention.name and (by_name.get(COUNTRY_OF.get(mention.name, mention.name))
                                        or by_name.get(INSTITUTION_OF.get(mention.name, "")))
            # "Russian officials", "a U.S. official" are the country; "the next U.S. secretary", unnamed, is no one yet
            if country and mention.head not in _COMPANY_WORDS and mention.head not in w.PLACE_ROLES and (
                    mention.head not in w.PERSON_ROLES or (target is None and (
                    mention.head in _SPEAKING_FOR or mention.head in _LEADING))):  # "the North Korean leader", untitled
                target, reason = country[0], f"“{mention.text}” is said of {mentions[country[0]].text}"
                groups.union(target, i, reason)  # the country holds no title by it: "the campaign" stays free
                continue
            if target is None and (not mention.name or mention.head in w.PLACE_ROLES) and (
                    mention.head in w.GOVERNMENT_ROLES) and (
                    mention.head != "kingdom" or mention.text.lower() == "the kingdom"):  # not "the animal kingdom"
                target, reason = context.nearby_country(mention)
            if target is None and mention.head in w.PLACE_ROLES:
                target, reason = _the_one_place(mention, by_name, counts, seen, mentions)
            if target is None and not mention.name and mention.text.lower().startswith("the ") and (
                    mention.head in w.STANDING_ROLES or mention.head in w.ORGANISATION_ROLES):
                target, reason = context.subject_before(mention, people)
            if target is not None:
                groups.union(target, i, reason)
                recent[mention.head].append(target)
                called[mention.head].append(target)
            elif mention.text.lower().startswith("the ") and (
                    (mention.head in _COMPANY_WORDS and mention.name in ("", *COUNTRY_OF))  # "the British data firm"
                    or (mention.head in _TRADE_WORDS and not mention.name and " of " not in mention.text
                        and _NOT_THE_SAME.isdisjoint(mention.text.lower().split(" ")))) and (
                    not context.opened_by_an_organisation(mention, people)):  # "Hertz will sell. The company"
                unlinked.append((i, seen, len(seen)))
    _link_left_over_words(mentions, groups, people, unlinked, called)


def _the_one_place(mention: Mention, by_name, counts: Counter, seen: list[int],
                   mentions: list[Mention]) -> tuple[int | None, str]:
    """Rule 6b, failing a place named just before: "the island" is the one island of the kinds
    it may be (`COUNTRY_EPITHETS`) that the story names, where the article named it before and the
    story names no country more ("In Hawaii, fires burned across the island" is not Japan's)."""
    fitting = [name for name in _epithet_countries(mention) or () if name in by_name]
    countries = [name for name in counts if name in {c for c, _, _ in w.COUNTRIES}]
    if len(fitting) != 1 or max(countries, key=counts.__getitem__) != fitting[0] or not any(
            COUNTRY_OF.get(mentions[k].name) == fitting[0] for k in seen):
        return None, ""
    return by_name[fitting[0]][0], f"“{mention.text}”: the one {mention.head} the story names, {fitting[0]}"


def _names_an_organisation(mention: Mention, following: Mention) -> bool:
    """Whether an organisation's description is followed at once by its name ("the political data
    firm Zenix", "the militant group Hamas"), not by a place's, a country's or an owner's ("told the
    group Russia had", "gave the committee Trump's returns"); the caller rules out a titled person."""
    return following.start == mention.end + 1 and following.kind == "name" and (
        mention.head in w.ORGANISATION_ROLES or mention.head in w.GROUP_ROLES) and not mention.name and (
        mention.text.split(" ", 1)[0].lower() in ("the", "a", "an")) and not following.placed and (
        following.name not in COUNTRY_OF) and not following.text.endswith(("'s", "’s", "'", "’"))


# Organisation words that news gives the organisation a story is about ("the company", "the social
# network", "the bloc"); not "the group" or "the movement", which a story may use of several.
_COMPANY_WORDS = frozenset("company firm network giant platform bloc".split())
# Words for a person by trade that news gives the person a story is about ("the billionaire", "the
# 33-year-old executive", "the CEO").
_TRADE_WORDS = frozenset("billionaire mogul tycoon businessman businesswoman executive ceo founder boss".split())
_NOT_THE_SAME = frozenset("new next incoming future interim acting".split())  # "the new executive" is someone else


def _link_left_over_words(mentions: list[Mention], groups: _Groups, people: _People,
                          unlinked: list[tuple[int, list[int], int]], called: dict[str, list[int]]) -> None:
    """Rule 6e: "the company", "the firm" left unlinked (the sentence before names no one it could
    be) is the organisation named earlier in the article that the story calls so elsewhere ("Zenix,
    a data firm"), else the one of them the story names most, twice as often as any other and three
    times or more. "The bloc" and other words of a kind only where the name is of that kind, and
    then the one of that kind. "The billionaire", "the CEO" likewise, among the people."""
    persons = {groups.find(i) for i, mention in enumerate(mentions) if mention.name and _is_person(mention, people)}
    roles = _root_roles(mentions, groups)
    for i, seen, before in unlinked:
        mention = mentions[i]
        kind = w.ORGANISATION_KINDS.get(mention.head)
        wants_person = mention.head in _TRADE_WORDS
        candidates: dict[int, int] = {}  # root -> its latest mention before this one
        for k in seen[:before]:
            other, root = mentions[k], groups.find(k)
            if other.placed or (root in persons) != wants_person or other.name in w.FAMILY_OF or (
                    wants_person and any(words & w.TITLE_WORDS - w.COMPANY_TITLES for words in roles.get(root, ()))):
                continue  # "the CEO" is no senator's nor the pope's
            if kind.isdisjoint(other.name.split(" ")) if kind is not None else (
                    other.name in COUNTRY_OF or other.name in INSTITUTION_OF):
                continue  # "the bloc" is the EU, not Acme; "the company" is no state's
            candidates[root] = k
        if not candidates:
            continue
        so_called = Counter(groups.find(k) for k in called.get(mention.head, ()) if groups.find(k) in candidates)
        if so_called:
            (best, most), (_, second) = [*so_called.most_common(2), (None, 0)][:2]
            if second < most:
                groups.union(candidates[best], i, f"“{mention.text}” is what the story calls "
                                                 f"{mentions[candidates[best]].text} elsewhere")
            continue
        (most, best), (second, _) = [*sorted(((groups.size(root), root) for root in candidates), reverse=True),
                                     (0, None)][:2]
        if (most >= 3 and most >= 2 * second) or (kind is not None and second == 0):
            groups.union(candidates[best], i, f"“{mention.text}” in an article about "
                                             f"{mentions[candidates[best]].text}, the "
                                             f"{'person' if wants_person else 'organisation'} it names most")


def _is_person(mention: Mention, people: _People) -> bool:
    """A title or honorific mention, or a name that is or ends a person's full name."""
    last = next((word for word in reversed(mention.name.split(" ")) if word not in _GENERATIONS), "")
    return mention.kind in ("title", "honorific") or last in people.by_last


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


def _pronoun_owner(mentions: list[Mention], earlier: list[int], mention: Mention, groups: _Groups,
                   persons: set[int]) -> int | None:
    """Whom "his" or "her" stands for: the one person named before it in its sentence (no one where
    two are: "Zelenskyy said Putin wanted to destroy his country"), else the subject of the sentence
    before, if a person."""
    same = [k for k in earlier if mentions[k].sentence == mention.sentence]
    people = [k for k in same if groups.find(k) in persons or (
        mentions[k].kind == "description" and mentions[k].head in w.PERSON_ROLES)]
    if len({groups.find(k) for k in people}) > 1:
        return None
    if people:  # a name, a description read as someone's ("The president ... his"), or a role of a
        k = people[-1]  # country's ("Iran's security chief warned that his country")
        return k if groups.find(k) in persons or _state_of(mentions[k].name) else None
    before = [k for k in earlier if mentions[k].sentence == mention.sentence - 1]
    named = before and mentions[before[0]].kind != "description" and groups.find(before[0]) in persons
    return before[0] if named else None


def _state_of(name: str) -> str:
    """The state a name or its institution stands for ("russia", "pentagon"), not a bloc's ("nato")."""
    country = COUNTRY_OF.get(name) or INSTITUTION_OF.get(name, "")
    return "" if country in w.NOT_STATES else country


def _owned_country(owner: int, mention, i, context: _Context, persons: set[int], by_name,
                   outlet_countries) -> tuple:
    """The country "his country" or "her government" is, where its owner has one: a country its
    role is named by, or the one their titles name (for a president's administration, else their
    outlets'); never the owner himself: "his government" is no person."""
    mentions, groups = context.mentions, context.groups
    other, root = mentions[owner], groups.find(owner)
    if root not in persons:  # "Iran's security chief warned that his country"
        country = by_name.get(_state_of(other.name))
        return (country[0], f"“{mention.text}”: that of {other.text}, named before it") if country else (None, "")
    presides = any("president" in words for words in context.roles.get(root, ()))
    fallback = outlet_countries if presides else {}  # "Gov. Ann Reed said her administration": not the outlets'
    country, _, _ = _government_holder(owner, mention, i, mentions, groups, by_name, context.countries, fallback)
    if groups.find(country) == root:
        return None, ""
    return country, f"“{mention.text}”: that of {mentions[root].text}, named before it, of {mentions[country].text}"


class _Context(NamedTuple):
    mentions: list[Mention]
    groups: _Groups
    countries: dict[int, set[str]]  # root -> countries its titles name
    home: dict[str, set[str]]
    seen: list[int]
    roles: dict[int, list[set[str]]]  # root -> the words of each title it is named with
    name_words: dict[int, set[str]]  # root -> the words of all its names
    employers: dict[int, list[int]]  # a person's root -> a mention of each organisation its titles name

    def fits(self, holder: int, mention: Mention) -> bool:
        """Whether one of the holder's titles has every qualifier of the description and no lower
        rank than it: "the special counsel" is not "White House counsel Don McGahn", "the deputy
        attorney general" not "Attorney General Loretta Lynch", nor "the attorney general" the deputy."""
        wanted = _qualifiers(mention)
        titles = self.roles.get(self.groups.find(holder), ())
        return not titles or any(wanted <= words and not (words & _RANKS) - wanted for words in titles)

    def named_by_its_words(self, mention: Mention, candidates: list[int]) -> set[int] | None:
        """The candidates' actors whose names hold the words a description puts before its head,
        where any does ("the electoral court" is the Superior Electoral Court, not the Supreme
        Court named after it), else None: any candidate may be meant ("the top court")."""
        words = role_words(mention.text) - {"the", "a", "an", *mention.head.split(" ")}
        roots = {self.groups.find(k) for k in candidates}
        holding = {root for root in roots if words and words <= self.name_words.get(root, set())}
        return holding or None

    def latest_named_first(self, candidates: list[int], mention: Mention) -> list[int]:
        """The candidates, latest first by when their actor was last named in the article, by any
        name, not by when it was last given the title ("Obama did not enforce it. Trump praised the
        strike. The president": Trump); the subject of the description's own sentence goes last
        ("Macron spoke after the president" is not Macron). Only the last RECENT_NAMES named
        mentions are looked at, so that a long article costs the same per description: holders
        named longer ago keep the order of their titles."""
        rank, subject = {}, set()
        for position, k in enumerate(reversed(self.seen[-RECENT_NAMES:])):
            root = self.groups.find(k)
            rank.setdefault(root, position)
            if self.mentions[k].sentence == mention.sentence and self.opens_its_sentence(k):
                subject.add(root)
        return sorted(reversed(candidates), key=lambda k: (
            self.groups.find(k) in subject, rank.get(self.groups.find(k), RECENT_NAMES)))

    def foreign(self, holder: int, head: str) -> bool:
        """A holder of the title from another country than the story's main holder of it."""
        own = self.countries.get(self.groups.find(holder), set())  # no one holds it: no home to differ from
        return bool(own) and head in self.home and own.isdisjoint(self.home[head])

    def nearby_country(self, mention: Mention) -> tuple[int | None, str]:
        """Rule 6b: "the regime", "the government" with no holder is the country last named in the
        NEAR characters before it that is a state (not a bloc or a region: "the country's exit from
        the bloc") and fits the description's epithet ("the communist country" is not the U.S.);
        "the island" or "the territory", one of the places of that word, a state or not."""
        fitting = _epithet_countries(mention)
        for k in reversed(self.seen):
            if self.mentions[k].end < mention.start - NEAR:
                break
            country = COUNTRY_OF.get(self.mentions[k].name)
            if country and (country not in w.NOT_STATES or mention.head in w.PLACE_ROLES) and (
                    fitting is None or country in fitting):
                return k, f"“{mention.text}” after “{self.mentions[k].text}”, the country named just before"
        return None, ""

    def subject_before(self, mention: Mention, people: _People) -> tuple[int | None, str]:
        """Rule 6c: "the suspect", "the company" with no holder of that word (and no name and comma
        right before it, rule 5: "Acme, the company that ...") is the subject of the nearest
        sentence before it (the first actor that sentence names), in the NEAR characters before,
        if that is a person (or, for an
        organisation's word, an organisation) the story names twice or more: news names its
        subject, then describes it ("Facebook was fined. The company said ..."). "The suspect"
        after "Police arrested Ana Ortiz." is no one's. "The union" or "the utility" only where the
        subject's name is of that kind (actor_words.ORGANISATION_KINDS), which makes a name shaped
        like a person's ("Dock Workers") an organisation here. A group of people is no organisation
        ("Police arrested Ann Cole. Cole said she hated the group")."""
        if " of " in mention.text:
            return None, ""
        wants_person = mention.head in w.STANDING_ROLES
        for k in reversed(self.seen):
            other = self.mentions[k]
            if other.end < mention.start - NEAR:
                break
            if other.sentence > mention.sentence or other.placed or not self.opens_its_sentence(k):
                continue  # a place is no subject: "In Texas, Acme was fined."
            kind = w.ORGANISATION_KINDS.get(mention.head)
            words = self.name_words.get(self.groups.find(k), set()) | set(other.name.split(" "))
            of_kind = kind is not None and not kind.isdisjoint(words) and not self.addressed_as_person(k)
            # "Dock Workers ... The union"; "SVB"; not "Frank Church, the former senator, ... The church"
            if _is_person(other, people) and not of_kind and not wants_person:  # "Acme CEO Jo Bloggs said the company"
                employer = self.employer(k)
                if employer is None:
                    return None, ""
                return employer, (f"“{mention.text}” after “{other.text}”, whose title names "
                                  f"{self.mentions[employer].text}")
            if other.sentence == mention.sentence:
                continue
            unfit = kind is not None and not of_kind  # "GM ... The union"
            named_as_state = (other.name in COUNTRY_OF or other.name in INSTITUTION_OF) and not of_kind  # not NATO
            named_as_state = named_as_state or other.name in w.FAMILY_OF  # nor a group of people: "Police"
            if (_is_person(other, people) and not of_kind) != wants_person or named_as_state or unfit or (
                    self.groups.size(k) < 2) or self.holds_an_office(k, mention):
                return None, ""  # the sentence before is about someone else
            if self.described_otherwise(k, mention):
                return None, ""
            return k, f"“{mention.text}” after “{other.text}”, the subject of the sentence before"
        return None, ""

    def opened_by_an_organisation(self, mention: Mention, people: _People) -> bool:
        """Whether the nearest sentence before, in the NEAR characters before, opens with an
        organisation ("Hertz will sell its fleet. The company"): then no other is meant, however
        often it is named."""
        for k in reversed(self.seen):
            other = self.mentions[k]
            if other.end < mention.start - NEAR:
                return False
            if other.sentence < mention.sentence and not other.placed and self.opens_its_sentence(k):
                return not _is_person(other, people) and other.name not in COUNTRY_OF
        return False

    def employer(self, k: int) -> int | None:
        """The one organisation the titles of mention k's person name ("Acme CEO Jo Bloggs": Acme), if
        it is named twice or more; None where they name none or several."""
        found = {self.groups.find(org) for org in self.employers.get(self.groups.find(k), ())}
        found = {root for root in found if self.groups.size(root) >= 2}
        return next(iter(found)) if len(found) == 1 else None

    def employee(self, mention: Mention, organisation: int) -> tuple[int | None, str]:
        """The one person whose titles name the organisation a role is given by ("the Acme boss"
        after "Acme CEO Jo Bloggs"), else None."""
        root = self.groups.find(organisation)
        people = {person for person, orgs in self.employers.items() if any(self.groups.find(o) == root for o in orgs)}
        if len(people) != 1:
            return None, ""
        person = next(iter(people))
        return person, f"“{mention.text}” of {self.mentions[organisation].text}: its one person titled so"

    def addressed_as_person(self, k: int) -> bool:
        """Whether mention k's actor is given a title, an honorific or a person's role anywhere."""
        root, roles = self.groups.find(k), w.STANDING_ROLES | w.JOB_ROLES | w.TITLE_WORDS
        return any(self.groups.find(j) == root and (other.kind in ("title", "honorific") or (
            other.kind == "description" and other.head in roles)) for j, other in enumerate(self.mentions))

    def described_otherwise(self, k: int, mention: Mention) -> bool:
        """Whether mention k's actor is already described by another trade ("Ronan Farrow, the
        journalist, testified. The disgraced producer" is someone else)."""
        root, trades = self.groups.find(k), w.STANDING_ROLES | w.JOB_ROLES
        return mention.head in trades and any(
            other.kind == "description" and other.head in trades and other.head != mention.head and
            other.article == mention.article and other.start < mention.start and self.groups.find(j) == root
            for j, other in enumerate(self.mentions))

    def holds_an_office(self, k: int, mention: Mention) -> bool:
        """Whether mention k's person holds an office ("Officer Ruiz", "Judge Lopez"), which "the
        suspect" or "the journalist" is not; a party's member may hold one ("the California
        Democrat" after "House Speaker Nancy Pelosi"), and a company's chief may be its trade's
        ("Acme CEO Jo Bloggs testified. The billionaire said")."""
        if mention.head in w.PARTY_MEMBERS:
            return False
        business = mention.head in w.WEALTH_ROLES
        return any(words & w.TITLE_WORDS - (w.COMPANY_TITLES if business else frozenset())
                   for words in self.roles.get(self.groups.find(k), ()))

    def opens_its_sentence(self, k: int) -> bool:
        """Whether mention k is the first actor named by name in its sentence (its subject, in news;
        "Police arrested Ana Ortiz." is about her: a description before it does not count)."""
        mention = self.mentions[k]
        for before in reversed(self.mentions[max(0, k - 8):k]):
            if before.article != mention.article or before.sentence < mention.sentence:
                return True
            if before.kind != "description" and not before.placed:  # "In Texas, Acme was fined."
                return False
        return k < 8

    def near(self, holder: int, before: int) -> bool:
        """Whether the holder or its country is named in the NEAR characters before `before`."""
        root, own = self.groups.find(holder), self.countries.get(self.groups.find(holder), set())
        for k in reversed(self.seen):
            if self.mentions[k].end < before - NEAR:
                return False
            if self.groups.find(k) == root or COUNTRY_OF.get(self.mentions[k].name) in own:
                return True
        return False


RECENT_NAMES = 40  # named mentions, and holders of a title, a description is weighed against


def _epithet_countries(mention: Mention) -> frozenset[str] | None:
    """The countries a description's epithets fit ("the communist country": China, Cuba...), or
    None where it has none of `actor_words.COUNTRY_EPITHETS`."""
    fitting = None
    for word in mention.text.lower().split(" "):
        if word in w.COUNTRY_EPITHETS:
            fitting = w.COUNTRY_EPITHETS[word] if fitting is None else fitting & w.COUNTRY_EPITHETS[word]
    return fitting


# Words before a title's head that make it another office: "special counsel", "deputy director".
_QUALIFIERS = frozenset(
    "deputy assistant associate special first press national foreign prime former acting senior".split())
_RANKS = frozenset(("deputy", "assistant", "associate", "opposition"))  # another office than the one they qualify


@lru_cache(maxsize=4096)
def _qualifiers(mention: Mention) -> frozenset[str]:
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
    return frozenset(wanted)


def _root_roles(mentions: list[Mention], groups: _Groups) -> dict[int, list[set[str]]]:
    """For each group of named mentions, the words of each of its titles."""
    found: dict[int, list[set[str]]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        if mention.kind == "title":
            found[groups.find(i)].append(role_words(title_words(mention)))
    return found


def _employers(mentions: list[Mention], groups: _Groups, by_name) -> dict[int, list[int]]:
    """For each person, a mention of each organisation their titles name by one of its names, words
    in a row ("Acme CEO Jo Bloggs", "Acme Power chief ..."): no country or state ("U.S. Secretary")."""
    found: dict[int, list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        if mention.kind != "title":
            continue
        words = name_key(title_words(mention)).split(" ")
        for size in (3, 2, 1):
            for k in range(len(words) - size + 1):
                key = " ".join(words[k:k + size])
                named = by_name.get(key)
                if named and words[k] not in COUNTRY_OF and key not in COUNTRY_OF and key not in w.US_STATES and (
                        mentions[named[0]].kind == "name"):  # not "Ohio Gov. Mike DeWine"
                    found[groups.find(i)].append(named[0])
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
        candidates = recent.get(mention.head, [])[-RECENT_NAMES:]
        named_by = context.named_by_its_words(mention, candidates)
        for target in context.latest_named_first(candidates, mention):
            # "the president" after "Russian President Putin" in a story whose president is Trump:
            # Putin only where he or Russia was just named
            if (named_by is None or context.groups.find(target) in named_by) and context.fits(target, mention) and (
                    not context.foreign(target, mention.head) or context.near(target, mention.start)) and not (
                    mentions[target].name.rsplit(" ", 1)[-1] == mention.head and context.addressed_as_person(target)):
                # "Frank Church, the former senator, ... The church": not his by his surname
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
