"""Parts of speech with offsets (framing/tagging.py)."""

import itertools
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from textblob.en import tag

from framing.tagging import is_noun, is_verb, tagged_tokens, tagged_words


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


@settings(deadline=None)  # textblob's own parser reads its word lists on its first call
@given(st.one_of(_TAGGER_TEXT, st.text(max_size=120)))
def test_tokens_and_tags_are_textblobs_own(text):
    assert tagged_tokens(text) == tag(text)


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
