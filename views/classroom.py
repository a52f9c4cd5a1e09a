"""The lesson a screen is in, whose screen it is (the teacher's or a student's), and the watch that keeps
a student's screen in step with the teacher's actions.

A lesson is named by `?lesson=CODE` in a link; the teacher's link also carries `&teacher=TOKEN`. The
token is checked against the lesson, then kept in this browser session only and taken out of the address
bar, so a projected screen does not show it. Every page that takes part in a lesson (Blind reading,
Annotate) asks `lesson_seat()` and, on a student's screen, runs `follow_lesson`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from framing.classroom.lessons import Lesson, LessonError, lesson_version, load_lesson
from framing.storage import StorageError
from views.session import STORY_KEY, story_catalogue

LESSON_PARAM, TEACHER_PARAM = "lesson", "teacher"
LESSON_KEY = "lesson_code"  # session: the lesson this screen joined, kept across pages
TOKENS_KEY = "lesson_tokens"  # session: lesson code -> the teacher's token, on the teacher's screen only
STUDENT_KEY = "lesson_student"  # session: an anonymous id for this browser session
POLL_EVERY = "2s"  # how often a student's screen reads the lesson's version


@dataclass(frozen=True)
class Seat:
    """A screen in a lesson: the lesson as read for this run, and the teacher's token if it is theirs."""

    lesson: Lesson
    token: str | None = None

    @property
    def teacher(self) -> bool:
        return self.token is not None


def open_story(slug: str) -> None:
    st.session_state[STORY_KEY] = slug


def require_lesson_story(lesson: Lesson) -> None:
    """Every screen of a lesson reads the lesson's story; offer to switch if the sidebar shows another."""
    if lesson.story == st.session_state[STORY_KEY]:
        return
    if lesson.story not in story_catalogue():
        st.error("This lesson reads a story that is not on this computer. Its name:")
        st.code(lesson.story, language=None)
    else:
        st.info("This lesson reads another story than the one chosen in the sidebar.")
        st.button("Open the lesson's story", on_click=open_story, args=(lesson.story,), type="primary")
    st.stop()


def student_id() -> str:
    """This browser session's anonymous id, the same on every page."""
    if STUDENT_KEY not in st.session_state:
        st.session_state[STUDENT_KEY] = secrets.token_hex(8)
    return st.session_state[STUDENT_KEY]


def lesson_seat() -> Seat | None:
    """The lesson this screen is in, read afresh, or None. A code that is malformed, unknown or ended,
    or a teacher's token that is not the lesson's, is said plainly and the page carries on without it."""
    asked = st.query_params.get(LESSON_PARAM, "") or st.session_state.get(LESSON_KEY) or ""
    token = st.query_params.get(TEACHER_PARAM, "")
    st.query_params.pop(TEACHER_PARAM, None)  # never left in the address bar, nor on a projector
    if not asked:
        return None
    try:
        lesson = load_lesson(asked)
        if not lesson.running():
            raise LessonError(f"lesson {lesson.code} has ended" if lesson.ended else
                              f"lesson {lesson.code} ended at {lesson.ends:%H:%M} UTC")
    except (LessonError, StorageError) as error:
        st.warning("This lesson cannot be opened, so the page works on its own. The code and the reason:")
        st.code(f"{str(asked)[:40]}\n{error}", language=None, wrap_lines=True)
        leave_lesson()
        return None
    tokens = st.session_state.setdefault(TOKENS_KEY, {})
    if token:
        if lesson.is_teacher(token):
            tokens[lesson.code] = token
        else:
            st.warning("This link's teacher key is not this lesson's, so this screen is a student's.")
    st.session_state[LESSON_KEY] = lesson.code
    st.query_params[LESSON_PARAM] = lesson.code
    kept = teacher_token(lesson.code)
    return Seat(lesson, kept if lesson.is_teacher(kept) else None)


def teacher_token(code: str) -> str | None:
    """The teacher's token this session holds for a lesson, read when an action is taken (the lesson
    module checks it again), never the one a button was drawn with."""
    return st.session_state.get(TOKENS_KEY, {}).get(code)


def join(code: str, token: str | None = None) -> None:
    """Button callback: this screen joins a lesson (as its teacher when the token is given)."""
    st.session_state[LESSON_KEY] = code
    st.query_params[LESSON_PARAM] = code
    if token:
        st.session_state.setdefault(TOKENS_KEY, {})[code] = token


def leave_lesson() -> None:
    st.query_params.pop(LESSON_PARAM, None)
    st.session_state.pop(LESSON_KEY, None)


def lesson_links(lesson: Lesson, token: str, page: str = "/blind") -> tuple[str, str]:
    """The student link and the teacher's private link to a page of the lesson."""
    base = st.context.url or page
    base = base.split("?", 1)[0]
    student = f"{base}?{urlencode({LESSON_PARAM: lesson.code, 'story': lesson.story})}"
    return student, f"{student}&{urlencode({TEACHER_PARAM: token})}"


def watch_version(code: str, drawn: int) -> None:
    """Read the lesson's version (one small file); redraw the whole page only when the teacher acted."""
    if lesson_version(code) != drawn:
        st.rerun(scope="app")


def follow_lesson(seat: Seat) -> None:
    """Follow the teacher's reveal, reset, end and choice of article within a few seconds, without a
    click: on a student's screen, and on a teacher's second screen when the first one acted; costs the
    server a small file read per screen each time, not a page."""
    st.fragment(watch_version, run_every=POLL_EVERY)(seat.lesson.code, lesson_version(seat.lesson.code))
