"""Blind reading: the articles under letters, their outlets' names hidden; students guess who wrote
each, then the reveal shows the evidence for each outlet.

A teacher starts a lesson: a short code, a student link for the class and a private teacher link. Every
student's guess goes into one tally; only the teacher's screen shows the tally and the controls (reveal,
reset, end), and a student's screen starts with the articles and follows the teacher's actions by itself.
Without a lesson the page works alone and counts this browser session's guesses only. Until the reveal,
no outlet name is on the page except among the choices of "Who wrote this?", and the tally says how
many guesses came in, never whom they name.
"""

from __future__ import annotations

import dataclasses
import secrets

import pandas as pd
import streamlit as st

from framing.classroom.blind import (
    Masking,
    blind_labels,
    category_hits,
    distinctive_words,
    mask_text,
    masked_text,
    names_apart,
    outlet_names,
)
from framing.classroom.lessons import (
    NOT_SURE,
    Guess,
    Lesson,
    LessonError,
    end_lesson,
    load_lesson,
    record_guess,
    reset,
    reveal,
    start_lesson,
    tally,
)
from framing.render.charts import guess_bars
from framing.render.highlight import article_html, evidence_html, heading, legend_html, paragraph
from framing.render.markup import html_text
from framing.spans import ArticleAnalysis
from framing.storage import StorageError
from framing.voices import VOICE_LABELS
from views.classroom import (
    Seat,
    follow_lesson,
    join,
    leave_lesson,
    lesson_links,
    lesson_seat,
    require_lesson_story,
    student_id,
    teacher_token,
)
from views.session import (
    STORY_KEY,
    StoryView,
    chart_font,
    current_story,
    page_intro,
    plural,
    remember,
    seed,
    show,
)

REFRESH = "4s"  # how often the teacher's screen reads the class's guesses again
CODE_STYLE = "font-size: 3.4em; font-weight: 700; letter-spacing: 0.25em; margin: 0; line-height: 1.2;"


def begin_lesson(slug: str) -> None:
    try:
        lesson, token = start_lesson(slug)
    except StorageError as error:
        st.session_state["blind_error"] = str(error)
        return
    join(lesson.code, token)


def teacher_action(action, seat: Seat, what: str) -> None:
    """Button callback for reveal, reset and end, with the token the session holds now; the lesson module
    checks it."""
    try:
        action(seat.lesson.code, teacher_token(seat.lesson.code))
    except (LessonError, StorageError) as error:
        st.session_state["blind_error"] = f"{what}: {error}"


def start_panel() -> None:
    """No lesson yet: start one, or say why it could not be started."""
    st.button("Start a lesson", type="primary", on_click=begin_lesson, args=(st.session_state[STORY_KEY],),
              help="Makes a code, a link for the students and a private link for you: every student who opens "
                   "theirs guesses into one class tally, and only your link can reveal.")
    st.caption("Without a lesson, the guesses made here count on this screen only.")


def teacher_panel(view: StoryView, seat: Seat) -> None:
    """The running lesson's code, the students' link, and the teacher's own link kept out of sight."""
    student, teacher = lesson_links(seat.lesson, seat.token)
    show(view, paragraph("Lesson code"), f'<p style="{CODE_STYLE}">{html_text(seat.lesson.code)}</p>',
         paragraph("Students open this link, or open Blind reading and add ?lesson= and the code:"),
         f'<p><a href="{html_text(student)}" target="_blank">{html_text(student)}</a></p>')
    # (not st.code: a code block here closed students' open choice lists in Chromium just after they opened)
    with st.expander("Your teacher link: keep it to yourself"):
        st.caption(f"It opens this lesson with the teacher's controls on another screen. The lesson ends at "
                   f"{seat.lesson.ends:%H:%M} UTC.")
        show(view, f'<p class="teacher-link">{html_text(teacher)}</p>')


def error_notice() -> None:
    if error := st.session_state.pop("blind_error", None):
        st.error("That did not work:")
        st.code(error, language=None, wrap_lines=True)


def hide_names(text: str, names: list[str]) -> str:
    return mask_text(text, names).text


def masked_highlights(view: StoryView, doc: ArticleAnalysis, masking: Masking, names: list[str]) -> str:
    """The masked text with the lexicon's hits: the span table's rows moved through the masking, and
    the notes and speakers that could name an outlet masked too."""
    spans = masking.spans(view.analysis.spans_behind(article=doc.article.id))
    spans = spans.assign(speaker=spans["speaker"].map(lambda speaker: hide_names(speaker, names)))
    shown = dataclasses.replace(doc, cleaned=dataclasses.replace(doc.cleaned, text=masking.text),
                                quote_regions=masking.regions(doc.quote_regions))
    styles = {category: dataclasses.replace(style, description=hide_names(style.description, names),
                                            teaching_note=hide_names(style.teaching_note, names))
              for category, style in view.styles.items()}
    notes = {key: hide_names(note, names) for key, note in view.notes.items()}
    present = [category for category in styles if category in set(spans["category"])]
    return legend_html(styles, present) + article_html(shown, spans, styles, notes)


def submit_guess(article_id: str, key: str, code: str | None) -> None:
    """Store the choice before the page draws again, so the tally counts it."""
    choice = st.session_state[f"blind_guess_{key}"]
    if choice is None:
        st.session_state[f"blind_said_{key}"] = ("warning", "Choose an outlet first, or “not sure”.")
        return
    if code is None:
        st.session_state["blind_guesses"][article_id] = choice
    else:
        try:
            record_guess(code, Guess(student_id(), article_id, choice))
        except (LessonError, StorageError) as error:
            st.session_state[f"blind_said_{key}"] = ("error", f"The guess could not be stored: {error}")
            return
    st.session_state[f"blind_said_{key}"] = ("success", "Your guess is in. You can change it until the reveal.")


def guess_form(article_id: str, label: str, outlets: list[str], lesson: Lesson | None, revealed: bool) -> None:
    """'Who wrote this?' and Submit; a new guess replaces the student's earlier one for this article.
    The widgets' keys name the letter, never the article (its id often spells the outlet's name)."""
    code = lesson.code if lesson else None
    key = f"{code or 'solo'}{lesson.seed if lesson else ''}_{label.split()[-1]}"  # a reset: new boxes
    with st.form(f"blind_form_{key}", border=False):
        st.selectbox("Who wrote this?", [*sorted(outlets, key=str.casefold), NOT_SURE], index=None,
                     placeholder="Choose an outlet", key=f"blind_guess_{key}", disabled=revealed)
        st.form_submit_button("Submit", key=f"blind_submit_{key}", disabled=revealed, on_click=submit_guess,
                              args=(article_id, key, code))
    if said := st.session_state.pop(f"blind_said_{key}", None):
        kind, message = said
        if kind == "error":
            st.error("The guess could not be stored:")
            st.code(message, language=None, wrap_lines=True)  # the reason may quote a path or a name
        else:
            getattr(st, kind)(message)


def guesses_phrase(count: int) -> str:
    return f"{count} guess{'' if count == 1 else 'es'}"


def current_guesses(lesson: Lesson | None) -> tuple[Guess, ...]:
    if lesson is None:
        student = student_id()
        return tuple(Guess(student, article, outlet) for article, outlet in st.session_state["blind_guesses"].items())
    return lesson.guesses


def class_tally(view: StoryView, code: str | None, labels: dict[str, str], answers: dict[str, str],
                drawn_revealed: bool) -> None:
    """How many guesses came in for each letter; after the reveal, how many were right. On the teacher's
    screen it is read again every few seconds."""
    lesson = load_lesson(code) if code else None
    counts = tally(current_guesses(lesson), answers).summary.set_index("article")
    lines = []
    for article_id, label in labels.items():
        total, right = int(counts.loc[article_id, "guesses"]), int(counts.loc[article_id, "right"])
        if drawn_revealed:
            lines.append(f"{label} ({answers[article_id]}): {right} of {guesses_phrase(total)} right")
        else:
            lines.append(f"{label}: {guesses_phrase(total)} in")
    who = "the class" if code else "this screen"
    show(view, heading(f"Guesses from {who}", level=4), f"<p>{'<br>'.join(html_text(line) for line in lines)}</p>")


def reveal_control(seat: Seat | None) -> None:
    """The reveal, behind a confirmation: for this screen alone, or on the teacher's screen for the class."""
    whole = "every screen in this lesson" if seat else "this screen"
    sure = st.checkbox(f"Yes, show {whole} which outlet wrote which article", key="blind_sure")
    if seat is None:
        if st.button("Reveal", disabled=not sure, key="blind_reveal"):
            st.session_state["blind_revealed"] = True
            st.rerun()
        return
    st.button("Reveal", disabled=not sure, key="blind_reveal", on_click=teacher_action,
              args=(reveal, seat, "The reveal"))


def teacher_controls(seat: Seat, revealed: bool) -> None:
    """Reveal for the class; start the guessing again; end the lesson. Only on the teacher's screen."""
    if not revealed:
        reveal_control(seat)
    with st.expander("Start again, or end the lesson"):
        st.button("Start the guessing again", key="blind_reset", on_click=teacher_action,
                  args=(reset, seat, "Starting again"),
                  help="Clears the class's guesses and the reveal, and shuffles the letters anew.")
        st.button("End the lesson", key="blind_end", on_click=teacher_action, args=(end_lesson, seat, "Ending"),
                  help="Every screen of the lesson then works on its own; nothing more is stored in it.")


def distinctive_apart(view: StoryView, outlet: str) -> str:
    """The outlet's most distinctive words (its own voice), each with its counts here and elsewhere."""
    rows = distinctive_words(view.analysis, outlet)
    if rows.empty:
        return paragraph("No word stands out for this outlet.")
    items = "".join(f"<li>{html_text(row.term)}: {row.count}× here, {row.count_rest}× in the other outlets</li>"
                    for row in rows.itertuples(index=False))
    return f"<ul>{items}</ul>"


def naming_apart(view: StoryView, outlet: str) -> str:
    """The names this outlet gives an actor that no other outlet of the story uses for that actor."""
    mine = names_apart(view.analysis, outlet)
    if mine.empty:
        return paragraph("Every name it gives an actor, another outlet uses too.")
    items = "".join(f"<li>{html_text(row.referent)}: “{html_text(row.label)}” ×{row.count} "
                    f"({html_text(VOICE_LABELS.get(row.voice, row.voice))})</li>"
                    for row in mine.itertuples(index=False))
    return f"<ul>{items}</ul>"


def hits_by_category(view: StoryView, doc: ArticleAnalysis) -> str:
    """The article's lexicon hits grouped by category, each group with its count and rate and its lines."""
    parts = []
    for hits in category_hits(view.analysis, doc.article.id):
        style = view.styles[hits.category]
        summary = (f"{style.number} {style.name}: {plural(hits.count, 'hit')} in {hits.words:,} words, "
                   f"{hits.per_1000:.1f} per 1,000 words")
        lines = evidence_html(view.analysis.evidence(hits.spans), view.styles)
        parts.append(f"<details><summary>{html_text(summary)}</summary>{lines}</details>")
    return "".join(parts) or paragraph("The lexicon finds nothing in this article.")


def reveal_block(view: StoryView, doc: ArticleAnalysis, label: str, guesses: pd.DataFrame) -> None:
    """After the reveal: who wrote it, about whom, what the class guessed, and the evidence."""
    article = doc.article
    facts = [("Country", article.country), ("Ownership", article.ownership), ("Headline", article.headline),
             ("Date", article.date), ("Web address", article.url)]
    listing = "".join(f"<dt>{html_text(name)}</dt><dd>{html_text(value)}</dd>" for name, value in facts if value)
    show(view, heading(f"{label} is {article.outlet}", level=3), f"<dl>{listing}</dl>")
    mine = guesses[guesses["article"] == article.id]
    if mine.empty:
        st.caption("Nobody guessed this one.")
    else:
        right = int(mine.loc[mine["right"], "guesses"].sum())
        show(view, paragraph(f"The guesses: {right} of {guesses_phrase(int(mine['guesses'].sum()))} right"))
        st.plotly_chart(guess_bars(mine, font_size=chart_font()), width="stretch", key=f"guesses_{article.id}",
                        config={"displayModeBar": False})
    show(view, heading("Its lexicon hits, by category", level=4), hits_by_category(view, doc),
         heading("Its most distinctive words (its own voice)", level=4), distinctive_apart(view, article.outlet),
         heading("Names for actors that set it apart", level=4), naming_apart(view, article.outlet))


# --- the page -----------------------------------------------------------------------------------

seat = lesson_seat()
lesson = seat.lesson if seat else None
if lesson is not None:
    require_lesson_story(lesson)
view = current_story()
story = view.analysis.story
page_intro(__file__)
if len(view.outlets) < 2:
    st.info("Blind reading needs at least two outlets, and this story has one outlet. Add articles from "
            "another outlet on the Import articles page.")
    st.stop()

seed("blind_seed", secrets.randbelow(2**31))
seed("blind_guesses", {})
seed("blind_revealed", False)
remember(lesson=lesson.code if lesson else None)

labels = blind_labels(story, lesson.seed if lesson else st.session_state["blind_seed"])
answers = {article.id: article.outlet for article in story.articles}
revealed = lesson.revealed if lesson else st.session_state["blind_revealed"]
names = outlet_names(story)
error_notice()

if seat is not None and not seat.teacher:  # a student: the articles first, the teacher's screen leads
    follow_lesson(seat)
    st.caption(f"Lesson {lesson.code}: read each article, guess who published it and press Submit. The outlets "
               "appear here when your teacher reveals them.")
else:  # the page intro under the title says what to do
    lesson_column, tally_column = st.columns(2, gap="large")
    with lesson_column:
        if seat is None:
            start_panel()
        else:
            follow_lesson(seat)  # a second teacher screen follows what the first one did
            teacher_panel(view, seat)
    with tally_column:
        st.fragment(class_tally, run_every=REFRESH if seat else None)(
            view, lesson.code if lesson else None, labels, answers, revealed)
        if seat is None and not revealed:
            with st.expander("Reveal the outlets", expanded=True):
                reveal_control(None)
        elif seat is not None:
            teacher_controls(seat, revealed)
highlights = st.toggle("Show the lexicon's highlights", key="blind_highlights",
                       help="Colours the words each category of the lexicon finds; outlet names stay hidden. "
                            "Off at first, so students read the words before the lexicon's view of them.")
guesses = tally(current_guesses(lesson), answers).votes if revealed else None

for article_id, label in labels.items():
    doc = view.analysis.document(article_id)
    masking = masked_text(doc, story)
    st.divider()
    body = masked_highlights(view, doc, masking, names) if highlights else (
        f'<div class="article">{html_text(masking.text)}</div>')
    show(view, heading(label), body)
    guess_form(article_id, label, story.outlets, lesson, revealed)
    if revealed:
        reveal_block(view, doc, label, guesses)
if seat is not None and not seat.teacher:
    st.divider()
    st.button("Leave the lesson", on_click=leave_lesson, help="This screen then works on its own.")
