"""How much of a story's annotated naming the naming table finds, on stories imported as a user would.

Each dev story's five articles are read with `framing.library.importing.read_files` (as the Import
page does), given their outlet and saved with `story_store.create_story` into a temporary data
folder; the saved story is loaded and analysed with the default lexicon. Against the NewsWCL50
annotations (code types ACTOR, ACTOR-I, GROUP, COUNTRY), for the five most-mentioned annotated
actors of each story:
- recall: the share of the actor's annotated mentions that fall in its best naming row (the row, or
  referent, holding most of them). An annotated mention is found where a naming span (one with a
  referent) overlaps it; mentions are placed in the text by their words, the k-th annotation of the
  same words in one article being the k-th occurrence of those words in it (token positions differ);
- rows: how many naming rows hold the actor's mentions while that actor is the annotated actor most
  of the row's found mentions belong to (a row mostly about someone else does not split this one);
  printed also counting only rows with two or more of the actor's mentions, since one stray mention
  (an annotation slip such as "Mr. Kim" coded as Trump) makes a row of its own;
- both per actor row (the naming table's rows) and rolled up per group (the country each row belongs
  to, `Analysis.groups()`), each labelled;
- composite: an annotated concept whose best actor row holds less than half of its found mentions
  while two rows or more hold at least 3 each (annotated as one concept, several actors in the text);
- and, with --labels, the top rows of the table with their labels and group, for judging precision by hand.

    python bench/naming_recall.py [--shared PATH] [--labels 8]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PUBLISHERS = {"LL": "huffpost", "L": "nytimes", "M": "usatoday", "R": "foxnews", "RR": "breitbart"}
OUTLETS = {"huffpost": "HuffPost", "nytimes": "The New York Times", "usatoday": "USA Today",
           "foxnews": "Fox News", "breitbart": "Breitbart"}
ACTOR_TYPES = {"ACTOR", "ACTOR-I", "GROUP", "COUNTRY"}
TOP = 5


def default_shared() -> Path:
    candidates = [REPO.parent / "shared", Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")]
    return next((p for p in candidates if (p / "dev-stories").is_dir()), candidates[-1])


def imported(folder: Path):
    """The story as the Import page would save it, loaded back and analysed."""
    from framing import analyse, load_story
    from framing.library.importing import read_files
    from framing.library.story_store import create_story

    files = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.txt"))]
    result = read_files(files)
    drafts = [replace(d, metadata={**d.metadata, "outlet": OUTLETS[Path(d.name).stem]}) for d in result.drafts]
    # the five dev outlets are American: the Import page's country column, as a user would fill it in
    drafts = [replace(d, metadata={**d.metadata, "country": "United States"}) for d in drafts]
    saved = create_story(folder.name, "", drafts)
    return analyse(load_story(saved.folder))


def annotations(path: Path) -> dict[int, list[dict]]:
    by_event = defaultdict(list)
    with path.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["code_type"] in ACTOR_TYPES:
                by_event[int(row["event_id"])].append(row)
    for rows in by_event.values():
        rows.sort(key=lambda r: (r["publisher_id"], int(r["paragraph"]), int(r["sentence"]), int(r["start"])))
    return by_event


def raw_paragraphs(folder: Path) -> dict[str, list[str]]:
    """Each outlet's paragraphs as the annotators numbered them: the file's non-empty lines."""
    return {OUTLETS[p.stem]: [line.strip() for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]
            for p in sorted(folder.glob("*.txt"))}


def _pattern(row: dict) -> re.Pattern | None:
    words = re.findall(r"\w+", row["code_mention"].replace("``", "").replace("''", ""))
    return re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE) if words else None


def _paragraph_shift(rows: list[dict], paragraphs: list[str]) -> int:
    """How far the annotators' paragraph numbers are from the file's non-empty lines (a few outlets'
    numbering is off by a line or more): the shift under which most mentions are in their paragraph."""
    def hits(shift):
        return sum(1 for row in rows if (p := _pattern(row)) and 0 <= int(row["paragraph"]) + shift < len(paragraphs)
                   and p.search(paragraphs[int(row["paragraph"]) + shift]))
    return max(range(-4, 5), key=lambda shift: (hits(shift), -abs(shift)))


def placed(rows: list[dict], texts: dict[str, str], paragraphs: dict[str, list[str]]
           ) -> list[tuple[dict, str, int, int] | tuple[dict, str, None, None]]:
    """Each annotated mention with its outlet and its offsets in that outlet's text (None if not there):
    in text order, each annotation of some words takes the first occurrence of them in its paragraph
    (found in the saved text) that no annotation of the same concept has taken and that is not inside
    a longer annotated mention (the "Trump" of "Melania Trump"); where none is left, the occurrence
    nearest the paragraph, as a guess that takes no place from later annotations."""
    by_outlet = defaultdict(list)
    for row in rows:
        by_outlet[OUTLETS[PUBLISHERS[row["publisher_id"]]]].append(row)
    shift = {outlet: _paragraph_shift(outlet_rows, paragraphs[outlet]) for outlet, outlet_rows in by_outlet.items()}
    taken: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    bounds: dict[tuple[str, int], tuple[int, int]] = {}

    def paragraph_bounds(outlet: str, number: int) -> tuple[int, int]:
        if (outlet, number) not in bounds:
            paras = paragraphs[outlet]
            para = paras[number] if 0 <= number < len(paras) else ""
            at = texts[outlet].find(para) if para else -1
            bounds[outlet, number] = (at, at + len(para)) if at >= 0 else (-1, -1)
        return bounds[outlet, number]

    def free(matches, outlet, concept):
        """Not inside a longer placed mention, nor placed already with this concept (the same words
        may carry two codes: "the two Koreas" is North and South Korea)."""
        return [m for m in matches if not any(s <= m.start() and m.end() <= e and ((s, e) != m.span() or c == concept)
                                              for s, e, c in taken[outlet])]

    out = {}
    for index in sorted(range(len(rows)), key=lambda k: -len(rows[k]["code_mention"].split())):  # stable
        row = rows[index]
        outlet = OUTLETS[PUBLISHERS[row["publisher_id"]]]
        pattern = _pattern(row)
        if pattern is None:
            continue
        start, end = paragraph_bounds(outlet, int(row["paragraph"]) + shift[outlet])
        found = free(pattern.finditer(texts[outlet], start, end), outlet, row["code_name"]) if start >= 0 else []
        if found:
            match = found[0]  # the earlier ones of these words in the paragraph are taken already
            taken[outlet].append((*match.span(), row["code_name"]))
        else:  # not in its paragraph: a guess, the nearest occurrence, which takes no place from others
            anywhere = free(pattern.finditer(texts[outlet]), outlet, row["code_name"])
            match = min(anywhere, key=lambda m: abs(m.start() - max(start, 0)), default=None)
        out[index] = (row, outlet, match.start(), match.end()) if match else (row, outlet, None, None)
    return [out[k] for k in sorted(out)]


def _best_overlap(spans, start: int, end: int) -> str | None:
    """The referent of the span sharing most characters with the mention ("former FBI director
    James Comey" is Comey's mention, though "FBI" inside it is a span too)."""
    overlaps = [(min(end, s.end) - max(start, s.start), s.referent) for s in spans if s.start < end and start < s.end]
    return max(overlaps, key=lambda pair: pair[0])[1] if overlaps else None


def measure(analysis, rows: list[dict], paragraphs: dict[str, list[str]], *, level: str) -> list[dict]:
    """Recall and rows for the TOP annotated concepts, a row being a naming row (level "actor") or
    the group the naming rows roll up into (level "group")."""
    texts = {doc.article.outlet: doc.text for doc in analysis.documents}
    spans = analysis.spans[analysis.spans["referent"] != ""]
    row_name = analysis.groups() if level == "group" else {}
    by_outlet = {outlet: list(group.itertuples()) for outlet, group in spans.groupby("outlet")}
    mentions = placed(rows, texts, paragraphs)
    row_of = []
    for row, outlet, start, end in mentions:
        hit = None if start is None else _best_overlap(by_outlet.get(outlet, []), start, end)
        row_of.append((row["code_name"], row_name.get(hit, hit)))
    per_row = defaultdict(Counter)
    for concept, hit in row_of:
        if hit:
            per_row[hit][concept] += 1
    main = {hit: concepts.most_common(1)[0][0] for hit, concepts in per_row.items()}
    totals = Counter(concept for concept, _ in row_of)
    results = []
    for concept, total in totals.most_common(TOP):
        rows_held = Counter(hit for c, hit in row_of if c == concept and hit)
        best = rows_held.most_common(1)[0] if rows_held else ("", 0)
        found = sum(rows_held.values())
        results.append({"actor": concept, "mentions": total, "best_row": best[0], "recall": best[1] / total,
                        "rows": sum(1 for hit in rows_held if main[hit] == concept),
                        "rows_2": sum(1 for hit, n in rows_held.items() if main[hit] == concept and n >= 2),
                        "rows_any": len(rows_held),
                        "composite": best[1] < found / 2 and sum(1 for n in rows_held.values() if n >= 3) >= 2})
    return results


def report(event: int, analysis, rows: list[dict], paragraphs, level: str) -> tuple[float, float, float]:
    results = measure(analysis, rows, paragraphs, level=level)
    recall = sum(r["recall"] for r in results) / len(results)
    held = sum(r["rows"] for r in results) / len(results)
    held_2 = sum(r["rows_2"] for r in results) / len(results)
    print(f"event {event}, per {level}: mean recall {recall:.2f}, rows per annotated concept {held:.2f} "
          f"({held_2:.2f} counting only rows with 2 or more of its mentions)")
    single = [r for r in results if not r["composite"]]
    if level == "actor" and single:  # one person, country or organisation each, as the table shows them
        recall_single = sum(r["recall"] for r in single) / len(single)
        rows_single = sum(r["rows"] for r in single) / len(single)
        rows_single_2 = sum(r["rows_2"] for r in single) / len(single)
        print(f"  of which not composite ({len(single)}): mean recall {recall_single:.2f}, rows {rows_single:.2f} "
              f"({rows_single_2:.2f})")
    for r in results:
        print(f"  {r['actor']:<28} {r['mentions']:>4} mentions  recall {r['recall']:.2f} in "
              f"{r['best_row']!r:<32} rows {r['rows']}, with 2+ {r['rows_2']} (holding any: {r['rows_any']})"
              f"{'  composite' if r['composite'] and level == 'actor' else ''}")
    return recall, held, held_2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--labels", type=int, default=0, help="print this many top rows per story with labels")
    args = parser.parse_args()
    stories = args.shared / "dev-stories"
    by_event = annotations(stories / "newswcl50-annotations-events-0-4.csv")
    with tempfile.TemporaryDirectory() as data:
        os.environ["FRAMING_DATA_DIR"] = data
        summary = defaultdict(list)
        for event in sorted(by_event):
            folder = stories / f"newswcl50-event-{event}"
            analysis = imported(folder)
            for level in ("actor", "group"):
                summary[level].append(report(event, analysis, by_event[event], raw_paragraphs(folder), level))
            if args.labels:
                naming = analysis.naming()
                counts = naming.groupby("referent")["count"].sum().sort_values(ascending=False)
                for referent in counts.index[:args.labels]:
                    labels = naming[naming["referent"] == referent].groupby("label")["count"].sum()
                    shown = ", ".join(f"{label} ×{n}" for label, n in labels.sort_values(ascending=False).items())
                    group = naming.loc[naming["referent"] == referent, "group"].iloc[0]
                    print(f"    [{referent}] (group {group}) {shown}")
        for level, figures in summary.items():
            print(f"all, per {level}: mean recall {sum(f[0] for f in figures) / len(figures):.2f}, "
                  f"rows per annotated concept {sum(f[1] for f in figures) / len(figures):.2f} "
                  f"({sum(f[2] for f in figures) / len(figures):.2f} with 2 or more of its mentions)")


if __name__ == "__main__":
    main()
