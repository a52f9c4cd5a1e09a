"""The data folder: where it is, atomic whole-file writes, and the lock that keeps writers apart."""

import errno
import os
import threading
import time

import pytest

from framing import storage
from framing.storage import USER_DATA_ENV, StorageError, atomic_write_text, data_dir, locked, slugify


def test_the_data_folder_is_the_variable_else_the_users_own_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path / "mine"))
    assert data_dir() == tmp_path / "mine"
    monkeypatch.delenv(USER_DATA_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "framing"  # never the install folder, which may be read-only


def test_a_data_dir_argument_sets_the_folder(tmp_path, monkeypatch):
    storage.use_data_dir_argument(["--data-dir", str(tmp_path / "a")])
    assert data_dir() == tmp_path / "a"
    storage.use_data_dir_argument([f"--data-dir={tmp_path / 'b'}"])
    assert data_dir() == tmp_path / "b"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "story.yaml"
    atomic_write_text(target, "title: old\n")

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", crash)
    with pytest.raises(StorageError, match=f"cannot save in {tmp_path}: the disk is full"):
        atomic_write_text(target, "title: new\n")
    assert target.read_text(encoding="utf-8") == "title: old\n"
    assert os.listdir(tmp_path) == ["story.yaml"]


def test_a_folder_that_cannot_be_written_gives_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(StorageError, match="cannot save in"):
        atomic_write_text(tmp_path / "file" / "inside.txt", "x")


def test_the_lock_keeps_two_writers_apart():
    events: list[str] = []

    def writer(name: str) -> None:
        with locked("story-x"):
            events.append(f"{name} in")
            time.sleep(0.05)
            events.append(f"{name} out")

    threads = [threading.Thread(target=writer, args=(str(i),)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(events) == 8
    assert all(events[i].endswith(" in") and events[i + 1] == events[i].replace(" in", " out")
               for i in range(0, 8, 2))


def test_a_lock_held_too_long_is_a_clear_error():
    with locked("busy"), pytest.raises(StorageError, match="took longer than"):  # noqa: SIM117
        with locked("busy", timeout=0.1):
            pass


@pytest.mark.parametrize(("title", "slug"), [
    ("Assad & the coalition, 2015!", "assad-the-coalition-2015"),
    ("Égypte: élections", "egypte-elections"),
    ("<script>", "script"),
    ("الأسد", "story"),
    ("../../etc", "etc"),
])
def test_slugs_are_safe_folder_names(title, slug):
    assert slugify(title) == slug


@pytest.fixture
def read_only_data(monkeypatch):
    """A data folder whose .locks/ exists but cannot be written, as on a read-only disk (the tests
    run as a user that chmod would not stop, so the system's refusal is played)."""
    folder = data_dir()
    (folder / ".locks").mkdir(parents=True)

    def refused(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(storage.FileLock, "acquire", refused)
    monkeypatch.setattr(storage.tempfile, "mkstemp", refused)
    return folder


def test_a_read_only_data_folder_is_one_line_naming_it_for_every_writer(read_only_data, tmp_path, capsys,
                                                                          default_lexicon):
    from framing.classroom.lessons import start_lesson
    from framing.cli import main
    from framing.library.importing import make_draft
    from framing.library.lexicon_edit import save_lexicon
    from framing.library.story_store import create_story
    from framing.safe_yaml import load_yaml
    from framing.storage import BUNDLED_DIR

    expected = f"cannot save in {read_only_data / '.locks'}: the folder is read-only"
    writers = [lambda: start_lesson("assad-coalition-2015"),
               lambda: save_lexicon("mine", load_yaml((BUNDLED_DIR / "lexicons" / "default.yaml").read_text())),
               lambda: create_story("S", "", [make_draft("Text.", {"outlet": "X"})])]
    for write in writers:
        with pytest.raises(StorageError) as raised:
            write()
        assert str(raised.value) == expected
    with pytest.raises(StorageError, match=f"cannot save in {tmp_path}: the folder is read-only"):
        atomic_write_text(tmp_path / "story.yaml", "title: x\n")
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    assert main(["import", str(tmp_path / "a.txt"), "--story", "S", "--outlet", "X"]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_a_batch_into_a_folder_that_refuses_writes_is_one_line(tmp_path, monkeypatch, capsys):
    from pathlib import Path

    from framing.cli import main

    (tmp_path / "in.jsonl").write_text('{"outlet": "X", "text": "The regime said so."}\n', encoding="utf-8")
    real = Path.mkdir

    def refused(path, *args, **kwargs):
        if path.name == "runs":
            raise OSError(errno.EROFS, "Read-only file system")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refused)
    assert main(["batch", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "runs" / "out.csv"),
                 "--workers", "1"]) == 2
    assert capsys.readouterr().err == f"error: cannot save in {tmp_path / 'runs'}: the folder is read-only\n"


@pytest.mark.parametrize("title", ["CON", "aux", "Nul", "COM1", "lpt9", "con.txt"])
def test_no_name_windows_reserves_becomes_a_file_name(title):
    slug = slugify(title)
    assert not storage.is_reserved_name(slug) and slug.startswith(title.split(".")[0].lower())


def test_a_lesson_code_is_never_a_name_windows_reserves():
    from framing.classroom.lessons import start_lesson

    class Reserved:  # draws COM2 first, then an ordinary code
        def __init__(self):
            self.letters = iter("COM2ABCD")

        def choice(self, alphabet):
            return next(self.letters)

        def randrange(self, limit):
            return 7

    lesson, _token = start_lesson("assad-coalition-2015", rng=Reserved())
    assert lesson.code == "ABCD"
