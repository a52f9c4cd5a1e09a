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


def test_a_single_mark_between_letters_is_an_apostrophe_even_inside_a_plain_double_quotation():
    # Inside a double quotation a single mark is read as one only when it is not between two
    # letters or digits: "didn’t" and "was‘fake" hold none, "was‘ fake’" (glued to one word only) one.
    assert quotes("“It didn’t work, it was‘fake’ again and again,” she said.") == [
        ("“It didn’t work, it was‘fake’ again and again,”", "double", False, False)]
    assert quotes("“It didn’t work, it was‘ fake’ again and again,” she said.") == [
        ("“It didn’t work, it was‘ fake’ again and again,”", "double", False, False),
        ("‘ fake’", "single", False, True)]
    assert quotes("“It didn’t work at all, not once,” she said.") == [
        ("“It didn’t work at all, not once,”", "double", False, False)]


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


def test_a_short_quote_is_scare_unless_a_longer_quotation_repeats_its_words():
    text = 'Aid reached "rebels" in May.\nAid reached "the rebels" in June.\nAid reached "moderate" groups.'
    assert [(quoted, scare) for quoted, _, scare, _ in quotes(text)] == [
        ('"rebels"', False), ('"the rebels"', True), ('"moderate"', True)]


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


def test_a_phrase_quoted_from_a_document_or_a_source_is_a_quotation_not_a_scare_quote():
    for text in ('The lawsuit alleges a "brazen attack" on democracy.',
                 'He tweeted that it was a "witch hunt" again.',
                 'According to the complaint, it was a "criminal conspiracy" all along.',
                 'The complaint said it was "a brazen attack".',
                 'In a statement, the party called it "an outrage".',
                 'The senator fired back hours later, calling the ruling "good news."',
                 'The filing refers to the campaign as a "criminal enterprise" of sorts.',
                 'Critics have dubbed the plan a "pipe dream" from the start.',
                 'The memo described the meeting as "cordial" and short.',
                 'The president repeated that the treaty was a "bad deal."',
                 'Officials refer to it as "the package" in private.',
                 'She touted the alliance as "stronger than ever" on Tuesday.'):
        assert [scare for _, _, scare, _ in quotes(text)] == [False], text
    assert [scare for _, _, scare, _ in quotes('The "moderate" rebels fled.')] == [True]  # no source: the writer's


def test_a_stretch_between_mis_paired_marks_is_neither_a_quotation_nor_a_scare_quote():
    text = '"We will win, he said. "They cannot stop us," he tweeted. "Nobody can."'  # one closing mark lost
    found = [quoted for quoted, _, _, _ in quotes(text)]
    assert '" he tweeted. "' not in found and '"We will win, he said. "' in found
    assert quotes('She said." he tweeted. "') == []


def test_without_sentences_a_short_quote_is_judged_by_its_own_sentence_found_from_its_line():
    # The first line's sentence attributes its quote; the second's quote, in a sentence of its own
    # line that nobody speaks, is scare. Each line ends its sentences, whatever the other holds.
    text = "Officials said. The minister tweeted that it was “a success” again.\nThe “victory” was a ruin."
    found = find_quotations(text)
    assert [(text[q.start:q.end], q.scare) for q in found] == [("“a success”", False), ("“victory”", True)]
    assert found == find_quotations(text, sentence_bounds(text))
