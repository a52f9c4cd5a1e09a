"""Parts of speech with offsets (framing/tagging.py)."""

import itertools
import subprocess
import sys
from pathlib import Path
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st
from textblob.en import tag

from framing import tagging
from framing.tagging import is_noun, is_verb, tagged_lines, tagged_texts, tagged_tokens, tagged_words


def test_nouns_and_verbs_of_one_stem_are_told_apart():
    text = "The lawsuit says the defendants complained about the complaint."
    tags = {w.word: w.tag for w in tagged_words(text)}
    assert is_verb(tags["complained"]) and is_noun(tags["complaint"]) and is_noun(tags["defendants"])


def test_offsets_point_at_the_word_with_curly_apostrophes():
    text = "It’s what he said: “a hoax.”"
    words = tagged_words(text)
    assert [text[w.start:w.end] for w in words] == [w.word for w in words]
    assert "said" in [w.word for w in words if is_verb(w.tag)]


@given(st.text(max_size=200))
def test_every_token_is_at_its_offsets_in_order(text):
    words = tagged_words(text)
    assert all(text[w.start:w.end] == w.word for w in words)
    assert all(a.end <= b.start for a, b in itertools.pairwise(words))


# Words, slashes (the tagger's own separator), its escape, quotes, stops, emoticons and line breaks.
_TAGGER_TEXT = st.lists(st.sampled_from([
    "The", "army", "complained", "said", "it's", "can't", "U.S.", "etc.", "and/or", "a&slash;b", "/", "&slash;",
    ":)", "(!)", "\u201c", "\u201d", "'", '"', ".", "...", "?", "!", ",", " ", " ", "\n", "\n\n", "3.5%",
]), max_size=40).map("".join)

# News as written: names and capitals, a first word the lexicon knows only in lower case, unknown
# words of each suffix rule, numbers, contractions, abbreviations (listed, single letters, capitals
# with consonants), hyphens and dashes, every kind of quote, stops that end a sentence or do not,
# emoticons spread over tokens, paragraph breaks of each line end, odd spaces, and a word longer
# than the tagger keeps split.
_NEWS_WORDS = st.sampled_from([
    "The", "Trump", "Hope", "SAID", "Complained", "Said", "Attacked", "Officials", "officials", "rebels'",
    "regime's", "Assad", "WASHINGTON",
    "complained", "claimed", "running", "quickly", "grievous", "hopeless", "Cyberattacks", "dronelike", "zorbify",
    "McConnell", "O'Brien", "1991", "3.5%", "$1,200", "10:30", "1,000.", "2018-04-17", "No.", "Mr.", "Mrs.",
    "Dr.", "St.", "Sen.", "Jan.", "a.m.", "e.g.", "vs.", "A.", "T.", "U.N.", "w/", "won't", "they'll", "I'm",
    "we've", "she'd", "n't", "so-called", "well-known", "-", "--", "\u2014", "\u2013", "and/or", "&slash;",
    "\u201c", "\u201d", "\u2018", "\u2019", "'", '"', "``", "''", "(", ")", "[", "]", ".", "..", "...",
    "....", "?", "!", "?!", ",", ";", ":", ": )", ":-(", "x D", "8)", "( ! )", "<3", "o.O", ";)", "END-OF-SENTENCE",
    "a" * 45 + "...", "#tag", "@user", "http://example.org/a", "name@example.org",
])
_NEWS_GAPS = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\t", "\u00a0", "\u2003",
                              ". ", ". '", '. "', ".\u201d ", ".' ", '." ', ".) ", "! ", "?' ", "... "])
_NEWS_TEXT = st.lists(st.tuples(_NEWS_WORDS, _NEWS_GAPS), max_size=40).map(
    lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(deadline=None)  # textblob's own parser reads its word lists on its first call
@given(st.one_of(_TAGGER_TEXT, st.text(max_size=120)))
@example("The&slash;The")  # found in CI: an unknown word is tagged as the tagger reads it, "&slash;" and all
def test_tokens_and_tags_are_textblobs_own(text):
    assert tagged_tokens(text) == tag(text)


@settings(deadline=None, max_examples=500)
@given(_NEWS_TEXT)
def test_tokens_and_tags_of_news_text_are_textblobs_own(text):
    assert tagged_tokens(text) == tag(text)


def tagged_alone(text):
    """tagged_text's columns by its rule: TextBlob's tokens and tags of the text with straight
    quotes, each token where a search from the end of the one before finds it (else left out)."""
    plain = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    starts, ends, tags, at = [], [], [], 0
    for word, part in tag(plain):
        start = plain.find(word, at)
        if start >= 0:
            at = start + len(word)
            starts.append(start)
            ends.append(at)
            tags.append(part)
    return starts, ends, tags


# Texts tagged together, among them some that hold the characters that could set them apart.
_SEPARATED_TEXT = st.one_of(_NEWS_TEXT, _TAGGER_TEXT, st.text(max_size=30),
                            st.sampled_from(["\x00", "a\x00b. C", "\x01 \ue000", "", " ", "END-OF-SENTENCE"]))


@settings(deadline=None, max_examples=150)
@given(st.lists(_SEPARATED_TEXT, max_size=8))
def test_texts_tagged_at_once_are_each_tagged_as_alone(texts):
    for placed_from in (tagging._PLACED_FROM, 0):  # tokens searched for one by one, then placed by numpy
        with patch.object(tagging, "_PLACED_FROM", placed_from):
            found = tagged_texts(texts)
        assert len(found.bounds) == len(texts) + 1
        for text, begin, end in zip(texts, found.bounds[:-1], found.bounds[1:], strict=True):
            assert (found.starts[begin:end], found.ends[begin:end], found.tags[begin:end]) == tagged_alone(text)


@settings(deadline=None, max_examples=150)
@given(_NEWS_TEXT)
def test_lines_are_tagged_each_as_alone_at_their_offsets_in_the_whole(text):
    words = tagged_lines(text)
    assert all(text[w.start:w.end] == w.word for w in words)
    begin, expected = 0, []
    for line in text.split("\n"):
        expected.extend((begin + w.start, w.tag) for w in tagged_words(line))
        begin += len(line) + 1
    assert [(w.start, w.tag) for w in words] == expected


def test_a_line_without_a_stop_ends_the_sentence_that_the_next_line_would_go_on():
    text = "Verdict in\nComplained"
    assert tagged_words(text)[-1].tag == "NNP" and tagged_lines(text)[-1].tag == "VBD"


def test_a_word_first_in_its_sentence_is_also_looked_up_lowercased():
    tags = dict(enumerate(part for _, part in tagged_tokens("Complained. He Complained")))
    assert tags[0] == "VBD" and tags[3] == "NNP"  # a capital elsewhere is an unknown word: a name


def test_a_straight_quote_after_a_stop_opens_the_next_sentence():
    words = tagged_tokens("He left. 'Complained")  # the quote, not the word, is first in its sentence
    assert words[-1] == ("Complained", "NNP") and tagged_tokens("He left. Complained")[-1] == ("Complained", "VBD")


def test_tags_stay_textblobs_when_the_caches_start_over(monkeypatch):
    monkeypatch.setattr(tagging, "_CACHE_SIZE", 3)
    text = " ".join(f"Zorb{n} said the qwerty{n}s (etc.) were zorbified." for n in range(20))
    assert tagged_tokens(text) == tag(text)
    assert len(tagging._PIECES) <= 3 and len(tagging._KNOWN) <= len(tagging._lexicon()) + 3


_TAGGER_THEN_TEXTBLOB = """
import sys
import framing.tagging
print(" ".join(name for name in ("nltk", "scipy", "sklearn", "textblob") if name in sys.modules))
import textblob, textblob.en
print(textblob.TextBlob.__name__, textblob.en.tag("It fell.") == framing.tagging.tagged_tokens("It fell."))
"""


def test_the_tagger_loads_without_nltk_and_leaves_textblob_whole():
    result = subprocess.run([sys.executable, "-c", _TAGGER_THEN_TEXTBLOB], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[1], check=True)
    loaded, after = result.stdout.splitlines()
    assert loaded == ""  # NLTK, SciPy and scikit-learn come only with textblob's own package
    assert after == "TextBlob True"


def test_the_lexicon_is_textblobs_own_as_its_loader_reads_it():
    ours = tagging._lexicon()
    assert list(ours.items()) == list(dict(tagging._en.parser.lexicon.items()).items())  # same words, tags and order


# Emoticons and "( ! )" as the tagger joins them, spaced out and in the middle of words; "&slash;".
_JOINED_MARKS = st.sampled_from([": )", ":-(", "x D", "X - D", "8 - D", "o . O", "o.O", "8 )", "( ! )", "<3", ";)",
                                 "\u2665", ":'(", ": \u2019 (", "MAX D", "2018 )", "&slash;", "/"])


@settings(deadline=None, max_examples=300)
@given(st.lists(st.one_of(_NEWS_TEXT, _TAGGER_TEXT, st.text(max_size=30),
                          st.lists(st.one_of(_NEWS_WORDS, _NEWS_GAPS, _JOINED_MARKS), max_size=20).map("".join)),
                max_size=6),
       st.lists(st.integers(min_value=0, max_value=200), min_size=6, max_size=6))
@example(["He said x D and went on", "We met in 2018 ) then"], [8, 10])  # an emoticon across the cut
@example(["Then : ) came the attack", "a b"], [16, 0])  # one before it, whose token is in no text
def test_a_text_read_up_to_a_place_is_tagged_as_the_whole_text_up_to_there(texts, reach):
    reach = [min(at, len(text)) for at, text in zip(reach, texts, strict=False)]
    read = tagging.read_up_to(texts, reach)
    for text, at, cut in zip(texts, reach, read, strict=True):
        assert text.startswith(cut) and (cut == text or text[len(cut)].isspace()) and len(cut) >= at
        whole = tagged_texts([text])
        before = [place for place, start in enumerate(whole.starts) if start < len(cut)]
        assert tagged_texts([cut])[:3] == tuple([column[place] for place in before] for column in whole[:3])


def test_a_text_is_read_up_to_the_end_of_the_word_at_its_place_unless_marks_may_join_across_spaces():
    texts = ["The army attacked the town at dawn.", "He smiled x D and left.", "Rebels (so-called) fled.", "Tiny"]
    assert tagging.read_up_to(texts, [10, 3, 0, 2]) == ["The army attacked", *texts[1:]]
