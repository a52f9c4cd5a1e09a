import pandas as pd

from framing.distinctive import distinctive_terms, leading_terms, log_odds_z, ngrams, similarity, term_counts

FILLER = "The talks went on for days in the capital and officials met again on the next morning. "


def corpus():
    """Five outlets that all repeat 'coalition' at the same rate; only A says 'takfiri', three times."""
    docs = {name: (FILLER + "The coalition struck. ") * 6 for name in "ABCDE"}
    docs["A"] += "Takfiri fighters fled. The takfiri group lost. Takfiri gunmen hid."
    return docs


def test_ngrams_skip_stop_word_edges_and_punctuation():
    assert ngrams("The so-called moderate rebels, said Assad's aide.") == [
        "so-called", "moderate", "rebels", "so-called moderate", "moderate rebels", "so-called moderate rebels",
        "said", "assad", "aide", "said assad", "assad aide", "said assad aide",
    ]


def test_acronyms_stay_whole_and_fold_and_numbers_are_no_terms():
    assert ngrams("U.S.-led strikes on the U.S. embassy; 200,000 people") == [
        "us-led", "strikes", "us", "embassy", "us-led strikes", "us embassy", "people",
    ]


def test_spelling_variants_fold_and_titles_and_single_letters_are_no_terms():
    assert ngrams("Mr. Kim met the D.N.C. and the DNC; Ms Lee's s 1990s") == [
        "kim", "met", "dnc", "dnc", "kim met", "met the dnc", "lee"]


def test_a_term_inside_a_longer_one_with_the_same_counts_is_shown_once():
    found = distinctive_terms({"A": "A multi-million dollar lawsuit. The lawsuit was filed.",
                               "B": "The lawsuit was dropped."}, top=10)
    terms = set(found[(found.outlet == "A") & (found.method == "log-odds")]["term"])
    assert "multi-million dollar lawsuit" in terms
    assert not {"multi-million", "dollar", "multi-million dollar", "dollar lawsuit"} & terms
    assert "lawsuit" in terms  # used twice here, more than inside the longer term


def test_a_term_one_outlet_uses_three_times_outranks_a_shared_topic_word():
    z = log_odds_z(term_counts(corpus())).loc["A"]
    assert z["takfiri"] > z["coalition"]
    assert z["takfiri"] > 1
    ranked = distinctive_terms(corpus(), top=3)
    top = ranked[(ranked.outlet == "A") & (ranked.method == "log-odds")]
    assert top.iloc[0]["term"] == "takfiri"
    assert (top.iloc[0]["count"], top.iloc[0]["count_rest"]) == (3, 0)


def test_a_weak_prior_would_bury_the_single_outlet_word():
    """Why the prior is strong: with a weak one, a shared word A uses three times as often wins."""
    docs = corpus()
    docs["A"] += " The coalition struck." * 12
    strong = log_odds_z(term_counts(docs), prior_strength=1.0).loc["A"]
    weak = log_odds_z(term_counts(docs), prior_strength=0.01).loc["A"]
    assert strong["takfiri"] > strong["coalition"]
    assert weak["takfiri"] < weak["coalition"]


def test_exclusive_terms_need_two_uses_and_drop_fragments_of_longer_ones():
    docs = {"A": "barrel bombs fell. barrel bombs hit. a pot.", "B": "rockets fell. a pot."}
    table = distinctive_terms(docs, top=10)
    exclusive = table[(table.outlet == "A") & (table.method == "exclusive")]
    assert exclusive["term"].tolist() == ["barrel bombs"]
    assert exclusive["count"].tolist() == [2]
    assert table[(table.outlet == "B") & (table.method == "exclusive")].empty


def test_tfidf_view_and_columns():
    table = distinctive_terms(corpus(), top=2, scope="all")
    assert list(table.columns) == ["outlet", "term", "z", "count", "count_rest", "method", "score", "scope"]
    assert set(table["method"]) == {"log-odds", "exclusive", "tf-idf"}
    assert set(table["scope"]) == {"all"}


def test_one_outlet_has_nothing_to_compare():
    assert distinctive_terms({"A": "words words words"}).empty


def test_similarity_is_symmetric_with_ones_on_the_diagonal():
    matrix = similarity({"A": "army bombs city", "B": "army bombs town", "C": "talks peace deal"})
    assert (matrix.values.diagonal() == 1).all()
    pd.testing.assert_frame_equal(matrix, matrix.T)
    assert matrix.loc["A", "B"] > matrix.loc["A", "C"] == 0


def test_leading_terms_are_one_row_a_term_each_used_more_here_than_elsewhere():
    table = distinctive_terms({"A": "Book. A book. Trump.", "B": "Trump, Trump and Trump.", "C": "Trump, Trump."},
                              top=5)
    assert (table[(table["outlet"] == "A") & (table["term"] == "trump")]["z"] < 0).all()
    assert table[(table["outlet"] == "A") & (table["term"] == "book")].shape[0] > 1
    leading = leading_terms(table, "A")
    assert leading["term"].tolist() == ["book"] and leading["method"].eq("log-odds").all()
