from hypothesis import example, given
from hypothesis import strategies as st

from framing.cleaning import clean


def reasons(cleaned):
    return {piece.text: piece.reason for piece in cleaned.removed}


def test_furniture_lines_are_removed_with_their_reasons():
    raw = "\n".join([
        "Minister resigns over budget row",
        "  • Written by: Jane Doe",
        "12-03-2021 09:15 AM Local Time",
        "The minister resigned on Tuesday after a week of pressure.",
        "Share this article",
        "Subscribe to The Daily Paper",
        "Get the news that matters, every morning.",
        "Sign up for our free newsletters",
        "She said she had done nothing wrong.",
    ])
    cleaned = clean(raw)
    assert cleaned.text.splitlines() == [
        "Minister resigns over budget row",
        "The minister resigned on Tuesday after a week of pressure.",
        "She said she had done nothing wrong.",
    ]
    assert reasons(cleaned) == {
        "• Written by: Jane Doe": "byline",
        "12-03-2021 09:15 AM Local Time": "time stamp",
        "Share this article": "share or follow button",
        "Subscribe to The Daily Paper": "newsletter or subscription blurb",
        "Get the news that matters, every morning.": "newsletter or subscription blurb",
        "Sign up for our free newsletters": "newsletter or subscription blurb",
    }


def test_a_newspapers_print_edition_note_is_removed_but_prose_about_print_is_kept():
    note = ("A version of this article appears in print on Oct. 30, 2018, Section A, Page 1 of the New York "
            "edition with the headline: Caravan Presses North.")
    kept = "A version of this article appears in print, the editor said: it was cut."
    cleaned = clean("\n".join(["Caravan presses north", "The caravan left on Monday.", kept, note]))
    assert cleaned.text.splitlines() == ["Caravan presses north", "The caravan left on Monday.", kept]
    assert reasons(cleaned) == {note: "print edition note"}


def test_related_article_teasers_between_separators_and_bylines_are_removed():
    raw = "\n".join([
        "The talks ended without agreement on Friday.",
        "-",
        "Why the talks failed",
        "The Explainer A look at what went wrong",
        "By Sam Smith, The Paper Published",
        "-",
        "Five things to know",
        "By The Paper Published",
    ])
    cleaned = clean(raw)
    assert cleaned.text == "The talks ended without agreement on Friday."
    assert reasons(cleaned)["Why the talks failed"] == "related-article list"
    assert reasons(cleaned)["Five things to know"] == "related-article list"


def test_captions_credits_and_a_caption_glued_to_a_sentence():
    raw = "\n".join([
        "The leader (L) meets the envoy in the capital on March 3, 2020.",
        "Troops gather at the border before dawn, January 5, 2020.",
        "Troops gather at the border before dawn, January 5, 2020.Credit: AP",
        "The leader ruled out new talks.Leader at the summit",
    ])
    cleaned = clean(raw)
    assert cleaned.text == "The leader ruled out new talks."
    removed = {(p.text, p.kind) for p in cleaned.removed}
    assert ("Leader at the summit", "caption") in removed
    assert ("Troops gather at the border before dawn, January 5, 2020.", "caption") in removed


def test_a_party_label_after_a_name_is_no_picture_position():
    prose = ["Sen. Ann Cole (R), a budget hawk, voted no.", "Rep. Dan Ruiz (R) is retiring. Rep. Li Ho (R) has won.",
             "Gov. Ed Park (R-Ohio) signed it.", "Mayor Jo Tran (D) and Rep. Al Ames (I) said so."]
    assert clean("\n".join(prose)).text == "\n".join(prose)
    captions = ["The governor (R) greets farmers at the fair.", "The mayor (R) speaking in the town hall."]
    assert [p.kind for p in clean("\n".join(["The fair opened.", *captions])).removed] == ["caption", "caption"]


def test_dateline_and_repeated_lines_are_removed_but_the_first_copy_stays():
    raw = "\n".join(["Headline of the day", "", "BEIRUT (AFP) - The army moved in.", "Troops followed.",
                     "Troops followed.", "Headline of the day"])
    cleaned = clean(raw)
    assert cleaned.text == "Headline of the day\nThe army moved in.\nTroops followed."
    assert [p.reason for p in cleaned.removed].count("repeated line") == 2
    assert reasons(cleaned)["BEIRUT (AFP) - "] == "dateline"


def test_headline_standfirst_and_subheadings_are_kept_as_headline():
    raw = "Big title here\nA standfirst without a full stop\nFirst paragraph of the body.\nA Subheading\nMore body."
    kinds = [(p.text, p.kind, p.reason) for p in clean(raw).pieces]
    assert kinds == [
        ("Big title here", "headline", "title"),
        ("A standfirst without a full stop", "headline", "standfirst"),
        ("First paragraph of the body.", "body", "paragraph"),
        ("A Subheading", "headline", "subheading"),
        ("More body.", "body", "paragraph"),
    ]


def test_body_sentences_that_look_like_furniture_are_kept():
    raw = "\n".join([
        "By Monday, the army had retaken the town.",
        "The interview was published on Monday.",
        "The group was sponsored by Gulf states, he said.",
        "Assad also spoke about Facebook and Twitter.",
        "Join the coalition or be ignored, Obama told allies.",
        "ISIL – which controls much of eastern Syria – has lost ground.",
    ])
    cleaned = clean(raw)
    assert cleaned.removed == ()
    assert cleaned.text == raw


def test_windows_line_endings_and_blank_lines_do_not_leak_into_the_text():
    cleaned = clean("Title\r\n\r\nBody one.\r\n\r\nBody two.\r\n")
    assert cleaned.text == "Title\nBody one.\nBody two."


def test_keep_can_include_captions():
    raw = "Body sentence here.\nA photo of the scene. Photo: Reuters"
    assert "Photo: Reuters" not in clean(raw).text
    assert "Photo: Reuters" in clean(raw, keep=frozenset({"headline", "body", "caption"})).text


def test_the_promo_shortcut_never_skips_a_line_the_pattern_would_match():
    """Every character a case-insensitive expression equates with a letter of a promo word, put
    in that word, still reaches the pattern."""
    import re
    import sys

    from framing import resources as r
    from framing.cleaning import _may_promote

    every_character = "".join(map(chr, range(sys.maxunicode + 1)))  # one search per letter, not one per character
    variants = {letter: re.findall(letter, every_character, re.IGNORECASE) for letter in "abcdefghijklmnopqrstuvwxyz"}
    for word in ("newsletter", "subscribe", "sign up", "inbox", "delivered directly", "free daily email",
                 "advertisement", "unsubscribe"):
        for i, letter in enumerate(word):
            for variant in variants.get(letter, []):
                text = f"Get our {word[:i]}{variant}{word[i + 1:]} today"
                if r.PROMO_RE.search(text):
                    assert _may_promote(text), text


# The rule as one look-behind expression: a capital right after a stop that ends a word.
_GLUED_RULE = r"(?<=[a-z0-9)\]][.!?])(?=[A-Z])"


@given(st.lists(st.sampled_from(["a", "Z", "7", ")", "]", ".", "!", "?", " ", "Photo: AP", "(left)", "\u00e9",
                                 "x.Y", "end.Start"]), max_size=30).map("".join))
def test_a_glued_tail_is_cut_where_the_look_behind_rule_says(text):
    import re

    from framing.cleaning import _glued_tail

    cuts = [m.start() for m in re.finditer(_GLUED_RULE, text)]
    head, tail = _glued_tail(text)
    assert head + tail == text
    assert tail in ("", text[cuts[-1]:]) if cuts else tail == ""


def test_a_caption_glued_after_the_last_full_stop_is_cut_there():
    from framing.cleaning import _glued_tail

    text = "The talks went on.Nobody left early. The envoy spoke (2) times.Photo: Reuters"
    assert _glued_tail(text) == ("The talks went on.Nobody left early. The envoy spoke (2) times.", "Photo: Reuters")
    assert _glued_tail("A.B.C.d") == ("A.B.C.d", "")  # no word before the stops


# Line breaks of every kind, stops before capitals, promo words in odd cases, letters whose
# casefold is longer (ß, ﬁ) or that a case-insensitive pattern equates (ı, İ), and odd spaces.
_WHOLE_TEXT_PIECES = st.lists(st.sampled_from([
    "word", "Word", ".", "!", "?", "A", " ", "  ", "\n", "\r\n", "\r", "\t", "\u00a0", "\u2009", "\x1c",
    "newsletter", "SUBSCRIBE", "Sign", "inbox", "free", "advertisement", "delivered", "news", "le", "tter",
    "\u00df", "\ufb01", "\u0131nbox", "S\u0130GN", "\u017fubscribe", "\u00e9", ":", "(", "\u00a9", "Photo: AP",
    "\u1e9e", "\u212a", "Sign up", "NEWSLETTERS", "\u201cfree daily email\u201d", "\udcff",
]), max_size=40).map("".join)


@given(_WHOLE_TEXT_PIECES)
@example("\u00df" * 8 + "\nfree" + "\n" * 8)  # a longer casefold puts the word lines further on
@example("\u00e9" + "\n" * 8 + "a free\nb")  # the lines of a text beyond ASCII, counted in its UTF-8
@example("\u00e9\r\n\r" + "\n" * 6 + "a free\rb")  # and with every kind of line break
def test_the_lines_found_by_searching_the_whole_text_are_those_each_line_gives(raw):
    """The hints cleaning takes from one search of the whole text name exactly the lines the
    per-line rules would find: a glued stop, a promo word, a caption's mark, and whether joining
    words changes one."""
    from framing import resources as r
    from framing.cleaning import _LINE_BREAK_RE, _Hints, _lines, _may_promote

    lines, line_starts = _lines(raw)
    assert lines == [line.strip() for line in _LINE_BREAK_RE.split(raw)]
    hints = _Hints.of(raw, lines, line_starts)
    assert hints.glued == {i for i, line in enumerate(lines) if r.GLUED_TAIL_RE.search(line)}
    assert hints.promo == {i for i, line in enumerate(lines) if _may_promote(line)}
    assert hints.promo >= {i for i, line in enumerate(lines) if r.PROMO_RE.search(line)}
    assert hints.caption == {i for i, line in enumerate(lines) if any(mark in line for mark in r.CAPTION_MARKS)}
    if hints.even_spaces:
        assert all(" ".join(line.split()) == line for line in lines)



def test_a_promo_word_matches_case_blind_only_its_letters_in_either_case_and_the_lookalikes():
    """The promo hint finds its words with ASCII letters lowered alone: a case-insensitive
    expression equates their letters with no other character but those it sends on to the expression."""
    import re
    import sys

    from framing import resources as r
    from framing.cleaning import _PROMO_LOOKALIKES

    letters = sorted(set("".join(r.PROMO_WORDS)))
    equated = {char for char in map(chr, range(sys.maxunicode + 1)) if not char.isascii()
               and any(re.fullmatch(letter, char, re.IGNORECASE) for letter in letters)}
    assert equated == set(_PROMO_LOOKALIKES)

def test_the_time_stamp_look_ahead_lets_every_date_and_time_through():
    """TIMESTAMP_RE's look-ahead (a digit or a month's first letter) rejects no line the pattern
    without it matches: every character a case-insensitive pattern equates with a month's first
    letter, and digits of other scripts."""
    import re
    import sys

    from framing import resources as r

    without = re.compile(r.TIMESTAMP_RE.pattern.replace(r"(?=\d|[jfmasond])", "", 1), r.TIMESTAMP_RE.flags)
    assert without.pattern != r.TIMESTAMP_RE.pattern
    letters = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch("[jfmasond]", chr(c), re.IGNORECASE)]
    texts = [f"\u201c{letter}{month[1:]}. 22, 2024" for month in r.MONTHS.split("|") for letter in letters
             if re.fullmatch(month[0], letter, re.IGNORECASE)]
    texts += [text for digit in "0\u0663\uff17" for text in (f"{digit}{digit}:{digit}{digit}", f"({digit}-1-2020",
                                                             f"{digit}2 Nov 2020")]
    assert len(texts) > 40 and all(without.match(text) for text in texts)
    assert all(r.TIMESTAMP_RE.match(text) for text in texts)


def test_what_a_page_adds_about_its_writers_is_removed_but_prose_with_the_same_words_is_kept():
    credits = ["Ann Cole and The Wire Service contributed to this report.",
               "Wire Service writer Al Fox in Washington contributed.",
               "Additional reporting by Jo Lee.",
               "Reporting by Jo Lee; Editing by Al Fox",
               "Copyright 2018 The Wire Service. All rights reserved. This material may not be published.",
               "Jo Lee is a reporter for the Paper. Follow her on Twitter @jolee.",
               "Follow our full coverage of the vote at: https://example.com/vote"]
    prose = ["Heavy rain and poor upkeep contributed to the collapse, officials said.",
             "Senators said they would follow up on the questions.",
             "The firm's lawyers cited copyright law.",
             "Lawmakers said they would follow up on Acme's answers on Twitter in writing.",
             "Residents should follow the county on Facebook and check the website, she said.",
             "Cole told supporters to follow her lead and ignore @jolee on the platform.",
             "Copyright law protects melodies, not chords, the judge wrote.",
             "Reporting by The Paper in 2017 revealed the payments.",
             "The tribe said all rights reserved under the 1868 treaty remain in force.",
             "Nurses and hospital staff contributed.",
             "A version of this article appears in print on the front page of every paper, the firm said.",
             "Topics: taxes and the debt limit dominated the meeting, aides said.",
             "More from the senators, in their own words:"]
    cleaned = clean("\n".join(["Vote ends in deadlock", "The vote ended on Monday.", *prose, *credits]))
    assert cleaned.text.splitlines() == ["Vote ends in deadlock", "The vote ended on Monday.", *prose]
    assert set(reasons(cleaned).values()) == {"credit or note on the writer"}


def test_a_headline_naming_a_network_stays_while_a_row_of_share_buttons_goes():
    cleaned = clean("\n".join(["Facebook fined over data leak", "By Jo Lee and Al Fox", "Wire Service",
                               "The company was fined on Monday.", "Facebook Twitter WhatsApp Email",
                               "Suggest a correction"]))
    assert cleaned.text.splitlines() == ["Facebook fined over data leak", "The company was fined on Monday."]
    assert reasons(cleaned) == {"By Jo Lee and Al Fox": "byline", "Wire Service": "byline",
                                "Facebook Twitter WhatsApp Email": "share or follow button",
                                "Suggest a correction": "share or follow button"}


def test_lists_of_other_articles_and_topics_after_their_heading_are_removed():
    raw = "\n".join(["Storm toll disputed", "The toll was disputed on Thursday.", "Related Coverage",
                     "One Year After the Storm", "READ MORE: Officials Defend the Count", "Read More Stories About:",
                     "Big Government, Storms, Island Politics", "A version of this article appears in print on "
                     "Sept. 14, 2018, Section A, Page 1 of the New York edition."])
    cleaned = clean(raw)
    assert cleaned.text.splitlines() == ["Storm toll disputed", "The toll was disputed on Thursday."]
    assert reasons(cleaned)["Big Government, Storms, Island Politics"] == "related-article list"
    assert reasons(cleaned)["One Year After the Storm"] == "related-article list"


def test_a_line_is_no_time_stamp_when_it_starts_with_a_character_the_look_ahead_turns_away():
    import re

    from framing import resources as r
    from framing.cleaning import _NO_STAMP_START, _is_time_stamp

    look_ahead = re.compile(r.TIMESTAMP_RE.pattern.split("(?=\\d|[jfmasond])")[0] + "(?=\\d|[jfmasond])", re.I)
    assert all(look_ahead.match(char + "ovember 22, 2024") is None for char in _NO_STAMP_START)
    assert _is_time_stamp("November 22, 2024") and _is_time_stamp("14:01") and not _is_time_stamp("The 14:01")


def test_a_credit_is_found_in_a_text_beyond_ascii_and_in_one_with_a_lookalike_letter():
    for first in ("Gov. Ricardo Rosselló spoke on Monday.", "The Straſse was closed on Monday."):
        cleaned = clean("\n".join(["Storm toll disputed", first, "Ann Cole contributed to this report."]))
        assert reasons(cleaned) == {"Ann Cole contributed to this report.": "credit or note on the writer"}


def test_a_credit_ending_a_long_article_is_found_in_its_last_lines():
    body = [f"Paragraph {k} of the story went on about the vote and what it meant for the city." for k in range(40)]
    for end in ("Ann Cole contributed to this report.", "Ann Cole in Bogotá contributed to this report."):
        cleaned = clean("\n".join(["Vote ends", *body, end]))
        assert reasons(cleaned) == {end: "credit or note on the writer"}
