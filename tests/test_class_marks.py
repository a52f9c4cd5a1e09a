"""A class's marks on one article (framing/classroom/class_marks.py): words counted per student, alpha
worked out by hand, the class's reading against the lexicon, and the CSV rows."""

import pytest
from conftest import make_lexicon, make_story
from hypothesis import given
from hypothesis import strategies as st

from framing import analyse
from framing.classroom.class_marks import krippendorff_alpha, marks_table, read_class
from framing.classroom.lessons import Marks
from framing.render.exports import csv_bytes

LEXICON = make_lexicon(loaded=["regime"])
TEXT = "The regime said the rebels fled the town."  # words 0..7: The regime said the rebels fled the town


def test_alpha_worked_out_by_hand():
    # two coders, four words: both mark word 0, one marks word 1. Values: 3 ones, 5 zeros (n = 8);
    # one disagreeing unit gives D_o = 2/8, D_e = 2*3*5/(8*7); alpha = 1 - D_o/D_e = 16/30.
    assert krippendorff_alpha([{0, 1}, {0}], 4) == pytest.approx(16 / 30)
    assert krippendorff_alpha([{0}, {1}], 2) == pytest.approx(-0.5)  # all disagreement: below chance


@given(st.sets(st.integers(0, 19), min_size=1, max_size=19), st.integers(2, 6))
def test_alpha_is_one_when_every_student_marks_the_same_words(words, students):
    assert krippendorff_alpha([set(words)] * students, 20) == pytest.approx(1.0)


def test_alpha_is_not_defined_for_one_student_or_no_variation():
    assert krippendorff_alpha([{1}], 8) is None
    assert krippendorff_alpha([set(), set()], 8) is None
    assert krippendorff_alpha([set(range(8))] * 3, 8) is None


def test_the_class_reading_counts_students_per_word_and_compares_the_majority_with_the_lexicon():
    analysis = analyse(make_story(("Outlet", TEXT)), LEXICON)
    doc = analysis.documents[0]
    marks = [Marks("s1", "a0", (1, 4)), Marks("s2", "a0", (4, 5)), Marks("s3", "a0", (4,)),
             Marks("s4", "a0", (1, 99))]  # 99 is past the article's end: ignored
    reading = read_class(doc, analysis.spans_behind(article="a0"), marks, lexicon=analysis.lexicon)
    assert reading.students == 4
    assert dict(zip(reading.words["text"], reading.words["students"], strict=True)) == {
        "rebels": 3, "regime": 2, "fled": 1}
    assert reading.majority == {1, 4}  # marked by at least two of four
    comparison = reading.comparison
    assert (comparison.both, comparison.student_only, comparison.lexicon_only) == (1, 1, 0)
    assert [candidate.term for candidate in comparison.candidates] == ["rebels"]  # what the lexicon lacks
    assert reading.alpha is not None and -1 <= reading.alpha < 1


def test_the_class_csv_has_a_row_per_student_and_word_with_formulas_neutralised():
    analysis = analyse(make_story(("Outlet", "=HYPERLINK(x) said the regime.")), LEXICON)
    table = marks_table({"a0": analysis.documents[0]}, [Marks("s2", "a0", (0, 4)), Marks("s1", "a0", (4,)),
                                                        Marks("s1", "gone", (0,))])
    assert list(zip(table["student"], table["text"], strict=True)) == [("s1", "regime"), ("s2", "HYPERLINK"),
                                                                     ("s2", "regime")]
    hostile = analyse(make_story(("Outlet", "said -cmd")), LEXICON).documents[0]
    text = csv_bytes(marks_table({"a0": hostile}, [Marks("=1+1", "a0", (1,))])).decode("utf-8-sig")
    assert "'=1+1" in text and "\n=1" not in text
