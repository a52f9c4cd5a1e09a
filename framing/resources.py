"""Lookup tables and regular expressions shared by the engine.

Kept in one place so that cleaning, quote and speaker rules read as rules, and so a
maintainer can see every hand-made list at a glance. All lists are general English news
conventions, not keyed to any one story or outlet.
"""

import re

# Characters folded to their straight forms before matching. Every mapping is one
# character to one character, so offsets in folded text equal offsets in the original.
QUOTE_FOLD = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # left guillemet
        "\u00bb": '"',  # right guillemet
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u00a0": " ",  # no-break space
    }
)

DOUBLE_OPENERS = frozenset("\u201c\u201e\u00ab")
DOUBLE_CLOSERS = frozenset("\u201d\u00bb")
SINGLE_OPENERS = frozenset("\u2018\u201a")
SINGLE_CLOSERS = frozenset("\u2019")

# Possessive quantifiers: the same words as \w+(?:['’-]\w+)*, found without backtracking.
WORD_RE = re.compile(r"\w++(?:['\u2019\-]\w++)*+")

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt capt maj prof sen rep gov jr sr vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)

# --- Cleaning: page furniture -------------------------------------------------------------

# The look-ahead (a digit or a month's first letter) is a test every match passes: most lines
# fail it at once instead of trying every month's name.
TIMESTAMP_RE = re.compile(
    rf"""^\W*(?=\d|[jfmasond])(
        \d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}          # 22-11-2024, 2024/11/22
        | ({MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}         # November 22, 2024
        | \d{{1,2}}\s+({MONTHS})\.?,?\s+\d{{4}}         # 22 November 2024
        | \d{{1,2}}:\d{{2}}                            # 14:01
    )""",
    re.VERBOSE | re.IGNORECASE,
)
BYLINE_RE = re.compile(r"^\W*(written\s+by|by|posted\s+by|reporting\s+by|author)\b[\s:]", re.IGNORECASE)
SHARE_RE = re.compile(
    r"\b(send\s+in\s+e-?mail|(share\s+(this|on|via)|tweet\s+this|copy\s+link|print\s+this|"
    r"click\s+the\s+\w+\s+icon|follow\s+(us|topics)|read\s+more|leave\s+a\s+comment|"
    r"comments?\s+\(\d+\)|suggest\s+a\s+correction)\b)",
    re.IGNORECASE,
)
# A row of buttons named after the networks they share to ("Facebook Twitter WhatsApp Email"): only
# such names, since a headline may name a network ("Facebook fined over data leak").
BUTTON_ROW_RE = re.compile(
    r"^(?:\W*\b(?:facebook|twitter|whatsapp|pinterest|linkedin|reddit|messenger|flipboard|email|e-mail|print|"
    r"share|tweet|copy\s+link)\b)+\W*$",
    re.IGNORECASE,
)
# What a page adds after the story about who wrote it (credits, copyright, the writer's note):
# "Ann Cole contributed to this report.", "AP writer Al Fox in Washington contributed.",
# "Copyright 2018 The Associated Press. All rights reserved.", "Jo Lee is a reporter for the Post.
# Follow her on Twitter @jolee". Searched for only in lines holding one of SIGN_OFF_WORDS.
SIGN_OFF_RE = re.compile(
    r"(?i:\bcontributed\s+(?:to\s+(?:this|the)\s+(?:report|story|article)|(?:additional\s+)?reporting)\b"
    r"|\b(?:writers?|correspondents?|reporters?)\b[^.!?]{0,80}\bcontributed\W*$"
    r"|^\W*copyright\s+(?:\u00a9\s*)?\d{4}\b|\ball\s+rights\s+reserved\W*$)"
    # "Reporting by Jo Lee; Editing by Al Fox", not "Reporting by the Times in 2017 revealed"
    r"|^\W*(?:(?i:additional\s+)?[Rr]eporting|REPORTING)\s+(?i:by)\s+(?:[A-Z][\w.'\u2019-]*\s*(?:,|and|&)?\s*)+(?:;|\W*$)"
    # the writer's handle or page: "Follow her on Twitter @jolee", "... at: https://...", not "follow up on"
    r"|(?i:\bfollow\s+)(?:him|her|them|me|us|[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)\s+on\s+(?:Twitter|Facebook|"
    r"Instagram|X|twitter|facebook|instagram)\b|(?i:\bfollow\b)[^.!?]{0,80}(?:@\w{2,}|https?://\S+)\W*$",
)
SIGN_OFF_WORDS = ("contributed", "reporting by", "copyright", "rights reserved", "follow")  # one in every match
PRINT_WORDS = ("in print",)  # in every PRINT_EDITION_RE match
# The heading of a list of other articles or topics ("Related Coverage", "More from The Paper:",
# "READ MORE: ...", "Read More Stories About:"); the short lines after one ending so are its items.
TEASER_RE = re.compile(
    r"^\W*(?:read\s+more\b|related(?:\s+(?:coverage|stories|articles|content|topics))?\W*$|more\s+(?:from|on)\s+"
    r"(?-i:[A-Z])[^.!?]{0,40}:\W*$|see\s+also\b|(?:tags|topics|filed\s+under)\s*:)",
    re.IGNORECASE,
)
CALL_TO_ACTION_RE = re.compile(
    r"^\W*(subscribe|sign\s+up|register|join|download|get\s+the\s+app|become\s+a\s+member)\b",
    re.IGNORECASE,
)
PROMO_RE = re.compile(
    r"\b(newsletters?|subscri(be|ption|ber)s?|sign\s+up|inbox|delivered\s+(directly|straight)|"
    r"free\s+(daily|weekly)\s+e-?mail|unsubscribe|advertisement)\b",
    re.IGNORECASE,
)
PROMO_WORDS = ("newsletter", "subscri", "sign", "inbox", "delivered", "free", "advertisement")  # one is in every match
# A blurb that follows a call to action speaks to the reader: "Escape your echo chamber."
READER_ADDRESS_RE = re.compile(
    r"\b(you|your|yours)\b|^\W*(get|escape|join|read|try|enjoy|discover|stay|never\s+miss|don't\s+miss)\b",
    re.IGNORECASE,
)
# A credit ("Photo: AFP", "©") or a picture's position mark ("(L)", "(2nd R)", "(left)"). A lone
# "(R)" is also a US party label ("Gov. Rick Scott (R), an NRA favorite, agreed"), as "(D)", "(I)"
# and "(R-Ky.)" are: it marks a caption only before the present tense or participle captions are
# written in ("Assad (R) giving an interview", "Zarif (R) meets Lavrov"), never before "is", "has",
# "was", "says" or "does", which prose uses as much.
CAPTION_RE = re.compile(
    r"(\b(credit|photo(graph)?|image|picture|file\s+photo|source)\s*:|©|"
    r"\((\d(st|nd|rd|th)\s+)?(l|c|l-r|r-l|left|right|centre|center|top|bottom)\)|\(\d(st|nd|rd|th)\s+r\)|"
    r"\(r\)\s+(?!(is|has|was|says|does)\b)([a-z]+(ing|s)|with)\b)",
    re.IGNORECASE,
)
CAPTION_MARKS = (":", "\u00a9", "(")  # every CAPTION_RE match holds one
SEPARATOR_RE = re.compile(r"^\s*[-\u2013\u2014*\u2022\u00b7_=~|]+\s*$")
# A newspaper's note on its printed edition: "A version of this article appears in print on Oct.
# 30, 2018, Section A, Page 1 of the New York edition with the headline: ..."
PRINT_EDITION_RE = re.compile(r"^\W*a\s+version\s+of\s+this\s+(article|story)\s+appears\s+in\s+print\s+on\s+"
                              r"[A-Z][a-z]{2,8}\.?\s+\d", re.IGNORECASE)  # "... on Dec. 13, 2018"
PUBLISHED_RE = re.compile(r"\b(published|updated|last\s+modified)\s*(on\b|:|$)", re.IGNORECASE)
# "DAMASCUS (Sputnik) —", "REUTERS -", "BEIRUT, Feb 10 (AFP) -" at the head of a paragraph.
DATELINE_RE = re.compile(
    r"^(?=[A-Z]{2})[A-Z][A-Z .,'/]{1,40}?(?:,\s*\w+\.?\s+\d{1,2})?(?:\s*\([^()\n]{1,40}\))?\s*[-\u2013\u2014]+\s+"
    r"(?=[\"\u201c\u2018']?[A-Z])"  # the story goes on with a capital: "REUTERS - Syrian", not "ISIL – which"
)
# A caption or credit glued to the end of a sentence: "...coalition.Assad in interview with BBC".
# The pattern finds the stop before a capital; the sentence's last character, before the stop,
# must be one of GLUED_TAIL_AFTER (a look-behind would be tried at every character of every line).
GLUED_TAIL_RE = re.compile(r"[.!?](?=[A-Z])")
# Its matches, one pattern per stop: a pattern that starts with one character is searched for
# several times as fast as one that starts with a set of them.
GLUED_TAIL_BY_STOP = {stop: re.compile(re.escape(stop) + r"(?=[A-Z])") for stop in ".!?"}
GLUED_TAIL_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789)]")

# --- Quotes and speakers ------------------------------------------------------------------

# Verbs that introduce a source's words, in the forms that occur in reporting.
SPEECH_VERBS = frozenset(
    """say says said saying tell tells told add adds added adding state states stated note notes
    noted explain explains explained argue argues argued arguing claim claims claimed insist
    insists insisted concede concedes conceded admit admits admitted slam slams slammed dismiss
    dismisses dismissed deny denies denied warn warns warned describe describes described
    question questions questioned confirm confirms confirmed reveal reveals revealed ask asks
    asked reply replies replied respond responds responded announce announces announced write
    writes wrote stress stresses stressed emphasise emphasises emphasised emphasize emphasizes
    emphasized assert asserts asserted maintain maintains maintained accuse accuses accused
    acknowledge acknowledges acknowledged believe believes believed consider considers
    considered call calls called urge urges urged pointed suggest suggests suggested answer answers
    answered""".split()
)
# Of those, the verbs (and "according to") that only report: two outlets differing in these alone
# ("said", "told") give a class nothing to compare.
PLAIN_REPORTING = frozenset(
    """say says said saying tell tells told add adds added adding state states stated note notes
    noted explain explains explained ask asks asked reply replies replied respond responds
    responded announce announces announced write writes wrote answer answers answered""".split()
) | {"according to"}
# Words before a short quoted phrase that mark it as the writer's own distancing.
SCARE_MARKERS_RE = re.compile(
    r"(so[-\s]called|self[-\s]styled|self[-\s]proclaimed|dubbed|what\s+(it|they|he|she)\s+calls?|"
    r"what\s+(it|they|he|she)\s+called)\s*$",
    re.IGNORECASE,
)
# A short phrase in quotes is a scare quote candidate when it has at most this many words.
SCARE_QUOTE_MAX_WORDS = 4

PRONOUNS = frozenset({"he", "she", "they"})
# Capitalised words that head a name as a title rather than naming the person.
TITLES = frozenset(
    """president prime minister foreign defence defense secretary general mr mrs ms dr sir king
    queen prince sheikh ayatollah emir sultan senator chancellor spokesman spokeswoman
    spokesperson ambassador envoy chief editor commander leader syrian russian american
    british iranian israeli lebanese french turkish us u.s. uk un the former then-iraqi then""".split()
)
# Words that start a sentence with a capital letter without naming anyone.
FUNCTION_WORDS = frozenset(
    """when while if as after before since but and or so yet however meanwhile although though
    because once asked earlier later still also even then there here this that these those it its
    in on at of for with from by to into about over under why how what who which where a an""".split()
)
