"""Stories and articles: loading the readable files a teacher edits under data/stories/.

A story folder holds `story.yaml` (title, summary, events) and `articles/<id>.md`, each with
YAML front matter (outlet, country, ...) above the raw text exactly as captured. Any other
folder of .txt/.md files loads too: each file is one article, front matter optional.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from framing.decoding import decode
from framing.records import ARTICLE_FILES
from framing.safe_yaml import load_yaml
from framing.storage import BUNDLED_DIR, data_subdir, finish_commit

STORIES_DIR = BUNDLED_DIR / "stories"
USER_STORIES = "stories"  # the data folder's subfolder of stories a user imported or made
IMPORT_JOURNAL = ".import.commit"  # in a story folder: a save of articles that a kill left half put in place
ARTICLE_FIELDS = (
    "outlet", "country", "ownership", "event", "date", "headline", "identified_by", "url",
    "language", "source_file",
)


class StoryError(ValueError):
    """A story or article that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class Event:
    id: str
    description: str = ""
    date: str = ""


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    raw: str
    country: str = ""
    ownership: str = ""
    event: str = ""
    date: str = ""
    headline: str = ""
    identified_by: str = ""
    url: str = ""
    language: str = ""
    source_file: str = ""
    path: str = ""

    def metadata(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in ("id", *ARTICLE_FIELDS)}


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    articles: tuple[Article, ...]
    summary: str = ""
    events: tuple[Event, ...] = field(default_factory=tuple)
    aliases: tuple[tuple[str, str], ...] = ()  # (referent, name): names the lexicon may not know
    path: str = ""

    @property
    def outlets(self) -> list[str]:
        """Outlets in the order their first article appears."""
        return list(dict.fromkeys(article.outlet for article in self.articles))


def load_story(path: str | Path) -> Story:
    """Load a story folder, any folder of .txt/.md files, or a single such file."""
    path = Path(path)
    if not path.exists():
        raise StoryError(f"{path}: no such file or folder")
    if path.is_file():
        return Story(slug=path.stem, title=path.stem, articles=(_load_article(path),), path=str(path))
    finish_commit(path / IMPORT_JOURNAL)  # so a save killed part-way shows all its articles
    meta = _read_story_meta(path / "story.yaml") if (path / "story.yaml").is_file() else {}
    folder = path / "articles" if (path / "articles").is_dir() else path
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_FILES)
    if not files:
        raise StoryError(f"{folder}: no .txt or .md articles in this folder")
    articles = tuple(_load_article(p) for p in files)
    events = tuple(_event(e, path) for e in meta.get("events") or ())
    return Story(
        slug=path.name,
        title=str(meta.get("title") or path.name),
        summary=str(meta.get("summary") or ""),
        events=events,
        aliases=_aliases(meta.get("aliases") or {}, path / "story.yaml"),
        articles=articles,
        path=str(path),
    )


def available_stories() -> list[Story]:
    """Every story in `story_folders()`: the bundled ones, then the user's."""
    return [load_story(folder) for folder in story_folders()]


def story_folders() -> list[Path]:
    """The bundled story folders, then the user's (the data folder's stories/)."""
    roots = [STORIES_DIR, data_subdir(USER_STORIES)]
    return [p for root in roots if root.is_dir() for p in sorted(root.iterdir()) if is_story_folder(p)]


def is_story_folder(path: Path) -> bool:
    """A folder with a story.yaml; hidden ones are stories being written or set aside."""
    return not path.name.startswith(".") and (path / "story.yaml").is_file()


def story_title(folder: Path) -> str:
    """A story's title from its story.yaml alone, for listing stories without reading articles."""
    return str(_read_story_meta(folder / "story.yaml").get("title") or folder.name)


def resolve_story_path(name: str | Path) -> Path:
    """A path as given, or the story folder of that slug when no such path exists."""
    path = Path(name)
    if not path.exists():
        return next((folder for folder in story_folders() if folder.name == str(name)), path)
    return path


def split_front_matter(text: str, *, source: str) -> tuple[dict, str]:
    """Front matter mapping and the body after it, left exactly as written."""
    first_break = text.find("\n")
    if first_break < 0 or text[:first_break].rstrip("\r") != "---":
        return {}, text
    position = first_break + 1
    while position <= len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        if text[position:line_end].rstrip("\r") == "---":
            try:
                meta = load_yaml(text[first_break + 1 : position]) or {}
            except yaml.YAMLError as error:
                raise StoryError(f"{source}: front matter is not valid YAML ({_first_line(error)})") from None
            if not isinstance(meta, dict):
                raise StoryError(f"{source}: front matter must be a mapping of field: value")
            return meta, text[line_end + 1 :]
        position = line_end + 1
    raise StoryError(f"{source}: front matter opened with --- is never closed")


def _load_article(path: Path) -> Article:
    text = _read_text(path)
    meta, body = split_front_matter(text, source=str(path))
    values = {name: _as_text(meta.get(name)) for name in ARTICLE_FIELDS}
    values["outlet"] = values["outlet"] or path.stem
    return Article(id=path.stem, raw=body, path=str(path), **values)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StoryError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")  # exactly as saved, line endings and all
        if text.count("\x00") * 4 <= len(text):  # not UTF-16 without its byte-order mark
            return text
    except UnicodeDecodeError:
        pass
    try:  # another encoding, read as the Import page reads it
        return decode(data)[0]
    except ValueError as error:
        raise StoryError(f"{path}: {error}") from None


def _read_story_meta(path: Path) -> dict:
    try:
        meta = load_yaml(_read_text(path)) or {}
    except yaml.YAMLError as error:
        raise StoryError(f"{path}: not valid YAML ({_first_line(error)})") from None
    if not isinstance(meta, dict):
        raise StoryError(f"{path}: must be a mapping with title, summary and events")
    return meta


def _event(entry, folder: Path) -> Event:
    if not isinstance(entry, dict) or not entry.get("id"):
        raise StoryError(f"{folder / 'story.yaml'}: each event needs an id, got {entry!r}")
    return Event(id=str(entry["id"]), description=_as_text(entry.get("description")), date=_as_text(entry.get("date")))


def _aliases(entries, source: Path) -> tuple[tuple[str, str], ...]:
    """`aliases:` maps each referent to a list of names: {"United States": ["Washington"]}."""
    if not isinstance(entries, dict):
        raise StoryError(f"{source}: aliases must map each referent to a list of names")
    pairs = []
    for referent, names in entries.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise StoryError(f"{source}: aliases: {referent!r} must be a list of names")
        pairs.extend((str(referent), name.strip()) for name in names)
    return tuple(pairs)


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
