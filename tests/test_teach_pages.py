"""The Annotate and Discussion prompts pages through AppTest: marks to figures to candidates in session
state, prompts with their evidence, a one-outlet story, and hostile text shown literally."""

import codecs
import csv
import io

import pytest
from apptest_helpers import html_of, metrics, open_page

from framing.classroom.annotation import tokens
from framing.storage import USER_DATA_ENV

pytestmark = pytest.mark.usefixtures("analyses_shared")

ANNOTATE, DISCUSS = "views/annotate.py", "views/discuss.py"


@pytest.fixture
def hostile_story(tmp_path, monkeypatch):
    folder = tmp_path / "stories" / "hostile"
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: Hostile\n", encoding="utf-8")
    (folder / "articles" / "one.md").write_text(
        '---\noutlet: "**Bold** <script>"\nheadline: "<script>alert(1)</script> **loud**"\n---\n'
        "The regime used __init__ and **bold** words. The so-called rebels <script>x</script> fled.\n",
        encoding="utf-8")
    (folder / "articles" / "two.md").write_text(
        "---\noutlet: Second\n---\nThe government said the armed opposition fled.\n", encoding="utf-8")
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    return "hostile"


def mark_typed(at, text: str):
    at.text_area(key="annotate_typed").input(text)
    next(b for b in at.button if b.label == "Mark these").click().run()
    return at


def compare(at):
    next(b for b in at.button if b.label == "Compare with the lexicon").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_marks_give_figures_and_candidates_that_go_to_the_lexicon_page():
    at = open_page(ANNOTATE)
    at.selectbox(key="annotate_article").set_value("press-tv").run()
    mark_typed(at, "Takfiri\nstate-funded\nnot in this article at all")
    assert "not in this article at all" in at.code[0].value  # said, as data
    compare(at)
    figures = metrics(at)
    assert figures["Your marks"] == "3"  # Takfiri twice, state-funded once
    assert int(figures["Marked by both"]) >= 2  # Takfiri is a lexicon term
    assert "Small numbers: 3 marks" in " ".join(c.value for c in at.caption)
    page = html_of(at)
    assert '<mark class="annot both"' in page and '<mark class="annot student"' in page
    send = at.multiselect(key="annotate_send::assad-coalition-2015::press-tv")
    assert send.value == ["state-funded"]
    next(b for b in at.button if b.label == "Send to the Lexicon page").click().run()
    assert at.session_state["lexicon_candidates"] == [{"term": "state-funded", "category": None}]
    assert at.get("download_button")


def test_marks_survive_a_change_of_article_and_back():
    at = open_page(ANNOTATE)
    at.selectbox(key="annotate_article").set_value("press-tv").run()
    mark_typed(at, "Takfiri")
    at.selectbox(key="annotate_article").set_value("sputnik").run()
    assert "You have marked 0 words." in [c.value for c in at.caption]
    at.selectbox(key="annotate_article").set_value("press-tv").run()
    assert "You have marked 2 words." in [c.value for c in at.caption]


def test_a_word_picked_in_the_pills_inside_a_quotation_is_said_to_be_quoted(bundled):
    doc = next(d for d in bundled.documents if d.article.id == "al-manar")
    word = next(t for t in tokens(doc) if t.voice == "quote")
    at = open_page(ANNOTATE)
    at.selectbox(key="annotate_article").set_value("al-manar").run()
    pills = at.button_group(key=f"annotate_pick::assad-coalition-2015::al-manar::{word.sentence}")
    assert pills.options[[t.index for t in tokens(doc) if t.sentence == word.sentence].index(word.index)] == \
        f"*{word.text}*"  # a quoted word is set in italics
    pills.set_value([word.index]).run()
    assert "You have marked 1 word." in [c.value for c in at.caption]
    compare(at)
    assert "1 of your marks is inside quotation marks" in at.info[0].value
    at.radio(key="annotate_voice").set_value("narrator").run()
    assert metrics(at)["Your marks"] == "0" and "left out of this comparison" in at.info[0].value


def test_the_marks_download_is_spreadsheet_safe_csv(downloads):
    at = open_page(ANNOTATE)
    at.selectbox(key="annotate_article").set_value("press-tv").run()
    mark_typed(at, "Takfiri")
    compare(at)
    data = downloads["Download your marks and the comparison (CSV)"]
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads the curly quotes and accents right
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {row["text"] for row in rows if row["student"] == "True"} == {"Takfiri"}
    assert all(row["article"] == "press-tv" for row in rows)


def test_annotate_has_no_blind_toggle():
    """The Blind reading page is the blind exercise: Annotate names the outlets and says so plainly."""
    at = open_page(ANNOTATE)
    assert [toggle.key for toggle in at.toggle] == ["projector"]  # the sidebar's, and no other
    assert any(option.startswith("Press TV: ") for option in at.selectbox(key="annotate_article").options)


def test_hostile_text_shows_literally_on_both_pages(hostile_story):
    at = open_page(ANNOTATE, story=hostile_story)
    assert "**Bold** <script>: <script>alert(1)</script> **loud**" in at.selectbox(key="annotate_article").options
    labels = [option for group in at.button_group for option in group.options]
    assert r"\_\_init\_\_" in labels and "script" in labels
    mark_typed(at, "__init__\nbold")
    compare(at)
    page = html_of(at)
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "**" in page and "<script>x" not in page
    at = open_page(DISCUSS, story=hostile_story)
    page = html_of(at)
    assert "**Bold** &lt;script&gt;" in page and "<script>" not in page.split("</style>", 1)[1]


def test_discussion_prompts_are_numbered_with_figures_and_evidence():
    at = open_page(DISCUSS)
    page = html_of(at)
    assert "<h3>1. Why might" in page and "<h3>8. " in page and "<h3>9. " not in page
    assert len(at.expander) == 8 and all(e.label.startswith("Evidence: ") for e in at.expander)
    assert page.count('<table class="kwic">') == 8
    assert len(at.dataframe) == 8
    at.slider(key="discuss_top").set_value(3).run()
    assert "<h3>3. " in html_of(at) and "<h3>4. " not in html_of(at)
    assert at.get("download_button")


@pytest.mark.usefixtures("one_outlet_story")
def test_a_one_outlet_story_says_prompts_need_two_outlets():
    at = open_page(DISCUSS, story="lonely")
    assert "two outlets" in at.info[0].value
    at = open_page(ANNOTATE, story="lonely")  # annotation works on one article
    assert at.button_group
