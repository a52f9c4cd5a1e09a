"""Fault injection: `python -m framing batch` and `import` killed at random (seeded) moments, by
SIGKILL and by SIGTERM, in subprocesses. After every kill: every file whole, no run mixed with an
older one, no process left behind, and the next run works and leaves nothing half-made."""

import logging
import os
import random
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO, load_bench

from framing.batch.results import find_results, load_batch
from framing.batch.scoring import _engine
from framing.library.story_store import user_stories
from framing.storage import USER_DATA_ENV
from framing.stories import load_story

SEED = 17
KILLS = [signal.SIGKILL, signal.SIGTERM, signal.SIGKILL, signal.SIGTERM]
PROBE = load_bench("fault_probe")  # the probe: its corpus and words, one copy
WORDS, corpus = PROBE.WORDS, PROBE.corpus


def start(args: list[str], data: Path) -> subprocess.Popen:
    """The command in a session of its own, so every process it starts can be found by its group."""
    env = {**os.environ, USER_DATA_ENV: str(data), "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "framing", *args], env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:  # something held the output open: stop the whole group, then fail
        os.killpg(process.pid, signal.SIGKILL)
        raise
    return process.returncode, err


def kill_at(process: subprocess.Popen, after: float, how: signal.Signals) -> tuple[int, str]:
    try:
        process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        process.send_signal(how)
    return finish(process)


def living_in_group(group: int) -> list[int]:
    """Processes of a process group still running (a zombie has ended: it waits to be reaped)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def assert_none_left(group: int) -> None:
    deadline = time.monotonic() + 10
    while (left := living_in_group(group)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"processes {left} outlived the command"


def timed(args: list[str], data: Path) -> float:
    started = time.monotonic()
    code, err = finish(start(args, data))
    assert code == 0, err
    return time.monotonic() - started


def half_made(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((".partial", ".commit")) or p.name == ".adding"]


def no_traceback(code: int, err: str, how: signal.Signals) -> None:
    if how == signal.SIGTERM:
        assert "Traceback" not in err, err
        if code == -signal.SIGTERM:  # before the program began, or once it had written all
            return
        # 130, or ended by SIGINT itself after saying so (a shell reports both as 130): seen once in a
        # clean-clone run, an interrupt redelivered after the command had already stopped
        assert code in (0, 130, -signal.SIGINT), err
        assert code == 0 or err.strip().splitlines()[-1].startswith("interrupted:"), err


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc")
def test_a_killed_batch_leaves_one_whole_run_and_no_worker(tmp_path):
    small, large = corpus(tmp_path / "a.jsonl", 40, seed=1), corpus(tmp_path / "b.jsonl", 90, seed=2)
    out = tmp_path / "runs" / "corpus.parquet"

    def batch(source: Path) -> list[str]:
        return ["batch", str(source), "--out", str(out), "--workers", "2", "--chunk-size", "5", "--no-progress"]

    timed(batch(small), tmp_path)
    length = timed(batch(large), tmp_path)
    rng = random.Random(SEED)
    for round_number, how in enumerate(KILLS):
        source = (small, large)[round_number % 2]
        process = start(batch(source), tmp_path)
        no_traceback(*kill_at(process, rng.uniform(0.3, length), how), how)
        assert_none_left(process.pid)
        results = find_results(out.parent)  # finishes a commit the kill interrupted
        assert list(results) == ["corpus.parquet"]
        loaded = load_batch(results["corpus.parquet"])
        assert loaded.terms is not None, loaded.terms_problem  # outlets and terms of one run
        articles = int(loaded.outlets.groupby(["outlet", "month"])["articles"].max().sum())
        assert articles in (40, 90)
        scores = pd.read_parquet(out)
        assert scores["row"].nunique() == articles  # the scores are that run's too
    assert timed(batch(large), tmp_path) > 0
    assert not half_made(out.parent)
    assert int(load_batch(find_results(out.parent)["corpus.parquet"]).outlets
               .groupby(["outlet", "month"])["articles"].max().sum()) == 90


def articles_folder(folder: Path, rows: int, *, seed: int) -> Path:
    """A folder of `rows` article files, each with its outlet and headline in front matter."""
    folder.mkdir()
    rng = random.Random(seed)
    for i in range(rows):
        text = " ".join(rng.choice(WORDS) for _ in range(40))
        (folder / f"a{i:03}.md").write_text(f"---\noutlet: Outlet {i % 3}\nheadline: Story {i}\n---\n{text}. {i}.\n",
                                            encoding="utf-8")
    return folder


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc")
def test_a_killed_import_saves_all_or_nothing_and_skip_existing_saves_the_rest(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv(USER_DATA_ENV, str(data))
    first, many = articles_folder(tmp_path / "first", 1, seed=3), articles_folder(tmp_path / "many", 150, seed=4)
    rng = random.Random(SEED)
    length = timed(["import", str(first), "--story", "Timing"], data)
    for round_number, how in enumerate(KILLS):
        title = f"Story {round_number}"
        if round_number % 2:  # adding to a story that has one article
            assert timed(["import", str(first), "--story", title], data) > 0
        process = start(["import", str(many), "--story", title], data)
        no_traceback(*kill_at(process, rng.uniform(0.2, 2 * length), how), how)
        assert_none_left(process.pid)
        slug = next((slug for slug, name in user_stories().items() if name == title), None)
        expected = (1, 151) if round_number % 2 else (0, 150)
        count = len(load_story(data / "stories" / slug).articles) if slug else 0
        assert count in expected, f"{count} articles after a kill"
        args = ["import", str(many), "--story", title, *(["--skip-existing"] if slug else [])]
        code, err = finish(start(args, data))
        assert code == 0, err
        slug = next(slug for slug, name in user_stories().items() if name == title)
        assert slug == title.lower().replace(" ", "-")  # not story-0-2 beside a leftover
        assert len(load_story(data / "stories" / slug).articles) == expected[1]
    assert not half_made(data / "stories")
    assert sorted(p.name for p in (data / "stories").iterdir()) == sorted(user_stories())


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc")
@pytest.mark.parametrize(("how", "later"), [(signal.SIGKILL, 1.5), (signal.SIGTERM, 0)])
def test_dask_workers_end_with_a_killed_batch(tmp_path, how, later):
    """The local Dask cluster's worker processes go when the batch does, however it ends: as its workers
    start (a SIGTERM then waits until the cluster is up) or `later`, while they score."""
    source = corpus(tmp_path / "c.jsonl", 3000, seed=3)
    process = start(["batch", str(source), "--out", str(tmp_path / "out.parquet"), "--engine", "dask",
                     "--workers", "2", "--chunk-size", "5", "--no-progress"], tmp_path)
    deadline = time.monotonic() + 60
    while len(living_in_group(process.pid)) < 3 and time.monotonic() < deadline:  # the batch and two workers
        time.sleep(0.1)
    assert len(living_in_group(process.pid)) >= 3, "the Dask workers never started"
    time.sleep(later)
    process.send_signal(how)
    code, err = finish(process)
    assert code != 0, "the batch ended before it was stopped: nothing was tested"
    no_traceback(code, err, how)
    assert_none_left(process.pid)


def test_the_dask_clusters_own_logs_stay_off_the_terminal(capfd):
    """As a stopped batch tears its cluster down, Dask's processes log lost workers and closed connections
    as errors with tracebacks, which would bury the batch's one line: the cluster it starts logs none."""
    with _engine("dask", 2, None) as runner:
        runner.submit(logging.getLogger("distributed.worker").error, "a worker's error: %s", "shown").result()
    assert "a worker's error: shown" not in capfd.readouterr().err


def test_a_pool_stopped_while_a_worker_was_sending_its_result_lets_the_batch_exit():
    """A worker killed half-way through sending a chunk's scores leaves half a message in the result
    pipe: the pool's manager thread, reading it, must not wait for the rest for ever, or the batch,
    which joins that thread as it exits, never ends (seen once in the probe's Ctrl-C kills); and the
    thread has ended before the batch exits, or Python's exit hook may wake it as it closes and print a
    traceback."""
    with pytest.raises(KeyboardInterrupt), _engine("local", 2, None) as runner:
        pool = runner.submit.__self__
        runner.submit(abs, -1).result()  # the workers are up
        results = pool._result_queue._writer  # what a worker writes to; the manager thread reads it
        os.write(results.fileno(), struct.pack("!i", 1000) + b"half")  # a length, then a part of it
        time.sleep(0.2)  # the manager thread is in the read
        manager = pool._executor_manager_thread
        raise KeyboardInterrupt
    try:  # ended before the batch goes on to exit, where Python's exit hook would wake it as it closes
        assert not manager.is_alive(), "the pool's manager thread still waits for the rest of the message"
    finally:
        results.close()  # a failed run does not hang pytest as it exits
