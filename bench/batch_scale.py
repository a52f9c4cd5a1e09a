"""Batch scoring against the limits of the machine, in one run, as ratios measured side by side.

1. Matcher throughput (MB/s of article text) with a 2,000-term lexicon: the single-pass `Matcher`,
   a raw Aho-Corasick scan of the same texts (the lexicon's terms, lowercased, over the lowercased
   text, every hit consumed: the floor of any scan), and the naive loop of one regular expression
   per term (`RegexMatcher`, on a sample, as it is slow). Rounds alternate so load hits all alike.
2. End to end: `python -m framing batch` over N generated articles (default 100,000, about 400 MB)
   as a separate process, wall time and peak resident memory of it and its workers.
3. Dask: the same job sent to a running local Dask cluster of 2 workers against 1 worker (each
   cluster's start timed apart, as a real cluster is up before a job), and the local engine, on
   the same input; the three outputs must be identical.

    python bench/batch_scale.py [--articles 100000] [--dask-articles 20000] [--workdir DIR]

Prints the figures and one JSON line; exits 1 if a run failed. Targets (docs/benchmarks.md): the
matcher at least 40 % of the raw scan; 100,000 articles in under 2 minutes with peak memory under
2 GB; Dask on 2 workers at least 1.6 times as fast as on 1.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import ahocorasick
import pandas as pd
import psutil
import yaml
from dask import config as dask_config
from distributed import LocalCluster

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_articles, generate_lexicon, write_corpus  # noqa: E402

from framing.lexicon import parse_lexicon  # noqa: E402
from framing.matcher import Matcher, RegexMatcher  # noqa: E402

TARGETS = {"matcher_vs_raw": 0.40, "batch_seconds": 120, "batch_peak_gb": 2.0, "dask_speedup": 1.6}


def matcher_throughput(texts: list[str], lexicon, rounds: int, naive_sample: int) -> dict:
    """MB/s of the single-pass matcher and of a raw scan of the same texts, alternating rounds.

    The matcher runs as a batch worker runs it: chunks of 500 texts through `find_many`, after
    the worker's set-up (matcher built, garbage collector frozen)."""
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    raw = ahocorasick.Automaton()
    for term in lexicon.terms:
        raw.add_word(term.text.lower().rstrip("*"), len(term.text))
    raw.make_automaton()
    single = Matcher(lexicon)
    gc.freeze()
    chunks = [texts[i:i + 500] for i in range(0, len(texts), 500)]

    def raw_scan():
        return sum(1 for text in texts for _ in raw.iter(text.lower()))

    def single_pass():
        return sum(len(found) for chunk in chunks for found in single.find_many(chunk))

    timings: dict[str, list[float]] = {"raw": [], "matcher": []}
    for _ in range(rounds):
        for name, run in (("raw", raw_scan), ("matcher", single_pass)):
            started = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - started)
    naive, sample = RegexMatcher(lexicon), texts[:naive_sample]
    started = time.perf_counter()
    naive_found = [naive.find(text) for text in sample]
    naive_seconds = time.perf_counter() - started
    started = time.perf_counter()
    single_found = single.find_many(sample)
    single_seconds = time.perf_counter() - started
    if naive_found != single_found:
        raise SystemExit("the single-pass matcher and the regular-expression loop disagree")
    rates = {name: megabytes / statistics.median(seconds) for name, seconds in timings.items()}
    return {
        "megabytes": round(megabytes, 1), "raw_mb_s": round(rates["raw"], 1),
        "matcher_mb_s": round(rates["matcher"], 1), "matcher_vs_raw": round(rates["matcher"] / rates["raw"], 3),
        "regex_loop_articles": len(sample), "matcher_vs_regex_loop": round(naive_seconds / single_seconds, 1),
        "raw_hits": raw_scan(), "matcher_hits": single_pass(),
    }


def run_measured(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak resident GB (the process and all its children, sampled every 0.1 s), exit code."""
    started = time.perf_counter()
    process = psutil.Popen(command, cwd=cwd, stderr=subprocess.PIPE, text=True)
    peak = 0
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.extend(process.stderr), daemon=True)
    reader.start()
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    reader.join()
    seconds = time.perf_counter() - started
    if process.returncode:
        print("".join(errors[-20:]), file=sys.stderr)
    return seconds, peak / 1e9, process.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="end-to-end batch size (default 100,000)")
    parser.add_argument("--matcher-articles", type=int, default=2_000, help="articles timed for the matcher")
    parser.add_argument("--dask-articles", type=int, default=20_000, help="articles for the Dask comparison")
    parser.add_argument("--rounds", type=int, default=5, help="matcher rounds; the median is reported")
    parser.add_argument("--workdir", type=Path, help="where the corpus and outputs go (default: a temp dir)")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="framing-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB; Python {platform.python_version()}; workdir {workdir}")
    data = generate_lexicon(2000, seed=0)
    lexicon = parse_lexicon(data, source="generated")
    lexicon_path = workdir / "lexicon-2000.yaml"
    lexicon_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    results: dict = {"terms": len(lexicon.terms)}

    texts = [row["text"] for row in generate_articles(args.matcher_articles, seed=7)]
    results["matcher"] = matcher_throughput(texts, lexicon, args.rounds, naive_sample=min(100, len(texts)))
    m = results["matcher"]
    print(f"\nmatcher, {len(lexicon.terms):,} terms, {m['megabytes']} MB of text ({len(texts):,} articles), "
          f"median of {args.rounds} alternating rounds:")
    print(f"  raw Aho-Corasick scan {m['raw_mb_s']:>7.1f} MB/s  ({m['raw_hits']:,} hits, substrings included)")
    print(f"  single-pass matcher   {m['matcher_mb_s']:>7.1f} MB/s  ({m['matcher_hits']:,} matches)  "
          f"= {m['matcher_vs_raw']:.0%} of the raw scan (target {TARGETS['matcher_vs_raw']:.0%})")
    print(f"  one regex per term: the matcher is {m['matcher_vs_regex_loop']}x faster "
          f"(same matches on {m['regex_loop_articles']} articles)")

    corpus = workdir / f"corpus-{args.articles}.jsonl"
    if not corpus.exists():
        started = time.perf_counter()
        write_corpus(corpus, args.articles, seed=0)
        print(f"\nwrote {args.articles:,} articles, {corpus.stat().st_size / 1e6:,.0f} MB, "
              f"in {time.perf_counter() - started:.0f} s")
    batch = [sys.executable, "-m", "framing", "batch", str(corpus), "--lexicon", str(lexicon_path),
             "--no-progress"]
    seconds, peak, code = run_measured([*batch, "--out", str(workdir / "scores.parquet")], ROOT)
    results["batch"] = {"articles": args.articles, "megabytes": round(corpus.stat().st_size / 1e6),
                        "seconds": round(seconds, 1), "peak_gb": round(peak, 2), "exit": code,
                        "articles_per_s": round(args.articles / seconds)}
    print(f"\nbatch, local engine ({os.cpu_count()} processes), {args.articles:,} articles: {seconds:.1f} s "
          f"(target < {TARGETS['batch_seconds']} s), peak RSS {peak:.2f} GB (target < {TARGETS['batch_peak_gb']} GB), "
          f"{args.articles / seconds:,.0f} articles/s, exit {code}")

    dask_corpus = workdir / f"corpus-{args.dask_articles}.jsonl"
    if not dask_corpus.exists():
        write_corpus(dask_corpus, args.dask_articles, seed=1)
    dask, started_in = {}, {}
    for workers in (1, 2):
        # A running cluster, as a real one would be: its start is timed on its own, not in the job.
        # Its workers are set up as the batch command sets up the clusters it starts itself.
        started = time.perf_counter()
        with dask_config.set({"distributed.worker.profile.enabled": False}), LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            started_in[workers] = time.perf_counter() - started
            command = [*batch[:3], "batch", str(dask_corpus), "--lexicon", str(lexicon_path), "--no-progress",
                       "--scheduler", cluster.scheduler_address, "--out", str(workdir / f"dask{workers}.parquet")]
            dask[workers], _, dask_code = run_measured(command, ROOT)
        code = code or dask_code
    local_seconds, _, local_code = run_measured(
        [*batch[:3], "batch", str(dask_corpus), "--lexicon", str(lexicon_path), "--no-progress",
         "--out", str(workdir / "local.parquet")], ROOT)
    code = code or local_code
    same = all(
        pd.read_parquet(workdir / f"{name}{part}.parquet").equals(pd.read_parquet(workdir / f"dask2{part}.parquet"))
        for name in ("dask1", "local") for part in ("", ".outlets", ".terms")
    )
    results["dask"] = {"articles": args.dask_articles, "one_worker_s": round(dask[1], 1),
                       "two_workers_s": round(dask[2], 1), "speedup": round(dask[1] / dask[2], 2),
                       "cluster_start_s": {str(k): round(v, 1) for k, v in started_in.items()},
                       "local_two_processes_s": round(local_seconds, 1), "identical_outputs": same}
    print(f"\ndask, {args.dask_articles:,} articles on a running local cluster: 1 worker {dask[1]:.1f} s, "
          f"2 workers {dask[2]:.1f} s, speed-up {dask[1] / dask[2]:.2f}x (target {TARGETS['dask_speedup']}x); "
          f"cluster start {started_in[1]:.1f} s and {started_in[2]:.1f} s; "
          f"local engine, 2 processes: {local_seconds:.1f} s; outputs of all three identical: {same}")
    print(json.dumps(results))
    return 1 if code or not same else 0


if __name__ == "__main__":
    sys.exit(main())
