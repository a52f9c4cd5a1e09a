"""A synthetic news corpus of any size, and a 2,000-term lexicon, for benchmarking batch scoring.

The bundled story has five articles; a batch scorer has to be timed on hundreds of thousands.
Real articles at that scale cannot be shipped, so this writes news-like ones: paragraphs built
from templates and vocabularies that use the default lexicon's names and loaded labels at about
the density of the bundled articles, with direct quotations, scare quotes and distancing words,
and outlets that differ in their word choices so per-outlet rates differ. Each outlet gets a
pool of ready-made paragraphs once; an article is a random sample of its outlet's pool with the
story's place, weekday and figures filled in, which keeps generation near 40 MB/s. Rows stream
to JSONL, CSV or Parquet, so the corpus is never held in memory.

    python bench/corpus.py --articles 100000 --out /tmp/corpus.jsonl \\
        [--seed 0] [--outlets 20] [--lexicon-out /tmp/lexicon.yaml --terms 2000]
"""

from __future__ import annotations

import argparse
import copy
import csv
import datetime as dt
import functools
import json
import re
import string
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the engine importable
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from framing.lexicon import DEFAULT_LEXICON, STORY_LEXICON, parse_lexicon  # noqa: E402
from framing.stories import STORIES_DIR  # noqa: E402
from framing.text import fold  # noqa: E402

FIELDS = ("story", "article", "outlet", "date", "headline", "text")
TARGET_CHARS = 4000  # mean article length: 100,000 articles are about 400 MB
PARAGRAPHS_PER_OUTLET = 800  # pool size: big enough that no two articles read alike
ROW_GROUP = 10_000
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 731  # 24 months
_DATES = [FIRST_DAY + dt.timedelta(days=i) for i in range(DAYS)]
_ISO_DATES = [d.isoformat() for d in _DATES]
_WEEKDAYS = [d.strftime("%A") for d in _DATES]

# --- Vocabulary shared by the extra lexicon terms and the article text ----------------------------

# Hyphenated "X-backed" labels and the actor each one points to.
BACKERS = {
    "Syrian government": "Iran-backed regime-backed Russian-backed Kremlin-backed Hezbollah-backed Tehran-backed "
                         "Moscow-backed state-sponsored regime-allied".split(),
    "Armed opposition": "Saudi-backed Qatari-funded Turkish-backed Gulf-funded CIA-backed Western-armed US-armed "
                        "NATO-backed foreign-funded Riyadh-backed Ankara-backed Doha-funded".split(),
    "ISIL": "ISIL-linked ISIS-linked Daesh-affiliated ISIL-affiliated Islamic-State-inspired".split(),
    "Al-Qaeda affiliates": "al-Qaeda-linked al-Qaeda-inspired Nusra-linked al-Qaeda-affiliated".split(),
}
# Judging adjectives that make a label of an ordinary group noun.
HOSTILE = {
    "ISIL": "fanatical bloodthirsty radical takfiri jihadi-led".split(),
    "Armed opposition": "rogue criminal renegade".split(),
    "Syrian government": "pro-regime loyalist-led".split(),
}
GROUP_NOUNS = [
    ("militia", "militias"), ("faction", "factions"), ("gang", "gangs"), ("brigade", "brigades"),
    ("proxy", "proxies"), ("fighter", "fighters"), ("thug", "thugs"), ("cell", "cells"), ("network", "networks"),
    ("battalion", "battalions"), ("death squad", "death squads"), ("outfit", "outfits"), ("mercenary", "mercenaries"),
]
LABEL_WORDS = (
    "thug*|zealot*|fanatic*|warlord*|cutthroat*|marauder*|bandit*|goon*|henchmen|infidel*|apostate*|collaborator*|"
    "traitor*|stooge*|lackey*|quisling*|usurper*|junta|clique|cabal*|holy warrior*|resistance fighters|"
    "axis of resistance|resistance axis|martyr*|jihadi brides|foreign fighters"
).split("|")

NATIONS = [
    ("Turkish", "Turkey"), ("Russian", "Russia"), ("Iranian", "Iran"), ("Iraqi", "Iraq"), ("Kurdish", "Kurdish forces"),
    ("Lebanese", "Lebanon"), ("Jordanian", "Jordan"), ("Saudi", "Saudi Arabia"), ("Qatari", "Qatar"),
    ("Israeli", "Israel"), ("Egyptian", "Egypt"), ("French", "France"), ("British", "United Kingdom"),
    ("German", "Germany"), ("American", "United States"),
]
INSTITUTIONS = (
    "government|army|forces|troops|military|air force|warplanes|jets|authorities|foreign ministry|defence ministry|"
    "officials|security forces|intelligence|president|prime minister|parliament|diplomats|special forces|navy"
).split("|")
NAMED_ACTORS = {
    "Russia": "Vladimir Putin|Sergei Lavrov|Dmitry Peskov|Kremlin|Russia|Moscow",
    "Iran": "Hassan Rouhani|Ali Khamenei|Mohammad Javad Zarif|Revolutionary Guards|Quds Force|Iran|Tehran",
    "Turkey": "Recep Tayyip Erdogan|Ahmet Davutoglu|Turkey|Ankara",
    "Hezbollah": "Hezbollah|Hassan Nasrallah|Hizbollah",
    "United States": "John Kerry|Ashton Carter|John Kirby|Barack Obama|Obama administration",
    "United Nations": "United Nations|Security Council|Staffan de Mistura|Ban Ki-moon|UN refugee agency",
    "Kurdish forces": "People's Protection Units|Syrian Democratic Forces|Peshmerga|Kurdish militia",
    "Armed opposition": "Ahrar al-Sham|Jaish al-Islam|Jaish al-Fatah|Islamic Front|Khaled Khoja|Army of Conquest",
    "ISIL": "Abu Bakr al-Baghdadi|Raqqa province",
    "Al-Qaeda affiliates": "Abu Mohammad al-Julani|Khorasan group",
    "Syrian government": "Walid al-Moallem|Bashar Jaafari|Omran al-Zoubi|SANA news agency|Baath Party",
    "The West": "European Union|David Cameron|Francois Hollande|Philip Hammond|Laurent Fabius",
    "Gulf states": "Saudi Arabia|Qatar|Riyadh|Doha|Gulf monarchies",
}
ACRONYMS = {
    "NATO": "The West", "SDF": "Kurdish forces", "YPG": "Kurdish forces", "PKK": "Kurdish forces", "EU": "The West",
    "UN": "United Nations", "OPCW": "United Nations", "IRGC": "Iran", "SOHR": "Armed opposition",
    "FSA": "Armed opposition", "SNC": "Armed opposition", "UNHCR": "United Nations", "ICRC": "United Nations",
    "SAA": "Syrian government", "AQ": "Al-Qaeda affiliates",
}

CALLERS = [  # subject, present-tense verb agrees with it
    ("critics", "call"), ("officials", "call"), ("activists", "call"), ("opponents", "call"), ("supporters", "call"),
    ("analysts", "call"), ("the government", "calls"), ("the ministry", "calls"), ("the group", "calls"),
    ("Moscow", "calls"), ("Washington", "calls"), ("state media", "call"), ("the militants", "call"),
    ("the rebels", "call"), ("the regime", "calls"), ("the coalition", "calls"), ("Tehran", "calls"),
    ("Damascus", "calls"), ("the Kremlin", "calls"), ("the West", "calls"),
]
CALLED = ["called", "described as", "termed", "referred to as", "dubbed", "labelled", "branded", "styled"]
DISTANCING_WORDS = (
    "self-described|self-appointed|would-be|so-styled|putative|professed|purportedly|said to have|alleged to have|"
    "reported to have|claimed to have|rumoured to have|rumored to have|alleged to be|reported to be|rumoured to be|"
    "rumored to be|according to unverified reports|unverified claims|unsubstantiated claims|unsubstantiated|"
    "unsubstantiated allegations|uncorroborated|unproven|unverifiable|in inverted commas|"
    "what amounts to|what some call|so-described|supposed to be|it is claimed|it was claimed"
).split("|")

HEDGE_PASSIVES = "believed thought understood estimated feared expected reported suspected rumoured assumed".split()
HEDGE_MODALS = [f"{m} {w}" for m in ("may", "might", "could", "would")
                for w in ("have", "well", "be", "not", "possibly", "eventually", "yet")]
HEDGE_SOURCES = "sources officials analysts observers diplomats experts residents witnesses activists insiders".split()
HEDGE_WORDS = (
    "as many as|at least|up to|nearly|almost|somewhat|fairly|relatively|largely|mostly|partly|partially|slightly|"
    "in part|to some extent|to some degree|in all likelihood|more or less|by some accounts|by most accounts|"
    "reports suggest|tentative*|provisional*|speculat*|doubtful|questionable|probable|plausibl*|in theory|"
    "there are signs|it remains to be seen|it is not clear|it was not clear|hard to verify|could not be verified|"
    "could not be independently verified"
).split("|")

SAID_IN = (
    "in a statement|in an interview|at a news conference|on state television|in a speech|on Twitter|"
    "in a televised address|on condition of anonymity|in a briefing|in a letter|in remarks"
).split("|")
TOLD = (
    "reporters|journalists|a news conference|state television|parliament|lawmakers|the agency|the newspaper|"
    "a press briefing|the BBC|AFP|Reuters"
).split("|")
ACCORDING_TO = (
    "a statement|officials|sources|witnesses|residents|activists|the ministry|the agency|state media|a spokesman|"
    "the monitor|the UN|a monitoring group|local sources|medics"
).split("|")
NEUTRAL_VERBS = (
    "reiterat*|recount*|recalled|recalling|outlined|summari*|indicated|clarified|specified|detailed|testified|"
    "conveyed|relayed|cited|briefed|informed|commenting|remarking|observing|announcing|declared|declares|declaring|"
    "pronounced|voiced|expressed|affirmed|reaffirmed|communicated|quoted|paraphrased|echoed|went on to say|"
    "in comments|in remarks|spokesman|spokeswoman|spokesperson"
).split("|")

LOADED_ADVERBS = (
    "angrily flatly furiously bluntly sharply strongly fiercely bitterly vehemently defiantly scathingly stubbornly "
    "curtly pointedly grudgingly"
).split()
LOADED_VERBS = (
    "denied rejected dismissed criticised criticized condemned attacked insisted warned accused refused retorted"
).split()
LOADED_THAT = (
    "claimed insisted admitted conceded alleged boasted warned argued maintained asserted acknowledged complained "
    "lamented denied"
).split()
LOADED_AT = "lashed out|hit out|took aim|railed|fired back|scoffed|sneered|bristled|balked|lashed back|struck back"
LOADED_WORDS = (
    "seethed ranted raged crowed grumbled griped whined snapped thundered bellowed trumpeted touted spun parroted "
    "peddled harangued berated scolded chided rebuked castigated excoriated lambasted pilloried"
).split()

INTENSIFIERS = (
    "deeply utterly truly wholly grossly profoundly particularly extremely incredibly shockingly staggeringly "
    "breathtakingly hugely wildly"
).split()
JUDGEMENTS = (
    "troubling disturbing alarming irresponsible dishonest misguided flawed dangerous provocative offensive "
    "unacceptable counterproductive hypocritical irrational destabilising cynical"
).split()
EVALUATIVE_WORDS = (
    "heinous|abhorrent|vile|monstrous|grotesque|sickening|harrowing|gruesome|unconscionable|nefarious|sinister|"
    "draconian|horrendous|abominable|bloodbath|carnage|mayhem|reign of terror|killing spree|scorched-earth|"
    "cold-blooded|blood-soaked|war-torn|wanton|merciless|heartless|spineless|shambolic|debacle|disgusting|vicious|"
    "sadistic|treacherous|perfidious|odious|nightmare*|hellish|apocalyptic|relentless|senseless|pointless|"
    "humiliat*|fanaticism|butchery|bestial"
).split("|")

VIOLATIONS = "violation|flagrant violation|blatant violation|gross violation|clear violation|breach|flagrant breach"
VIOLATED = (
    "of international law|of sovereignty|of Syrian sovereignty|of Syria's sovereignty|of the UN Charter|"
    "of territorial integrity|of Syrian airspace|of the ceasefire|of the truce"
).split("|")
ILLEGAL = "illegal illegitimate unlawful unauthorised unauthorized uninvited".split()
ILLEGAL_THINGS = (
    "presence|occupation|strikes|airstrikes|intervention|incursion|raids|bombing campaign|military presence|deployment"
).split("|")
WITHOUT = (
    "a UN mandate|UN approval|a mandate|Security Council approval|legal basis|any legal basis|legal authority|"
    "congressional approval|an invitation|the approval of Damascus|coordination with Damascus"
).split("|")
LEGITIMACY_WORDS = (
    "legitimate government|legitimate authorities|legitimate president|democratically elected|legally elected|"
    "constitutional order|UN mandate|Security Council resolution*|UN Charter|Geneva Conventions|self-determination|"
    "right to self-defence|foreign occupation|foreign intervention|foreign interference|foreign aggression|"
    "external interference|occupying power*|occupation force*|puppet government|transitional government|"
    "political transition|lost legitimacy|legitimacy crisis|act of aggression|act of war|flagrant aggression|"
    "violation of sovereignty|sovereign state|sovereign nation|national sovereignty|legal cover"
).split("|")


def _extra_candidates() -> list[tuple[str, str | dict]]:
    """Every extra term the generator can add, as (category id, entry), in a fixed order."""
    out: list[tuple[str, str | dict]] = []

    def label(term: str, referent: str, category: str = "actor_label") -> None:
        out.append((category, {"term": term, "referent": referent}))

    for groups in (BACKERS, HOSTILE):
        for referent, adjectives in groups.items():
            for adjective in adjectives:
                if groups is BACKERS:
                    label(adjective, referent)
                for singular, plural in GROUP_NOUNS:
                    star = plural == f"{singular}s" and len(adjective) % 2 == 0  # half the regular nouns
                    label(f"{adjective} {singular}*" if star else f"{adjective} {plural}", referent)
    for phrase in LABEL_WORDS:
        label(phrase, "Armed opposition")
    for adjective, referent in NATIONS:
        for institution in INSTITUTIONS:
            label(f"{adjective} {institution}", referent, "actor_name")
    for referent, names in NAMED_ACTORS.items():
        for name in names.split("|"):
            label(name, referent, "actor_name")
    for acronym, referent in ACRONYMS.items():
        out.append(("actor_name", {"term": acronym, "referent": referent, "match_case": True}))

    for subject, verb in CALLERS:
        out.append(("distancing", f"what {subject} {verb}"))
        out.extend(("distancing", f"what {subject} {called}") for called in CALLED)
    out.extend(("distancing", word) for word in DISTANCING_WORDS)

    for lead in ("it is", "it was", "it has been", "it had been"):
        for passive in HEDGE_PASSIVES:
            out.append(("hedge", f"{lead} {passive}"))
            out.append(("hedge", f"{lead} {passive} that"))
    out.extend(("hedge", modal) for modal in HEDGE_MODALS)
    out.extend(("hedge", f"{who} {verb}") for who in HEDGE_SOURCES for verb in ("believe", "suspect", "fear"))
    out.extend(("hedge", word) for word in HEDGE_WORDS)

    for verb in ("said", "stated", "noted", "added", "announced", "wrote"):
        out.extend(("report_neutral", f"{verb} {where}") for where in SAID_IN)
    out.extend(("report_neutral", f"told {whom}") for whom in TOLD)
    out.extend(("report_neutral", f"according to {whom}") for whom in ACCORDING_TO)
    out.extend(("report_neutral", word) for word in NEUTRAL_VERBS)

    out.extend(("report_loaded", f"{adverb} {verb}") for adverb in LOADED_ADVERBS for verb in LOADED_VERBS)
    out.extend(("report_loaded", f"{verb} that") for verb in LOADED_THAT)
    out.extend(("report_loaded", f"{verb} at") for verb in LOADED_AT.split("|"))
    out.extend(("report_loaded", word) for word in LOADED_WORDS)

    out.extend(("evaluative", f"{i} {j}") for i in INTENSIFIERS for j in JUDGEMENTS)
    out.extend(("evaluative", word) for word in EVALUATIVE_WORDS)

    out.extend(("legitimacy", f"{v} {what}") for v in VIOLATIONS.split("|") for what in VIOLATED)
    out.extend(("legitimacy", f"{adjective} {thing}") for adjective in ILLEGAL for thing in ILLEGAL_THINGS)
    out.extend(("legitimacy", f"without {what}") for what in WITHOUT)
    out.extend(("legitimacy", word) for word in LEGITIMACY_WORDS)
    return out


def _term_text(entry: str | dict) -> str:
    return entry if isinstance(entry, str) else entry["term"]


BUNDLED_STORY = STORIES_DIR / "assad-coalition-2015"


def _entry_keys(entry) -> list[str]:
    """A term entry's text and forms, as a lexicon file compares them."""
    forms = [] if isinstance(entry, str) else entry.get("forms") or []
    return [fold(text).lower() for text in (_term_text(entry), *forms)]


# Neutral attribution verbs left the default lexicon (counted, they point away from loaded
# sentences), but researchers' lexicons hold such categories, so a corpus benchmark keeps one.
NEUTRAL_REPORTING = {
    "id": "report_neutral", "name": "Neutral attribution verbs",
    "description": "Verbs and phrases that introduce what a source said without judging it.",
    "teaching_note": "Said lets the reader judge the words for themselves.",
    "terms": ["say", "says", "said", "tell", "tells", "told", "added", "adds", "wrote", "writes", "noted", "stated",
              "explained", "announced", "replied", "responded", "asked", "according to"],
}


@functools.cache
def base_lexicon_data() -> dict:
    """The lexicon the bundled story is analysed with, within a benchmark's size: the bundled
    story's own layer (its actors' labels and names, legitimacy), then the default lexicon's
    general categories without the terms generated from MPQA (thousands of single words, which
    would leave no room for the generated phrases), and neutral attribution verbs."""
    lines = DEFAULT_LEXICON.read_text(encoding="utf-8").splitlines()
    begin, end = (next(i for i, line in enumerate(lines) if line.strip().startswith(mark))
                  for mark in ("# BEGIN terms from MPQA", "# END terms from MPQA"))
    general = yaml.safe_load("\n".join(lines[:begin] + lines[end:]))
    story = yaml.safe_load((BUNDLED_STORY / STORY_LEXICON).read_text(encoding="utf-8"))
    own = {fold(_term_text(entry)).lower() for category in story["categories"] for entry in category["terms"]}
    for category in general["categories"]:  # the story's entry wins, as in analyse()
        category["terms"] = [entry for entry in category["terms"] if fold(_term_text(entry)).lower() not in own]
    return {**general, "sources": general["sources"] + story["sources"],
            "categories": story["categories"] + general["categories"] + [NEUTRAL_REPORTING]}


def generate_lexicon(terms: int = 2000, seed: int = 0) -> dict:
    """The default lexicon plus seeded extra terms up to exactly `terms`, as parse_lexicon's input.

    Every default category, term and note is kept (a benchmark must score at least what the real
    lexicon scores); the extras are the same kinds of phrase (labels, names, attribution verbs,
    hedges, judgements), so the matcher faces a realistic mix of single words, phrases and
    wildcards rather than 2,000 random strings."""
    data = copy.deepcopy(base_lexicon_data())
    seen = {key for category in data["categories"] for entry in category["terms"] for key in _entry_keys(entry)}
    count = sum(len(category["terms"]) for category in data["categories"])
    if terms < count:
        raise ValueError(f"terms must be at least {count}, the size of the default lexicon")
    candidates = _extra_candidates()
    Random(seed).shuffle(candidates)
    by_category = {category["id"]: category for category in data["categories"]}
    added = 0
    for category_id, entry in candidates:
        if count == terms:
            break
        key = fold(_term_text(entry)).lower()
        if key not in seen:
            seen.add(key)
            by_category[category_id]["terms"].append(entry)
            added += 1
            count += 1
    if count < terms:
        raise ValueError(f"terms must be at most {count}; there are no more distinct extra terms")
    data["name"] = f"synthetic-{terms}"
    data["description"] = (
        f"The default lexicon plus {added} generated terms (seed {seed}) of the same kinds, for benchmarks."
    )
    return data


# --- Articles -------------------------------------------------------------------------------------

PLACES = (
    "Aleppo|Raqqa|Homs|Idlib|Palmyra|Hama|Latakia|Kobani|Daraa|Tartus|Qamishli|Manbij|Jarablus|Azaz|Douma|"
    "Zabadani|Qusayr|Hasakah|Khan Shaykhun|Sheikh Maqsoud|Tal Abyad|Maaloula|Jisr al-Shughour|Ariha|Saraqeb|Yarmouk|"
    "Salamiyah|Quneitra|Busra al-Sham|Rastan"
).split("|")
TROOPS = "50 100 150 400 500 1,000 1,500 3,000 5,000".split()
# Filled per story, after an outlet's paragraph pool is built: every other field is filled once per pool entry.
STORY_SLOTS = ("place", "PLACE", "town", "day", "n1", "n2", "n3")


class _Actor:
    """How an actor can be named: neutral names, pejorative and positive labels, and the X-backed
    labels an outlet may adopt. alignment is -1 for Damascus and its allies, +1 for their
    opponents and 0 for the jihadist groups every outlet labels."""

    def __init__(self, alignment: int, neutral: str, pejorative: str, positive: str = "", backed: str = ""):
        self.alignment = alignment
        self.neutral = neutral.split("|")
        self.pejorative = pejorative.split("|")
        self.positive = positive.split("|") if positive else []
        self.backed = [f"{b} {plural}" for b in BACKERS.get(backed, ()) for _, plural in GROUP_NOUNS]


ACTORS = {
    "gov": _Actor(
        -1,
        "the Syrian government|the government in Damascus|Damascus|the Syrian army|Syrian troops|government forces|"
        "the Syrian authorities|the Syrian Arab Army|Syrian forces|the Syrian state",
        "the regime|the Assad regime|the Syrian regime|Assad's regime|the Damascus regime|the dictatorship|"
        "loyalist forces|regime forces|Assad loyalists|the shabiha",
        backed="Syrian government",
    ),
    "govp": _Actor(
        -1,
        "President Assad|Bashar al-Assad|the Syrian president|Bashar Assad|Mr Assad|the Syrian leader|Assad",
        "the dictator|the tyrant|the despot|the Syrian dictator|the butcher of Damascus|"
        "Syrian strongman Bashar al-Assad",
    ),
    "isil": _Actor(
        0,
        "ISIL|ISIS|Islamic State|the Islamic State group|Daesh|the Islamic State of Iraq and the Levant|IS|"
        "Islamic State fighters|ISIS fighters",
        "the terrorists|ISIL terrorists|Takfiri terrorists|the Takfiri group|the extremists|jihadists|ISIS militants|"
        "Islamic State militants|the terror group|the death cult|hardline Islamists|Daesh terrorists",
        backed="ISIL",
    ),
    "opp": _Actor(
        1,
        "the opposition|the Syrian opposition|the armed opposition|opposition fighters|the Free Syrian Army|"
        "opposition forces|the rebels|rebel fighters|rebel groups",
        "armed gangs|mercenaries|foreign-backed militants|terrorist groups|insurgents|militants|Western puppets|"
        "foreign-backed mercenaries",
        "freedom fighters|the revolutionaries|moderate rebels|the moderate opposition|the mainstream opposition|"
        "vetted rebels|Western-backed rebels|US-backed rebels",
        backed="Armed opposition",
    ),
    "us": _Actor(
        1,
        "the United States|Washington|the US|the White House|the Pentagon|the State Department|"
        "the Obama administration|US officials|America",
        "the Great Satan|the forces of global arrogance|American imperialists|the warmongers in Washington",
    ),
    "coal": _Actor(
        1,
        "the US-led coalition|the coalition|the international coalition|the anti-ISIL coalition|"
        "the anti-ISIS coalition|coalition forces",
        "the so-called coalition|the so-called anti-ISIL coalition|the US-led “coalition”|the self-styled coalition",
    ),
    "west": _Actor(
        1,
        "Western governments|Western powers|the West|Western countries|Washington and its allies",
        "the imperialists|the crusaders|Western imperialists|imperialist powers",
    ),
    "allies": _Actor(
        -1,
        "Russia|Iran|Moscow|Tehran|Hezbollah|Russia and Iran|the Kremlin|Russian forces|Iranian advisers",
        "Iranian proxies|Hezbollah terrorists|the Kremlin's mercenaries",
        "the axis of resistance|the resistance axis",
    ),
    "qaeda": _Actor(
        0,
        "al-Qaeda|the Nusra Front|al-Nusra Front|Jabhat al-Nusra|al-Qaida|al-Qaeda's Syrian affiliate",
        "al-Qaeda terrorists|al-Nusra terrorists|al-Qaeda-linked militants",
        backed="Al-Qaeda affiliates",
    ),
}
# Speakers by side, with the pronoun a follow-up attribution uses.
SPEAKERS = {
    "gov": [
        ("Assad", "he"), ("President Assad", "he"), ("the Syrian president", "he"),
        ("Foreign Minister Walid al-Moallem", "he"), ("a Syrian government spokesman", "he"),
        ("Syria's ambassador to the UN, Bashar Jaafari,", "he"), ("Information Minister Omran al-Zoubi", "he"),
        ("Russian Foreign Minister Sergei Lavrov", "he"), ("Kremlin spokesman Dmitry Peskov", "he"),
        ("an Iranian foreign ministry spokeswoman", "she"), ("Hezbollah leader Hassan Nasrallah", "he"),
    ],
    "west": [
        ("a State Department spokeswoman", "she"), ("Secretary of State John Kerry", "he"),
        ("a senior US official", "he"), ("President Obama", "he"), ("a coalition spokesman", "he"),
        ("British Foreign Secretary Philip Hammond", "he"), ("French Foreign Minister Laurent Fabius", "he"),
        ("Pentagon spokesman John Kirby", "he"),
    ],
    "opp": [
        ("an opposition commander", "he"), ("a spokesman for the Free Syrian Army", "he"),
        ("Khaled Khoja, head of the Syrian National Coalition,", "he"), ("a rebel commander in {place}", "he"),
        ("an activist in {place}", "she"), ("an opposition spokeswoman", "she"),
    ],
    "neutral": [
        ("UN envoy Staffan de Mistura", "he"), ("a spokeswoman for the UN refugee agency", "she"),
        ("Rami Abdulrahman, who runs the Syrian Observatory for Human Rights,", "he"),
        ("a resident of {place}", "she"), ("a doctor in {place}", "he"), ("an analyst at a Beirut think tank", "he"),
        ("a Red Cross official", "she"),
    ],
}
SIDE_ALIGNMENT = {"gov": -1, "west": 1, "opp": 1, "neutral": 0}
# What each side calls its enemies inside its own quotations.
ENEMIES = {
    "gov": "terrorists|armed terrorist groups|mercenaries|foreign-backed terrorists|Takfiri terrorists|puppets|"
           "the so-called moderate opposition|armed gangs|Daesh|the Americans|Western countries|imperialist powers",
    "west": "the regime|the Assad regime|Assad|the dictator|ISIL|Daesh|ISIS|the terrorists|these extremists|"
            "this death cult|Iran-backed militias",
    "opp": "the regime|Assad's regime|the shabiha|the tyrant|Iranian militias|Hezbollah|Daesh|regime-backed militias",
    "neutral": "all sides|the warring parties|armed groups|both sides",
}
QUOTES = {
    "gov": [
        "We are ready to cooperate with any country that is serious about fighting terrorism",
        "There is no such thing as a moderate opposition in Syria",
        "They talk about fighting terrorism, but they are the ones who support {enemy}",
        "Any strike on Syrian territory without the consent of the government is {violation}",
        "We don't talk to the Americans, and they don't talk to us",
        "The {enemy} in {place} will be defeated, sooner or later",
        "Our army is fighting {enemy} on behalf of the whole world",
        "You cannot negotiate with {enemy}",
        "What they call the moderate opposition is a fantasy",
        "It's {eval} to think that airstrikes alone can defeat terrorism",
        "We will never accept {violation}",
        "The Syrian people alone will decide who leads this country",
    ],
    "west": [
        "Assad has lost all legitimacy and must go",
        "There can be no lasting peace in Syria as long as {enemy} remains in power",
        "We will degrade and ultimately destroy {enemy}",
        "We are not going to coordinate with {enemy}",
        "The coalition's strikes are working, and {enemy} is losing ground",
        "The {eval} attacks on civilians in {place} must stop",
        "We will continue to support the moderate opposition",
        "The regime is the biggest magnet for terrorism in the region",
        "This is not a war that can be won from the air alone",
        "What we have seen in {place} is {eval}",
    ],
    "opp": [
        "We are fighting on two fronts, against {enemy} and against Daesh",
        "The world has abandoned the people of {place}",
        "The regime is the one that created Daesh",
        "We will not negotiate while {enemy} bombs our towns",
        "We need anti-aircraft weapons, not promises",
        "Our revolution will continue until {enemy} falls",
        "The strikes have hit our positions as well as those of the terrorists",
        "What is happening in {place} is {eval}",
    ],
    "neutral": [
        "The situation in {place} is {eval}",
        "Civilians are paying the price of this war",
        "We have documented {n1} deaths in the past week alone",
        "There is no military solution to this conflict",
        "People are afraid to leave their homes",
        "All parties must respect international humanitarian law",
        "It's hard to say who controls what on the ground",
        "Nobody knows how many fighters are left in {place}",
        "We call on {enemy} to allow aid into {place}",
    ],
}
# A speaker's words quoted inside a reported sentence: (the writer's lead, the quoted phrase).
PARTIALS = {
    "gov": [("the opposition figures were", "puppets"), ("the strikes were", "a violation of our sovereignty"),
            ("the coalition was", "not serious"), ("the allegations were a", "childish story"),
            ("Western governments were", "supporting terrorism")],
    "west": [("the Syrian leader had", "lost all legitimacy"), ("the regime's offer was", "not credible"),
             ("barrel bombs were being used", "indiscriminately"), ("the campaign was", "making progress")],
    "opp": [("the regime had", "no place in Syria's future"), ("the talks were", "a waste of time"),
            ("the airstrikes had", "come too late")],
    "neutral": [("the situation was", "catastrophic"), ("aid convoys were", "unable to get through"),
                ("the death toll was", "likely to rise")],
}
NEUTRAL_SAID = [
    "said", "said", "said", "said", "told reporters", "added", "noted", "explained", "said in a statement",
    "told state television", "said in an interview", "told journalists", "stated", "remarked",
]
HOSTILE_SAID = [
    "claimed", "insisted", "alleged", "boasted", "asserted", "argued", "maintained", "complained", "conceded",
    "admitted", "defiantly insisted", "bluntly insisted",
]
FRIENDLY_SAID = ["stressed", "warned", "pointed out", "emphasised", "confirmed", "explained", "acknowledged"]
ONE_WORD_SAID = {"said", "added", "claimed", "insisted", "warned", "stressed", "explained", "noted", "argued"}

EVAL_ADJECTIVES = (
    "brutal|bloody|devastating|horrific|savage|ruthless|indiscriminate|relentless|catastrophic|merciless|wanton|"
    "murderous|tragic|chaotic|senseless"
).split("|")
EVAL_COMPLEMENTS = (
    "brutal|horrific|shocking|outrageous|shameful|absurd|ridiculous|catastrophic|appalling|deplorable|barbaric|"
    "cynical|reckless|disastrous|futile|heinous|monstrous|abhorrent|vile|naive|childish|a farce|a tragedy"
).split("|")
PLAIN = ["unfounded", "baseless", "false", "a mistake", "unhelpful", "untrue"]  # what a neutral writer says
ATROCITIES = "atrocities|war crimes|crimes against humanity|massacres|human rights abuses|abuses".split("|")
SOURCES = (
    "according to activists|according to the Syrian Observatory for Human Rights|the Syrian Observatory for Human "
    "Rights said|state media reported|officials said in a statement|according to a statement|residents told "
    "reporters|activists said|a monitoring group said|according to witnesses|the state news agency SANA reported|"
    "according to local sources|medics said"
).split("|")
HEDGE_LEADS = [
    "It is believed that ", "It is thought that ", "Officials believe ", "Analysts suspect ", "Some observers fear ",
    "It is understood that ", "Critics said ", "Diplomats believe ", "There are signs that ", "Reports suggest ",
]
HEDGE_TAILS = [
    "although the gains may prove short-lived", "but it is unclear how long they can hold it",
    "although the claims could not be independently verified", "activists said", "apparently without a fight",
    "according to unverified reports", "though it was not clear at what cost",
]

NARRATION = [
    "{gov} {struck} positions held by {enemy} in and around {place} on {day}, {source}.",
    "{approx} {n1} people were killed in {evaladj}fighting near {place} on {day}, {source}.",
    "{coal} said it had carried out {n3} airstrikes against {isil} near {place} over the past week.",
    "{us} said it would train and equip {n2} fighters from {moderate} to take on {isil}.",
    "{gov} described the {illegal}strikes as {violation}.",
    "The war, which began with protests against {govp} in 2011, has killed more than 220,000 people and "
    "{devastated} much of the country.",
    "{isil} seized large parts of the province around {place} last year and declared a {selfstyled}caliphate.",
    "{opp} reported gains near {town} in recent days, {hedgetail}.",
    "Analysts said the {evaladj}campaign {modal} complicate efforts to reach a political settlement.",
    "{us} {westsaid} that {govp} must step down as part of any political transition.",
    "{allies} backed {gov} with weapons, advisers and diplomatic cover at the UN Security Council.",
    "Residents of {town} described {evaladj}scenes after the attack, with whole streets reduced to rubble.",
    "{qaeda} and other {hardline} groups emerged as the most powerful {oppnoun} factions in the north.",
    "The reports could not be independently verified.",
    "{gov} denied using barrel bombs and dismissed the {allegations} as {eval}.",
    "The {illegal}airstrikes were {reported} to have hit civilian areas of {place}.",
    "{us} {rejected} {gov_s} offer to cooperate, saying the government had lost all legitimacy.",
    "{west} accused {gov} of {atrocities} against civilians in {place} and elsewhere.",
    "The {evaladj}war forced more than four million Syrians to flee abroad, according to the United Nations.",
    "Talks in Geneva were due to begin next week, but {opp} {modal} boycott them.",
    "{govp} has long described all armed groups fighting the government as {govlabel}.",
    "{hedge}the strikes did little to halt {isil_s} advance.",
    "Observers said {isil} {modal} be running short of men after months of {evaladj}fighting around {place}.",
    "{gov} {allegedly}dropped barrel bombs on residential areas of {town}, {source}.",
    "{us} sent {n2} troops to the region to help train {opp}.",
    "{coal} began striking {isil} in Syria in September {consent}.",
    "{allies} warned that any {illegal}intervention in Syria would be {violation}.",
    "{coal} struggled to find {scare} fighters to train, and the programme was quietly scaled back.",
    "{govp} {allegedly}ordered the use of chemical weapons against civilians in {town}, {source}.",
    "Both sides accused each other of {atrocities}, and the death toll {modal} rise further.",
    "{isil} {allegedly}executed dozens of prisoners near {town}, an act {opp} called {eval}.",
    "{gov} {allegedly}besieged {town} for months, cutting off food and medicine to thousands of civilians.",
    "Aid agencies said {approx} {n1} families had fled {town} since the start of the month.",
    "The Syrian Observatory for Human Rights, a Britain-based monitoring group, said {approx} {n1} fighters had "
    "been killed on both sides.",
    "{allies} {govsaid} that the {illegal}strikes were {violation}.",
    "{govp} {govsaid} that the army would keep fighting {govlabel} in {town} and {place}.",
    "{west} {westsaid} that {gov} was responsible for most of the civilian deaths in the conflict.",
    "Witnesses said warplanes, {whose}, struck a market in {town} on {day}.",
    "Footage posted online, which could not be verified, appeared to show {evaladj}destruction in {town}.",
    "{coal} denied that its airstrikes had killed civilians in {town}, {source}.",
    "The {evaladj}assault on {place} was the deadliest since the start of the year, {source}.",
    "Residents said food and fuel were running out in {town}, where {gov} {allegedly}cut off supply routes.",
    "{us} {rejected} calls to work with {gov} against {isil}.",
    "{isil} claimed responsibility for the attack in a statement posted online.",
    "{opp} and {isil} fought each other for control of the border crossing near {town}.",
    "Diplomats said a deal to allow aid into {place} {modal} be announced within days.",
    "What {caller} {called} the {moderatewords} had all but collapsed by the summer.",
    "{hedge}the offensive on {place} was planned with help from {allies}.",
    "{govp} {loadedat} {west} over the strikes, calling them {eval}.",
    "Fighters loyal to {qaeda} are {tobe} operating near {town}.",
    "{gov} called the presence of foreign troops {occupation}.",
    "{allies} said the coalition was operating {without}.",
    "Residents described the {carnage} in {town} after {day}'s strikes.",
    "{officials} {saidin} that {approx} {n3} strikes had hit targets held by {isil} near {place}.",
]
HEADLINES = [
    "{govp} rules out cooperation with {coal} against {isil}",
    "{gov} pounds targets near {place}",
    "{approx} {n1} killed as {evaladj}fighting rages in {place}",
    "{us} to train {n2} {moderatewords} fighters to fight {isil}",
    "{coal} strikes {isil} near {place}",
    "{isil} advances on {place} as {coal} steps up raids",
    "{govp} accused of {atrocities} in {place}",
    "Moscow warns against {illegal}intervention in Syria",
    "Fighting rages around {place} and {town}",
    "{govp} says strikes are {violation}",
    "Civilians flee {town} as {evaladj}offensive widens",
    "Aid convoy reaches besieged {town}",
]
_FIELDS = {
    template: [field for _, field, _, _ in string.Formatter().parse(template) if field]
    for template in (*NARRATION, *HEADLINES, *(q for quotes in QUOTES.values() for q in quotes))
}
_US_RE = re.compile(r"\bUS\b\.?")


def _choice(rng: Random, options: list[str]) -> str:
    return options[int(rng.random() * len(options))]


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


class _Voice:
    """One outlet's habits, drawn once: which name it gives each actor, whom it quotes with which
    verbs, and how often it hedges, judges and distances. stance below 0 sides with Damascus,
    above 0 with its opponents; its size is how partisan the outlet is."""

    def __init__(self, rng: Random):
        self.stance = rng.uniform(-1, 1)
        self.typographic = rng.random() < 0.5
        self.dotted_us = rng.random() < 0.3
        self.dateline = rng.random() < 0.4
        self.hedging = rng.uniform(0.1, 0.5)
        self.judging = 0.02 + 0.8 * abs(self.stance) * rng.random()
        self.quoting = rng.uniform(0.2, 0.6)
        self.length = rng.uniform(0.7, 1.3)
        self.names = {key: self._preferences(rng, actor) for key, actor in ACTORS.items()}
        sides = ["gov", "west", "opp", "neutral"]
        weights = [1 + 2 * max(-self.stance, 0), 1 + 2 * max(self.stance, 0), 0.6 + max(self.stance, 0), 0.8]
        self.sides = (sides, weights)

    def hostility(self, alignment: int) -> float:
        """Above 0 when the outlet opposes an actor aligned so; jihadist groups are opposed by all."""
        return -self.stance * alignment if alignment else 0.4 + 0.4 * abs(self.stance)

    def _preferences(self, rng: Random, actor: _Actor):
        hostility = self.hostility(actor.alignment)
        pejorative = actor.pejorative + rng.sample(actor.backed, min(4, len(actor.backed)))
        lists = [actor.neutral, pejorative, actor.positive]
        weights = [[rng.random() ** 3 + 0.01 for _ in names] for names in lists]
        p_pejorative = min(0.85, 0.08 + 0.6 * max(hostility, 0))
        p_positive = min(0.5, 0.05 + 0.4 * max(-hostility, 0)) if actor.positive else 0.0
        return p_pejorative, p_positive, list(zip(lists, weights, strict=True))

    def name(self, rng: Random, key: str) -> str:
        p_pejorative, p_positive, lists = self.names[key]
        u = rng.random()
        names, weights = lists[1] if u < p_pejorative else lists[2] if u < p_pejorative + p_positive else lists[0]
        return rng.choices(names, weights)[0]

    def said(self, rng: Random, side: str, *, one_word: bool = False) -> str:
        """A reporting verb for a speaker of this side: loaded for sides the outlet opposes."""
        hostility = self.hostility(SIDE_ALIGNMENT[side]) if side != "neutral" else 0.0
        u = rng.random()
        if u < 0.05 + 0.45 * max(hostility, 0):
            verbs = HOSTILE_SAID
        elif u < 0.1 + 0.45 * max(hostility, 0) + 0.3 * max(-hostility, 0):
            verbs = FRIENDLY_SAID
        else:
            verbs = NEUTRAL_SAID
        verb = _choice(rng, verbs)
        return verb if not one_word or verb in ONE_WORD_SAID else "said"

    def finish(self, paragraph: str) -> str:
        """The outlet's house style: straight or typographic quotes, US or U.S."""
        if self.dotted_us:
            paragraph = _US_RE.sub("U.S.", paragraph)
        if self.typographic:
            return paragraph.replace("'", "\u2019")
        return paragraph.replace("\u201c", '"').replace("\u201d", '"')


class _Writer:
    """Fills templates in one outlet's voice; story slots are left as {place} etc. for later."""

    def __init__(self, rng: Random, voice: _Voice):
        self.rng = rng
        self.voice = voice
        name = voice.name
        judged = self.judged
        self.fillers = {
            **{key: functools.partial(name, rng, key) for key in ACTORS},
            **{slot: functools.partial(str, f"{{{slot}}}") for slot in STORY_SLOTS},
            "gov_s": lambda: _possessive(name(rng, "gov")),
            "isil_s": lambda: _possessive(name(rng, "isil")),
            "enemy": lambda: name(rng, "isil" if rng.random() < 0.5 else "opp"),
            "struck": lambda: _choice(rng, ["struck", "shelled", "bombed", "pounded", "targeted"]),
            "source": lambda: _choice(rng, SOURCES),
            "approx": lambda: _choice(rng, ["at least", "as many as", "more than", "nearly", "up to"]),
            "evaladj": lambda: f"{_choice(rng, EVAL_ADJECTIVES)} " if rng.random() < voice.judging else "",
            "eval": lambda: self.evaluation() if rng.random() < 0.2 + voice.judging else _choice(rng, PLAIN),
            "moderate": self.moderate,
            "scare": lambda: "“moderate”" if rng.random() < 0.5 + voice.hostility(1) / 2 else "moderate",
            "illegal": lambda: judged(1, f"{_choice(rng, ILLEGAL)} "),
            "violation": self.violation,
            "devastated": lambda: _choice(rng, ["devastated", "destroyed", "ruined"]),
            "selfstyled": lambda: _choice(rng, ["self-proclaimed ", "so-called ", "self-declared ", ""]),
            "hedgetail": lambda: _choice(rng, HEDGE_TAILS),
            "modal": lambda: _choice(rng, ["may", "might", "could"]) if rng.random() < voice.hedging else "will",
            "westsaid": lambda: voice.said(rng, "west"),
            "hardline": lambda: _choice(rng, ["hardline", "Islamist", "extremist", "jihadist", "radical"]),
            "oppnoun": lambda: _choice(rng, ["rebel", "opposition", "insurgent"]),
            "allegations": lambda: _choice(rng, ["allegations", "accusations", "reports", "claims"]),
            "reported": lambda: _choice(rng, ["reported", "believed", "said", "thought"]),
            "rejected": self.rejected,
            "atrocities": lambda: _choice(rng, ATROCITIES),
            "govlabel": lambda: _choice(rng, ENEMIES["gov"].split("|")[:8]),
            "hedge": lambda: _choice(rng, HEDGE_LEADS) if rng.random() < voice.hedging * 2 else "",
            "allegedly": lambda: judged(-1, _choice(rng, ["allegedly ", "reportedly ", "purportedly "])),
            "consent": lambda: judged(1, "without the consent of Damascus", "after informing Damascus"),
            "govsaid": lambda: voice.said(rng, "gov"),
            "whose": lambda: _choice(rng, ["believed to be Syrian", "apparently Russian", "thought to belong to the "
                                             "coalition", "whose origin was unclear", "possibly Syrian"]),
            "caller": lambda: _choice(rng, CALLERS)[0],
            "called": lambda: _choice(rng, CALLED),
            "moderatewords": lambda: _choice(rng, ["moderate opposition", "moderate rebels", "vetted rebels",
                                                   "mainstream opposition"]),
            "loadedat": lambda: judged(-1, f"{_choice(rng, LOADED_AT.split('|'))} at", "criticised"),
            "tobe": lambda: _choice(rng, ["said to be", "reported to be", "believed to be", "alleged to be",
                                          "rumoured to be", "thought to be", "still"]),
            "occupation": lambda: f"an {_choice(rng, ILLEGAL)} {_choice(rng, ILLEGAL_THINGS)}",
            "without": lambda: f"without {_choice(rng, WITHOUT)}",
            "carnage": lambda: _choice(rng, ["carnage", "bloodbath", "mayhem", "devastation", "destruction"]),
            "officials": lambda: _choice(rng, ["officials", "a military spokesman", "the defence ministry",
                                               "a coalition official", "US officials"]),
            "saidin": lambda: _choice(rng, [f"said {where}" for where in SAID_IN] + [f"told {who}" for who in TOLD]),
        }

    def judged(self, alignment: int, loaded: str, plain: str = "") -> str:
        """`loaded` wording when the outlet opposes the side aligned so, at its judging rate."""
        hostile = self.voice.hostility(alignment) > 0
        return loaded if hostile and self.rng.random() < 0.3 + self.voice.judging else plain

    def evaluation(self) -> str:
        if self.rng.random() < 0.3:
            return f"{_choice(self.rng, INTENSIFIERS)} {_choice(self.rng, JUDGEMENTS)}"
        return _choice(self.rng, EVAL_COMPLEMENTS)

    def violation(self) -> str:
        if self.rng.random() < 0.2:
            return _choice(self.rng, ["an act of aggression", "an illegal intervention", "an invasion"])
        kind = _choice(self.rng, VIOLATIONS.split("|"))
        article = "an" if kind[0] in "aeiou" else "a"
        return f"{article} {kind} {_choice(self.rng, VIOLATED)}"

    def moderate(self) -> str:
        """The opposition the US means to train, kept at a distance by outlets that side with Damascus."""
        label = _choice(self.rng, ["moderate opposition", "moderate rebels", "moderate Syrian opposition",
                                   "mainstream opposition", "vetted rebels"])
        if self.voice.hostility(1) > 0 and self.rng.random() < 0.3 + self.voice.hostility(1) / 2:
            return _choice(self.rng, [f"the so-called {label}", f"the so-called “{label}”",
                                      f"what Washington calls the “{label}”", f"the self-styled {label}",
                                      f"what it calls the {label}"])
        return f"the {label}"

    def rejected(self) -> str:
        if self.voice.hostility(1) < 0 or self.rng.random() < 0.5:
            return _choice(self.rng, ["rejected", "turned down", "declined"])
        return f"{_choice(self.rng, LOADED_ADVERBS)} {_choice(self.rng, ['rejected', 'dismissed'])}"

    def fill(self, template: str, **given: str) -> str:
        values = {field: given[field] if field in given else self.fillers[field]() for field in _FIELDS[template]}
        return _capital(template.format_map(values))

    def narration(self, sentences: int) -> str:
        return " ".join(self.fill(template) for template in self.rng.sample(NARRATION, sentences))

    def quotation(self) -> str:
        """A paragraph that quotes a speaker: whole, partial or multi-sentence, then perhaps a follow-up."""
        rng, voice = self.rng, self.voice
        side = rng.choices(*voice.sides)[0]
        speaker, pronoun = _choice(rng, SPEAKERS[side])
        enemies = ENEMIES[side].split("|")

        def words(template: str | None = None) -> str:
            return self.fill(template or _choice(rng, QUOTES[side]), enemy=_choice(rng, enemies),
                             eval=self.evaluation())

        form = rng.random()
        if form < 0.35:
            text = f"“{words()},” {speaker} {voice.said(rng, side)}."
        elif form < 0.5:
            text = f"“{words()},” {voice.said(rng, side, one_word=True)} {speaker.rstrip(',')}."
        elif form < 0.65:
            text = f"{speaker} {voice.said(rng, side)}: “{words()}.”"
        elif form < 0.8:
            lead, quoted = _choice(rng, PARTIALS[side])
            text = f"{speaker} {voice.said(rng, side)} that {lead} “{quoted}”."
        else:
            first, second = rng.sample(QUOTES[side], 2)
            text = f"“{words(first)}. {words(second)},” {speaker} {voice.said(rng, side)}."
        if rng.random() < 0.3:
            text += f" “{words()},” {pronoun} added."
        elif rng.random() < 0.3:
            text += " " + self.narration(1)
        return _capital(text)


class _Outlet:
    """An outlet's name and its pools of finished paragraphs, ledes and headlines."""

    def __init__(self, name: str, seed: int, index: int):
        rng = Random(f"{seed}:outlet:{index}")
        self.name = name
        voice = _Voice(rng)
        writer = _Writer(rng, voice)
        paragraphs: dict[str, None] = {}  # distinct, so no article repeats a paragraph (cleaning would drop it)
        while len(paragraphs) < PARAGRAPHS_PER_OUTLET:
            if rng.random() < voice.quoting:
                paragraph = writer.quotation()
            else:
                paragraph = writer.narration(rng.choices((1, 2, 3), (35, 45, 20))[0])
            paragraphs[voice.finish(paragraph)] = None
        self.paragraphs = tuple(paragraphs)
        short = name.removeprefix("The ")
        dash = "\u2014" if voice.typographic else "-"
        dateline = f"{{PLACE}} ({short}) {dash} " if voice.dateline else ""
        self.ledes = tuple(voice.finish(dateline + writer.narration(2)) for _ in range(PARAGRAPHS_PER_OUTLET // 8))
        self.headlines = tuple(voice.finish(writer.fill(_choice(rng, HEADLINES))) for _ in range(100))
        mean_paragraph = sum(map(len, self.paragraphs)) / len(self.paragraphs) + 1
        mean_lede = sum(map(len, self.ledes)) / len(self.ledes)
        middle = max(1.0, (TARGET_CHARS * voice.length - mean_lede) / mean_paragraph)
        self.sizes = (max(1, round(middle * 0.5)), max(1, round(middle * 1.5)))


OUTLET_WORDS = "Daily Evening Morning Weekly National Global Metro Northern Southern Eastern Western Capital".split()
OUTLET_PAPERS = (
    "Herald Courier Ledger Gazette Tribune Dispatch Observer Monitor Chronicle Sentinel Post Times Record "
    "Examiner Review Standard Bulletin Journal Express Telegraph"
).split()


def outlet_names(outlets: int, seed: int = 0) -> list[str]:
    """Distinct made-up outlet names, the same first ones for a seed whatever the count."""
    names = [f"The {a} {b}" for a in OUTLET_WORDS for b in OUTLET_PAPERS]
    Random(f"{seed}:names").shuffle(names)
    return [names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "") for i in range(outlets)]


@functools.lru_cache(maxsize=256)
def _outlet(seed: int, index: int, name: str) -> _Outlet:
    return _Outlet(name, seed, index)


def generate_articles(count: int, seed: int = 0, outlets: int = 20) -> Iterator[dict]:
    """Yield `count` article rows (FIELDS), deterministic for a seed.

    Articles come in stories: each story is one event (a place, a weekday, casualty and troop
    figures) covered by several distinct outlets within three days of each other, as a batch
    of real coverage would be."""
    if outlets < 1:
        raise ValueError("outlets must be at least 1")
    pool = [_outlet(seed, i, name) for i, name in enumerate(outlet_names(outlets, seed))]
    rng = Random(f"{seed}:articles")
    randrange, randint, sample = rng.randrange, rng.randint, rng.sample
    produced = story = 0
    while produced < count:
        story += 1
        story_id = f"story-{story:06d}"
        day = randrange(DAYS - 2)
        place, town = sample(PLACES, 2)
        slots = {
            "place": place, "PLACE": place.upper(), "town": town, "day": _WEEKDAYS[day], "n1": str(randint(3, 240)),
            "n2": TROOPS[randrange(len(TROOPS))], "n3": str(randint(4, 60)),
        }
        covering = sample(pool, min(count - produced, randint(max(1, outlets // 4), outlets)))
        for outlet in covering:
            produced += 1
            low, high = outlet.sizes
            body = "\n".join(sample(outlet.paragraphs, randint(low, high)))
            text = f"{outlet.ledes[randrange(len(outlet.ledes))]}\n{body}".format_map(slots)
            yield {
                "story": story_id,
                "article": f"a{produced:07d}",
                "outlet": outlet.name,
                "date": _ISO_DATES[day + randrange(3)],
                "headline": outlet.headlines[randrange(len(outlet.headlines))].format_map(slots),
                "text": text,
            }


# --- Writing --------------------------------------------------------------------------------------


def write_corpus(path: str | Path, count: int, seed: int = 0, outlets: int = 20) -> tuple[int, int]:
    """Stream `count` articles to .jsonl, .csv or .parquet (by suffix); return (rows, UTF-8 bytes of text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    writers = {".jsonl": _write_jsonl, ".csv": _write_csv, ".parquet": _write_parquet}
    if suffix not in writers:
        raise ValueError(f"{path}: unknown format {suffix!r}; use .jsonl, .csv or .parquet")
    return writers[suffix](path, generate_articles(count, seed, outlets))


def _write_jsonl(path: Path, rows: Iterator[dict]) -> tuple[int, int]:
    count = size = 0
    dumps = json.dumps
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(dumps(row, ensure_ascii=False) + "\n")
            count += 1
            size += len(row["text"].encode())
    return count, size


def _write_csv(path: Path, rows: Iterator[dict]) -> tuple[int, int]:
    count = size = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)  # QUOTE_MINIMAL: fields with commas, quotes or line breaks are quoted
        writer.writerow(FIELDS)
        for row in rows:
            writer.writerow([row[field] for field in FIELDS])
            count += 1
            size += len(row["text"].encode())
    return count, size


def _write_parquet(path: Path, rows: Iterator[dict]) -> tuple[int, int]:
    import pyarrow as pa  # only this format needs it
    import pyarrow.parquet as pq

    schema = pa.schema([(field, pa.string()) for field in FIELDS])
    count = size = 0
    columns: dict[str, list[str]] = {field: [] for field in FIELDS}
    with pq.ParquetWriter(path, schema) as writer:
        for row in rows:
            for field in FIELDS:
                columns[field].append(row[field])
            count += 1
            size += len(row["text"].encode())
            if len(columns["text"]) == ROW_GROUP:
                writer.write_table(pa.table(columns, schema=schema))
                columns = {field: [] for field in FIELDS}
        if columns["text"] or count == 0:
            writer.write_table(pa.table(columns, schema=schema))
    return count, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles to write")
    parser.add_argument("--out", type=Path, required=True, help="output file: .jsonl, .csv or .parquet")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--lexicon-out", type=Path, help="also write a generated lexicon to this YAML file")
    parser.add_argument("--terms", type=int, default=2000, help="terms in the generated lexicon (default 2000)")
    args = parser.parse_args(argv)
    if args.lexicon_out:
        data = generate_lexicon(args.terms, args.seed)
        lexicon = parse_lexicon(data, source=str(args.lexicon_out))  # refuse to write a lexicon the engine rejects
        args.lexicon_out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print(f"wrote {len(lexicon.terms):,} terms in {len(lexicon.categories)} categories to {args.lexicon_out}")
    started = time.perf_counter()
    rows, size = write_corpus(args.out, args.articles, args.seed, args.outlets)
    seconds = time.perf_counter() - started
    megabytes = size / 1e6
    print(f"wrote {rows:,} articles ({megabytes:,.1f} MB of text, {args.out.stat().st_size / 1e6:,.1f} MB on disk) "
          f"to {args.out} in {seconds:.1f} s: {megabytes / seconds:.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
