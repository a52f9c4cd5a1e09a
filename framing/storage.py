"""The user's data folder, and the only way anything is written into it: whole files, atomically,
under a lock.

The data folder holds what a teacher or researcher makes: `stories/`, `lexicons/`, `batches/` and
`lessons/`. It is `$FRAMING_DATA_DIR` when that is set, else the platform's per-user data folder
(`~/.local/share/framing` on Linux), never the install folder, so a read-only install still works.

A file is written to a temporary name beside it and renamed over the old one, so a reader sees the
old file or the new one, never half of either, and a crash leaves the old one intact. Writers that
must not interleave (two browser sessions adding articles to one story) hold a lock per folder.

Several files that belong together (a batch run's tables, the articles of one import) are
committed together: each is written whole under a staged name, then a small journal listing the
renames is written (the commit point), then the renames are made and the journal removed. A run
killed before the journal changes nothing; one killed after it is finished by the next reader
(`finish_commit`), so a reader never sees some files of a run beside others of an older one.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout
from platformdirs import user_data_path

USER_DATA_ENV = "FRAMING_DATA_DIR"
APP_NAME = "framing"
LOCK_TIMEOUT = 30  # s: a writer waits this long for another before giving up with a clear message
_LOCKS = ".locks"


def _bundled_dir() -> Path:
    """The read-only data that ships with the tool (default lexicon, bundled story): `data/` beside
    the package in a checkout, else the copy `pip install .` puts in the environment's share/framing/."""
    checkout = Path(__file__).resolve().parent.parent / "data"
    if (checkout / "lexicons" / "default.yaml").is_file():
        return checkout
    return Path(sys.prefix) / "share" / "framing" / "data"


BUNDLED_DIR = _bundled_dir()


class StorageError(OSError):
    """The data folder cannot be written, or another writer held it too long; the message says which."""


def cannot_write(path: Path, error: OSError) -> StorageError:
    """The one-line message for a folder that refuses a write, naming the folder and the reason in
    words a teacher can act on (read-only, full, no permission), for every page and command."""
    folder = Path(path) if Path(path).is_dir() or not Path(path).suffix else Path(path).parent
    reasons = {errno.EROFS: "the folder is read-only", errno.ENOSPC: "the disk is full",
               errno.EDQUOT: "the disk quota is used up", errno.EACCES: "no permission to write there",
               errno.EPERM: "no permission to write there"}
    reason = reasons.get(error.errno, error.strerror or str(error))
    return StorageError(f"cannot save in {folder}: {reason}")


def data_dir() -> Path:
    """Where the user's stories, lexicons, batch results and lessons live."""
    configured = os.environ.get(USER_DATA_ENV, "").strip()
    return Path(configured).expanduser() if configured else user_data_path(APP_NAME, appauthor=False)


def use_data_dir_argument(argv: list[str]) -> None:
    """Honour `--data-dir PATH` among a program's arguments (`streamlit run dashboard.py -- --data-dir
    PATH`) by setting the environment variable, which this process and its children then read."""
    for i, arg in enumerate(argv):
        if arg == "--data-dir" and i + 1 < len(argv):
            os.environ[USER_DATA_ENV] = argv[i + 1]
        elif arg.startswith("--data-dir="):
            os.environ[USER_DATA_ENV] = arg.split("=", 1)[1]


def data_subdir(name: str) -> Path:
    """A folder of the data folder (stories, lexicons, batches, lessons); it may not exist yet."""
    return data_dir() / name


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a whole file, or leave what was there: temporary file beside it, fsync, rename over."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    except OSError as error:
        raise cannot_write(path.parent, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and not isinstance(error, StorageError):
            raise cannot_write(path.parent, error) from None
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """A UTF-8 text file written atomically, with \\n line endings exactly as given."""
    atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def locked(name: str, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the data folder's lock called `name` (one per story, one for the story list, ...).
    Works across processes and across threads of one server."""
    folder = data_dir() / _LOCKS
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cannot_write(data_dir(), error) from None
    lock = FileLock(folder / f"{name}.lock", timeout=timeout)  # its own file handle: threads exclude too
    with _held(lock, name, timeout):
        yield


@contextlib.contextmanager
def _held(lock: FileLock, name: str, timeout: float) -> Iterator[None]:
    try:
        lock.acquire()
    except Timeout:
        raise StorageError(f"another save to {name!r} took longer than {timeout:g} s; try again") from None
    except OSError as error:  # the lock file itself cannot be made: a read-only or full folder
        raise cannot_write(Path(lock.lock_file).parent, error) from None
    try:
        yield
    finally:
        lock.release()


def write_staged(path: Path, data: bytes) -> None:
    """A file written whole under a name no reader uses yet (committed later by `commit_together`)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        raise cannot_write(path.parent, error) from None


def rename_whole(staged: Path, final: Path) -> None:
    """A staged folder (or file) in place in one rename, once everything in it is on disk."""
    try:
        for file in (p for p in staged.rglob("*") if p.is_dir()):
            _sync_folder(file)
        _sync_folder(staged)
        os.rename(staged, final)
        _sync_folder(final.parent)
    except OSError as error:
        raise cannot_write(final.parent, error) from None


def _sync_folder(folder: Path) -> None:
    """A folder's entries on disk (where the system allows opening a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def journal_path(anchor: Path) -> Path:
    """The journal of the files committed together with `anchor`: a hidden file beside it."""
    return anchor.with_name(f".{anchor.name}{JOURNAL_SUFFIX}")


JOURNAL_SUFFIX = ".commit"


def commit_together(journal: Path, moves: list[tuple[Path | None, Path]]) -> None:
    """Make whole, staged files final together: each (staged, final) pair is renamed, and a pair
    with no staged file deletes its final one. All of them happen, or none: after the journal is
    written, a kill is finished by the next `finish_commit`, and an interrupt (Ctrl-C, SIGTERM)
    waits until the renames are made."""
    folder = journal.parent
    entries = [[None if staged is None else os.path.relpath(staged, folder), os.path.relpath(final, folder)]
               for staged, final in moves]
    with _journal_lock(journal):
        atomic_write_text(journal, json.dumps(entries))  # the commit point
        try:
            _apply(journal)
        except KeyboardInterrupt:
            _apply(journal)
            raise


def finish_commit(journal: Path) -> bool:
    """Finish a commit a killed writer left half made; False when there was none (or the folder
    cannot be written, in which case it is left for a run that can)."""
    if not journal.is_file():
        return False
    try:
        with _journal_lock(journal):
            if journal.is_file():
                _apply(journal)
    except StorageError:
        return False
    return True


def finish_commits_under(folder: Path) -> None:
    """Finish every commit left half made in a folder and its subfolders."""
    if folder.is_dir():
        for journal in folder.rglob(f".*{JOURNAL_SUFFIX}"):
            finish_commit(journal)


def _journal_lock(journal: Path):
    return _held(FileLock(journal.with_name(journal.name + ".lock"), timeout=LOCK_TIMEOUT), journal.name, LOCK_TIMEOUT)


def _apply(journal: Path) -> None:
    folder = journal.parent
    try:
        for staged, final in json.loads(journal.read_text(encoding="utf-8")):
            target = folder / final
            if staged is None:
                target.unlink(missing_ok=True)
            elif (folder / staged).exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(folder / staged, target)
        journal.unlink()
    except OSError as error:
        raise cannot_write(folder, error) from None


# Names Windows keeps for devices, whatever follows a dot: a file `con.md` cannot be made or copied there.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul",
                              *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10))})


def is_reserved_name(name: str) -> bool:
    """Whether Windows refuses this file or folder name (`CON`, `aux.md`, `COM3.jsonl`, ...)."""
    return name.split(".", 1)[0].strip().lower() in WINDOWS_RESERVED


def slugify(text: str, *, fallback: str = "story") -> str:
    """A folder or file name from a title: lowercase ASCII letters, digits and hyphens, at most 60,
    never a name Windows reserves (an outlet called "CON" gives `con-story`)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    if is_reserved_name(slug):
        return f"{slug}-{fallback}"
    return slug or fallback
