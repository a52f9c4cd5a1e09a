"""Analysis: the one way to ask for the words behind a number (spans_behind, evidence, document)."""

import pytest
from conftest import make_lexicon, make_story

from framing import analyse
from framing.voices import COUNT_VOICES


def small():
    story = make_story(
        ("North", "The regime struck. “The regime lies,” a rebel said. The junta waits."),
        ("South", "The regime spoke. Officials met."),
    )
    return analyse(story, make_lexicon(label=[{"term": "regime", "referent": "Government"}, "junta"],
                                       evaluative=["lies"]))


@pytest.mark.parametrize("make", [small, "bundled"])
def test_every_score_count_is_the_number_of_spans_behind_it(make, request):
    analysis = request.getfixturevalue("bundled") if make == "bundled" else make()
    assert analysis.scores["count"].sum() > 0
    for row in analysis.scores.itertuples(index=False):
        behind = analysis.spans_behind(outlet=row.outlet, category=row.category, voice=row.voice)
        assert len(behind) == row.count, row
        assert set(behind["outlet"]) <= {row.outlet} and set(behind["category"]) <= {row.category}


def test_fields_take_one_value_or_several_and_voice_all_is_both():
    analysis = small()
    both = analysis.spans_behind(outlet=["North", "South"], category="label")
    assert len(both) == len(analysis.spans_behind(outlet="North", category="label")) + len(
        analysis.spans_behind(outlet="South", category="label")) == 4
    narrator, quote = (analysis.spans_behind(category="label", voice=v) for v in ("narrator", "quote"))
    assert len(narrator) == 3 and len(quote) == 1 and list(quote["text"]) == ["regime"]
    assert list(analysis.spans_behind(referent="Government")["text"]) == ["regime"] * 3
    assert list(analysis.spans_behind(term="junta", article="a0")["text"]) == ["junta"]
    assert analysis.spans_behind(outlet="Nowhere").empty


def test_a_voice_outside_the_vocabulary_is_refused():
    with pytest.raises(ValueError, match="voice must be one of"):
        small().spans_behind(voice="narrator ")
    assert set(COUNT_VOICES) == {"narrator", "quote", "all"}


def test_evidence_shows_each_hit_in_its_sentence_and_document_finds_the_article():
    analysis = small()
    rows = analysis.evidence(analysis.spans_behind(outlet="North", term="junta"))
    assert list(rows["match"]) == ["junta"] and rows.iloc[0]["before"] == "The "
    assert analysis.document("a1").article.outlet == "South"
    for span in analysis.spans.itertuples():
        assert analysis.document(span.article).text[span.start:span.end] == span.text


def test_labelled_spans_are_the_naming_rows_in_the_chosen_voice():
    analysis = small()
    assert list(analysis.labelled_spans(voice="quote")["label"]) == ["regime"]
    assert analysis.labelled_spans()["referent"].eq("Government").sum() == analysis.naming()["count"].sum() == 3
