"""Reading articles a user brings: every accepted format, and every bad input refused with a clear message."""

import codecs
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.library.importing import MAX_FILE_BYTES, MAX_FILE_MB, fingerprint, read_file, read_files, read_pasted

ARTICLE = "The regime said the so-called rebels had fled.\nOfficials denied it."
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Minister denies report | The Daily Courier</title>
<meta property="og:site_name" content="The Daily Courier"><meta name="date" content="2024-03-05">
<link rel="canonical" href="https://courier.example/world/talks">
<script>window.__pwned = 1; var SECRET_HEAD_SCRIPT = "head script text";</script>
</head><body>
<div id="cookie-banner">We use cookies. <button>Accept all cookies</button></div>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="advert">ADVERTISEMENT: buy shoes</div>
<article><h1>Minister denies report</h1>
<p>The foreign minister on Tuesday denied a newspaper report that the government had held secret talks with
its neighbour about the disputed border, calling the claims baseless fabrications.</p>
<script>window.__pwned = 2; var SECRET_BODY_SCRIPT = "body script text";</script>
<p>The so-called leaked documents allegedly showed officials meeting in a third country. Opposition
leaders said the regime was hiding the truth from voters, and analysts expected no end to the row.</p>
</article>
<footer>© 2024 The Daily Courier. All rights reserved.</footer></body></html>"""


def only_problem(result) -> str:
    assert not result.drafts
    assert len(result.problems) == 1, result.problems
    return str(result.problems[0])


def only_draft(result):
    assert not result.problems, [str(p) for p in result.problems]
    assert len(result.drafts) == 1
    return result.drafts[0]


def test_an_empty_file_is_refused():
    assert only_problem(read_file("a.txt", b"")) == "a.txt: the file is empty"


@pytest.mark.parametrize("data", [b"   \n\t\r\n  ", "\u00a0\u2003\n".encode()])
def test_a_whitespace_only_file_is_refused(data):
    assert "only blank space" in only_problem(read_file("a.txt", data))


def test_whitespace_only_pasted_text_is_refused():
    assert "only blank space" in only_problem(read_pasted(" \n\n "))


@pytest.mark.parametrize(("data", "said"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "Word, Excel or OpenDocument"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (bytes(range(256)) * 4, "binary file"),
    (b"text \x01\x02\x03\x04\x05\x06\x07\x08 more", "binary file"),
])
def test_a_binary_file_is_refused_and_named(data, said):
    message = only_problem(read_file("article.txt", data))
    assert said in message and "save the article as" in message


def test_a_pdf_under_its_own_name_is_told_to_be_saved_as_text():
    assert "looks like a PDF" in only_problem(read_file("report.pdf", b"%PDF-1.4 ..."))


def test_latin_1_text_is_read_with_a_notice():
    result = read_file("a.txt", "Café, señor, naïve".encode("latin-1"))
    assert only_draft(result).text == "Café, señor, naïve"
    assert [str(n) for n in result.notes] == ["a.txt: not UTF-8: read as Western European (cp1252)"]


def test_cp1252_quotes_are_read_as_quotes():
    draft = only_draft(read_file("a.txt", "“Regime” – he said".encode("cp1252")))
    assert draft.text == "“Regime” – he said"


def test_utf8_with_a_stray_byte_is_refused_not_turned_to_mojibake():
    message = only_problem(read_file("a.txt", "Café ".encode() + b"\xe9t\xe9"))
    assert "mixes two encodings" in message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    result = read_file("a.txt", bom + f"Déjà vu\r\n{ARTICLE}".encode(codec))
    assert only_draft(result).text == f"Déjà vu\n{ARTICLE}"
    assert not result.notes


def test_utf16_without_a_byte_order_mark_is_refused_with_the_reason():
    assert "UTF-16 text without a byte-order mark" in only_problem(read_file("a.txt", ARTICLE.encode("utf-16-le")))


def test_utf8_with_a_byte_order_mark_loses_the_mark():
    assert only_draft(read_file("a.md", codecs.BOM_UTF8 + ARTICLE.encode())).text == ARTICLE


def test_windows_and_old_mac_line_endings_become_newlines():
    draft = only_draft(read_file("a.txt", b"one\r\ntwo\rthree\n\r\nfour"))
    assert draft.text == "one\ntwo\nthree\n\nfour"


def test_windows_line_endings_in_front_matter_and_csv():
    draft = only_draft(read_file("a.md", b"---\r\noutlet: X\r\n---\r\nBody\r\n"))
    assert (draft.text, draft.outlet) == ("Body\n", "X")
    row = only_draft(read_file("a.csv", b'text,outlet\r\n"line one\r\nline two",Y\r\n'))
    assert (row.text, row.outlet) == ("line one\nline two", "Y")


def test_a_file_over_the_limit_is_refused_with_its_size_and_the_limit():
    message = only_problem(read_file("big.txt", b"word " * (MAX_FILE_BYTES // 5 + 1)))
    assert f"the limit is {MAX_FILE_MB} MB" in message and "5.0 MB" in message


def test_pasted_text_over_the_limit_is_refused():
    assert f"limit of {MAX_FILE_MB} MB" in only_problem(read_pasted("x" * (MAX_FILE_BYTES + 1)))


def test_an_unknown_suffix_is_refused_with_the_ones_accepted():
    assert ".docx" in only_problem(read_file("a.docx", b"plain")) and ".html" in str(read_file("a.x", b"p").problems[0])


def test_front_matter_gives_metadata_and_title_means_headline():
    draft = only_draft(read_file("a.md", f"---\noutlet: Press TV\ntitle: A headline\ndate: 2015-02-10\n---\n{ARTICLE}"
                                 .encode()))
    assert draft.metadata == {"outlet": "Press TV", "date": "2015-02-10", "headline": "A headline",
                              "source_file": "a.md"}
    assert draft.text == ARTICLE


def test_broken_front_matter_is_a_problem():
    assert "never closed" in only_problem(read_file("a.md", b"---\noutlet: X\nno end"))


def test_csv_rows_become_articles_with_their_metadata():
    data = b"headline,outlet,country,text\nOne,Alpha,UK,First article text.\nTwo,Beta,US,Second article text.\n"
    result = read_file("rows.csv", data)
    assert [(d.outlet, d.metadata["headline"], d.text) for d in result.drafts] == [
        ("Alpha", "One", "First article text."), ("Beta", "Two", "Second article text.")]
    assert [d.source for d in result.drafts] == ["rows.csv, row 2", "rows.csv, row 3"]
    assert not result.problems and not result.notes


def test_a_semicolon_csv_from_a_spreadsheet_is_read():
    assert only_draft(read_file("rows.csv", b"outlet;body\nAlpha;Some text, with a comma.\n")).outlet == "Alpha"


def test_csv_with_a_wrong_field_count_names_the_rows():
    result = read_file("rows.csv", b"text,outlet\nfine,A\ntoo,many,fields\nalso fine,B\nshort\n")
    assert [str(p) for p in result.problems] == [
        "rows.csv, row 3: 3 fields where the header has 2 (a comma inside a field needs quotation marks around "
        "the field)",
        "rows.csv, row 5: 1 field where the header has 2 (a comma inside a field needs quotation marks around "
        "the field)"]
    assert [d.source for d in result.drafts] == ["rows.csv, row 2", "rows.csv, row 4"]  # saved only if asked


def test_csv_with_an_unclosed_quote_names_the_row_it_opened_in():
    message = only_problem(read_file("rows.csv", b'text,outlet\nfine,A\n"never closed,B\nmore,C\n'))
    assert message == ("rows.csv, row 3: a quotation mark opened here is never closed, so the rest of the file "
                       "cannot be read")


def test_csv_with_a_stray_quote_is_a_problem():
    assert "not valid CSV" in only_problem(read_file("rows.csv", b'text,outlet\n"quoted"junk,A\n'))


def test_a_table_without_a_text_column_says_what_it_found():
    message = only_problem(read_file("rows.csv", b"story,outlet\nx,A\n"))
    assert "expected one named text or body or content; found story, outlet" in message


def test_a_row_without_text_is_named():
    result = read_file("rows.csv", b"text,outlet\nSome text.,A\n  ,B\n")
    assert [str(p) for p in result.problems] == ["rows.csv, row 3: no text"]


def test_unknown_columns_are_reported_not_kept():
    result = read_file("rows.csv", b"text,outlet,author,likes\nSome text.,A,Jo,3\n")
    assert "author" not in result.drafts[0].metadata
    assert ["author, likes" in str(note) for note in result.notes] == [True]


def test_jsonl_rows_become_articles():
    line = {"text": "First text.", "outlet": "A", "date": "2024-01-02"}
    result = read_file("rows.jsonl", json.dumps(line).encode())
    assert only_draft(result).metadata == {"outlet": "A", "date": "2024-01-02", "source_file": "rows.jsonl, line 1"}


def test_malformed_jsonl_names_the_line_and_the_error():
    data = b'{"text": "ok", "outlet": "A"}\n\n{"text": "broken\n[1, 2]\n{"text": 5, "outlet": "B"}\n'
    result = read_file("rows.jsonl", data)
    assert [str(p) for p in result.problems] == [
        "rows.jsonl, line 3: not valid JSON (Unterminated string starting at, column 10)",
        "rows.jsonl, line 4: expected a JSON object {...}, got list",
        "rows.jsonl, line 5: the text is int, not text",
    ]
    assert [d.text for d in result.drafts] == ["ok"]  # saved only if the user leaves the others out


def test_a_jsonl_row_whose_text_is_not_text_is_named():
    message = only_problem(read_file("r.jsonl", b'{"text": 5, "outlet": "B"}\n'))
    assert message == "r.jsonl, line 1: the text is int, not text"


def test_html_gives_the_main_text_and_metadata_and_no_script():
    draft = only_draft(read_file("page.html", PAGE.encode()))
    assert "secret talks" in draft.text and "third country" in draft.text
    for furniture in ("SECRET_", "script text", "__pwned", "cookies", "ADVERTISEMENT", "All rights reserved", "Sport"):
        assert furniture not in draft.text
    assert draft.metadata == {"outlet": "The Daily Courier", "date": "2024-03-05", "headline": "Minister denies report",
                              "url": "https://courier.example/world/talks", "source_file": "page.html"}


def test_pasted_html_source_is_read_as_a_page():
    draft = only_draft(read_pasted(PAGE))
    assert "secret talks" in draft.text and "__pwned" not in draft.text


def test_a_page_with_nothing_readable_is_refused():
    page = b"<html><head><script>document.write('hi')</script></head><body><div id='app'></div></body></html>"
    assert "no readable article text" in only_problem(read_file("app.html", page))


@pytest.mark.parametrize("body", ['<nav><a href="/">Home</a></nav>', '<a href="/">Home</a>',
                                  '<ul><li><a href="/">Home</a></li><li><a href="/world">World  news</a></li></ul>'])
def test_a_page_of_menu_links_only_is_refused_not_imported_as_an_article(body):
    page = f"<html><head><title>The Courier</title></head><body>{body}</body></html>".encode()
    assert "no readable article text" in only_problem(read_file("menu.html", page))


def test_a_page_whose_article_mentions_a_link_is_still_read():
    page = (b'<html><body><nav><a href="/">Home</a></nav>'
            b'<p>The regime fell, <a href="/r">said a report</a>.</p></body></html>')
    assert "The regime fell" in only_draft(read_file("one.html", page)).text


def test_the_same_article_twice_in_one_upload_is_refused_naming_the_first():
    again = "  " + ARTICLE.upper().replace("\n", "\r\n")
    result = read_files([("a.txt", ARTICLE.encode()), ("b.txt", again.encode())])
    assert [d.name for d in result.drafts] == ["a.txt"]
    assert [str(p) for p in result.problems] == ["b.txt: the same article as a.txt"]


def test_the_same_row_twice_in_a_table_names_its_row():
    assert [str(p) for p in read_files([("r.csv", b"text,outlet\nSame words.,A\nSame  words.,B\n")]).problems] == [
        "r.csv, row 3: the same article as r.csv, row 2"]


def test_fingerprints_ignore_spacing_and_capitals_only():
    assert fingerprint("The  regime\nsaid.") == fingerprint("the regime said.")
    assert fingerprint("The regime said.") != fingerprint("The government said.")


def test_defaults_fill_only_what_the_file_left_empty():
    draft = only_draft(read_file("a.md", b"---\noutlet: Own\n---\nText."))
    filled = draft.with_defaults({"outlet": "Flag", "country": "UK"})
    assert (filled.outlet, filled.metadata["country"]) == ("Own", "UK")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_drafts_or_problems_never_an_exception(data):
    for name in ("a.txt", "a.md", "a.csv", "a.jsonl", "a.html"):
        result = read_file(name, data)
        assert result.drafts or result.problems
        for draft in result.drafts:
            assert draft.text.strip() and "\r" not in draft.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_pasted_text_gives_drafts_or_problems(text):
    result = read_pasted(text)
    assert bool(result.drafts) != bool(result.problems)


@pytest.mark.parametrize("text, encoding, note", [
    ("The minister called it “passé” — a café’s résumé… naïve.", "cp1252", "Western European (cp1252)"),
    ("Le ministre a dit que la réforme était déjà passée.", "latin-1", "Western European (cp1252)"),
    ("Министр заявил, что реформа уже принята парламентом страны.", "cp1251", "cp1251"),
    ("قال الوزير إن الإصلاح قد تم إقراره بالفعل في البرلمان", "cp1256", "cp1256"),
])
def test_single_byte_code_pages_are_read_with_a_note(text, encoding, note):
    from framing.decoding import decode

    assert decode(text.encode(encoding)) == (text, f"not UTF-8: read as {note}")


def test_utf16_without_a_byte_order_mark_and_mixed_encodings_are_refused_with_the_reason():
    from framing.decoding import decode

    with pytest.raises(ValueError, match="UTF-16 text without a byte-order mark"):
        decode("The regime said so.".encode("utf-16-le"))
    with pytest.raises(ValueError, match="mixes two encodings"):
        decode("Café “déjà” vu, naïve résumé. ".encode() + "passé".encode("cp1252"))


def test_a_plain_folder_is_decoded_as_import_decodes_it(tmp_path):
    from framing.stories import StoryError, load_story

    (tmp_path / "a.txt").write_bytes("Le café “passé”.".encode("cp1252"))
    assert load_story(tmp_path).articles[0].raw == "Le café “passé”."
    (tmp_path / "b.txt").write_bytes("The regime said so.".encode("utf-16-le"))
    with pytest.raises(StoryError, match=r"b\.txt: this is a binary file, not text"):
        load_story(tmp_path)
