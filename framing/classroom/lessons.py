"""A blind-reading lesson and its class's guesses, kept in the data folder so a restart loses nothing.

A lesson is a short code a class can type (no 0/O, 1/I/L), the story it reads and the seed that
shuffles its letters. Its file, `lessons/<code>.jsonl`, is a log: the lesson line first, then one line
per guess or reveal, each appended whole under the lesson's lock, so many students guessing at once
lose nothing. Reading it back, a student's last guess for an article replaces the earlier ones, and a
line that cannot be read (a crash in mid-write, a hand edit) is skipped and counted, never fatal.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
from dataclasses import dataclass

import pandas as pd

from framing.storage import StorageError, cannot_write, data_subdir, is_reserved_name, locked

LESSONS = "lessons"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # nothing two characters could be mistaken for
CODE_LENGTH = 4
NOT_SURE = "not sure"
MAX_FIELD = 200  # characters: a student id, an article id or an outlet name longer than this is refused
_CODE_RE = re.compile(rf"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
VOTE_FIELDS = ("article", "guess", "guesses", "right")
SUMMARY_FIELDS = ("article", "guesses", "right", "share_right")


class LessonError(ValueError):
    """A lesson code that is not one, a lesson that does not exist, or a guess that cannot be stored."""


@dataclass(frozen=True)
class Guess:
    student: str  # an anonymous id per browser session
    article: str
    outlet: str  # an outlet of the story, or NOT_SURE


@dataclass(frozen=True)
class Lesson:
    code: str
    story: str  # the story's slug
    seed: int  # shuffles the letters: the same for every screen of this lesson
    revealed: bool = False
    guesses: tuple[Guess, ...] = ()  # each student's last guess per article
    skipped: int = 0  # lines of the file that could not be read


@dataclass(frozen=True)
class Tally:
    votes: pd.DataFrame  # VOTE_FIELDS: per article and outlet guessed, how many, and whether it is right
    summary: pd.DataFrame  # SUMMARY_FIELDS: per article, guesses, how many right, their share


def normalise_code(text: str) -> str | None:
    """A code as typed or linked ("abcd", " ABCD ") in its canonical form, or None if it cannot be one."""
    code = str(text).strip().upper()
    return code if _CODE_RE.fullmatch(code) else None


def lesson_path(code: str):
    canonical = normalise_code(code)
    if canonical is None:
        raise LessonError(f"{code!r} is not a lesson code ({CODE_LENGTH} letters or digits)")
    return data_subdir(LESSONS) / f"{canonical}.jsonl"


def start_lesson(story: str, *, rng: random.Random | None = None) -> Lesson:
    """A new lesson on a story, under a code no other lesson in the data folder has."""
    rng = rng or random.SystemRandom()
    with locked("lessons"):
        for _ in range(1000):
            code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if not is_reserved_name(code) and not lesson_path(code).exists():  # COM2 is no file name on Windows
                break
        else:
            raise StorageError("no free lesson code is left; remove old lessons from the data folder")
        lesson = Lesson(code, story, rng.randrange(2**31))
        _append(code, {"type": "lesson", "code": code, "story": story, "seed": lesson.seed}, create=True)
    return lesson


def load_lesson(code: str) -> Lesson:
    """The lesson with its guesses so far and whether it has been revealed."""
    path = lesson_path(code)
    with locked(f"lesson-{path.stem}"):
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            raise LessonError(f"there is no lesson {path.stem} (was it started on another computer?)") from None
        except OSError as error:
            raise StorageError(f"{path}: cannot read ({error.strerror or error})") from None
    header, revealed, skipped, latest = None, False, 0, {}
    for line in lines:
        record = _record(line)
        kind = record.get("type") if record else None
        if kind == "lesson" and header is None and _valid_header(record):
            header = record
        elif kind == "guess" and _valid_guess(record):
            latest[(record["student"], record["article"])] = Guess(record["student"], record["article"],
                                                                   record["outlet"])
        elif kind == "reveal":
            revealed = True
        elif line.strip():
            skipped += 1
    if header is None:
        raise LessonError(f"the file of lesson {path.stem} has lost its first line: start a new lesson")
    return Lesson(path.stem, header["story"], header["seed"], revealed, tuple(latest.values()), skipped)


def record_guess(code: str, guess: Guess) -> None:
    """Store a student's guess for an article; a later guess by the same student replaces it."""
    if not _valid_guess({"student": guess.student, "article": guess.article, "outlet": guess.outlet}):
        raise LessonError(f"a guess needs a student, an article and an outlet of at most {MAX_FIELD} characters")
    _append(code, {"type": "guess", "student": guess.student, "article": guess.article, "outlet": guess.outlet})


def reveal(code: str) -> None:
    """Show every screen of the lesson which outlet wrote which article."""
    _append(code, {"type": "reveal"})


def tally(guesses, answers: dict[str, str]) -> Tally:
    """Per article, the guesses for each outlet and how many named the right one (answers: article id
    -> outlet). Articles nobody guessed yet are there with zero guesses."""
    counts: dict[tuple[str, str], int] = {}
    for guess in guesses:
        if guess.article in answers:
            counts[(guess.article, guess.outlet)] = counts.get((guess.article, guess.outlet), 0) + 1
    votes = pd.DataFrame(
        [(article, outlet, count, outlet == answers[article]) for (article, outlet), count in counts.items()],
        columns=list(VOTE_FIELDS),
    ).astype({"guesses": int, "right": bool})
    rows = []
    for article in answers:
        mine = votes[votes["article"] == article]
        total, right = int(mine["guesses"].sum()), int(mine.loc[mine["right"], "guesses"].sum())
        rows.append((article, total, right, right / total if total else 0.0))
    return Tally(votes.sort_values(["article", "guesses"], ascending=[True, False], ignore_index=True),
                 pd.DataFrame(rows, columns=list(SUMMARY_FIELDS)))


def _append(code: str, record: dict, *, create: bool = False) -> None:
    """One whole line at the end of the lesson's file, under its lock. A line left unfinished by a
    crash is closed first, so it costs only itself."""
    path = lesson_path(code)
    record = {**record, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with locked(f"lesson-{path.stem}"):
        if not create and not path.exists():
            raise LessonError(f"there is no lesson {path.stem}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a+b") as stream:
                stream.seek(0, os.SEEK_END)
                if stream.tell():
                    stream.seek(-1, os.SEEK_END)
                    if stream.read(1) != b"\n":
                        stream.write(b"\n")
                stream.write(line.encode("utf-8"))
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as error:
            raise cannot_write(path.parent, error) from None


def _record(line: str) -> dict | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _valid_header(record: dict) -> bool:
    return isinstance(record.get("story"), str) and isinstance(record.get("seed"), int)


def _valid_guess(record: dict) -> bool:
    fields = [record.get(name) for name in ("student", "article", "outlet")]
    return all(isinstance(value, str) and 0 < len(value.strip()) <= MAX_FIELD for value in fields)
