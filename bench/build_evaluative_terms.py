"""Rebuild the generated part of the default lexicon's `evaluative` category from the MPQA
subjectivity lexicon (Wilson, Wiebe and Hoffmann 2005; GNU GPL).

    python scripts/build_evaluative_terms.py [--reference ../shared/reference-lexicons]

What is taken: every strongly subjective clue with a positive, negative or mixed prior polarity,
and the weakly subjective adjectives and adverbs that are rare in general English (wordfreq
Zipf <= 3.8: the rarer such a word, the more it is a choice). A word MPQA lists only as a noun or
only as a verb keeps that part of speech (`pos:`; its adjective tags also cover nouns, so they
set none), with its inflected forms written out where MPQA marks it as
matching all of them. Left out: the words listed in EXCLUDED below, which in news are mostly
neutral, function words or names ("will", "support", "Trump", "Supreme Court"); multi-part
prefixes MPQA lists ("anti-"); and every word another category of default.yaml already holds.
The terms are written between the two marker lines of the category in data/lexicons/default.yaml.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import wordfreq
import yaml

REPO = Path(__file__).resolve().parents[1]
LEXICON = REPO / "data" / "lexicons" / "default.yaml"
BEGIN, END = "      # BEGIN terms from MPQA", "      # END terms from MPQA"
MPQA_FILE = "subjclueslen1-HLTEMNLP05.tff"
RARE_WEAK_ZIPF = 3.8
_POS = {"adj": "adjective", "noun": "noun", "verb": "verb", "adverb": "adverb"}
_TERM = re.compile(r"^[a-z][a-z'-]*[a-z]$")

# Strong clues that a news report mostly uses in a neutral sense, as a function word or a name.
EXCLUDED = frozenset("""
will like just want right long little better best well-being sure please might yes thank support set-up
one-side mean kind well-run war-like understand true pretty hope court run-down fun best-known worth wish star
stars second-class little-known hard-line god-given especially better-known worth-while well-received super
serious okay forget first-rate despite cross content break-point agree wonder trump truly seriously master
luck lack glad get-rich dream clearly clear-cut better-than-expected worry world-famous trouble smart
self-respect obviously losing frank fell faith demand dear critical concerned willing well-managed
well-connected vice tired supreme stress promise pro-peace plenty kick honor confidence concern cheap
appreciate struggle recommend prize prefer plot object novel opposition non-confidence favor fault desire
deserve dedicated debate cry creative concerns blame battle-lines admit wise valuable ultimate ultimately
swear surely shadow rid relief recommended protest pride poverty personality mystery moral heavily hardly
curious criticism critics cloud burn argue winners virus spiritual regard refuse rank rail ideal dragon
desert consent congratulations bother wishes recommendations rally punch pretend sacrifice reward stranger
wisdom well-regarded opportunity pillar ally allies oppose opposed justify justified
merely terror fear fears threat danger hero saint god gods lord grace joy
interest interests interested free freedom freely fine clean clear easy easily simply honestly sound stable
significant significantly notable enough bright fair fairly strong strongly real really actually indeed
necessary need needs essential important hopefully unfortunately precise precisely largely slightly
""".split())


def mpqa_clues(reference: Path) -> list[dict]:
    rows = []
    for line in (reference / MPQA_FILE).read_text(encoding="utf-8").splitlines():
        fields = dict(part.split("=", 1) for part in line.split() if "=" in part)
        if fields.get("word1"):
            rows.append(fields)
    return rows


def wanted(clue: dict) -> bool:
    polarity = clue.get("priorpolarity") or clue.get("polarity")
    if polarity not in ("positive", "negative", "both"):
        return False
    if clue["type"] == "strongsubj":
        return True
    return clue["pos1"] in ("adj", "adverb") and wordfreq.zipf_frequency(clue["word1"], "en") <= RARE_WEAK_ZIPF


def verb_forms(verb: str) -> list[str]:
    """-s, -ed and -ing by the regular spelling rules; a wrong guess only matches nothing."""
    if verb.endswith("e"):
        return [verb + "s", verb + "d", verb[:-1] + "ing"]
    if re.search(r"[^aeiou]y$", verb):
        return [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    third = verb + ("es" if re.search(r"(s|sh|ch|x|z|o)$", verb) else "s")
    if re.search(r"(^|[^aeiou])[aeiou][bdgklmnprt]$", verb) and len(re.findall(r"[aeiou]+", verb)) == 1:
        return [third, verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return [third, verb + "ed", verb + "ing"]


def noun_forms(noun: str) -> list[str]:
    if re.search(r"[^aeiou]y$", noun):
        return [noun[:-1] + "ies"]
    return [noun + ("es" if re.search(r"(s|sh|ch|x|z)$", noun) else "s")]


def build_terms(clues: list[dict], taken: set[str]) -> list[dict]:
    """One term per word: its parts of speech merged across clues (any part, if one clue says
    anypos), its forms written out where a clue is stemmed."""
    words: dict[str, dict] = {}
    for clue in filter(wanted, clues):
        word = clue["word1"].lower()
        if word in EXCLUDED or word in taken or not _TERM.match(word):
            continue
        entry = words.setdefault(word, {"pos": set(), "any": False, "forms": set()})
        part = _POS.get(clue["pos1"])
        entry["any"] |= part is None
        if part:
            entry["pos"].add(part)
        if clue.get("stemmed1") == "y":
            if part in (None, "verb"):
                entry["forms"].update(verb_forms(word))
            if part in (None, "noun"):
                entry["forms"].update(noun_forms(word))
    starred = tuple(word[:-1] for word in taken if word.endswith("*"))
    terms, seen = [], set(taken)
    for word in sorted(words):
        entry = words[word]
        if word.startswith(starred):  # another category's "allegation*" holds it
            continue
        forms = sorted(f for f in entry["forms"] if f not in seen and f not in words and f not in EXCLUDED
                       and not f.startswith(starred))
        seen.update(forms)
        term: dict = {"term": word}
        if not entry["any"] and len(entry["pos"]) == 1 and entry["pos"] <= {"noun", "verb"}:
            term["pos"] = next(iter(entry["pos"]))  # MPQA's adjectives include nouns: no filter there
        if forms:
            term["forms"] = forms
        terms.append(term)
    return terms


def other_terms(lexicon_text: str) -> set[str]:
    """Every term and form the default lexicon holds outside the generated part."""
    data = yaml.safe_load(lexicon_text)
    taken = set()
    for category in data["categories"]:
        for item in category["terms"]:
            item = {"term": item} if isinstance(item, str) else item
            taken.add(item["term"].lower())
            taken.update(form.lower() for form in item.get("forms") or ())
    return taken


def render(terms: list[dict]) -> list[str]:
    return ["      - " + yaml.safe_dump(term, default_flow_style=True, width=1000).strip() for term in terms]


def main() -> None:
    shared = REPO.parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path,
                        default=(shared if shared.is_dir() else Path("/work/shared")) / "reference-lexicons")
    args = parser.parse_args()
    text = LEXICON.read_text(encoding="utf-8")
    lines = text.splitlines()
    begin, end = lines.index(BEGIN), lines.index(END)
    kept = "\n".join(lines[:begin + 1] + lines[end:])  # the file without the generated part
    terms = build_terms(mpqa_clues(args.reference), other_terms(kept))
    LEXICON.write_text("\n".join(lines[:begin + 1] + render(terms) + lines[end:]) + "\n", encoding="utf-8")
    print(f"{LEXICON}: {len(terms)} terms from MPQA")


if __name__ == "__main__":
    main()
