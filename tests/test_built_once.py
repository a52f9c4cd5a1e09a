import json
import threading
import time

import plotly.graph_objects as go
import plotly.io
import pytest
from conftest import make_lexicon, make_story

import framing.analysis
from framing import analyse
from framing.built_once import BuiltOnce
from views.session import KeptFigure

ASKERS = 16  # threads asking at the same moment, as a class opening one page does


def ask_together(ask) -> list:
    """Run `ask` in ASKERS threads released at once; their answers."""
    start, answers = threading.Barrier(ASKERS), []

    def asker():
        start.wait()
        answers.append(ask())

    threads = [threading.Thread(target=asker) for _ in range(ASKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return answers


def test_threads_asking_at_once_share_one_build():
    memo, builds = BuiltOnce(), []

    def build():
        builds.append(1)
        time.sleep(0.05)  # long enough that every asker arrives while the first is building
        return object()

    answers = ask_together(lambda: memo.get("chart", build))
    assert len(answers) == ASKERS and len(builds) == 1
    assert all(answer is answers[0] for answer in answers)
    assert memo.get("other", lambda: "second") == "second" and len(builds) == 1


def test_a_build_that_fails_keeps_nothing_and_is_tried_again():
    memo = BuiltOnce()
    with pytest.raises(ValueError):
        memo.get("table", lambda: (_ for _ in ()).throw(ValueError("broken")))
    assert memo.get("table", lambda: "built") == "built"


def test_an_analysis_builds_a_derived_table_once_for_many_threads(monkeypatch):
    analysis = analyse(make_story(("North", "The regime struck.")),
                       make_lexicon(label=[{"term": "regime", "referent": "Government"}]))
    builds, real = [], framing.analysis.naming_table

    def counted(*args, **kwargs):
        builds.append(1)
        time.sleep(0.05)
        return real(*args, **kwargs)

    monkeypatch.setattr(framing.analysis, "naming_table", counted)
    tables = ask_together(analysis.naming)
    assert len(builds) == 1 and len(tables) == ASKERS
    assert all(table.equals(tables[0]) and len(table) == 1 for table in tables)


def test_a_kept_figure_works_out_its_dict_once_and_it_holds_the_whole_chart():
    figure = go.Figure(go.Bar(x=["regime", "government"], y=[3, 1]), layout={"title": {"text": "Press TV"}})
    kept = KeptFigure(figure)
    first = kept.to_dict()
    assert kept.to_dict() is first  # the same dict on every run, not a new deep copy
    assert json.loads(plotly.io.to_json(kept, validate=False)) == json.loads(plotly.io.to_json(figure, validate=False))
    assert list(first["data"][0]["x"]) == ["regime", "government"] and first["layout"]["title"]["text"] == "Press TV"
