"""Who is speaking: the attribution a sentence makes ("Assad said", "said Bowen", "he added").

The rules follow how news reports attribute words:
1. a name right before a speech verb speaks ("Assad said"), also past an aside between commas
   ("Larry Kudlow, the president's adviser, told reporters"), a party label ("Mitch McConnell
   (R-Ky.) has vowed", "Lindsey Graham, R-S.C., a Trump ally, said") or a time ("Protect Democracy
   on Friday noted"); a name right after one speaks too ("said Bowen"), and so does the name after
   "according to";
2. a day, a month or a time word is never a speaker (but a month that is also a name is, as
   "Theresa May said" and "Mrs. May told"), nor a possessive ("the US' claims"), a
   capitalised function word ("When asked"), a lone demonym ("Russian state media"), or a common
   noun that only opens its sentence ("Aides said", "Critics say"): such words name no one;
3. a verb's plain form ("say", "state") speaks only after a plural ("officials say"): after a
   single name it is another word ("a Russian state site");
4. an organisation keeps its whole name ("the Syrian National Coalition", "Center for Strategic
   and International Studies"); a person is called by the surname ("Bashar al-Assad" -> "Assad"),
   which a Korean name writes first ("Yoon Young-chan" -> "Yoon");
5. "he" and "she" are the last person who spoke or was the subject of a sentence since ("Cruz
   promised it. 'Day one...,' he repeated"), never a country or an organisation; "they" is the
   last organisation or group that spoke, never one person; a description such as "the Syrian
   president" is the last person (or, for "the agency", the last speaker) named before it;
6. a short quoted name between an article and its noun (the "yellow vest" protesters) is a
   label, and no one's words.
Given the story's actors (`actor_at`), a subject that is one of their mentions ("Mr. Trump",
"the president", "the Post", "the judge") speaks as that actor, under the actor's name, so one
speaker has one name across outlets, and a person so named is whom "he" next stands for; past a
possessor ("Turkey's President Recep Tayyip Erdogan said" is Erdogan). A quotation takes the
attribution of its own sentence, else the person its sentence opens with, else the nearest
attribution in its paragraph, else the last speaker named before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from framing import actor_words as w
from framing import resources as r
from framing.tagging import tagged_words
from framing.text import blank_out, sentence_index

_NAME_WORD = r"(?:(?:al|el|bin|ibn|de|van|von)-?\s?)?[A-Z][\w'\u2019.-]*"
_FIELD = "|".join(sorted(word.capitalize() for word in w.FIELD_WORDS))
# Words of a name joined by "of", "for" or "&" ("Secretary of State Mike Pompeo"), and by "and"
# before a field's name ("Center for Strategic and International Studies").
_NAME = (rf"{_NAME_WORD}(?:\s+(?:(?:of|for|&)\s+(?:the\s+)?)?{_NAME_WORD}"
         rf"|\s+and\s+(?:{_NAME_WORD}\s+)?(?:{_FIELD})\b)*")
_PERSON_ROLE = (
    r"president|leader|minister|spokesman|spokeswoman|spokesperson|official|ambassador|envoy|commander|"
    r"editor|correspondent|source"
)
_ROLE = rf"{_PERSON_ROLE}|officials|sources|agency|ministry|army"
_DESCRIPTION = rf"[Tt]he\s+(?:[A-Za-z-]+\s+){{0,2}}(?:{_ROLE})"
# Verbs that hand words to a speaker without being plain reporting verbs of resources.SPEECH_VERBS.
_MORE_VERBS = frozenset(
    """tweeted tweets repeated repeats recalled recalls recounted recounts vowed vows promised promises
    declared declares concluded testified predicted boasted complained joked quipped countered cautioned
    alleged alleges dubbed dubs""".split())
_VERBS = r.SPEECH_VERBS | _MORE_VERBS
_VERB = "|".join(sorted(_VERBS, key=len, reverse=True))
# A verb's plain form, the one that agrees only with a plural ("officials say", not "Trump say").
_PLAIN_FORMS = frozenset(v for v in _VERBS if {v + "s", v + "es", v[:-1] + "ies"} & _VERBS)
_TIME_WORDS = "|".join(sorted((word for word in w.NOT_ACTORS if len(word) > 1), key=len, reverse=True))
_WHEN = rf"(?:(?:on|last|this|early|late|earlier)\s+)?(?i:{_TIME_WORDS})\.?(?:\s+\d{{1,2}})?"
_AUXILIARY = r"has|have|had|was|were|did|would|will|could|can|may|might|must|should|to"
_LINK = rf"(?:(?:also|further|then|later|{_AUXILIARY}|once|again|[a-z]+ly|{_WHEN}),?\s+)*"
_PARTY = r"[DRI]-[A-Z][\w.]*"  # a US party and state after a name: "D-Calif.", "R-S.C."
# In brackets after a name, the party alone too: "Mitch McConnell (R-Ky.) has vowed", "Rick Scott (R) said".
_BRACKETED_PARTY = rf"(?:\s+\((?:[DRI]|{_PARTY})\))?"
# Between commas: a phrase ("Kim Jong Un, the North Korean leader, said"; "The official, Ali Shamkhani,
# said"), a party and state ("Nancy Pelosi, D-Calif., said"), also before a phrase ("Lindsey Graham,
# R-S.C., a Trump ally, said"), or a word ("Obama, however, said"), not a company's suffix ("Trump
# for President, Inc., said").
_ASIDE = (rf",\s+(?:{_PARTY},\s+)?"
          rf"(?P<aside>{_PARTY}|[a-z]+|[^,;:\"\u201c\u201d()\s]+\s[^,;:\"\u201c\u201d()\n]{{1,78}}?),")
_SUBJECT = rf"(?P<subject>{_DESCRIPTION}|\b(?:[Hh]e|[Ss]he|[Tt]hey)\b|(?P<the>\b[Tt]he\s+)?{_NAME})"
_SUBJECT_FIRST = re.compile(rf"{_SUBJECT}{_BRACKETED_PARTY}\s+(?P<link>{_LINK})(?P<verb>{_VERB})\b")
_APPOSED_FIRST = re.compile(rf"{_SUBJECT}{_BRACKETED_PARTY}{_ASIDE}\s+(?P<link>{_LINK})(?P<verb>{_VERB})\b")
# A role a possessive gives, then the name between commas ("Its chairman, Mahmood Yakubu, said"): the name.
_NAMED_AFTER_A_ROLE = re.compile(rf"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){{0,2}}[a-z][\w-]*,\s+"
                                 rf"(?P<subject>{_NAME}),\s+(?P<link>{_LINK})(?P<verb>{_VERB})\b")
# Any description as a subject ("The judge called", "the 71-year-old senator said"): it speaks only
# as the actor of the story whose mention it is, "the" and all ("The Trump administration said" is
# not Trump).
_DESCRIBED_FIRST = re.compile(rf"(?P<subject>\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}[a-z][\w-]*){_BRACKETED_PARTY}"
                              rf"\s+(?P<link>{_LINK})(?P<verb>{_VERB})\b")
# Inverted, the verb before its speaker ("said Bowen"); not "told", whose name is who hears it ("one
# lawyer told Fox News Digital").
# Past a relation and a comma ("said his mother, RowVaughn Wells"); not a name a clause of its own opens
# ("said Kyiv could join": whom the words are about).
_RELATION = r"(?:(?:his|her|their|the)\s+(?:[\w'\u2019-]+\s+){0,2}[a-z]+,\s+)?"
_VERB_FIRST = re.compile(rf"\b(?P<verb>said|says|added|asked|wrote|stressed|insisted)\s+{_RELATION}"
                         rf"(?P<subject>{_NAME})(?![\w'\u2019.-]|\s+(?:{_AUXILIARY}|is|are|can)\b)")
_CUE = re.compile(rf"(?:{_VERB})\b|[Aa]ccording\s+to")
# A place's or body's name before a group's noun is that group's ("according to Nara police").
_GROUP_NOUN = r"police|officials|authorities|prosecutors|officers|investigators|sources"
_ACCORDING_TO = re.compile(rf"\b[Aa]ccording\s+to\s+(?P<subject>{_DESCRIPTION}|(?P<the>\b[Tt]he\s+)?{_NAME}"
                           rf"(?P<group>\s+(?:{_GROUP_NOUN})\b)?)")
_SHOUTED_LABEL = re.compile(r"[A-Z][A-Z ]{2,30}:")  # a line opening "READ MORE:", "WATCH:", "RELATED:"
# "The Russian ambassador to the United States, Anatoly Antonov, said": the country ends the role
_OBJECT_OF_A_ROLE = re.compile(r"\b[a-z]+\s+(?:to|of|for|at|in|from)\s+(?:the\s+)?\Z")
_OF_A_NOUN = re.compile(r"\b[a-z]+\s+of\s+(?:the\s+)?\Z")  # "the bishops of Cameroon said": not Cameroon
# The name a sentence opens with, before its verb: the person "he" next stands for.
_OPENING_SUBJECT = re.compile(rf"[\s\"'\u201c\u2018(]*(?P<the>[Tt]he\s+)?(?P<subject>{_NAME})(?:['\u2019]s?)?"
                              rf"{_BRACKETED_PARTY}(?:{_ASIDE})?\s+{_LINK}[a-z]")
_OPENING_PHRASE = re.compile(r"[^,\"\u201c\n]{1,60},\s+")  # "After the announcement, President Trump posted"
_COUNTRY_NAMES = frozenset(
    name.lower().replace(".", "") for country, aliases, demonyms in w.COUNTRIES for name in (country, *aliases))
_DEMONYMS = frozenset(d.lower() for _, _, demonyms in w.COUNTRIES for d in demonyms)
_POSSESSOR = re.compile(r"[^\s'\u2019]+(?:\s[^\s'\u2019]+)*['\u2019]s?\s+(?=[A-Z])")  # "Turkey's " before a name
_NOT_PERSON_HEADS = w.ORG_HEADS | w.INSTITUTIONS | w.FIELD_WORDS
_GENERATIONS = frozenset(("jr", "sr", "ii", "iii", "iv"))  # after a surname ("Roger J. Stone Jr.")
# A Korean given name, written after the family name with its second syllable in lower case ("Moon
# Jae-in", "Yoon Young-chan"); a hyphenated surname capitalises both parts ("Rees-Mogg").
_GIVEN_NAME_LAST = re.compile(r"[A-Z][a-z]+-[a-z]+")


@dataclass(frozen=True)
class Attribution:
    speaker: str  # a short name ("Assad", "Pentagon"); empty when it could not be resolved
    verb: str  # the introducing verb as written, or "according to"
    start: int  # offsets of the attributing phrase in the text
    end: int


ActorAt = Callable[[int, int], str]  # the actor one of whose mentions overlaps [start, end), or ""


@dataclass
class _Named:
    """Who the pronouns and descriptions of the next sentences stand for."""

    speaker: str = ""  # the last speaker named
    person: str = ""  # the last person who spoke or opened a sentence: "he", "she"
    group: str = ""  # the last organisation, country or group that spoke: "they"


def attribute(text: str, sentences: list[tuple[int, int]], quote_regions: list[tuple[int, int]],
              actor_at: ActorAt | None = None, organisations: frozenset[str] = frozenset()):
    """Per sentence, the Attribution it makes or None; per quote region, the Attribution that
    names its speaker (its verb is empty when no verb in view introduces it) or None.
    `organisations`: the actors `actor_at` names that are no person, whom "he" never stands for."""
    masked = blank_out(text, quote_regions)  # verbs inside quotes attribute nothing
    speaks = [has_speech_verb(masked[s:e]) for s, e in sentences]
    per_sentence: list[Attribution | None] = []
    openers: list[Attribution | None] = []  # the person a sentence without attribution opens with
    contexts: list[_Named] = []  # whom its pronouns stood for
    named = _Named()
    for start, end in sentences:
        # "Trump's tweets came as ... he described": Trump
        owner = _possessive_opener(masked, start, end, actor_at, organisations)
        contexts.append(replace(named, person=owner) if owner else replace(named))
        found, person = _find(masked, start, end, contexts[-1], actor_at, organisations)
        per_sentence.append(found)
        opener = None if found else _opening_person(masked, start, end, actor_at, organisations)
        openers.append(opener)
        if found and found.speaker:
            named.speaker = found.speaker
            if person:
                named.person = found.speaker
            else:
                named.group = found.speaker
        elif opener:
            named.person = opener.speaker
    starts = [start for start, _ in sentences]
    second = partial(_second_clause, masked, sentences, contexts, actor_at, organisations)
    return per_sentence, [None if _quoted_label(text, q) else
                          _quote_attribution(text, q, sentences, starts, per_sentence, speaks, openers, second)
                          for q in quote_regions]


def has_speech_verb(text_outside_quotes: str) -> bool:
    """Whether a stretch of text, its quotations blanked out, has a speech verb or 'according to'."""
    joined = " ".join(r.WORD_RE.findall(text_outside_quotes)).lower()  # words hold no spaces: split undoes join
    return not r.SPEECH_VERBS.isdisjoint(joined.split(" ")) or "according to" in joined


def _find(masked: str, start: int, end: int, named: _Named, actor_at: ActorAt | None,
          organisations: frozenset[str], last: bool = False) -> tuple[Attribution | None, bool]:
    """The sentence's attribution (its first, or with `last` its last before `end`), and whether
    its speaker is a person."""
    sentence = masked[start:end]
    if not _CUE.search(sentence):  # every attribution holds one: skip the costly patterns
        return None, False
    patterns = (_SUBJECT_FIRST, _APPOSED_FIRST, _NAMED_AFTER_A_ROLE, _VERB_FIRST, _ACCORDING_TO)
    candidates = [m for pattern in patterns for m in pattern.finditer(sentence) if _may_speak(m)
                  and not _OF_A_NOUN.search(sentence, max(0, m.start("subject") - 30), m.start("subject"))]
    if actor_at:  # a mention that opens with its "the", or ends the subject after an owner's name ("the Acme boss")
        candidates += [m for m in _DESCRIBED_FIRST.finditer(sentence)
                       if actor_at(start + m.start("subject"), start + m.start("subject") + 3)
                       or actor_at(*_last_word(start, m))]
    if not candidates:
        return None, False
    match = (max if last else min)(candidates, key=lambda m: m.start("subject"))
    verb = match.group("verb") if "verb" in match.re.groupindex else "according to"
    subject, organisation = match.group("subject"), bool(match.groupdict().get("the"))
    if (aside := match.groupdict().get("aside")) and re.fullmatch(_NAME, aside) and (
            re.fullmatch(_DESCRIPTION, subject) or subject.lower() in r.PRONOUNS
            or _OBJECT_OF_A_ROLE.search(sentence, 0, match.start("subject"))):
        subject, organisation, span = aside, False, match.span("aside")  # "The official, Ali Shamkhani, said"
    elif match.groupdict().get("group"):
        span = match.span("group")  # "according to Nara police": the police
    elif match.re is _DESCRIBED_FIRST:
        span = tuple(offset - start for offset in _last_word(start, match))  # "the Acme boss": not Acme
    else:
        span = _head(match)
    phrase = (start + match.start(), start + match.end())
    actor = actor_at(start + span[0], start + span[1]) if actor_at else ""
    if actor:
        return Attribution(actor, verb, *phrase), _person(actor, organisation=actor in organisations)
    if _common_word_opening(sentence, match):
        return Attribution("", verb, *phrase), False
    speaker = _canonical(subject, organisation, named)
    return Attribution(speaker, verb, *phrase), _person(speaker, organisation=organisation) and (
        subject.split()[0].lower() not in ("they", "the") or speaker == named.person)


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def _last_word(start: int, match: re.Match) -> tuple[int, int]:
    """Where in the text a described subject's last word (its head) is."""
    end = start + match.end("subject")
    return end - len(match.group("subject").rsplit(None, 1)[-1]), end


def _may_speak(match: re.Match) -> bool:
    """Rules 2 and 3: not a possessive, a capitalised function word, a day or a month, a lone
    demonym, nor a single name before a verb's plain form."""
    subject = match.group("subject")
    words = subject.split()
    if _POSSESSIVE_END.search(subject) or words[0].lower() in r.FUNCTION_WORDS:
        return False
    last = words[-1].lower().rstrip(".,")
    if (last in w.NOT_ACTORS and not _a_surname_like_a_month(match, words, last)) or subject.lower() in _DEMONYMS:
        return False
    verb = match.groupdict().get("verb")
    plain = verb in _PLAIN_FORMS and not match.groupdict().get("link")
    return not plain or words[-1].lower() == "they" or words[-1].endswith("s")


def _a_surname_like_a_month(match: re.Match, words: list[str], last: str) -> bool:
    """"Theresa May said", "Mrs. May told", "May said": a month that is also a name speaks after a
    name, an honorific or a title, or alone where no word that opens a date comes before it and no
    number after it ("in May said" and "May 5" stay months)."""
    if last not in w.MONTHS_THAT_NAME or match.string[match.end("subject"):].lstrip()[:1].isdigit():
        return False
    if len(words) > 1:
        return words[-2][:1].isupper()
    before = match.string[:match.start("subject")].split()[-1:]
    return not before or before[0].lower().strip(",") not in w.BEFORE_A_DATE


def _common_word_opening(sentence: str, match: re.Match) -> bool:
    """Rule 2: one capitalised word opening its sentence that the tagger reads as no proper noun
    ("Aides said", "Most described"): a sentence's first word is capitalised whatever it is."""
    subject = match.group("subject")
    opens = not sentence[:match.start("subject")].strip(" \t\n\"'\u201c\u2018(")
    if " " in subject or subject.lower() in r.PRONOUNS or match.groupdict().get("the") or not opens:
        return False
    tags = {word.start: word.tag for word in tagged_words(sentence[: match.end("subject") + 40])}
    return not tags.get(match.start("subject"), "NNP").startswith("NNP")


def _opening_person(masked: str, start: int, end: int, actor_at: ActorAt | None,
                    organisations: frozenset[str]) -> Attribution | None:
    """Rule 5: the person a sentence opens with ("Former Arkansas Gov. Mike Huckabee went
    further"), also past an opening phrase ("After the talks, President Trump posted"), whom a
    "he" in the next sentences stands for, and whose words a quotation in that sentence is
    ("Trump gave his opinion of the 'terrible' deal"); None for anyone else."""
    sentence = masked[start:end]
    match = _OPENING_SUBJECT.match(sentence)
    if match and match.group("subject").split()[0].lower() in r.FUNCTION_WORDS and (
            phrase := _OPENING_PHRASE.match(sentence)):
        match = _OPENING_SUBJECT.match(sentence, phrase.end())
    if not match or match.group("the") or not _may_speak(match) or _common_word_opening(sentence, match):
        return None
    head = _head(match)
    speaker, _ = _who(start + head[0], start + head[1], match.group("subject"), actor_at, organisations)
    subject = (start + match.start("subject"), start + match.end("subject"))
    return Attribution(speaker, "", *subject) if speaker else None


def _possessive_opener(masked: str, start: int, end: int, actor_at: ActorAt | None,
                       organisations: frozenset[str]) -> str:
    """The person whose possessive opens a sentence ("Trump's tweets came as ..."), whom a "he"
    later in it stands for, where the actor or the name written is a full name; not a speaker of
    its quotations ("Trump's aide said" is the aide's)."""
    match = _OPENING_SUBJECT.match(masked, start, end)
    subject = match.group("subject") if match else ""
    if not _POSSESSIVE_END.search(subject) or subject.split()[0].lower() in r.FUNCTION_WORDS:
        return ""
    name = _POSSESSIVE_END.sub("", subject)
    speaker, actor = _who(match.start("subject"), match.start("subject") + len(name), name, actor_at, organisations)
    return speaker if " " in (actor or name) else ""  # a full name: "Apple's shares fell after he said" is not Apple


def _who(start: int, end: int, name: str, actor_at: ActorAt | None, organisations: frozenset[str]) -> tuple[str, str]:
    """The person a name opening a sentence at [start, end) is, "" for anyone else; and the actor
    row it is a mention of, if any."""
    actor = actor_at(start, end) if actor_at else ""
    speaker = actor or _canonical(name, False, _Named())
    return (speaker if _person(speaker, organisation=speaker in organisations) else ""), actor


def _head(match: re.Match) -> tuple[int, int]:
    """Where in the text the subject's own name is: past a possessor ("Turkey's President Recep
    Tayyip Erdogan" is Erdogan, not Turkey)."""
    start, end = match.span("subject")
    owner = _POSSESSOR.match(match.group("subject"))
    return (start + owner.end(), end) if owner else (start, end)


def _person(name: str, *, organisation: bool) -> bool:
    """Whether a speaker's name is a person's: no organisation, country, acronym or group."""
    words = name.split()
    return bool(words) and not organisation and name.lower().replace(".", "") not in _COUNTRY_NAMES and not (
        words[-1].lower() in _NOT_PERSON_HEADS or (name.isupper() and len(name) > 1))


def _canonical(subject: str, organisation: bool, named: _Named) -> str:
    """'Syrian President Bashar al-Assad' -> 'Assad'; 'the Syrian National Coalition' -> 'Syrian
    National Coalition'; a pronoun, a description or a bare title ('Syrian President') -> whom
    rule 5 says it stands for."""
    words = [w.rstrip(".,") if not w.endswith(".S.") else w for w in subject.split()]
    names = [w for w in words if w.lower().rstrip(".") not in r.TITLES and w.lower() not in _GENERATIONS]
    first = words[0].lower()
    if first in ("he", "she"):
        return named.person
    if first == "they":
        return named.group
    if re.fullmatch(_DESCRIPTION, subject):
        return named.person if re.search(rf"\b(?:{_PERSON_ROLE})$", subject) else named.speaker
    person, of, _ = " ".join(words).partition(" of ")
    if of and not organisation and len(person.split()) >= 2 and person.split()[-1].lower() not in _NOT_PERSON_HEADS:
        return _canonical(person, False, named)  # "Francis DeBernardo of New Ways Ministry" -> "DeBernardo"
    if organisation or words[-1].lower() in _NOT_PERSON_HEADS or (  # "the US", "Democratic National Committee"
            " ".join(words).lower().replace(".", "") in _COUNTRY_NAMES):  # "South Korea"
        return " ".join(w for w in words if w.lower() != "the" and not w.endswith("-based"))  # "Washington-based"
    if not names:
        return named.person or named.speaker
    if len(names) > 1 and _GIVEN_NAME_LAST.fullmatch(names[-1]):  # "Yoon Young-chan" -> "Yoon"
        return names[-2]
    return re.sub(r"^(?:al|el)-", "", names[-1])


_LABEL_BEFORE = re.compile(r"(?<!\w)(?:the|a|an|its|their|his|her|this|these|those)\s+\Z", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"\s+([a-z]+)\b")


def _quoted_label(text: str, region: tuple[int, int]) -> bool:
    """Rule 6: a quoted name (its last word a noun) of two to SCARE_QUOTE_MAX_WORDS words between an
    article and its noun (the "yellow vest" protesters, a "zero tolerance" policy) is the paper's
    label for a thing, no one's words; a quoted adjective (a "very big" cut) may be someone's."""
    start, end = region
    inner = text[start + 1:end - 1]
    if not 2 <= len(inner.split()) <= r.SCARE_QUOTE_MAX_WORDS or not re.fullmatch(r"[\w'\u2019 -]+", inner):
        return False
    after = _LABEL_AFTER.match(text, end)
    if not after or not _LABEL_BEFORE.search(text, max(0, start - 8), start):
        return False
    *_, named, noun = (word.tag for word in tagged_words(f"{inner} {after.group(1)}"))
    return named.startswith("NN") and noun in ("NN", "NNS")


def _second_clause(masked: str, sentences, contexts: list[_Named], actor_at: ActorAt | None,
                   organisations: frozenset[str], i: int, first: Attribution, quote_start: int) -> Attribution:
    """The attribution of a quotation in sentence i that a second clause with its own speaker
    introduces ("Scott said he disagreed, and Rep. Carlos Curbelo said that 'only ...'"), else the
    sentence's first."""
    start = sentences[i][0]
    if quote_start <= first.end:
        return first
    later, _ = _find(masked, start, quote_start, contexts[i], actor_at, organisations, last=True)
    if not later or not later.speaker or later.start <= first.end or _PRONOUN_FIRST.match(masked, later.start):
        return first  # "Long told reporters, but he said that": still Long
    return later if _CLAUSE_JOIN.search(masked[first.end:later.start]) else first


# The second clause opens with its speaker: not "Cruz asked whether Facebook considered itself".
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+\Z")
_PRONOUN_FIRST = re.compile(r"(?:[Hh]e|[Ss]he|[Tt]hey)\b")


def _quote_attribution(text, region, sentences, starts, per_sentence, speaks, openers, second) -> Attribution | None:
    start, end = region
    first = sentence_index(starts, start)
    touched = [i for i in range(first, bisect.bisect_left(starts, end)) if sentences[i][1] > start]
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    in_paragraph = list(range(bisect.bisect_left(starts, paragraph_start), bisect.bisect_left(starts, paragraph_end)))
    in_paragraph.sort(key=lambda i: (abs(i - first), i > first))  # the nearest, the earlier on a tie
    if _SHOUTED_LABEL.match(text, paragraph_start):
        return None  # "READ MORE: 'Animal Assad': Trump Vows ...": a link's title, no one's words
    for i in touched:
        if per_sentence[i] and per_sentence[i].speaker:
            return second(i, per_sentence[i], start)
    if any(speaks[i] or per_sentence[i] for i in touched):
        return None  # its own sentence names a speaker we could not resolve: borrow no one else's
    if opener := openers[first]:
        return opener
    for i in in_paragraph:
        if per_sentence[i] and per_sentence[i].speaker:
            return per_sentence[i]
    earlier = next((a for a in reversed(per_sentence[:first]) if a and a.speaker), None)
    return replace(earlier, verb="") if earlier else None
