"""Annotate: a student marks the words they find loaded, then compares them with the lexicon's hits.
What the student found and the lexicon did not can go to the Lexicon page as candidate terms.

Marks are kept per story and article in session state, apart from the widgets (Streamlit forgets a
widget's value when it is not drawn), so switching articles or pages loses nothing."""

from dataclasses import dataclass
from functools import cached_property

import streamlit as st

from framing.classroom.annotation import Comparison, compare_marks, comparison_table, locate, tokens
from framing.classroom.marks_html import MARKS_CSS, comparison_html, marks_legend_html
from framing.render.exports import csv_bytes
from framing.render.highlight import heading
from framing.spans import ArticleAnalysis
from framing.voices import VOICE_LABELS
from views.pills import pill_labels
from views.session import CANDIDATES_KEY, STORY_KEY, StoryView, current_story, page_intro, plural, seed, show

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
                            help="Names and neutral verbs are hits too; leave them out to compare loaded words only.")
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

    def send() -> None:
        waiting = st.session_state.setdefault(CANDIDATES_KEY, [])
        known = {entry["term"].lower() for entry in waiting}
        waiting.extend({"term": term, "category": None} for term in picked if term.lower() not in known)
        st.session_state["annotate_sent"] = len(picked)

    st.button("Send to the Lexicon page", on_click=send, disabled=not picked)
    if sent := st.session_state.pop("annotate_sent", 0):
        st.success(f"Sent {plural(sent, 'candidate')}. Open the Lexicon page to give each a category.")


def download_section(sheet: Sheet, comparison: Comparison, marks: list[int], story: str) -> None:
    article = sheet.doc.article.id
    table = comparison_table(sheet.doc, comparison, marks, article=article)
    st.download_button("Download your marks and the comparison (CSV)", csv_bytes(table),
                       file_name=f"marks-{story}-{article}.csv".replace(" ", "-").lower(), mime="text/csv")
    st.caption("The download has a row for each word you marked or the lexicon found, with its offsets in the text.")


story_view = current_story()
story_slug = st.session_state[STORY_KEY]
page_intro(__file__)
article_id = st.selectbox("Article", list(story_view.analysis.articles["article"]), key="annotate_article",
                          format_func=lambda article: article_label(story_view, article))
this_sheet = Sheet(story_view.analysis.document(article_id), f"{story_slug}::{article_id}")
student_marks = marking_section(this_sheet)
if (result := comparison_section(story_view, this_sheet, student_marks)) is not None:
    candidates_section(story_view, this_sheet, result)
    download_section(this_sheet, result, student_marks, story_slug)
