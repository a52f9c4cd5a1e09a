"""Blind reading's masking and letters: no outlet name survives, and what was hidden is listed exactly."""

import re

import pytest
from conftest import make_lexicon, make_story
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import analyse
from framing.classroom.blind import (
    HEADLINE_REPLACEMENT,
    blind_labels,
    category_hits,
    distinctive_words,
    mask_text,
    masked_text,
    name_pattern,
    names_apart,
    outlet_names,
)
from framing.stories import Article, Story

BUNDLED_OUTLETS = ("Press TV", "Al-Manar", "Haaretz", "Reuters", "Sputnik", "The Week")


def whole_word(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def story_of(*articles: Article) -> Story:
    return Story(slug="s", title="s", articles=articles)


def test_no_outlet_name_of_the_bundled_story_is_left_in_any_masked_text(bundled):
    names = [*BUNDLED_OUTLETS, *bundled.story.outlets, "Al Manar", "AlManar", "PressTV"]
    for doc in bundled.documents:
        masking = masked_text(doc, bundled.story)
        for name in names:
            assert name.casefold() not in masking.text.casefold(), (doc.article.id, name)


def test_names_in_the_bundled_texts_are_hidden_with_their_offsets(bundled):
    """The bundled texts keep a name only inside the words the outlets wrote ("the week" can be an ordinary
    phrase); plant the names the seeds' README lists as clues into a cleaned text and all go."""
    doc = next(d for d in bundled.documents if d.article.outlet == "Sputnik")
    planted = ("DAMASCUS (Sputnik) — Assad told Al-Manar and al manar, PressTV and Press TV, REUTERS - and "
               "Haaretz (Reuters) that The Week was wrong.\n")
    text = planted + doc.text
    masking = mask_text(text, outlet_names(bundled.story))
    assert [piece.original for piece in masking.pieces][:8] == [
        "Sputnik", "Al-Manar", "al manar", "PressTV", "Press TV", "REUTERS", "Haaretz (Reuters)", "The Week"]
    for piece in masking.pieces:
        assert text[piece.start:piece.end] == piece.original
        assert masking.text[piece.masked_start:piece.masked_end] == piece.replacement == "[the outlet]"
    assert masking.text.startswith("DAMASCUS ([the outlet]) — Assad told [the outlet] and [the outlet],")
    assert masking.text.endswith(doc.text)  # nothing else changed


def test_a_name_from_the_web_address_is_hidden_in_its_spaced_forms():
    story = story_of(Article(id="a", outlet="Outlet One", url="https://www.presstv.ir/Detail/2015/1", raw=""),
                     Article(id="b", outlet="RT", url="https://english.almanar.com.lb/x", raw=""))
    text = "Press TV said; presstv.ir wrote; Press-TV too. Al Manar and AlManar. The rt of art. www.rt.com"
    masked = mask_text(text, outlet_names(story)).text
    for gone in ("Press TV", "presstv", "Press-TV", "Al Manar", "AlManar", "rt"):
        assert not whole_word(gone, masked), gone
    assert "art" in masked  # whole words only


def test_offsets_of_spans_move_with_the_masking():
    text = "Press TV called them the so-called rebels. The so-called rebels answered Press TV."
    masking = mask_text(text, ["Press TV"])
    story = make_story(("Press TV", text), ("Other", "The rebels said nothing."))
    analysis = analyse(story, make_lexicon(distancing=["so-called"]))
    spans = analysis.spans[analysis.spans["article"] == "a0"]
    moved = masking.spans(spans)
    assert len(spans) == 4 and len(moved) == 2  # the two mentions of the hidden outlet's name are left out
    for row in moved.itertuples():
        assert masking.text[row.start:row.end].lower() == "so-called"


def test_a_hit_on_a_hidden_name_is_left_out():
    masking = mask_text("Sputnik rebels", ["Sputnik"])
    story = make_story(("Sputnik", "Sputnik rebels"), ("Other", "rebels"))
    analysis = analyse(story, make_lexicon(actor=["Sputnik rebels", "rebels"]))
    spans = analysis.spans[analysis.spans["article"] == "a0"]
    assert set(spans["text"]) == {"Sputnik rebels"}
    assert masking.spans(spans).empty


def test_labels_are_stable_for_a_seed_and_reshuffled_by_another(bundled_story):
    first = blind_labels(bundled_story, 7)
    assert first == blind_labels(bundled_story, 7)
    assert sorted(first.values()) == [f"Outlet {letter}" for letter in "ABCDE"]
    assert set(first) == {article.id for article in bundled_story.articles}
    orders = {tuple(blind_labels(bundled_story, seed)) for seed in range(20)}
    assert len(orders) > 1


def test_labels_go_past_z():
    story = story_of(*(Article(id=f"a{i:02}", outlet=f"O{i}", raw="") for i in range(28)))
    assert {"Outlet Z", "Outlet AA", "Outlet AB"} <= set(blind_labels(story, 1).values())


def test_a_replacement_that_would_itself_name_an_outlet_is_not_used():
    masking = mask_text("The Outlet said so, and the outlet agreed.", ["the outlet"])
    assert not whole_word("the outlet", masking.text)
    assert masking.pieces and masking.pieces[0].replacement != "[the outlet]"


def test_nothing_to_hide_leaves_the_text_alone():
    assert name_pattern(["", " - "]) is None
    assert mask_text("text", []).text == "text"


LETTER = "A-Za-zÀ-ÖØ-öø-ÿ0-9"  # letters and digits; a name with none of them has nothing to hide
NAME = st.from_regex(rf"[{LETTER}]([{LETTER} \-]{{0,10}}[{LETTER}])?", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(names=st.lists(NAME, min_size=1, max_size=4), pieces=st.lists(st.one_of(st.text(max_size=12), NAME),
                                                                     max_size=12))
def test_no_name_survives_and_the_rest_is_unchanged(names, pieces):
    text = " ".join(pieces)
    masking = mask_text(text, names)
    for name in names:
        assert not whole_word(name, masking.text), name
    position, masked_position = 0, 0
    for piece in masking.pieces:  # between the hidden pieces, the text is exactly as it was
        assert text[position:piece.start] == masking.text[masked_position:piece.masked_start]
        assert text[piece.start:piece.end] == piece.original
        assert masking.text[piece.masked_start:piece.masked_end] == piece.replacement
        position, masked_position = piece.end, piece.masked_end
    assert text[position:] == masking.text[masked_position:]


@pytest.mark.parametrize("outlet, url, expected", [
    ("Haaretz (Reuters)", "", {"Haaretz (Reuters)", "Haaretz", "Reuters"}),
    ("Al-Manar", "", {"Al-Manar", "Manar"}),
    ("Press TV", "https://www.presstv.ir/Detail/1", {"Press TV", "presstv.ir", "presstv"}),
    ("The Week", "theweek.co.uk/news", {"The Week", "theweek.co.uk", "theweek"}),
])
def test_the_names_an_outlet_goes_by(outlet, url, expected):
    assert set(outlet_names(story_of(Article(id="a", outlet=outlet, url=url, raw="")))) == expected


def test_a_first_line_that_repeats_the_headline_is_hidden_with_its_offsets(bundled):
    hidden = 0
    for doc in bundled.documents:
        masking = masked_text(doc, bundled.story)
        headline = " ".join(doc.article.headline.split()).casefold()
        first = " ".join(doc.text.split("\n", 1)[0].split()).casefold()
        if headline and first == headline:
            hidden += 1
            piece = masking.pieces[0]
            assert (piece.start, piece.replacement) == (0, HEADLINE_REPLACEMENT)
            assert doc.text[piece.start:piece.end] == piece.original and piece.original.strip() == piece.original
            assert masking.text.startswith(HEADLINE_REPLACEMENT + "\n")
            assert masking.text[piece.masked_end:].startswith(doc.text[piece.end:piece.end + 20])
        else:
            assert HEADLINE_REPLACEMENT not in masking.text
        spans = bundled.spans[bundled.spans["article"] == doc.article.id]
        for row in masking.spans(spans).itertuples():  # hits keep pointing at their words
            assert masking.text[row.start:row.end] == row.text
    assert hidden >= 1


def test_a_headline_line_is_hidden_whatever_its_spacing_and_case_and_names_inside_it_go_with_it():
    text = "  SPUTNIK says:  Rebels   FLED \nThe rebels fled, Sputnik said.\nRebels fled"
    story = story_of(Article(id="a", outlet="Sputnik", headline="Sputnik says: rebels fled", raw=text),
                     Article(id="b", outlet="Other", raw="x"))
    doc = analyse(story, make_lexicon(actor=["rebels"])).documents[0]
    masking = masked_text(doc, story)
    assert [piece.replacement for piece in masking.pieces] == [HEADLINE_REPLACEMENT, "[the outlet]"]
    assert masking.pieces[0].original == doc.text.split("\n")[0].strip()
    assert masking.text.split("\n")[1:] == ["The rebels fled, [the outlet] said.", "Rebels fled"]
    other = story_of(Article(id="a", outlet="Sputnik", headline="Rebels fled", raw="Rebels fled today\nMore."),
                     Article(id="b", outlet="Other", raw="x"))
    assert masked_text(analyse(other, make_lexicon(actor=["rebels"])).documents[0], other).pieces == ()


REVEAL_LEXICON = make_lexicon(label=[{"term": "rebels", "referent": "Opposition"},
                                     {"term": "terrorists", "referent": "Opposition"}],
                              distancing=["so-called"], emotive=["brutal"])


def test_names_apart_keys_labels_as_the_naming_table_does():
    story = make_story(("Alpha", "The “rebels” fled. Brutal rebels."), ("Beta", 'The "rebels" fled.'),
                       ("Gamma", "The terrorists fled. The rebels left."))
    analysis = analyse(story, REVEAL_LEXICON)
    assert names_apart(analysis, "Alpha").empty  # “rebels” and "rebels" are one name; rebels Gamma says too
    gamma = names_apart(analysis, "Gamma")
    assert gamma[["referent", "label", "count", "voice"]].values.tolist() == [
        ["Opposition", "terrorists", 1, "narrator"]]


def test_category_hits_count_the_articles_rows_and_take_the_score_tables_rate():
    story = make_story(("Alpha", "Brutal, brutal rebels. The so-called army."), ("Alpha", "A brutal day."),
                       ("Beta", "Quiet."))
    analysis = analyse(story, REVEAL_LEXICON)
    hits = {h.category: h for h in category_hits(analysis, "a0")}
    assert set(hits) == {"emotive", "label", "distancing"}
    words = analysis.documents[0].words("all")
    assert (hits["emotive"].count, hits["emotive"].words) == (2, words)  # the other Alpha article not counted
    assert hits["emotive"].per_1000 == round(1000 * 2 / words, 2)
    assert set(hits["emotive"].spans["article"]) == {"a0"} and len(hits["emotive"].spans) == 2
    assert category_hits(analysis, "a2") == []


def test_distinctive_words_are_the_outlets_own_one_row_a_term(bundled):
    words = distinctive_words(bundled, "Press TV")
    assert not words.empty and words["term"].is_unique
    table = bundled.distinctive(top=8)
    assert set(words["term"]) <= set(table.loc[table["outlet"] == "Press TV", "term"])
