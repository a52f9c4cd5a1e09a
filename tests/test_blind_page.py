"""The Blind reading page through AppTest: solo guesses, a lesson joined by its code, and the reveal."""

import pytest
from apptest_helpers import html_of, open_page
from conftest import BUNDLED

from framing import load_story
from framing.classroom.blind import blind_labels
from framing.classroom.lessons import Guess, end_lesson, load_lesson, record_guess, start_lesson
from framing.storage import USER_DATA_ENV

pytestmark = pytest.mark.usefixtures("analyses_shared")

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


TEACHER_KEYS = ("blind_reveal", "blind_sure", "blind_reset", "blind_end")


def keys_of(at) -> set[str]:
    return {element.key for kind in ("button", "checkbox") for element in at.get(kind) if element.key}


def test_a_student_link_shows_no_teacher_control_and_starts_with_the_articles():
    lesson, _ = start_lesson(STORY)
    at = open_page(PAGE, lesson=lesson.code.lower(), story=STORY)
    assert not keys_of(at) & set(TEACHER_KEYS)
    assert not [e for e in at.expander if "teacher" in str(e.label).lower()]
    html = html_of(at)
    assert "Lesson code" not in html and "Guesses from" not in html  # no code panel, no tally above the texts
    blocks = [element.proto.body for element in at.get("html") if "<div" in element.proto.body]
    assert "Outlet " in blocks[0]  # the first thing drawn after the title is an article
    assert f"Lesson {lesson.code}" in at.caption[1].value  # under the page's own one-line intro
    assert at.button(key="blind_submit_" + lesson.code + str(lesson.seed) + "_A")


def test_a_student_joins_a_lesson_by_its_link_and_guesses_into_the_class_tally():
    lesson, token = start_lesson(STORY)
    record_guess(lesson.code, Guess("someone-else", "press-tv", "Sputnik"))
    at = open_page(PAGE, lesson=lesson.code.lower(), story=STORY)
    letter_of_press_tv = blind_labels(load_story(BUNDLED), lesson.seed)["press-tv"].split()[-1]
    guess(at, letter_of_press_tv, "Press TV", lesson=f"{lesson.code}{lesson.seed}")
    assert len(load_lesson(lesson.code).guesses) == 2
    assert named_outlets(at) == []

    teacher = open_page(PAGE, lesson=lesson.code, teacher=token, story=STORY)
    assert f"Outlet {letter_of_press_tv}: 2 guesses in" in html_of(teacher)
    assert f"lesson={lesson.code}&amp;story={STORY}" in html_of(teacher)  # the link to share
    assert token not in str(teacher.query_params)  # kept in the session, not in the address bar
    reveal_here(teacher)
    at.run()
    assert "Press TV" in page_text(at)
    assert f"{letter_of_press_tv} is Press TV" in html_of(at)


def test_starting_a_lesson_makes_a_code_and_a_teacher_screen_that_reveals_for_the_class():
    at = open_page(PAGE)
    at.button[0].click().run()
    code = at.query_params["lesson"]
    code = code[0] if isinstance(code, list) else code
    assert load_lesson(code).story == STORY
    assert code in html_of(at)
    assert "teacher=" in html_of(at)  # the private link, in its expander
    reveal_here(at)
    assert load_lesson(code).revealed


def test_a_reveal_without_the_teachers_token_is_refused():
    lesson, token = start_lesson(STORY)
    at = open_page(PAGE, lesson=lesson.code, teacher=token[::-1], story=STORY)
    assert any("not this lesson's" in w.value for w in at.warning)
    assert not keys_of(at) & set(TEACHER_KEYS)
    teacher = open_page(PAGE, lesson=lesson.code, teacher=token, story=STORY)
    teacher.checkbox(key="blind_sure").check().run()
    teacher.session_state["lesson_tokens"] = {lesson.code: "a-guess"}  # a forged session
    teacher.button(key="blind_reveal").click().run()
    assert not load_lesson(lesson.code).revealed
    assert any("only the teacher's link" in block.value for block in teacher.code)
    assert not keys_of(teacher) & set(TEACHER_KEYS)


def test_an_ended_lesson_says_so_and_the_page_works_alone():
    lesson, token = start_lesson(STORY)
    end_lesson(lesson.code, token)
    at = open_page(PAGE, lesson=lesson.code, story=STORY)
    assert "has ended" in "\n".join(block.value for block in at.code)
    assert at.button(key="blind_submit_solo_A")


def test_a_wrong_lesson_code_is_said_and_the_page_works_alone():
    at = open_page(PAGE, lesson="<b>ZZZZ</b>")
    assert at.warning and "cannot be opened" in at.warning[0].value
    assert any("<b>ZZZZ</b>" in block.value and "4 letters or digits" in block.value for block in at.code)
    assert at.button(key="blind_submit_solo_A")
    unknown = open_page(PAGE, lesson="ZZZZ")
    assert any("no lesson ZZZZ" in block.value for block in unknown.code)


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
    lesson, _ = start_lesson("second")
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
