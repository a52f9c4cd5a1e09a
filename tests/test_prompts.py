"""Discussion prompts (framing/classroom/prompts.py) on tiny hand-made stories with known contrasts, and on the
bundled story: right counts, evidence rows that point at the words, open questions."""

import html
import re

import pytest
from conftest import make_lexicon, make_story
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from framing import analyse
from framing.classroom.prompts import (
    discussion_prompts,
    distancing_prompts,
    house_style,
    naming_prompts,
    prompts_markdown,
    rate_prompts,
    spelling_variants,
)
from framing.naming import label_key
from framing.render.markup import file_markdown_text

NAMES = make_lexicon(
    label=[{"term": "regime", "referent": "Syrian state"}],
    name=[{"term": "government", "referent": "Syrian state"}, "Damascus"],
    distancing=["so-called"],
    emotive=["brutal", "savage"],
)


def prompts_for(*articles, lexicon=NAMES, top=20):
    analysis = analyse(make_story(*articles), lexicon)
    return analysis, discussion_prompts(analysis, top=top)


def texts_of(analysis, evidence) -> list[str]:
    documents = {doc.article.id: doc.text for doc in analysis.documents}
    return [documents[row.article][row.start:row.end] for row in evidence.itertuples()]


def test_a_naming_contrast_has_the_right_counts_and_points_at_the_words():
    analysis, prompts = prompts_for(
        ("Alpha", "The regime fell. The regime fled to the coast."),
        ("Beta", "The government spoke. Officials met."),
        ("Gamma", "The government and the regime met."),
    )
    naming = [p for p in prompts if p.kind == "naming"]
    assert len(naming) == 1
    prompt = naming[0]
    assert "Alpha says “regime” (Alpha ×2) and never “government”" in prompt.summary
    assert "Beta says “government” (Beta ×1)" in prompt.summary
    assert "Gamma says both (" in prompt.summary and "“regime” ×1" in prompt.summary.split("both")[1]
    assert prompt.size == 3  # Alpha's two against Beta's one; Gamma uses both
    figures = prompt.figures.set_index("outlet")
    assert figures.loc["Alpha", "“regime”"] == 2 and figures.loc["Beta", "“government”"] == 1
    assert sorted(texts_of(analysis, prompt.evidence)) == ["government", "government", "regime", "regime", "regime"]
    assert prompt.question.startswith("Why might") and prompt.question.endswith("?")


@pytest.mark.parametrize("a, b, variants", [
    ("U.S.-led", "US-led coalition", True),
    ("Nusra Front", "al-Nusra Front", True),
    ("Islamic State", "Al Islamic State", True),
    ("“moderate” opposition", "opposition", False),  # a word before the name is the framing
    ("regime", "Assad regime", False),
    ("regime", "government", False),
    ("Alawite", "Aleppo", False),  # "al" only as a word of its own
])
def test_spelling_variants(a, b, variants):
    assert spelling_variants(label_key(a), label_key(b)) is variants
    assert spelling_variants(label_key(b), label_key(a)) is variants


@pytest.mark.parametrize("a, b, style", [
    ("Mr. Trump", "Trump", True), ("Ms Ardern", "Ardern", True), ("Mr. Trump", "President Trump", False),
    ("Mr. Kim", "Mr. Trump", False), ("Trump", "Trump", False),
])
def test_a_courtesy_title_alone_is_house_style(a, b, style):
    assert house_style(label_key(a), label_key(b)) is style


def test_a_courtesy_title_alone_makes_no_naming_prompt():
    lexicon = make_lexicon(label=[{"term": "Mr. Trump", "referent": "Trump"}, {"term": "Trump", "referent": "Trump"}])
    _, prompts = prompts_for(("Alpha", "Mr. Trump left."), ("Beta", "Trump left."), lexicon=lexicon)
    assert not [p for p in prompts if p.kind == "naming"]


def test_two_spellings_of_one_name_make_no_naming_prompt():
    lexicon = make_lexicon(label=[{"term": "al-Nusra Front", "referent": "Nusra"},
                                  {"term": "Nusra Front", "referent": "Nusra"},
                                  {"term": "terrorists", "referent": "Nusra"}])
    analysis, _ = prompts_for(("Alpha", "The Nusra Front fled."), ("Beta", "The al-Nusra Front fled."),
                              lexicon=lexicon)
    assert not naming_prompts(analysis)
    analysis, _ = prompts_for(("Alpha", "The Nusra Front fled."), ("Beta", "The terrorists fled."), lexicon=lexicon)
    assert len(naming_prompts(analysis)) == 1


def test_a_one_outlet_story_has_no_prompts():
    _, prompts = prompts_for(("Alone", "The regime fell. The so-called rebels left."))
    assert prompts == []


def test_names_that_do_not_divide_the_outlets_make_no_naming_prompt():
    _, prompts = prompts_for(("Alpha", "The regime fell."), ("Beta", "The regime fled."))
    assert not [p for p in prompts if p.kind == "naming"]


def test_distancing_where_outlets_differ_lists_the_words_and_counts():
    analysis, prompts = prompts_for(
        ("Alpha", "The so-called rebels held the 'liberated' town."),
        ("Beta", "The rebels held the town."),
    )
    prompt = next(p for p in prompts if p.kind == "distancing")
    assert "Alpha 2 (“so-called”, 'liberated')" in prompt.summary and "Beta 0" in prompt.summary
    assert sorted(texts_of(analysis, prompt.evidence)) == ["'liberated'", "so-called"]
    assert prompt.figures.set_index("outlet")["count"].to_dict() == {"Alpha": 2, "Beta": 0}


def test_distancing_counts_and_rates_are_the_score_tables_and_trace_to_the_evidence():
    analysis, _ = prompts_for(
        ("Alpha", "The 'so-called rebels' left the town. The so-called rebels came back."),
        ("Beta", "The rebels held the town quietly today."),
    )
    prompt = distancing_prompts(analysis)[0]
    figures = prompt.figures.set_index("outlet")
    scores = analysis.scores
    scores = scores[(scores["category"] == "distancing") & (scores["voice"] == "narrator")].set_index("outlet")
    assert figures.loc["Alpha", "count"] == 3  # the scare quotes and the "so-called" inside them both count
    for outlet in ("Alpha", "Beta"):
        count = figures.loc[outlet, "count"]
        assert count == scores.loc[outlet, "count"] == (prompt.evidence["outlet"] == outlet).sum()
        assert figures.loc[outlet, "per_1000"] == round(1000 * count / figures.loc[outlet, "words"], 2)
        assert f"{outlet} {count}" in prompt.summary


def test_a_rate_contrast_needs_counts_that_are_not_tiny():
    long_words = " The town was quiet." * 5
    analysis, _ = prompts_for(("Alpha", "Brutal and savage, brutal." + long_words), ("Beta", "Calm." + long_words))
    prompt = next(p for p in rate_prompts(analysis) if "emotive" in p.summary)
    assert "Alpha 3 in" in prompt.summary and "Beta 0 in" in prompt.summary
    assert "Counts this small" in prompt.summary
    assert sorted(texts_of(analysis, prompt.evidence)) == ["Brutal", "brutal", "savage"]
    tiny, _ = prompts_for(("Alpha", "A brutal day." + long_words), ("Beta", "Calm." + long_words))
    assert not [p for p in rate_prompts(tiny) if "emotive" in p.summary]


def test_a_statement_left_out_and_a_verb_that_differs():
    quote = "We will never join the coalition against the armed groups in the north"
    analysis, prompts = prompts_for(
        ("Alpha", f'Assad said: "{quote}."'),
        ("Beta", f'Assad claimed: "{quote}."'),
        ("Gamma", "Assad gave an interview in Damascus."),
    )
    left_out = next(p for p in prompts if p.kind == "statements")
    assert "were quoted by Alpha and Beta; Gamma did not quote them" in left_out.summary
    assert all(quote in text for text in texts_of(analysis, left_out.evidence))
    verbs = next(p for p in prompts if p.kind == "verbs")
    assert "“said” by Alpha and “claimed” by Beta" in verbs.summary
    assert "“said” and “claimed”" in verbs.question


def test_verbs_that_only_report_give_no_verb_prompt():
    quote = "We will never join the coalition against the armed groups in the north"
    _, prompts = prompts_for(("Alpha", f'Assad said: "{quote}."'), ("Beta", f'Assad told reporters: "{quote}."'),
                             ("Gamma", f'According to Assad, "{quote}," he said.'))
    assert not [p for p in prompts if p.kind == "verbs"]


def test_prompts_take_each_kind_in_turn_and_stop_at_top():
    _, prompts = prompts_for(
        ("Alpha", "The regime fell. The so-called rebels left. Brutal, savage, brutal."),
        ("Beta", "The government spoke. The rebels stayed."),
        top=2,
    )
    assert len(prompts) == 2 and prompts[0].kind == "naming" and prompts[1].kind != "naming"


def test_the_bundled_story_asks_about_regime_if_an_outlet_says_it(bundled):
    naming = bundled.naming()
    regime = naming[(naming["voice"] == "narrator") & (naming["label"].str.lower() == "regime")]
    prompts = naming_prompts(bundled)
    if regime.empty:
        assert all("“regime”" not in p.summary for p in prompts)
        return
    prompt = next(p for p in prompts if "“regime”" in p.summary)
    for row in regime.itertuples():
        assert f"{row.outlet} ×{row.count}" in prompt.summary
    assert texts_of(bundled, prompt.evidence).count("regime") == regime["count"].sum()
    assert prompt.summary in [p.summary for p in discussion_prompts(bundled, top=10)]


def test_no_bundled_naming_prompt_sets_two_spellings_of_one_name_against_each_other(bundled):
    for prompt in naming_prompts(bundled):
        first, second = (label_key(column.strip("“”")) for column in prompt.figures.columns[1:3])
        assert not spelling_variants(first, second), prompt.summary


def test_bundled_prompts_are_questions_with_evidence_and_never_call_an_outlet_biased(bundled):
    prompts = discussion_prompts(bundled, top=20)
    assert {p.kind for p in prompts} == {"naming", "verbs", "statements", "distancing", "rates"}
    for prompt in prompts:
        assert prompt.question.rstrip().endswith("?") and not prompt.evidence.empty
        assert not any(word in (prompt.question + prompt.summary).lower() for word in ("biased", "propaganda"))
    notes = prompts_markdown(prompts, title=bundled.story.title)
    assert notes.count("\n## ") == len(prompts) and prompts[0].question in notes


def test_the_prompts_file_shows_story_text_as_written_in_a_markdown_viewer():
    hostile = "[link](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**"
    story = make_story(("Alpha " + hostile, f"The regime fell. {hostile}"), ("Beta", "The government fell."))
    analysis = analyse(story, make_lexicon(label=[{"term": "regime", "referent": "Syria"},
                                                  {"term": "government", "referent": "Syria"}]))
    prompts = discussion_prompts(analysis)
    assert prompts
    text = prompts_markdown(prompts, title=hostile)
    assert not re.search(r"(?<!\\)[\[<*]", text)  # every bracket, angle and star escaped
    assert text.startswith("# Discussion prompts: \\[link\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>")


# A Markdown viewer as GitHub and VS Code are: tables, strikethrough, bare addresses made links, $…$ as maths.
VIEWER = MarkdownIt("gfm-like").use(dollarmath_plugin)
ADDRESSES = ("see https://example.com/a_b?q=1 now", "www.example.org.", "mail tips@example.co.uk", "example.com,",
             "http://localhost:8501/x", "costs $5 to $x$ and $$y$$", "ftp://files.example.net", "ISIS.org")


def viewed(text: str) -> str:
    """What a viewer shows of `text` written as one evidence line of the prompts file, as HTML."""
    return VIEWER.render(f"- Outlet: “{file_markdown_text(text)}”")


@pytest.mark.parametrize("text", ADDRESSES)
def test_addresses_and_dollars_in_the_prompts_file_make_no_link_and_no_maths(text):
    shown = viewed(text)
    assert "<a " not in shown and "math" not in shown, shown
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)).strip() == f"Outlet: “{text}”"


@given(st.lists(st.sampled_from([*ADDRESSES, "www", "http", "://", ".", "@", "$", "com", "\\", "_", "*", "[", "](",
                                 ")", "<", ">", "!", "|", "~", "`", " ", "a", "1"]), max_size=12).map("".join))
def test_any_text_shows_as_written_in_a_markdown_viewer(text):
    shown = viewed(text)
    assert "<a " not in shown and "math" not in shown and "<img" not in shown
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)).strip() == f"Outlet: “{text}”".strip()


def test_the_prompts_file_makes_no_link_or_maths_of_a_story_title():
    story = make_story(("Alpha", "The regime fell."), ("Beta", "The government fell."))
    analysis = analyse(story, make_lexicon(label=[{"term": "regime", "referent": "Syria"},
                                                  {"term": "government", "referent": "Syria"}]))
    shown = VIEWER.render(prompts_markdown(discussion_prompts(analysis), title="www.example.org for $x$"))
    assert "<h1>Discussion prompts: www.example.org for $x$</h1>" in shown and "<a " not in shown

