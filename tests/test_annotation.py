"""Student annotation (framing/classroom/annotation.py): words with offsets, marks against the lexicon's hits
with figures worked out by hand, candidate phrases, and labels that show article words literally."""

import re
from itertools import pairwise

from conftest import make_lexicon, make_story
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import analyse
from framing.classroom.annotation import (
    Comparison,
    compare_marks,
    comparison_table,
    locate,
    phrases,
    term_problem,
    tokens,
)
from framing.classroom.marks_html import comparison_html
from framing.render.markup import widget_markdown_text
from framing.resources import WORD_RE
from views.pills import ZERO_WIDTH_SPACE, pill_labels

LEXICON = make_lexicon(loaded=["regime"], other=["rebels"])


def analysed(text: str, lexicon=LEXICON):
    analysis = analyse(make_story(("Outlet", text)), lexicon)
    return analysis, analysis.documents[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab_é1 '’-\n.,\"“”*<>")), max_size=80))
def test_tokens_are_exactly_the_words_and_their_offsets_slice_the_text(raw):
    _, doc = analysed(raw)
    words = tokens(doc)
    assert [t.text for t in words] == WORD_RE.findall(doc.text)
    assert all(doc.text[t.start:t.end] == t.text for t in words)
    assert [t.index for t in words] == list(range(len(words)))
    assert all(a.end <= b.start for a, b in pairwise(words))


def test_marks_against_hits_with_the_figures_worked_out_by_hand():
    analysis, doc = analysed("The regime said the rebels fled the town.")
    words = tokens(doc)
    assert [t.text for t in words] == ["The", "regime", "said", "the", "rebels", "fled", "the", "town"]
    comparison = compare_marks(doc, analysis.spans, {1, 5, 6}, lexicon=analysis.lexicon)  # regime, fled the
    # lexicon hits: regime (1), rebels (4); 8 words
    assert (comparison.tokens, comparison.both, comparison.student_only, comparison.lexicon_only,
            comparison.neither) == (8, 1, 2, 1, 4)
    assert comparison.agreement == 5 / 8
    # chance: 3/8 * 2/8 + 5/8 * 6/8 = 36/64; kappa = (40/64 - 36/64) / (28/64) = 1/7
    assert abs(comparison.kappa - 1 / 7) < 1e-9
    assert comparison.small_numbers
    assert [(c.term, c.times, c.problem) for c in comparison.candidates] == [("fled the", 1, "")]
    summary = comparison.summary().set_index("what")
    assert summary.loc["marked by both", "share"] == "1 of 3 of the student's marks (33%)"


def test_no_marks_gives_no_kappa_rather_than_a_false_number():
    analysis, doc = analysed("The regime said the rebels fled.")
    comparison = compare_marks(doc, analysis.spans.iloc[0:0], set(), lexicon=analysis.lexicon)
    assert comparison.kappa is None and comparison.agreement == 1.0 and comparison.candidates == ()


def test_phrases_join_neighbours_but_not_across_punctuation_or_paragraphs():
    _, doc = analysed("Brutal, cruel attacks went on\nall night.")
    words = tokens(doc)
    found = phrases(words, {0, 1, 2, 4, 5}, doc.text)  # Brutal | cruel attacks | on | all
    assert [p.text for p in found] == ["Brutal", "cruel attacks", "on", "all"]
    assert [p.tokens for p in found] == [(0,), (1, 2), (4,), (5,)]


def test_candidates_are_checked_against_the_term_rule_and_the_lexicon():
    analysis, doc = analysed("The regime and the rebels met __ times.")
    loaded_only = analysis.spans[analysis.spans["category"] == "loaded"]
    words = [t.text for t in tokens(doc)]
    comparison = compare_marks(doc, loaded_only, {words.index("rebels"), words.index("__")},
                               lexicon=analysis.lexicon)
    found = {c.term: c for c in comparison.candidates}
    assert found["rebels"].listed_in == "other" and found["rebels"].problem == ""
    assert "use words" in found["__"].problem
    assert "longer than 80" in term_problem("word " * 20)
    assert term_problem("so-called") == ""


def test_marks_inside_a_quotation_are_counted_apart_and_can_be_left_out():
    analysis, doc = analysed('The regime said: "The rebels fled the town," officials claimed.')
    words = tokens(doc)
    rebels = next(t.index for t in words if t.text == "rebels")
    assert words[rebels].voice == "quote"
    everything = compare_marks(doc, analysis.spans, {1, rebels}, lexicon=analysis.lexicon)
    own = compare_marks(doc, analysis.spans, {1, rebels}, lexicon=analysis.lexicon, voice="narrator")
    assert everything.marks_in_quotes == own.marks_in_quotes == 1
    assert everything.both == 2 and own.both == 1
    assert own.tokens == sum(1 for t in words if t.voice == "narrator") < everything.tokens
    assert 'class="annot student outside"' in comparison_html(doc, own, {1, rebels})
    assert not comparison_table(doc, own, {1, rebels}, article="x").set_index("text").loc["rebels", "compared"]


def test_typed_phrases_are_found_whatever_their_case_and_quote_style():
    _, doc = analysed("The so-called Rebels’ leader met the rebels.")
    words = tokens(doc)
    assert {words[i].text for i in locate(words, doc.text, "rebels")} == {"Rebels", "rebels"}
    assert [words[i].text for i in sorted(locate(words, doc.text, "So-called rebels"))] == ["so-called", "Rebels"]
    assert locate(words, doc.text, "nowhere") == set() and locate(words, doc.text, "?!") == set()


def test_the_comparison_html_shows_hostile_text_literally():
    analysis, doc = analysed("The regime <script>alert(1)</script> and **bold** words.")
    words = [t.text for t in tokens(doc)]
    marks = {words.index("regime"), words.index("alert")}
    comparison = compare_marks(doc, analysis.spans, marks, lexicon=analysis.lexicon)
    page = comparison_html(doc, comparison, marks)
    assert "<script>" not in page and "&lt;script&gt;" in page and "**bold**" in page
    assert '<mark class="annot both"' in page and '<mark class="annot student"' in page


@given(st.text(max_size=40))
def test_widget_markdown_text_escapes_every_special_and_loses_nothing(text):
    escaped = widget_markdown_text(text)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.S) == text
    assert not re.search(r"(?<!\\)[*_`\[\]<>#|~]", re.sub(r"\\\\", "", escaped))


def test_pill_labels_are_unique_in_a_sentence_and_italic_inside_quotations():
    _, doc = analysed('The __init__ of the minister said: "The state is the state, and the end is near."')
    labels = pill_labels(tokens(doc))
    assert len(set(labels.values())) == len(labels)
    plain = [label.replace(ZERO_WIDTH_SPACE, "") for label in labels.values()]
    assert plain.count("the") == 1 and plain.count("*the*") == 2
    assert r"\_\_init\_\_" in plain and "*state*" in plain


def test_kappa_is_zero_when_one_side_marks_nothing_and_undefined_only_when_chance_is_total():
    analysis, doc = analysed("The regime said the rebels fled the town.")  # lexicon: regime (1), rebels (4)
    every = range(len(tokens(doc)))

    def kappa(marks, spans=analysis.spans):
        return compare_marks(doc, spans, marks, lexicon=analysis.lexicon).kappa

    assert kappa(set()) == 0  # the student marks nothing, the lexicon two words
    assert kappa({2, 5}, analysis.spans.iloc[0:0]) == 0  # the lexicon finds nothing, the student two words
    assert kappa(set(), analysis.spans.iloc[0:0]) is None  # both mark nothing
    everything = analysis.spans.assign(start=0, end=len(doc.text))
    assert kappa(set(every), everything) is None  # both mark every word
    assert kappa(set(every), analysis.spans.iloc[0:0]) == 0  # one marks all, the other nothing


def test_kappa_reads_without_a_sign_on_zero_and_a_dash_where_undefined():
    def comparison(both, student_only, lexicon_only, neither):
        return Comparison("all", both + student_only + lexicon_only + neither, both, student_only, lexicon_only,
                          neither, 0, frozenset(), frozenset(), ())

    near_zero = comparison(0, 1, 1, 998)
    assert -0.005 < near_zero.kappa < 0 and near_zero.kappa_text == "0.00"
    assert comparison(5, 0, 0, 5).kappa_text == "1.00"
    assert comparison(0, 0, 0, 10).kappa_text == "—"
