"""Deleting is undoable: a story, an article or a lexicon the user deletes is moved, in one rename,
to `.deleted/` in the data folder with a note of where it was, and can be put back until it is one
of the oldest beyond KEPT. Nothing outside the data folder is ever moved either way."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from framing.storage import StorageError, atomic_write_text, data_dir, data_subdir, locked

DELETED = ".deleted"
KEPT = 30  # deletions that can still be undone; older ones are removed for good


def set_aside(path: Path) -> Path:
    """Move `path` (a file or a folder in the data folder) out of sight; where it went, for undo()."""
    home = data_dir().resolve()
    source = path.resolve()
    if home not in source.parents:
        raise StorageError(f"{path}: not in the data folder, so it is not deleted here")
    folder = data_subdir(DELETED)
    with locked("deleted"):
        target = folder / f"{time.time_ns()}-{source.name}"
        atomic_write_text(_note(target), json.dumps({"from": str(source.relative_to(home))}))
        try:
            source.rename(target)
        except OSError as error:
            _note(target).unlink(missing_ok=True)
            raise StorageError(f"{path}: cannot delete ({error.strerror or error})") from None
        _forget_oldest(folder)
    return target


def undo(set_aside_at: Path) -> Path:
    """Put back what set_aside moved; where it is again. Refused when its old place is taken."""
    with locked("deleted"):
        try:
            original = data_dir().resolve() / json.loads(_note(set_aside_at).read_text(encoding="utf-8"))["from"]
        except (OSError, ValueError, KeyError):
            raise StorageError(f"{set_aside_at.name}: this deletion can no longer be undone") from None
        if original.exists():
            raise StorageError(f"{original}: something of that name is there again, so it is not put back")
        original.parent.mkdir(parents=True, exist_ok=True)
        set_aside_at.rename(original)
        _note(set_aside_at).unlink(missing_ok=True)
    return original


def _note(target: Path) -> Path:
    return target.with_name(target.name + ".json")


def _forget_oldest(folder: Path) -> None:
    kept = sorted((p for p in folder.iterdir() if not p.name.endswith(".json")), key=lambda p: p.name)
    for old in kept[:-KEPT]:
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
        _note(old).unlink(missing_ok=True)
