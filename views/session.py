"""What every page shares: the chosen story's analysis (computed once per story and kept), the
URL that names the current view, and the one way article text reaches the screen (escaped HTML)."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from framing import Analysis, LexiconError, StoryError, analyse, load_lexicon, load_story
from framing.actor_corrections import corrections_path
from framing.built_once import BuiltOnce
from framing.lexicon import DEFAULT_NAME, lexicon_files
from framing.library.deleted import undo
from framing.render.charts import CHART_FONT
from framing.render.highlight import stylesheet, wrap
from framing.render.palette import CategoryStyle, category_styles
from framing.storage import StorageError
from framing.stories import story_folders, story_title
from framing.text import plural  # noqa: F401 (pages take it from here with the other helpers)
from views.kept import first_views
from views.pages import PAGES

DEFAULT_TEXT_SIZE = 18
# Sidebar settings and lexicon work in progress outlive a change of story; the rest belongs to one story.
# Session-state keys that more than one page reads; a page's own keys stay in the page, prefixed with its name.
STORY_KEY, LEXICON_KEY, TEXT_SIZE_KEY = "story", "lexicon", "text_size"  # the sidebar's choices
PROJECTOR_KEY = "projector"  # the sidebar's projector switch, kept in the URL as projector=on
PROJECTOR_TEXT_SIZE = 32  # the largest text size, everywhere, while the switch is on
PROJECTOR_COLUMNS = 2  # outlets side by side in Compare on a projector
CANDIDATES_KEY = "lexicon_candidates"  # [{"term": str, "category": str | None}]: Annotate fills it, Lexicon reads it
KEPT_ACROSS_STORIES = {STORY_KEY, LEXICON_KEY, TEXT_SIZE_KEY, PROJECTOR_KEY, CANDIDATES_KEY, "lexicon_saved"}
LEXICON_WORK = "lexicon_work:"  # + the lexicon an edit started from
STYLED_KEY = "page_styled"  # whether this page run has sent its stylesheet
# Rules for Streamlit's own elements on every page: its captions are drawn at 60 % opacity, 3.9:1 on
# white, under WCAG AA's 4.5:1 for text; at 80 % they pass on both themes. Its chart theme draws tick
# labels and axis titles grey (3.7:1 on white): they take the page's text colour, on either theme.
# The labels beside a scatter's points, in a container keyed LABELS_ON_PAGE, the same (a grid's numbers,
# on their squares, keep the colours chosen for them).
CHART_TEXT = ".xtick text, .ytick text, .xtitle, .ytitle, .cbaxis text, .cbtitle text"
LABELS_ON_PAGE = "labels_on_page"
PAGE_STYLE = ("<style>[data-testid='stCaptionContainer'] { opacity: 0.8; } "
              f"[data-testid='stPlotlyChart'] :is({CHART_TEXT}), .st-key-{LABELS_ON_PAGE} .textpoint text "
              "{ fill: currentColor !important; } "
              # a table as wide as its content stays inside its card on a narrow screen, and scrolls there
              "[data-testid='stElementContainer']:has(> [data-testid='stDataFrame']), "
              "[data-testid='stDataFrame'] { max-width: 100%; } "
              # on a phone, Plotly's toolbar (zoom, pan, picture) lies over a chart's title; pictures
              # are on the handout page
              "@media (max-width: 640px) { [data-testid='stPlotlyChart'] .modebar-container { display: none; } }"
              "</style>")


# On a projector Streamlit's own text grows too (its widgets, captions and headings are sized in rem), not
# only the articles and charts, which take PROJECTOR_TEXT_SIZE themselves.
PROJECTOR_STYLE = "<style>html { font-size: 24px; }</style>"


class KeptFigure(go.Figure):
    """A chart that every session shows and nobody changes. st.plotly_chart asks for the figure's dict on
    every run, which Plotly makes by deep-copying the whole figure (about 1 ms a chart); this one makes it
    once and hands out the same dict (Streamlit only reads it and drops the traces' uids)."""

    def to_dict(self) -> dict:
        if getattr(self, "_kept_dict", None) is None:
            self._kept_dict = super().to_dict()
        return self._kept_dict


@dataclass(frozen=True)
class StoryView:
    """An analysed story with what the pages need to draw it; shared by all sessions, read-only."""

    analysis: Analysis
    styles: dict[str, CategoryStyle]
    notes: dict[tuple[str, str], str]  # (category, term) -> the lexicon's note on that term
    _built: BuiltOnce = field(default_factory=BuiltOnce, repr=False, compare=False)

    def figure(self, key: tuple, build) -> KeptFigure:
        """A chart built once per story and key, however many sessions ask for it at once, and kept
        unchanged: st.plotly_chart reads it without changing it."""
        return self._built.get(("figure", *key), lambda: KeptFigure(build()))

    def kept(self, key: tuple, build):
        """Any other piece of a page (a table, rows, HTML) built once per story and key; read-only."""
        return self._built.get(key, build)

    @property
    def outlets(self) -> list[str]:
        return self.analysis.story.outlets

    @classmethod
    def of(cls, analysis: Analysis) -> StoryView:
        """The view of an analysis: its categories' styles and its terms' notes."""
        notes = {(term.category, term.text): term.note for term in analysis.lexicon.terms if term.note}
        return cls(analysis, category_styles(analysis.lexicon), notes)


def story_fingerprint(folder: Path, lexicon: Path) -> tuple:
    """Every file of the story and the lexicon with its size and time: any edit, addition or
    removal gives a new fingerprint, and so a fresh analysis."""
    files = [*sorted(p for p in folder.rglob("*") if p.is_file()), lexicon, corrections_path(folder)]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())


@st.cache_data(ttl=30, show_spinner=False)
def story_catalogue() -> dict[str, tuple[str, str]]:
    """slug -> (title, path) for every story folder, from story.yaml only; a broken one keeps its slug."""
    catalogue = {}
    for folder in story_folders():
        try:
            title = story_title(folder)
        except StoryError:
            title = f"{folder.name} (cannot be read)"
        catalogue[folder.name] = (title, str(folder))
    return catalogue


@st.cache_data(ttl=30, show_spinner=False)
def lexicon_catalogue() -> dict[str, str]:
    """name -> path of every lexicon a reader can choose: the default, then those saved."""
    return {name: str(path) for name, path in lexicon_files().items()}


def current_lexicon_path() -> Path:
    """The lexicon chosen in the sidebar (the default where none is, or it has gone)."""
    catalogue = lexicon_catalogue()
    return Path(catalogue.get(st.session_state.get(LEXICON_KEY, DEFAULT_NAME), catalogue[DEFAULT_NAME]))


@st.cache_resource(show_spinner="Reading and analysing the articles…", max_entries=8)
def _analysed(path: str, lexicon: str, fingerprint: tuple) -> StoryView:  # new fingerprint: fresh analysis
    return StoryView.of(analyse(load_story(path), load_lexicon(lexicon)))


def warm_up() -> None:
    """Import what the pages draw with, analyse the first story with the default lexicon and build the
    charts and tables the Explore pages open with, into the same caches the pages read: run once when the
    server starts (app.py), so neither the first visitor nor a class arriving together waits for them."""
    import framing.classroom.annotation  # what the pages of a lesson import
    import framing.classroom.blind
    import framing.classroom.class_marks
    import framing.library.story_store  # Naming's corrections; it brings the importers (0.1 s)
    import framing.render.charts  # noqa: F401 (Plotly, pandas and scikit-learn come with the engine)

    catalogue = story_catalogue()
    if catalogue:
        path = next(iter(catalogue.values()))[1]
        lexicon = Path(lexicon_catalogue()[DEFAULT_NAME])
        view = _analysed(path, str(lexicon), story_fingerprint(Path(path), lexicon))
        for scope in ("narrator", "all"):  # the tables the Explore pages read, each built once here rather
            view.analysis.distinctive(scope=scope, top=10)  # than by every one of the first visitors at once
            view.analysis.term_counts(scope=scope)
        first_views(view)  # and the charts and tables those pages show as they open


def current_story() -> StoryView:
    """The story chosen in the sidebar, analysed; stops the page with a clear message if it cannot be."""
    path = story_catalogue()[st.session_state[STORY_KEY]][1]
    lexicon = current_lexicon_path()
    try:
        view = _analysed(path, str(lexicon), story_fingerprint(Path(path), lexicon))
    except (StoryError, LexiconError) as error:
        st.error("This story cannot be analysed. What went wrong, and where:")
        st.code(str(error), language=None, wrap_lines=True)  # file names and messages are data, not Markdown
        st.stop()
    note_categories_for_other_stories(view)
    return view


@dataclass(frozen=True)
class PreparedHtml:
    """HTML built whole, its text already escaped. st.html takes an object's _repr_html_ as it is, where a
    plain string is first dedented and stripped (about 6 ms over Compare's 150 KB, on every run)."""

    body: str

    def _repr_html_(self) -> str:
        return self.body


def new_page_run() -> None:
    """Called by dashboard.py before each page: the page has no stylesheet yet (a fragment's rerun does
    not come through here, and keeps the one its page was drawn with)."""
    st.session_state[STYLED_KEY] = False


def show(view: StoryView, *parts: str) -> None:
    """Render prepared HTML parts inside the .framing scope. The first block of a page run sends the
    category styles at the chosen text size, once, as style-only HTML (which Streamlit keeps out of the
    page's flow); every later block uses them."""
    if not st.session_state.get(STYLED_KEY):
        st.html(stylesheet(view.styles, font_size=text_size()))
        st.session_state[STYLED_KEY] = True
    st.html(PreparedHtml(wrap(*parts, css="")))


def note_categories_for_other_stories(view: StoryView) -> None:
    """Say so when the lexicon holds categories written for another story than the one shown."""
    foreign = view.analysis.lexicon.categories_for_other_stories(view.analysis.story.slug)
    if foreign:
        listed = "; ".join(f"{c.name} (written for the story {c.story})" for c in foreign)
        st.html(f'<p class="foreign-categories">Note: this lexicon has categories written for another story, '
                f"so their words may not fit this one: {html.escape(listed)}.</p>")


def seed(key: str, value) -> None:
    """Give a widget its first value (from the URL or a default) without fighting the user later."""
    if key not in st.session_state:
        st.session_state[key] = value


def url_values(name: str, allowed, *, limit: int | None = None) -> list[str]:
    """The URL's values for `name` that are among `allowed`, each once, at most `limit` of them."""
    return list(dict.fromkeys(v for v in st.query_params.get_all(name) if v in allowed))[:limit]


def url_choice(name: str, allowed, default: str) -> str:
    """The URL's value for `name` if it is one of `allowed`, else `default`."""
    value = st.query_params.get(name, "")
    return value if value in allowed else default


def clicked_points(chart_state) -> list[dict]:
    """The points a reader clicked on a chart shown with on_select, or none."""
    return list(chart_state.selection.points) if chart_state and chart_state.selection else []


def forget_page_choices() -> None:
    """A new story: page choices (outlets, categories, selections) belonged to the old one."""
    for key in list(st.session_state):
        if key not in KEPT_ACROSS_STORIES and not str(key).startswith(LEXICON_WORK):
            del st.session_state[key]
    st.query_params.clear()


def remember(**params) -> None:
    """Put the current view in the URL, so a copied link opens the same view."""
    for name, value in params.items():
        if value in (None, "", [], ()):
            st.query_params.pop(name, None)
        else:
            st.query_params[name] = list(value) if isinstance(value, list | tuple) else str(value)


def page_intro(script: str) -> None:
    """The page's title and its one sentence on what it shows and how to read it, from the page list."""
    spec = next(spec for spec in PAGES if Path(spec.script).name == Path(script).name)
    st.title(spec.heading or spec.title)
    st.caption(spec.purpose)


def scrolling_chart(figure, *, key: str, min_width: int, **options):
    """st.plotly_chart at least `min_width` px wide: on a narrower screen (a phone) the chart scrolls
    sideways inside its own box, so its squares and labels keep their room and the page keeps its width."""
    box = f"scroll_{hashlib.sha1(key.encode()).hexdigest()[:12]}"  # a CSS class, whatever characters the key has
    st.html(f"<style>.st-key-{box} {{ overflow-x: auto; }} .st-key-{box} > div {{ min-width: {min_width}px; }}</style>")
    with st.container(key=box):
        return st.plotly_chart(figure, key=key, width="stretch", **options)


def chart_font() -> int:
    """The charts' text size for the sidebar's text size: CHART_FONT at the default, growing with it."""
    return max(12, round(text_size() * CHART_FONT / DEFAULT_TEXT_SIZE))


# Columns of text in a row: as many as keep a column 8.5 em wide in the page's main part at 1366 pixels with
# the sidebar open (about 900 px), so that at a large text size a long word or name is not broken in the middle.
MAIN_WIDTH_PX, COLUMN_EM = 900, 8.5


def columns_that_fit(most: int) -> int:
    """How many columns of text (Compare's articles, Overview's cards) a row holds at the current text size."""
    return max(1, min(most, int(MAIN_WIDTH_PX // (COLUMN_EM * text_size()))))


def projector() -> bool:
    """Whether the page is shown on a projector: large type everywhere, fewer columns, controls tucked away."""
    return bool(st.session_state.get(PROJECTOR_KEY))


def text_size() -> int:
    """The text size in px: the sidebar's, or the largest on a projector."""
    return PROJECTOR_TEXT_SIZE if projector() else st.session_state.get(TEXT_SIZE_KEY, DEFAULT_TEXT_SIZE)


def delete_undoably(page: str, what: str, remove, *args) -> bool:
    """Button callback: `remove(*args)` (a framing.library delete, which returns where the thing went)
    and keep what and where under `{page}_deleted`, so deletion_notice can offer Undo. On failure,
    the reason waits under `{page}_deleted_error`; whether it worked."""
    try:
        st.session_state[f"{page}_deleted"] = (what, remove(*args))
    except (OSError, ValueError) as error:  # StorageError, StoreError, LexiconError
        st.session_state[f"{page}_deleted_error"] = str(error)
        return False
    return True


def deletion_notice(page: str, *, refresh) -> None:
    """The page's last deletion with an Undo button, or why a deletion failed; `refresh` clears
    the caches that list what was deleted, so what comes back is listed again."""
    if error := st.session_state.pop(f"{page}_deleted_error", None):
        st.error("Nothing was deleted:")
        st.code(error, language=None, wrap_lines=True)
    if (deleted := st.session_state.get(f"{page}_deleted")) is None:
        return
    what, where = deleted
    st.info("Deleted (until you undo it):", icon=":material/delete:")
    st.code(what, language=None, wrap_lines=True)
    if st.button("Undo", key=f"{page}_undo", icon=":material/undo:"):
        try:
            undo(where)
        except StorageError as error:
            st.error("It cannot be put back:")
            st.code(str(error), language=None, wrap_lines=True)
        else:
            st.session_state.pop(f"{page}_deleted")
            refresh()
            st.rerun()
