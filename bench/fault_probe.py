"""Issue 17's probe, run again as its reporter would: bad files, odd encodings, hostile stories and
lexicons, URL abuse on every page, concurrent writers, kills at seeded random moments of import and
batch, a full disk and a read-only data folder (real tmpfs mounts, when this runs as root), huge
paragraphs, formula cells in every CSV the command line writes, Windows-reserved names and the
upload limit. Prints one line per case, held or FAILED, and the totals.

    python bench/fault_probe.py [--seed 17] [--kills 3] [--port 8700]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from framing.batch.results import find_results, load_batch  # noqa: E402
from framing.library.importing import MAX_FILE_MB  # noqa: E402
from framing.storage import USER_DATA_ENV  # noqa: E402

BUNDLED = "assad-coalition-2015"
FORMULA = '=HYPERLINK("http://evil.example","x")'
WORDS = "the regime alleged so-called rebels said claimed army city people officials denied reports".split()
CSV_COMMANDS = ("articles", "spans", "score", "distinctive", "naming", "quotes", "coverage", "similarity")
RESULTS: list[tuple[str, bool, str]] = []


def case(name: str, check: Callable[[], str | None]) -> None:
    """Run one case: it holds when `check` returns None (or a note); it fails when it raises."""
    try:
        note = check() or ""
        RESULTS.append((name, True, note))
    except Exception as error:  # any failure of a case is reported, not fatal
        RESULTS.append((name, False, f"{type(error).__name__}: {str(error)[:300]}"))
    _, held, note = RESULTS[-1]
    print(f"{'held  ' if held else 'FAILED'} {name}{'  ' + note if note else ''}", flush=True)


def cli(args: list[str], data: Path, *, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, USER_DATA_ENV: str(data), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "framing", *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=timeout)


def clean_refusal(result: subprocess.CompletedProcess, *, expect: str = "") -> None:
    """Refused in words, not a traceback, with a non-zero exit."""
    assert result.returncode != 0, f"exit 0: {result.stdout[-200:]}"
    assert "Traceback" not in result.stderr, result.stderr[-400:]
    assert expect.lower() in result.stderr.lower(), result.stderr[-400:]


def ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-400:]


def story(folder: Path, articles: dict[str, str], yaml_text: str = "title: Probe\n") -> Path:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "story.yaml").write_text(yaml_text, encoding="utf-8")
    for name, text in articles.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    return folder


def article(outlet: str, body: str = "The regime said the so-called rebels fled.", **meta) -> str:
    lines = [f"outlet: {json.dumps(outlet)}", *(f"{k}: {v}" for k, v in meta.items())]
    return "---\n" + "\n".join(lines) + f"\n---\n{body}\n"


def corpus(path: Path, rows: int, seed: int) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as stream:
        for i in range(rows):
            text = " ".join(rng.choice(WORDS) for _ in range(60)) + f'. "They lie," a man said. Row {i}.'
            row = {"outlet": f"Outlet {i % 5}", "date": f"2024-0{1 + i % 3}-01", "text": text}
            stream.write(json.dumps(row) + "\n")
    return path


# Bad files, odd encodings, hostile stories -------------------------------------------------------

def batch_unclosed_quote(tmp: Path, multiline: bool) -> Callable[[], None]:
    def check():
        text = "Line one.\nLine two" if multiline else "One line"
        rows = [f'Outlet {i % 3},2024-01-01,"{text} number {i}."' for i in range(300)]
        rows[99] = 'Outlet 0,2024-01-01,"This quote never closes. And the text goes on'
        source = tmp / f"unclosed-{multiline}.csv"
        source.write_text("outlet,date,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
        out = tmp / f"unclosed-{multiline}.parquet"
        result = cli(["batch", source, "--out", out, "--workers", "1", "--no-progress"], tmp)
        problems = out.with_name(out.stem + ".problems.csv")
        clean_refusal(result, expect="row 101")  # the header is row 1
        assert not out.exists() and not problems.exists(), "outputs written from part of the file"
    return check


def import_unclosed_quote(tmp: Path) -> None:
    source = tmp / "import-unclosed.csv"
    source.write_text('outlet,text\nA,"fine"\nB,"never closed\nC,"fine too"\n', encoding="utf-8")
    clean_refusal(cli(["import", source, "--story", "Quotes"], tmp / "data"), expect="quotation mark")


def yaml_story(tmp: Path, name: str, yaml_text: str) -> Callable[[], None]:
    def check():
        folder = story(tmp / name, {"a.md": article("Alpha"), "b.md": article("Beta")}, yaml_text)
        started = time.monotonic()
        result = cli(["score", folder], tmp, timeout=60)
        assert time.monotonic() - started < 30, "took more than 30 s"
        clean_refusal(result)
        assert len(result.stderr.strip().splitlines()) <= 3, result.stderr[-400:]
    return check


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(  # 9 ** 10 strings once expanded
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)) + "title: *j\n"
DEEP = "title: " + "[" * 5000 + "]" * 5000 + "\n"


def deep_front_matter_import(tmp: Path) -> None:
    path = tmp / "deep.md"
    path.write_text("---\noutlet: " + "[" * 5000 + "]" * 5000 + "\n---\nThe regime said so.\n", encoding="utf-8")
    clean_refusal(cli(["import", path, "--story", "Deep"], tmp / "data"))


def encoded_folder(tmp: Path, name: str, data: bytes, command: str, expect: str) -> Callable[[], None]:
    def check():
        folder = tmp / f"enc-{name}-{command}"
        folder.mkdir()
        (folder / "a.txt").write_bytes(data)
        (folder / "b.txt").write_bytes(b"The army said the rebels fled.\n")
        result = cli([command, folder, "--format", "json"] if command != "import" else
                     ["import", folder, "--story", f"Enc {name}", "--outlet", "Alpha", "--format", "json"],
                     tmp / "data")
        ok(result)
        if command == "articles":
            assert expect in result.stdout.encode().decode("unicode_escape", "ignore") or expect in result.stdout, (
                result.stdout[:300])
    return check


def utf16_without_bom(tmp: Path) -> None:
    folder = tmp / "utf16"
    folder.mkdir()
    (folder / "a.txt").write_bytes("The regime said the rebels fled.\n".encode("utf-16-le"))
    result = cli(["articles", folder, "--format", "json"], tmp / "data")
    if result.returncode == 0:  # read: then as the words, not as text with a NUL between letters
        assert "regime" in result.stdout and "\\u0000" not in result.stdout, result.stdout[:300]
    else:
        clean_refusal(result)


def hostile_field(tmp: Path, name: str, front: str) -> Callable[[], None]:
    def check():
        path = tmp / f"field-{name}.md"
        path.write_text(f"---\n{front}\n---\nThe regime said so.\n", encoding="utf-8")
        clean_refusal(cli(["import", path, "--story", f"Field {name}"], tmp / "data"))
    return check


def menu_only_html(tmp: Path) -> None:
    path = tmp / "menu.html"
    path.write_text('<html><body><nav><a href="/">Home</a></nav></body></html>', encoding="utf-8")
    clean_refusal(cli(["import", path, "--story", "Menu", "--outlet", "Alpha"], tmp / "data"))


def oversized_file(tmp: Path) -> None:
    path = tmp / "huge.txt"
    path.write_text("word " * (MAX_FILE_MB * 1024 * 1024 // 5 + 10), encoding="utf-8")
    clean_refusal(cli(["import", path, "--story", "Huge", "--outlet", "Alpha"], tmp / "data"), expect="MB")


def upload_limit() -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_FILE_MB, config["server"]


def reserved_outlets(tmp: Path) -> None:
    data = tmp / "data"
    folder = tmp / "reserved"
    folder.mkdir()
    for i, name in enumerate(("CON", "AUX", "NUL", "COM1", "LPT1", "prn")):
        (folder / f"r{i}.md").write_text(article(name, f"The regime said {name} fled."), encoding="utf-8")
    ok(cli(["import", folder, "--story", "Reserved"], data))
    names = {p.name.split(".")[0].upper() for p in (data / "stories").rglob("*")}
    reserved = names & {"CON", "AUX", "NUL", "COM1", "LPT1", "PRN"}
    assert not reserved, f"file names {sorted(reserved)}"


# Formula cells ----------------------------------------------------------------------------------

def formula_story(tmp: Path) -> Path:
    body = f'{FORMULA} The regime said the so-called rebels fled. "{FORMULA} is a lie," said @SUM(A1).'
    return story(tmp / "formula", {"a.md": article(FORMULA, body, headline=json.dumps("+cmd|' /C calc'!A0")),
                                   "b.md": article("-2+3", body.replace("regime", "government"))})


def no_formula_cells(text: str) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")) or _number(cell), f"formula cell {cell[:60]!r}"


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def csv_command(tmp: Path, folder: Path, command: str) -> Callable[[], None]:
    def check():
        result = cli([command, folder, "--format", "csv"], tmp / "data")
        ok(result)
        assert result.stdout.strip(), "no output"
        no_formula_cells(result.stdout)
    return check


def batch_csv_outputs(tmp: Path) -> None:
    source = tmp / "formula.jsonl"
    source.write_text(json.dumps({"outlet": FORMULA, "date": "2024-01-01", "text": f"{FORMULA} the regime said."})
                      + "\n" + json.dumps({"outlet": "B", "text": "the rebels fled"}) + "\n"
                      + '{"outlet": "=1+1", "text": 5}\n', encoding="utf-8")
    out = tmp / "formula-out.csv"
    ok(cli(["batch", source, "--out", out, "--workers", "1", "--no-progress"], tmp))
    written = sorted(tmp.glob("formula-out*.csv"))
    assert len(written) >= 2, [p.name for p in written]
    for path in written:
        no_formula_cells(path.read_text(encoding="utf-8"))


# Huge and quadratic inputs ----------------------------------------------------------------------

def linear_paragraph(kind: str) -> Callable[[], str]:
    def check():
        from framing import load_lexicon
        from framing.matcher import Matcher
        from framing.spans import find_hits
        from framing.stories import Article
        unit = {"quotes": "a “b” \"c\" ‘d’ 'e' «f» ", "words": "the regime alleged so-called rebels said "}[kind]
        lexicon, rates = load_lexicon(), []
        matcher = Matcher(lexicon)
        for size in (20_000, 400_000):
            text = (unit * (size // len(unit) + 1))[:size]
            started = time.perf_counter()
            find_hits([Article(id=f"a{size}", outlet="A", raw=text)], lexicon, matcher)
            rates.append((time.perf_counter() - started) / size)
        ratio = rates[1] / rates[0]
        assert ratio < 4, f"time per character grew {ratio:.1f} times from 20 kB to 400 kB"
        return f"ratio {ratio:.2f}"
    return check


# Kills, concurrent writers, read-only and full folders -------------------------------------------

def timed(args: list[str], data: Path) -> float:
    started = time.monotonic()
    ok(cli(args, data))
    return time.monotonic() - started


def group_alive(group: int) -> list[int]:
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group and fields[0] != "Z":
                alive.append(int(stat.parent.name))
    return alive


def killed(args: list[str], data: Path, after: float, how: signal.Signals, *,
           helpers: int = 0) -> tuple[int, str, int]:
    """Run the command in a session of its own and send it `how` `after` seconds (counted, with
    `helpers`, from when that many worker processes have started beside it)."""
    env = {**os.environ, USER_DATA_ENV: str(data), "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "framing", *map(str, args)], env=env, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while helpers and len(group_alive(process.pid)) <= helpers and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(group_alive(process.pid)) > helpers, f"the {helpers} workers never started"
    try:
        process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        process.send_signal(how)
    else:
        assert not helpers, "the command ended before the signal: nothing was tested"
    try:
        _, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise AssertionError("the output was held open after the kill") from None
    deadline = time.monotonic() + 10
    while group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not group_alive(process.pid), f"processes {group_alive(process.pid)} outlived the command"
    return process.returncode, err, process.pid


def tidy_end(code: int, err: str, how: signal.Signals) -> None:
    """A command stopped by SIGTERM or Ctrl-C says so in a few lines, no traceback; one the signal
    reached after its work was done and said (or never reached) ends as a finished run does, or by
    the signal itself, silently."""
    if how != signal.SIGKILL:
        assert "Traceback" not in err, err[-400:]
        assert code in (0, -how) or len(err.strip().splitlines()) <= 3, err[-400:]


def half_made(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith((".partial", ".commit")) or p.name == ".adding"]


def batch_kill(tmp: Path, sources: tuple[Path, Path], after: float, how: signal.Signals, n: int) -> Callable:
    def check():
        out = tmp / "runs" / "corpus.parquet"
        args = ["batch", sources[n % 2], "--out", out, "--workers", "2", "--chunk-size", "5", "--no-progress"]
        tidy_end(*killed(args, tmp, after, how)[:2], how)
        results = find_results(out.parent)  # finishes a commit the kill interrupted
        if "corpus.parquet" in results:  # else the kill came before any run was whole: then nothing is there
            loaded = load_batch(results["corpus.parquet"])
            assert loaded.terms is not None, loaded.terms_problem
            import pandas as pd
            scores = pd.read_parquet(out)
            articles = int(loaded.outlets.groupby(["outlet", "month"])["articles"].max().sum())
            assert articles == scores["row"].nunique(), "scores and outlet totals of different runs"
        else:
            assert not out.exists(), "scores with no outlet totals beside them"
        ok(cli(args, tmp))
        assert not half_made(out.parent), half_made(out.parent)
        return f"{how.name} at {after:.2f} s"
    return check


def import_kill(tmp: Path, folder: Path, after: float, how: signal.Signals, n: int, *, adding: bool) -> Callable:
    """Import 120 articles as a new story, or `adding` them to a story of one, killed `after` seconds."""
    def check():
        from framing.stories import load_story
        data = tmp / f"import-kill-{n}"
        title = f"Killed {n}"
        before = 0
        if adding:
            first = story(tmp / f"first-{n}", {}) / "articles"
            (first / "first.md").write_text(article("Outlet 9", f"The first article of story {n}."), encoding="utf-8")
            ok(cli(["import", first, "--story", title], data))
            before = 1
        tidy_end(*killed(["import", folder, "--story", title], data, after, how)[:2], how)
        stories = data / "stories"
        made = [p for p in stories.iterdir() if not p.name.startswith(".")] if stories.exists() else []
        count = len(load_story(made[0]).articles) if made else 0
        assert count in (before, before + 120), f"{count - before} of 120 articles saved"
        ok(cli(["import", folder, "--story", title, *(["--skip-existing"] if count else [])], data))
        made = [p for p in stories.iterdir() if not p.name.startswith(".")]
        assert [p.name for p in made] == ["killed-" + str(n)], [p.name for p in made]
        assert len(load_story(made[0]).articles) == before + 120
        assert not half_made(stories), half_made(stories)
        return f"{how.name} at {after:.2f} s, {count - before} saved before"
    return check


def dask_kill(tmp: Path, source: Path, after: float, how: signal.Signals) -> Callable:
    """The Dask engine's worker processes end with the batch, and its output is one whole run or none."""
    def check():
        out = tmp / f"dask-{how.name}" / "corpus.parquet"
        args = ["batch", source, "--out", out, "--engine", "dask", "--workers", "2", "--chunk-size", "5",
                "--no-progress"]
        tidy_end(*killed(args, tmp, after, how, helpers=2)[:2], how)
        results = find_results(out.parent) if out.parent.exists() else {}
        if "corpus.parquet" in results:
            assert load_batch(results["corpus.parquet"]).terms is not None, "a run without its terms"
        else:
            assert not out.exists(), "scores with no outlet totals beside them"
        assert not half_made(out.parent) if out.parent.exists() else True
        return f"{how.name} {after:.2f} s after the workers started"
    return check


def concurrent_imports(tmp: Path) -> None:
    from framing.stories import load_story
    data = tmp / "concurrent"
    env = {**os.environ, USER_DATA_ENV: str(data), "PYTHONPATH": str(REPO)}
    processes = []
    for k in range(4):
        folder = tmp / f"conc-{k}"
        folder.mkdir()
        for i in range(10):
            (folder / f"a{i}.md").write_text(article(f"Outlet {k}", f"Writer {k} wrote article {i}. The regime fled."),
                                             encoding="utf-8")
        processes.append(subprocess.Popen([sys.executable, "-m", "framing", "import", str(folder), "--story",
                                           "Shared"], env=env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, text=True))
    errors = [p.communicate(timeout=120)[1] for p in processes]
    assert all(p.returncode == 0 for p in processes), errors
    texts = [a.raw for a in load_story(data / "stories" / "shared").articles]
    assert len(texts) == 40 == len(set(texts)), f"{len(texts)} articles, {len(set(texts))} different"


@contextlib.contextmanager
def mounted(path: Path, options: str):
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], check=True, capture_output=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], capture_output=True)


def can_mount() -> bool:
    return os.geteuid() == 0 and subprocess.run(["which", "mount"], capture_output=True).returncode == 0


def read_only_cases(tmp: Path, folder: Path, sources: Path) -> list[tuple[str, Callable]]:
    def run_in_read_only(args: list[str], expect: str) -> Callable:
        def check():
            with mounted(tmp / "ro", "size=8m") as data:
                ok(cli(["import", folder, "--story", "Before"], data))  # .locks/ and a story exist
                (data / ".locks").mkdir(exist_ok=True)
                subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True, capture_output=True)
                result = cli(args, data)
                clean_refusal(result, expect=expect)
                assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
        return check
    return [("read-only folder: CLI import says so in a line", run_in_read_only(
                ["import", folder, "--story", "After"], "read-only")),
            ("read-only folder: batch output there says so in a line", run_in_read_only(
                ["batch", sources, "--out", tmp / "ro" / "batches" / "x.parquet", "--no-progress",
                 "--workers", "1"], "read-only"))]


def free_bytes(folder: Path) -> int:
    return os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize


@contextlib.contextmanager
def read_only_data(tmp: Path, name: str, prepare: Callable[[], object] = lambda: None):
    """A real tmpfs data folder, with `prepare` done in it (and its .locks/ made), then mounted read-only;
    the pages of this process read it while it lasts."""
    with mounted(tmp / name, "size=8m") as data:
        os.environ[USER_DATA_ENV] = str(data)
        try:
            made = prepare()
            (data / ".locks").mkdir(exist_ok=True)
            subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True, capture_output=True)
            yield data, made
        finally:
            os.environ[USER_DATA_ENV] = str(tmp / "pages-data")


def opened(script: str, **params):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    at.query_params.update(params)
    at.run()
    if script != "views/overview.py":
        at.switch_page(script).run()
    assert not at.exception, [e.value[:200] for e in at.exception]
    return at


def refused_on_page(at, data: Path) -> None:
    """The page said, in a line that names the folder, that it cannot save there; no traceback."""
    assert not at.exception, [e.value[:200] for e in at.exception]
    said = [e.value for kind in ("error", "warning", "code") for e in at.get(kind)]
    assert any(f"cannot save in {data}" in message for message in said), said
    assert all("Traceback" not in message and len(message.strip().splitlines()) <= 2 for message in said), said


def read_only_page_cases(tmp: Path) -> list[tuple[str, Callable]]:
    from framing.classroom.lessons import start_lesson
    from views.pages import PAGES

    def every_page():
        with read_only_data(tmp, "ro-pages"):
            at = opened("views/overview.py")
            for page in PAGES:  # one session, as a visitor goes from page to page
                at.switch_page(page.script).run()
                assert not at.exception, (page.script, [e.value[:200] for e in at.exception])

    def lesson_link():
        with read_only_data(tmp, "ro-lesson", lambda: start_lesson(BUNDLED)[0]) as (_, lesson):
            for script in ("views/blind.py", "views/annotate.py"):
                at = opened(script, lesson=lesson.code, story=BUNDLED)
                assert any(f"Lesson {lesson.code}" in c.value for c in at.caption), f"{script}: not in the lesson"

    def import_save():
        with read_only_data(tmp, "ro-import") as (data, _):
            at = opened("views/import_story.py")
            at.text_input(key="import_title").set_value("Talks").run()
            at.text_area(key="import_paste_0").set_value("---\noutlet: Alpha\n---\nThe regime said so.").run()
            at.button(key="import_save").click().run()
            refused_on_page(at, data)

    def start_a_lesson():
        with read_only_data(tmp, "ro-start") as (data, _):
            at = opened("views/blind.py")
            at.button[[b.label for b in at.button].index("Start a lesson")].click().run()
            refused_on_page(at, data)

    def lexicon_save():
        with read_only_data(tmp, "ro-lexicon") as (data, _):
            at = opened("views/lexicon_editor.py")
            at.text_input(key="lexicon_name:default").input("Class 7B")
            at.button(key="lexicon_save").click().run()
            refused_on_page(at, data)

    return [("read-only folder (real mount): every page opens, one session", every_page),
            ("read-only folder: a student opening a lesson link joins it", lesson_link),
            ("read-only folder: Import Save says so in a line", import_save),
            ("read-only folder: Start a lesson says so in a line", start_a_lesson),
            ("read-only folder: Lexicon Save says so in a line", lexicon_save)]


def full_disk_cases(tmp: Path, folder: Path, sources: Path) -> list[tuple[str, Callable]]:
    def run_in_full(args: list[str]) -> Callable:
        def check():
            with mounted(tmp / "full", "size=64k") as data:
                (data / "filler").write_bytes(b"\0" * free_bytes(data))  # full before the command starts
                result = cli([a if a != "OUT" else data / "batches" / "x.parquet" for a in args], data)
                clean_refusal(result, expect="full")
                assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
                assert not half_made(data), half_made(data)
        return check
    return [("full disk: import says so in a line, nothing half-made", run_in_full(
                ["import", folder, "--story", "Full"])),
            ("full disk: batch says so in a line, nothing half-made", run_in_full(
                ["batch", sources, "--out", "OUT", "--no-progress", "--workers", "1"]))]


def full_during_batch(tmp: Path, small: Path, large: Path) -> None:
    """The disk fills while a batch writes over an earlier run: a line saying so, the earlier run whole."""
    with mounted(tmp / "filling", "size=4m") as data:
        out = data / "batches" / "corpus.parquet"
        args = ["--out", out, "--no-progress", "--workers", "1", "--chunk-size", "20"]
        ok(cli(["batch", small, *args], data))
        (data / "filler").write_bytes(b"\0" * max(0, free_bytes(data) - 24 * 1024))  # a chunk, not the run
        result = cli(["batch", large, *args], data)
        clean_refusal(result, expect="full")
        assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
        assert not half_made(data), half_made(data)
        loaded = load_batch(find_results(out.parent)["corpus.parquet"])
        assert loaded.terms is not None, loaded.terms_problem
        assert int(loaded.outlets.groupby(["outlet", "month"])["articles"].max().sum()) == 40, "not the earlier run"


def hostile_prompts_file(tmp: Path) -> None:
    """The Discuss page's download, as a Markdown viewer shows it (GitHub, VS Code: bare addresses
    linked, $…$ as maths): the story's words as written, no link, no maths, no tag."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    from framing import analyse, load_story
    from framing.classroom.prompts import discussion_prompts, prompts_markdown
    hostile = ("www.evil.example for $x$ [a](javascript:1)", "https://evil.example/a_b <b>x</b> $$y$$")
    folder = story(tmp / "prompts-story", {
        "a.md": article(hostile[0], f'The regime said the "{hostile[1]}" rebels fled. The regime alleged so.'),
        "b.md": article(hostile[1], "The government said the rebels fled. The government reportedly claimed so.")},
        yaml_text="title: 'tips@evil.example for $x$'\n")
    prompts = discussion_prompts(analyse(load_story(folder)))
    text = prompts_markdown(prompts, title=load_story(folder).title)
    assert "evil" in text.split("\n", 1)[1], "no story words in the prompts: nothing was tested"
    shown = MarkdownIt("gfm-like").use(dollarmath_plugin).render(text)
    for made in ("<a ", "math", "<b>", "<img"):
        assert made not in shown, f"{made!r} in the viewer's page"


def server_memory_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]) / 1024


def xsrf_token(page) -> str:
    return next((c["value"] for c in page.context.cookies() if c["name"] == "_streamlit_xsrf"), "")


def uploads_straight_to_the_server(tmp: Path, port: int) -> str:
    """Files over the import limit sent straight to the server's upload address, by a page's session
    (its cookie and token) but not through its upload box: eleven just over the limit with their length,
    and one of 45 MB with none; all refused, and the server does not hold them (the reporter saw
    +474 MB for eleven of 45 MB)."""
    import httpx
    from playwright.sync_api import sync_playwright
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    server_module = _bench_module("server")
    sessions: list[str] = []

    def read(frame) -> None:
        message = ForwardMsg()
        with contextlib.suppress(Exception):
            message.ParseFromString(frame if isinstance(frame, bytes) else frame.encode("latin-1"))
            if message.new_session.initialize.session_id:
                sessions.append(message.new_session.initialize.session_id)

    with (open(tmp / "upload-server.log", "w+b") as log,
          server_module.served(log, data_dir=tmp / "upload-data", port=port) as (server, url),
          sync_playwright() as playwright):
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.on("websocket", lambda socket: socket.on("framereceived", read))
        page.goto(url)
        deadline = time.monotonic() + 90
        while not (sessions and (token := xsrf_token(page))) and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        assert sessions and token, "no session began"
        headers = {"X-Xsrftoken": token}

        def put(name: str, data: bytes):
            return page.request.put(f"{url}/_stcore/upload_file/{sessions[0]}/{name}", headers=headers,
                                    multipart={"file": {"name": f"{name}.txt", "mimeType": "text/plain",
                                                        "buffer": data}})
        assert put("small", b"The regime said so.\n").ok, "a small upload was refused: nothing was tested"
        before = server_memory_mb(server.pid)
        over = b"word " * ((MAX_FILE_MB + 1) * 1024 * 1024 // 5)
        statuses = [put(f"over{i}", over).status for i in range(11)]

        def chunks():  # no length given: the server must stop reading as the body passes the limit
            yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="c.txt"\r\n\r\n'
            for _ in range(45):
                yield b"w" * 1024 * 1024
            yield b"\r\n--b--\r\n"
        cookie = f"_streamlit_xsrf={token}"
        with contextlib.suppress(httpx.HTTPError):  # the server may close the connection as it refuses
            statuses.append(httpx.put(f"{url}/_stcore/upload_file/{sessions[0]}/chunked", content=chunks(),
                                      headers={**headers, "Cookie": cookie,
                                               "Content-Type": "multipart/form-data; boundary=b"},
                                      timeout=120).status_code)
        grown = server_memory_mb(server.pid) - before
        browser.close()
    assert set(statuses) == {413}, f"answers {statuses}"
    assert grown < 100, f"the server grew {grown:.0f} MB"
    return f"refused {len(statuses)}, server grew {grown:.0f} MB"


SCRIPT, IMAGE = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"


def hostile_stories_in_a_browser(tmp: Path, port: int) -> str:
    """A data folder holding a story full of markup and two broken ones (an alias bomb and 5,000-deep
    nesting for story.yaml), served as a teacher runs it and opened in Chromium on every page: no
    script runs, no page breaks, and the broken stories slow nothing and grow nothing."""
    from playwright.sync_api import expect, sync_playwright

    from views.pages import PAGES
    data = tmp / "browser-data"
    body = f"The regime said {SCRIPT} the so-called rebels fled {IMAGE}. **Bold** [x](javascript:alert(1)) $x$."
    story(data / "stories" / "hostile", {"a.md": article(f"<b>One</b> {SCRIPT}", body),
                                          "b.md": article(f"Two {IMAGE}", body.replace("regime", "government"))},
          yaml_text=f"title: {json.dumps(SCRIPT + ' **story**')}\n")
    for name, yaml_text in (("bomb", ALIAS_BOMB), ("deep", DEEP)):
        story(data / "stories" / name, {"a.md": article("Alpha"), "b.md": article("Beta")}, yaml_text)
    server_module, dialogs, slowest = _bench_module("server"), [], 0.0
    with (open(tmp / "browser-server.log", "w+b") as log,
          server_module.served(log, data_dir=data, port=port) as (server, url),
          sync_playwright() as playwright):
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1366, "height": 2400})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        before = server_memory_mb(server.pid)
        broken = [(spec, slug) for spec in PAGES[:2] for slug in ("bomb", "deep")]
        visits = [*broken, *((spec, "hostile") for spec in PAGES)]  # a broken story first: the rest still work
        for spec, slug in visits:
            started = time.monotonic()
            page.goto(f"{url}/{spec.url_path}?story={slug}")
            shown = (page.get_by_text(f"stories/{slug}/story.yaml: not valid YAML") if slug != "hostile" else
                     page.get_by_text(spec.landmark, exact=True))  # a broken story is said to be so, alone
            expect(shown.first).to_be_visible(timeout=90_000)
            expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=90_000)
            slowest = max(slowest, time.monotonic() - started)
            if slug == "hostile" and spec is PAGES[0]:
                assert SCRIPT in page.inner_text("main"), "the story's markup is not shown as text: nothing was tested"
            assert page.locator('[data-testid="stException"]').count() == 0, f"{spec.script} ?story={slug}: a traceback"
            assert not page.locator("script:has-text('alert(1)')").count(), f"{spec.script}: a script was written"
            assert not page.locator("img[onerror]").count(), f"{spec.script}: an image with onerror was drawn"
        grown = server_memory_mb(server.pid) - before
        browser.close()
    assert not dialogs, f"a script ran: {dialogs}"
    assert slowest < 60 and grown < 500, f"slowest page {slowest:.0f} s, the server grew {grown:.0f} MB"
    return f"{len(visits)} visits, slowest {slowest:.1f} s, server grew {grown:.0f} MB"


def _bench_module(name: str):
    import importlib.util
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# URL abuse on every page ------------------------------------------------------------------------

URL_ABUSE = {
    "path traversal": {"story": "../../../etc", "lexicon": "../../../../etc/passwd"},
    "markup": {"story": "<script>alert(1)</script>", "lesson": "<img src=x onerror=alert(1)>",
               "article": "**x**", "outlet": "<b>x</b>", "category": "[x](http://evil)"},
    "huge and odd values": {"size": "1e309", "text_size": "-99999999999", "story": "x" * 5000,
                            "lesson": "ABCD\u0000", "lexicon": "CON"},
}


def page_with(script: str, params: dict) -> Callable:
    def check():
        at = opened(script, **params)
        body = "\n".join(e.proto.body for e in at.get("html"))
        for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>x</b>"):
            assert payload not in body, f"{payload} drawn as markup"
    return check


def hostile_lexicon_page(tmp: Path) -> None:
    from streamlit.testing.v1 import AppTest
    lexicons = tmp / "hostile-data" / "lexicons"
    lexicons.mkdir(parents=True)
    (lexicons / "bomb.yaml").write_text(ALIAS_BOMB.replace("title", "name"), encoding="utf-8")
    (lexicons / "deep.yaml").write_text(DEEP.replace("title", "name"), encoding="utf-8")
    os.environ[USER_DATA_ENV] = str(tmp / "hostile-data")
    for name in ("bomb", "deep"):
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
        at.query_params.update(lexicon=name)
        at.run()
        at.switch_page("views/lexicon_editor.py").run()
        assert not at.exception, [e.value[:200] for e in at.exception]


# ------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--kills", type=int, default=3, help="kills per signal, for batch and for import")
    parser.add_argument("--port", type=int, default=8700, help="for the dashboard the upload case starts")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="fault-probe-") as name:
        tmp = Path(name)
        os.environ[USER_DATA_ENV] = str(tmp / "pages-data")
        articles = tmp / "articles"
        articles.mkdir()
        for i in range(120):
            (articles / f"a{i:03}.md").write_text(article(f"Outlet {i % 3}", " ".join(
                rng.choice(WORDS) for _ in range(40)) + f". {i}.", headline=f"Story {i}"), encoding="utf-8")
        small, large = corpus(tmp / "small.jsonl", 40, 1), corpus(tmp / "large.jsonl", 400, 2)
        dask_corpus = corpus(tmp / "dask.jsonl", 3000, 3)
        formula = formula_story(tmp)
        cases: list[tuple[str, Callable]] = [
            ("batch CSV, unclosed quote in row 100, single-line rows", batch_unclosed_quote(tmp, False)),
            ("batch CSV, unclosed quote in row 100, multi-line rows", batch_unclosed_quote(tmp, True)),
            ("import CSV with an unclosed quote is refused", lambda: import_unclosed_quote(tmp)),
            ("story.yaml alias bomb: a clear error, quickly", yaml_story(tmp, "bomb", ALIAS_BOMB)),
            ("story.yaml nested 5,000 deep: a clear error", yaml_story(tmp, "deep", DEEP)),
            ("story.yaml not a mapping: a clear error", yaml_story(tmp, "list", "- a\n- b\n")),
            ("story.yaml binary garbage: a clear error", yaml_story(tmp, "garbage", "\x00\x01\x02: [\n")),
            ("imported .md with front matter nested 5,000 deep is refused", lambda: deep_front_matter_import(tmp)),
            ("UTF-16 without a byte-order mark: read right or refused", lambda: utf16_without_bom(tmp)),
            ("an HTML page with only a menu link is refused", lambda: menu_only_html(tmp)),
            (f"a file over {MAX_FILE_MB} MB is refused by import", lambda: oversized_file(tmp)),
            ("the server's upload limit is the import limit", upload_limit),
            ("uploads over the limit straight to the server's upload address: refused, not held",
             lambda: uploads_straight_to_the_server(tmp, args.port)),
            ("hostile and broken stories on every page in Chromium: no script, no traceback, no slowdown",
             lambda: hostile_stories_in_a_browser(tmp, args.port + 1)),
            ("outlets CON, AUX, NUL, COM1, LPT1, prn: no reserved file names", lambda: reserved_outlets(tmp)),
            ("concurrent imports into one story: none lost or doubled", lambda: concurrent_imports(tmp)),
            ("batch CSV outputs: formulas neutralised", lambda: batch_csv_outputs(tmp)),
            ("hostile lexicons (alias bomb, deep nesting) on the Lexicon page", lambda: hostile_lexicon_page(tmp)),
            ("prompts download in a Markdown viewer: no link, maths or tag", lambda: hostile_prompts_file(tmp)),
        ]
        fields = {"a mapping as outlet": "outlet: {a: 1}", "a JSON object as date": 'outlet: A\ndate: {"y": 2024}',
                  "a list as headline": "outlet: A\nheadline: [1, 2]"}
        for label, front in fields.items():
            cases.append((f"front matter with {label} is refused", hostile_field(tmp, label.split()[-1], front)))
        encodings = {"Windows-1252 passé” and —": ("Il a dit « passé” » — et… fin.\n".encode("cp1252"), "passé”"),
                     "Latin-1 café": ("Le café était fermé, dit l'armée.\n".encode("latin-1"), "café")}
        for label, (data, expect) in encodings.items():
            for command in ("articles", "spans", "score", "import"):
                cases.append((f"{label} via {command}", encoded_folder(tmp, label.split()[0], data, command, expect)))
        for command in CSV_COMMANDS:
            cases.append((f"{command} --format csv: formulas neutralised", csv_command(tmp, formula, command)))
        for kind in ("quotes", "words"):
            cases.append((f"one paragraph of {kind}: time linear in its length", linear_paragraph(kind)))
        batch_length = timed(["batch", large, "--out", tmp / "timing.parquet", "--workers", "2", "--chunk-size", "5",
                              "--no-progress"], tmp)
        import_length = timed(["import", articles, "--story", "Timing"], tmp / "timing-data")
        print(f"(a whole batch of 400 rows took {batch_length:.1f} s, an import of 120 {import_length:.1f} s: "
              "the kills land at random moments within those)")
        for how in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
            for n in range(args.kills):
                cases.append((f"batch killed by {how.name} #{n + 1}: one whole run, no worker left",
                              batch_kill(tmp, (small, large), rng.uniform(0.3, batch_length), how, n)))
                into = "a story of one" if n % 2 else "a new story"
                cases.append((f"import of 120 into {into} killed by {how.name} #{n + 1}: all or nothing",
                              import_kill(tmp, articles, rng.uniform(0.2, import_length), how, len(cases),
                                          adding=bool(n % 2))))
        for how in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
            for n in range(max(1, args.kills // 2)):
                cases.append((f"Dask batch killed by {how.name} #{n + 1}: its workers end with it",
                              dask_kill(tmp, dask_corpus, rng.uniform(0, 2.0), how)))
        if can_mount():
            cases += read_only_cases(tmp, articles, small) + full_disk_cases(tmp, articles, large)
            cases += read_only_page_cases(tmp)
            cases.append(("disk full during a batch: a line saying so, the earlier run whole",
                          lambda: full_during_batch(tmp, small, large)))
        else:
            print("(read-only and full-disk cases skipped: they mount a tmpfs, which needs root)")
        for script in ("views/overview.py", "views/compare.py", "views/words.py", "views/naming.py",
                       "views/corpus.py", "views/blind.py", "views/annotate.py", "views/discuss.py",
                       "views/import_story.py", "views/lexicon_editor.py", "views/handout.py"):
            for label, params in URL_ABUSE.items():
                cases.append((f"URL abuse ({label}) on {script}", page_with(script, params)))
        for name, check in cases:
            case(name, check)
    failed = [name for name, held, _ in RESULTS if not held]
    print(f"\n{len(RESULTS)} cases: {len(RESULTS) - len(failed)} held, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
