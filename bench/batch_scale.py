"""Batch scoring against the limits of the machine, in one run, as ratios measured side by side.

1. Matcher (MB/s of article text, 2,000-term lexicon): `Matcher.find_arrays` as the batch calls it,
   `find_many` (the same matches as tuples), a raw Aho-Corasick scan of the same texts (the terms
   lowercased over the lowercased text, every hit consumed: the floor of any scan), flashtext and
   spaCy's `PhraseMatcher` with and without tokenising (skipped, with a note, when not installed:
   bench/requirements.txt), and the naive loop of one expression per term on a small sample (it is
   a thousand times slower). Rounds alternate so load hits all alike.
2. Floor and batch per CPU-second, on one corpus (default 20,000 articles): reading and
   `json.loads` of every row plus the raw scan of its text, against `python -m framing batch` over
   the same file (local engine), whose CPU time is its own and its workers'
   (resource.getrusage(RUSAGE_CHILDREN) across the run).
3. End to end: the batch over N generated articles (default 100,000, about 430 MB): wall and CPU
   time, and peak resident memory of the command and its workers, measured on that run itself.
4. Dask: the same job (by default part 2's 20,000 articles and its local run's outputs) sent to a
   running local Dask cluster of 2 workers against 1 worker, each cluster started as the README
   says (workers preloaded with the engine, `--dask-cold` for workers without) and its start timed
   apart, as a real cluster is up before a job; the three outputs must be identical. The
   scheduler's task stream tells the job's serial parts (until the first chunk starts on a worker,
   after the last one ends) from its scoring. On 5,000 articles those parts were as long as the
   scoring on 2 workers, which alone capped the speed-up near 1.4.

    python bench/batch_scale.py [--articles 100000] [--cpu-articles 20000] [--dask-articles 20000]
                                [--dask-cold] [--rounds 3] [--workdir DIR]

It prints how long each part took. On 2 cores it takes about 3.5 minutes when they are free; the
100,000-article run is under half of it, and every part stretches with the machine's load.

Prints the figures and one JSON line; exits 1 if a run failed or the outputs differ. Targets
(docs/benchmarks.md): the matcher at least 55 % of the raw scan; the batch at least 5.5 MB per
CPU-second and within 7 times its floor; peak memory under 1 GB for 100,000 articles; Dask on 2
workers at least 1.6 times as fast as on 1.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
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
from distributed import Client, LocalCluster

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_articles, generate_lexicon, write_corpus  # noqa: E402

from framing.lexicon import parse_lexicon  # noqa: E402
from framing.matcher import Matcher, RegexMatcher  # noqa: E402

TARGETS = {"matcher_vs_raw": 0.55, "batch_mb_per_cpu_s": 5.5, "batch_vs_floor": 7.0, "batch_peak_gb": 1.0,
           "dask_speedup": 1.6}
CHUNK = 500  # texts per call, as the batch's chunks


def raw_automaton(lexicon) -> ahocorasick.Automaton:
    raw = ahocorasick.Automaton()
    for term in lexicon.terms:
        raw.add_word(term.text.lower().rstrip("*"), len(term.text))
    raw.make_automaton()
    return raw


def other_matchers(texts: list[str], lexicon) -> tuple[dict, list[str]]:
    """flashtext and spaCy's PhraseMatcher over the same texts and terms, where installed. Neither
    knows `*` forms, separators other than its own, or case rules: they get each term's text up to
    any `*`, case-insensitive."""
    runs, notes = {}, []
    words = sorted({term.text.rstrip("*").lower() for term in lexicon.terms})
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        notes.append("flashtext not installed (pip install -r bench/requirements.txt): comparison skipped")
    else:
        keywords = KeywordProcessor(case_sensitive=False)
        for word in words:
            keywords.add_keyword(word)
        runs["flashtext"] = lambda: sum(len(keywords.extract_keywords(text, span_info=True)) for text in texts)
    try:
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher
    except ImportError:
        notes.append("spaCy not installed (pip install -r bench/requirements.txt): comparison skipped")
    else:
        nlp = English()  # a blank pipeline: the tokenizer only, no model to download
        phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases.add("TERMS", list(nlp.tokenizer.pipe(words)))
        tokenised = list(nlp.tokenizer.pipe(texts))
        runs["spacy_with_tokenising"] = lambda: sum(len(phrases(doc)) for doc in nlp.tokenizer.pipe(texts))
        runs["spacy_matching_only"] = lambda: sum(len(phrases(doc)) for doc in tokenised)
    return runs, notes


def matcher_throughput(texts: list[str], lexicon, rounds: int, naive_sample: int) -> dict:
    """MB/s of each way of matching the same texts, median of alternating rounds, after the
    batch worker's set-up (matcher built, garbage collector frozen)."""
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    raw = raw_automaton(lexicon)
    single = Matcher(lexicon)
    chunks = [texts[i:i + CHUNK] for i in range(0, len(texts), CHUNK)]
    runs = {
        "raw": lambda: sum(1 for text in texts for _ in raw.iter(text.lower())),
        "matcher": lambda: sum(len(single.find_arrays(chunk).starts) for chunk in chunks),
        "matcher_tuples": lambda: sum(len(found) for chunk in chunks for found in single.find_many(chunk)),
    }
    others, notes = other_matchers(texts, lexicon)
    runs.update(others)
    gc.freeze()
    timings: dict[str, list[float]] = {name: [] for name in runs}
    found = {}
    for _ in range(rounds):
        for name, run in runs.items():
            started = time.perf_counter()
            found[name] = run()
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
        "megabytes": round(megabytes, 1), "mb_s": {name: round(rate, 1) for name, rate in rates.items()},
        "hits": found, "matcher_vs_raw": round(rates["matcher"] / rates["raw"], 3),
        "matcher_vs": {name: round(rates["matcher"] / rates[name], 1) for name in others},
        "regex_loop_articles": len(sample), "matcher_vs_regex_loop": round(naive_seconds / single_seconds, 1),
        "notes": notes,
    }


def floor_cpu(corpus: Path, lexicon) -> dict:
    """CPU seconds to read and parse every row of the corpus, and to scan its text raw."""
    raw = raw_automaton(lexicon)
    started = time.process_time()
    texts = []
    with corpus.open("rb") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
    parsed = time.process_time()
    hits = sum(1 for text in texts for _ in raw.iter(text.lower()))
    scanned = time.process_time()
    return {"read_parse_s": round(parsed - started, 2), "raw_scan_s": round(scanned - parsed, 2),
            "total_s": round(scanned - started, 2), "raw_hits": hits}


def run_measured(command: list[str], cwd: Path) -> dict:
    """Wall and CPU seconds (the process and every worker it started and waited for), peak resident
    GB (the process and its children, sampled every 0.1 s) and exit code of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
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
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        print("".join(errors[-20:]), file=sys.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": round(seconds, 1), "cpu_s": round(cpu, 1), "peak_gb": round(peak / 1e9, 2),
            "exit": process.returncode}


def dask_speedup(corpus: Path, batch: list[str], options: list[str], workdir: Path, *, preload: bool) -> dict:
    """The batch sent with `--scheduler` to a running local cluster of 1 worker, then of 2, each started
    before the job (and timed apart) as the README says to start one. Where each job's time went is
    read from the scheduler's task stream: until the first chunk starts on a worker (the command's
    start, and a cold worker's imports), scoring, and after the last chunk (the totals, the writing)."""
    seconds, runs, code = {}, {}, 0
    for workers in (1, 2):
        started = time.perf_counter()
        with dask_config.set({"distributed.worker.profile.enabled": False}), LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                preload=["framing.batch.dask_worker"] if preload else []) as cluster, Client(cluster) as client:
            cluster_start = time.perf_counter() - started
            client.get_task_stream()  # the scheduler keeps a task stream from the first time it is asked
            processes = [psutil.Process(worker.process.pid) for worker in cluster.workers.values()]
            cpu_before = sum(sum(process.cpu_times()[:2]) for process in processes)
            began = time.time()
            run = run_measured([*batch, str(corpus), *options, "--scheduler", cluster.scheduler_address,
                                "--out", str(workdir / f"dask{workers}.parquet")], ROOT)
            worker_cpu = sum(sum(process.cpu_times()[:2]) for process in processes) - cpu_before
            computed = [(part["start"], part["stop"]) for task in client.get_task_stream(start=began)
                        for part in task["startstops"] if part["action"] == "compute"]
        first, last = min(start for start, _ in computed) - began, max(stop for _, stop in computed) - began
        seconds[workers], code = run["seconds"], code or run["exit"]
        runs[str(workers)] = {
            "seconds": run["seconds"], "cluster_start_s": round(cluster_start, 1), "to_first_chunk_s": round(first, 1),
            "scoring_s": round(last - first, 1), "after_last_chunk_s": round(run["seconds"] - last, 1),
            "worker_cpu_s": round(worker_cpu, 1), "cores_busy": round(worker_cpu / (last - first), 2),
            "command_cpu_s": run["cpu_s"]}
    return {"one_worker_s": seconds[1], "two_workers_s": seconds[2], "speedup": round(seconds[1] / seconds[2], 2),
            "preloaded": preload, "runs": runs, "exit": code}


def load_average() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="end-to-end batch size (default 100,000)")
    parser.add_argument("--matcher-articles", type=int, default=2_000, help="articles timed for the matcher")
    parser.add_argument("--cpu-articles", type=int, default=20_000,
                        help="articles for the floor and MB per CPU-second (default 20,000)")
    parser.add_argument("--dask-articles", type=int, default=20_000,
                        help="articles for the Dask comparison (default 20,000: the per-CPU-second file)")
    parser.add_argument("--dask-cold", action="store_true",
                        help="start the Dask workers without the engine preloaded (as before dask2)")
    parser.add_argument("--regex-articles", type=int, default=20,
                        help="articles the loop of one expression per term is checked and timed on (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="matcher rounds; the median is reported")
    parser.add_argument("--workdir", type=Path, help="where the corpus and outputs go (default: a temp dir)")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="framing-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB; Python {platform.python_version()}; workdir {workdir}; "
          f"load average (1/5/15 min) {load_average()}")
    data = generate_lexicon(2000, seed=0)
    lexicon = parse_lexicon(data, source="generated")
    lexicon_path = workdir / "lexicon-2000.yaml"
    lexicon_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    results: dict = {"terms": len(lexicon.terms), "load_average_start": load_average()}

    began = time.perf_counter()

    def part_done(name: str) -> None:
        print(f"  [{name}: {time.perf_counter() - began:.0f} s into the run; load {load_average()}]")

    texts = [row["text"] for row in generate_articles(args.matcher_articles, seed=7)]
    m = results["matcher"] = matcher_throughput(texts, lexicon, args.rounds,
                                                naive_sample=min(args.regex_articles, len(texts)))
    rates = m["mb_s"]
    print(f"\nmatcher, {len(lexicon.terms):,} terms, {m['megabytes']} MB of text ({len(texts):,} articles), "
          f"median of {args.rounds} alternating rounds:")
    print(f"  raw Aho-Corasick scan      {rates['raw']:>6.1f} MB/s  ({m['hits']['raw']:,} hits, substrings included)")
    print(f"  matcher, arrays            {rates['matcher']:>6.1f} MB/s  ({m['hits']['matcher']:,} matches)  "
          f"= {m['matcher_vs_raw']:.0%} of the raw scan (target {TARGETS['matcher_vs_raw']:.0%})")
    print(f"  matcher, tuples            {rates['matcher_tuples']:>6.1f} MB/s")
    for name, ratio in m["matcher_vs"].items():
        print(f"  {name:<26} {rates[name]:>6.1f} MB/s  ({m['hits'][name]:,} hits): the matcher is {ratio}x as fast")
    for note in m["notes"]:
        print(f"  note: {note}")
    print(f"  one regex per term: the matcher is {m['matcher_vs_regex_loop']}x as fast "
          f"(same matches on {m['regex_loop_articles']} articles)")
    part_done("matcher")

    small = workdir / f"corpus-{args.cpu_articles}.jsonl"
    if not small.exists():
        write_corpus(small, args.cpu_articles, seed=1)
    batch = [sys.executable, "-m", "framing", "batch"]
    options = ["--lexicon", str(lexicon_path), "--no-progress"]
    megabytes = small.stat().st_size / 1e6
    floor = results["floor"] = floor_cpu(small, lexicon)
    local = results["local"] = run_measured([*batch, str(small), *options, "--out", str(workdir / "local.parquet")],
                                            ROOT)
    code = local["exit"]
    per_cpu_s, floor_per_cpu_s = megabytes / local["cpu_s"], megabytes / floor["total_s"]
    results["per_cpu_second"] = {"megabytes": round(megabytes, 1), "batch_mb": round(per_cpu_s, 2),
                                 "floor_mb": round(floor_per_cpu_s, 1),
                                 "batch_vs_floor": round(local["cpu_s"] / floor["total_s"], 1)}
    print(f"\nper CPU-second, {args.cpu_articles:,} articles, {megabytes:.1f} MB of JSONL:")
    print(f"  floor: read and json.loads {floor['read_parse_s']} s + raw scan {floor['raw_scan_s']} s = "
          f"{floor['total_s']} CPU-s, {floor_per_cpu_s:.1f} MB per CPU-second")
    print(f"  batch, local engine ({os.cpu_count()} processes): {local['cpu_s']} CPU-s in {local['seconds']} s, "
          f"{per_cpu_s:.2f} MB per CPU-second (target {TARGETS['batch_mb_per_cpu_s']}), "
          f"{local['cpu_s'] / floor['total_s']:.1f} times its floor (target {TARGETS['batch_vs_floor']:.0f})")
    part_done("per CPU-second")

    corpus = workdir / f"corpus-{args.articles}.jsonl"
    if not corpus.exists():
        write_corpus(corpus, args.articles, seed=0)
    big = results["batch"] = run_measured([*batch, str(corpus), *options, "--out", str(workdir / "scores.parquet")],
                                          ROOT)
    big_mb = corpus.stat().st_size / 1e6
    big.update(articles=args.articles, megabytes=round(big_mb), mb_per_cpu_s=round(big_mb / big["cpu_s"], 2))
    code = code or big["exit"]
    print(f"\nbatch, local engine, {args.articles:,} articles ({big_mb:.0f} MB): {big['seconds']} s, "
          f"{big['cpu_s']} CPU-s ({big['mb_per_cpu_s']} MB per CPU-second), peak RSS {big['peak_gb']} GB "
          f"(target < {TARGETS['batch_peak_gb']} GB), exit {big['exit']}")
    part_done("end to end")

    if args.dask_articles == args.cpu_articles:  # the same file: its local run above is the reference
        dask_input, reference = small, workdir / "local"
    else:
        dask_input, reference = workdir / f"corpus-{args.dask_articles}.jsonl", workdir / "local-dask-input"
        if not dask_input.exists():
            write_corpus(dask_input, args.dask_articles, seed=1)
        alone = run_measured([*batch, str(dask_input), *options, "--out", f"{reference}.parquet"], ROOT)
        code = code or alone["exit"]
    d = results["dask"] = dask_speedup(dask_input, batch, options, workdir, preload=not args.dask_cold)
    code = code or d.pop("exit")
    same = all(
        pd.read_parquet(f"{name}{part}.parquet").equals(pd.read_parquet(workdir / f"dask2{part}.parquet"))
        for name in (workdir / "dask1", reference) for part in ("", ".outlets", ".terms")
    )
    d.update(articles=args.dask_articles, identical_outputs=same)
    print(f"\ndask, {args.dask_articles:,} articles on a running local cluster of "
          f"{'cold workers' if args.dask_cold else 'workers started with --preload framing.batch.dask_worker'}: "
          f"1 worker {d['one_worker_s']} s, 2 workers {d['two_workers_s']} s, speed-up {d['speedup']:.2f}x "
          f"(target {TARGETS['dask_speedup']}x); outputs of both and the local engine identical: {same}")
    for workers, run in d["runs"].items():
        print(f"  {workers} worker(s): cluster start {run['cluster_start_s']} s (not in the job); in the job, "
              f"{run['to_first_chunk_s']} s to the first chunk's start, {run['scoring_s']} s scoring, "
              f"{run['after_last_chunk_s']} s after the last; workers' CPU {run['worker_cpu_s']} s "
              f"({run['cores_busy']} cores busy while scoring); command {run['command_cpu_s']} CPU-s")
    part_done("dask")
    results["load_average_end"] = load_average()
    results["run_s"] = round(time.perf_counter() - began)
    print(f"\nload average (1/5/15 min) at the end: {results['load_average_end']}")
    print(json.dumps(results))
    return 1 if code or not same else 0


if __name__ == "__main__":
    sys.exit(main())
