"""Classroom load: N students open the Compare page at once and click through a lesson, on one server.

A class follows the teacher on its own screens, all served by one Streamlit process, so what a student
waits for is the page drawn while everyone else is clicking too; dashboard_reruns.py times the script alone.
This starts its own server and one Debian Chromium (/usr/bin/chromium, never a downloaded one) with one
browser context, hence one Streamlit session, per student, all started together. Each session:

1. opens /compare?story=assad-coalition-2015 and waits for the five articles with their marked hits;
2. unticks "1 Loaded labels for actors" and waits until no article has a mark of that category;
3. switches on the furniture toggle and waits for every article's list of removed pieces;
4. follows the sidebar link to Words and waits until every chart has drawn its bars or points.

A step is timed from the action to its new content on screen with Streamlit no longer running the script
or showing stale elements; one that raises, shows an exception or takes over STEP_TIMEOUT fails its session.
The server starts cold, so the first session pays for analysing the story, as at the start of a lesson.
Browser and server share the machine, so these are upper bounds for students on their own laptops.
Run from the repo root: `python bench/classroom_load.py [--sessions N] [--port P]`. Exits 1 if a session failed.
"""

import argparse
import asyncio
import contextlib
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import psutil
import streamlit
from playwright.async_api import Browser, Page, async_playwright, expect

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
STORY = "assad-coalition-2015"
ARTICLES = 5  # the bundled story has five outlets, one article each; Compare shows all five at first
CATEGORY, CATEGORY_CLASS = "1 Loaded labels for actors", "c1"  # the tag the lesson removes, and its marks' class
FURNITURE = "Show the page furniture that cleaning removed"
CHARTS = ARTICLES + 1  # Words: a bar chart per outlet and one scatter
STEP_TIMEOUT = 120  # s, from an action to its rendered result
STARTUP = 60  # s, for the server to answer its health check
SAMPLE_EVERY = 0.2  # s, between samples of memory and CPU
EXCEPTION = '[data-testid="stException"]'
CHARTS_DRAWN = """n => {
    const charts = [...document.querySelectorAll('.stPlotlyChart')];
    const drawn = c => c.querySelector('.barlayer .point path, .scatterlayer .points path');
    return charts.length === n && charts.every(drawn);
}"""

expect.set_options(timeout=STEP_TIMEOUT * 1000)


# --- the lesson ---------------------------------------------------------------------------------


async def settle(page: Page) -> None:
    """Streamlit has finished: no running indicator, no stale element left, and no exception shown."""
    await expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    await expect(page.locator('[data-stale="true"]')).to_have_count(0)
    if await page.locator(EXCEPTION).count():
        raise RuntimeError(f"the page shows an exception: {await page.locator(EXCEPTION).first.inner_text()}")


async def open_compare(page: Page, url: str) -> None:
    await page.goto(f"{url}/compare?story={STORY}")
    await expect(page.locator(".framing .article:has(mark.hit)")).to_have_count(ARTICLES)


async def untick_category(page: Page, url: str) -> None:
    marks = page.locator(f".framing .article mark.{CATEGORY_CLASS}")
    if not await marks.count():
        raise RuntimeError(f"no article has a {CATEGORY!r} mark to take away")
    await page.get_by_role("button", name=f"Remove {CATEGORY}", exact=True).click()
    await expect(marks).to_have_count(0)
    await expect(page.locator(".framing .article:has(mark.hit)")).to_have_count(ARTICLES)  # the others stay


async def show_furniture(page: Page, url: str) -> None:
    await page.get_by_text(FURNITURE).click()
    await expect(page.locator(".framing .removed")).to_have_count(ARTICLES)


async def open_words(page: Page, url: str) -> None:
    await page.get_by_test_id("stSidebarNavLink").filter(has_text="Words").click()
    await expect(page.get_by_text("Keyword in context", exact=True)).to_be_visible()
    await page.wait_for_function(CHARTS_DRAWN, arg=CHARTS, polling=100)


STEPS: dict[str, Callable[[Page, str], Awaitable[None]]] = {
    "open Compare": open_compare, "untick a category": untick_category, "show furniture": show_furniture,
    "open Words": open_words,
}


@dataclass
class Session:
    number: int
    times: dict[str, float] = field(default_factory=dict)  # step -> seconds, for the steps that completed
    failure: str = ""


async def session(browser: Browser, url: str, number: int) -> Session:
    """One student: a fresh browser context (so a fresh Streamlit session) doing every step in turn."""
    result = Session(number)
    step = "new browser context"
    try:
        context = await browser.new_context(viewport={"width": 1600, "height": 1000}, color_scheme="light")
        try:
            context.set_default_timeout(STEP_TIMEOUT * 1000)
            page = await context.new_page()
            for step, action in STEPS.items():
                start = time.perf_counter()
                async with asyncio.timeout(STEP_TIMEOUT):
                    await action(page, url)
                    await settle(page)
                result.times[step] = time.perf_counter() - start
        finally:
            await context.close()
    except TimeoutError:  # asyncio's, for the step as a whole; Playwright's own is not a TimeoutError
        result.failure = f"{step}: took over {STEP_TIMEOUT} s"
    except Exception as error:
        result.failure = f"{step}: {type(error).__name__}: {str(error).strip().splitlines()[0]}"
    return result


# --- server and measurements --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


def start_server(port: int, log) -> subprocess.Popen:
    """`streamlit run dashboard.py` from the repo root in its own process group, so stop() gets all of it."""
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_DATA_DIR"}  # the bundled story only
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_until_healthy(server: subprocess.Popen, url: str, log) -> None:
    deadline = time.monotonic() + STARTUP
    while not healthy(url):
        if server.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            raise SystemExit(f"streamlit did not answer on {url} within {STARTUP} s (exit code {server.poll()}):\n"
                             f"{log.read().decode(errors='replace')}")
        time.sleep(0.2)


def stop(server: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        try:
            server.wait(wait)
            break
        except subprocess.TimeoutExpired:
            continue


def descendants(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


class Usage(threading.Thread):
    """Where the machine's time and memory go: the server (with its children) against this script's other
    children (Playwright's driver and Chromium), which share the cores. Sampled every SAMPLE_EVERY s, so a
    peak shorter than that is missed, and so is the CPU a Chromium process spends in its last sample period."""

    def __init__(self, server_pid: int):
        super().__init__(daemon=True)
        self.server = psutil.Process(server_pid)
        self.server_cpu_before = cpu_seconds(self.server)
        self.stopped = threading.Event()
        self.server_peak = self.browser_peak = 0
        self.browser_cpu: dict[int, float] = {}  # pid -> CPU seconds when last seen; all started after us
        psutil.cpu_percent()  # the machine's busy share is measured from here to finish()

    def run(self) -> None:
        while True:
            server = [self.server, *descendants(self.server)]
            pids = {p.pid for p in server}
            browser = [p for p in descendants(psutil.Process()) if p.pid not in pids]
            self.server_peak = max(self.server_peak, self.rss(server))
            self.browser_peak = max(self.browser_peak, self.rss(browser))
            for process in browser:
                with contextlib.suppress(psutil.Error):
                    self.browser_cpu[process.pid] = cpu_seconds(process)
            if self.stopped.wait(SAMPLE_EVERY):
                return

    @staticmethod
    def rss(processes: list[psutil.Process]) -> int:
        total = 0
        for process in processes:
            with contextlib.suppress(psutil.Error):  # it ended between listing and reading
                total += process.memory_info().rss
        return total

    def finish(self) -> dict[str, float]:
        """Stop sampling; the CPU seconds of server and browser since the start, and the machine's busy %."""
        busy = psutil.cpu_percent()
        server = cpu_seconds(self.server) - self.server_cpu_before
        self.stopped.set()
        self.join()
        return {"server": server, "browser": sum(self.browser_cpu.values()), "busy": busy}


def figures(times: list[float]) -> dict[str, float]:
    """Median, 95th percentile and max in seconds. The percentile is nearest-rank (numpy's inverted_cdf):
    the smallest time with at least 95 % of the times at or below it, always one of the measured times."""
    return {"median": statistics.median(times), "p95": float(numpy.percentile(times, 95, method="inverted_cdf")),
            "max": max(times)}


def mib(size: int) -> int:
    return round(size / 2**20)


# --- the run ------------------------------------------------------------------------------------


async def load(url: str, sessions: int) -> tuple[list[Session], float, str]:
    """All sessions on one Chromium, started together; the results, the wall time and Chromium's version."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            start = time.perf_counter()
            results = await asyncio.gather(*(session(browser, url, n) for n in range(1, sessions + 1)))
            return results, time.perf_counter() - start, browser.version
        finally:
            await browser.close()


def report(results: list[Session], wall: float, usage: Usage, cpu: dict[str, float]) -> dict:
    completed = sum(not r.failure for r in results)
    print(f"sessions completed: {completed} / {len(results)}")
    for r in results:
        if r.failure:
            print(f"session {r.number} FAILED at {r.failure}")
    rows = {step: [r.times[step] for r in results if step in r.times] for step in STEPS}
    rows["all steps"] = [t for r in results for t in r.times.values()]
    summary = {}
    print("| step | timed | median s | p95 s | max s |\n|---|---:|---:|---:|---:|")
    for name, times in rows.items():
        if times:
            summary[name] = figures(times)
            print(f"| {name} | {len(times)} | " + " | ".join(f"{v:.2f}" for v in summary[name].values()) + " |")
        else:
            print(f"| {name} | 0 | | | |")
    print(f"wall time: {wall:.1f} s, from the first session starting to the last one ending")
    print(f"server: peak RSS {mib(usage.server_peak)} MiB, CPU {cpu['server']:.1f} s")
    print(f"Playwright + Chromium: peak RSS {mib(usage.browser_peak)} MiB (summed over processes, so pages they "
          f"share count more than once), CPU {cpu['browser']:.1f} s")
    print(f"machine: all {os.cpu_count()} cores {cpu['busy']:.0f} % busy over the run, other users included")
    return {"sessions_started": len(results), "sessions_completed": completed,
            "steps": {name: {k: round(v, 3) for k, v in f.items()} for name, f in summary.items()},
            "wall_s": round(wall, 1), "server_peak_rss_mib": mib(usage.server_peak),
            "server_cpu_s": round(cpu["server"], 1), "browser_peak_rss_mib": mib(usage.browser_peak),
            "browser_cpu_s": round(cpu["browser"], 1), "machine_busy_pct": round(cpu["busy"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--port", type=int, help="port for the server (default: a free one)")
    args = parser.parse_args()
    if args.sessions < 1:
        parser.error("--sessions must be at least 1")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` stops the server on kill too
    port = args.port or free_port()
    url = f"http://127.0.0.1:{port}"

    print(f"Python {platform.python_version()}, Streamlit {streamlit.__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}; sessions: {args.sessions}, step timeout {STEP_TIMEOUT} s")
    with tempfile.TemporaryFile() as log:
        server = start_server(port, log)
        try:
            started = time.perf_counter()
            wait_until_healthy(server, url, log)
            print(f"server healthy after {time.perf_counter() - started:.1f} s on {url}")
            usage = Usage(server.pid)
            usage.start()
            try:
                results, wall, version = asyncio.run(load(url, args.sessions))
            finally:
                cpu = usage.finish()
        finally:
            stop(server)
        print(f"Chromium {version}")
        summary = report(results, wall, usage, cpu)
        if summary["sessions_completed"] < len(results):
            log.seek(0)
            print("server log, last lines:", *log.read().decode(errors="replace").splitlines()[-20:], sep="\n  ")
    print(json.dumps(summary, separators=(",", ":")))
    return 0 if summary["sessions_completed"] == len(results) else 1

if __name__ == "__main__":
    sys.exit(main())
