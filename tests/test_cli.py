import json
import subprocess
import sys
import warnings

import pytest
from conftest import BUNDLED, REPO

from framing.cli import main

SPAN_FIELDS = ["article", "outlet", "start", "end", "text", "term", "category", "referent", "voice",
               "scare_quote", "speaker", "sentence"]


def run_json(capsys, *args):
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_stories_lists_the_bundled_story(capsys):
    records = run_json(capsys, "stories")
    assert [r["story"] for r in records] == ["assad-coalition-2015"]
    assert records[0]["articles"] == 5


def test_articles_give_metadata_cleaned_text_and_removed_lines(capsys):
    records = run_json(capsys, "articles", str(BUNDLED))
    week = next(r for r in records if r["outlet"] == "The Week")
    assert "Subscribe" not in week["text"]
    assert {"line", "kind", "reason", "text"} == set(week["removed"][0])
    assert any(r["reason"] == "related-article list" for r in week["removed"])
    assert {"outlet", "country", "ownership", "event", "date", "headline", "text", "removed"} <= set(week)


def test_spans_json_has_the_span_fields_and_offsets_hold(capsys):
    records = run_json(capsys, "spans", "assad-coalition-2015")
    assert list(records[0]) == SPAN_FIELDS
    texts = {r["article"]: r["text"] for r in run_json(capsys, "articles", "assad-coalition-2015")}
    for record in records:
        assert texts[record["article"]][record["start"]:record["end"]] == record["text"]
        assert isinstance(record["scare_quote"], bool)


def test_spans_filters(capsys):
    records = run_json(capsys, "spans", str(BUNDLED), "--category", "distancing", "--voice", "narrator")
    assert records and {(r["category"], r["voice"]) for r in records} == {("distancing", "narrator")}


def test_score_json_fields(capsys):
    records = run_json(capsys, "score", str(BUNDLED), "--voice", "narrator")
    assert list(records[0]) == ["outlet", "category", "voice", "count", "words", "per_1000"]
    assert {r["voice"] for r in records} == {"narrator"}


def test_distinctive_json_fields_and_top(capsys):
    records = run_json(capsys, "distinctive", str(BUNDLED), "--top", "3", "--method", "log-odds")
    assert {"outlet", "term", "z", "count", "count_rest", "method"} <= set(records[0])
    assert len(records) == 5 * 3
    press_tv = [r["term"] for r in records if r["outlet"] == "Press TV"]
    assert "takfiri" in press_tv or "isil" in press_tv


def test_similarity_is_a_matrix(capsys):
    records = run_json(capsys, "similarity", str(BUNDLED))
    assert len(records) == 5 and records[0][records[0]["outlet"]] == 1.0


def test_csv_and_table_formats(capsys):
    assert main(["score", str(BUNDLED), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "outlet,category,voice,count,words,per_1000"
    assert main(["articles", str(BUNDLED)]) == 0
    table = capsys.readouterr().out
    assert "Press TV" in table and "lines" in table


def test_a_custom_lexicon_is_used(capsys, tmp_path):
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text(
        "name: mine\ndescription: d\ncategories:\n  - id: pots\n    name: Pots\n    description: d\n"
        "    teaching_note: n\n    terms: [cooking pots]\n", encoding="utf-8")
    records = run_json(capsys, "spans", str(BUNDLED), "--lexicon", str(lexicon), "--category", "pots")
    assert {r["outlet"] for r in records} == {"The Week"} and {r["voice"] for r in records} == {"quote"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["spans", "no/such/folder"], "no such file or folder"),
        (["score", "{empty}"], "no .txt or .md articles"),
        (["articles", "{binary}"], "this looks like a PNG image, not text"),
        (["spans", str(BUNDLED), "--lexicon", "{badlexicon}"], "not valid YAML"),
    ],
)
def test_bad_paths_exit_non_zero_with_one_line(tmp_path, capsys, args, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    (tmp_path / "bad.yaml").write_text("name: [", encoding="utf-8")
    paths = {"empty": tmp_path / "empty", "binary": tmp_path / "bin", "badlexicon": tmp_path / "bad.yaml"}
    with warnings.catch_warnings(record=True) as warned:  # a warning would be a second line on the terminal
        warnings.simplefilter("always")
        code = main([a.format(**paths) for a in args])
    out, err = capsys.readouterr()
    assert code != 0 and not warned
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_naming_json_fields(capsys):
    records = run_json(capsys, "naming", str(BUNDLED))
    assert list(records[0]) == ["referent", "group", "outlet", "label", "kind", "count", "voice"]
    assert {"referent": "ISIL", "group": "ISIL", "outlet": "Press TV", "label": "Takfiri", "kind": "name",
            "count": 2, "voice": "narrator"} in records
    assert {"referent": "United States", "group": "United States", "outlet": "Press TV", "label": "American officials",
            "kind": "name", "count": 1, "voice": "narrator"} in records  # from the story's alias list


def test_quotes_json_fields(capsys):
    records = run_json(capsys, "quotes", str(BUNDLED))
    assert list(records[0]) == ["statement", "speaker", "text", "outlets"]
    assert all(set(wording) == {"text", "verb"} for r in records for wording in r["outlets"].values())
    assert len(records[0]["outlets"]) == 3


def test_coverage_json_fields_and_summary(capsys):
    records = run_json(capsys, "coverage", str(BUNDLED))
    assert {"outlet", "sentence", "text", "unique", "closest", "similarity"} <= set(records[0])
    assert any(r["closest"] and set(r["closest"]) == {"outlet", "article", "sentence"} for r in records)
    summary = run_json(capsys, "coverage", str(BUNDLED), "--summary")
    assert [r["outlet"] for r in summary] == ["Al-Manar", "Haaretz (Reuters)", "Press TV", "Sputnik", "The Week"]


# Run as `python -m framing ARGS` does, then list the heavy libraries the run imported.
_IMPORTED_BY_A_RUN = """
import runpy, sys
sys.argv = ["framing", *sys.argv[1:]]
try:
    runpy.run_module("framing", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
heavy = ("pandas", "sklearn", "scipy", "pyarrow", "trafilatura")
print("imported:", *sorted({name.split(".")[0] for name in sys.modules} & set(heavy)), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["stories"], ["stories", "--format", "json"]])
def test_help_and_light_commands_import_no_pandas_or_sklearn(args):
    result = subprocess.run([sys.executable, "-c", _IMPORTED_BY_A_RUN, *args], capture_output=True, text=True,
                            cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout  # the command did run: help or the list of stories
    assert result.stderr.splitlines()[-1] == "imported:", result.stderr


def test_a_heavy_command_still_gets_its_options_and_imports():
    result = subprocess.run([sys.executable, "-c", _IMPORTED_BY_A_RUN, "distinctive", "--help"],
                            capture_output=True, text=True, cwd=REPO)
    assert "--method {log-odds,exclusive,tf-idf}" in result.stdout
    assert "pandas" in result.stderr.splitlines()[-1].split()



DESTRUCTOR_INTERRUPTED = """
import threading, time
from framing.cli import _stopping_on_signals

class Dropped:
    def __del__(self):
        raise KeyboardInterrupt

try:
    with _stopping_on_signals(threading.Event()):
        Dropped()
        for _ in range(500):  # short sleeps: a simulated signal is handled between them
            time.sleep(0.01)
    print("ran on")
except KeyboardInterrupt:
    print("stopped")
"""


def test_an_interrupt_that_lands_in_a_destructor_still_stops_the_command():
    """Python swallows an exception raised in __del__; a signal that lands there must come again
    (in a process of its own: it is the main thread's signal)."""
    result = subprocess.run([sys.executable, "-c", DESTRUCTOR_INTERRUPTED], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.stdout.strip() == "stopped" and "Traceback" not in result.stderr, result.stderr


DESTRUCTOR_AT_THE_END = """
import threading, time
from framing.cli import _stopping_on_signals

class Dropped:
    def __del__(self):
        raise KeyboardInterrupt

with _stopping_on_signals(threading.Event()):
    Dropped()  # the interrupt is due again in 10 ms, but the command ends now
for _ in range(20):
    time.sleep(0.01)
print("ended whole")
"""


def test_an_interrupt_due_again_after_the_command_ended_does_not_come():
    """The command has handed back its status: an interrupt still due from a destructor must not
    kill the process after it (it had exited by SIGINT, -2, with all written)."""
    result = subprocess.run([sys.executable, "-c", DESTRUCTOR_AT_THE_END], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ended whole", result.stderr
