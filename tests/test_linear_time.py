"""A paragraph's analysis takes time in proportion to its length, whatever it holds: time per
character at 1 MB stays within a small factor of that at 10 kB (a quadratic pass would be about a
hundred times slower per character). Measured in the test as a ratio of two timings in one run."""

import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing.actors import discover_actors
from framing.matcher import Matcher
from framing.spans import find_hits
from framing.stories import Article
from framing.tagging import tagged_words

SMALL, LARGE = 10_000, 1_000_000
FACTOR = 4  # shared cores and caches make the ratio wander; quadratic growth would be ~100
# No full stop: one sentence as long as the paragraph, where a pass per match over its sentence shows.
PIECES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", " ", "a", "said", "The", "regime", "so-called", ",",
          "rebels", "attack", "strike", "claimed", "(", ")", "-", "\u2014"]


def paragraph(pattern: list[str], size: int) -> str:
    """One line of `size` characters: the pattern repeated, with no line break to end the paragraph."""
    unit = "".join(pattern) or " "
    return (unit * (size // len(unit) + 1))[:size]


def seconds_per_char(text: str, lexicon, matcher, *, tries: int) -> float:
    best = float("inf")
    for _ in range(tries):
        tagged_words.cache_clear()  # else the small text's later tries find its tags cached and the large one's not
        started = time.perf_counter()
        find_hits([Article(id="a", outlet="o", raw=text)], lexicon, matcher)
        best = min(best, time.perf_counter() - started)
    return best / len(text)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=8, max_size=200))
# found once: cleaning counted the line breaks before each caption mark ("(") from the text's start
@example(pattern=["-", "(", "\u201c", "\u201c", "The", "claimed", "said", "\u2019", "a", " ", "\u2019", "a"])
def test_a_paragraph_is_analysed_in_time_linear_in_its_length(default_lexicon, pattern):
    matcher = Matcher(default_lexicon)
    small = seconds_per_char(paragraph(pattern, SMALL), default_lexicon, matcher, tries=5)
    large = seconds_per_char(paragraph(pattern, LARGE), default_lexicon, matcher, tries=1)
    assert large < FACTOR * small, f"{large / small:.1f} times slower per character at 1 MB than at 10 kB"


# Phrases, so that titles, appositions and possessives form whatever the order.
NAME_PIECES = ["Secretary of State Ann Hale ", "Mr. Hale ", "said ", "Russia's ambassador ", ", ", ". ",
               "a spokeswoman for the Foreign Ministry, ", "then the White House chief of staff, ", "Sen. Tom Roe, ",
               "D-N.Y., ", "NO WAY ", "the president ", "Pentagon spokeswoman Jo Ray "]


def actor_seconds_per_char(text: str, *, tries: int) -> float:
    best = float("inf")
    for _ in range(tries):
        tagged_words.cache_clear()
        started = time.perf_counter()
        discover_actors({"a": text}, {"a": "United States"})
        best = min(best, time.perf_counter() - started)
    return best / len(text)


@settings(max_examples=1, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), min_size=8, max_size=120))
# found once: each description was weighed against every title mention, not every holder
@example(pattern=["NO WAY ", "Mr. Hale ", "Secretary of State Ann Hale ", "NO WAY ", "Pentagon spokeswoman Jo Ray ",
                  "Pentagon spokeswoman Jo Ray ", ". ", "said ", ". ", "Secretary of State Ann Hale ", "said ",
                  "Secretary of State Ann Hale ", "D-N.Y., "])
def test_finding_actors_in_a_paragraph_of_names_is_linear_in_its_length(pattern):
    small = actor_seconds_per_char(paragraph(pattern, SMALL), tries=5)
    large = actor_seconds_per_char(paragraph(pattern, 30 * SMALL), tries=1)
    assert large < FACTOR * small, f"{large / small:.1f} times slower per character at 300 kB than at 10 kB"
