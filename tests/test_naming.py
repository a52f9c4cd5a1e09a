from conftest import make_lexicon

from framing import analyse
from framing.naming import _with_possessor
from framing.stories import Article, Story

LEXICON = make_lexicon(
    names=[{"term": "regime", "referent": "Government"}, {"term": "moderate opposition", "referent": "Rebels"},
           {"term": "US", "referent": "United States", "match_case": True}],
    distancing=["so-called", "alleged"],
)


def naming(*texts, aliases=()):
    articles = tuple(Article(id=f"a{i}", outlet=f"Outlet {i}", raw=t) for i, t in enumerate(texts))
    return analyse(Story(slug="t", title="t", articles=articles, aliases=aliases), LEXICON).naming()


def test_labels_keep_naming_markers_and_scare_quotes_but_not_other_doubt():
    table = naming("The so-called moderate opposition met. The ‘moderate’ opposition left. Alleged US jets flew. "
                   "Jets hit ‘US targets’.")
    assert table[["referent", "label", "count"]].values.tolist() == [
        ["Rebels", "so-called moderate opposition", 1], ["Rebels", "‘moderate’ opposition", 1],
        ["United States", "US", 2]]


def test_a_label_is_shown_as_the_outlet_usually_writes_it_not_as_a_shouted_line_does():
    table = naming("Agency chief Ann Reed resigned on Thursday.\n\nREED SCANDALS: WHAT TO KNOW\n\nReed had faced "
                   "inquiries. Reed denied wrongdoing.", "Ann Reed resigned. Reed left.")
    labels = set(table[table["outlet"] == "Outlet 0"]["label"])
    assert "Reed" in labels and "REED" not in labels


def test_labels_are_counted_per_outlet_and_voice():
    table = naming('The regime spoke. "The Regime lies," he said. The regime left.', "No label here.")
    rows = table[["referent", "outlet", "label", "count", "voice"]].values.tolist()
    assert rows == [
        ["Government", "Outlet 0", "regime", 2, "narrator"], ["Government", "Outlet 0", "Regime", 1, "quote"]]


def test_the_story_alias_list_finds_names_the_lexicon_does_not_know_but_never_hides_a_term():
    aliases = (("United States", "Washington"), ("Government", "the regime forces"))
    table = naming("Washington said no. The regime forces left.", aliases=aliases)
    assert table[["referent", "label"]].values.tolist() == [["Government", "regime"], ["United States", "Washington"]]


def test_bundled_isil_names_in_the_outlets_own_voice(bundled):
    table = bundled.naming()
    isil = table[(table.referent == "ISIL") & (table.voice == "narrator")].set_index(["outlet", "label"])["count"]
    assert isil[("Haaretz (Reuters)", "Islamic State")] >= 5 and ("Haaretz (Reuters)", "ISIL") not in isil
    assert isil[("Press TV", "ISIL")] >= 5 and ("Press TV", "Islamic State") not in isil
    assert ("Press TV", "Takfiri") in isil
    opposition = table[(table.referent == "Armed opposition") & (table.voice == "narrator")]
    assert "so-called moderate opposition" in set(opposition[opposition.outlet == "Press TV"]["label"])


def test_a_name_before_a_noun_it_modifies_takes_no_distancing_marker():
    table = naming("Officials released the so-called Hale memos on Friday. Ann Hale said the so-called Ann Hale "
                   "of the memos was not her. Ms. Hale left.")
    labels = set(table.loc[table["referent"] == "Ann Hale", "label"])
    assert "Hale" in labels and "so-called Hale" not in labels  # the doubt is about the memos
    assert "so-called Ann Hale" in labels  # before no noun, the marker is the name's
    table = naming("Fighters loyal to the so-called Islamic State group seized the town. The Islamic State group left. "
                   "Forces of the so-called Libyan National Army advance on Tripoli. The Libyan National Army left.")
    assert {"so-called Islamic State", "so-called Libyan National Army"} <= set(table["label"])  # longer names keep it


def test_a_description_is_labelled_with_its_owner_but_not_with_a_contraction():
    table = naming("Shawn Fain, the union's president, spoke. Fain left. Larry Kudlow, Mr. Trump's chief economic "
                   "adviser, said no. Kudlow left. Donald Trump spoke.")
    labels = dict(zip(table["label"], table["referent"], strict=True))
    assert labels.get("the union's president") == "Shawn Fain" and "president" not in labels
    assert labels.get("Mr. Trump's chief economic adviser") == "Larry Kudlow"
    assert labels.get("Mr. Trump") == "Donald Trump", "the owner is still a mention of its own"
    for contraction in ("It's ", "that’s ", "he's "):
        assert _with_possessor(contraction + "the lawyer", len(contraction)) == len(contraction)
    assert _with_possessor("Hale, the workers' lawyer", 19) == 6


def test_a_role_given_by_an_organisation_s_name_is_labelled_with_it():
    table = naming("Acme CEO Jo Bloggs faced senators. The Acme founder said sorry. The Acme boss left. Acme paid. "
                   "Acme rose.")
    labels = table[table["referent"] == "Jo Bloggs"]["label"].tolist()
    assert "The Acme founder" in labels and "The Acme boss" in labels
    assert table[table["referent"] == "Acme"]["count"].sum() == 4  # the name inside the label still counts


def test_a_label_is_not_widened_over_the_end_of_the_sentence_before():
    table = naming("Troops stayed on the Korean Peninsula. But White House officials said so. White House officials "
                   "left. The White House spoke.")
    assert not table["label"].str.contains("Peninsula").any()
