from conftest import make_lexicon, make_story

from framing import analyse
from framing.quotes import find_quotations, quote_regions
from framing.text import sentence_bounds


def quotes(text):
    found = find_quotations(text, sentence_bounds(text))
    return [(text[q.start:q.end], q.mark, q.scare, q.nested) for q in found]


def test_curly_and_straight_double_quotes():
    assert quotes('He said, “No deal.” She said "Yes."') == [
        ("“No deal.”", "double", False, False), ('"Yes."', "double", False, False)]


def test_apostrophes_are_not_quotes():
    assert quotes("Syria’s army didn’t move; the Assads' rule held. It's the 'moderate' camp.") == [
        ("'moderate'", "single", True, False)]


def test_a_quote_spans_sentences_and_holds_nested_single_quotes():
    text = "“There is no ‘moderate’ force. There is no dialogue,” he said."
    found = quotes(text)
    assert ("“There is no ‘moderate’ force. There is no dialogue,”", "double", False, False) in found
    assert ("‘moderate’", "single", False, True) in found


def test_an_unclosed_quote_runs_to_the_end_of_its_paragraph_only():
    text = "He said: “We will not stop\nThe next paragraph is the writer's."
    regions = quote_regions(find_quotations(text, sentence_bounds(text)))
    assert [text[s:e] for s, e in regions] == ["“We will not stop"]


def test_scare_quotes_after_so_called_or_without_a_speaker():
    assert quotes("Aid went to the so-called “moderate rebels” last year, officials said.")[0][2] is True
    assert quotes("Jets struck ‘ISIL targets’ inside Syria.")[0][2] is True
    assert quotes("Assad dismissed as “pipe dream” the plan.")[0][2] is False


def test_a_short_quote_repeating_a_longer_one_is_a_partial_quotation():
    text = 'The US shows "willful blindness"\n"This is willful blindness of the US," Assad said.'
    assert quotes(text)[0][2] is False


def test_voice_and_scare_flag_reach_the_span_table():
    story = make_story(("Outlet", "Jets hit ‘terrorist targets’. “The terrorists are everywhere,” the minister said."))
    lexicon = make_lexicon(distancing=["alleged"], label=["terrorist*"])
    spans = analyse(story, lexicon).spans
    rows = spans[["text", "category", "voice", "scare_quote"]].values.tolist()
    assert rows == [
        ["‘terrorist targets’", "distancing", "narrator", True],
        ["terrorist", "label", "narrator", True],
        ["terrorists", "label", "quote", False],
    ]
