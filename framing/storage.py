"""The user's data folder, and the only way anything is written into it: whole files, atomically,
under a lock.

The data folder holds what a teacher or researcher makes: `stories/`, `lexicons/`, `batches/` and
`lessons/`. It is `$FRAMING_DATA_DIR` when that is set, else the platform's per-user data folder
(`~/.local/share/framing` on Linux), never the install folder, so a read-only install still works.

A file is written to a temporary name beside it and renamed over the old one, so a reader sees the
old file or the new one, never half of either, and a crash leaves the old one intact. Writers that
must not interleave (two browser sessions adding articles to one story) hold a lock per folder.
"""

from __future__ import annotations

import contextlib
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
        raise StorageError(f"{path.parent}: cannot write here ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise StorageError(f"{path}: cannot write ({error.strerror or error})") from None
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
        raise StorageError(f"{folder}: cannot write here ({error.strerror or error})") from None
    lock = FileLock(folder / f"{name}.lock", timeout=timeout)  # its own file handle: threads exclude too
    try:
        with lock:
            yield
    except Timeout:
        raise StorageError(f"another save to {name!r} took longer than {timeout:g} s; try again") from None


def slugify(text: str, *, fallback: str = "story") -> str:
    """A folder or file name from a title: lowercase ASCII letters, digits and hyphens, at most 60."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback
