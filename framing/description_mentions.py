"""The descriptions that stand for someone in an article's line ("the president", "the North Korean
leader", "Facebook's chief executive"), each a `Mention` of kind "description", read around the
names `actor_mentions` has found there."""

from __future__ import annotations

import bisect
import re

from framing import actor_words as w
from framing.actor_names import (
    COUNTRY_OF,
    DEMONYM_OF,
    INSTITUTION_OF,
    Mention,
    name_key,
)
from framing.mention_tokens import (
    APPOSITION_LEADS,
    VERB_TAGS,
    Token,
    adjacent,
    apposition_comma,
    country_run,
    followed_by_a_noun,
    opens_a_sentence,
)
from framing.resources import FUNCTION_WORDS

_AGED = re.compile(r"\b[Tt]he \d{1,3}-year-old$")  # read backwards from a "year-old" token
_RELATIVE_AFTER = re.compile(r" (?:that|which|who|whose|based|behind|accused|known) ")
_REGION_WORDS = w.GEO_WORDS | {"central", "latin"}  # before a demonym: "Central American", "Latin American"


def _plain_modifier(text, token: Token, tag: str, country: str) -> bool:
    """A lower-case adjective or noun before a role ("the campaign manager"; only an adjective
    before a demonym), or a sentence's capitalised first word tagged so ("Asylum seekers")."""
    wanted = ("JJ",) if country else ("JJ", "NN", "NNS")  # "a data firm", "the arms dealer"
    if not token.capitalised:
        return tag in wanted
    return opens_a_sentence(text, token.start) and tag in (*wanted, "NNP")


def description_mentions(article, text, tokens, tags, used: set[int]) -> list[Mention]:
    """Descriptions not before a name: "the president", "the North Korean leader", "Russian
    officials", "the Russians"; each keeps its head word and, where it has one, its country."""
    found = []
    for i, token in enumerate(tokens):
        if i in used:
            continue
        word = token.lower
        aged = _AGED.search(text, max(0, token.start - 12), token.end) if word == "year-old" else None
        if aged and not followed_by_a_noun(text, tokens, i, tags):  # "The 77-year-old told", not "the 77-year-old aide"
            found.append(Mention(article, aged.start(), token.end, aged.group(), "description", "", word))
            continue
        pair = name_key(f"{tokens[i - 1].text} {token.text}") if i and adjacent(text, tokens[i - 1], token) else ""
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
        phrase = f"{tokens[i - 1].lower} {word}" if i and adjacent(text, tokens[i - 1], token) else ""
        head = phrase if phrase in w.FAMILY_OF or phrase in w.ORGANISATION_KINDS else word  # "asylum seekers"
        family = w.FAMILY_OF.get(head, "")
        if head in w.ONLY_WITH_KIN and i and tokens[i - 1].lower in ("its", "their") and adjacent(
                text, tokens[i - 1], token):
            family = ""  # "The Army said its officers": the Army's, not the police a story names
        if family and head == word and i - 1 in used and adjacent(text, tokens[i - 1], token):
            continue  # "Republican senators", "Acme voters": the name's own, not everyone's
        is_role = word in w.PERSON_ROLES or word in w.GROUP_ROLES or word in w.GOVERNMENT_ROLES or family or (
            word in w.ORGANISATION_ROLES) or (
            word.endswith("s") and word[:-1] in w.PERSON_ROLES)  # "North Korean leaders"
        if not is_role or (token.capitalised and not opens_a_sentence(text, token.start) and not (
                token.text.isupper() and word in w.PERSON_ROLES) and not _capitalised_after_the(text, tokens, i)):
            continue  # "the CEO", "the President", "the Island" are roles; "Rikers Island" a name
        following = tokens[i + 1] if i + 1 < len(tokens) and adjacent(text, token, tokens[i + 1]) else None
        if following and (following.lower in w.PERSON_ROLES | w.GROUP_ROLES or following.lower in w.FAMILY_OF or (
                family and tags.get(following.start, "").startswith("NN")) or (
                (word in w.ORGANISATION_ROLES or word == "committee") and not following.capitalised
                and tags.get(following.start, "") == "NN")):
            continue  # "campaign manager", "migrant caravan": the last noun heads it; "police station",
            # "the committee hearing", "the company website": a noun it modifies is no one
        if word in _ALSO_ADJECTIVES and following and tags.get(following.start, "") in ("JJ", "NN", "NNS"):
            continue  # "the official death toll", "Maduro's chief backers", "chief economic adviser"
        first = i - 1 if head != word else i
        start, country, j, adjective_after, institution = tokens[first].start, "", first - 1, False, ""
        while j >= 0 and adjacent(text, tokens[j], tokens[j + 1]) and not tokens[j].possessive:
            previous = tokens[j]
            pair = name_key(f"{tokens[j - 1].text} {previous.text}") if j > 0 else ""
            named = None if country or not previous.capitalised else country_run(text, tokens, j)
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
            elif family and previous.capitalised and previous.lower in w.PARTY_WORDS:
                family = ""  # "Democratic senators": the party's, read with its name
                break
            elif family and previous.capitalised and (tags.get(previous.start) == "JJ" or (
                    adjective_after and previous.lower in _REGION_WORDS)):
                start, j, adjective_after = previous.start, j - 1, True  # "Honduran migrants", "Central American ..."
            elif previous.lower == "year-old" and j >= 2 and tokens[j - 1].text == "-" and tokens[j - 2].text.isdigit():
                start, j, adjective_after = tokens[j - 2].start, j - 3, False  # "a 61-year-old lawyer"
            elif not previous.capitalised and tags.get(previous.start) == "VBN" and j and tokens[j - 1].lower in (
                    "the", "a", "an"):  # "the disgraced producer", "a jailed activist"; not "Kim rankled critics"
                start, j, adjective_after = previous.start, j - 1, False
            elif previous.lower.endswith("ing") and j and tokens[j - 1].text == ",":
                break  # "users, promising lawmakers that": a verb's object, not "promising lawmakers"
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
        determiner = tokens[j].lower if j >= 0 and adjacent(text, tokens[j], tokens[j + 1]) else ""
        pronoun = determiner if determiner in _POSSESSIVE_PRONOUNS and word in _OWNED_BY_PRONOUN else ""
        owner_noun = j > 0 and tokens[j].possessive and not tokens[j].capitalised and tokens[j - 1].lower == "the" \
            and word in w.PERSON_ROLES and adjacent(text, tokens[j - 1], tokens[j])  # "Hale, the family's lawyer,"
        determiner = determiner if determiner in ("the", "a", "an") or (
            determiner in _POSSESSIVE_PRONOUNS and word in w.PERSON_ROLES) else ""
        comma = apposition_comma(text, tokens, j - 1 if owner_noun else j if determiner else j + 1)
        determined = determiner == "the" or (determiner not in ("", "the") and comma >= 0) or bool(pronoun)
        determined = determined or (owner_noun and comma >= 0)  # in apposition only; "the family" stays its own
        if determined and not owner_noun:  # "Tyler, a consultant,"; "Crump, his lawyer,"; "his country"
            start = tokens[j].start
        owner = None if country else _country_possessor(text, tokens, j)
        if owner:  # "Russia's ambassador to the U.S.", "Japan's defense minister": as "the Russian ambassador"
            first_owner, country = owner
            start, determined, comma = tokens[first_owner].start, True, apposition_comma(text, tokens, first_owner)
            institution = institution or name_key(" ".join(t.text for t in tokens[first_owner:j + 1]))
        possessor, whose = _possessor(text, tokens, j, used, word), ""
        possessor = _employer_before(text, tokens, j, used, word) if possessor is None else possessor
        if possessor is not None:  # "Kudlow, Mr. Trump's chief economic adviser,": "Mr. Trump" stays his
            opening = possessor - 1 if possessor and tokens[possessor - 1].lower == "the" and adjacent(
                text, tokens[possessor - 1], tokens[possessor]) else possessor  # "Abubakar, the PDP's candidate,"
            determined, comma, whose = True, apposition_comma(text, tokens, opening), name_key(tokens[j].text)
        if not (determined or country or family):  # "migrants" needs no "the"
            continue
        closed = text[end:end + 1] in (",", ".", "") or (comma >= 0 and not token.possessive and _phrase_closes(
            text, tokens, tags, i, end))  # not "Fain, the union's president,": the union is not Fain
        object_of = _tag_before(tokens, tags, start) in ("IN", "TO")  # "talks with the Chinese president, Mr. X"
        if not object_of and _a_name_follows(text, tokens, i, end, used):
            comma = end  # "the Russian ambassador, Alexander Yakovenko,": that name's, whatever came before
        elif determiner in ("a", "an") and comma >= 0 and _host_introduced(tokens, tags, comma):
            comma = -1  # "After meeting Mr. Putin, a senior official said": no apposition
        if word in w.TOPIC_ROLES:  # "a North Korea analyst" is of no country by it
            country = institution = ""
        named_by = institution if institution in INSTITUTION_OF else name_key(country) if country else ""
        open_ended = (head in w.ORGANISATION_ROLES or head in w.STANDING_ROLES) and _RELATIVE_AFTER.match(
            text, end) is not None  # "Acme, the company that makes it,"; not "reached Lopez, the suspect had fled"
        if determiner in _POSSESSIVE_PRONOUNS and re.match(r", (?:and|or) ", text[end:]):
            comma = -1  # "charged Trump, his lawyer, and two aides": a list
        found.append(Mention(article, start, end, text[start:end], "description", named_by,
                             w.ROLE_SYNONYMS.get(head, head), comma if closed or open_ended else -1,
                             whose=whose, pronoun=pronoun))
    return found


def _phrase_closes(text, tokens: list[Token], tags: dict[int, str], head: int, end: int) -> bool:
    """Whether a comma or the sentence's end closes the phrase after an apposition's head within a
    few words, no verb first, where it opens as an apposition's rest does ("Cole, a critic of the
    pope, spoke", "Abe, Japan's prime minister and its most polarizing figure, was shot"; not
    "reached Lopez, the suspect had fled", nor a list: "Smith, the governor and the police chief")."""
    window = [token for token in tokens[head + 1:head + 10] if token.start >= end]
    first = window[0] if window else None
    opens = first is not None and (first.lower in _PHRASE_OPENERS or tags.get(first.start) == "VBN" or (
        first.lower == "and" and window[1:2] and window[1].lower in ("its", "his", "her", "their")))
    if not opens:  # "Smith, the governor and the police chief", "Xi, the senator claims.": no apposition
        return False
    for token in window:
        if token.text in _CLAUSE_ENDS or tags.get(token.start, "") in VERB_TAGS:
            return False
        if text[token.end:token.end + 1] in (",", "."):
            return True
    return False


# Words that may open the rest of an apposition, prepositions and relatives ("a critic of", "the aide
# to Cruz", "a lawmaker until this month", "a governor whose"); a participle may too ("founded in").
_PHRASE_OPENERS = frozenset("of for at in from with on to until since over under into about after who whose "
                            "which that".split())
_CLAUSE_ENDS = frozenset(";:!?()\"“”")


def _tag_before(tokens: list[Token], tags: dict[int, str], start: int) -> str:
    """The part of speech of the token right before `start`, or ""."""
    k = bisect.bisect_left(tokens, start, key=lambda token: token.start) - 1
    return tags.get(tokens[k].start, "") if k >= 0 else ""


def _host_introduced(tokens: list[Token], tags: dict[int, str], comma: int) -> bool:
    """Whether the name ending at `comma` is the object of a preposition, a noun or an -ing verb
    ("In a statement to Reuters,", "After meeting Mr. Putin,"; not "according to"): an opening
    phrase, not a name an apposition follows. A clause's "that" or "whether" is no preposition
    ("reports that Zenix, a data firm, had")."""
    k = bisect.bisect_left(tokens, comma, key=lambda token: token.end)
    while k > 0 and tokens[k - 1].capitalised and tokens[k - 1].end <= comma:
        k -= 1
    return k > 0 and tags.get(tokens[k - 1].start, "") in ("IN", "VBG", "NN", "NNS") and (
        tokens[k - 1].lower not in _SUBORDINATORS)


_SUBORDINATORS = frozenset("that whether if because although though while unless".split())


def _country_possessor(text, tokens, j: int) -> tuple[int, str] | None:
    """Where a country's or its institution's possessive name begins that ends at token j, before
    a role ("Russia's ambassador", "the FBI's director"), and the country; else None."""
    if j < 0 or j + 1 >= len(tokens) or not (tokens[j].possessive and tokens[j].capitalised):
        return None
    if text[tokens[j].end:tokens[j + 1].start] not in ("'s ", "\u2019s ", "' ", "\u2019 "):
        return None
    named = country_run(text, tokens, j)
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
    while first > 0 and first - 1 in used and tokens[first - 1].capitalised and adjacent(
            text, tokens[first - 1], tokens[first]):
        first -= 1
    key = name_key(" ".join(t.text for t in tokens[first:j + 1]))
    if key in COUNTRY_OF or key in DEMONYM_OF or key in INSTITUTION_OF or tokens[j].lower in _NOT_SOMEONE:
        return None
    return first


def _capitalised_after_the(text, tokens, i: int) -> bool:
    """A role word capitalised out of respect or in a quoted tweet, right after a lower-case "the"
    and before no capitalised word ("I disagree with the President", "when I left the Island"; not
    "the President of Russia" nor "the Senate Committee")."""
    following = tokens[i + 1] if i + 1 < len(tokens) and adjacent(text, tokens[i], tokens[i + 1]) else None
    return i > 0 and tokens[i - 1].text == "the" and adjacent(text, tokens[i - 1], tokens[i]) and (
        tokens[i].lower in w.PLACE_ROLES or tokens[i].lower in w.TITLE_WORDS) and not (
        following is not None and (following.capitalised or following.lower == "of"))


def _employer_before(text, tokens, j: int, used: set[int], head: str) -> int | None:
    """Where the name begins of an organisation written between "the" and a person's role ("the
    Facebook founder", "the Acme boss"): whose role it is, as "Acme's boss" would say; else None.
    A country's, a state's or a party's ("the Texas senator", "the Labour leader") is read as before."""
    if head not in w.PERSON_ROLES or j < 1 or j not in used or not tokens[j].capitalised or tokens[j].possessive:
        return None
    first = j
    while first > 0 and first - 1 in used and tokens[first - 1].capitalised and adjacent(
            text, tokens[first - 1], tokens[first]):
        first -= 1
    if not first or tokens[first - 1].lower != "the" or not adjacent(text, tokens[first - 1], tokens[first]):
        return None
    key = name_key(" ".join(t.text for t in tokens[first:j + 1]))
    if key in COUNTRY_OF or key in DEMONYM_OF or key in INSTITUTION_OF or key in w.US_STATES or (
            key in w.PARTY_WORDS or key in w.PARTY_NICKNAMES):
        return None
    return first


def _capitalised_in_apposition(text, tokens, j: int, used: set[int]) -> int:
    """Past one or two capitalised words before a role where an apposition to a name precedes
    them ("Tyler, a Republican political consultant", not "missiles, the Houthi leader"): where
    the apposition's determiner is, else `j`."""
    k = j
    while k >= 0 and j - k < 2 and tokens[k].capitalised and adjacent(text, tokens[k], tokens[k + 1]):
        k -= 1
    if k == j or k < 1 or tokens[k].lower not in ("a", "an", "the") or not adjacent(text, tokens[k], tokens[k + 1]):
        return j
    lead = k - 1 if tokens[k - 1].lower in APPOSITION_LEADS else k
    name = lead - 2 if lead >= 2 and tokens[lead - 1].text == "," else lead - 1
    after_a_name = name >= 0 and name in used and tokens[name].capitalised
    return k if after_a_name and apposition_comma(text, tokens, k) >= 0 else j


def _a_name_follows(text, tokens, head: int, end: int, used: set[int]) -> bool:
    """Whether ", Name," or ", Name." follows a description ending at `end`: the name it stands
    before, in apposition."""
    if text[end:end + 2] != ", ":
        return False
    k = next((k for k in range(head + 1, len(tokens)) if tokens[k].start >= end + 2), len(tokens))
    if k == len(tokens) or tokens[k].start != end + 2 or k not in used or not tokens[k].capitalised:
        return False
    while k + 1 < len(tokens) and k + 1 in used and adjacent(text, tokens[k], tokens[k + 1]):
        k += 1
    return text[tokens[k].end:tokens[k].end + 1] in (",", ".", "")


def _of_what(text, tokens, head: int, tags, country: str, institution: str) -> tuple[int, str, str]:
    """A role's "of", "for" or "to" phrase, kept in the description: "chief of staff", "secretary
    of state" (one lower-case noun after "of"), "the president of Russia", "a spokeswoman for the
    Chinese Foreign Ministry" (a country or its institution, which it then names), "ambassador to
    the U.S." (which names where, not whose). The end of the description, its country and the
    institution's name."""
    end = tokens[head].end
    after = head + 1
    if after + 1 >= len(tokens) or tokens[after].lower not in ("of", "for", "to") or not adjacent(
            text, tokens[head], tokens[after]):
        return end, country, institution
    first = after + 1 + (tokens[after + 1].lower == "the")
    for size in (4, 3, 2, 1):
        run = tokens[first:first + size]
        following = tokens[first + size] if first + size < len(tokens) else None
        whole = following is None or not (following.capitalised and adjacent(text, run[-1], following))
        if len(run) == size and whole and all(t.capitalised for t in run) and all(  # not "for The Washington" Post
                adjacent(text, a, b) for a, b in zip([tokens[first - 1], *run], run, strict=False)):
            named = country_run(text, tokens, first + size - 1)
            if named and named[1] == first and tokens[after].lower == "to":  # "ambassador to the U.S.": not its
                return run[-1].end, country, institution
            if named and named[1] == first and not country:  # "a spokeswoman for the Chinese Foreign Ministry"
                return run[-1].end, named[0], name_key(" ".join(t.text for t in run))
            if not named and tokens[after].lower != "to" and run[-1].lower in w.ORG_HEADS:
                return run[-1].end, country, institution  # "a columnist for The Washington Post"
    noun = tokens[after + 1]
    if tokens[after].lower == "of" and not noun.capitalised and tags.get(noun.start, "") in ("NN", "NNS") and \
            adjacent(text, tokens[after], noun):
        return noun.end, country, institution
    return end, country, institution


_ALSO_ADJECTIVES = frozenset(("official", "chief"))  # role words news often writes as plain adjectives
_POSSESSIVE_PRONOUNS = frozenset(("his", "her"))
_OWNED_BY_PRONOUN = frozenset("country nation government administration regime".split())  # "his country"
