"""Classroom load: N sessions open Overview, Compare, Words and Naming together on one server, speaking
Streamlit's own websocket protocol as a browser does.

A class is one Streamlit process serving every student, so what a student waits for is their page's
script run while the others' run too. This starts the server as a teacher does (`streamlit run app.py`,
bench/server.py) on the loopback, then opens N websocket sessions at once (/_stcore/stream, the
"streamlit" subprotocol). Each session sends BackMsg.rerun_script for each page in turn, as a browser
does on navigating (page_name = the page's URL path, the story in the query string), and reads
ForwardMsgs until that run's `script_finished`. Per page it reports the median and p95 time from the
request to `script_finished` and the bytes received (every ForwardMsg frame; the client declares no
cached messages, so the server sends each in full, as to a new browser); and the server's CPU seconds
per session, its peak RSS, and for the first request of a fresh server its CPU time.

`--option NAME=VALUE` gives the server a Streamlit setting over .streamlit/config.toml, to measure what a
setting is worth (`--option runner.postScriptGC=true` puts Streamlit's per-script collection back).

`--reruns K`: after opening the pages, one session reruns each page K times (a real server's rerun, with
Streamlit's own per-run costs, which AppTest skips; bench/dashboard_reruns.py --server uses this), and the
server's CPU per script run is printed beside the times: on a shared machine a rerun's time also holds its
waits for a core, its CPU does not.

`--profile PREFIX` samples the server with py-spy (not in the requirements: `pip install py-spy`) during each
class, into PREFIX-N.txt: where the server's time goes, by Python stack.

Run from the repo root: `python bench/classroom_load.py --sessions 1 10 20 40`. Loopback only, every wait
bounded (STEP_TIMEOUT). Exits 1 if a session failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import numpy
import psutil
import streamlit
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import served

from views.pages import PAGES

STORY = "assad-coalition-2015"
PAGE_PATHS = {spec.title: spec.url_path for spec in PAGES if spec.script in (
    "views/overview.py", "views/compare.py", "views/words.py", "views/naming.py")}
STEP_TIMEOUT = 120  # s, from a request to its script_finished
SAMPLE_EVERY = 0.2  # s, between samples of the server's memory
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY}


@dataclass
class Session:
    number: int
    times: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    reruns: dict[str, list[float]] = field(default_factory=dict)
    failure: str = ""


def rerun_request(page_path: str) -> bytes:
    message = BackMsg()
    message.rerun_script.query_string = f"story={STORY}"
    message.rerun_script.page_name = page_path
    return message.SerializeToString()


async def run_page(socket, page_path: str) -> tuple[float, int]:
    """Ask for one page's script run; its time to script_finished and the bytes received meanwhile."""
    started = time.perf_counter()
    await socket.send(rerun_request(page_path))
    received = 0
    while True:
        frame = await asyncio.wait_for(socket.recv(), STEP_TIMEOUT)
        received += len(frame)
        message = ForwardMsg()
        message.ParseFromString(frame)
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element" and \
                message.delta.new_element.WhichOneof("type") == "exception":
            raise RuntimeError(f"the page raised: {message.delta.new_element.exception.message}")
        if kind == "script_finished" and message.script_finished in FINISHED:
            return time.perf_counter() - started, received


async def session(url: str, number: int, *, reruns: int = 0, pages: dict[str, str] = PAGE_PATHS) -> Session:
    result = Session(number)
    address = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with websockets.connect(address, subprotocols=["streamlit"], max_size=None,
                                      origin=url, open_timeout=STEP_TIMEOUT) as socket:
            for title, path in pages.items():
                result.times[title], result.sizes[title] = await run_page(socket, path)
            for title, path in pages.items():
                result.reruns[title] = [(await run_page(socket, path))[0] for _ in range(reruns)]
    except Exception as error:
        result.failure = f"{type(error).__name__}: {error}"
    return result


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


class Memory(threading.Thread):
    """The server's peak RSS, sampled every SAMPLE_EVERY s."""

    def __init__(self, process: psutil.Process):
        super().__init__(daemon=True)
        self.process, self.peak, self.stopped = process, 0, threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_EVERY):
            with contextlib.suppress(psutil.Error):
                self.peak = max(self.peak, self.process.memory_info().rss)

    def finish(self) -> int:
        self.stopped.set()
        self.join()
        return self.peak


def figures(times: list[float]) -> dict[str, float]:
    """Median and nearest-rank 95th percentile (numpy's inverted_cdf: always one of the measured times)."""
    return {"median": statistics.median(times), "p95": float(numpy.percentile(times, 95, method="inverted_cdf"))}


def mib(size: int) -> int:
    return round(size / 2**20)


async def class_of(url: str, sessions: int, reruns: int) -> list[Session]:
    return await asyncio.gather(*(session(url, n, reruns=reruns) for n in range(1, sessions + 1)))


@contextlib.contextmanager
def profiled(pid: int, output: str | None):
    """py-spy sampling the server's Python stacks whenever it holds the GIL (the one core a class shares), as
    collapsed stacks in `output`, one line a stack with its sample count. Nothing when output is None."""
    if output is None:
        yield
        return
    spy = subprocess.Popen(["py-spy", "record", "--pid", str(pid), "--gil", "--rate", "250", "--format", "raw",
                            "--nonblocking", "--output", output], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)  # py-spy attaches before the class starts
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        spy.wait(STEP_TIMEOUT)


def measure(counts: list[int], reruns: int, options: dict[str, str] | None = None,
            profile: str | None = None) -> dict:
    """A fresh server for each class size, so each starts as a lesson does."""
    results = {}
    for count in counts:
        with tempfile.TemporaryFile() as log, served(log, options=options) as (server, url):
            process = psutil.Process(server.pid)
            before = cpu_seconds(process)
            first = asyncio.run(session(url, 0, pages=dict(islice(PAGE_PATHS.items(), 1))))  # a fresh server's
            first_cpu = cpu_seconds(process) - before  # first visitor, on the first page, alone
            memory = Memory(process)
            rss_before = process.memory_info().rss
            memory.start()
            before = cpu_seconds(process)
            with profiled(server.pid, profile and f"{profile}-{count}.txt"):
                started = time.perf_counter()
                sessions = asyncio.run(class_of(url, count, reruns if count == 1 else 0))
                wall = time.perf_counter() - started
                cpu = cpu_seconds(process) - before
            peak = memory.finish()
            rss_after = process.memory_info().rss
        print(f"server RSS before the class {mib(rss_before)} MiB, after it {mib(rss_after)} MiB")
        results[count] = {**report(count, [first, *sessions], first_cpu, sessions, wall, cpu, peak),
                          "rss_before_mib": mib(rss_before), "rss_after_mib": mib(rss_after)}
    return results


def report(count: int, everyone: list[Session], first_cpu: float, sessions: list[Session], wall: float,
           cpu: float, peak: int) -> dict:
    failed = [s for s in everyone if s.failure]
    for s in failed:
        print(f"session {s.number} FAILED: {s.failure}")
    print(f"\n{count} sessions together: wall {wall:.1f} s, server CPU {cpu:.1f} s "
          f"({cpu / count:.2f} s per session), peak RSS {mib(peak)} MiB; the fresh server's first visitor's "
          f"first page took {first_cpu:.2f} s of server CPU")
    print("| page | median s | p95 s | KB received | fresh server's first request s |\n|---|---:|---:|---:|---:|")
    pages = {}
    for title in PAGE_PATHS:
        times = [s.times[title] for s in sessions if title in s.times]
        if not times:
            continue
        row = {**figures(times), "kb": statistics.median(s.sizes[title] for s in sessions if title in s.sizes) / 1000,
               "first": everyone[0].times.get(title, float("nan"))}
        pages[title] = row
        print(f"| {title} | {row['median']:.2f} | {row['p95']:.2f} | {row['kb']:.0f} | {row['first']:.2f} |")
    reruns = {title: figures(times) for title, times in sessions[0].reruns.items() if times}
    runs = sum(len(s.times) + sum(map(len, s.reruns.values())) for s in sessions)
    if reruns:
        print(f"server CPU per script run {1000 * cpu / runs:.0f} ms (on a shared machine the times below also "
              "hold the waits for a core)")
        print("one session's reruns:\n| page | median ms | p95 ms |\n|---|---:|---:|")
        for title, row in reruns.items():
            print(f"| {title} | {1000 * row['median']:.0f} | {1000 * row['p95']:.0f} |")
    return {"sessions": count, "failed": len(failed), "wall_s": round(wall, 1),
            "cpu_per_session_s": round(cpu / count, 3), "cpu_per_run_ms": round(1000 * cpu / max(runs, 1), 1),
            "first_visitor_cpu_s": round(first_cpu, 2),
            "peak_rss_mib": mib(peak),
            "pages": {t: {k: round(v, 3) for k, v in row.items()} for t, row in pages.items()},
            "reruns_ms": {t: {k: round(1000 * v) for k, v in row.items()} for t, row in reruns.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 20, 40],
                        help="class sizes, each on a fresh server (default 1 10 20 40)")
    parser.add_argument("--reruns", type=int, default=0, help="reruns of each page by one session (N = 1 only)")
    parser.add_argument("--option", action="append", default=[], metavar="NAME=VALUE",
                        help="a Streamlit setting for the server, e.g. runner.postScriptGC=true (repeatable)")
    parser.add_argument("--profile", metavar="PREFIX",
                        help="sample the server with py-spy during each class into PREFIX-N.txt (collapsed stacks)")
    args = parser.parse_args()
    if args.profile and not shutil.which("py-spy"):
        parser.error("--profile needs py-spy (pip install py-spy)")
    if min(args.sessions) < 1 or args.reruns < 0:
        parser.error("--sessions must be at least 1 and --reruns at least 0")
    if any("=" not in option for option in args.option):
        parser.error("--option takes NAME=VALUE")
    options = dict(option.split("=", 1) for option in args.option)
    print(f"Python {platform.python_version()}, Streamlit {streamlit.__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}, server options {options or 'as configured'}")
    results = measure(args.sessions, args.reruns, options, args.profile)
    print(json.dumps(results, separators=(",", ":")))
    return 1 if any(r["failed"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
