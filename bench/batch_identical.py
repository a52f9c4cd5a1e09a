"""Byte-for-byte check that the batch's outputs have not changed: record them once, compare later.

    python bench/batch_identical.py record DIR [--articles 20000]   # before a change
    python bench/batch_identical.py compare DIR                     # after it: exit 1 on any difference
    python bench/batch_identical.py compare DIR --engine dask       # the Dask engine against the recording

`record` writes a generated corpus and its 2,000-term lexicon (bench/corpus.py) into DIR, runs
`python -m framing batch` on it twice, without and with `--spans`, both as CSV, and keeps the
outputs (scores, outlet and term tables, span table). `compare` runs the same two commands with the
code as it is now into DIR/now and compares every file byte for byte with the recorded one,
printing the first differing line of any file that differs. `--engine dask` runs them on a local
Dask cluster of `--workers` processes instead of the local engine: every engine must write the
same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_lexicon, write_corpus  # noqa: E402

RUNS = {"plain": False, "spans": True}  # output folder: with --spans
OUTPUTS = ("scores.csv", "scores.outlets.csv", "scores.terms.csv")


def run_batch(workdir: Path, target: Path, workers: int, engine: str = "local") -> None:
    """Both runs of the batch command over the corpus in `workdir`, into `target`/plain and /spans."""
    for name, with_spans in RUNS.items():
        out = target / name
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        command = [sys.executable, "-m", "framing", "batch", str(workdir / "corpus.jsonl"),
                   "--lexicon", str(workdir / "lexicon.yaml"), "--out", str(out / "scores.csv"),
                   "--workers", str(workers), "--engine", engine, "--no-progress"]
        if with_spans:
            command += ["--spans", str(out / "spans.csv")]
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
        print(f"{name}: {time.perf_counter() - started:.1f} s")


def expected_files(with_spans: bool) -> tuple[str, ...]:
    return (*OUTPUTS, "spans.csv") if with_spans else OUTPUTS


def first_difference(a: Path, b: Path) -> str:
    with a.open("rb") as left, b.open("rb") as right:
        for number, (x, y) in enumerate(zip(left, right, strict=False), 1):
            if x != y:
                return f"line {number}:\n  recorded {x[:200]!r}\n  now      {y[:200]!r}"
    return "one file is a prefix of the other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--articles", type=int, default=20_000, help="corpus size for record (default 20,000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="the engine of the runs")
    args = parser.parse_args(argv)
    workdir: Path = args.workdir
    if args.action == "record":
        workdir.mkdir(parents=True, exist_ok=True)
        write_corpus(workdir / "corpus.jsonl", args.articles, seed=0)
        (workdir / "lexicon.yaml").write_text(
            yaml.safe_dump(generate_lexicon(2000, seed=0), allow_unicode=True, sort_keys=False), encoding="utf-8")
        run_batch(workdir, workdir / "recorded", args.workers, args.engine)
        print(f"recorded in {workdir / 'recorded'}")
        return 0
    run_batch(workdir, workdir / "now", args.workers, args.engine)
    differing = 0
    for name, with_spans in RUNS.items():
        for file in expected_files(with_spans):
            recorded, now = workdir / "recorded" / name / file, workdir / "now" / name / file
            if filecmp.cmp(recorded, now, shallow=False):
                print(f"same      {name}/{file} ({recorded.stat().st_size:,} bytes)")
            else:
                differing += 1
                print(f"DIFFERENT {name}/{file}: {first_difference(recorded, now)}")
    print("all outputs identical" if not differing else f"{differing} files differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
