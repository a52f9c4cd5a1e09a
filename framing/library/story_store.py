"""The user's own stories: made, added to and pruned, as the same readable files as the bundled story.

A story lives in the data folder's `stories/<slug>/`: `story.yaml` (title, summary) and
`articles/<id>.md`, each article YAML front matter (outlet, country, ...) above its text, which is
stored exactly as given, so `framing.stories.load_story` reads back what was saved. Every save is
all or nothing, whatever stops it (an error, Ctrl-C, SIGTERM, kill -9, a full disk): a new story is
written whole in a hidden folder renamed into place at once; articles added to a story are
written whole in its hidden `.adding/` folder, then committed together (framing.storage). A save
holds the story's lock, so two sessions adding at once lose nothing, and first clears what a
killed save left: finished if it was committed, removed if not.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from framing.actor_corrections import Corrections, corrections_path, corrections_yaml
from framing.library.deleted import set_aside
from framing.library.importing import Draft, ImportResult, clean_field, fingerprint, without_repeats
from framing.records import ARTICLE_FILES, RecordProblem
from framing.storage import (
    atomic_write_text,
    commit_together,
    data_subdir,
    finish_commit,
    locked,
    rename_whole,
    slugify,
    write_staged,
)
from framing.stories import (
    IMPORT_JOURNAL,
    STORIES_DIR,
    USER_STORIES,
    Article,
    StoryError,
    is_story_folder,
    load_story,
    story_title,
)

STORY_YAML_HEADER = ("# A story you made: edit freely. Each article is articles/<id>.md, its metadata in the front\n"
                     "# matter between the --- lines and its text, exactly as imported, below them.\n")
NO_WRAP = 1_000_000  # YAML lines are never folded: one field, one line
NEW_STORY = ".new-"  # in the stories folder: a new story being written, renamed into place when whole
ADDING = ".adding"  # in a story folder: the articles of a save being written, until they are committed


class StoreError(StoryError):
    """Nothing was saved: the message lists every reason, one a line; `problems` holds them."""

    def __init__(self, problems: Sequence[RecordProblem | str]):
        self.problems = [p if isinstance(p, RecordProblem) else RecordProblem("", p) for p in problems]
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(frozen=True)
class Saved:
    """What a save did: the story, its folder, the files written, and its outlets now."""

    slug: str
    title: str
    folder: Path
    paths: tuple[Path, ...]
    outlets: tuple[str, ...]


def user_stories_dir() -> Path:
    return data_subdir(USER_STORIES)


def user_stories() -> dict[str, str]:
    """slug -> title of every story in the user's data folder (not the bundled ones)."""
    root = user_stories_dir()
    if not root.is_dir():
        return {}
    folders = sorted(p for p in root.iterdir() if is_story_folder(p))
    return {folder.name: _title_or_name(folder) for folder in folders}


def find_user_story(name: str) -> str | None:
    """The slug of the user's story with this slug or title (any capitals), if there is one."""
    stories = user_stories()
    if name in stories:
        return name
    wanted = clean_field(name).casefold()
    return next((slug for slug, title in stories.items() if title.casefold() == wanted), None)


def is_bundled(name: str) -> bool:
    return bool(name) and (STORIES_DIR / name / "story.yaml").is_file()


def check_drafts(drafts: Sequence[Draft]) -> list[RecordProblem]:
    """What stops these drafts being saved, whatever the story: no outlet, no text, the same text twice."""
    problems = [RecordProblem(d.name, "no outlet: every article needs the name of the outlet that published it", d.row)
                for d in drafts if not d.outlet]
    problems += [RecordProblem(d.name, "no text", d.row) for d in drafts if not d.text.strip()]
    return problems + without_repeats(ImportResult(drafts=list(drafts))).problems


def create_story(title: str, summary: str, drafts: Sequence[Draft]) -> Saved:
    """A new story of these articles, in a folder named after its title (made unique)."""
    title = clean_field(title)
    problems = [] if title else [RecordProblem("", "a new story needs a title")]
    problems += [] if drafts else [RecordProblem("", "a new story needs at least one article")]
    _require(problems + check_drafts(drafts))
    root = user_stories_dir()
    with locked("stories"):  # held while the story is written, so no other save takes its name
        _remove_leftovers(root.glob(f"{NEW_STORY}*"))
        slug = _free_slug(root, slugify(title))
        staging, folder = root / f"{NEW_STORY}{slug}", root / slug
        try:
            names = _stage_articles(staging / "articles", drafts, taken=set())
            meta = yaml.safe_dump({"title": title, "summary": summary.strip()}, allow_unicode=True, sort_keys=False,
                                  width=NO_WRAP)
            write_staged(staging / "story.yaml", (STORY_YAML_HEADER + meta).encode("utf-8"))
            rename_whole(staging, folder)  # the story appears with all its articles at once
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return _saved(folder, tuple(folder / "articles" / name for name in names))


def add_articles(slug: str, drafts: Sequence[Draft]) -> Saved:
    """Add articles to one of the user's stories: all of them, or none with every reason why."""
    folder = writable_story(slug)
    _require(([] if drafts else [RecordProblem("", "no articles to add")]) + check_drafts(drafts))
    with locked(f"story-{slug}"):
        clear_killed_save(folder)
        existing = articles_on_disk(folder)  # read under the lock: another session may just have added some
        _require(duplicates(drafts, existing))
        staging, articles = folder / ADDING, folder / "articles"
        try:
            names = _stage_articles(staging, drafts, taken={article.id for article in existing} | _stems(articles))
            paths = tuple(articles / name for name in names)
            commit_together(folder / IMPORT_JOURNAL, [(staging / name, articles / name) for name in names])
        finally:
            if not (folder / IMPORT_JOURNAL).exists():  # committed and put in place, or not committed
                shutil.rmtree(staging, ignore_errors=True)
    return _saved(folder, paths)


def clear_killed_save(folder: Path) -> None:
    """What a save killed part-way left in a story folder: its commit finished if it had been made,
    else its staged articles removed, with any half-written file of older versions."""
    finish_commit(folder / IMPORT_JOURNAL)
    _remove_leftovers([folder / ADDING, *(folder / "articles").glob(".*.partial")])


def delete_article(slug: str, article_id: str) -> Path:
    """Remove one article from one of the user's stories (a story keeps at least one); where it
    went, for framing.library.deleted.undo."""
    folder = writable_story(slug)
    with locked(f"story-{slug}"):
        existing = articles_on_disk(folder)
        article = next((a for a in existing if a.id == article_id), None)
        if article is None:
            raise StoreError([f"{slug}: no article {article_id!r}"])
        if len(existing) == 1:
            raise StoreError([f"{slug}: this is the story's only article; delete the story instead"])
        return set_aside(Path(article.path))


def delete_story(slug: str) -> Path:
    """Remove one of the user's stories with all its articles: it leaves the story list in one
    rename; where it went, for framing.library.deleted.undo."""
    folder = writable_story(slug)
    with locked("stories"), locked(f"story-{slug}"):
        return set_aside(folder)


def save_actor_corrections(story_path: str | Path, corrections: Corrections) -> Path:
    """Write a story's corrections to its actors (`framing.actor_corrections`), whole and under the story's
    lock: beside story.yaml for the user's story, in the data folder for a bundled one."""
    path = corrections_path(story_path)
    with locked(f"story-{Path(story_path).name}"):
        atomic_write_text(path, corrections_yaml(corrections))
    return path


def writable_story(slug: str) -> Path:
    """The folder of one of the user's stories; a bundled story, or none, is refused with the reason."""
    folder = user_stories_dir() / slug
    if slug in ("", ".", "..") or "/" in slug or "\\" in slug or not (folder / "story.yaml").is_file():
        if is_bundled(slug):
            raise StoreError([f"{slug!r} is a bundled story and cannot be changed; create a new story for your "
                              "articles"])
        raise StoreError([f"there is no story {slug!r} of yours in {user_stories_dir()}"])
    return folder


def articles_on_disk(folder: Path) -> tuple[Article, ...]:
    """The story's articles as they are in its folder now (none yet for a new one)."""
    articles = folder / "articles"
    if not articles.is_dir() or not any(p.suffix.lower() in ARTICLE_FILES for p in articles.iterdir()):
        return ()
    return load_story(folder).articles


def duplicates(drafts: Iterable[Draft], existing: Iterable[Article]) -> list[RecordProblem]:
    """Drafts whose text the story already has, each naming the article it repeats."""
    return leave_out_saved(ImportResult(drafts=list(drafts)), existing).problems


def leave_out_saved(result: ImportResult, existing: Iterable[Article]) -> ImportResult:
    """The drafts the story does not have yet; each one it has already becomes a problem naming its copy,
    so "save the rest" saves the rest."""
    saved = {fingerprint(article.raw): article for article in existing}
    repeats = [RecordProblem(d.name, f"already in the story as {_describe(saved[d.fingerprint])}", d.row)
               for d in result.drafts if d.fingerprint in saved]
    return ImportResult(drafts=[d for d in result.drafts if d.fingerprint not in saved],
                        problems=[*result.problems, *repeats], notes=result.notes)


def article_file_text(draft: Draft) -> str:
    """An article file: its metadata as YAML front matter, then its text exactly as given."""
    meta = yaml.safe_dump(draft.metadata, allow_unicode=True, sort_keys=False, width=NO_WRAP)
    return f"---\n{meta}---\n{draft.text}"


def _stage_articles(staging: Path, drafts: Sequence[Draft], *, taken: set[str]) -> list[str]:
    """Each draft written whole as staging/<id>.md, the id from outlet and headline, unique in the
    story; the file names, for the commit that puts them in place."""
    taken = {name.lower() for name in taken}
    names = []
    for draft in drafts:
        article_id = _unique(slugify(f"{draft.outlet} {draft.metadata.get('headline', '')}", fallback="article"),
                             taken)
        taken.add(article_id)
        names.append(f"{article_id}.md")
        write_staged(staging / names[-1], article_file_text(draft).encode("utf-8"))
    return names


def _remove_leftovers(paths: Iterable[Path]) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _free_slug(root: Path, base: str) -> str:
    """The first of base, base-2, base-3 ... that is neither the user's story nor a bundled one."""
    taken = _stems(root) | _stems(STORIES_DIR)
    return _unique(base, taken)


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _stems(folder: Path) -> set[str]:
    """Names taken in a folder, lowercased: on macOS and Windows `PressTV.md` and `presstv.md` are one file."""
    return {(p.stem if p.is_file() else p.name).lower() for p in folder.iterdir()} if folder.is_dir() else set()


def _saved(folder: Path, paths: tuple[Path, ...]) -> Saved:
    story = load_story(folder)
    return Saved(story.slug, story.title, folder, paths, tuple(story.outlets))


def _describe(article: Article) -> str:
    headline = f": {article.headline}" if article.headline else ""
    return f"{article.id} ({article.outlet}{headline})"


def _title_or_name(folder: Path) -> str:
    try:
        return story_title(folder)
    except StoryError:
        return folder.name


def _require(problems: list[RecordProblem]) -> None:
    if problems:
        raise StoreError(problems)
