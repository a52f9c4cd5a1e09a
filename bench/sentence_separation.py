"""A proxy for how well the default lexicon's hit count tells loaded sentences from plain ones.

    python bench/sentence_separation.py [--shared PATH] [--lexicon FILE]

The check that counts (ROC-AUC of "hits in the sentence" on expert-labelled news sentences, and
the share of the experts' biased words inside a hit) is run on data this team does not have.
This script gives a proxy to compare lexicon choices by, never a figure to report as that one:
over the five development stories, a sentence is "loaded" when it holds a NewsWCL50 PROPERTY
annotation (a word choice the annotators judged to characterise an actor: aggressor, weakness,
no trustworthiness...), and "plain" otherwise. It prints, for the general categories together,
each alone and all but each, the ROC-AUC of the number of hits per sentence, the share of
sentences with a hit, and the share of annotated PROPERTY words inside a hit. `--lexicon` measures
another lexicon file (a variant of the default, say) the same way.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from naming_recall import default_shared, imported, placed

from framing import analyse, load_lexicon
from framing.text import sentence_bounds

# discovered actors are spans too, but no category of the lexicon
NOT_GENERAL = {"actors"}


def property_rows(path: Path) -> dict[int, list[dict]]:
    by_event = defaultdict(list)
    with path.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["code_type"] == "PROPERTY":
                by_event[int(row["event_id"])].append(row)
    return by_event


def sentence_table(analysis, rows: list[dict]) -> list[dict]:
    """One entry per sentence: whether it holds a PROPERTY mention, its hits per category, and the
    PROPERTY words in it, each with the categories of the hits it is inside."""
    texts = {doc.article.outlet: doc.text for doc in analysis.documents}
    marked = defaultdict(list)
    for _row, outlet, start, end in placed(rows, texts):
        if start is not None:
            marked[outlet].append((start, end))
    out = []
    for doc in analysis.documents:
        outlet = doc.article.outlet
        hits = [(s.start, s.end, s.category) for s in doc.spans if s.category not in NOT_GENERAL]
        for start, end in sentence_bounds(doc.text):
            inside = [h for h in hits if start <= h[0] < end]
            mentions = [(s, e) for s, e in marked[outlet] if start <= s < end]
            words = []
            for s, e in mentions:
                for offset in _word_starts(doc.text, s, e):
                    words.append({h[2] for h in inside if h[0] <= offset < h[1]})
            categories = defaultdict(int)
            for _s, _e, category in inside:
                categories[category] += 1
            out.append({"loaded": bool(mentions), "hits": categories, "words": words,
                        "length": len(doc.text[start:end].split())})
    return out


def _word_starts(text: str, start: int, end: int) -> list[int]:
    starts, previous = [], False
    for i in range(start, end):
        word = text[i].isalnum()
        if word and not previous:
            starts.append(i)
        previous = word
    return starts


def figures(sentences: list[dict], categories: set[str]) -> tuple[float, float, float, float]:
    labels = np.array([s["loaded"] for s in sentences])
    counts = np.array([sum(n for c, n in s["hits"].items() if c in categories) for s in sentences])
    lengths = np.array([s["length"] for s in sentences])
    fired = float(np.mean(counts > 0))
    covered = [bool(w & categories) for s in sentences for w in s["words"]]
    share = (sum(covered) / len(covered)) if covered else float("nan")
    return _auc(labels, counts), _auc_within_lengths(labels, counts, lengths), fired, share


def _auc(labels: np.ndarray, scores: np.ndarray) -> float:
    return float(roc_auc_score(labels, scores)) if len(set(labels)) == 2 else float("nan")


def _auc_within_lengths(labels: np.ndarray, scores: np.ndarray, lengths: np.ndarray, bins: int = 5) -> float:
    """The mean ROC-AUC within fifths of sentence length: longer sentences hold more of everything,
    so this says whether hits separate sentences beyond their length."""
    edges = np.quantile(lengths, np.linspace(0, 1, bins + 1)[1:-1])
    fifth = np.searchsorted(edges, lengths, side="right")
    values = [_auc(labels[fifth == k], scores[fifth == k]) for k in range(bins)]
    return float(np.nanmean(values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--lexicon", type=Path, help="lexicon YAML to measure (default: the default lexicon)")
    args = parser.parse_args()
    lexicon = load_lexicon(args.lexicon) if args.lexicon else None
    rows = property_rows(args.shared / "dev-stories" / "newswcl50-annotations-events-0-4.csv")
    sentences = []
    with tempfile.TemporaryDirectory() as data:
        os.environ["FRAMING_DATA_DIR"] = data
        for folder in sorted((args.shared / "dev-stories").glob("newswcl50-event-*")):
            analysis = imported(folder)
            if lexicon:
                analysis = analyse(analysis.story, lexicon, actors=False)
            sentences += sentence_table(analysis, rows[int(folder.name.rsplit("-", 1)[1])])
            general = {c.id for c in analysis.lexicon.categories}
    loaded = sum(s["loaded"] for s in sentences)
    print(f"{len(sentences)} sentences, {loaded} with a PROPERTY annotation (proxy for loaded)\n")
    lengths = np.array([s["length"] for s in sentences])
    print(f"sentence length alone: ROC-AUC {_auc(np.array([s['loaded'] for s in sentences]), lengths):.3f}\n")
    print("| categories | ROC-AUC | within length fifths | sentences with a hit | PROPERTY words in a hit |")
    print("|---|---:|---:|---:|---:|")

    def line(name: str, chosen: set[str]) -> None:
        auc, within, fired, covered = figures(sentences, chosen)
        print(f"| {name} | {auc:.3f} | {within:.3f} | {fired:.0%} | {covered:.0%} |")

    line("all general", general)
    for category in sorted(general):
        line(f"{category} alone", {category})
    for category in sorted(general):
        line(f"all but {category}", general - {category})


if __name__ == "__main__":
    main()
