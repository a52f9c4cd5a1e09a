"""Whether a quotation's speaker is one of the story's actors, on stories imported as a user would.

Each dev story is imported like `bench/naming_recall.py` does it (the Import page's `read_files`,
the outlets from the file names, `create_story` into a temporary data folder, loaded back and
analysed with the default lexicon). Per story it prints the direct quotations, how many have a
speaker, how many of those speakers are one of the story's actor rows (a referent of the naming
table) and the speakers that are not, with a count each; with --sample N, N quotations with a
speaker per story (every k-th, in reading order), each with the words before it, to check by hand.

    python bench/speaker_check.py [--shared PATH] [--sample 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from naming_recall import default_shared, imported  # noqa: E402  (after the path is set)

CONTEXT = 90  # characters of text before a sampled quotation, where its attribution usually is


def speaker_figures(analysis) -> dict:
    """The quotations, those with a speaker, those whose speaker is an actor row, and the others."""
    quotes = analysis.quotations()
    rows = set(analysis.spans.loc[analysis.spans["referent"] != "", "referent"])
    spoken = quotes[quotes["speaker"] != ""]
    actors = spoken[spoken["speaker"].isin(rows)]
    return {"quotations": len(quotes), "with_speaker": len(spoken), "actor_speakers": len(actors),
            "not_actors": Counter(spoken.loc[~spoken["speaker"].isin(rows), "speaker"])}


def sample(analysis, size: int) -> list[str]:
    """Every k-th quotation with a speaker, as a line to judge: speaker, the text before, the quote."""
    quotes = analysis.quotations()
    spoken = quotes[quotes["speaker"] != ""].reset_index(drop=True)
    if spoken.empty or size <= 0:
        return []
    step = max(1, len(spoken) // size)
    texts = analysis.texts()
    lines = []
    for row in spoken.iloc[::step].head(size).itertuples():
        before = " ".join(texts[row.article][max(0, row.start - CONTEXT):row.start].split())
        after = " ".join(texts[row.article][row.end:row.end + 40].split())
        lines.append(f"    [{row.speaker}] {row.outlet}: …{before} «{row.text[:60]}» {after}…")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--sample", type=int, default=0, help="quotations per story to print for checking by hand")
    args = parser.parse_args()
    stories = args.shared / "dev-stories"
    totals = Counter()
    with tempfile.TemporaryDirectory() as data:
        os.environ["FRAMING_DATA_DIR"] = data
        for folder in sorted(stories.glob("newswcl50-event-*")):
            analysis = imported(folder)
            figures = speaker_figures(analysis)
            totals.update({k: v for k, v in figures.items() if k != "not_actors"})
            share = figures["actor_speakers"] / figures["with_speaker"] if figures["with_speaker"] else 0.0
            print(f"{folder.name}: {figures['quotations']} quotations, {figures['with_speaker']} with a speaker, "
                  f"{figures['actor_speakers']} of them an actor row ({share:.2f})")
            if figures["not_actors"]:
                shown = ", ".join(f"{name} ×{n}" for name, n in figures["not_actors"].most_common())
                print(f"  speakers that are no actor row: {shown}")
            for line in sample(analysis, args.sample):
                print(line)
    share = totals["actor_speakers"] / totals["with_speaker"] if totals["with_speaker"] else 0.0
    print(f"all: {totals['quotations']} quotations, {totals['with_speaker']} with a speaker, "
          f"{totals['actor_speakers']} of them an actor row ({share:.2f})")


if __name__ == "__main__":
    main()
