"""Saving the user's stories: readable files that load back exactly, all or nothing, safe with two writers,
and the `python -m framing import` command over it."""

import io
import multiprocessing
import queue
import threading
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from conftest import BUNDLED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import analyse, load_lexicon, load_story
from framing.cli import main
from framing.library import deleted
from framing.library.deleted import undo
from framing.library.importing import make_draft, read_files
from framing.library.story_store import (
    StoreError,
    add_articles,
    create_story,
    delete_article,
    delete_story,
    find_user_story,
    user_stories,
)
from framing.storage import StorageError, data_subdir
from framing.stories import ARTICLE_FIELDS, Article, Story, available_stories

ALPHA = "The regime said the so-called rebels had fled. \"They ran,\" the minister claimed.\nOfficials denied it."
BETA = "The government said armed groups attacked. Opposition fighters allegedly shelled the town."


def draft(text: str, outlet: str = "Alpha", **meta):
    return make_draft(text, {"outlet": outlet, **meta}, name=f"{outlet}.txt")


def files_in(slug: str) -> list[str]:
    return sorted(p.name for p in (data_subdir("stories") / slug / "articles").iterdir())


# --- files that load back exactly -------------------------------------------------------------------


field_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=300).filter(str.strip),
       meta=st.fixed_dictionaries({name: field_text for name in ARTICLE_FIELDS}), title=field_text.filter(str.strip))
def test_saved_articles_load_back_exactly(body, meta, title):
    original = make_draft(body, {**meta, "outlet": meta["outlet"] if meta["outlet"].strip() else "X"})
    saved = create_story(title, "summary: with a colon", [original])
    story = load_story(saved.folder)
    (article,) = story.articles
    assert article.raw == original.text
    assert {k: v for k, v in article.metadata().items() if k != "id" and v} == original.metadata
    assert story.title == " ".join(title.split())


@pytest.mark.parametrize("body", [
    "---\nnot: front matter\n---\nstill the body\n", "  leading and trailing  \n\n", "key: value\n\"quoted\" 'single'",
    "line\r\nwith a windows ending kept as given", "---", "\ufeffstarts with a byte-order mark",
])
def test_awkward_bodies_load_back_exactly(body):
    saved = create_story("Awkward", "", [draft(body, headline="---", url="http://x.example/a?b=1#c")])
    (article,) = load_story(saved.folder).articles
    assert (article.raw, article.headline, article.url) == (body, "---", "http://x.example/a?b=1#c")


def test_the_files_are_readable_and_in_the_bundled_layout():
    saved = create_story("Assad: interviews, 2015", "Two outlets.", [draft(ALPHA, headline="Assad speaks"),
                                                                     draft(BETA, "Beta")])
    assert saved.slug == "assad-interviews-2015" and saved.outlets == ("Alpha", "Beta")
    assert files_in(saved.slug) == ["alpha-assad-speaks.md", "beta.md"]
    text = (saved.folder / "articles" / "alpha-assad-speaks.md").read_text(encoding="utf-8")
    assert text == f"---\noutlet: Alpha\nheadline: Assad speaks\n---\n{ALPHA}"
    assert "title: 'Assad: interviews, 2015'\nsummary: Two outlets.\n" in (saved.folder / "story.yaml").read_text()
    assert [s.slug for s in available_stories()] == ["assad-coalition-2015", saved.slug]


def test_titles_give_unique_folders_and_never_a_bundled_name():
    first = create_story("Same title", "", [draft(ALPHA)])
    second = create_story("Same title", "", [draft(ALPHA)])
    bundled = create_story(BUNDLED.name, "", [draft(ALPHA)])
    assert (first.slug, second.slug, bundled.slug) == ("same-title", "same-title-2", f"{BUNDLED.name}-2")
    assert find_user_story("SAME TITLE") == "same-title" and find_user_story("same-title-2") == "same-title-2"


def test_same_outlet_and_headline_get_distinct_files():
    saved = create_story("S", "", [draft(ALPHA, headline="H"), draft(BETA, headline="H")])
    add_articles(saved.slug, [draft(ALPHA + " More.", headline="H")])
    assert files_in(saved.slug) == ["alpha-h-2.md", "alpha-h-3.md", "alpha-h.md"]


# --- refused: nothing written --------------------------------------------------------------------


def test_an_article_already_in_the_story_is_refused_naming_it_and_nothing_is_added():
    saved = create_story("S", "", [draft(ALPHA, headline="First")])
    again = make_draft(ALPHA.upper().replace(" ", "   "), {"outlet": "Other"}, name="copy.txt")
    with pytest.raises(StoreError) as caught:
        add_articles(saved.slug, [draft(BETA, "Beta"), again])
    assert str(caught.value) == "copy.txt: already in the story as alpha-first (Alpha: First)"
    assert files_in(saved.slug) == ["alpha-first.md"]


def test_the_same_article_twice_in_one_save_is_refused():
    with pytest.raises(StoreError, match=r"the same article as Alpha\.txt"):
        create_story("S", "", [draft(ALPHA), draft(ALPHA, "Beta")])
    assert user_stories() == {}


def test_an_article_without_an_outlet_is_refused():
    with pytest.raises(StoreError, match="pasted text: no outlet"):
        create_story("S", "", [make_draft(ALPHA)])
    assert not data_subdir("stories").exists() or user_stories() == {}


def test_a_new_story_needs_a_title_and_an_article():
    with pytest.raises(StoreError) as caught:
        create_story("  ", "", [])
    assert caught.value.problems[0].message == "a new story needs a title"
    assert "at least one article" in str(caught.value)


def test_the_bundled_story_is_read_only():
    before = sorted(p.name for p in (BUNDLED / "articles").iterdir())
    with pytest.raises(StoreError, match="bundled story and cannot be changed; create a new story"):
        add_articles(BUNDLED.name, [draft(ALPHA)])
    assert sorted(p.name for p in (BUNDLED / "articles").iterdir()) == before


def test_a_write_failing_part_way_leaves_the_story_as_it_was(monkeypatch):
    from framing.library import story_store

    saved = create_story("S", "", [draft(ALPHA, headline="Kept")])
    before = {p.name: p.read_bytes() for p in (saved.folder / "articles").iterdir()}
    real, calls = story_store.write_staged, []

    def failing_second(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise StorageError(f"cannot save in {path.parent}: the disk is full")
        real(path, data)

    monkeypatch.setattr(story_store, "write_staged", failing_second)
    with pytest.raises(StorageError, match="the disk is full"):
        add_articles(saved.slug, [draft(BETA, "Beta"), draft(BETA + " Two.", "Gamma")])
    assert {p.name: p.read_bytes() for p in (saved.folder / "articles").iterdir()} == before
    assert sorted(p.name for p in saved.folder.iterdir()) == ["articles", "story.yaml"]  # nothing staged is left
    calls.clear()
    with pytest.raises(StorageError):
        create_story("New", "", [draft(BETA, "Beta"), draft(BETA + " Two.", "Gamma")])
    assert set(user_stories()) == {saved.slug} and [p.name for p in saved.folder.parent.iterdir()] == [saved.slug]


def test_articles_and_stories_can_be_removed_and_put_back():
    saved = create_story("S", "", [draft(ALPHA, headline="One"), draft(BETA, "Beta")])
    beta = (saved.folder / "articles" / "beta.md").read_bytes()
    article = delete_article(saved.slug, "beta")
    assert files_in(saved.slug) == ["alpha-one.md"]
    with pytest.raises(StoreError, match="only article"):
        delete_article(saved.slug, "alpha-one")
    story = delete_story(saved.slug)
    assert user_stories() == {} and not saved.folder.exists()
    undo(story)
    assert list(user_stories()) == [saved.slug] and files_in(saved.slug) == ["alpha-one.md"]
    undo(article)
    assert files_in(saved.slug) == ["alpha-one.md", "beta.md"]
    assert (saved.folder / "articles" / "beta.md").read_bytes() == beta
    with pytest.raises(StorageError, match="can no longer be undone"):
        undo(article)


def test_a_deletion_is_not_undone_over_what_took_its_place_and_old_ones_are_forgotten(monkeypatch):
    saved = create_story("S", "", [draft(ALPHA, headline="One")])
    gone = delete_story(saved.slug)
    again = create_story("S", "", [draft(BETA, "Beta")])
    assert again.slug == saved.slug
    with pytest.raises(StorageError, match="is there again"):
        undo(gone)
    assert gone.exists() and files_in(again.slug) == ["beta.md"]
    monkeypatch.setattr(deleted, "KEPT", 1)
    newer = delete_story(again.slug)
    assert newer.exists() and not gone.exists()


# --- two writers at once ---------------------------------------------------------------------------


def writer(slug: str, name: str, outcomes) -> None:
    """Adds five articles of its own, then one that every writer adds: only one may get it in."""
    add_articles(slug, [draft(f"{name} article number {n}. " + BETA, name, headline="Same") for n in range(5)])
    try:
        add_articles(slug, [draft("Shared text that both writers add at the same moment.", "Shared")])
        outcomes.put("shared")
    except StoreError as error:
        outcomes.put(str(error))


def check_after_two_writers(slug: str, outcomes: list[str]) -> None:
    story = load_story(data_subdir("stories") / slug)  # every file loads
    assert sorted(a.outlet for a in story.articles) == ["A"] * 5 + ["Alpha"] + ["B"] * 5 + ["Shared"]
    assert len({a.raw for a in story.articles}) == len(story.articles) == 12
    assert sorted(outcomes)[1] == "shared" and "already in the story as shared" in sorted(outcomes)[0]
    assert not [p for p in (data_subdir("stories") / slug / "articles").iterdir() if p.suffix != ".md"]


def test_two_threads_adding_at_once_lose_nothing_and_duplicate_nothing():
    slug = create_story("Busy", "", [draft(ALPHA)]).slug
    outcomes = queue.Queue()
    threads = [threading.Thread(target=writer, args=(slug, name, outcomes)) for name in "AB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check_after_two_writers(slug, [outcomes.get() for _ in threads])


def test_two_processes_adding_at_once_lose_nothing_and_duplicate_nothing():
    slug = create_story("Busy", "", [draft(ALPHA)]).slug
    context = multiprocessing.get_context("spawn")  # fork from a process with threads can deadlock
    outcomes = context.Queue()
    processes = [context.Process(target=writer, args=(slug, name, outcomes)) for name in "AB"]
    try:
        for process in processes:
            process.start()
        results = [outcomes.get(timeout=120) for _ in processes]
        for process in processes:
            process.join(60)
            assert process.exitcode == 0
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
    check_after_two_writers(slug, results)


# --- import, restart, the same analysis ------------------------------------------------------------


def test_an_imported_story_analyses_the_same_after_a_restart():
    bundled = load_story(BUNDLED)
    files = [(f"{a.id}.md", (BUNDLED / "articles" / f"{a.id}.md").read_bytes()) for a in bundled.articles]
    result = read_files(files)
    assert not result.problems and len(result.drafts) == len(bundled.articles)
    lexicon = load_lexicon()
    drafted = tuple(Article(id=f"d{i}", raw=d.text, **d.metadata) for i, d in enumerate(result.drafts))
    direct = analyse(Story(slug="direct", title="direct", articles=drafted), lexicon)
    saved = create_story("Reimported", "", result.drafts)

    restarted = analyse(load_story(saved.folder), load_lexicon())  # new objects from the files alone

    def spans(analysis):
        return (analysis.spans.drop(columns="article").sort_values(["outlet", "start", "end", "category"])
                .reset_index(drop=True))

    pd.testing.assert_frame_equal(spans(restarted), spans(direct))
    pd.testing.assert_frame_equal(restarted.scores.sort_values(["outlet", "category", "voice"]).reset_index(drop=True),
                                  direct.scores.sort_values(["outlet", "category", "voice"]).reset_index(drop=True))
    # story.yaml's aliases and the lexicon.yaml layer are the bundled story's own, not imported
    without_aliases = replace(bundled, aliases=(), path="")
    pd.testing.assert_frame_equal(spans(restarted), spans(analyse(without_aliases, lexicon)))


# --- the command line ------------------------------------------------------------------------------


def test_cli_import_makes_a_story_and_adds_to_it(tmp_path, capsys):
    (tmp_path / "one.txt").write_bytes(f"{ALPHA} Café.".replace("\n", "\r\n").encode("cp1252"))
    (tmp_path / "rows.csv").write_text(f'text,outlet,headline\n"{BETA}",Beta,Hello\n', encoding="utf-8")
    data = tmp_path / "data"

    assert main(["import", str(tmp_path / "one.txt"), str(tmp_path / "rows.csv"), "--story", "My story",
                 "--outlet", "Alpha", "--country", "UK", "--data-dir", str(data), "--format", "csv"]) == 0

    out, err = capsys.readouterr()
    story = load_story(data / "stories" / "my-story")
    assert [(a.outlet, a.country, a.raw) for a in story.articles] == [("Alpha", "UK", f"{ALPHA} Café."),
                                                                          ("Beta", "UK", BETA)]
    assert "made the new story 'my-story' (My story): 2 articles in" in err
    assert "read as Western European (cp1252)" in err
    assert pd.read_csv(io.StringIO(out))["outlet"].tolist() == ["Alpha", "Beta"]

    (tmp_path / "three.md").write_text("---\noutlet: Gamma\n---\nA third article about the regime.", encoding="utf-8")
    assert main(["import", str(tmp_path / "three.md"), "--story", "MY STORY", "--data-dir", str(data)]) == 0
    assert "added to 'my-story'" in capsys.readouterr().err
    assert len(load_story(data / "stories" / "my-story").articles) == 3


def test_cli_import_with_any_problem_saves_nothing_and_exits_2(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "no-outlet.txt").write_text(BETA, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "x", "outlet": "A"}\n{oops\n', encoding="utf-8")
    args = ["import", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "no-outlet.txt"),
            str(tmp_path / "bad.jsonl"), str(tmp_path / "missing.txt"), "--story", "S"]

    assert main(args) == 2

    err = capsys.readouterr().err
    assert err.startswith("error: nothing was saved; 5 problems:\n")
    for expected in ("missing.txt: no such file or folder", "empty.txt: the file is empty", "bad.jsonl, line 2: not "
                     "valid JSON", "good.txt: no outlet: give it in the file", "no-outlet.txt: no outlet"):
        assert expected in err
    assert user_stories() == {}


def test_cli_import_refuses_a_bundled_story(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ALPHA, encoding="utf-8")
    assert main(["import", str(tmp_path / "a.txt"), "--story", BUNDLED.name, "--outlet", "X"]) == 2
    assert "a bundled story cannot be changed" in capsys.readouterr().err


def test_cli_import_of_a_folder_takes_its_article_files(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "in" / "b.html").write_text(f"<html><body><article><p>{BETA}</p></article></body></html>")
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK\x03\x04")
    assert main(["import", str(tmp_path / "in"), "--story", "Folder", "--outlet", "X"]) == 0
    assert "note: the story has one outlet so far" in capsys.readouterr().err
    assert sorted(a.raw.strip() for a in load_story(data_subdir("stories") / "folder").articles) == [BETA, ALPHA]



def test_cli_import_run_again_with_a_new_title_adds_to_that_story(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BETA, encoding="utf-8")
    args = ["--story", "bt", "--new-title", "Border talks", "--summary", "Talks at the border."]
    assert main(["import", str(tmp_path / "a.txt"), "--outlet", "Alpha", *args]) == 0
    assert main(["import", str(tmp_path / "b.txt"), "--outlet", "Beta", *args]) == 0
    assert "'border-talks' already exists, so --new-title and --summary are not used" in capsys.readouterr().err
    assert list(user_stories()) == ["border-talks"]
    assert [a.outlet for a in load_story(data_subdir("stories") / "border-talks").articles] == ["Alpha", "Beta"]


def test_a_new_article_never_takes_the_name_of_one_differing_only_in_capitals():
    saved = create_story("Caps", "", [draft(ALPHA)])
    copied_by_hand = saved.folder / "articles" / "PressTV.md"
    copied_by_hand.write_text("---\noutlet: PressTV\n---\nKept as it was.", encoding="utf-8")
    added = add_articles(saved.slug, [make_draft(BETA, {"outlet": "PressTV"})])
    assert [p.name for p in added.paths] == ["presstv-2.md"]  # one file on macOS and Windows otherwise
    assert copied_by_hand.read_text(encoding="utf-8").endswith("Kept as it was.")


def test_cli_refuses_a_file_over_the_limit_without_reading_it(tmp_path, capsys, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(6 * 1024 * 1024)
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: pytest.fail("read") if path == big else read_bytes(path))
    assert main(["import", str(big), "--story", "Big", "--outlet", "X"]) == 2
    assert "big.txt: the file is 6.0 MB; the limit is 5 MB per file" in capsys.readouterr().err


def test_a_save_killed_while_its_articles_are_put_in_place_shows_them_all_at_the_next_read(monkeypatch):
    import framing.storage

    saved = create_story("S", "", [draft(ALPHA, headline="Kept")])
    real, calls = framing.storage.os.replace, []

    def killed_after_two(source, target):  # the journal, then one article; then the process dies
        calls.append(target)
        if len(calls) > 2:
            raise SystemExit("killed")
        real(source, target)

    monkeypatch.setattr(framing.storage.os, "replace", killed_after_two)
    with pytest.raises(SystemExit):
        add_articles(saved.slug, [draft(BETA, "Beta"), draft(BETA + " Two.", "Gamma"), draft(BETA + " 3.", "Delta")])
    monkeypatch.setattr(framing.storage.os, "replace", real)
    assert len(load_story(saved.folder).articles) == 4
    add_articles(saved.slug, [draft(BETA + " Five.", "Epsilon")])  # the next save clears what was left
    assert sorted(p.name for p in saved.folder.iterdir() if not p.name.endswith(".lock")) == ["articles", "story.yaml"]


def test_cli_import_with_skip_existing_saves_only_what_is_new(tmp_path, capsys):
    for name, text in (("a.txt", ALPHA), ("b.txt", BETA)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["import", str(tmp_path / "a.txt"), "--story", "S", "--outlet", "X"]) == 0
    capsys.readouterr()
    both = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert main(["import", *both, "--story", "S", "--outlet", "X"]) == 2
    assert "already in the story" in capsys.readouterr().err
    assert main(["import", *both, "--story", "S", "--outlet", "X", "--skip-existing"]) == 0
    assert "1 article already in 's', not added again" in capsys.readouterr().err
    assert sorted(a.raw for a in load_story(data_subdir("stories") / "s").articles) == sorted([ALPHA, BETA])
    assert main(["import", *both, "--story", "S", "--outlet", "X", "--skip-existing"]) == 0
    assert "nothing new to add to 's'" in capsys.readouterr().err
