"""Old code against new on one corpus, run by turns, so that a shared machine's load falls on both alike.

    python bench/paired_runs.py OLD [NEW] --workdir DIR [--part chunk|batch|both] [--rounds 6]

OLD and NEW (default HEAD) are git revisions, each written out with `git archive` into DIR; the
corpus (20,000 generated articles, JSONL) and the 2,000-term lexicon of bench/corpus.py are
written there once. Each round runs both, in turns that alternate which goes first:

- `chunk`: one chunk's CPU in one process: `score_chunk` without spans, best of 3 passes over 8
  chunks of 500 articles (the first chunk scored once before, as a worker's set-up);
- `batch`: `python -m framing batch` over the corpus (local engine, 2 workers, Parquet output),
  the CPU of its own process and of its workers apart.

It prints every round with the load average and, for each figure, the medians, the minimums and
each round's ratio new/old: on a machine someone else is using too, the ratios within a round are
the figures to read.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_lexicon, write_corpus  # noqa: E402

CHUNK = """
import json, sys, time
from framing.batch import scoring
from framing.lexicon import load_lexicon
from framing.records import jsonl_records
lexicon = load_lexicon(sys.argv[2])
with open(sys.argv[1], "rb") as lines:
    rows = [row for row, _ in zip(jsonl_records(lines, source=sys.argv[1]), range(4000))]
chunks = [rows[at:at + 500] for at in range(0, len(rows), 500)]
scoring._set_up(lexicon)
scoring.score_chunk(chunks[0], lexicon, False)
passes = []
for _ in range(3):
    started = time.process_time()
    for chunk in chunks:
        scoring.score_chunk(chunk, lexicon, False)
    passes.append((time.process_time() - started) / len(chunks) * 1000)
print(json.dumps({"chunk_ms": round(min(passes), 1)}))
"""

BATCH = """
import json, resource, sys
from framing.cli import main
main(["batch", sys.argv[1], "--lexicon", sys.argv[2], "--no-progress", "--out", sys.argv[3], "--workers", "2"])
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
own, workers = round(own.ru_utime + own.ru_stime, 2), round(workers.ru_utime + workers.ru_stime, 2)
print(json.dumps({"command_cpu_s": own, "workers_cpu_s": workers, "cpu_s": round(own + workers, 2)}))
"""


def checkout(revision: str, workdir: Path) -> Path:
    commit = subprocess.run(["git", "rev-parse", "--short", revision], cwd=ROOT, check=True, capture_output=True,
                            text=True).stdout.strip()
    tree = workdir / f"code-{commit}"
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def measure(part: str, tree: Path, workdir: Path) -> dict:
    corpus, lexicon = str(workdir / "corpus.jsonl"), str(workdir / "lexicon.yaml")
    args = [corpus, lexicon] if part == "chunk" else [corpus, lexicon, str(workdir / f"out-{tree.name}.parquet")]
    out = subprocess.run([sys.executable, "-c", CHUNK if part == "chunk" else BATCH, *args], cwd=tree,
                         env={**os.environ, "PYTHONPATH": str(tree)}, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new", nargs="?", default="HEAD")
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--part", choices=("chunk", "batch", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    workdir: Path = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    if not (workdir / "corpus.jsonl").exists():
        write_corpus(workdir / "corpus.jsonl", 20_000, seed=1)
        (workdir / "lexicon.yaml").write_text(
            yaml.safe_dump(generate_lexicon(2000, seed=0), allow_unicode=True, sort_keys=False), encoding="utf-8")
    trees = {"old": checkout(args.old, workdir), "new": checkout(args.new, workdir)}
    for part in ("chunk", "batch") if args.part == "both" else (args.part,):
        rounds: dict[str, list[dict]] = {"old": [], "new": []}
        for number in range(args.rounds):
            for name in ("old", "new") if number % 2 == 0 else ("new", "old"):
                load = os.getloadavg()[0]
                rounds[name].append(measure(part, trees[name], workdir))
                print(f"{part} round {number + 1} {name} ({trees[name].name}): {rounds[name][-1]}, load {load:.1f}",
                      flush=True)
        for figure in rounds["old"][0]:
            old, new = ([row[figure] for row in rounds[name]] for name in ("old", "new"))
            middle = {name: round(statistics.median(values), 2) for name, values in (("old", old), ("new", new))}
            print(f"{figure}: old median {middle['old']}, min {min(old)}; new median {middle['new']}, "
                  f"min {min(new)}; new/old {middle['new'] / middle['old']:.3f} (medians), "
                  f"each round {[round(b / a, 3) for a, b in zip(old, new, strict=True)]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
