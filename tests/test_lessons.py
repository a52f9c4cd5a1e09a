"""A lesson's guesses: one per student and article, nothing lost to concurrent writers, a restart or a
corrupt line."""

import datetime as dt
import json
import random
import subprocess
import sys
import threading

import pytest
from conftest import REPO

from framing.classroom.lessons import (
    CODE_ALPHABET,
    NOT_SURE,
    Guess,
    LessonError,
    Marks,
    end_lesson,
    lesson_path,
    lesson_version,
    load_lesson,
    move_class_to,
    normalise_code,
    record_guess,
    record_marks,
    reset,
    reveal,
    start_lesson,
    tally,
)
from framing.storage import data_subdir

ANSWERS = {"a": "Press TV", "b": "Sputnik"}


def test_a_new_lesson_has_a_readable_code_and_is_kept_in_the_data_folder():
    lesson, _ = start_lesson("assad-coalition-2015")
    assert len(lesson.code) == 4 and set(lesson.code) <= set(CODE_ALPHABET)
    assert not set(lesson.code) & set("0O1IL")
    assert lesson_path(lesson.code).parent == data_subdir("lessons")
    again = load_lesson(lesson.code.lower())
    assert (again.story, again.seed, again.revealed, again.guesses) == ("assad-coalition-2015", lesson.seed, False, ())


def test_codes_do_not_collide():
    rng = random.Random(3)
    codes = {start_lesson("s", rng=rng)[0].code for _ in range(30)}
    assert len(codes) == 30


@pytest.mark.parametrize("typed", ["", "AB", "ABCDE", "AB0D", "../x", "AB/C"])
def test_what_is_not_a_code_is_refused(typed):
    assert normalise_code(typed) is None
    with pytest.raises(LessonError):
        load_lesson(typed)


def test_a_lesson_that_does_not_exist_says_so():
    with pytest.raises(LessonError, match="no lesson"):
        load_lesson("ABCD")
    with pytest.raises(LessonError):
        record_guess("ABCD", Guess("s1", "a", "Press TV"))


def test_a_new_guess_replaces_the_students_old_one_and_the_tally_counts_beside_the_share():
    code = start_lesson("s")[0].code
    record_guess(code, Guess("s1", "a", "Sputnik"))
    record_guess(code, Guess("s1", "a", "Press TV"))  # changed their mind
    record_guess(code, Guess("s2", "a", "Sputnik"))
    record_guess(code, Guess("s3", "a", NOT_SURE))
    record_guess(code, Guess("s1", "b", "Sputnik"))
    lesson = load_lesson(code)
    assert len(lesson.guesses) == 4
    result = tally(lesson.guesses, ANSWERS)
    summary = result.summary.set_index("article")
    assert summary.loc["a", "guesses"] == 3 and summary.loc["a", "right"] == 1
    assert summary.loc["a", "share_right"] == pytest.approx(1 / 3)
    assert summary.loc["b", "right"] == summary.loc["b", "guesses"] == 1
    votes = result.votes[result.votes["article"] == "a"].set_index("guess")
    assert votes["guesses"].to_dict() == {"Press TV": 1, "Sputnik": 1, NOT_SURE: 1}
    assert votes["right"].to_dict() == {"Press TV": True, "Sputnik": False, NOT_SURE: False}


def test_an_article_nobody_guessed_has_zero_and_an_unknown_article_is_ignored():
    result = tally([Guess("s1", "gone", "Sputnik")], ANSWERS)
    assert result.votes.empty
    assert result.summary["guesses"].tolist() == [0, 0]
    assert result.summary["share_right"].tolist() == [0.0, 0.0]


def test_a_guess_without_a_student_or_too_long_is_refused():
    code = start_lesson("s")[0].code
    for guess in (Guess("", "a", "Sputnik"), Guess("s1", "a", "x" * 500), Guess("s1", " ", "Sputnik")):
        with pytest.raises(LessonError):
            record_guess(code, guess)
    assert load_lesson(code).guesses == ()


def test_the_reveal_and_the_marks_survive_a_restart():
    lesson, token = start_lesson("s")
    code = lesson.code
    record_guess(code, Guess("s1", "a", "Press TV"))
    record_marks(code, Marks("s1", "a", (4, 2)))
    reveal(code, token)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from framing.classroom.lessons import load_lesson; "
         "l = load_lesson(sys.argv[1]); "
         "print(l.revealed, len(l.guesses), l.marks[0].words, l.guesses[0].outlet)", code],
        cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "1", "(2,", "4)", "Press", "TV"]


def test_corrupt_lines_are_skipped_and_counted_and_the_next_guess_is_not_lost():
    code = start_lesson("s")[0].code
    record_guess(code, Guess("s1", "a", "Press TV"))
    path = lesson_path(code)
    with path.open("a", encoding="utf-8") as stream:
        stream.write("not json\n[1, 2]\n" + json.dumps({"type": "guess", "student": 5}) + "\n")
        stream.write('{"type": "guess", "student": "s2", "art')  # a crash in mid-line, no newline
    record_guess(code, Guess("s3", "b", "Sputnik"))
    lesson = load_lesson(code)
    assert lesson.skipped == 4
    assert {(g.student, g.outlet) for g in lesson.guesses} == {("s1", "Press TV"), ("s3", "Sputnik")}


def test_a_line_still_being_written_is_left_out_until_whole_and_a_line_separator_splits_no_record():
    code = start_lesson("s")[0].code
    record_guess(code, Guess("s1", "a", "Press\u2028TV"))  # JSON keeps U+2028 as it is, inside one line
    with lesson_path(code).open("a", encoding="utf-8") as stream:
        stream.write('{"type": "guess", "student": "s2", "art')  # a writer in mid-line
    lesson = load_lesson(code)
    assert lesson.skipped == 0
    assert [(g.student, g.outlet) for g in lesson.guesses] == [("s1", "Press\u2028TV")]


def test_a_lesson_file_without_its_first_line_says_so():
    code = start_lesson("s")[0].code
    lesson_path(code).write_text("garbage\n", encoding="utf-8")
    with pytest.raises(LessonError, match="first line"):
        load_lesson(code)


def test_many_threads_guessing_at_once_lose_nothing():
    code = start_lesson("s")[0].code
    students = [f"t{i}" for i in range(24)]

    def guess(student):
        for article in ANSWERS:
            record_guess(code, Guess(student, article, "Sputnik"))

    threads = [threading.Thread(target=guess, args=(s,)) for s in students]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lesson = load_lesson(code)
    assert lesson.skipped == 0
    assert len(lesson.guesses) == len(students) * len(ANSWERS)


WRITER = """
import sys
from framing.classroom.lessons import Guess, record_guess
code, prefix = sys.argv[1], sys.argv[2]
for i in range(40):
    record_guess(code, Guess(f"{prefix}{i}", "a", "Press TV"))
"""


def test_two_processes_guessing_at_once_lose_nothing():
    code = start_lesson("s")[0].code
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, code, prefix], cwd=REPO) for prefix in ("p", "q")]
    try:
        assert [writer.wait(120) for writer in writers] == [0, 0]
    finally:
        for writer in writers:
            writer.kill()  # no-op once it has exited; stops a writer left hanging after a failure
    lesson = load_lesson(code)
    assert lesson.skipped == 0
    assert len(lesson.guesses) == 80
    assert tally(lesson.guesses, ANSWERS).summary.set_index("article").loc["a", "right"] == 80


def test_only_the_teachers_token_reveals_resets_ends_or_moves_the_class():
    lesson, token = start_lesson("s")
    assert len(token) >= 32 and lesson.code not in token and token not in lesson_path(lesson.code).read_text()
    other_token = start_lesson("s")[1]
    for wrong in ("", None, lesson.code, other_token, token[:-1], token + "x"):
        for action in (reveal, reset, end_lesson):
            with pytest.raises(LessonError, match="teacher"):
                action(lesson.code, wrong)
        with pytest.raises(LessonError, match="teacher"):
            move_class_to(lesson.code, wrong, "a")
    again = load_lesson(lesson.code)
    assert (again.revealed, again.ended, again.article, again.version) == (False, False, None, 0)
    assert again.is_teacher(token) and not again.is_teacher(other_token)


def test_each_teachers_action_bumps_the_version_that_screens_poll():
    lesson, token = start_lesson("s")
    assert lesson_version(lesson.code) == 0
    record_guess(lesson.code, Guess("s1", "a", "Sputnik"))
    assert lesson_version(lesson.code) == 0  # a guess redraws no student's screen
    reveal(lesson.code, token)
    assert lesson_version(lesson.code) == 1 and load_lesson(lesson.code).revealed
    move_class_to(lesson.code, token, "b")
    assert lesson_version(lesson.code) == 2 and load_lesson(lesson.code).article == "b"
    assert load_lesson(lesson.code).version == 2


def test_a_reset_clears_the_guesses_and_the_reveal_and_shuffles_the_letters_anew():
    lesson, token = start_lesson("s")
    record_guess(lesson.code, Guess("s1", "a", "Sputnik"))
    reveal(lesson.code, token)
    with pytest.raises(LessonError, match="guessing is over"):
        record_guess(lesson.code, Guess("s2", "a", "Sputnik"))
    seeds = set()
    for _ in range(3):
        reset(lesson.code, token)
        seeds.add(load_lesson(lesson.code).seed)
    after = load_lesson(lesson.code)
    assert (after.revealed, after.guesses) == (False, ())
    assert len(seeds | {lesson.seed}) > 1
    record_guess(lesson.code, Guess("s2", "a", "Press TV"))
    assert [g.outlet for g in load_lesson(lesson.code).guesses] == ["Press TV"]


def test_an_ended_or_expired_lesson_takes_nothing_more_and_says_why():
    lesson, token = start_lesson("s")
    end_lesson(lesson.code, token)
    for store in (lambda: record_guess(lesson.code, Guess("s1", "a", "Sputnik")),
                  lambda: record_marks(lesson.code, Marks("s1", "a", (1,))),
                  lambda: reveal(lesson.code, token)):
        with pytest.raises(LessonError, match="has ended"):
            store()
    late = start_lesson("s", duration=dt.timedelta(seconds=-1))[0]
    assert not load_lesson(late.code).running()
    with pytest.raises(LessonError, match="ended at"):
        record_guess(late.code, Guess("s1", "a", "Sputnik"))


@pytest.mark.parametrize("typed", ["AB0D", "<script>", "x" * 500])
def test_a_malformed_code_gets_a_message_that_says_what_a_code_is(typed):
    with pytest.raises(LessonError, match="not a lesson code: 4 letters or digits") as caught:
        load_lesson(typed)
    assert len(str(caught.value)) < 200  # a pasted essay is not echoed back whole


def test_a_students_last_marks_on_an_article_count_and_each_article_keeps_its_own():
    code = start_lesson("s")[0].code
    record_marks(code, Marks("s1", "a", (3, 1, 3)))
    record_marks(code, Marks("s1", "a", (2,)))
    record_marks(code, Marks("s1", "b", (5,)))
    record_marks(code, Marks("s2", "a", ()))
    marks = {(m.student, m.article): m.words for m in load_lesson(code).marks}
    assert marks == {("s1", "a"): (2,), ("s1", "b"): (5,), ("s2", "a"): ()}
    for bad in (Marks("", "a", (1,)), Marks("s1", "a", (-1,)), Marks("s1", "a", tuple(range(30_000)))):
        with pytest.raises(LessonError):
            record_marks(code, bad)


MARKER = """
import sys
from framing.classroom.lessons import Marks, record_marks
code, prefix = sys.argv[1], sys.argv[2]
for i in range(20):
    record_marks(code, Marks(f"{prefix}{i}", "a", (i, i + 1)))
"""


def test_forty_threads_and_forty_processes_marking_at_once_lose_nothing():
    code = start_lesson("s")[0].code
    threads = [threading.Thread(target=record_marks, args=(code, Marks(f"t{i}", "a", (i,)))) for i in range(40)]
    writers = [subprocess.Popen([sys.executable, "-c", MARKER, code, prefix], cwd=REPO) for prefix in ("p", "q")]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [writer.wait(120) for writer in writers] == [0, 0]
    finally:
        for writer in writers:
            writer.kill()
    lesson = load_lesson(code)
    assert lesson.skipped == 0
    marks = {m.student: m.words for m in lesson.marks}
    assert len(marks) == 80
    assert marks["t7"] == (7,) and marks["q19"] == (19, 20)
