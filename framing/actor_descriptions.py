"""Descriptions joined to the actor they stand for (rules 5 to 7 and 9 of `framing/actors.py`):
an apposition, the holder of a title, the country or government a description names, the
subject of the sentence before, and the organisation or person an article is about."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import NamedTuple

from framing import actor_words as w
from framing.actor_names import (
    COUNTRY_OF,
    INSTITUTION_OF,
    Mention,
    countries_named,
    name_key,
    outlet_country,
    role_words,
    title_words,
)
from framing.actor_union import GENERATIONS, NEAR, Groups, People

_NAMED_BY_NO_HEAD = frozenset(("group",))  # "the militant group" is not "Eurasia Group" by its last word


def link_descriptions(mentions: list[Mention], by_name, counts, groups, people: People,
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


def _link_left_over_words(mentions: list[Mention], groups: Groups, people: People,
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


def _is_person(mention: Mention, people: People) -> bool:
    """A title or honorific mention, or a name that is or ends a person's full name."""
    last = next((word for word in reversed(mention.name.split(" ")) if word not in GENERATIONS), "")
    return mention.kind in ("title", "honorific") or last in people.by_last


def _holder_name(name: str, by_name, people: People) -> str:
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


def _pronoun_owner(mentions: list[Mention], earlier: list[int], mention: Mention, groups: Groups,
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
    groups: Groups
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

    def subject_before(self, mention: Mention, people: People) -> tuple[int | None, str]:
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

    def opened_by_an_organisation(self, mention: Mention, people: People) -> bool:
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


def _root_roles(mentions: list[Mention], groups: Groups) -> dict[int, list[set[str]]]:
    """For each group of named mentions, the words of each of its titles."""
    found: dict[int, list[set[str]]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        if mention.kind == "title":
            found[groups.find(i)].append(role_words(title_words(mention)))
    return found


def _employers(mentions: list[Mention], groups: Groups, by_name) -> dict[int, list[int]]:
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


def _root_countries(mentions: list[Mention], groups: Groups) -> dict[int, set[str]]:
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
