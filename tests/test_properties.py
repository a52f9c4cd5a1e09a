"""Any text, however odd, never crashes the analysis, and every span's offsets hold."""

import re
from itertools import pairwise

from conftest import make_lexicon, make_story
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import analyse
from framing.actors import ACTOR_CATEGORY
from framing.cleaning import clean
from framing.resources import WORD_RE
from framing.spans import voice_words
from framing.text import count_words, fold, has_more_words_than, sentence_bounds, words

LEXICON = make_lexicon(
    distancing=["so-called", "alleged", "what are said to be"],
    label=["regime", "terroris*", {"term": "IS", "match_case": True}, "moderate opposition"],
    report=["said", "claim*"],
)
# Text built from the characters that matter to the rules, plus anything at all.
TRICKY = st.sampled_from([
    *"\"'“”‘’«»„ \n\r\t-–—.!?,;:()[]*\\",
    "regime", "Terrorists", "IS", "is", "so-called", "moderate", "opposition", "said", "Assad", "he",
    "Subscribe", "By ", "Credit:", "(R)", "-", "REUTERS - ", "\u00a0", "İ", "ß", "\u0301", "\ufeff",
])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(TRICKY, st.text(max_size=3)), max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_analysis_never_crashes_and_offsets_hold(raws):
    analysis = analyse(make_story(*[(f"Outlet {i % 2}", raw) for i, raw in enumerate(raws)]), LEXICON)
    texts = {doc.article.id: doc.text for doc in analysis.documents}
    for span in analysis.spans.itertuples():
        assert texts[span.article][span.start:span.end] == span.text
        assert span.voice in ("narrator", "quote")
        assert 0 <= span.sentence < max(1, len(sentence_bounds(texts[span.article])))
    # Lexicon hits never overlap each other, nor do actor mentions; a mention may hold a hit ("dictator").
    actors = analysis.spans.category == ACTOR_CATEGORY
    for hits in (analysis.spans[~actors & (analysis.spans.term != "scare quotes")], analysis.spans[actors]):
        for _, in_article in hits.groupby("article"):
            ordered = in_article.sort_values("start")
            assert (ordered["start"].iloc[1:].to_numpy() >= ordered["end"].iloc[:-1].to_numpy()).all()
    assert (analysis.scores["count"] >= 0).all()
    analysis.distinctive(top=3)
    analysis.similarity()
    analysis.naming()
    analysis.statements()
    analysis.unique_share()


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_cleaning_keeps_every_kept_piece_of_the_raw_text(raw):
    cleaned = clean(raw)
    for piece in cleaned.pieces:
        assert piece.text.strip() and piece.text in re.sub(r"\r\n?", "\n", raw)
    for paragraph in cleaned.text.split("\n") if cleaned.text else []:
        assert paragraph.strip() == paragraph and paragraph


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_are_ordered_trimmed_and_inside_the_text(text):
    previous_end = 0
    for start, end in sentence_bounds(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


ABBREVIATED = st.lists(st.one_of(TRICKY, st.sampled_from(["Mr.", "U.S.", "Dr", "etc.", "e.g.", "x.", "A", "9", " The"]),
                                 st.text(max_size=3)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(ABBREVIATED, max_size=4))
def test_each_line_is_split_into_sentences_on_its_own(lines):
    """The whole text is scanned at once, yet no boundary (or the abbreviation test behind it)
    reaches across a line break: the sentences are those of each line alone, shifted."""
    lines = [line.replace("\n", " ") for line in lines]
    expected, offset = [], 0
    for line in lines:
        expected += [(offset + start, offset + end) for start, end in sentence_bounds(line)]
        offset += len(line) + 1
    assert sentence_bounds("\n".join(lines)) == expected


def test_a_sentence_ends_at_a_stop_before_a_capital_unless_it_closes_an_abbreviation():
    text = "Mr. Smith met the U.S. envoy. He left.\n  \"Why?\" she asked.  Nobody knew."
    assert [text[s:e] for s, e in sentence_bounds(text)] == [
        "Mr. Smith met the U.S. envoy.", "He left.", "\"Why?\" she asked.", "Nobody knew."]


QUOTED = st.lists(st.one_of(TRICKY, st.sampled_from(["don't", "Syria's", "\u201eword\u201c", "\u00abword\u00bb"])),
                  max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(QUOTED, max_size=4))
def test_each_paragraph_has_its_own_quotations(paragraphs):
    """Quote marks are scanned over the whole text at once, yet a quotation never runs past its
    paragraph: the quotations found are those of each paragraph alone, shifted."""
    from framing.quotes import find_quotations

    def placed(text, offset=0):
        return [(q.start + offset, q.end + offset, q.mark, q.closed, q.nested)
                for q in find_quotations(text, sentence_bounds(text))]

    paragraphs = [paragraph.replace("\n", " ").replace("\r", " ") for paragraph in paragraphs]
    expected, offset = [], 0
    for paragraph in paragraphs:
        expected += placed(paragraph, offset)
        offset += len(paragraph) + 1
    assert placed("\n".join(paragraphs)) == sorted(expected, key=lambda q: q[0])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(QUOTED, TEXTS), max_size=4).map("\n".join))
def test_quotations_find_the_sentences_they_ask_about_line_by_line(text):
    """Without the text's sentences, the scare-quote test finds the few it needs from their lines:
    the same quotations and flags as with all of them."""
    from framing.quotes import find_quotations

    assert find_quotations(text) == find_quotations(text, sentence_bounds(text))


@st.composite
def texts_with_stretches(draw):
    """Texts, each with ordered quote regions that may cut anywhere, even inside a word."""
    texts = draw(st.lists(st.one_of(TEXTS, st.text(alphabet="ab'’-\u00e9\U0001d4d0 \"", max_size=30)),
                          min_size=1, max_size=4))
    regions = []
    for text in texts:
        cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
        regions.append(list(zip(cuts[::2], cuts[1::2], strict=False)))
    return texts, regions


@settings(max_examples=400, deadline=None)
@given(texts_with_stretches())
def test_words_by_voice_are_word_re_s_matches_in_each_stretch_taken_alone(case):
    texts, regions = case
    narrator, quote = voice_words(texts, regions)
    for text, stretches, in_narration, in_quotes in zip(texts, regions, narrator, quote, strict=True):
        edges = [0, *(edge for stretch in stretches for edge in stretch), len(text)]
        counts = [len(WORD_RE.findall(text[a:b])) for a, b in pairwise(edges)]
        assert (in_narration, in_quotes) == (sum(counts[::2]), sum(counts[1::2]))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(0, 6))
def test_more_words_than_a_limit_is_counting_them(text, limit):
    assert has_more_words_than(text, limit) == (count_words(text) > limit)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_words_are_word_re_s_matches_of_the_folded_text_each_lowered(text):
    assert words(text) == [match.group().lower() for match in WORD_RE.finditer(fold(text))]
