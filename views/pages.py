"""The dashboard's pages: one list that the navigation, the tests and the benchmarks all read.

Plain data (no Streamlit here), so a test or a benchmark can walk every page without a server.
`landmark` is a line of text the page always draws, which a browser waits for to know it is there.
"""

from typing import NamedTuple


class PageSpec(NamedTuple):
    section: str
    script: str  # path from the repository root, as st.Page and AppTest take it
    title: str
    icon: str
    url_path: str  # "" for the default page
    landmark: str


PAGES = (
    PageSpec("Explore", "views/overview.py", "Overview", ":material/dashboard:", "",
             "How often each outlet uses each kind of framing word"),
    PageSpec("Explore", "views/compare.py", "Compare", ":material/view_column:", "compare",
             "Hover over a highlighted word, or click it, to see why it is flagged."),
    PageSpec("Explore", "views/words.py", "Words", ":material/match_word:", "words", "Keyword in context"),
    PageSpec("Explore", "views/naming.py", "Naming and statements", ":material/format_quote:", "naming",
             "What each outlet calls each actor"),
    PageSpec("Explore", "views/corpus.py", "Corpus", ":material/stacked_line_chart:", "corpus",
             "Corpus: many articles, outlet by outlet"),
    PageSpec("Teach", "views/blind.py", "Blind reading", ":material/visibility_off:", "blind", "Blind reading"),
    PageSpec("Teach", "views/annotate.py", "Annotate", ":material/ink_highlighter:", "annotate",
             "1. Mark the words you find loaded"),
    PageSpec("Teach", "views/discuss.py", "Discussion prompts", ":material/forum:", "discuss", "Discussion prompts"),
    PageSpec("Your stories", "views/import_story.py", "Import articles", ":material/upload_file:", "import",
             "Import articles"),
    PageSpec("Your stories", "views/lexicon_editor.py", "Lexicon", ":material/edit_note:", "lexicon", "Categories"),
    PageSpec("Your stories", "views/handout.py", "Handout and downloads", ":material/download:", "handout",
             "Choose what goes in"),
)
DEFAULT_PAGE = PAGES[0]
