from conftest import make_lexicon

from framing.matcher import Matcher


def hits(text, **categories):
    return [(text[m.start:m.end], m.term.text) for m in Matcher(make_lexicon(**categories)).find(text)]


def test_case_insensitive_whole_words_only():
    assert hits("The Regime and the regimen; REGIME.", label=["regime"]) == [("Regime", "regime"), ("REGIME", "regime")]


def test_match_case_keeps_acronyms_apart_from_ordinary_words():
    text = "IS fighters advanced. It is unclear what is next."
    assert hits(text, name=[{"term": "IS", "match_case": True}]) == [("IS", "IS")]


def test_inflected_forms_with_a_trailing_star():
    text = "terrorism, terrorists and terrorised towns, not terror"
    assert [t for t, _ in hits(text, label=["terroris*"])] == ["terrorism", "terrorists", "terrorised"]


def test_curly_and_straight_apostrophes_match_alike():
    assert [t for t, _ in hits("don’t and don't", words=["don't"])] == ["don’t", "don't"]
    assert [t for t, _ in hits("don’t and don't", words=["don’t"])] == ["don’t", "don't"]


def test_phrases_span_line_breaks_hyphens_and_quote_marks():
    text = "a pipe-dream, a pipe\ndream and the ‘moderate’ opposition"
    found = hits(text, evaluative=["pipe dream"], label=["moderate opposition"])
    assert found == [("pipe-dream", "pipe dream"), ("pipe\ndream", "pipe dream"),
                     ("moderate’ opposition", "moderate opposition")]


def test_longest_match_wins_then_earliest():
    text = "the so-called moderate opposition forces"
    found = hits(text, distancing=["so-called"], label=["moderate", "moderate opposition", "opposition forces"])
    assert found == [("so-called", "so-called"), ("moderate opposition", "moderate opposition")]


def test_offsets_point_at_the_hit_in_the_original_text():
    text = "“Takfiri” groups — said to be Takfiri"
    for match in Matcher(make_lexicon(label=["takfiri"])).find(text):
        assert text[match.start:match.end] == "Takfiri"
