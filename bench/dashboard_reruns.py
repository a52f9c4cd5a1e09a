"""Server-side rerun time of each dashboard page on the bundled story, against "under 150 ms per rerun".

Every click in Streamlit reruns the page script, so a slow script is a slow click. This times the script
through AppTest (no browser, no network): each page of the dashboard's page list (views/pages.py) with its
first load on cold caches, then N reruns caused by the page's own widgets (a plain rerun where none is
listed below). A trivial AppTest script is rerun as often, to show how much of each figure is the
harness. Run from the repo root: `python bench/dashboard_reruns.py [--repeats N]`. Exits 1 if a run raised.

AppTest skips what a real server does around every run (Streamlit's post-script collection, when it is on,
and sending the page over the websocket), so `--server` times the reruns on a real server instead
(`streamlit run app.py`, one session over Streamlit's websocket protocol, bench/classroom_load.py): the
four Explore pages, N plain reruns each.
"""

import argparse
import importlib.util
import logging
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from views.pages import DEFAULT_PAGE, PAGES  # noqa: E402 (the repository root goes on the path first)

DASHBOARD = str(REPO / "dashboard.py")
TARGET_MS = 150
OUTLETS = ["Press TV", "Al-Manar", "Haaretz (Reuters)", "Sputnik", "The Week"]
HARNESS = """
import streamlit as st
st.radio("Choice", ["a", "b"], key="choice")
st.write(st.session_state["choice"])
"""

Action = Callable[[AppTest], object]

# Per page: what a user does there, one action per rerun, cycled; other pages are rerun as they are.
INTERACTIONS: dict[str, list[Action]] = {
    "views/overview.py": [lambda at, v=v: at.radio(key="voice").set_value(v) for v in ("quote", "all", "narrator")],
    "views/compare.py": [
        lambda at: at.multiselect(key="compare_outlets").set_value(OUTLETS[:2]),
        lambda at: at.multiselect(key="compare_outlets").set_value(OUTLETS[:3]),
        lambda at: at.multiselect(key="compare_categories").unselect("hedge"),
        lambda at: at.toggle(key="compare_furniture").set_value(True),
        lambda at: at.multiselect(key="compare_outlets").set_value(OUTLETS),
        lambda at: at.multiselect(key="compare_categories").select("hedge"),
        lambda at: at.toggle(key="compare_furniture").set_value(False),
    ],
    "views/words.py": [
        lambda at: at.text_input(key="term").set_value("regime"),
        lambda at: at.text_input(key="term").set_value("Takfiri"),
        lambda at: at.radio(key="words_scope").set_value("all"),
        lambda at: at.text_input(key="term").set_value("so-called"),
        lambda at: at.text_input(key="term").set_value("coalition"),
        lambda at: at.radio(key="words_scope").set_value("narrator"),
    ],
    "views/naming.py": [lambda at, v=v: at.radio(key="naming_voice").set_value(v)
                        for v in ("quote", "all", "narrator")],
}


class RunFailed(Exception):
    pass


def timed_run(at: AppTest, what: str) -> float:
    """Rerun the script; milliseconds it took. Raises RunFailed if the page showed an exception."""
    start = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - start) * 1000
    if at.exception:
        raise RunFailed(f"{what}: {[e.value for e in at.exception]}")
    return elapsed


def open_page(page: str) -> tuple[AppTest, float]:
    """A new session on `page`, its first load timed with cold caches."""
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    if page != DEFAULT_PAGE.script:
        at.run()  # switch_page needs the pages st.navigation registers on a first run
        at.switch_page(page)
    st.cache_data.clear()
    st.cache_resource.clear()
    return at, timed_run(at, f"{page} first load")


def reruns(at: AppTest, actions: list[Action], repeats: int, what: str) -> list[float]:
    times = []
    for i, action in enumerate(islice(cycle(actions), repeats)):
        action(at)
        times.append(timed_run(at, f"{what} rerun {i + 1}"))
    return times


def row(name: str, first: str, times: list[float]) -> str:
    median, p95 = statistics.median(times), statistics.quantiles(times, n=20, method="inclusive")[18]
    met = ["yes" if ms < TARGET_MS else "no" for ms in (median, p95)]
    return f"| {name} | {first} | {median:.0f} | {p95:.0f} | {max(times):.0f} | {met[0]} | {met[1]} |"


def on_a_server(repeats: int) -> dict:
    """One session's reruns on a fresh server, as bench/classroom_load.py --sessions 1 --reruns N."""
    spec = importlib.util.spec_from_file_location("classroom_load", REPO / "bench" / "classroom_load.py")
    load = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)
    return load.measure([1], repeats)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20, help="reruns per page (at least 2; default 20)")
    parser.add_argument("--server", action="store_true", help="time reruns on a real server, not through AppTest")
    args = parser.parse_args()
    repeats = args.repeats
    if repeats < 2:
        parser.error("--repeats must be at least 2")
    if args.server:
        return 1 if on_a_server(repeats)[1]["failed"] else 0
    logging.disable(logging.WARNING)  # clearing caches outside a script run logs harmless warnings

    print(f"Python {platform.python_version()}, Streamlit {st.__version__}, {os.cpu_count()} cores, "
          f"{repeats} reruns per page, target {TARGET_MS} ms")
    harness = AppTest.from_string(HARNESS, default_timeout=120)
    timed_run(harness, "harness first load")
    harness_times = reruns(harness, [lambda at, v=v: at.radio(key="choice").set_value(v) for v in "ba"], repeats,
                           "harness")
    warm = AppTest.from_file(DASHBOARD, default_timeout=120).run()  # imports: once per process, not per load
    for spec in PAGES:
        warm.switch_page(spec.script).run()

    lines = [f"| page | first load ms | median rerun ms | p95 rerun ms | max ms | median < {TARGET_MS} | "
             f"p95 < {TARGET_MS} |",
             "|---|---:|---:|---:|---:|:---:|:---:|"]
    failed = False
    for page in (spec.script for spec in PAGES):
        actions = INTERACTIONS.get(page, [lambda at: None])
        try:
            at, first = open_page(page)
            lines.append(row(page, f"{first:.0f}", reruns(at, actions, repeats, page)))
        except RunFailed as error:
            print(f"FAILED {error}", file=sys.stderr)
            failed = True
    lines.append(row("harness (trivial script)", "", harness_times))
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
