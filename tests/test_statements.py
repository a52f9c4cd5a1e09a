from conftest import make_lexicon, make_story

from framing import analyse
from framing.stories import Article, Story

LEXICON = make_lexicon(label=["regime"])


def carried(*texts, events=None):
    """Statement id -> outlets carrying it, for one article per outlet."""
    story = make_story(*[(f"Outlet {chr(65 + i)}", text) for i, text in enumerate(texts)])
    if events:
        story = Story(slug="t", title="t", articles=tuple(
            Article(id=a.id, outlet=a.outlet, raw=a.raw, event=e) for a, e in zip(story.articles, events, strict=True)))
    table = analyse(story, LEXICON).quotations()
    return table.groupby("statement", sort=False)["outlet"].agg(lambda o: sorted(set(o))).tolist()


def test_the_same_quote_trimmed_differently_is_one_statement():
    a = '"We will never talk to them, because they do not talk to anyone who is not a puppet," the minister said.'
    b = 'The minister said: "they do not talk to anyone who is not a puppet."'
    c = 'The minister said, "We will never talk to them, because they do not talk to anyone."'
    assert carried(a, b, c) == [["Outlet A", "Outlet B", "Outlet C"]]


def test_a_reworded_translation_is_one_statement():
    a = '"With any country that is serious about fighting terrorism, we are ready to make cooperation," he said.'
    b = 'He said: "We are ready to cooperate with any country that is serious about fighting terrorism."'
    assert carried(a, b) == [["Outlet A", "Outlet B"]]


def test_different_remarks_that_share_words_stay_apart():
    a = '"We cannot be in an alliance with countries which support terrorism," the minister said.'
    b = '"Countries which support terrorism cannot fight it, and they know that well," the minister said.'
    assert carried(a, b) == [["Outlet A"], ["Outlet B"]]


def test_fragments_of_one_sentence_join_the_statement_that_holds_their_words():
    a = '"We have neither the will nor the want to join, since they support terrorism," the minister said.'
    b = 'The minister said he lacked the "will" or the "want" to join.'
    assert carried(a, b) == [["Outlet A", "Outlet B"]]


def test_quotes_from_different_events_or_speakers_are_never_one_statement():
    a = '"We will never talk to them, because they do not talk to anyone," the minister said.'
    b = '"We will never talk to them, because they do not talk to anyone," the minister said.'
    assert carried(a, b, events=["interview-1", "interview-2"]) == [["Outlet A"], ["Outlet B"]]
    c = '"We will never talk to them, because they do not talk to anyone," said Jones.'
    d = '"We will never talk to them, because they do not talk to anyone," said Smith.'
    assert carried(c, d) == [["Outlet A"], ["Outlet B"]]


def test_bundled_statements_shared_and_single(bundled):
    statements = bundled.statements()
    by_words = {row.text: row for row in statements.itertuples()}
    convey = next(row for text, row in by_words.items() if "convey a message" in text)
    assert set(convey.outlets) == {"Press TV", "Al-Manar", "The Week"}
    assert {wording["text"][:9] for wording in convey.outlets.values()} == {"Sometimes"}
    assert "nothing tactical" in convey.outlets["The Week"]["text"]
    pots = next(row for text, row in by_words.items() if "cooking pots" in text and text.startswith("I know"))
    assert set(pots.outlets) == {"The Week"}
    sputnik = statements[statements["outlets"].map(lambda o: "Sputnik" in o)]
    assert len(sputnik) >= 5 and sputnik["outlets"].map(len).eq(1).all()  # another interview: nobody else has it


def test_every_quotation_points_at_its_words(bundled):
    texts = bundled.texts()
    quotations = bundled.quotations()
    assert len(quotations) >= 10
    for row in quotations.itertuples():
        assert row.text in texts[row.article][row.start:row.end]
