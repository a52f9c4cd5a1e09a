"""A term means one part of speech where it asks to; a negated hit is left out where its category asks."""

import re
from dataclasses import replace
from unittest.mock import patch

from conftest import make_lexicon, make_story
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import analyse, senses
from framing.matcher import Matcher
from framing.senses import is_negated, keep_meant, meant_mask

VERBS = make_lexicon(loaded=[{"term": "complain", "pos": "verb", "forms": ["complains", "complained", "complaining"]},
                             {"term": "defend", "pos": "verb", "forms": ["defends", "defended", "defending"]},
                             {"term": "attack", "pos": "verb", "forms": ["attacks", "attacked"]}])


def meant(text, lexicon=VERBS, negated=frozenset()):
    return [text[start:end] for start, end, _ in keep_meant(text, Matcher(lexicon).find(text),
                                                            negated_categories=negated)]


def test_a_verb_term_matches_its_forms_as_verbs_and_not_nouns_that_share_the_stem():
    text = "The defendants filed a complaint. He complained, and she defended the plan. They complain."
    assert meant(text) == ["complained", "defended", "complain"]
    assert meant("The attack failed. The attacks went on. They attacked again.") == ["attacked"]


def test_a_noun_term_is_not_a_name_that_shares_its_spelling():
    lexicon = make_lexicon(fear=[{"term": "hope", "pos": "noun"}])
    assert meant("There is little hope left. Hope Hicks said so.", lexicon) == ["hope"]


def test_a_title_case_headline_is_tagged_as_words_not_names():
    assert meant("Senator Complains About Budget Cuts Again") == ["Complains"]
    assert meant("The Attacks On The City Went On") == []


def test_a_hit_after_a_negation_is_left_out_only_where_the_category_asks():
    lexicon = make_lexicon(evaluative=["disaster", "chaos"], other=["plan"])
    text = "It was not a disaster. The plan was chaos. There is no plan."
    assert meant(text, lexicon, frozenset({"evaluative"})) == ["plan", "chaos", "plan"]
    assert meant(text, lexicon) == ["disaster", "plan", "chaos", "plan"]


def test_negation_stops_at_the_clause():
    text = "It wasn't a disaster, it was chaos."
    assert is_negated(text, text.index("disaster")) and not is_negated(text, text.index("chaos"))


def test_the_story_engine_applies_parts_of_speech_and_negation():
    lexicon = make_lexicon(loaded=[{"term": "complain", "pos": "verb", "forms": ["complained"]}],
                           evaluative=["disaster"])
    data = {c.id: c for c in lexicon.categories}
    lexicon = replace(lexicon, categories=(data["loaded"], replace(data["evaluative"], skip_negated=True)))
    story = make_story(("A", "The complaint was filed. He complained. It was never a disaster. A disaster."))
    assert analyse(story, lexicon).spans["text"].tolist() == ["complained", "disaster"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab complain defended not .,\n'’\"")), max_size=80))
def test_the_filter_only_ever_removes_matches(text):
    found = Matcher(VERBS).find(text)
    kept = keep_meant(text, found, negated_categories=frozenset({"loaded"}))
    assert set(kept) <= set(found)


_CHUNK_TEXT = st.one_of(st.sampled_from(["He complained. The complaint was filed.", "Senator Complains About Cuts",
                                         "They Defended The Plan\nIt was not defended.", ""]),
                        st.text(alphabet=st.sampled_from(list("ab Complain defended not .,\n'’\"")), max_size=60))


@settings(max_examples=40, deadline=None)
@given(st.lists(_CHUNK_TEXT, max_size=6))
def test_a_chunk_keeps_what_each_of_its_texts_keeps_alone(texts):
    lexicon = replace(VERBS, categories=tuple(replace(c, skip_negated=True) for c in VERBS.categories))
    matcher = Matcher(lexicon)
    found = matcher.find_arrays(texts)
    keep = meant_mask(texts, found.starts, found.ends, matcher.term_orders[found.orders], found.bounds, lexicon)
    for number, text in enumerate(texts):
        at = slice(found.bounds[number], found.bounds[number + 1])
        kept = keep_meant(text, matcher.find(text), negated_categories=frozenset({"loaded"}))
        assert list(zip(found.starts[at][keep[at]].tolist(), found.ends[at][keep[at]].tolist(), strict=True)) \
            == [match[:2] for match in kept]



@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_CHUNK_TEXT, st.lists(st.sampled_from(
    ["He", "complained", "Complains", "defended", "attacks", " ", ". ", "\n", ": )", "x D", "( ! )", "!", "(", ")",
     "\u201c", "\u201d", "'", "The Plan", "NOT"]), max_size=16).map("".join)), max_size=6))
def test_sentences_read_up_to_their_last_match_keep_what_whole_sentences_keep(texts):
    matcher = Matcher(VERBS)
    found = matcher.find_arrays(texts)
    args = (texts, found.starts, found.ends, matcher.term_orders[found.orders], found.bounds, VERBS)
    with patch.object(senses, "read_up_to", lambda sentences, reach: sentences):  # the long way: all of each
        whole = meant_mask(*args)
    assert meant_mask(*args).tolist() == whole.tolist()


# Words of every case, letters of other scripts and beyond the basic plane, apostrophes, digits.
_WORDY = st.lists(st.one_of(st.sampled_from(["The", "CUTS", "plan", "\u2019s", "'", "9", "\u00c9t\u00e9", "\u0131",
                                             "\U0001d400x", "\U0001f600", "Not", "n't", "Won\u2019t", "NEVER",
                                             " ", ". ", ", ", "\n", "-"]), st.text(max_size=3)),
                  max_size=20).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDY, max_size=6))
def test_headlines_and_negators_are_found_for_many_texts_as_for_each(texts):
    def mostly_capitalised(text):  # the rule, word by word
        letters = [c for c in re.findall(r"(?<![\w'\u2019])[\w'\u2019]", text) if c.isalpha()]
        return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)

    assert senses._mostly_capitalised(texts) == [mostly_capitalised(text) for text in texts]
    assert senses._maybe_negated(texts) == [n for n, text in enumerate(texts) if senses._MAYBE_NEGATED.search(text)]


def test_negators_with_the_dotted_and_dotless_i_are_found_as_the_case_blind_search_finds_them():
    # The two characters beyond ASCII that a case-blind search equates with an ASCII letter of a
    # negator: the windows are searched lowered, which would miss both.
    for texts in (["there was noth\u0131ng left", "plain text", "Not now"], ["plain text", "W\u0130THOUT a word"]):
        assert senses._maybe_negated(texts) == [n for n, text in enumerate(texts) if senses._MAYBE_NEGATED.search(text)]
        assert senses._maybe_negated(texts[-1:]) == [0]
