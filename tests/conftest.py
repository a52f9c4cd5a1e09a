"""Shared fixtures: the bundled story analysed once, and builders for tiny hand-made cases."""

import importlib.util
import os
import struct
from pathlib import Path

import pytest
import streamlit as st
from playwright.sync_api import BrowserContext, Page

import framing
import framing.analysis
import framing.lexicon
from framing import analyse, load_lexicon, load_story, parse_lexicon
from framing.actor_corrections import corrections_path
from framing.analysis import Analysis
from framing.lexicon import DEFAULT_LEXICON, STORY_LEXICON, Lexicon
from framing.storage import USER_DATA_ENV
from framing.stories import Article, Story

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "stories" / "assad-coalition-2015"
SEEDS = REPO.parent / "shared" / "seeds"
TIMEOUT = 30_000  # ms, for every wait of a browser test on the page
CHROMIUM = Path("/usr/bin/chromium")  # Debian's; Playwright downloads no browser here
# Where Chromium is missing, tests that need it skip; under CI (CI set) they run, and so fail.
NEEDS_CHROMIUM = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                    reason=f"{CHROMIUM} is not installed")


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, from a PNG's IHDR chunk."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return struct.unpack(">II", data[16:24])


def load_bench(name: str):
    """A script under bench/ as a module (bench/ is scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_lexicon(**categories):
    """A lexicon from keyword arguments: category id -> list of terms (strings or dicts).
    A category whose id is 'distancing' also collects scare quotes."""
    return parse_lexicon(
        {
            "name": "test",
            "description": "made in a test",
            "categories": [
                {
                    "id": category_id,
                    "name": category_id.replace("_", " "),
                    "description": "test category",
                    "teaching_note": "test note",
                    "terms": terms,
                    **({"scare_quotes": True} if category_id == "distancing" else {}),
                }
                for category_id, terms in categories.items()
            ],
        },
        source="test",
    )


def make_story(*texts_by_outlet: tuple[str, str]) -> Story:
    """A story of (outlet, raw text) pairs, one article each."""
    articles = tuple(
        Article(id=f"a{i}", outlet=outlet, raw=raw) for i, (outlet, raw) in enumerate(texts_by_outlet)
    )
    return Story(slug="test", title="test", articles=articles)


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path_factory, monkeypatch):
    """Every test gets an empty data folder of its own, never the user's real one."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(USER_DATA_ENV, str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg"))
    return folder


@pytest.fixture(scope="session")
def bundled_story():
    return load_story(BUNDLED)


@pytest.fixture(scope="session")
def default_lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def bundled(bundled_story, default_lexicon):
    return analyse(bundled_story, default_lexicon)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Streamlit's caches emptied before every test, so no page sees another test's analysis."""
    st.cache_data.clear()
    st.cache_resource.clear()


_LEXICONS_READ: dict[tuple[str, str], Lexicon] = {}


def _load_lexicon_once(path=None) -> Lexicon:
    """load_lexicon, parsing each file's text once a session: a Lexicon is immutable and a pure result of
    its file's path and text, so one read before is the same. A file that cannot be read or parsed goes
    to load_lexicon every time, for its own error."""
    file = Path(path) if path is not None else DEFAULT_LEXICON
    try:
        key = (str(file.resolve()), file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return load_lexicon(path)
    if key not in _LEXICONS_READ:
        _LEXICONS_READ[key] = load_lexicon(path)
    return _LEXICONS_READ[key]


@pytest.fixture
def lexicon_files_read_once(monkeypatch):
    """For page tests, whose subject is not reading the lexicon file: each page run reads the default
    lexicon (0.1-0.3 s of YAML) once or more, the same text every time."""
    import views.session  # the one view module imported once; page scripts import load_lexicon at each run

    for module in (framing, framing.lexicon, framing.analysis, views.session):
        monkeypatch.setattr(module, "load_lexicon", _load_lexicon_once)


_ANALYSES: list[tuple[tuple, Analysis]] = []


def _files_beside(story: Story) -> tuple:
    """The files analyse reads besides its arguments: the story's own lexicon layer and its corrections."""
    if not story.path or not Path(story.path).is_dir():
        return ()
    files = (Path(story.path) / STORY_LEXICON, corrections_path(story.path))
    return tuple((str(file), file.read_bytes() if file.is_file() else None) for file in files)


def _analyse_once(story: Story, lexicon: Lexicon | None = None, **options) -> Analysis:
    """analyse, run once a session for each story, lexicon, options and files beside the story (compared
    whole): the dashboard already shares one Analysis between every session (st.cache_resource), so no page
    may change one, and a result computed before is the one analyse would give."""
    key = (story, lexicon or _load_lexicon_once(), options, _files_beside(story))
    found = next((analysis for known, analysis in _ANALYSES if known == key), None)
    if found is None:
        found = analyse(story, lexicon, **options)
        _ANALYSES.append((key, found))
    return found


@pytest.fixture
def analyses_shared(monkeypatch, lexicon_files_read_once):
    """For page tests whose subject is what a page does with an analysis: the bundled story under the
    default lexicon (about 0.5 s) analysed once for all of them; an edited lexicon still analysed for real
    the first time it is seen."""
    import views.session

    for module in (framing, framing.analysis, views.session):
        monkeypatch.setattr(module, "analyse", _analyse_once)


@pytest.fixture
def one_outlet_story(tmp_path, monkeypatch):
    folder = tmp_path / "stories" / "lonely"
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: One outlet only\n", encoding="utf-8")
    (folder / "articles" / "only.md").write_text(
        "---\noutlet: Only Outlet\n---\nThe so-called rebels said the regime fell.\n", encoding="utf-8")
    monkeypatch.setenv(USER_DATA_ENV, str(tmp_path))
    return "lonely"


# --- real-browser tests (pytest-playwright) share these launch settings -------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"CI is set but {CHROMIUM} is missing: install it (apt-get install chromium)", pytrace=False)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM),
            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1600, "height": 1000}, "color_scheme": "light"}


@pytest.fixture
def context(context: BrowserContext) -> BrowserContext:
    context.set_default_timeout(TIMEOUT)
    return context


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """The messages of every dialog (alert, confirm, prompt) the page tries to open; each is dismissed."""
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


@pytest.fixture
def downloads(monkeypatch) -> dict:
    """What each st.download_button of a page run offered, by its label (AppTest keeps no file)."""
    offered = {}
    real = st.download_button

    def recording(label, data, *args, **kwargs):
        offered[label] = data
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return offered
