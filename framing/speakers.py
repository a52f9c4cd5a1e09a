"""Who is speaking: the attribution a sentence makes ("Assad said", "said Bowen", "he added").

Pronouns and descriptions such as "the Syrian president" resolve to the last speaker named
before them, the way a reader follows a news report. A quotation takes the attribution of its
own sentence, else the nearest one in its paragraph, else the last speaker named before it.
Given the story's actors (`actor_at`), a subject that is one of their mentions ("Mr. Trump",
"the president", "the Post") speaks as that actor, under the actor's name, so one speaker has one
name across outlets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from framing import resources as r
from framing.actor_words import NOT_ACTORS
from framing.text import blank_out, sentence_index

_NAME_WORD = r"(?:(?:al|el|bin|ibn|de|van|von)-?\s?)?[A-Z][\w'\u2019.-]*"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*"
_ROLE = (
    r"president|leader|minister|spokesman|spokeswoman|spokesperson|official|officials|"
    r"ambassador|envoy|commander|editor|correspondent|source|sources|agency|ministry|army"
)
_DESCRIPTION = rf"[Tt]he\s+(?:[A-Za-z-]+\s+){{0,2}}(?:{_ROLE})"
_VERB = "|".join(sorted(r.SPEECH_VERBS, key=len, reverse=True))
_LINK = r"(?:(?:also|further|then|later|has|have|had|was|were|did|would|will|once|again|[a-z]+ly),?\s+)*"
_SUBJECT_FIRST = re.compile(
    rf"(?P<subject>{_DESCRIPTION}|\b(?:[Hh]e|[Ss]he|[Tt]hey)\b|(?P<the>\b[Tt]he\s+)?{_NAME})\s+{_LINK}(?P<verb>{_VERB})\b"
)
_VERB_FIRST = re.compile(rf"\b(?P<verb>said|says|added|asked|told|wrote|stressed|insisted)\s+(?P<subject>{_NAME})")
_CUE = re.compile(rf"(?:{_VERB})\b|[Aa]ccording\s+to")
_ACCORDING_TO = re.compile(rf"\b[Aa]ccording\s+to\s+(?P<subject>{_DESCRIPTION}|(?P<the>\b[Tt]he\s+)?{_NAME})")


@dataclass(frozen=True)
class Attribution:
    speaker: str  # a short name ("Assad", "Pentagon"); empty when it could not be resolved
    verb: str  # the introducing verb as written, or "according to"
    start: int  # offsets of the attributing phrase in the text
    end: int


ActorAt = Callable[[int, int], str]  # the actor one of whose mentions overlaps [start, end), or ""


def attribute(text: str, sentences: list[tuple[int, int]], quote_regions: list[tuple[int, int]],
              actor_at: ActorAt | None = None):
    """Per sentence, the Attribution it makes or None; per quote region, the Attribution that
    names its speaker (its verb is empty when no verb in view introduces it) or None."""
    masked = blank_out(text, quote_regions)  # verbs inside quotes attribute nothing
    speaks = [has_speech_verb(masked[s:e]) for s, e in sentences]
    per_sentence: list[Attribution | None] = []
    last_speaker = ""
    for start, end in sentences:
        found = _find(masked, start, end, last_speaker, actor_at)
        per_sentence.append(found)
        if found and found.speaker:
            last_speaker = found.speaker
    starts = [start for start, _ in sentences]
    return per_sentence, [_quote_attribution(text, q, sentences, starts, per_sentence, speaks) for q in quote_regions]


def has_speech_verb(text_outside_quotes: str) -> bool:
    """Whether a stretch of text, its quotations blanked out, has a speech verb or 'according to'."""
    joined = " ".join(r.WORD_RE.findall(text_outside_quotes)).lower()  # words hold no spaces: split undoes join
    return not r.SPEECH_VERBS.isdisjoint(joined.split(" ")) or "according to" in joined


def _find(masked: str, start: int, end: int, last_speaker: str, actor_at: ActorAt | None) -> Attribution | None:
    sentence = masked[start:end]
    if not _CUE.search(sentence):  # every attribution holds one: skip the costly patterns
        return None
    candidates = [m for pattern in (_SUBJECT_FIRST, _VERB_FIRST, _ACCORDING_TO) for m in pattern.finditer(sentence)]
    if not candidates:
        return None
    # A possessive is no subject ("the US' claims"), nor a capitalised function word ("When asked"),
    # nor a day or a month ("Protect Democracy on Friday noted").
    candidates = [
        m for m in candidates
        if not re.search(r"['\u2019]s?$", m.group("subject"))
        and m.group("subject").split()[0].lower() not in r.FUNCTION_WORDS
        and m.group("subject").split()[-1].lower().rstrip(".,") not in NOT_ACTORS
    ]
    if not candidates:
        return None
    match = min(candidates, key=lambda m: m.start("subject"))
    verb = match.group("verb") if "verb" in match.re.groupindex else "according to"
    actor = actor_at(start + match.start("subject"), start + match.end("subject")) if actor_at else ""
    speaker = actor or _canonical(match.group("subject"), bool(match.groupdict().get("the")), last_speaker)
    return Attribution(speaker, verb, start + match.start(), start + match.end())


def _canonical(subject: str, organisation: bool, last_speaker: str) -> str:
    """'Syrian President Bashar al-Assad' -> 'Assad'; 'the Syrian National Coalition' -> 'Syrian
    National Coalition'; a pronoun, a description or a bare title ('Syrian President') -> the last
    speaker named."""
    words = [w.rstrip(".,") if not w.endswith(".S.") else w for w in subject.split()]
    names = [w for w in words if w.lower().rstrip(".") not in r.TITLES]
    if words[0].lower() in r.PRONOUNS or re.fullmatch(_DESCRIPTION, subject):
        return last_speaker
    if organisation:  # "the Syrian National Coalition", "the US": only the article goes
        return " ".join(w for w in words if w.lower() != "the")
    if not names:
        return last_speaker
    return re.sub(r"^(?:al|el)-", "", names[-1])


def _quote_attribution(text, region, sentences, starts, per_sentence, speaks) -> Attribution | None:
    start, end = region
    first = sentence_index(starts, start)
    touched = [i for i in range(first, bisect.bisect_left(starts, end)) if sentences[i][1] > start]
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    in_paragraph = list(range(bisect.bisect_left(starts, paragraph_start), bisect.bisect_left(starts, paragraph_end)))
    in_paragraph.sort(key=lambda i: (abs(i - first), i > first))  # the nearest, the earlier on a tie
    for i in touched:
        if per_sentence[i] and per_sentence[i].speaker:
            return per_sentence[i]
    if any(speaks[i] for i in touched):
        return None  # its own sentence names a speaker we could not resolve: borrow no one else's
    for i in in_paragraph:
        if per_sentence[i] and per_sentence[i].speaker:
            return per_sentence[i]
    earlier = next((a for a in reversed(per_sentence[:first]) if a and a.speaker), None)
    return replace(earlier, verb="") if earlier else None
