"""Framing contrasts a reader can check in the bundled articles, in the outlets' own voice."""

import re

FURNITURE = [
    "Written by", "Jerusalem Timing", "Send in e-mail", "Click the alert icon", "Credit: AP", "(R)",
    "Subscribe to The Week", "Newsletter", "Sign up", "inbox", "The Week UK Published", "Escape your echo chamber",
    "REUTERS -", "DAMASCUS (Sputnik)", "Assad in interview with BBC", "Captagon", "Asma al-Assad",
]


def narrator(spans):
    return spans[spans["voice"] == "narrator"]


def test_cleaned_texts_hold_no_page_furniture_but_keep_the_story(bundled):
    for doc in bundled.documents:
        for clue in FURNITURE:
            assert clue not in doc.text, (doc.article.outlet, clue)
    texts = {doc.article.outlet: doc.text for doc in bundled.documents}
    assert texts["Al-Manar"].count("Syrian President Bashar al-Assad stressed") == 1  # its lead is printed twice
    assert texts["Sputnik"].startswith("The US-led international coalition")
    assert "Islamic State militants in Syria should be subject" in texts["Haaretz (Reuters)"]
    assert texts["The Week"].endswith('"Instead, he is looking as secure as ever."')


def test_takfiri_is_press_tv_alone_in_its_own_voice(bundled):
    takfiri = bundled.spans[bundled.spans["term"].str.lower() == "takfiri"]
    assert set(takfiri["outlet"]) == {"Press TV"} and len(takfiri) == 2
    assert set(takfiri["voice"]) == {"narrator"}


def test_regime_in_the_outlets_own_voice_is_the_week_alone(bundled):
    regime = narrator(bundled.spans)
    regime = regime[regime["text"].str.lower() == "regime"]
    assert set(regime["outlet"]) == {"The Week"}
    assert len(regime) == 3


def test_press_tv_leads_on_epistemic_distancing_in_its_own_voice(bundled):
    rates = bundled.scores[(bundled.scores.category == "distancing") & (bundled.scores.voice == "narrator")]
    rates = rates.set_index("outlet")["per_1000"]
    assert rates.idxmax() == "Press TV"
    press_tv = narrator(bundled.spans)
    press_tv = press_tv[(press_tv.outlet == "Press TV") & (press_tv.category == "distancing")]
    assert {"what are said to be", "alleged", "so-called", "‘ISIL targets’", "‘moderate’"} <= set(press_tv["text"])


def test_isil_is_named_islamic_state_by_haaretz_and_isil_by_press_tv(bundled):
    isil = narrator(bundled.spans)
    isil = isil[(isil.referent == "ISIL") & (isil.category == "actor_name")]
    names = isil.groupby("outlet")["text"].agg(set)
    assert "Islamic State" in names["Haaretz (Reuters)"] and "ISIL" not in names["Haaretz (Reuters)"]
    assert "ISIL" in names["Press TV"] and "Islamic State" not in names["Press TV"]


def test_assad_is_the_speaker_of_his_quoted_words(bundled):
    quoted = bundled.spans[bundled.spans.voice == "quote"]
    puppets = quoted[quoted["text"].str.lower().str.startswith("puppet")]
    assad = next(actor.name for actor in bundled.actors if "Assad" in {m.text for m in actor.mentions})
    assert len(puppets) >= 5 and set(puppets["speaker"]) == {assad} and assad.endswith("Assad")
    callous = quoted[quoted["text"].str.lower().str.startswith("callous")]
    assert set(callous["speaker"]) == {"Jeremy Bowen"}


def test_every_span_points_at_its_words(bundled):
    texts = {doc.article.id: doc.text for doc in bundled.documents}
    assert len(bundled.spans) > 300
    for span in bundled.spans.itertuples():
        assert texts[span.article][span.start:span.end] == span.text
        words = re.findall(r"\w+", span.text)
        assert words, span


def test_words_analysed_split_into_voices(bundled):
    for row in bundled.articles.itertuples():
        assert row.words == row.words_narrator + row.words_quote
        assert row.words_quote > 0 and row.words_narrator > row.words_quote / 3
