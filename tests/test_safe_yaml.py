"""YAML read with limits (framing/safe_yaml.py): hostile files cost an error message, and a broken
story.yaml stays the problem of its own story."""

import time

import pytest
from apptest_helpers import html_of, open_page
from hypothesis import given
from hypothesis import strategies as st

from framing.library.importing import read_files
from framing.safe_yaml import MAX_DEPTH, YamlLimitError, load_yaml
from framing.storage import USER_DATA_ENV
from framing.stories import StoryError, load_story


def alias_bomb(levels: int = 9) -> str:
    """A kilobyte that stands for 9**levels strings: each list holds nine aliases of the one before."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + f"\ntitle: *l{levels - 1}\n"


def test_an_alias_bomb_is_refused_at_once():
    started = time.perf_counter()
    with pytest.raises(YamlLimitError, match="aliases"):
        load_yaml(alias_bomb())
    assert time.perf_counter() - started < 1


def test_nesting_past_the_limit_is_refused_and_within_it_read():
    with pytest.raises(YamlLimitError, match="nested more than"):
        load_yaml("[" * 100_000 + "]" * 100_000)
    assert load_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


def test_ordinary_anchors_and_aliases_still_read():
    assert load_yaml("base: &b {outlet: X}\nother: *b\n") == {"base": {"outlet": "X"}, "other": {"outlet": "X"}}


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=30))
def test_what_safe_dump_writes_reads_back_the_same(value):
    import yaml

    assert load_yaml(yaml.safe_dump(value)) == value


def test_an_uploaded_article_with_deep_front_matter_is_one_problem():
    text = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody."
    result = read_files([("deep.md", text.encode())])
    assert not result.drafts
    assert "nested more than" in str(result.problems[0])


def test_a_story_yaml_bomb_is_confined_to_its_story(tmp_path, monkeypatch, one_outlet_story):
    folder = tmp_path / "stories" / "bomb"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.md").write_text("---\noutlet: X\n---\nText.", encoding="utf-8")
    (folder / "story.yaml").write_text(alias_bomb(), encoding="utf-8")
    with pytest.raises(StoryError, match=r"story\.yaml: not valid YAML"):
        load_story(folder)
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    at = open_page(story="bomb")
    assert not at.exception and "cannot be analysed" in at.error[0].value
    assert "aliases" in at.code[0].value
    at = open_page(story=one_outlet_story)  # the other stories still open
    assert not at.error and "Only Outlet" in html_of(at)


def test_the_story_list_names_a_broken_story_and_lists_the_others(tmp_path, monkeypatch, capsys, one_outlet_story):
    from framing.cli import main

    (tmp_path / "stories" / "deep").mkdir()
    (tmp_path / "stories" / "deep" / "story.yaml").write_text("title: " + "[" * 500 + "]" * 500, encoding="utf-8")
    assert main(["stories", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert one_outlet_story in out and "deep" not in out
    assert "deep/story.yaml: not valid YAML (lists or mappings nested more than" in err
