"""A lesson and its class's work, kept in the data folder so a restart loses nothing.

A lesson is a short code a class can type (no 0/O, 1/I/L), the story it reads, the seed that shuffles
its letters, the time it ends, and the hash of the teacher's token: a secret made by `secrets`, not
derived from the code, that only the teacher's link carries. Revealing, resetting, ending the lesson and
moving the class to an article need that token, compared in constant time; every action also checks
that the code is one and that the lesson is still running.

Its file, `lessons/<code>.jsonl`, is a log: the lesson line first, then one line per guess, set of
marks or teacher's action, each appended whole under the lesson's lock, so many students at once lose
nothing; a reader takes no lock (a student can join from a read-only data folder) and leaves out a last
line not yet ended. Reading it back, a student's last guess (or marks) for an article replaces the earlier ones,
and a line that cannot be read (a crash in mid-write, a hand edit) is skipped and counted, never fatal.
Beside it, `lessons/<code>.version` holds the number of teacher's actions so far: a student's screen
reads that small file every few seconds and redraws only when it changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import random
import re
import secrets
from dataclasses import dataclass

import pandas as pd

from framing.storage import StorageError, atomic_write_text, cannot_write, data_subdir, is_reserved_name, locked

LESSONS = "lessons"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # nothing two characters could be mistaken for
CODE_LENGTH = 4
NOT_SURE = "not sure"
MAX_FIELD = 200  # characters: a student id, an article id or an outlet name longer than this is refused
MAX_MARKS = 20_000  # word numbers in one set of marks: more than any article has words
LESSON_DURATION = dt.timedelta(hours=4)  # a lesson ends by itself this long after it was started
TEACHER_ACTIONS = ("reveal", "reset", "end", "article")
_CODE_RE = re.compile(rf"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
VOTE_FIELDS = ("article", "guess", "guesses", "right")
SUMMARY_FIELDS = ("article", "guesses", "right", "share_right")


class LessonError(ValueError):
    """A lesson code that is not one, a lesson that does not exist or has ended, an action the link may
    not take, or a guess that cannot be stored."""


@dataclass(frozen=True)
class Guess:
    student: str  # an anonymous id per browser session
    article: str
    outlet: str  # an outlet of the story, or NOT_SURE


@dataclass(frozen=True)
class Marks:
    student: str  # an anonymous id per browser session
    article: str
    words: tuple[int, ...]  # the token numbers marked (framing.classroom.annotation.tokens)


@dataclass(frozen=True)
class Lesson:
    code: str
    story: str  # the story's slug
    seed: int  # shuffles the letters: the same for every screen of this lesson, new after a reset
    ends: dt.datetime  # in UTC
    teacher_hash: str  # sha256 of the teacher's token, hex; the token itself is never stored
    revealed: bool = False
    ended: bool = False  # ended by the teacher (a lesson also ends at `ends`)
    article: str | None = None  # the article the teacher moved the class to, if any
    version: int = 0  # how many teacher's actions so far
    guesses: tuple[Guess, ...] = ()  # each student's last guess per article, since the last reset
    marks: tuple[Marks, ...] = ()  # each student's last marks per article
    skipped: int = 0  # lines of the file that could not be read

    def running(self, now: dt.datetime | None = None) -> bool:
        return not self.ended and (now or dt.datetime.now(dt.UTC)) < self.ends

    def is_teacher(self, token: str | None) -> bool:
        """Whether a token is this lesson's teacher's, compared in constant time."""
        return bool(token) and hmac.compare_digest(_hashed(str(token)), self.teacher_hash)


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
        raise LessonError(f"{str(code)[:40]!r} is not a lesson code: {CODE_LENGTH} letters or digits, "
                          "as the teacher's screen shows it")
    return data_subdir(LESSONS) / f"{canonical}.jsonl"


def version_path(code: str):
    return lesson_path(code).with_suffix(".version")


def start_lesson(story: str, *, duration: dt.timedelta = LESSON_DURATION,
                 rng: random.Random | None = None) -> tuple[Lesson, str]:
    """A new lesson on a story, under a code no other lesson in the data folder has, and the teacher's
    token (from `secrets`, whatever `rng` is: it only picks the code and the seed)."""
    rng = rng or random.SystemRandom()
    token = secrets.token_urlsafe(24)
    ends = dt.datetime.now(dt.UTC) + duration
    with locked("lessons"):
        for _ in range(1000):
            code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if not is_reserved_name(code) and not lesson_path(code).exists():  # COM2 is no file name on Windows
                break
        else:
            raise StorageError("no free lesson code is left; remove old lessons from the data folder")
        lesson = Lesson(code, story, rng.randrange(2**31), ends, _hashed(token))
        _append(code, {"type": "lesson", "code": code, "story": story, "seed": lesson.seed,
                       "ends": ends.isoformat(timespec="seconds"), "teacher": lesson.teacher_hash}, create=True)
    return lesson, token


def load_lesson(code: str) -> Lesson:
    """The lesson with its guesses and marks so far and the state the teacher's actions left it in."""
    path = lesson_path(code)
    try:  # no lock: a read must not need to write (a read-only folder), and each line is appended whole
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise LessonError(f"there is no lesson {path.stem}: check the code with your teacher "
                          "(a lesson lives on the computer it was started on)") from None
    except OSError as error:
        raise StorageError(f"{path}: cannot read ({error.strerror or error})") from None
    lines = text.split("\n")[:-1]  # a last line with no end yet is being written: it counts once it is whole
    header, state, skipped, guesses, marks = None, {"version": 0}, 0, {}, {}
    for line in lines:
        record = _record(line)
        kind = record.get("type") if record else None
        if kind == "lesson" and header is None and _valid_header(record):
            header = record
            state["seed"] = record["seed"]
        elif kind == "guess" and _valid_guess(record):
            guesses[(record["student"], record["article"])] = Guess(record["student"], record["article"],
                                                                    record["outlet"])
        elif kind == "marks" and _valid_marks(record):
            marks[(record["student"], record["article"])] = Marks(record["student"], record["article"],
                                                                  tuple(record["words"]))
        elif kind in TEACHER_ACTIONS and header is not None:
            state["version"] += 1
            if kind == "reset":
                guesses.clear()
                state.update(revealed=False, seed=record.get("seed", state["seed"]))
            elif kind == "article" and isinstance(record.get("article"), str):
                state["article"] = record["article"]
            else:
                state["revealed" if kind == "reveal" else "ended"] = True
        elif line.strip():
            skipped += 1
    if header is None:
        raise LessonError(f"the file of lesson {path.stem} has lost its first line or was made by an older "
                          "version: start a new lesson")
    return Lesson(path.stem, header["story"], state["seed"], dt.datetime.fromisoformat(header["ends"]),
                  header["teacher"], state.get("revealed", False), state.get("ended", False),
                  state.get("article"), state["version"], tuple(guesses.values()), tuple(marks.values()), skipped)


def lesson_version(code: str) -> int:
    """How many teacher's actions the lesson has had: a read of one small file, for screens that poll."""
    try:
        return int(version_path(code).read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        return 0


def running_lesson(code: str) -> Lesson:
    """The lesson, if it is still running; a clear LessonError if it has ended."""
    lesson = load_lesson(code)
    if lesson.ended:
        raise LessonError(f"lesson {lesson.code} has ended")
    if not lesson.running():
        raise LessonError(f"lesson {lesson.code} ended at {lesson.ends:%H:%M} UTC; the teacher can start a new one")
    return lesson


def record_guess(code: str, guess: Guess) -> None:
    """Store a student's guess for an article; a later guess by the same student replaces it."""
    if not _valid_guess({"student": guess.student, "article": guess.article, "outlet": guess.outlet}):
        raise LessonError(f"a guess needs a student, an article and an outlet of at most {MAX_FIELD} characters")
    if running_lesson(code).revealed:
        raise LessonError("the outlets have been revealed: guessing is over")
    _append(code, {"type": "guess", "student": guess.student, "article": guess.article, "outlet": guess.outlet})


def record_marks(code: str, marks: Marks) -> None:
    """Store a student's marks on an article; later marks by the same student replace them."""
    record = {"type": "marks", "student": marks.student, "article": marks.article,
              "words": sorted({int(word) for word in marks.words})}
    if not _valid_marks(record):
        raise LessonError(f"marks need a student, an article and at most {MAX_MARKS} word numbers")
    running_lesson(code)
    _append(code, record)


def reveal(code: str, token: str) -> None:
    """Show every screen of the lesson which outlet wrote which article (the teacher's token only)."""
    _teacher_action(code, token, {"type": "reveal"})


def reset(code: str, token: str) -> None:
    """Start the guessing again: the reveal undone, the guesses cleared, the letters shuffled anew."""
    _teacher_action(code, token, {"type": "reset", "seed": random.SystemRandom().randrange(2**31)})


def end_lesson(code: str, token: str) -> None:
    """End the lesson for every screen: nothing more can be stored in it."""
    _teacher_action(code, token, {"type": "end"})


def move_class_to(code: str, token: str, article: str) -> None:
    """Open this article on every student's Annotate page."""
    if not isinstance(article, str) or not 0 < len(article) <= MAX_FIELD:
        raise LessonError("that is not an article of the story")
    _teacher_action(code, token, {"type": "article", "article": article})


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


def _teacher_action(code: str, token: str, record: dict) -> None:
    """A teacher's action, refused without the teacher's token or once the lesson is over; the version
    file is rewritten under the same lock, so a screen that polls it sees every action."""
    lesson = running_lesson(code)
    if not lesson.is_teacher(token):
        raise LessonError("only the teacher's link can do this; a student's link cannot")
    with locked(f"lesson-{lesson.code}"):
        _append(code, record, lock=False)
        atomic_write_text(version_path(code), f"{lesson_version(code) + 1}\n")


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _append(code: str, record: dict, *, create: bool = False, lock: bool = True) -> None:
    """One whole line at the end of the lesson's file, under its lock (held already when not `lock`).
    A line left unfinished by a crash is closed first, so it costs only itself."""
    path = lesson_path(code)
    if lock:
        with locked(f"lesson-{path.stem}"):
            _append(code, record, create=create, lock=False)
        return
    record = {**record, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    line = json.dumps(record, ensure_ascii=False) + "\n"
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
    try:
        dt.datetime.fromisoformat(record.get("ends", ""))
    except (TypeError, ValueError):
        return False
    return (isinstance(record.get("story"), str) and isinstance(record.get("seed"), int)
            and isinstance(record.get("teacher"), str))


def _short_text(value) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= MAX_FIELD


def _valid_guess(record: dict) -> bool:
    return all(_short_text(record.get(name)) for name in ("student", "article", "outlet"))


def _valid_marks(record: dict) -> bool:
    words = record.get("words")
    return (_short_text(record.get("student")) and _short_text(record.get("article")) and isinstance(words, list)
            and len(words) <= MAX_MARKS and all(type(word) is int and word >= 0 for word in words))
