"""The Blind reading page through AppTest: solo guesses, a lesson joined by its code, and the reveal."""

import pytest
from apptest_helpers import html_of, open_page
from conftest import BUNDLED

from framing import load_story
from framing.classroom.blind import blind_labels
from framing.classroom.lessons import Guess, load_lesson, record_guess, reveal, start_lesson
from framing.storage import USER_DATA_ENV

PAGE = "views/blind.py"
STORY = "assad-coalition-2015"
OUTLET_NAMES = ("Press TV", "Al-Manar", "Al Manar", "Haaretz", "Reuters", "Sputnik", "The Week")


def page_text(at) -> str:
    """Everything the page says outside the guess boxes' options: its HTML, Markdown, messages, code
    blocks and the labels of its widgets."""
    texts = [html_of(at)]
    for kind in ("markdown", "caption", "title", "info", "warning", "success", "error", "code"):
        texts += [element.value for element in at.get(kind)]
    for kind in ("button", "checkbox", "toggle", "expander", "selectbox"):
        texts += [str(getattr(element, "label", "")) for element in at.get(kind)]
    texts += [str(element.value) for element in at.selectbox if element.label != "Who wrote this?"]
    return "\n".join(texts)


def named_outlets(at) -> list[str]:
    text = page_text(at).casefold()
    return [name for name in OUTLET_NAMES if name.casefold() in text]


def guess(at, letter: str, outlet: str, *, lesson: str = "solo"):
    at.selectbox(key=f"blind_guess_{lesson}_{letter}").set_value(outlet)
    at.button(key=f"blind_submit_{lesson}_{letter}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def reveal_here(at):
    at.checkbox(key="blind_sure").check().run()
    at.button(key="blind_reveal").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_before_the_reveal_no_outlet_is_named_except_among_the_choices():
    at = open_page(PAGE)
    assert named_outlets(at) == []
    assert len(at.selectbox(key="blind_guess_solo_A").options) == 6  # five outlets and "not sure"
    assert "Outlet A" in html_of(at) and "Outlet E" in html_of(at)
    headlines = [article.headline for article in load_story(BUNDLED).articles if article.headline]
    assert headlines and not [headline for headline in headlines if headline in page_text(at)]


def test_solo_guesses_are_tallied_for_this_session_and_the_reveal_names_the_outlets():
    at = open_page(PAGE)
    guess(at, "A", "Sputnik")
    guess(at, "A", "Press TV")  # a second guess replaces the first
    guess(at, "B", "not sure")
    assert len(at.session_state["blind_guesses"]) == 2
    assert "Outlet A: 1 guess in" in html_of(at)
    assert "Outlet C: 0 guesses in" in html_of(at)
    assert named_outlets(at) == []  # the count says nothing about whom the guesses name

    reveal_here(at)
    assert set(named_outlets(at)) >= {"Press TV", "Al-Manar", "Haaretz", "Reuters", "Sputnik", "The Week"}
    html = html_of(at)
    assert "of 1 guess right" in html
    assert "Its lexicon hits, by category" in html and "Names for actors that set it apart" in html
    assert len(at.get("plotly_chart")) == 2  # a bar chart for each article that was guessed
    assert at.selectbox(key="blind_guess_solo_A").disabled  # guessing is over


def test_a_student_joins_a_lesson_by_its_link_and_guesses_into_the_class_tally():
    lesson = start_lesson(STORY)
    record_guess(lesson.code, Guess("someone-else", "press-tv", "Sputnik"))
    at = open_page(PAGE, lesson=lesson.code.lower(), story=STORY)
    assert lesson.code in html_of(at)
    assert f"lesson={lesson.code}&amp;story={STORY}" in html_of(at)  # the link to share
    letter_of_press_tv = blind_labels(load_story(BUNDLED), lesson.seed)["press-tv"].split()[-1]
    assert f"Outlet {letter_of_press_tv}: 1 guess in" in html_of(at)

    guess(at, letter_of_press_tv, "Press TV", lesson=lesson.code)
    stored = load_lesson(lesson.code)
    assert len(stored.guesses) == 2
    assert f"Outlet {letter_of_press_tv}: 2 guesses in" in html_of(at)
    assert named_outlets(at) == []

    reveal(lesson.code)  # the teacher, on another screen
    at.run()
    assert "Press TV" in page_text(at)
    assert f"Outlet {letter_of_press_tv} (Press TV): 1 of 2 guesses right" in html_of(at)


def test_starting_a_lesson_makes_a_code_and_puts_it_in_the_link():
    at = open_page(PAGE)
    at.button[0].click().run()
    code = at.query_params["lesson"]
    code = code[0] if isinstance(code, list) else code
    assert load_lesson(code).story == STORY
    assert code in html_of(at)
    assert at.session_state["blind_teacher"] == code
    reveal_here(at)
    assert load_lesson(code).revealed


def test_a_wrong_lesson_code_is_said_and_the_page_works_alone():
    at = open_page(PAGE, lesson="<b>ZZZZ</b>")
    assert at.warning and "cannot be opened" in at.warning[0].value
    assert any("<b>ZZZZ</b>" in block.value for block in at.code)  # shown as it is, in a code block
    assert at.button(key="blind_submit_solo_A")


def test_highlights_are_off_at_first_and_shown_without_outlet_names():
    at = open_page(PAGE)
    assert "<mark" not in html_of(at)
    at.toggle(key="blind_highlights").set_value(True).run()
    assert "<mark" in html_of(at)
    assert named_outlets(at) == []  # the lexicon's notes name outlets ("DAMASCUS (Sputnik)"): masked too


def test_a_lesson_on_another_story_offers_to_open_it(tmp_path, monkeypatch):
    folder = tmp_path / "stories" / "second"
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: Second\n", encoding="utf-8")
    for name in ("one", "two"):
        (folder / "articles" / f"{name}.md").write_text(f"---\noutlet: Paper {name}\n---\nThe regime fell.\n",
                                                        encoding="utf-8")
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    lesson = start_lesson("second")
    at = open_page(PAGE, lesson=lesson.code)  # no story in the link: the sidebar shows the first
    assert "another story" in at.info[0].value
    at.button[0].click().run()
    assert at.session_state["story"] == "second"
    assert "Outlet B" in html_of(at)


@pytest.fixture
def one_outlet_story(tmp_path, monkeypatch):
    folder = tmp_path / "stories" / "lonely"
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: One outlet only\n", encoding="utf-8")
    (folder / "articles" / "only.md").write_text("---\noutlet: Only Outlet\n---\nThe regime fell.\n",
                                                 encoding="utf-8")
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    return "lonely"


def test_a_story_with_one_outlet_says_blind_reading_needs_two(one_outlet_story):
    at = open_page(PAGE, story=one_outlet_story)
    assert "at least two outlets" in at.info[0].value
    assert not [box for box in at.selectbox if box.label == "Who wrote this?"]
