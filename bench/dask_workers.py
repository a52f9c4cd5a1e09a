"""Dask on 1 worker against 2, on their own: is the second worker scoring beside the first?

    python bench/dask_workers.py [--articles 5000] [--rounds 2] [--workers cold,preloaded] [--workdir DIR]

For each round and each kind of worker, alternating: a running local cluster of 1 worker, then of 2
(its start not timed), cold (as `dask worker` starts one) or preloaded with the engine (`--preload
framing.batch.dask_worker`, as the README says); the batch command sends the same generated corpus
to it with `--scheduler` (bench/batch_scale.py's `dask_speedup`). Prints the wall time, and from
Dask's task stream the time to the first chunk, the scoring and the time after the last chunk, with
the workers' CPU and how many cores they kept busy while scoring, and the load average. Two workers
that keep twice the cores busy are scoring side by side; a speed-up below 2 with the same cores
busy is the machine's other load (the kernel shares the cores between sessions, not processes).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from batch_scale import dask_speedup  # noqa: E402
from corpus import generate_lexicon, write_corpus  # noqa: E402

KINDS = {"cold": False, "preloaded": True}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", default="cold,preloaded", help="kinds of worker, alternating: cold, preloaded")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args(argv)
    kinds = args.workers.split(",")
    if not set(kinds) <= set(KINDS):
        parser.error(f"--workers: one or more of {', '.join(KINDS)}")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="framing-dask-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus, lexicon = workdir / f"corpus-{args.articles}.jsonl", workdir / "lexicon-2000.yaml"
    if not corpus.exists():
        write_corpus(corpus, args.articles, seed=1)
    lexicon.write_text(yaml.safe_dump(generate_lexicon(2000, seed=0), allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    batch = [sys.executable, "-m", "framing", "batch"]
    options = ["--lexicon", str(lexicon), "--no-progress"]
    code = 0
    for round_number in range(1, args.rounds + 1):
        for kind in kinds:
            load = os.getloadavg()[0]
            result = dask_speedup(corpus, batch, options, workdir, preload=KINDS[kind])
            code = code or result["exit"]
            print(f"round {round_number}, {kind} workers, {args.articles:,} articles, load {load:.1f}: "
                  f"speed-up {result['speedup']:.2f}x (target 1.6x)", flush=True)
            for workers, run in result["runs"].items():
                print(f"  {workers} worker(s): {run['seconds']} s; {run['to_first_chunk_s']} s to the first chunk, "
                      f"{run['scoring_s']} s scoring, {run['after_last_chunk_s']} s after the last; workers' CPU "
                      f"{run['worker_cpu_s']} s, {run['cores_busy']} cores busy", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
