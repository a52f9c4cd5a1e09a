"""Annotate: a student marks the words they find loaded, then compares them with the lexicon's hits.
What the student found and the lexicon did not can go to the Lexicon page as candidate terms.

Marks are kept per story and article in session state, apart from the widgets (Streamlit forgets a
widget's value when it is not drawn), so switching articles or pages loses nothing. In a lesson, each
change of a student's marks is also saved to the lesson, anonymously; the teacher's screen shows the
class's marks on each article and can move every student's screen to an article."""

from dataclasses import dataclass
from functools import cached_property

import streamlit as st

from framing.classroom.annotation import Comparison, compare_marks, comparison_table, locate, tokens
from framing.classroom.class_marks import article_marks, marks_table, read_class
from framing.classroom.lessons import LessonError, Marks, load_lesson, move_class_to, record_marks
from framing.classroom.marks_html import MARKS_CSS, comparison_html, marks_legend_html
from framing.render.exports import csv_bytes
from framing.render.highlight import heading
from framing.spans import ArticleAnalysis
from framing.storage import StorageError
from framing.voices import VOICE_LABELS
from views.classroom import (
    Seat,
    follow_lesson,
    lesson_links,
    lesson_seat,
    require_lesson_story,
    student_id,
    teacher_token,
)
from views.pills import pill_labels
from views.session import CANDIDATES_KEY, STORY_KEY, StoryView, current_story, page_intro, plural, seed, show

CLASS_REFRESH = "5s"  # how often the teacher's screen reads the class's marks again
COMPARE_VOICES = {"all": "all the words, quotations included", "narrator": VOICE_LABELS["narrator"]}


@dataclass(frozen=True)
class Sheet:
    """One student's marking of one article: its words, and where the marks live in session state."""

    doc: ArticleAnalysis
    place: str  # story::article

    @cached_property
    def words(self):
        return tokens(self.doc)

    @property
    def marks_key(self) -> str:
        return f"annotate_marks::{self.place}"

    def pick_key(self, sentence: int) -> str:
        return f"annotate_pick::{self.place}::{sentence}"

    def sentences(self) -> list[int]:
        return sorted({t.sentence for t in self.words})

    def set_marks(self, marks) -> None:
        """Store the marks and put them in every sentence's pills, so the widgets show them."""
        st.session_state[self.marks_key] = sorted(marks)
        sentence_of = {t.index: t.sentence for t in self.words}
        for sentence in self.sentences():
            st.session_state[self.pick_key(sentence)] = [i for i in st.session_state[self.marks_key]
                                                         if sentence_of[i] == sentence]

    def mark_typed(self) -> None:
        """The phrases typed in the box (one a line) marked wherever they occur; those not found are said."""
        typed = [line.strip() for line in st.session_state.get("annotate_typed", "").splitlines() if line.strip()]
        found = {phrase: locate(self.words, self.doc.text, phrase) for phrase in typed}
        self.set_marks(set(st.session_state[self.marks_key]).union(*found.values()))
        st.session_state["annotate_missing"] = [phrase for phrase, where in found.items() if not where]
        st.session_state["annotate_typed"] = ""


def article_label(view: StoryView, article: str) -> str:
    doc = view.analysis.document(article)
    headline = doc.article.headline or " ".join(doc.text.split()[:10]) + " …"
    return f"{doc.article.outlet}: {headline}"  # a selectbox shows its options as plain text


def marking_section(sheet: Sheet) -> list[int]:
    """Step 1: the article as clickable words, one row of pills a sentence, and a box for typed phrases."""
    st.subheader("1. Mark the words you find loaded")
    st.caption("Click a word to mark it; click it again to unmark it. Words in italics are inside quotation marks: "
               "they are the words of someone the outlet quotes, not the outlet's own.")
    seed(sheet.marks_key, [])
    words = sheet.words
    sentence_of = {t.index: t.sentence for t in words}
    with st.container(height=520 if len(words) > 150 else "content", border=True):
        for sentence in sheet.sentences():
            labels = pill_labels([t for t in words if t.sentence == sentence])
            seed(sheet.pick_key(sentence), [i for i in st.session_state[sheet.marks_key] if sentence_of[i] == sentence])
            st.pills(f"Sentence {sentence + 1}", list(labels), selection_mode="multi", key=sheet.pick_key(sentence),
                     label_visibility="collapsed", format_func=labels.get)
    marks = sorted(i for sentence in sheet.sentences() for i in st.session_state.get(sheet.pick_key(sentence), []))
    st.session_state[sheet.marks_key] = marks
    left, right = st.columns([3, 1])
    left.text_area("Or type words or phrases, one a line; each is marked wherever it occurs", key="annotate_typed",
                   height=80)
    right.button("Mark these", on_click=sheet.mark_typed, width="stretch")
    right.button("Clear my marks", on_click=sheet.set_marks, args=([],), width="stretch")
    if missing := st.session_state.pop("annotate_missing", []):
        st.warning(f"Not found in this article ({len(missing)}):")
        st.code("\n".join(missing), language=None)
    st.caption(f"You have marked {plural(len(marks), 'word')}.")
    return marks


def comparison_section(view: StoryView, sheet: Sheet, marks: list[int]) -> Comparison | None:
    """Step 2: the marks against the chosen categories' hits, with the figures and the marked text;
    None until the student asks for the comparison."""
    st.subheader("2. Compare with the lexicon")
    analysis = view.analysis
    categories = [category.id for category in analysis.lexicon.categories]
    if not set(st.session_state.get("annotate_categories", categories)) <= set(categories):
        del st.session_state["annotate_categories"]  # chosen under another lexicon
    seed("annotate_categories", categories)
    chosen = st.multiselect("Count as the lexicon's hits the words in these categories", categories,
                            key="annotate_categories", format_func=lambda c: view.styles[c].name,
                            help="Actors' names are hits too; leave them out to compare loaded words only.")
    voice = st.radio("Compare", list(COMPARE_VOICES), key="annotate_voice", format_func=COMPARE_VOICES.get,
                     horizontal=True)
    flag_key = f"annotate_on::{sheet.place}"
    st.button("Compare with the lexicon", type="primary", on_click=lambda: st.session_state.update({flag_key: True}))
    if not st.session_state.get(flag_key):
        return None
    spans = analysis.spans_behind(article=sheet.doc.article.id, category=chosen)
    comparison = compare_marks(sheet.doc, spans, marks, lexicon=analysis.lexicon, voice=voice)
    if comparison.marks_in_quotes:
        where = ("They are left out of this comparison, and shown faded." if voice == "narrator" else
                 "To compare only what the outlet itself wrote, choose “the outlet's own words” above.")
        count = comparison.marks_in_quotes
        st.info(f"{count} of your marks {'is' if count == 1 else 'are'} inside quotation marks: the words of someone "
                f"the outlet quotes, not the outlet's own. {where}")
    columns = st.columns(5)
    columns[0].metric("Your marks", comparison.student)
    columns[1].metric("Lexicon hits", comparison.lexicon)
    columns[2].metric("Marked by both", comparison.both)
    columns[3].metric("Words agreed on", "—" if comparison.agreement is None else f"{comparison.agreement:.0%}",
                      help="Words both marked or both left unmarked, out of all the words compared.")
    columns[4].metric("Cohen's kappa", comparison.kappa_text,
                      help="Agreement beyond chance: 1 is full agreement, 0 no more than chance. Most words are "
                           "marked by neither side, so the plain agreement is high even when the marks differ.")
    if comparison.small_numbers:
        st.caption(f"Small numbers: {plural(comparison.student, 'mark')}. Read the words below rather than the "
                   "rates.")
    st.dataframe(comparison.summary(), hide_index=True, width="content")
    show(view, MARKS_CSS, heading("Your marks and the lexicon's hits", level=3), marks_legend_html(),
         comparison_html(sheet.doc, comparison, marks))
    return comparison


def candidates_section(view: StoryView, sheet: Sheet, comparison: Comparison) -> None:
    """Step 3: what the student found that the lexicon did not, to send to the Lexicon page."""
    st.subheader("3. What you found that the lexicon did not")
    if not comparison.candidates:
        st.caption("Every word you marked is one the lexicon found too.")
        return
    st.caption("Your marks that the lexicon did not find, neighbouring words joined into phrases. Each could become "
               "a lexicon term; the Lexicon page is where a teacher decides.")
    st.dataframe([{"phrase": c.term, "times marked": c.times, "where": VOICE_LABELS[c.voice],
                   "can be a term": c.problem or "yes",
                   "already in the lexicon as": view.styles[c.listed_in].name if c.listed_in in view.styles else ""}
                  for c in comparison.candidates], hide_index=True, width="stretch")
    usable = [c.term for c in comparison.candidates if not c.problem and not c.listed_in]
    picked = st.multiselect("Candidates to send", usable, default=usable, key=f"annotate_send::{sheet.place}")

    send_button(picked, key=f"annotate_send_button::{sheet.place}")


def send_to_lexicon(terms: list[str]) -> None:
    """Button callback: the terms wait on this session's Lexicon page for a category."""
    waiting = st.session_state.setdefault(CANDIDATES_KEY, [])
    known = {entry["term"].lower() for entry in waiting}
    waiting.extend({"term": term, "category": None} for term in terms if term.lower() not in known)
    st.session_state["annotate_sent"] = len(terms)


def send_button(terms: list[str], *, key: str) -> None:
    st.button("Send to the Lexicon page", on_click=send_to_lexicon, args=(terms,), disabled=not terms, key=key)
    if sent := st.session_state.pop("annotate_sent", 0):
        st.success(f"Sent {plural(sent, 'candidate')}. Open the Lexicon page to give each a category.")


def download_section(sheet: Sheet, comparison: Comparison, marks: list[int], story: str) -> None:
    article = sheet.doc.article.id
    table = comparison_table(sheet.doc, comparison, marks, article=article)
    st.download_button("Download your marks and the comparison (CSV)", csv_bytes(table),
                       file_name=f"marks-{story}-{article}.csv".replace(" ", "-").lower(), mime="text/csv")
    st.caption("The download has a row for each word you marked or the lexicon found, with its offsets in the text.")


def save_to_lesson(seat: Seat, sheet: Sheet, marks: list[int]) -> None:
    """A student's marks go to the lesson whenever they change; the last set counts."""
    saved_key = f"annotate_saved::{seat.lesson.code}::{sheet.place}"
    if st.session_state.get(saved_key, []) == marks:  # unchanged, or an article only opened: nothing to send
        return
    try:
        record_marks(seat.lesson.code, Marks(student_id(), sheet.doc.article.id, tuple(marks)))
    except (LessonError, StorageError) as error:
        st.error("Your marks could not be sent to the lesson:")
        st.code(str(error), language=None, wrap_lines=True)
        return
    st.session_state[saved_key] = marks


def follow_teachers_article(seat: Seat, articles: list[str]) -> None:
    """Open the article the teacher moved the class to, once per move; the student may then browse."""
    moved = seat.lesson.article
    if moved in articles and st.session_state.get("annotate_followed") != (seat.lesson.version, moved):
        st.session_state["annotate_followed"] = (seat.lesson.version, moved)
        st.session_state["annotate_article"] = moved


def move_class(code: str, article: str) -> None:
    try:
        move_class_to(code, teacher_token(code), article)
    except (LessonError, StorageError) as error:
        st.session_state["annotate_class_error"] = str(error)


def class_section(view: StoryView, code: str, article: str, story: str) -> None:
    """The teacher's view of the class's marks on this article, read again every few seconds."""
    st.subheader("The class's marks on this article")
    lesson = load_lesson(code)
    marks = article_marks(lesson.marks, article)
    doc = view.analysis.document(article)
    if not marks:
        st.caption("No student has marked this article yet.")
    else:
        reading = read_class(doc, view.analysis.spans_behind(article=article), marks, lexicon=view.analysis.lexicon)
        comparison = reading.comparison
        columns = st.columns(4)
        columns[0].metric("Students who marked it", reading.students)
        columns[1].metric("Agreement among them (α)", "—" if reading.alpha is None else f"{reading.alpha:.2f}",
                          help="Krippendorff's alpha: 1 is full agreement, 0 no more than chance. Needs two students.")
        columns[2].metric("Class and lexicon agree on", "—" if comparison.agreement is None else
                          f"{comparison.agreement:.0%}", help="The class's reading is the words at least half of "
                          "its students marked; the share of words on which it and the lexicon agree.")
        columns[3].metric("Cohen's kappa, class and lexicon", comparison.kappa_text)
        st.dataframe(reading.words.rename(columns={"students": "students who marked it"}), hide_index=True,
                     width="stretch")
        usable = [c.term for c in comparison.candidates if not c.problem and not c.listed_in]
        if usable:
            st.caption("Words at least half of the class marked that the lexicon does not find:")
            picked = st.multiselect("Class candidates to send", usable, default=usable,
                                    key=f"annotate_class_send::{article}")
            send_button(picked, key=f"annotate_class_send_button::{article}")
    docs = {a: view.analysis.document(a) for a in view.analysis.articles["article"]}
    st.download_button("Download the class's marks (CSV)", csv_bytes(marks_table(docs, lesson.marks)),
                       file_name=f"class-marks-{code}-{story}.csv".lower(), mime="text/csv", key="annotate_class_csv",
                       help="A row per student and word marked: anonymous ids, every article.")


def teacher_bar(seat: Seat, article: str) -> None:
    """The students' link to this page, and the button that moves their screens to this article."""
    student, _ = lesson_links(seat.lesson, seat.token)
    st.caption(f"Lesson {seat.lesson.code}. The students' link to this page:")
    st.code(student, language=None, wrap_lines=True)  # data, not Markdown
    st.button("Open this article on every student's screen", key="annotate_move", on_click=move_class,
              args=(seat.lesson.code, article))
    if error := st.session_state.pop("annotate_class_error", None):
        st.error("The class was not moved:")
        st.code(error, language=None, wrap_lines=True)


seat = lesson_seat()
if seat is not None:
    require_lesson_story(seat.lesson)
story_view = current_story()
story_slug = st.session_state[STORY_KEY]
page_intro(__file__)
article_ids = list(story_view.analysis.articles["article"])
if seat is not None and not seat.teacher:
    follow_lesson(seat)
    follow_teachers_article(seat, article_ids)
    st.caption(f"Lesson {seat.lesson.code}: your marks go to your teacher, without your name.")
article_id = st.selectbox("Article", article_ids, key="annotate_article",
                          format_func=lambda article: article_label(story_view, article))
this_sheet = Sheet(story_view.analysis.document(article_id), f"{story_slug}::{article_id}")
if seat is not None and seat.teacher:
    teacher_bar(seat, article_id)
    st.fragment(class_section, run_every=CLASS_REFRESH)(story_view, seat.lesson.code, article_id, story_slug)
student_marks = marking_section(this_sheet)
if seat is not None and not seat.teacher:
    save_to_lesson(seat, this_sheet, student_marks)
if (result := comparison_section(story_view, this_sheet, student_marks)) is not None:
    candidates_section(story_view, this_sheet, result)
    download_section(this_sheet, result, student_marks, story_slug)
