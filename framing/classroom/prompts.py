"""Discussion prompts: open questions for a class, drawn from a story's largest contrasts between outlets.

Five kinds, each from a table the analysis already has, each with the counts behind it and the rows of
words that back it (span-table rows, ready for framing.evidence.span_evidence):
- naming: one actor, two names, used by different outlets in their own words (Analysis.naming());
- verbs: one statement, introduced with different reporting verbs ("said", "dismissed");
- statements: words one outlet quoted that another, reporting the same event, left out;
- distancing: scare quotes and distancing words, where outlets use them unequally;
- rates: a category one outlet uses far more often per 1,000 own words than another, only where the
  counts are not tiny.
Within a kind, prompts are ranked by the size of the contrast (how many mentions, hits or outlets
differ); the list takes the largest of each kind in turn, so a class meets every kind before the
second of any. The questions ask; they never say that an outlet is biased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from framing import resources as r
from framing.actor_words import HONORIFICS
from framing.naming import label_key
from framing.render.markup import file_markdown_text
from framing.spans import SPAN_FIELDS
from framing.text import fold, sentence_index
from framing.voices import NARRATOR

KINDS = ("naming", "verbs", "statements", "distancing", "rates")
MIN_RATE_COUNT = 3  # a rate contrast needs this many hits in the outlet that uses the words most
QUOTE_SHOWN = 90  # characters of a statement shown in a prompt


@dataclass(frozen=True, eq=False)  # tables inside: compare prompts by their fields, not with ==
class Prompt:
    kind: str  # one of KINDS
    question: str  # an open question for the class
    summary: str  # the figures in one plain sentence, counts included
    figures: pd.DataFrame  # the counts behind the summary, one row per outlet
    evidence: pd.DataFrame  # span-table rows (SPAN_FIELDS) of the words behind every count
    size: float  # the contrast's size: mentions (naming), hits (distancing, rates) or outlets (quotations)


def discussion_prompts(analysis, *, top: int = 10) -> list[Prompt]:
    """Up to `top` prompts, the largest contrast of each kind first; none for a one-outlet story."""
    if len(analysis.story.outlets) < 2:
        return []
    builders = (naming_prompts, verb_prompts, statement_prompts, distancing_prompts, rate_prompts)
    ranked = []
    for order, build in enumerate(builders):
        ranked += [(rank, order, prompt) for rank, prompt in enumerate(build(analysis))]
    return [prompt for _, _, prompt in sorted(ranked, key=lambda item: item[:2])][:top]


# --- naming ---------------------------------------------------------------------------------------


def naming_prompts(analysis) -> list[Prompt]:
    """Per actor, the two names that most divide the outlets: each used by outlets that never use the
    other, in their own words. A name from one lexicon category against one from another (a loaded
    label against a plain name) comes before two names of one category (ISIL, Islamic State); then
    the pair whose smaller side has more mentions (3 against 7 before 1 against 17); then the total."""
    naming = analysis.naming()
    naming = naming[naming["voice"] == "narrator"].assign(key=lambda t: t["label"].map(label_key))
    labelled = analysis.labelled_spans(voice=NARRATOR)
    category_of = labelled.groupby("label_key")["category"].agg(lambda c: c.mode().iloc[0]).to_dict()
    found = []
    for referent, table in naming.groupby("referent", sort=False):
        counts = table.pivot_table(index="outlet", columns="key", values="count", aggfunc="sum", fill_value=0)
        pairs = [(category_of.get(a) != category_of.get(b), *_divide(counts, a, b), a, b)
                 for a, b in combinations(counts.columns, 2) if not (spelling_variants(a, b) or house_style(a, b))]
        pairs = [pair for pair in pairs if pair[2]]
        if not pairs:
            continue
        differ, smaller, size, only_a, only_b, a, b = max(pairs, key=lambda pair: pair[:3])
        if len(only_a) > len(only_b):  # the rarer name first: "The Week says 'regime'"
            only_a, only_b, a, b = only_b, only_a, b, a
        labels = dict(zip(table["key"], table["label"], strict=False))
        evidence = labelled[(labelled["referent"] == referent) & labelled["label_key"].isin([a, b])]
        prompt = _naming_prompt(referent, counts, (a, labels[a], only_a), (b, labels[b], only_b), size,
                                evidence[list(SPAN_FIELDS)])
        found.append((differ, smaller, size, prompt))
    return [prompt for *_, prompt in sorted(found, key=lambda item: item[:3], reverse=True)]


def spelling_variants(a: str, b: str) -> bool:
    """Two label keys that write one name two ways: equal once full stops and a leading "al-" are
    dropped ("U.S." ~ "US", "Nusra Front" ~ "al-Nusra Front"), or one the other with words after it
    ("US-led" ~ "US-led coalition"). Words before a name stay a contrast: "so-called" or "moderate"
    is often the framing itself."""
    short, long = sorted((_spelling(a), _spelling(b)), key=len)
    return long == short or long.startswith(short + " ")


def house_style(a: str, b: str) -> bool:
    """Two label keys that differ only by a courtesy title ("Mr. Trump" ~ "Trump"): a paper's
    style for everyone, not a choice about this actor."""
    return a != b and _without_honorific(a) == _without_honorific(b)


def _without_honorific(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if rest and first.rstrip(".") in HONORIFICS else key


def _spelling(key: str) -> str:
    return re.sub(r"^al\s+", "", key.replace(".", "")).strip()


def _divide(counts: pd.DataFrame, a: str, b: str) -> tuple[int, int, list[str], list[str]]:
    """How far names a and b divide the outlets: mentions of a by outlets that never say b, and the
    reverse, as (the smaller side, both sides) and the two groups; zeros unless each side has outlets."""
    only_a = [o for o in counts.index if counts.at[o, a] and not counts.at[o, b]]
    only_b = [o for o in counts.index if counts.at[o, b] and not counts.at[o, a]]
    if not only_a or not only_b:
        return 0, 0, [], []
    side_a, side_b = int(counts.loc[only_a, a].sum()), int(counts.loc[only_b, b].sum())
    return min(side_a, side_b), side_a + side_b, only_a, only_b


def _naming_prompt(referent, counts, first, second, size, evidence) -> Prompt:
    (a, label_a, only_a), (b, label_b, only_b) = first, second

    def uses(outlets, key, label, other):
        each = ", ".join(f"{o} ×{counts.at[o, key]}" for o in outlets)
        return f"{_join(outlets)} {'says' if len(outlets) == 1 else 'say'} “{label}” ({each}) and never “{other}”"

    both = [o for o in counts.index if counts.at[o, a] and counts.at[o, b]]
    summary = (f"For {referent}, in the outlets' own words: {uses(only_a, a, label_a, label_b)}; "
               f"{uses(only_b, b, label_b, label_a)}.")
    if both:
        summary += " " + "; ".join(f"{o} says both (“{label_a}” ×{counts.at[o, a]}, “{label_b}” ×{counts.at[o, b]})"
                                   for o in both) + "."
    question = (f"Why might an outlet say “{label_a}” rather than “{label_b}” for this actor ({referent}), or the "
                "other way round? What does each name suggest about the actor, and about who chose it?")
    figures = pd.DataFrame({
        "outlet": counts.index, f"“{label_a}”": counts[a].to_numpy(), f"“{label_b}”": counts[b].to_numpy(),
        f"all names for {referent}": counts.sum(axis=1).to_numpy(),
    })
    return Prompt("naming", question, summary, figures, evidence, size)



# --- quotations: verbs and statements left out ----------------------------------------------------


def verb_prompts(analysis) -> list[Prompt]:
    """Statements that outlets introduce with different reporting verbs, where one of them does
    more than report ("claimed" against "said")."""
    quotes = analysis.quotations()
    prompts = []
    for row in analysis.statements().itertuples(index=False):
        verbs = {outlet: carried["verb"] for outlet, carried in row.outlets.items() if carried["verb"]}
        colouring = {frozenset(v for v in verb.split(", ") if v.lower() not in r.PLAIN_REPORTING)
                     for verb in verbs.values()}
        if len(verbs) < 2 or len(colouring) < 2:  # "said" against "according to, said" is no contrast
            continue
        words = " and ".join(f"“{verb}” by {outlet}" for outlet, verb in verbs.items())
        distinct = list(dict.fromkeys(verbs.values()))
        summary = f"{_whose(row.speaker)} words “{_shorten(row.text)}” are introduced with {words}."
        question = (f"Compare {' and '.join(f'“{verb}”' for verb in distinct)}: what does each verb suggest about the "
                    "speaker, and about how seriously a reader should take the words?")
        figures = pd.DataFrame({"outlet": list(verbs), "verb": list(verbs.values())})
        evidence = _quotation_spans(analysis, quotes[quotes["statement"] == row.statement])
        prompts.append(Prompt("verbs", question, summary, figures, evidence, len(verbs)))
    return sorted(prompts, key=lambda p: -p.size)


def statement_prompts(analysis) -> list[Prompt]:
    """Statements some outlets quoted and others, reporting the same event, left out."""
    quotes = analysis.quotations()
    events = analysis.articles.groupby("outlet")["event"].agg(set).to_dict()
    found = []
    for row in analysis.statements().itertuples(index=False):
        carriers = list(row.outlets)
        reported = set().union(*(events[o] for o in carriers))
        left_out = [o for o in analysis.story.outlets if o not in row.outlets and _comparable(events[o], reported)]
        if not left_out:
            continue
        known = "" not in reported.union(*(events[o] for o in left_out))
        summary = (f"{_whose(row.speaker)} words “{_shorten(row.text)}” were quoted by {_join(carriers)}; "
                   f"{_join(left_out)}{', reporting the same event,' if known else ''} did not quote them.")
        question = ("Why might one outlet quote these words and another leave them out? How does the choice change "
                    f"what a reader learns about {row.speaker or 'the speaker'}?")
        figures = pd.DataFrame({"outlet": carriers + left_out,
                                "quoted": ["yes"] * len(carriers) + ["no"] * len(left_out),
                                "verb": [row.outlets[o]["verb"] for o in carriers] + [""] * len(left_out)})
        evidence = _quotation_spans(analysis, quotes[quotes["statement"] == row.statement])
        found.append((len(carriers) * len(left_out), len(carriers), len(row.text),
                      Prompt("statements", question, summary, figures, evidence, len(carriers) * len(left_out))))
    return [prompt for *_, prompt in sorted(found, key=lambda item: item[:3], reverse=True)]


def _comparable(events: set[str], others: set[str]) -> bool:
    """Articles on the same event, or where either does not say which event it reports."""
    return bool(events & others) or "" in events or "" in others


def _quotation_spans(analysis, quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotation rows as span-table rows, so their evidence shows each in its sentence."""
    rows = []
    for quote in quotes.itertuples(index=False):
        doc = analysis.document(quote.article)
        sentence = sentence_index([start for start, _ in doc.sentences], quote.start) if doc.sentences else 0
        rows.append((quote.article, quote.outlet, quote.start, quote.end, doc.text[quote.start:quote.end], "", "",
                     "", "quote", False, quote.speaker, sentence))
    return pd.DataFrame(rows, columns=list(SPAN_FIELDS))


# --- category contrasts: distancing and rates -----------------------------------------------------


def distancing_prompts(analysis) -> list[Prompt]:
    """Scare quotes and distancing words in the outlets' own words, where outlets differ. The counts
    are the score table's (as on the Overview): every row of the span table, so a word inside a phrase
    in scare quotes counts as well as the quotes; the evidence is exactly those rows."""
    category = analysis.lexicon.scare_quote_category
    if category is None:
        return []
    spans = analysis.spans_behind(category=category.id, voice=NARRATOR)
    figures = _own_voice_scores(analysis, category.id)
    counts = figures.set_index("outlet")["count"]
    if counts.max() == counts.min():
        return []
    parts = []
    for outlet, count in counts.sort_values(ascending=False, kind="stable").items():
        words = spans[spans["outlet"] == outlet]["text"]
        shown = ", ".join(dict.fromkeys(_quoted(w) for w in words))
        parts.append(f"{outlet} {count}" + (f" ({shown})" if count else ""))
    summary = f"{category.name} in the outlets' own words: {'; '.join(parts)}."
    question = ("What do words such as these, or quotation marks around a phrase nobody is quoted as saying, tell a "
                "reader? Why might one outlet keep its distance from these words and another not?")
    return [Prompt("distancing", question, summary, figures, spans[list(SPAN_FIELDS)],
                   float(counts.max() - counts.min()))]


def rate_prompts(analysis) -> list[Prompt]:
    """Per category, the outlets using it most and least often per 1,000 own words."""
    distancing = analysis.lexicon.scare_quote_category
    prompts = []
    for category in analysis.lexicon.categories:
        if category.fills_gaps or (distancing and category.id == distancing.id):
            continue
        scores = _own_voice_scores(analysis, category.id)
        if len(scores) < 2:
            continue
        most, least = scores.loc[scores["per_1000"].idxmax()], scores.loc[scores["per_1000"].idxmin()]
        excess = most["count"] - least["per_1000"] * most["words"] / 1000  # hits beyond the lower rate
        if most["count"] < MIN_RATE_COUNT or excess < 1:
            continue
        summary = (f"{category.name}, in the outlets' own words: {_rate(most)}; {_rate(least)}."
                   + (" Counts this small can change with one sentence." if least["count"] + most["count"] < 10
                      else ""))
        question = (f"{most['outlet']} uses {category.name.lower()} more often than {least['outlet']}. Read the "
                    "examples from both: what do these words do in each article, and how might a reader's "
                    "impression differ?")
        evidence = analysis.spans_behind(category=category.id, voice=NARRATOR,
                                         outlet=[most["outlet"], least["outlet"]])
        prompts.append(Prompt("rates", question, summary, scores, evidence[list(SPAN_FIELDS)], float(excess)))
    return sorted(prompts, key=lambda p: -p.size)


def _own_voice_scores(analysis, category: str) -> pd.DataFrame:
    scores = analysis.scores
    scores = scores[(scores["category"] == category) & (scores["voice"] == "narrator") & (scores["words"] > 0)]
    return scores[["outlet", "count", "words", "per_1000"]].reset_index(drop=True)


def _rate(row) -> str:
    return f"{row['outlet']} {row['count']} in {row['words']:,} words ({row['per_1000']:.1f} per 1,000)"


# --- wording ---------------------------------------------------------------------------------------


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _quoted(text: str) -> str:
    """A phrase in quotation marks, unless it brings its own (a scare quote)."""
    text = " ".join(text.split())
    return text if fold(text[:1]) in "\"'" else f"“{text}”"


def _whose(speaker: str) -> str:
    return f"{speaker}’s" if speaker else "These"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_SHOWN else text[:QUOTE_SHOWN].rsplit(" ", 1)[0] + " …"


def prompts_markdown(prompts: list[Prompt], *, title: str) -> str:
    """The prompts as a Markdown file for a teacher's notes: question, figures, then the words. Story
    text is escaped, so a Markdown viewer shows it as written and makes no link or image of it."""
    lines = [f"# Discussion prompts: {file_markdown_text(title)}", ""]
    for number, prompt in enumerate(prompts, 1):
        lines += [f"## {number}. {file_markdown_text(prompt.question)}", "", file_markdown_text(prompt.summary), ""]
        for row in prompt.evidence.itertuples(index=False):
            lines.append(f"- {file_markdown_text(row.outlet)}: “{file_markdown_text(' '.join(row.text.split()))}”")
        lines.append("")
    return "\n".join(lines)
