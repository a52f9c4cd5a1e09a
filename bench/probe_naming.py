"""The naming table and the speakers on the probe stories, against their hand-made expectations.

The three stories in `bench/probe_stories/` were written for this project (see its README), so
unlike the dev stories they carry no published annotation: `expected_mentions.json` gives, per
actor, the patterns of how the articles write it, and `judgements.json` a verdict on naming rows
and the expected speaker of each quotation. Each story is analysed with the default lexicon and
reported as:
- recall: for the five actors with most expected mentions, the share of those mentions that fall in
  the actor's best row (the referent holding most of them). A mention is found in a row when a
  labelled span with that referent covers half of it or its last word;
- rows per actor: how many rows hold an actor's mentions while most of the row's found mentions
  are that actor's; and how many of the five have no row at all;
- precision: rows judged to be one real actor of the story, over the rows judged. A row with no
  verdict is printed with its labels, to be judged by hand and added to `judgements.json`;
- speakers: quotations whose speaker differs from the expected one (a missing speaker where one
  is expected counts), and quotations with no verdict.

    python bench/probe_naming.py [--failures] [--rows] [--probes DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
PROBES = REPO / "bench" / "probe_stories"
TOP = 5


def expected_mentions(text: str, patterns_by_actor: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Every expected mention as (start, end, actor); where patterns overlap, the longest match wins."""
    found = [(m.start(), m.end(), actor)
             for actor, patterns in patterns_by_actor.items()
             for pattern in patterns for m in re.finditer(pattern, text)]
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, str]] = []
    for mention in found:
        if all(mention[1] <= k[0] or mention[0] >= k[1] for k in kept):
            kept.append(mention)
    return sorted(kept)


def row_of(mention: tuple[int, int, str], spans: list, text: str) -> str | None:
    """The referent of the labelled span covering half the mention or its last word, if any."""
    start, end, _ = mention
    last_word = start + text[start:end].rstrip().rfind(" ") + 1
    best, best_overlap = None, 0
    for span in spans:
        overlap = min(end, span.end) - max(start, span.start)
        covers_last_word = span.start <= last_word and span.end >= end - 1
        if overlap > 0 and (2 * overlap >= end - start or covers_last_word) and overlap > best_overlap:
            best, best_overlap = span.referent, overlap
    return best


def measure(probes: Path, slug: str, patterns_by_actor: dict, row_verdicts: dict, speakers: dict, show_failures: bool,
            show_rows: bool) -> dict:
    from framing import analyse
    from framing.lexicon import load_lexicon
    from framing.stories import Article, Story

    paths = sorted((probes / slug).glob("*.txt"))
    story = Story(slug=slug, title=slug,
                  articles=tuple(Article(id=p.stem, outlet=p.stem, raw=p.read_text()) for p in paths))
    analysis = analyse(story, load_lexicon(REPO / "data" / "lexicons" / "default.yaml"))
    texts, labelled = analysis.texts(), analysis.labelled_spans()

    rows_by_actor: dict[str, list[tuple[str, tuple, str | None]]] = defaultdict(list)
    for article, text in texts.items():
        spans = list(labelled[labelled["article"] == article].itertuples())
        for mention in expected_mentions(text, patterns_by_actor):
            rows_by_actor[mention[2]].append((article, mention, row_of(mention, spans, text)))
    actors_in_row: dict[str, Counter] = defaultdict(Counter)
    for actor, mentions in rows_by_actor.items():
        for _, _, row in mentions:
            if row:
                actors_in_row[row][actor] += 1
    owner = {row: counts.most_common(1)[0][0] for row, counts in actors_in_row.items()}

    top = sorted(rows_by_actor, key=lambda a: -len(rows_by_actor[a]))[:TOP]
    found = total = 0
    own_rows = []
    print(f"\n== {slug} ==")
    for actor in top:
        mentions = rows_by_actor[actor]
        rows = Counter(row for _, _, row in mentions if row)
        best = rows.most_common(1)[0][0] if rows else None
        in_best = sum(1 for _, _, row in mentions if best and row == best)
        owned = [row for row in rows if owner[row] == actor]
        found, total = found + in_best, total + len(mentions)
        if owned:
            own_rows.append(len(owned))
        print(f"  {actor:28s} {in_best:3d}/{len(mentions):<3d} in {best!r}; rows {dict(rows)}")
        if show_failures:
            for article, (start, end, _), row in mentions:
                if row != best:
                    context = texts[article][max(0, start - 50):end + 30].replace("\n", " ")
                    print(f"      missed {texts[article][start:end]!r} ({article}, in {row!r}): ...{context}...")

    naming = analysis.naming()
    row_counts = naming.groupby("referent")["count"].sum().sort_values(ascending=False)
    judged = [row for row in row_counts.index if row in row_verdicts]
    true_rows = sum(1 for row in judged if row_verdicts[row])
    for row, count in row_counts.items():
        verdict = row_verdicts.get(row, "UNJUDGED")
        if show_rows or verdict == "UNJUDGED" or verdict is False:
            labels = naming[naming["referent"] == row].groupby("label")["count"].sum().sort_values(ascending=False)
            print(f"  row {row!r} ({count}) {verdict}: " + "; ".join(f"{label} x{n}" for label, n in labels.items()))

    wrong = unjudged_quotes = 0
    quotations = analysis.quotations()
    for quote in quotations.itertuples():
        key = (quote.outlet, quote.text[:30])
        if key not in speakers:
            unjudged_quotes += 1
            print(f"  quotation UNJUDGED {key!r}: speaker {quote.speaker!r}")
        elif (speakers[key] or "") != (quote.speaker or ""):
            wrong += 1
            print(f"  quotation WRONG {quote.outlet}: {quote.text[:60]!r} speaker {quote.speaker!r}, "
                  f"expected {speakers[key]!r}")
    return {
        "story": slug, "recall": found / total, "rows per actor": sum(own_rows) / max(1, len(own_rows)),
        "actors with no row": TOP - len(own_rows),
        "precision": true_rows / len(judged) if judged else float("nan"),
        "rows": len(row_counts), "unjudged rows": len(row_counts) - len(judged),
        "quotations": len(quotations), "wrong speaker": wrong, "unjudged quotations": unjudged_quotes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--failures", action="store_true",
                        help="print every expected mention missed by its actor's row")
    parser.add_argument("--rows", action="store_true",
                        help="print every row with its labels, not only the unjudged and false ones")
    parser.add_argument("--probes", type=Path, default=PROBES,
                        help="a folder of stories with their expected_mentions.json and judgements.json")
    args = parser.parse_args()
    expected = json.loads((args.probes / "expected_mentions.json").read_text())
    judgements = json.loads((args.probes / "judgements.json").read_text())
    results = []
    for slug, patterns_by_actor in expected.items():
        verdicts = {entry["row"]: entry["actor"] for entry in judgements["rows"].get(slug, [])}
        speakers = {(entry["outlet"], entry["quotation_opens"]): entry["speaker"]
                    for entry in judgements["speakers"].get(slug, [])}
        results.append(measure(args.probes, slug, patterns_by_actor, verdicts, speakers, args.failures, args.rows))
    print()
    columns = list(results[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for result in results:
        print("| " + " | ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in result.values()) + " |")


if __name__ == "__main__":
    main()
