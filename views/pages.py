"""The dashboard's pages: one list that the navigation, the tests and the benchmarks all read.

Plain data (no Streamlit here), so a test or a benchmark can walk every page without a server.
`landmark` is a line of text the page always draws, which a browser waits for to know it is there.
`purpose` is the one sentence under the page's title (`heading`, else `title`) on what it shows and how
to read it; `views.session.page_intro` draws both.
"""

from typing import NamedTuple


class PageSpec(NamedTuple):
    section: str
    script: str  # path from the repository root, as st.Page and AppTest take it
    title: str
    icon: str
    url_path: str  # "" for the default page
    landmark: str
    purpose: str
    heading: str = ""  # the title at the top of the page, where it says more than the navigation's


PAGES = (
    PageSpec("Explore", "views/overview.py", "Overview", ":material/dashboard:", "",
             "How often each outlet uses each kind of framing word",
             "Each outlet's article at a glance, then a grid of how often each outlet uses each kind of "
             "framing word: a darker square is nearer its row's highest rate; click one to read the words "
             "behind it."),
    PageSpec("Explore", "views/compare.py", "Compare", ":material/view_column:", "compare",
             "Hover over a highlighted word, or click it, to see why it is flagged.",
             "The outlets' texts side by side, every framing word marked by its category's colour and number: "
             "a solid underline is the outlet's own words, a dotted one words it quotes."),
    PageSpec("Explore", "views/words.py", "Words", ":material/match_word:", "words", "Keyword in context",
             "The terms that set each outlet apart (a longer bar: more its own), one outlet's words against "
             "another's, and any term in its sentences; click a bar or a point to read that term."),
    PageSpec("Explore", "views/naming.py", "Naming and statements", ":material/format_quote:", "naming",
             "What each outlet calls each actor",
             "What each outlet calls each actor, which statements it chose to quote, and how much of what it "
             "says no other outlet says; select a row, a square or a bar to read the words."),
    PageSpec("Explore", "views/corpus.py", "Corpus", ":material/stacked_line_chart:", "corpus",
             "Corpus: many articles, outlet by outlet",
             "The results of a batch run over a whole corpus, from a few hundred articles to hundreds of "
             "thousands: how often each outlet uses each kind of framing word, in its own words or in "
             "quotations, and how that changes month by month. Every count leads to the lexicon terms behind "
             "it.", heading="Corpus: many articles, outlet by outlet"),
    PageSpec("Teach", "views/blind.py", "Blind reading", ":material/visibility_off:", "blind", "Blind reading",
             "Read each article without knowing who published it, guess the outlet, then reveal the evidence. "
             "Outlet names, datelines and web addresses are hidden as [the outlet], and a headline at the top "
             "of the text until the reveal."),
    PageSpec("Teach", "views/annotate.py", "Annotate", ":material/ink_highlighter:", "annotate",
             "1. Mark the words you find loaded",
             "Mark the words you find loaded in one article, then see how your reading compares with the "
             "lexicon's."),
    PageSpec("Teach", "views/discuss.py", "Discussion prompts", ":material/forum:", "discuss", "Discussion prompts",
             "Questions for a class, each from a contrast between the outlets, largest first, with the "
             "evidence behind it."),
    PageSpec("Your stories", "views/import_story.py", "Import articles", ":material/upload_file:", "import",
             "Import articles",
             "Bring your own story: upload articles (text, Markdown, web pages, or a table with one article a "
             "row) or paste one, say which outlet each is from, and save. Nothing is saved until every article "
             "can be; what you saved before stays as it was."),
    PageSpec("Your stories", "views/lexicon_editor.py", "Lexicon", ":material/edit_note:", "lexicon", "Categories",
             "Edit the word lists every page counts with. Each edit is checked at once with the rules of lexicon "
             "files, and the story's scores below show what it changes before you save."),
    PageSpec("Your stories", "views/handout.py", "Handout and downloads", ":material/download:", "handout",
             "Choose what goes in",
             "Something for students to take home, and the tables behind every number, for the story chosen in"
             " the sidebar."),
)
DEFAULT_PAGE = PAGES[0]
