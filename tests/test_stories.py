import hashlib

import pytest
from conftest import BUNDLED, REPO, SEEDS

from framing import StoryError, available_stories, load_story


def test_bundled_story_has_metadata_for_every_article(bundled_story):
    assert bundled_story.title and bundled_story.summary
    events = {event.id for event in bundled_story.events}
    assert len(bundled_story.articles) == 5
    for article in bundled_story.articles:
        assert article.outlet and article.country and article.ownership and article.identified_by
        assert article.event in events
    assert {a.outlet for a in bundled_story.articles} == {
        "Press TV", "Al-Manar", "Haaretz (Reuters)", "Sputnik", "The Week"}


def test_bundled_raw_text_is_exactly_the_captured_text(bundled_story):
    """Against the captured files' checksums kept beside the tests, and against the files themselves
    where shared/seeds is beside this checkout."""
    recorded = dict(line.split()[::-1] for line in (REPO / "tests" / "seed_checksums.sha256").read_text().splitlines())
    assert sorted(recorded) == sorted(article.source_file for article in bundled_story.articles)
    for article in bundled_story.articles:
        assert hashlib.sha256(article.raw.encode()).hexdigest() == recorded[article.source_file], article.id
        if SEEDS.is_dir():
            assert article.raw.encode() == (SEEDS / article.source_file).read_bytes()


def test_available_stories_lists_the_bundled_story_folder():
    assert [s.path for s in available_stories()] == [str(BUNDLED)]


def test_any_folder_of_text_files_loads_with_optional_front_matter(tmp_path):
    (tmp_path / "b.txt").write_text("Plain article text.", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\noutlet: Daily Bugle\ndate: 2020-01-02\n---\nBody here.\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    story = load_story(tmp_path)
    assert [(a.id, a.outlet, a.date, a.raw) for a in story.articles] == [
        ("a", "Daily Bugle", "2020-01-02", "Body here.\n"), ("b", "b", "", "Plain article text.")]


def test_a_single_file_is_a_story_of_one(tmp_path):
    path = tmp_path / "piece.txt"
    path.write_text("Text.", encoding="utf-8")
    assert [a.outlet for a in load_story(path).articles] == ["piece"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "missing", "no such file or folder"),
        (lambda p: p, "no .txt or .md articles"),
        (lambda p: (p / "x.txt").write_bytes(b"\x00\x01\x02\x03bad\xff\x00") and p, "this is a binary file, not text"),
        (lambda p: (p / "x.md").write_text("---\noutlet: [x\n---\ntext") and p, "front matter is not valid YAML"),
        (lambda p: (p / "x.md").write_text("---\noutlet: A\ntext") and p, "never closed"),
    ],
)
def test_bad_input_names_the_file_and_the_problem(tmp_path, setup, message):
    with pytest.raises(StoryError, match=message):
        load_story(setup(tmp_path))


def test_story_folders_add_the_users_data_folder_after_the_bundled_ones(tmp_path, monkeypatch):
    from framing.storage import USER_DATA_ENV
    from framing.stories import story_folders

    mine = tmp_path / "stories" / "my-story"
    mine.mkdir(parents=True)
    (mine / "story.yaml").write_text("title: Mine\n", encoding="utf-8")
    (tmp_path / "stories" / "not-a-story").mkdir()
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path / "elsewhere"))
    assert story_folders() == [BUNDLED]
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    assert story_folders() == [BUNDLED, mine]


def test_story_title_reads_only_story_yaml(tmp_path):
    from framing.stories import story_title

    (tmp_path / "story.yaml").write_text("title: Only the title\n", encoding="utf-8")
    assert story_title(tmp_path) == "Only the title"  # no articles folder, and no error
    (tmp_path / "story.yaml").write_text("summary: no title\n", encoding="utf-8")
    assert story_title(tmp_path) == tmp_path.name
