"""Finding the mentions of actors in an article's text, line by line: runs of capitalised names with
their titles and honorifics, acronyms, demonyms and a headline's known names, each a `Mention` of its
kind; around them, `description_mentions` finds the descriptions that stand for someone."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from framing import actor_words as w
from framing.actor_names import (
    COMPASS,
    COUNTRY_OF,
    DEMONYM_OF,
    INSTITUTION_OF,
    LINK_WORDS,
    NICKNAME,
    Mention,
    country_named_by,
    name_key,
)
from framing.description_mentions import description_mentions
from framing.mention_tokens import (
    VERB_TAGS,
    Token,
    adjacent,
    apposition_comma,
    country_run,
    followed_by_a_noun,
    line_tokens,
    opens_a_sentence,
)
from framing.resources import FUNCTION_WORDS
from framing.tagging import tagged_lines

_PARTICLES = {"of", "for"}
_NOT_INITIALS = frozenset(("ok", "okay", "no", "yes"))  # words written in capitals that are no one's initials
_PARTY_PLURALS = frozenset(member + "s" for member in w.PARTY_MEMBERS)
_OPENING_ORG_NAMES = frozenset(("supreme", "general", "justice"))  # title words that open organisations' names
_OPENER_TAGS = ("JJ", "NN", "NNS", "NNP")  # a sentence's first word that may yet open a name
# Words of two-word country names and demonyms that name no country alone: "Korea", "Korean"
_COUNTRY_PARTS = frozenset(
    part for name, _, demonyms in w.COUNTRIES for key in map(name_key, (name, *demonyms)) if " " in key
    for part in key.split(" ")[1:]
    if part not in COUNTRY_OF and part not in DEMONYM_OF and part not in w.GEO_WORDS and part not in LINK_WORDS
    and part not in w.ORG_HEADS)


def _title_case_line(tokens: list[Token]) -> bool:
    """A headline in title case capitalises every word: no sign of a name there."""
    worded = [t for t in tokens if t.text[:1].isalpha()]
    long_words = [t for t in worded if len(t.text) > 3]
    return len(worded) >= 4 and sum(t.capitalised for t in long_words) >= 0.8 * max(1, len(long_words))


def _label_line(line: str, tokens: list[Token]) -> bool:
    """A line of one to three words with no sentence's end: a section's name, a caption or a
    button left in the text ("World", "Redacted"), read like a headline."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    return 1 <= len(words) <= 3 and not line.rstrip().endswith((".", "!", "?", '"', "\u201d", ":", ","))


def article_mentions(article: str, text: str, month_surnames: frozenset[str] = frozenset()
                     ) -> tuple[list[Mention], list[list[Token]]]:
    """The mentions in an article's lines, and the tokens of its title-case lines (headlines),
    which are read only for names found elsewhere. A word in capitals written twice, each time
    beside no other such word, is a proper noun wherever it stands ("DNC" opening a quotation,
    which the tagger reads as a noun; not "WHO WAS RESPONSIBLE"), and so is one of up to five
    letters, no function word, before a lower-case word ("SVB lost", "INEC blamed")."""
    words = tagged_lines(text)
    shouted = [len(word.word) > 1 and word.word.isupper() and word.word.isalpha() for word in words]
    alone = [shouted[k] and not (k and shouted[k - 1]) and not (k + 1 < len(words) and shouted[k + 1])
             and word.word.lower() not in _NOT_INITIALS for k, word in enumerate(words)]
    capitals = Counter(word.word for k, word in enumerate(words) if alone[k])
    initials = {word.start for k, word in enumerate(words) if alone[k] and len(word.word) <= 5
                and word.word.lower() not in FUNCTION_WORDS and k + 1 < len(words) and words[k + 1].word.islower()}
    tags = {word.start: "NNP" if capitals[word.word] > 1 or word.start in initials else word.tag for word in words}
    found: list[Mention] = []
    headlines: list[list[Token]] = []
    offset = 0
    for line in text.split("\n"):
        skip = _dateline_end(line)
        tokens = [Token(t.start + offset, t.end + offset, t.text, t.possessive)
                  for t in line_tokens(line) if t.start >= skip]
        if _title_case_line(tokens) or _label_line(line, tokens):
            headlines.append(tokens)
        else:
            found.extend(_line_mentions(article, text, tokens, tags, month_surnames))
        offset += len(line) + 1
    return found, headlines


_DATELINE = re.compile(r"((?:[^\W\d_a-z]|[.'\u2019 -]){3,40}?)(, [A-Z][\w.'\u2019]*(?: [A-Z][\w.'\u2019]*){0,3})?"
                       r"( \([\w .'\u2019-]{1,30}\))?[ \t]*(?:\u2014|\u2013|--|-)\s")


def _dateline_end(line: str) -> int:
    """Where a dateline opening the line ends ("BOGOTÁ, Colombia —", "SAN JUAN, Puerto Rico (AP) —",
    "WASHINGTON (Reuters) -"), or 0: its places say where the story was filed, not who acts."""
    found = _DATELINE.match(line)
    if not found or not found.group(1).isupper():
        return 0
    place_or_agency = found.group(2) or found.group(3)  # else a capital or two words: "WASHINGTON —", not "NATO -"
    city = name_key(found.group(1))
    return found.end() if place_or_agency or city in w.CAPITALS or " " in city else 0  # "LOS ANGELES —"


_PLACE_NAME = r"([A-Z][\w'\u2019]*(?: [A-Z][\w'\u2019]*){0,2})"
_WRITTEN_AS_A_PLACE = re.compile(
    rf"\b(?:[Tt]he|[Aa]|of|off) (?:{'|'.join(sorted(w.PLACE_NOUNS))}) of {_PLACE_NAME}(?=[ ,.;:]|$)"  # the city of X
    rf"|\b{_PLACE_NAME}, (?:{'|'.join(sorted(a.capitalize() for a in w.STATE_ABBREVIATIONS))})\."  # Memphis, Tenn.
    rf"|\b{_PLACE_NAME}-based\b"  # a Memphis-based group
    rf"|\bthe {_PLACE_NAME} area\b", re.MULTILINE)


def story_places(texts: dict[str, str], datelines: tuple[str, ...] = ()) -> frozenset[str]:
    """The names a story writes as places somewhere, as news writes them: a dateline's city
    ("MEMPHIS, Tenn. (AP) —", "NARA, Japan —"), "the city of X", "off the coast of X", "X, Tenn.",
    "X-based", "the X area". Such a name is a place wherever else it stands ("a former Lagos
    governor", "Nara police"), unless it is a country's name or an institution's (a capital)."""
    found = set()
    for line in (*datelines, *(line for text in texts.values() for line in text.split("\n"))):
        dateline = _DATELINE.match(line)
        if dateline and _dateline_end(line):
            found.add(name_key(dateline.group(1)))
    for text in texts.values():
        for match in _WRITTEN_AS_A_PLACE.finditer(text):
            words = name_key(next(group for group in match.groups() if group)).split(" ")
            while words and words[0] in FUNCTION_WORDS:  # "In Parkland, Fla."
                words.pop(0)
            found.add(" ".join(words))
    return frozenset(key for key in found if key and not country_named_by(key))


def headline_mentions(article: str, text: str, tokens: list[Token], known: dict[str, bool]) -> list[Mention]:
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
                found.append(replace(_mention(article, text, words[0].start, words[-1].end, "name", words, ""),
                                     placed=True))
                i += size
                break
        else:
            i += 1
    return found


def _runs(text: str, tokens: list[Token], tags: dict[int, str], month_surnames: frozenset[str]) -> list[list[int]]:
    """Indices of runs of capitalised tokens one space apart ("of" inside an organisation's name
    or a title), with a sentence's first word left out unless the tagger calls it a proper noun."""
    runs: list[list[int]] = []
    current: list[int] = []
    opener = -1  # a sentence's first word left out, taken back before a lone organisation head

    def close():
        while current and (tokens[current[-1]].lower in _PARTICLES or tokens[current[-1]].lower == "the"
                           or tokens[current[-1]].text in w.NAME_PARTICLES):
            current.pop()
        taken_back = opener >= 0 and current and current[0] == opener + 1 and _one_space(
            text, tokens[opener], tokens[current[0]])
        if taken_back and len(current) == 1 and tokens[current[0]].lower in w.ORG_HEADS - w.INSTITUTIONS:
            current.insert(0, opener)  # "Democratic Party files suit", "Amnesty International said": not "Party"
        elif taken_back and len(current) > 1 and tokens[current[0]].lower not in w.TITLE_WORDS and any(
                tokens[k].lower in w.TITLE_WORDS for k in current[1:]):
            current.insert(0, opener)  # "Homeland Security Secretary Kirstjen Nielsen" opening a sentence
        split = _members_for(text, tokens, current)
        if split is not None:  # "blamed Republicans for Donald Trump's loss": two runs, not one name
            runs.extend(part for part in (current[:split], current[split + 1:]) if part and part != [opener])
        elif current:
            runs.append(current.copy())
        current.clear()

    for i, token in enumerate(tokens):
        last = tokens[current[-1]] if current else None
        nickname = NICKNAME.match(text, last.end) if last else None
        if nickname and token.end <= nickname.end():
            continue  # 'Cerelyn "CJ" Davis': the nickname in quotes is inside the name
        joined = last and (_one_space(text, last, token) or _group_possessive(text, last, token) or (
            nickname is not None and nickname.end() + 1 == token.start))
        if _PARTY_AND_STATE.fullmatch(token.text) or _no_name_word(text, tokens, i):
            close()
            continue
        if token.text in w.NAME_PARTICLES and joined and last.capitalised and last.lower not in w.ORG_HEADS:
            current.append(i)  # kept only where a capitalised name follows (close() drops it otherwise)
            continue
        if (token.lower in w.NOT_ACTORS and not _a_name_not_a_month(tokens, i, tags, joined, month_surnames)) or not (
                token.capitalised or token.lower in _PARTICLES or token.text == "the"):
            close()
            continue
        if token.lower == "for" and not current and opener == i - 1 >= 0 and _org_head(
                tokens[opener].lower, tags.get(tokens[opener].start, "")) \
                and _one_space(text, tokens[opener], token):
            current.extend((opener, i))  # "Students for Fair Admissions said" opening a sentence
            continue
        if token.lower in _PARTICLES or token.text == "the":
            before = tokens[current[-1]].lower if current and joined else ""
            inside_a_name = any(tokens[k].lower in _PARTICLES for k in current)  # "... for the Prohibition of ..."
            plural = tags.get(tokens[current[-1]].start, "") if current and token.lower == "for" else ""
            if (_org_head(before, plural) or before in w.TITLE_WORDS or (before and inside_a_name)) if (
                    token.text != "the") else before in _PARTICLES:
                current.append(i)  # "Organisation for the Prohibition of Chemical Weapons"
            else:
                close()
            continue
        if not joined:
            close()
        function_word = (token.lower in FUNCTION_WORDS and not _acronym(token, tags)) or len(token.lower) < 2
        if not current and (function_word or (opens_a_sentence(text, token.start) and (
                not tags.get(token.start, "NNP").startswith("NNP") or _family_subject(text, tokens, i)))):
            opener = i if tags.get(token.start, "") in _OPENER_TAGS and token.lower not in w.ROLE_MODIFIERS \
                and not function_word else -1
            continue
        current.append(i)
    close()
    return _joined_by_and(text, tokens, runs)


def _family_subject(text: str, tokens: list[Token], i: int) -> bool:
    """A family's plural noun opening a sentence before a lower-case word ("Jurors deliberated"),
    which the tagger may call a proper noun: the family's, not a name ("Police", a collective noun
    news opens sentences with as a force's name, is read as before)."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    word = tokens[i].lower
    return word in w.FAMILY_OF and word.endswith("s") and after is not None and after.text[:1].islower() and adjacent(
        text, tokens[i], after)


def _members_for(text: str, tokens: list[Token], run: list[int]) -> int | None:
    """Where a run joined at "for" after a plural that names members ("Students for Fair
    Admissions") must be split again: the words after "for" hold a title or an honorific or end in
    a possessive ("Democrats for President Joe Biden's bill"), or the whole name is written only once
    in the article with no acronym in brackets after it ("Tickets for Taylor Swift")."""
    k = next((j for j, i in enumerate(run) if tokens[i].lower == "for" and j and not any(
        tokens[m].lower in _PARTICLES for m in run[:j]) and _members(tokens[run[j - 1]].lower)), None)
    if k is None:
        return None
    start, end = tokens[run[0]].start, tokens[run[-1]].end
    titled = any(tokens[i].lower in w.TITLE_WORDS or tokens[i].lower in w.HONORIFICS for i in run[k + 1:])
    named = text.count(text[start:end]) > 1 or text.startswith(" (", end)
    return k if titled or tokens[run[-1]].possessive or not named else None


def _members(word: str) -> bool:
    """A plural that names an organisation by its members, not an organisation's own head
    ("Students", "Americans"; not "Centers", "Committee")."""
    return word not in w.ORG_HEADS and word[:-1] not in w.ORG_HEADS and word not in w.TITLE_WORDS


def _acronym(token: Token, tags: dict[int, str]) -> bool:
    """A function word in capitals that is an organisation's initials ("WHO", "AND" no): written so
    twice in the article (article_mentions reads such words as proper nouns)."""
    return len(token.text) > 1 and token.text.isupper() and tags.get(token.start) == "NNP"


def _org_head(word: str, tag: str = "") -> bool:
    """An organisation's last word, or its plural, or a plural noun that names a group by its
    members ("Centers for Disease Control", "Students for Fair Admissions", "Americans for ...")."""
    return word in w.ORG_HEADS or (word.endswith("s") and len(word) > 3 and (
        word[:-1] in w.ORG_HEADS or word in w.FAMILY_OF or word[:-1] in DEMONYM_OF or tag in ("NNS", "NNPS")))


def _joined_by_and(text: str, tokens: list[Token], runs: list[list[int]]) -> list[list[int]]:
    """An organisation's name with "and" in it, split in two runs: "Center for Strategic and
    International Studies", "Department of Health and Human Services", "Centers for Disease Control
    and Prevention". The first part ends in one or two words after the organisation's "of" or
    "for", or is one field's name before an office's title ("Health and Human Services
    Secretary"); the second is one or two words ending in a field's name
    (`actor_words.FIELD_WORDS`), so "Department of Justice and Congress" stays two."""
    joined: list[list[int]] = []
    for run in runs:
        last = joined[-1] if joined else None
        after_and = last and text[tokens[last[-1]].end:tokens[run[0]].start] in (" and ", " & ")
        particle = next((k for k in range(len(last) - 2, max(len(last) - 4, 0), -1)
                         if tokens[last[k]].lower in _PARTICLES), -1) if after_and else -1
        named = particle > 0 and _org_head(tokens[last[particle - 1]].lower) and len(run) <= 2 \
            and tokens[run[-1]].lower in w.FIELD_WORDS
        office = next((k for k, i in enumerate(run) if tokens[i].lower in w.TITLE_WORDS), -1)
        titled = after_and and len(last) == 1 and tokens[last[0]].lower in w.FIELD_WORDS and 0 < office <= 2 \
            and tokens[run[office - 1]].lower in w.FIELD_WORDS
        if named or titled:
            last.extend(run)
        else:
            joined.append(run)
    return joined


def _one_space(text: str, left: Token, right: Token) -> bool:
    return text[left.end:right.start] == " " and not left.possessive


_PLURALS = {"people", "children", "women", "men"}


def _group_possessive(text: str, left: Token, right: Token) -> bool:
    """A plural's possessive inside an organisation's name: "Workers' Party", "People's Republic"."""
    return left.possessive and right.lower in w.ORG_HEADS and (left.lower.endswith("s") or left.lower in _PLURALS) \
        and text[left.end:right.start] in ("' ", "'s ", "\u2019 ", "\u2019s ")


_PARTY_AND_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")  # "R-Ky.", "D-N.Y.", "(D-Calif.)"
_CONTRACTED = re.compile(r"['\u2019](m|re|ve|ll|d)$", re.IGNORECASE)  # "I'm", "We're"


def _no_name_word(text: str, tokens: list[Token], i: int) -> bool:
    """A capitalised word that is part of no name: a contraction ("I'm"), a hashtag, a hyphenated adjective
    ("Obama-era", "Saudi-led"), a state's abbreviation after a city ("Palm Beach, Fla.") or a word
    shouted in capitals beside another ("NO COLLUSION", "WITCH HUNT")."""
    token = tokens[i]
    if _CONTRACTED.search(token.text) or token.text.rsplit("-", 1)[-1] in w.COMPOUND_ENDINGS:
        return True
    if text[token.start - 1:token.start] == "#":  # a hashtag: "#MeToo"
        return True
    if token.lower in w.STATE_ABBREVIATIONS and text[max(0, token.start - 2):token.start] == ", " and (
            text[token.end:token.end + 1] == "."):
        return True
    shouted = [t for t in tokens[max(0, i - 1):i + 2] if t.text.isupper() and len(t.text) > 1 and t.text.isalpha()
               and not country_named_by(t.lower)]  # "US FBI" is no shouting
    return token in shouted and len(shouted) >= 2 and all(
        _one_space(text, a, b) for a, b in pairwise(shouted)) and not _line_start(text, tokens[max(0, i - 1)])


def _a_name_not_a_month(tokens: list[Token], i: int, tags: dict[int, str], joined: bool,
                        month_surnames: frozenset[str]) -> bool:
    """"Theresa May", "Mrs. May", "Prime Minister May": a month's name after a name, honorific or
    title and before no number is a surname, and so is one alone before a verb ("May said",
    "May has"; "in May", "May 5" stay months), and, in a story that names a person so
    (`month_surnames`), one alone after no word that opens a date ("with May's plan")."""
    if tokens[i].lower not in w.MONTHS_THAT_NAME or not tokens[i].text[0].isupper():
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is not None and after.text[:1].isdigit():
        return False
    if joined:
        return tokens[i - 1].capitalised
    before = tokens[i - 1].lower if i else ""
    return before not in w.BEFORE_A_DATE and (tokens[i].lower in month_surnames or (
        after is not None and tags.get(after.start, "") in VERB_TAGS))


_LISTED_PLACE = re.compile(  # "in Memphis, New York and Los Angeles": each place of the list after "in"
    r"\b(?:in|at|near|to|into|toward|towards|through|across|states of) "
    r"[A-Z][\w'\u2019]*(?: [A-Z][\w'\u2019]*)*(?:, [A-Z][\w'\u2019]*(?: [A-Z][\w'\u2019]*)*)*"
    r"(?:,? and |, )\Z")


def _listed_place(text: str, start: int) -> bool:
    """Whether a name at `start` is a later item of a list of places after "in", "at", "near", a
    word of going ("sent soldiers to Texas, Arizona and California") or "the states of"."""
    return _LISTED_PLACE.search(text, max(0, start - 120), start) is not None


_DETERMINERS = frozenset(("the", "our", "their"))
_PLACE_PREPOSITIONS = frozenset("in at near outside inside across around".split())  # not "a letter to Kim"


def _line_start(text: str, token: Token) -> bool:
    return token.start == 0 or text[token.start - 1] == "\n"


def _line_mentions(article: str, text: str, tokens: list[Token], tags: dict[int, str],
                   month_surnames: frozenset[str]) -> list[Mention]:
    found: list[Mention] = []
    used: set[int] = set()
    starts = [t.start for t in tokens]
    for run in _runs(text, tokens, tags, month_surnames):
        mention = _government_named(article, text, tokens, run, tags) or _run_mention(article, text, tokens, run, tags)
        if mention and mention.kind == "name":
            mention = _government_of(article, text, tokens, run, mention)
        if mention and mention.kind == "title":  # "President Xi Jinping of China", "Senator Chuck Schumer of New York"
            end = _of_where(text, tokens, run[-1])
            if end:
                mention = replace(mention, end=end, text=text[mention.start:end])
        if mention and found and mention.start <= found[-1].start and mention.kind == "title":
            found.pop()  # "Pentagon spokeswoman Dana White": the institution is part of her title
        if mention and not (found and mention.start < found[-1].end):  # role words reach no earlier name
            found.append(mention)
            used.update(range(bisect.bisect_left(starts, mention.start), bisect.bisect_left(starts, mention.end)))
    descriptions = description_mentions(article, text, tokens, tags, used)
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
    if after >= len(tokens) or tokens[after].lower not in _CALLED_AFTER or tokens[run[-1]].possessive or not adjacent(
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


_CASE_NAME = re.compile(r" vs?\. [A-Z]")  # "Roe v. Wade", "Brown vs. Board of Education"


def _in_a_case_name(text, first: Token, last: Token) -> bool:
    """Whether a run is one side of a court case's name: the case is a thing, its parties no actors here."""
    return bool(_CASE_NAME.match(text, last.end) or re.search(r"\bvs?\. \Z", text[max(0, first.start - 5):first.start]))


def _run_mention(article, text, tokens, run, tags) -> Mention | None:
    if _in_a_case_name(text, tokens[run[0]], tokens[run[-1]]):
        return None
    if len(run) > 2 and tokens[run[0]].text == "The":  # "The Washington Post" is "Washington Post"; "The Hague" stays
        run = run[1:]
    words = [tokens[i] for i in run]
    lowers = [t.lower for t in words]
    if len(words) == 1 and (lowers[0] in w.TITLE_WORDS or lowers[0] in w.HONORIFICS):
        return None  # "President" alone is a title in waiting, read with the description rules
    if lowers[0] in w.HONORIFICS and len(words) > 1 and all(word in w.TITLE_WORDS for word in lowers[1:]):
        return Mention(article, words[0].start, words[-1].end, text[words[0].start:words[-1].end], "description",
                       "", _head(lowers[1:]))  # "Mr. President": the title's holder, addressed
    if lowers[0] in w.HONORIFICS and len(words) > 1:
        return _mention(article, text, words[0].start, words[-1].end, "honorific", words[1:], "")
    last_title = max((k for k, word in enumerate(lowers) if word in w.TITLE_WORDS or (  # "Justice Sonia Sotomayor",
        word == "justice" and k < len(words) - 1 and lowers[k - 1:k] != ["of"]  # not "of Justice"
        and lowers[k + 1] not in _PARTY_PLURALS)), default=-1)  # nor the PAC "Justice Democrats"
    if last_title < 0 and len(words) > 1 and lowers[0] in w.PERSON_ROLES and opens_a_sentence(text, words[0].start):
        last_title = 0  # "Dictator Xi Jinping has refused": a role opening the sentence
    if last_title < 0 and len(words) in (3, 4) and lowers[0] in w.PARTY_MEMBERS and not any(
            word in w.ORG_HEADS or word in w.GEO_WORDS or word in COUNTRY_OF for word in lowers[1:]):
        last_title = 0  # "led by Republican Richard Burr": a member's party, not "Republican Study Committee"
    if last_title == len(words) - 2 >= 0 and lowers[-1] in w.ORG_HEADS and lowers[-2] in _OPENING_ORG_NAMES:
        last_title = -1  # "Supreme Court", "General Motors": an organisation's name, not a title
    if last_title >= 0 and not _NAMED_AFTER_SOMEONE.isdisjoint(lowers[last_title + 1:]):
        last_title = -1  # "Queen Mary University of London", "King Faisal Hospital": named after someone
    if 0 <= last_title < len(words) - 1 and lowers[last_title + 1] == "of":  # Secretary of State Mike Pompeo
        last_title = _office_end(lowers, last_title + 2 + (lowers[last_title + 2:last_title + 3] == ["the"]), text)
    if lowers[-1] in w.PARTY_MEMBERS and (the := _the_before(tokens, run[0])) is not None and not (
            followed_by_a_noun(text, tokens, run[-1], tags)):  # "the Republican congressmen" are no member described
        start, end = tokens[the].start, words[-1].end  # "the California Democrat", "the ranking Republican"
        return Mention(article, start, end, text[start:end], "description", "", lowers[-1],
                       apposition_comma(text, tokens, the))  # "Cummings, the senior Democrat on the panel,"
    key = name_key(" ".join(t.text for t in words))
    person_like = last_title >= 0 or not (key in COUNTRY_OF or key in INSTITUTION_OF or lowers[-1] in w.ORG_HEADS)
    start = _role_start(text, tokens, run[0], tags) if person_like else words[0].start  # not "chief White House"
    if last_title >= 0 and start == words[0].start:
        before = _demonym_before(text, tokens, run[0])  # "Japanese Prime Minister ..." opening a sentence
        start = start if before is None else before
    if last_title == len(words) - 1:  # all title: "Secretary of State", "Senate Minority Leader"
        of = max((k for k, word in enumerate(lowers) if word == "of"), default=-1)
        country = name_key(" ".join(t.text for t in words[of + 1:])) if of > 0 else ""  # "President of Russia"
        return Mention(article, start, words[-1].end, text[start:words[-1].end], "description",
                       country if country in COUNTRY_OF else "", _head([t.lower for t in words]))
    if last_title >= 0 or start < words[0].start:
        names = words[last_title + 1:]
        return _mention(article, text, start, words[-1].end, "title", names,
                        _head([*_lower_words(tokens, text, start, words[0].start), *lowers[:last_title + 1]]))
    if key in DEMONYM_OF:
        after = tokens[run[-1] + 1] if run[-1] + 1 < len(tokens) else None
        before_a_noun = after is not None and adjacent(text, words[-1], after) and tags.get(
            after.start, "").startswith("NN")
        if key in COUNTRY_OF and not before_a_noun:  # "the U.S." on its own is the country
            return _mention(article, text, words[0].start, words[-1].end, "name", words, "")
        return None  # "North Korean" before a noun: read with the description rules
    if _not_an_actor(key) or _describes_a_family(text, tokens, run, tags) or (
            len(words) == 1 and _NUMBER_AFTER.match(text, words[0].end)):
        return None  # "a Category 4 storm", "Section 230", "Flight 370": a thing's number
    before = tokens[run[0] - 1].lower if run[0] else ""
    if key in w.CAPITALS and (before in w.PLACE_WORDS or (words[0].text.isupper() and _line_start(text, words[0]))):
        return None  # "talks in Seoul", a dateline "WASHINGTON —": a place, not the government
    after = tokens[run[-1] + 1] if run[-1] + 1 < len(tokens) else None
    modifies = after is not None and adjacent(text, words[-1], after) and not after.capitalised and tags.get(
        after.start, "").startswith("NN")  # "the State dinner" is no organisation
    if key in w.CAPITALS and modifies and tags.get(after.start) == "NN" and not _role_word(after.lower):
        return None  # "the Paris climate accord": the city's thing, not its government ("Beijing changes" stays)
    determiner = _determiner_before(text, tokens, run[0])
    if len(words) == 1 and (key in w.FAMILY_OF or key in w.GROUP_ROLES) and determiner is not None and not modifies:
        start = tokens[determiner].start  # "into the Caravan", "their fine Military" in a tweet: the word, capitalised
        return Mention(article, start, words[0].end, text[start:words[0].end], "description", "", key)
    if len(words) == 1 and key in w.ORG_HEADS and key not in w.INSTITUTIONS and before == "the" and not modifies:
        start = tokens[run[0] - 1].start  # "the Post", "the Committee": the organisation named before
        return Mention(article, start, words[0].end, text[start:words[0].end], "description", "", key)
    return replace(_mention(article, text, words[0].start, words[-1].end, "name", words, ""),
                   placed=before in _PLACE_PREPOSITIONS or (before == "from" and key in w.US_STATES) or (
                       _listed_place(text, words[0].start)) or _placed_by_words(
                       text, words, key in w.US_STATES and modifies) or _written_on(before, words) or (
                       _adjective(key) and followed_by_a_noun(text, tokens, run[-1], tags)) or (
                       modifies and tags.get(after.start) == "NN" and not (
                           after.lower in w.PERSON_ROLES or after.lower in w.GROUP_ROLES
                           or after.lower in w.ORG_HEADS)))


_PLACED_BEFORE = re.compile(
    r"(?:\b(?:into|toward|towards|through|via|reached|entered|crossed|(?:north|south|east|west)(?:east|west)? of"
    r"|(?:governor|mayor|state|states|region|streets) of)"  # "west of Homs", "the governor of Texas"
    r"|\b(?:in|at|from|to|into|near|inside|outside|across|through) (?:the|our|their)"  # "from the East Room"
    r"|[A-Z][\w.'\u2019-]* of"  # "Heidi Heitkamp of North Dakota", "a Republican of Oklahoma"
    r"|\b(?P<before>[a-z]+) to) \Z")  # "sent soldiers to Texas", not "a letter to Kim"
_TO_SOMEONE = frozenset(
    """according letter letters message note said says say told talk talks talked talking spoke speak speaking
    close closer loyal next due thanks similar compared referring answer reply replied respond responded wrote
    write writes addressed appeal appealed gave give given sold lied listen listened known introduced""".split())


def _placed_by_words(text, words: list[Token], before_a_noun: bool) -> bool:
    """A name the words around it write as a place: after a word of going ("reached Tijuana",
    "toward"; "to" unless after speaking or giving, "a letter to Kim"), "west of X", "the governor
    of X", "in the East Room", "Senator X of North Dakota" (a person's "of X" is where they come
    from; not an organisation's name), or a US state before the noun it modifies ("a former
    Oklahoma attorney general"). Every other mention decides whether the name is an actor."""
    if before_a_noun:
        return True
    found = _PLACED_BEFORE.search(text, max(0, words[0].start - 30), words[0].start)
    if not found or (found.group("before") or "") in _TO_SOMEONE:
        return False
    return not (words[-1].lower in w.ORG_HEADS or words[-1].lower in w.INSTITUTIONS)  # "in the Times", "the Pentagon"


def _written_on(before: str, words: list[Token]) -> bool:
    """A medium, written where something is said ("wrote on Twitter", "On Facebook, he claimed"):
    in every mention, no actor; a country ("sanctions on Russia") or a person named elsewhere stays."""
    return before == "on" and not words[-1].possessive  # not "a vote on Kavanaugh's nomination"


def _determiner_before(text, tokens: list[Token], first: int) -> int | None:
    """The "the", "our" or "their" right before token `first`, or before one lower-case word before
    it, each one space from the next ("their fine Military"; not "hated the group. Police")."""
    for k in (first - 1, first - 2):
        if k < 0 or not adjacent(text, tokens[k], tokens[k + 1]):
            return None
        if tokens[k].lower in _DETERMINERS:
            return k
        if tokens[k].capitalised or not tokens[k].text.isalpha():
            return None
    return None


def _role_word(word: str) -> bool:
    return word in w.PERSON_ROLES or word in w.GROUP_ROLES or word in w.ORG_HEADS


_ADJECTIVE_ENDINGS = ("al", "ern", "ic", "ive")  # "Environmental groups", "Western nations", "Conservative"


def _adjective(key: str) -> bool:
    """A one-word name that reads as an adjective ("Republican voters", "Environmental groups",
    "Western intelligence"): a party's word or an adjective's ending. Written before a noun in
    every mention, it is no actor; a country ("Nepal") or a name also written alone stays."""
    return " " not in key and (key in w.PARTY_WORDS or key.endswith(_ADJECTIVE_ENDINGS))


def _the_before(tokens: list[Token], first: int) -> int | None:
    """The "the" right before token `first`, or before one modifier before it ("the ranking")."""
    for k in (first - 1, first - 2):
        if k >= 0 and tokens[k].lower == "the":
            return k
        if k < 0 or not (tokens[k].lower in w.ROLE_MODIFIERS or tokens[k].lower in ("ranking", "lone")):
            return None
    return None


def _office_end(lowers: list[str], first: int, text: str) -> int:
    """The last word of a title's "of" object starting at `first`: a country's or institution's
    whole name ("President of the United States"), else its words up to two before the end that
    the article also writes in lower case and no given name is ("Director of National
    Intelligence Dan Coats", "Secretary of Veterans Affairs David Shulkin"), else one word
    ("Secretary of State Mike Pompeo")."""
    for size in (3, 2):
        key = " ".join(lowers[first:first + size])
        if first + size <= len(lowers) and (key in COUNTRY_OF or key in INSTITUTION_OF):
            return first + size - 1
    end = min(first, len(lowers) - 1)
    while end + 3 < len(lowers) + 1 and lowers[end + 1] not in w.NICKNAMES and lowers[end + 1] in (
            _lower_case_words(text)):
        end += 1
    return end


@lru_cache(maxsize=16)
def _lower_case_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case, found once for all its titles."""
    return frozenset(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", text))


def _describes_a_family(text, tokens, run, tags) -> bool:
    """A demonym or adjective before a family's noun, or the first word of a family's phrase:
    "Central American migrants" and "Asylum seekers" opening a sentence are that family's, and
    "Central American" or "Asylum" no actor of its own. A proper noun keeps its name ("Taliban
    fighters", "Houthi rebels")."""
    after = run[-1] + 1
    last = tokens[run[-1]]
    if after >= len(tokens) or not adjacent(text, last, tokens[after]):
        return False
    noun, phrase = tokens[after].lower, f"{last.lower} {tokens[after].lower}"
    if phrase in w.FAMILY_OF:
        return True
    return noun in w.FAMILY_OF and (last.lower in DEMONYM_OF or tags.get(last.start) == "JJ")


def _not_an_actor(key: str) -> bool:
    """A place, region, event or thing named like an actor ("Korean War", "the Middle East",
    "ICBM", "Rikers Island"), part of a country's name alone ("the Korean border") or its plural
    ("the two Koreas", "the Americas"): no one actor."""
    first, last = key.split(" ", 1)[0], key.rsplit(" ", 1)[-1]
    plural_country = key.endswith("s") and key not in COUNTRY_OF and (
        key[:-1] in COUNTRY_OF or key[:-1] in _COUNTRY_PARTS)
    return last in w.NOT_ACTOR_HEADS or key in w.NOT_ACTOR_ACRONYMS or key in _COUNTRY_PARTS or plural_country or (
        key in w.REGIONS) or first in w.EVENT_FIRST_WORDS or any(word.isdigit() for word in key.split(" "))


def _demonym_before(text, tokens, first: int) -> int | None:
    """Where a demonym of one or two words right before a title begins, if there is one."""
    for size in (2, 1):
        if first < size:
            continue
        before = tokens[first - size:first]
        joined = all(adjacent(text, a, b) for a, b in zip(before, [*before[1:], tokens[first]], strict=True))
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
             or word in w.TITLE_WORDS or word == "justice"]
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
    if i < 0 or not adjacent(text, tokens[i], tokens[first]) or tokens[i].lower not in w.PERSON_ROLES:
        return tokens[first].start
    start = tokens[i].start
    i -= 1
    while i >= 0 and adjacent(text, tokens[i], tokens[i + 1]) and not tokens[i].possessive:
        token = tokens[i]
        if token.capitalised and (name_key(token.text) in DEMONYM_OF or token.text.isupper() or (
                i > 0 and name_key(f"{tokens[i - 1].text} {token.text}") in DEMONYM_OF)):
            if i > 0 and name_key(f"{tokens[i - 1].text} {token.text}") in DEMONYM_OF:
                i -= 1
            start = tokens[i].start
        elif token.lower in w.ROLE_MODIFIERS or (not token.capitalised and tags.get(token.start, "") in ("NN", "JJ")
                                                 and token.lower not in FUNCTION_WORDS and token.text[:1].isalpha()):
            start = token.start
        elif token.capitalised and (named := country_run(text, tokens, i)):  # "Pentagon spokeswoman Dana White"
            i = named[1]
            start = tokens[i].start
        elif token.lower in w.PARTY_WORDS or (token.capitalised and opens_a_sentence(text, token.start) and tags.get(
                token.start, "") in ("JJ", "NN")):  # "Far-left Labour leader Jeremy Corbyn", "Opposition leader"
            start = token.start
        else:
            break
        i -= 1
    return start


_NUMBER_AFTER = re.compile(r" \d+\b(?![,.:/]\d)")  # not a date's or a time's: "May 5, 2018" is read elsewhere
# Heads of the names of bodies often named after someone with a title.
_NAMED_AFTER_SOMEONE = frozenset("university college school institute foundation center centre hospital academy "
                                 "museum library airport stadium".split())


def _of_where(text, tokens, last: int) -> int:
    """The end of an "of" and one to three capitalised words after a titled name, the place or
    body the title is of ("of China", "of New York", "of the State Department"), or 0."""
    first = last + 2
    if first >= len(tokens) or tokens[last + 1].lower != "of" or not adjacent(text, tokens[last], tokens[last + 1]):
        return 0
    first += tokens[first].lower == "the" and first + 1 < len(tokens)
    def capital_next(k: int) -> bool:
        return k < len(tokens) and tokens[k].capitalised and adjacent(text, tokens[k - 1], tokens[k])

    end = first
    while end - first < 3 and capital_next(end):
        end += 1
    if end == first or capital_next(end):
        return 0  # no capitalised words, or more than three: not a place's name
    return tokens[end - 1].end
