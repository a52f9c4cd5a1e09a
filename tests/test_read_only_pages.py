"""A data folder that refuses every write (a read-only disk, a folder of another user): every page opens
without a traceback, and every action that saves says so in one line naming the folder. The tests may run
as root, whom chmod does not stop, so the refusal is played where the system would give it: each open for
writing, each new folder, rename and removal under the data folder fails as on a read-only disk."""

import errno
import os
from pathlib import Path

import pytest
from apptest_helpers import open_page

from framing.classroom.lessons import Guess, record_guess, start_lesson
from framing.library.importing import make_draft
from framing.library.lexicon_edit import save_lexicon
from framing.library.story_store import create_story
from framing.storage import StorageError
from views.pages import PAGES

pytestmark = pytest.mark.usefixtures("analyses_shared")

STORY = "assad-coalition-2015"
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


@pytest.fixture
def read_only(own_data_folder, monkeypatch) -> Path:
    """The test's data folder, with its .locks/ made (as once anything was saved), then refusing writes."""
    folder = own_data_folder.resolve()
    (folder / ".locks").mkdir(parents=True, exist_ok=True)

    def inside(path) -> bool:
        return isinstance(path, (str, os.PathLike)) and Path(os.path.abspath(path)).is_relative_to(folder)

    def refusing(real, *, when=lambda *args, **kwargs: True):
        def guarded(path, *args, **kwargs):
            if inside(path) and when(*args, **kwargs):
                raise OSError(errno.EROFS, "Read-only file system", str(path))
            return real(path, *args, **kwargs)
        return guarded

    monkeypatch.setattr(os, "open", refusing(os.open, when=lambda flags, *rest, **kw: bool(flags & WRITING)))
    for name in ("mkdir", "rename", "replace", "unlink", "remove", "rmdir"):
        monkeypatch.setattr(os, name, refusing(getattr(os, name)))
    return folder


def said(at) -> str:
    """Everything the page said in messages and plain text blocks."""
    return "\n".join(element.value for kind in ("error", "warning", "info", "code") for element in at.get(kind))


def refused_in_one_line(at, folder: Path) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert f"cannot save in {folder}" in said(at), said(at)
    assert "Traceback" not in said(at)


def test_every_page_opens_without_a_traceback(read_only):
    at = open_page()
    for page in PAGES:  # one session, as a visitor goes from page to page
        at.switch_page(page.script).run()
        assert not at.exception, (page.script, [e.value for e in at.exception])


def test_a_student_opening_a_lesson_link_joins_the_lesson(own_data_folder, request):
    """Reading a lesson needs no write: a student joins from a read-only data folder."""
    lesson, _ = start_lesson(STORY)
    request.getfixturevalue("read_only")
    for script in ("views/blind.py", "views/annotate.py"):
        at = open_page(script, lesson=lesson.code, story=STORY)
        assert not at.exception, [e.value for e in at.exception]
        assert "cannot be opened" not in said(at), said(at)
        assert any(f"Lesson {lesson.code}" in caption.value for caption in at.caption), script


def test_a_student_guess_in_a_read_only_folder_is_refused_in_one_line(own_data_folder, request):
    lesson, _ = start_lesson(STORY)
    folder = request.getfixturevalue("read_only")
    with pytest.raises(StorageError, match=f"cannot save in {folder}"):
        record_guess(lesson.code, Guess("student", "a", "BBC"))


def test_import_save_says_the_folder_cannot_be_written(read_only):
    at = open_page("views/import_story.py")
    at.text_input(key="import_title").set_value("Talks").run()
    at.text_area(key="import_paste_0").set_value("---\noutlet: Alpha\n---\nThe regime said so.").run()
    at.button(key="import_save").click().run()
    refused_in_one_line(at, read_only)
    assert not at.success


def test_removing_an_article_or_saving_story_words_says_the_folder_cannot_be_written(own_data_folder, request):
    saved = create_story("Mine", "", [
        make_draft("The senator's shambolic plan failed. A shambolic day.", {"outlet": "Alpha"}),
        make_draft("The senator's plan failed today.", {"outlet": "Beta"})])
    folder = request.getfixturevalue("read_only")
    at = open_page("views/import_story.py")
    at.selectbox(key="import_target").set_value(saved.slug).run()
    at.button(key="import_remove").click().run()
    refused_in_one_line(at, folder)
    at.session_state["import_saved"] = saved  # the set-up step, as after a save
    at.run()
    at.button(key="setup_save_words").click().run()
    refused_in_one_line(at, folder)


def test_lexicon_save_and_delete_say_the_folder_cannot_be_written(own_data_folder, request):
    save_lexicon("kept", {"name": "kept", "description": "d", "categories": [
        {"id": "label", "name": "Labels", "description": "d", "teaching_note": "t", "terms": ["regime"]}]})
    folder = request.getfixturevalue("read_only")
    at = open_page("views/lexicon_editor.py")
    at.text_input(key="lexicon_name:default").input("Class 7B")
    at.button(key="lexicon_save").click().run()
    refused_in_one_line(at, folder)
    at.button(key="lexicon_delete").click().run()
    refused_in_one_line(at, folder)


def test_starting_a_lesson_says_the_folder_cannot_be_written(read_only):
    at = open_page("views/blind.py")
    at.button[[b.label for b in at.button].index("Start a lesson")].click().run()
    refused_in_one_line(at, read_only)


def test_a_naming_correction_says_the_folder_cannot_be_written(read_only):
    at = open_page("views/naming.py")
    at.selectbox(key="actors_rename_from").set_value(at.selectbox(key="actors_rename_from").options[0]).run()
    at.text_input(key="actors_rename_to").set_value("Someone else").run()
    at.button(key="actors_rename_go").click().run()
    refused_in_one_line(at, read_only)


def test_a_sample_batch_says_the_folder_cannot_be_written(read_only):
    at = open_page("views/corpus.py")
    at.button(key="corpus_sample").click().run()
    refused_in_one_line(at, read_only)
