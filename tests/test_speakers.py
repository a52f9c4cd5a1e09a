from conftest import make_story

from framing import analyse
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


def test_the_one_told_is_no_speaker():
    assert speakers('Kroger spoke. "We will sue," one lawyer told Fox News. Ms. Ruiz agreed.')[1] == [None]


def test_pronouns_and_descriptions_resolve_to_the_last_named_speaker():
    text = "Bowen described the reply as flippant. He added that it was odd. The Syrian president said no."
    assert speakers(text)[0] == ["Bowen", "Bowen", "Bowen"]


def test_organisations_keep_their_name_even_when_it_looks_like_a_title():
    assert speakers('Assad said "we will win". The US said "Assad must go".')[1] == [
        ("Assad", "said"), ("US", "said")]
    assert speakers("The Syrian National Coalition said it won't attend.")[0] == ["Syrian National Coalition"]


def test_a_speaker_is_found_past_an_aside_between_commas():
    per_sentence, per_quote = speakers('Assad, speaking to the BBC, said "we will win".')
    assert per_sentence == ["Assad"] and per_quote == [("Assad", "said")]
    per_sentence, _ = speakers("Larry Kudlow, Mr. Trump’s chief economic adviser, told reporters it was early.")
    assert per_sentence == ["Kudlow"]
    _, per_quote = speakers('Assad said "we will win". Obama, however, dismissed the claim as "nonsense".')
    assert per_quote == [("Assad", "said"), ("Obama", "dismissed")]


def test_possessives_and_function_words_are_not_speakers():
    text = "No evidence justified the US’ claims. When asked, Assad said no."
    assert speakers(text)[0] == ["", "Assad"]


def test_verbs_inside_quotations_attribute_nothing_and_quotes_take_the_paragraph_speaker():
    text = 'Assad spoke at length.\n"They said it is a fantasy. We know it," Assad said.\n"No dialogue at all."'
    per_sentence, per_quote = speakers(text)
    assert per_sentence == ["", "", "Assad", ""]
    assert per_quote == [("Assad", "said"), ("Assad", "")]  # the second is introduced by no verb


def test_a_name_with_an_aside_that_names_them_speaks_as_that_name():
    assert speakers("The official, Ali Shamkhani, said it could leave.")[0] == ["Shamkhani"]
    assert speakers("The Russian ambassador to the United States, Ivan Sokol, said it was wrong.")[0] == ["Sokol"]
    assert speakers("Nancy Pelosi, D-Calif., said it was proof.")[0] == ["Pelosi"]
    assert speakers("Brad Parscale, manager of Trump for President, Inc., slammed it.")[0] == [""]


def test_a_time_between_the_subject_and_the_verb_is_skipped_and_never_speaks():
    assert speakers("Protect Democracy on Friday noted the suit. Perez last Tuesday said no.")[0] == [
        "Protect Democracy", "Perez"]


def test_a_month_that_is_also_a_surname_speaks_only_where_it_is_a_name():
    per_sentence, per_quote = speakers('Prime Minister Theresa May said it was legal. "We had no choice," May said. '
                                       '"It was right," Mrs. May told MPs.')
    assert per_sentence == ["May", "May", "May"] and [a for a, _ in per_quote] == ["May", "May"]
    assert speakers("The deal in May said little. Perez on May 5 said no. The talks of June said less.")[0] == [
        "", "Perez", ""]


def test_a_common_noun_opening_its_sentence_names_no_one_and_lends_no_he():
    per_sentence, per_quote = speakers('Aides said he hoped to win. "Nobody knows what I will do," he said.')
    assert per_sentence == ["", ""] and per_quote == [None]
    assert speakers("Democrats said it failed.")[0] == ["Democrats"]  # a proper noun, capitalised anywhere


def test_a_plain_verb_form_speaks_only_after_a_plural():
    assert speakers("Democrats say it failed. The Kremlin state channel ran it.")[0] == ["Democrats", ""]


def test_an_organisation_keeps_its_whole_name_and_a_person_the_surname():
    assert speakers("The Washington-based Center for Strategic and International Studies said it was early. "
                    "Democratic National Committee officials said no. Roger J. Stone Jr., an adviser, said no.")[0] == [
        "Center for Strategic and International Studies", "", "Stone"]


def test_he_is_the_last_person_who_spoke_or_opened_a_sentence_never_a_country():
    _, per_quote = speakers('Mr. Abe said it was early. South Korea said it agreed. "We will see," he said.')
    assert per_quote == [("Abe", "said")]
    _, per_quote = speakers('Graham said no. Cruz promised to act. "Day one, I will rip it up," he repeated.')
    assert per_quote == [("Cruz", "repeated")]
    _, per_quote = speakers('Graham said no. After the vote, Cruz went on. "It is a disaster for us all," he said.')
    assert per_quote == [("Cruz", "said")]


def test_they_is_an_organisation_or_a_group_never_one_person():
    _, per_quote = speakers('Comey wrote the memo. The memos, they said, show "a man blind with his biases".')
    assert per_quote == [None]
    _, per_quote = speakers('The Justice Department said no. "We will not release them now," they added.')
    assert per_quote == [("Justice Department", "added")]


def test_a_quotation_in_a_sentence_opening_with_a_person_is_theirs():
    _, per_quote = speakers('Bowen spoke first. Trump gave his view: "it is the worst deal ever made".')
    assert per_quote == [("Trump", "")]


def test_a_party_label_after_a_name_is_passed_over_like_an_aside():
    assert speakers("Sen. Ann Cole, R-Ohio, a farm-state voice, said it was dead. Cole left.")[0] == ["Cole", ""]
    _, per_quote = speakers('"It is late," Moss said. Majority Leader Tom Reyes (D-Texas) has vowed to "keep going."')
    assert per_quote == [("Moss", "said"), ("Reyes", "vowed")]
    assert speakers("Gov. Ed Park (R) told reporters no. Rep. Lena Moss (D-Ore.) dubbed it a standoff.")[0] == [
        "Park", "Moss"]


def test_a_korean_name_is_called_by_the_family_name_it_opens_with():
    assert speakers("Park Min-jun, a ministry spokesman, said no. Jacob Rees-Mogg said yes.")[0] == [
        "Park", "Rees-Mogg"]


def test_a_quoted_name_between_an_article_and_its_noun_is_no_ones_words():
    per_sentence, per_quote = speakers(
        'Minister Paul Dent announced a concession to the "green belt" farmers who marched. '
        'Dent promised a "very big" cut and said the plan was "a good start" for them.')
    assert per_sentence == ["Dent", "Dent"]
    assert per_quote == [None, ("Dent", "promised"), ("Dent", "promised")]


def test_a_possessive_country_opening_the_subject_gives_the_speaker_to_the_person_it_titles():
    said = 'Brazil\'s President Ana Lopes said she would publish "every last page." Brazil has them.'
    story = make_story(("A", said), ("B", 'Brazil denied it. Brazil\'s President Ana Lopes went further. '
                                          '"Nothing stays secret," she said.'))
    assert list(analyse(story).quotations()["speaker"]) == ["Ana Lopes", "Ana Lopes"]
    alone = make_story(("A", said), ("B", "Brazil denied it."))
    assert list(analyse(alone).quotations()["speaker"]) == ["Lopes"]  # she is no actor row, Brazil is


def test_a_description_subject_that_is_an_actor_speaks_and_is_whom_he_or_she_stands_for():
    story = make_story(("A", 'Judge Ruth Okafor heard the case. Senator Paul Dent said he was "fully confident." '
                             'The judge called the motion "a waste of time." She said lawyers had "misled the court." '
                             "Okafor left."))
    assert list(analyse(story).quotations()["speaker"]) == ["Dent", "Ruth Okafor", "Ruth Okafor"]


def test_a_description_speaks_as_an_actor_only_once_the_article_has_named_them():
    story = make_story(("A", "National security adviser Karl Ostrov spoke. Adviser Karl Ostrov left."),
                       ("B", 'The adviser said the plan was "a waste of time." Ostrov was not there.'))
    assert list(analyse(story).quotations()["speaker"]) == [""]


def test_a_speaker_after_said_and_a_relation_is_the_name_after_the_comma():
    assert speakers('"She was kind," said her brother, Omar Daly. Nobody left.')[1] == [("Daly", "said")]
    assert speakers('"It is over," said the company\'s founder, Ines Ruiz.')[1] == [("Ruiz", "said")]


def test_a_name_after_of_or_before_a_modal_is_not_the_one_speaking():
    assert speakers('"We will not sign," the elders of Freedonia said.')[1] == [None]
    assert speakers('Then the eight members said Freedonia could apply "when the time is right."')[1] == [None]
    assert speakers("Officials said Freedonia was ready.")[0] == [""]  # not Freedonia


def test_according_to_a_places_police_is_the_police_and_a_person_of_a_body_is_the_person():
    assert speakers("According to Ostrava police, the man was calm.")[0] == ["Ostrava police"]
    assert speakers('"It is a start," said Paul Adeyemi of Open Doors Ministry.')[1] == [("Adeyemi", "said")]


def test_a_name_between_commas_after_a_possessive_role_speaks():
    assert speakers('The board met. Its chairman, Ada Obi, said it was "a fair count."')[1] == [("Obi", "said")]


def test_he_is_the_person_whose_possessive_opens_the_sentence_not_a_name_after_an_article():
    text = ("Ann Cole spoke on Monday. A Harvard study put the toll at 4,645. Donald Trump's tweets came a day after "
            'he described the response as "an incredible, unsung success."')
    assert speakers(text)[1] == [("Trump", "described")]
    text = 'Acme CEO Tim Cook spoke on Monday. Acme\'s shares fell after he said, "Demand will slow."'
    assert speakers(text)[1] == [("Cook", "said")]  # a company's possessive: not Acme
    text = 'Ann Cole spoke on Monday. A Harvard study put the toll at 4,645. She called it "a fair count."'
    assert speakers(text)[1] == [("Cole", "called")]  # "A Harvard study" opens with no person
    text = "Al Fox spoke. Trump's aide said \"it was fine.\""
    assert (speakers(text)[1][0] or ("",))[0] != "Trump"  # the aide's words, not Trump's


def test_a_second_clause_with_its_own_speaker_introduces_the_quotation_after_it():
    text = ('Gov. Rick Scott said he disagreed with Mr. Trump, and Representative Carlos Curbelo said that "only a '
            'deeply disturbed person" would question it.')
    assert speakers(text)[1] == [("Curbelo", "said")]
    text = 'Gov. Rick Scott said Ann Cole told him that "only a fool" would.'
    assert speakers(text)[1] == [("Scott", "said")]  # one clause: its first speaker
    text = 'Sen. Ted Cruz pointed to the pages, and asked whether Acme considered itself "a neutral forum."'
    assert speakers(text)[1][0][0] == "Cruz"  # the second clause opens with no speaker of its own
    text = 'Ann Cole spoke. "We learned a lot," Mr. Long told reporters, but he said the city was "not ready."'
    assert [a[0] for a in speakers(text)[1]] == ["Long", "Long"]


def test_he_never_stands_for_an_organisation_named_as_one():
    story = make_story(("A", 'Jo Bloggs testified on Monday. Bloggs said Acme was "a platform for all." Acme '
                              'admitted it had erred, and the company paid. "I want to be careful," he said. Acme '
                              'left.'))
    speakers_found = list(analyse(story).quotations()["speaker"])
    assert speakers_found[-1] == "Jo Bloggs"


def test_a_role_given_by_an_organisation_speaks_as_its_person_and_answered_introduces_words():
    story = make_story(("A", 'Acme CEO Jo Bloggs faced senators. Bloggs smiled. Bloggs sat. Acme was fined. '
                             '"We erred," the Acme boss replied. '
                             'Sen. Al Fox, R-Utah, asked how Acme makes money. "Senator, we run ads," the '
                             '33-year-old billionaire answered. Acme left. Fox left.'))
    assert list(analyse(story).quotations()["speaker"]) == ["Jo Bloggs", "Jo Bloggs"]
