from conftest import make_lexicon, make_story

from framing import analyse


def scored():
    story = make_story(
        ("North", "The regime struck. “The regime lies,” a rebel said. Nothing else happened here today."),
        ("South", "The government spoke. Officials met."),
    )
    return analyse(story, make_lexicon(label=["regime"], evaluative=["lies"]))


def test_counts_words_and_rates_split_by_voice():
    scores = scored().scores.set_index(["outlet", "category", "voice"])
    assert scores.loc[("North", "label", "narrator"), "count"] == 1
    assert scores.loc[("North", "label", "quote"), "count"] == 1
    assert scores.loc[("North", "label", "all"), "count"] == 2
    words = scored().articles.set_index("outlet").loc["North"]
    assert words["words_quote"] == 3 and words["words"] == words["words_narrator"] + words["words_quote"]
    row = scores.loc[("North", "label", "quote")]
    assert row["words"] == 3 and row["per_1000"] == round(1000 * 1 / 3, 2)


def test_every_outlet_and_category_has_a_row_even_with_no_hits():
    scores = scored().scores
    assert len(scores) == 2 * 2 * 3
    south = scores[(scores.outlet == "South")]
    assert south["count"].sum() == 0


def test_scores_are_derived_from_the_span_table():
    analysis = scored()
    counts = analysis.spans.groupby(["outlet", "category"]).size()
    totals = analysis.scores[analysis.scores.voice == "all"].set_index(["outlet", "category"])["count"]
    assert totals[totals > 0].to_dict() == counts.to_dict()


def test_rate_is_empty_where_there_are_no_words_in_that_voice():
    analysis = analyse(make_story(("Only", "No quotes at all here.")), make_lexicon(label=["quotes"]))
    quote_row = analysis.scores[(analysis.scores.voice == "quote")].iloc[0]
    assert quote_row["words"] == 0 and quote_row["per_1000"] != quote_row["per_1000"]  # NaN


def test_derived_tables_are_handed_out_as_copies_so_a_caller_cannot_spoil_them():
    analysis = analyse(make_story(("North", "The regime struck.")),
                       make_lexicon(label=[{"term": "regime", "referent": "Government"}]))
    first = analysis.naming()
    assert len(first) == 1
    first.loc[:, "count"] = 999
    assert (analysis.naming()["count"] == 1).all()
