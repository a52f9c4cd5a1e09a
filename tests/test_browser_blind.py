"""A blind-reading lesson in a real browser: a teacher and a student on two screens of one lesson."""

from __future__ import annotations

import re

import pytest
from browser_helpers import no_exception, serve, settle
from conftest import NEEDS_CHROMIUM, TIMEOUT
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

BUNDLED = "assad-coalition-2015"
OUTLET_NAMES = ("Press TV", "Al-Manar", "Haaretz", "Reuters", "Sputnik", "The Week")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("blind-data")
    with serve(data_dir) as url:
        yield url


@pytest.fixture
def screens(browser: Browser, browser_context_args):
    """Two browsers' worth of sessions: the teacher's and a student's."""
    contexts = [browser.new_context(**browser_context_args) for _ in range(2)]
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


def open_blind(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Blind reading")).to_be_visible()
    settle(page)


def test_a_student_guesses_the_teacher_sees_the_count_and_both_see_the_reveal(app, screens):
    teacher, student = screens
    open_blind(teacher, f"{app}/blind?story={BUNDLED}")
    assert visible_outlets(teacher) == []
    teacher.get_by_role("button", name="Start a lesson").click()
    expect(teacher.get_by_text("Lesson code", exact=True)).to_be_visible()
    settle(teacher)
    code = re.search(r"lesson=([A-Z0-9]{4})", teacher.url).group(1)
    expect(teacher.get_by_text("Outlet A: 0 guesses in")).to_be_visible()

    open_blind(student, f"{app}/blind?lesson={code}&story={BUNDLED}")
    expect(student.get_by_text(code, exact=True)).to_be_visible()
    assert visible_outlets(student) == []
    settle(student)
    student.get_by_test_id("stSelectbox").filter(has_text="Who wrote this?").first.click()
    student.keyboard.type("Sputnik")  # filter the list and take the match: the option element can be redrawn
    expect(student.get_by_role("option").filter(has_text=re.compile(r"^Sputnik$"))).to_have_count(1)
    student.keyboard.press("Enter")
    student.get_by_role("button", name="Submit").first.click()
    expect(student.get_by_text("Your guess is in.")).to_be_visible()
    expect(student.get_by_text("Outlet A: 1 guess in")).to_be_visible()
    settle(student)
    assert set(visible_outlets(student)) <= {"Sputnik"}  # at most the student's own choice, in its box

    teacher.get_by_role("button", name="Check for new guesses").click()
    expect(teacher.get_by_text("Outlet A: 1 guess in")).to_be_visible()
    assert visible_outlets(teacher) == []

    teacher.get_by_text(re.compile("^Yes, show every screen")).click()
    teacher.get_by_role("button", name="Reveal").click()
    expect(teacher.get_by_text(re.compile(r"^Outlet A is "))).to_be_visible()
    settle(teacher)
    assert set(visible_outlets(teacher)) >= {"Press TV", "Al-Manar", "Haaretz", "Sputnik", "The Week"}

    student.get_by_role("button", name="Check for new guesses").click()  # or wait: the tally reads again
    expect(student.get_by_text(re.compile(r"^Outlet A is "))).to_be_visible()
    expect(student.get_by_text(re.compile(r"Outlet A \([^)]+\)+: \d of 1 guess right"))).to_be_visible()
    no_exception(teacher)
    no_exception(student)
