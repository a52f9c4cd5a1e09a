"""Dask on 1 worker against 2, on their own: is the second worker scoring beside the first?

    python bench/dask_workers.py [--articles 5000] [--rounds 2] [--workdir DIR]

A running local cluster of 1 worker, then of 2 (its start not timed), alternating for each round;
the batch command sends the same generated corpus to it with `--scheduler`. Prints the wall time,
each worker process's CPU time over the run and how many cores the workers kept busy on average,
with the load average: two workers that each did about half the work are scoring side by side,
and a speed-up below 2 is then the machine's other load (or the command feeding them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import yaml
from dask import config as dask_config
from distributed import LocalCluster

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_lexicon, write_corpus  # noqa: E402


def worker_cpu(pids: list[int]) -> list[float]:
    return [sum(psutil.Process(pid).cpu_times()[:2]) for pid in pids]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="framing-dask-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus, lexicon = workdir / f"corpus-{args.articles}.jsonl", workdir / "lexicon-2000.yaml"
    if not corpus.exists():
        write_corpus(corpus, args.articles, seed=1)
    lexicon.write_text(yaml.safe_dump(generate_lexicon(2000, seed=0), allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])  # for the workers
    seconds: dict[int, list[float]] = {1: [], 2: []}
    for round_number in range(1, args.rounds + 1):
        for workers in (1, 2):
            with dask_config.set({"distributed.worker.profile.enabled": False}), LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                pids = [worker.process.pid for worker in cluster.workers.values()]
                before, load = worker_cpu(pids), os.getloadavg()[0]
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "framing", "batch", str(corpus), "--lexicon", str(lexicon),
                                "--scheduler", cluster.scheduler_address, "--no-progress",
                                "--out", str(workdir / f"dask{workers}.parquet")],
                               cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
                wall = time.perf_counter() - started
                cpu = [after - first for after, first in zip(worker_cpu(pids), before, strict=True)]
            seconds[workers].append(wall)
            print(f"round {round_number}, {workers} worker(s), load {load:.1f}: {wall:.1f} s; worker CPU "
                  f"{', '.join(f'{c:.1f}' for c in cpu)} s, {sum(cpu) / wall:.2f} cores busy", flush=True)
    for one, two in zip(seconds[1], seconds[2], strict=True):
        print(f"speed-up {one / two:.2f}x (target 1.6x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
