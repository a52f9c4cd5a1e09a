from conftest import make_lexicon, make_story

from framing import analyse

LEXICON = make_lexicon(label=["regime"])


def test_wire_copy_is_shared_and_a_fact_of_ones_own_is_unique():
    story = make_story(
        ("Wire", "Rebels seized the northern border crossing on Tuesday after heavy fighting. Talks stalled."),
        ("Paper", "Rebels seized the northern border crossing on Tuesday after fierce fighting. A cat sang opera."),
    )
    analysis = analyse(story, LEXICON)
    coverage = analysis.coverage().set_index(["outlet", "sentence"])
    assert not coverage.loc[("Paper", 0), "unique"]
    assert coverage.loc[("Paper", 0), "closest"] == {"outlet": "Wire", "article": "a0", "sentence": 0}
    assert coverage.loc[("Paper", 1), "unique"] and coverage.loc[("Wire", 1), "unique"]
    share = analysis.unique_share().set_index("outlet")
    paper = share.loc["Paper"]
    assert paper["words_unique"] == 4 and paper["share_unique"] == round(4 / paper["words_narrator"], 3)


def test_two_articles_of_one_outlet_do_not_make_each_other_shared():
    text = "Rebels seized the northern border crossing on Tuesday after heavy fighting."
    story = make_story(("Same", text), ("Same", text), ("Other", "A cat sang opera all night."))
    coverage = analyse(story, LEXICON).coverage()
    assert coverage["unique"].all()


def test_quoted_words_do_not_count_as_the_outlets_own():
    story = make_story(("A", '"Nothing like this happened before," he said.'), ("B", "Other text entirely."))
    row = analyse(story, LEXICON).coverage().iloc[0]
    assert row["words_narrator"] == 2


def test_a_story_of_one_article_is_all_unique_with_nothing_closest():
    coverage = analyse(make_story(("Only", "One sentence. Two sentences.")), LEXICON).coverage()
    assert coverage["unique"].all() and coverage["closest"].isna().all()


def test_bundled_outlets_reporting_other_interviews_are_unique(bundled):
    share = bundled.unique_share().set_index("outlet")["share_unique"]
    assert share["Sputnik"] > 0.9 and share["Haaretz (Reuters)"] > 0.9
    assert share["Al-Manar"] < share["Press TV"] < 1
