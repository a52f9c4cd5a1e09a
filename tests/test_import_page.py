"""The Import articles page through AppTest: paste or upload, describe, save; every problem shown, nothing
half-saved."""

import pytest
from apptest_helpers import open_page
from test_importing import PAGE

from framing import load_story
from framing.library.importing import make_draft
from framing.library.story_store import create_story, user_stories
from framing.storage import USER_DATA_ENV, data_subdir

pytestmark = pytest.mark.usefixtures("analyses_shared")

PAGE_FILE = "views/import_story.py"
TEXT = "The regime said the so-called rebels had fled.\nOfficials denied it."


def codes(at) -> str:
    return "\n".join(code.value for code in at.code)


def errors(at) -> list[str]:
    return [error.value for error in at.error]


def save(at):
    at.button(key="import_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_pasted_article_with_an_outlet_is_saved_as_a_new_story_and_opens():
    at = open_page(PAGE_FILE)
    at.text_input(key="import_title").set_value("Border <b>talks</b>").run()
    at.text_area(key="import_paste_0").set_value(f"---\noutlet: Courier **one**\n---\n{TEXT}").run()
    assert at.button(key="import_save").label == "Save 1 article"

    save(at)

    assert user_stories() == {"border-b-talks-b": "Border <b>talks</b>"}
    assert [s.value for s in at.success] == ["Saved 1 article to this story:"]
    assert "Border <b>talks</b>" in codes(at)
    assert "one outlet so far" in at.info[0].value
    assert at.text_area(key="import_paste_1").value == ""  # the paste box is empty for the next article
    at.button(key="import_open_story").click().run()
    assert at.session_state["story"] == "border-b-talks-b"
    assert any("This story has one outlet" in info.value for info in at.info)  # the Overview says so


def test_an_article_without_an_outlet_is_not_saved():
    at = open_page(PAGE_FILE)
    at.text_input(key="import_title").set_value("T").run()
    at.text_area(key="import_paste_0").set_value(TEXT).run()
    save(at)
    assert errors(at) == ["Nothing was saved: every article needs its outlet. Fill in the outlet of:"]
    assert "pasted text" in codes(at)
    assert user_stories() == {}


def test_bad_uploads_are_listed_and_block_the_save_until_left_out():
    at = open_page(PAGE_FILE)
    at.text_input(key="import_title").set_value("Mixed").run()
    at.file_uploader(key="import_files_0").set_value([
        ("page.html", PAGE.encode(), "text/html"), ("empty.txt", b"", "text/plain"),
        ("report.txt", b"%PDF-1.5 binary", "text/plain"), ("again.txt", b"", "text/plain"),
        ("rows.csv", b'text,outlet\n"unclosed,A\n', "text/csv"),
    ]).run()
    assert errors(at)[0] == "4 problems: these cannot be imported."
    listed = codes(at)
    for line in ("empty.txt: the file is empty", "report.txt: this looks like a PDF",
                 "rows.csv, row 2: a quotation mark opened here is never closed"):
        assert line in listed
    save(at)
    assert "Nothing was saved: fix the problems listed above" in errors(at)[-1]
    assert user_stories() == {}

    at.checkbox(key="import_skip").check()  # in the form: sent with the submit, as a browser does
    save(at)
    (slug,) = user_stories()
    (article,) = load_story(data_subdir("stories") / slug).articles
    assert article.outlet == "The Daily Courier" and "secret talks" in article.raw
    assert "__pwned" not in article.raw and "SECRET_" not in article.raw


def test_an_article_already_in_the_story_is_shown_as_a_problem():
    saved = create_story("Mine", "", [make_draft(TEXT, {"outlet": "Alpha", "headline": "First"})])
    at = open_page(PAGE_FILE)
    at.selectbox(key="import_target").set_value(saved.slug).run()
    assert "Alpha" in str(at.dataframe[0].value["outlet"].tolist())  # the articles it already has
    at.text_area(key="import_paste_0").set_value("  " + TEXT.upper()).run()
    assert "pasted text: already in the story as alpha-first (Alpha: First)" in codes(at)


def test_leaving_out_an_article_already_in_the_story_saves_the_new_one():
    saved = create_story("Mine", "", [make_draft(TEXT, {"outlet": "Alpha"})])
    at = open_page(PAGE_FILE)
    at.selectbox(key="import_target").set_value(saved.slug).run()
    at.file_uploader(key="import_files_0").set_value([
        ("old.txt", TEXT.encode(), "text/plain"),
        ("new.txt", b"---\noutlet: Beta\n---\nThe government said armed groups fled.", "text/plain"),
    ]).run()
    assert "old.txt: already in the story as alpha (Alpha)" in codes(at)
    assert at.button(key="import_save").label == "Save 1 article"  # the repeat is not in the table
    at.checkbox(key="import_skip").check()  # in the form: sent with the submit, as a browser does
    save(at)
    assert [a.outlet for a in load_story(saved.folder).articles] == ["Alpha", "Beta"]


def test_adding_a_second_outlet_to_a_story_of_mine():
    saved = create_story("Mine", "", [make_draft(TEXT, {"outlet": "Alpha"})])
    at = open_page(PAGE_FILE)
    at.selectbox(key="import_target").set_value(saved.slug).run()
    at.text_area(key="import_paste_0").set_value("---\noutlet: Beta\n---\nThe government said armed groups fled.").run()
    save(at)
    assert not at.info or all("one outlet" not in info.value for info in at.info)
    assert [a.outlet for a in load_story(saved.folder).articles] == ["Alpha", "Beta"]


def test_a_data_folder_that_cannot_be_written_says_how_to_fix_it(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(USER_DATA_ENV, str(blocker / "data"))
    at = open_page(PAGE_FILE)
    assert any("cannot be written" in error and USER_DATA_ENV in error and "--data-dir" in error
               for error in errors(at))


def test_a_file_over_the_limit_is_listed_with_the_problems():
    at = open_page(PAGE_FILE)
    at.text_input(key="import_title").set_value("Big").run()
    big = b"The regime said so. " * (6 * 1024 * 1024 // 20 + 1)
    at.file_uploader(key="import_files_0").set_value([("big.txt", big, "text/plain"),
                                                      ("small.txt", TEXT.encode(), "text/plain")]).run()
    assert "big.txt: the file is 6.0 MB; the limit is 5 MB per file" in codes(at)


def test_an_article_and_a_story_can_be_removed_and_the_removal_undone():
    saved = create_story("Mine", "", [make_draft(TEXT, {"outlet": "Alpha", "headline": "First"}),
                                      make_draft("Another text about the talks.", {"outlet": "Beta"})])
    at = open_page(PAGE_FILE)
    at.selectbox(key="import_target").set_value(saved.slug).run()
    at.selectbox(key="import_remove_article").set_value("beta").run()
    at.button(key="import_remove").click().run()
    assert [a.outlet for a in load_story(saved.folder).articles] == ["Alpha"]
    assert "the article Beta: beta" in codes(at)
    assert at.button(key="import_remove").disabled  # a story keeps one article at least
    at.button(key="import_undo").click().run()
    assert sorted(a.outlet for a in load_story(saved.folder).articles) == ["Alpha", "Beta"]
    assert not at.exception

    assert at.button(key="import_delete").disabled  # until the checkbox says yes
    at.checkbox(key="import_delete_sure").check().run()
    at.button(key="import_delete").click().run()
    assert user_stories() == {} and at.selectbox(key="import_target").value == ""
    assert "the story Mine" in codes(at)
    at.button(key="import_undo").click().run()
    assert list(user_stories()) == [saved.slug] and len(load_story(saved.folder).articles) == 2


def test_the_server_and_the_uploader_take_files_up_to_the_import_limit():
    import tomllib

    from conftest import REPO

    from framing.library.importing import MAX_FILE_MB

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_FILE_MB  # refused before the server holds it in memory
    uploader = open_page(PAGE_FILE).file_uploader(key="import_files_0")
    assert uploader.proto.max_upload_size_mb == MAX_FILE_MB
    assert f"up to {MAX_FILE_MB} MB each" in uploader.label


def article_fields(at) -> list[dict]:
    """Each article's text boxes on the page, field name -> box, in the table's order (files by name)."""
    boxes: dict[str, dict] = {}
    for box in at.text_input:
        if box.key and box.key.startswith("import_") and ":" in box.key:
            name, article = box.key.removeprefix("import_").split(":", 1)
            boxes.setdefault(article, {})[name] = box
    return list(boxes.values())


def test_what_is_typed_for_each_article_is_saved_with_it_and_empty_stays_empty():
    at = open_page(PAGE_FILE)
    at.text_input(key="import_title").set_value("Typed").run()
    at.file_uploader(key="import_files_0").set_value([("a.txt", TEXT.encode(), "text/plain"),
                                                      ("b.txt", b"The government said armed groups fled.",
                                                       "text/plain")]).run()
    first, second = article_fields(at)
    assert first["headline"].value == "The regime said the so-called rebels had fled."  # proposed from line one
    assert first["url"].value == "" and second["country"].value == ""  # never "None"
    typed = ({"outlet": "Alpha", "country": "Syria", "headline": "Rebels fled"},
             {"outlet": "Beta", "date": "2024-03-05", "ownership": "state"})
    for boxes, values in zip((first, second), typed, strict=True):
        for name, value in values.items():
            boxes[name].input(value)  # typed, not yet sent: the form sends it with Save
    save(at)
    (slug,) = user_stories()
    articles = sorted(load_story(data_subdir("stories") / slug).articles, key=lambda a: a.outlet)
    assert [(a.outlet, a.country, a.headline) for a in articles] == [
        ("Alpha", "Syria", "Rebels fled"), ("Beta", "", "The government said armed groups fled.")]
    assert (articles[1].date, articles[1].ownership) == ("2024-03-05", "state")
    saved_text = "".join(p.read_text(encoding="utf-8") for p in (data_subdir("stories") / slug).rglob("*.md"))
    assert "None" not in saved_text and "url:" not in saved_text


def test_many_articles_are_described_a_screen_at_a_time_and_nothing_typed_is_lost_between_screens():
    from views.import_story import ARTICLES_SHOWN

    rows = "".join(f'"Article {i} says the regime fell.",Outlet {i}\n' for i in range(ARTICLES_SHOWN + 5))
    at = open_page(PAGE_FILE)
    at.text_input(key="import_title").set_value("Many").run()
    at.file_uploader(key="import_files_0").set_value([("rows.csv", f"text,outlet\n{rows}".encode(), "text/csv")]).run()
    assert len(article_fields(at)) == ARTICLES_SHOWN and at.button(key="import_previous").disabled
    article_fields(at)[0]["country"].input("Syria")
    at.button(key="import_next").click().run()
    shown = article_fields(at)
    assert len(shown) == 5 and at.button(key="import_next").disabled
    shown[-1]["outlet"].input("Renamed Outlet")
    at.button(key="import_previous").click().run()
    assert article_fields(at)[0]["country"].value == "Syria"  # kept while the other screen was shown
    save(at)
    (slug,) = user_stories()
    articles = {a.outlet: a for a in load_story(data_subdir("stories") / slug).articles}
    assert len(articles) == ARTICLES_SHOWN + 5 and "Renamed Outlet" in articles
    assert f"Outlet {ARTICLES_SHOWN + 4}" not in articles
    assert articles["Outlet 0"].country == "Syria" and articles["Outlet 1"].country == ""
