from framing.quotes import find_quotations, quote_regions
from framing.speakers import attribute
from framing.text import sentence_bounds


def speakers(text):
    sentences = sentence_bounds(text)
    regions = quote_regions(find_quotations(text, sentences))
    per_sentence, per_quote = attribute(text, sentences, regions)
    return [a.speaker if a else "" for a in per_sentence], [(a.speaker, a.verb) if a else None for a in per_quote]


def test_named_subject_inverted_verb_and_according_to():
    text = ("Syrian President Bashar al-Assad said the talks failed. “We tried,” said Bowen. "
            "According to the Pentagon, troops will go.")
    assert speakers(text)[0] == ["Assad", "Bowen", "Pentagon"]


def test_pronouns_and_descriptions_resolve_to_the_last_named_speaker():
    text = "Bowen described the reply as flippant. He added that it was odd. The Syrian president said no."
    assert speakers(text)[0] == ["Bowen", "Bowen", "Bowen"]


def test_organisations_keep_their_name_even_when_it_looks_like_a_title():
    assert speakers('Assad said "we will win". The US said "Assad must go".')[1] == [
        ("Assad", "said"), ("US", "said")]
    assert speakers("The Syrian National Coalition said it won't attend.")[0] == ["Syrian National Coalition"]


def test_an_aside_after_the_subject_names_no_one_and_borrows_no_one():
    per_sentence, per_quote = speakers('Assad, speaking to the BBC, said "we will win".')
    assert per_sentence == [""] and per_quote == [None]
    _, per_quote = speakers('Assad said "we will win". Obama, however, dismissed the claim as "nonsense".')
    assert per_quote == [("Assad", "said"), None]


def test_possessives_and_function_words_are_not_speakers():
    text = "No evidence justified the US’ claims. When asked, Assad said no."
    assert speakers(text)[0] == ["", "Assad"]


def test_verbs_inside_quotations_attribute_nothing_and_quotes_take_the_paragraph_speaker():
    text = 'Assad spoke at length.\n"They said it is a fantasy. We know it," Assad said.\n"No dialogue at all."'
    per_sentence, per_quote = speakers(text)
    assert per_sentence == ["", "", "Assad", ""]
    assert per_quote == [("Assad", "said"), ("Assad", "")]  # the second is introduced by no verb
