"""Annotate in a lesson through AppTest: a student's marks reach the lesson and the teacher's screen,
which alone can move the class to an article; marks outlive the sessions that made them."""

import csv
import io

import pytest
from apptest_helpers import metrics, open_page

from framing.classroom.lessons import Marks, load_lesson, record_marks, start_lesson

pytestmark = pytest.mark.usefixtures("analyses_shared")

ANNOTATE = "views/annotate.py"
STORY = "assad-coalition-2015"


def mark(at, phrase: str):
    at.text_area(key="annotate_typed").input(phrase)
    next(b for b in at.button if b.label == "Mark these").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_students_marks_reach_the_lesson_and_the_teacher_sees_the_class():
    lesson, token = start_lesson(STORY)
    for phrase in ("Takfiri", "Takfiri\nstate-funded"):
        student = open_page(ANNOTATE, lesson=lesson.code, story=STORY)
        assert not [b for b in student.button if b.key == "annotate_move"]  # no teacher control
        student.selectbox(key="annotate_article").set_value("press-tv").run()
        mark(student, phrase)
    marks = [m for m in load_lesson(lesson.code).marks if m.article == "press-tv"]
    assert len(marks) == 2 and len({m.student for m in marks}) == 2  # one anonymous id per session

    teacher = open_page(ANNOTATE, lesson=lesson.code, teacher=token, story=STORY)  # a new session: as after a restart
    teacher.selectbox(key="annotate_article").set_value("press-tv").run()
    figures = metrics(teacher)
    assert figures["Students who marked it"] == "2"
    assert figures["Agreement among them (α)"] not in ("", "—")
    words = teacher.dataframe[0].value
    counts = dict(zip(words["text"], words["students who marked it"], strict=True))
    assert counts["Takfiri"] == 2 and counts["state-funded"] == 1
    data = teacher.get("download_button")[0].proto
    assert data.label == "Download the class's marks (CSV)"


def test_the_class_csv_holds_every_students_marks(downloads):
    lesson, token = start_lesson(STORY)
    record_marks(lesson.code, Marks("s1", "press-tv", (0, 1)))
    record_marks(lesson.code, Marks("=cmd", "sputnik", (2,)))
    open_page(ANNOTATE, lesson=lesson.code, teacher=token, story=STORY)
    text = downloads["Download the class's marks (CSV)"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted((row["article"], row["student"], row["word"]) for row in rows) == [
        ("press-tv", "s1", "0"), ("press-tv", "s1", "1"), ("sputnik", "'=cmd", "2")]  # a formula made text


def test_the_teacher_moves_every_students_screen_to_an_article():
    lesson, token = start_lesson(STORY)
    student = open_page(ANNOTATE, lesson=lesson.code, story=STORY)
    student.selectbox(key="annotate_article").set_value("press-tv").run()
    teacher = open_page(ANNOTATE, lesson=lesson.code, teacher=token, story=STORY)
    teacher.selectbox(key="annotate_article").set_value("sputnik").run()
    teacher.button(key="annotate_move").click().run()
    assert load_lesson(lesson.code).article == "sputnik"
    student.run()
    assert student.selectbox(key="annotate_article").value == "sputnik"
    student.selectbox(key="annotate_article").set_value("al-manar").run()  # and may browse on after
    student.run()
    assert student.selectbox(key="annotate_article").value == "al-manar"
