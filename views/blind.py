"""Blind reading: the articles under letters, their outlets' names hidden; students guess who wrote
each, then the reveal shows the evidence for each outlet.

A teacher starts a lesson (a short code in the data folder, shared by URL) so a whole class guesses
into one tally and sees one reveal; without a lesson the page works alone and counts this browser
session's guesses only. Until the reveal, no outlet name is on the page except among the choices of
"Who wrote this?", and the class tally says how many guesses came in, never whom they name.
"""

from __future__ import annotations

import dataclasses
import secrets
from urllib.parse import urlencode

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
    load_lesson,
    normalise_code,
    record_guess,
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
    story_catalogue,
)

REFRESH = "4s"  # how often the teacher's screen reads the class's guesses again
CODE_STYLE = "font-size: 3.4em; font-weight: 700; letter-spacing: 0.25em; margin: 0; line-height: 1.2;"


def lesson_from_url() -> Lesson | None:
    """The lesson the URL names, read afresh; a code that is wrong or gone is said, and the page
    then works alone."""
    asked = st.query_params.get("lesson", "")
    if not asked:
        return None
    try:
        if normalise_code(asked) is None:
            raise LessonError("a lesson code is 4 letters or digits")
        return load_lesson(asked)
    except (LessonError, StorageError) as error:
        st.warning("This lesson cannot be opened, so the page works on its own. The code and the reason:")
        st.code(f"{asked}\n{error}", language=None, wrap_lines=True)
        st.query_params.pop("lesson", None)
        return None


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


def begin_lesson(slug: str) -> None:
    try:
        lesson = start_lesson(slug)
    except StorageError as error:
        st.session_state["blind_error"] = str(error)
        return
    st.session_state["blind_teacher"] = lesson.code
    st.query_params["lesson"] = lesson.code


def leave_lesson() -> None:
    st.query_params.pop("lesson", None)
    st.session_state.pop("blind_teacher", None)


def lesson_panel(view: StoryView, lesson: Lesson | None) -> None:
    """Start a lesson, or show the running one's code and the link that joins it."""
    if lesson is None:
        st.button("Start a lesson", type="primary", on_click=begin_lesson, args=(st.session_state[STORY_KEY],),
                  help="Makes a code and a link: every student who opens it guesses into one class tally.")
        if error := st.session_state.pop("blind_error", None):
            st.error("The lesson could not be started:")
            st.code(error, language=None, wrap_lines=True)
        st.caption("Without a lesson, the guesses made here count on this screen only.")
        return
    link = f"{st.context.url or '/blind'}?{urlencode({'lesson': lesson.code, 'story': lesson.story})}"
    show(view, paragraph("Lesson code"), f'<p style="{CODE_STYLE}">{html_text(lesson.code)}</p>',
         paragraph("Students open this link, or open Blind reading and add ?lesson= and the code:"),
         f'<p><a href="{html_text(link)}" target="_blank">{html_text(link)}</a></p>')
    # (not st.code: a code block here closed students' open choice lists in Chromium just after they opened)
    st.button("Leave the lesson", on_click=leave_lesson)


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
    """Store the choice before the page draws again, so the tally above the articles counts it."""
    choice = st.session_state[f"blind_guess_{key}"]
    if choice is None:
        st.session_state[f"blind_said_{key}"] = ("warning", "Choose an outlet first, or “not sure”.")
        return
    if code is None:
        st.session_state["blind_guesses"][article_id] = choice
    else:
        try:
            record_guess(code, Guess(st.session_state["blind_student"], article_id, choice))
        except (LessonError, StorageError) as error:
            st.session_state[f"blind_said_{key}"] = ("error", f"The guess could not be stored: {error}")
            return
    st.session_state[f"blind_said_{key}"] = ("success", "Your guess is in. You can change it until the reveal.")


def guess_form(article_id: str, label: str, outlets: list[str], lesson: Lesson | None, revealed: bool) -> None:
    """'Who wrote this?' and Submit; a new guess replaces the student's earlier one for this article.
    The widgets' keys name the letter, never the article (its id often spells the outlet's name)."""
    code = lesson.code if lesson else None
    key = f"{code or 'solo'}_{label.split()[-1]}"
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
        student = st.session_state["blind_student"]
        return tuple(Guess(student, article, outlet) for article, outlet in st.session_state["blind_guesses"].items())
    return lesson.guesses


def class_tally(view: StoryView, code: str | None, labels: dict[str, str], answers: dict[str, str],
                drawn_revealed: bool) -> None:
    """How many guesses came in for each letter; after the reveal, how many were right. Read again every
    few seconds on the teacher's screen, and on any screen at "Check for new guesses"; a reveal made on
    another screen redraws the whole page."""
    lesson = load_lesson(code) if code else None
    if lesson is not None and lesson.revealed != drawn_revealed:
        st.rerun(scope="app")
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
    if code:
        st.button("Check for new guesses", key="blind_refresh")


def reveal_control(lesson: Lesson | None) -> None:
    """The teacher's reveal, behind a confirmation (there is no login: anyone with the page could)."""
    teacher = lesson is None or st.session_state.get("blind_teacher") == lesson.code
    with st.expander("Teacher: reveal the outlets", expanded=teacher):
        whole = "every screen in this lesson" if lesson else "this screen"
        sure = st.checkbox(f"Yes, show {whole} which outlet wrote which article", key="blind_sure")
        if st.button("Reveal", disabled=not sure, key="blind_reveal"):
            if lesson is None:
                st.session_state["blind_revealed"] = True
            else:
                reveal(lesson.code)
            st.rerun()


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

lesson = lesson_from_url()
if lesson is not None:
    require_lesson_story(lesson)
view = current_story()
story = view.analysis.story
page_intro(__file__)
if len(view.outlets) < 2:
    st.info("Blind reading needs at least two outlets, and this story has one outlet. Add articles from "
            "another outlet on the Import articles page.")
    st.stop()

seed("blind_student", secrets.token_hex(8))  # anonymous: one id per browser session
seed("blind_seed", secrets.randbelow(2**31))
seed("blind_guesses", {})
seed("blind_revealed", False)
remember(lesson=lesson.code if lesson else None)

lesson_column, tally_column = st.columns(2, gap="large")
with lesson_column:
    lesson_panel(view, lesson)

labels = blind_labels(story, lesson.seed if lesson else st.session_state["blind_seed"])
answers = {article.id: article.outlet for article in story.articles}
revealed = lesson.revealed if lesson else st.session_state["blind_revealed"]
names = outlet_names(story)

teaching = lesson is not None and st.session_state.get("blind_teacher") == lesson.code
with tally_column:
    st.fragment(class_tally, run_every=REFRESH if teaching else None)(  # a redraw closes a student's open list
        view, lesson.code if lesson else None, labels, answers, revealed)
    if not revealed:
        reveal_control(lesson)
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
