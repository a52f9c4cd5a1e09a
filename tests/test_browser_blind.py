"""A lesson in real browsers: a teacher and two students, each in a context of their own. The students'
screens follow the teacher's reveal without a click, and the teacher sees both students' marks."""

from __future__ import annotations

import re

import pytest
from browser_helpers import no_exception, serve, settle
from conftest import NEEDS_CHROMIUM, TIMEOUT
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

BUNDLED = "assad-coalition-2015"
OUTLET_NAMES = ("Press TV", "Al-Manar", "Haaretz", "Reuters", "Sputnik", "The Week")
FOLLOW = 8_000  # ms: a student's screen polls every 2 s; a few seconds is what a class may wait


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("blind-data")
    with serve(data_dir) as url:
        yield url


@pytest.fixture
def screens(browser: Browser, browser_context_args):
    """Three browsers' worth of sessions: the teacher's and two students'."""
    contexts = [browser.new_context(**browser_context_args) for _ in range(3)]
    pages = []
    for context in contexts:
        context.set_default_timeout(TIMEOUT)
        pages.append(context.new_page())
    yield pages
    for context in contexts:
        context.close()


def visible_outlets(page: Page) -> list[str]:
    text = page.locator("body").inner_text().casefold()
    return [name for name in OUTLET_NAMES if name.casefold() in text]


def open_page(page: Page, url: str, heading: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    settle(page)


def guess(student: Page, outlet: str) -> None:
    student.get_by_test_id("stSelectbox").filter(has_text="Who wrote this?").first.click()
    student.keyboard.type(outlet)  # filter the list and take the match: the option element can be redrawn
    expect(student.get_by_role("option").filter(has_text=re.compile(f"^{outlet}$"))).to_have_count(1)
    student.keyboard.press("Enter")
    student.get_by_role("button", name="Submit").first.click()
    expect(student.get_by_text("Your guess is in.")).to_be_visible()


def mark(student: Page, phrase: str) -> None:
    student.get_by_label(re.compile("^Or type words or phrases")).fill(phrase)
    student.get_by_role("button", name="Mark these").click()
    expect(student.get_by_text(re.compile(r"^You have marked [1-9]\d* words?\.$"))).to_be_visible()
    settle(student)


def test_students_follow_the_teachers_reveal_and_the_teacher_sees_their_marks(app, screens):
    teacher, *students = screens
    open_page(teacher, f"{app}/blind?story={BUNDLED}", "Blind reading")
    teacher.get_by_role("button", name="Start a lesson").click()
    expect(teacher.get_by_text("Lesson code", exact=True)).to_be_visible()
    settle(teacher)
    code = re.search(r"lesson=([A-Z0-9]{4})", teacher.url).group(1)
    assert "teacher=" not in teacher.url  # the teacher's key stays out of the address bar
    teacher.get_by_text("Your teacher link: keep it to yourself").click()
    teacher_link = teacher.locator(".teacher-link").inner_text().strip()
    assert f"lesson={code}" in teacher_link and "teacher=" in teacher_link

    for student in students:
        open_page(student, f"{app}/blind?lesson={code}&story={BUNDLED}", "Blind reading")
        assert visible_outlets(student) == []
        expect(student.get_by_role("button", name="Reveal")).to_have_count(0)
        expect(student.get_by_text("Lesson code", exact=True)).to_have_count(0)
    guess(students[0], "Sputnik")
    expect(teacher.get_by_text("Outlet A: 1 guess in")).to_be_visible(timeout=FOLLOW)  # the teacher's tally reads again
    white_space = teacher.locator(".framing .article").first.evaluate("e => getComputedStyle(e).whiteSpace")
    assert white_space == "pre-wrap"  # the page's one stylesheet outlives the tally's redraws

    teacher.get_by_text(re.compile("^Yes, show every screen")).click()
    teacher.get_by_role("button", name="Reveal").click()
    expect(teacher.get_by_text(re.compile(r"^Outlet A is "))).to_be_visible()
    for student in students:  # no click on a student's screen
        expect(student.get_by_text(re.compile(r"^Outlet A is "))).to_be_visible(timeout=FOLLOW)
        settle(student)
        assert set(visible_outlets(student)) >= {"Press TV", "Al-Manar", "Haaretz", "Sputnik", "The Week"}

    for student, phrase in zip(students, ("Assad", "Assad\ncoalition"), strict=True):
        open_page(student, f"{app}/annotate?lesson={code}&story={BUNDLED}", "Annotate")
        expect(student.get_by_role("button", name="Open this article on every student's screen")).to_have_count(0)
        mark(student, phrase)
    open_page(teacher, teacher_link.replace("/blind", "/annotate"), "Annotate")
    marked = teacher.get_by_test_id("stMetric").filter(has_text="Students who marked it")
    expect(marked).to_contain_text("2", timeout=FOLLOW)
    for page in screens:
        no_exception(page)
