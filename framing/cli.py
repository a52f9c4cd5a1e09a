"""`python -m framing`: the analysis from the command line, as a table, CSV or JSON."""

from __future__ import annotations

import _thread
import argparse
import contextlib
import json
import math
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from framing.lexicon import LexiconError, load_lexicon
from framing.storage import USER_DATA_ENV, StorageError
from framing.stories import StoryError, load_story, resolve_story_path, story_folders
from framing.text import count_words, plural
from framing.voices import COUNT_VOICES, SPAN_VOICES

if TYPE_CHECKING:  # the analysis, pandas and scikit-learn are imported by the commands that use them
    import pandas as pd

    from framing.analysis import Analysis
    from framing.library.importing import ImportResult
    from framing.records import RecordProblem

FORMATS = ("table", "csv", "json")
TABLE_CELL_WIDTH = 60
MAX_PROBLEMS_SHOWN = 20
IMPORT_COLUMNS = ["article", "outlet", "headline", "words", "path"]  # what `import` lists of the articles it saved
IMPORT_FIELDS = ("outlet", "country", "ownership", "date", "headline", "url")  # flags that fill what files lack


INTERRUPTED = 130  # the exit status of a command stopped by Ctrl-C, as shells report it


def main(argv: list[str] | None = None) -> int:
    stopped = threading.Event()
    try:
        with _stopping_on_signals(stopped):
            return _run(argv)
    except BaseException as error:
        # An interrupt may surface as another error from code it stopped half-way (an import, say):
        # either way, every write is whole or not made, so one line says it all.
        if stopped.is_set() or isinstance(error, KeyboardInterrupt):
            print("interrupted: what was being written was not kept; files saved before are unchanged",
                  file=sys.stderr)
            return INTERRUPTED
        if isinstance(error, Exception) and isinstance(error, _usage_errors()):  # not for --help's SystemExit
            print(f"error: {error}", file=sys.stderr)
            return 2
        raise


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "data_dir", None):
        os.environ[USER_DATA_ENV] = args.data_dir  # for this run, as `streamlit run dashboard.py -- --data-dir`
    frame = args.handler(args)
    if frame is None:  # the command wrote files and said so on stderr
        return 0
    try:
        sys.stdout.write(render(frame, args.format))
    except BrokenPipeError:  # output piped into head or less that closed early
        sys.stderr.close()
    return 0


@contextlib.contextmanager
def _stopping_on_signals(stopped: threading.Event) -> Iterator[None]:
    """Ctrl-C and SIGTERM (kill, a closing terminal, a service manager) stop a command alike, and
    `stopped` remembers that one came."""
    def interrupt(signum, frame):
        stopped.set()
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[threading.Timer] = []

    def redeliver(unraisable):
        if isinstance(unraisable.exc_value, KeyboardInterrupt):  # it landed in a destructor, which swallows it:
            timer = threading.Timer(0.01, _thread.interrupt_main)  # it comes again once the destructor is left
            pending.append(timer)
            timer.start()
            return
        previous_hook(unraisable)

    previous = {number: signal.signal(number, interrupt) for number in (signal.SIGINT, signal.SIGTERM)}
    previous_hook, sys.unraisablehook = sys.unraisablehook, redeliver
    try:
        yield
    finally:
        for number in previous:  # the command has stopped (or ended): an interrupt from now on is
            signal.signal(number, signal.SIG_IGN)  # dropped, a redelivered one too, not raised later
        for timer in pending:  # in __main__'s own handling of the first
            timer.cancel()
        for timer in pending:
            timer.join()
        sys.unraisablehook = previous_hook
        for number, handler in previous.items():
            signal.signal(number, handler)


def _usage_errors() -> tuple[type[Exception], ...]:
    from framing.batch.scoring import BatchError

    return StoryError, LexiconError, BatchError, StorageError


class _CommandParser(argparse.ArgumentParser):
    """A command's parser that adds the options of its own (and imports what they name) only when
    that command is parsed: `--help` and a light command pay for no other command's imports."""

    def __init__(self, *args, options: Callable[[argparse.ArgumentParser], None] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._options = options

    def parse_known_args(self, args=None, namespace=None):
        if self._options is not None:
            options, self._options = self._options, None
            options(self)
        return super().parse_known_args(args, namespace)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m framing",
        description="How news outlets frame the same story. PATH is a story folder, any folder of "
        ".txt/.md articles, a single article file, or the name of a bundled story.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_CommandParser)

    def command(name: str, handler, help_text: str, *, story=True, lexicon=True, options=None):
        sub = commands.add_parser(name, help=help_text, description=help_text, options=options)
        if story:
            sub.add_argument("path", metavar="PATH",
                             help="story folder, folder of .txt/.md files, or bundled story name")
        if lexicon:
            sub.add_argument("--lexicon", metavar="FILE",
                             help="lexicon YAML file (default: data/lexicons/default.yaml)")
        sub.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
        sub.add_argument("--data-dir", metavar="PATH", help=f"your data folder of stories and lexicons (default: "
                         f"${USER_DATA_ENV}, else your user data folder)")
        sub.set_defaults(handler=handler)
        return sub

    command("stories", _stories, "list the bundled stories", story=False, lexicon=False)
    command("articles", _articles, "article metadata, cleaned text and the lines cleaning removed", lexicon=False)
    spans = command("spans", _spans, "the span table: every lexicon hit with its offsets, voice and speaker")
    spans.add_argument("--category", help="only this category id")
    spans.add_argument("--voice", choices=SPAN_VOICES, help="only this voice")
    command("score", _score, "category counts and rates per 1,000 words, per outlet and voice",
            options=_score_options)
    command("distinctive", _distinctive, "terms that set each outlet apart from the others", lexicon=False,
            options=_distinctive_options)
    command("naming", _naming, "the labels each outlet uses for each actor (referent), with counts and voice")
    command("quotes", _quotes, "each quoted statement, aligned across outlets: who carried it, in which words")
    coverage = command("coverage", _coverage, "each sentence: shared with another outlet, or unique to its own",
                       lexicon=False)
    coverage.add_argument("--summary", action="store_true",
                          help="per outlet, the share of its own-voice words that no other outlet has")
    command("similarity", _similarity, "pairwise similarity of the outlets' wording (TF-IDF cosine)",
            lexicon=False, options=_similarity_options)
    _add_batch(commands)
    command("import", _import, "add articles to a story of your own, making it if need be", story=False,
            lexicon=False, options=_add_import)
    return parser


def _score_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--voice", choices=COUNT_VOICES, help="only this voice")


def _distinctive_options(sub: argparse.ArgumentParser) -> None:
    from framing.distinctive import METHODS, SCOPES

    sub.add_argument("--top", type=_positive, default=10, help="terms per outlet and method (default: 10)")
    sub.add_argument("--scope", choices=SCOPES, default="narrator",
                     help="narrator: the outlet's own words only (default); all: quotations too")
    sub.add_argument("--method", choices=METHODS, help="only this list")


def _similarity_options(sub: argparse.ArgumentParser) -> None:
    from framing.distinctive import SCOPES

    sub.add_argument("--scope", choices=SCOPES, default="narrator", help="narrator (default) or all")


def _add_import(sub: argparse.ArgumentParser) -> None:
    from framing.library.importing import MAX_FILE_MB
    from framing.records import IMPORT_SUFFIXES

    sub.description = (f"Add articles to one of your stories in the data folder. FILES: {', '.join(IMPORT_SUFFIXES)} "
                       f"(at most {MAX_FILE_MB} MB each), or folders of them; .csv and .jsonl hold one article a "
                       "row in a text column. Every file is checked first: if any has a problem, all problems "
                       "are listed, nothing is saved and the exit status is 2.")
    sub.add_argument("files", nargs="+", metavar="FILE", help="article files, or folders of them")
    sub.add_argument("--story", required=True, metavar="SLUG_OR_TITLE",
                     help="one of your stories (its folder name or title); a new story is made if none has it")
    sub.add_argument("--new-title", metavar="TITLE", help="title of the new story (default: the --story value)")
    sub.add_argument("--summary", default="", help="summary of the new story")
    for name in IMPORT_FIELDS:
        sub.add_argument(f"--{name}", default="", help=f"{name} of every article that does not give its own")
    sub.add_argument("--skip-existing", action="store_true",
                     help="add only the articles the story does not have yet (to finish an import that was "
                          "stopped); without it, an article already in the story stops the whole import")
    sub.add_argument("--story-words", default="", metavar="WORDS",
                     help="comma-separated words for the story's own lexicon layer (lexicon.yaml in its folder), "
                          "for example some of the candidates this command proposes")


def _add_batch(commands) -> None:
    text = ("score a corpus: per-article category counts and rates by voice, outlet totals per month, and "
            "the terms behind them, streamed in chunks")
    batch = commands.add_parser("batch", help=text, description=text + ". Rows that cannot be scored are "
                                "reported and skipped; their list is written to OUT's .problems.csv.",
                                options=_batch_options)
    batch.set_defaults(handler=_batch)


def _batch_options(batch: argparse.ArgumentParser) -> None:
    from framing.batch.scoring import DEFAULT_CHUNK, ENGINES

    batch.add_argument("input", metavar="INPUT", help="JSONL, CSV or Parquet with 'outlet' and 'text' columns "
                       "(optional: story, article, date)")
    batch.add_argument("--out", required=True, metavar="OUT",
                       help="per-article scores, .parquet or .csv; OUT.outlets and OUT.terms are written beside it")
    batch.add_argument("--spans", metavar="FILE", help="also write the span table (.parquet or .csv)")
    batch.add_argument("--lexicon", metavar="FILE", help="lexicon YAML file (default: data/lexicons/default.yaml)")
    batch.add_argument("--engine", choices=ENGINES, default="local",
                       help="local: processes on this machine (default); dask: a Dask cluster")
    batch.add_argument("--workers", type=_positive, metavar="N",
                       help="processes (local) or local Dask workers (default: one per CPU core)")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler, such as tcp://10.0.0.5:8786 (implies --engine dask)")
    batch.add_argument("--chunk-size", type=_positive, default=DEFAULT_CHUNK, metavar="ROWS",
                       help=f"rows per chunk (default: {DEFAULT_CHUNK})")
    batch.add_argument("--no-progress", action="store_true", help="no progress bar")


def _batch(args) -> None:
    from framing.batch.scoring import problems_path, run_batch

    out = Path(args.out)
    shown = 0

    def report(problem: RecordProblem) -> None:
        nonlocal shown
        shown += 1
        if shown <= MAX_PROBLEMS_SHOWN:
            print(f"skipped row {problem.row}: {problem.message}", file=sys.stderr)

    started = time.perf_counter()
    summary = run_batch(
        Path(args.input), out, load_lexicon(args.lexicon), spans_path=Path(args.spans) if args.spans else None,
        chunk_size=args.chunk_size, engine="dask" if args.scheduler else args.engine, workers=args.workers,
        scheduler=args.scheduler, progress=False if args.no_progress else None, on_problem=report,
    )
    seconds = time.perf_counter() - started
    print(f"scored {summary.articles:,} of {summary.rows:,} rows in {seconds:.1f} s", file=sys.stderr)
    if summary.problems:
        more = f" ({len(summary.problems) - MAX_PROBLEMS_SHOWN:,} more not shown)" if shown > MAX_PROBLEMS_SHOWN else ""
        print(f"skipped {len(summary.problems):,} rows{more}: listed in {problems_path(out)}", file=sys.stderr)
    for path in summary.outputs:
        print(f"wrote {path}", file=sys.stderr)


def _import(args) -> pd.DataFrame:
    import pandas as pd

    from framing.library.importing import ImportResult
    from framing.library.story_setup import proposed_headline, word_problem
    from framing.library.story_store import (
        StoreError,
        add_articles,
        articles_on_disk,
        create_story,
        find_user_story,
        is_bundled,
        leave_out_saved,
        writable_story,
    )
    from framing.records import RecordProblem

    result = _read_paths([Path(name) for name in args.files])
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    defaults = {name: getattr(args, name) for name in IMPORT_FIELDS}
    # Set-up step: an article with no headline gets its first line as one (to correct in the file).
    drafts = [draft.with_defaults({**defaults, "headline": defaults["headline"] or proposed_headline(draft.text)})
              for draft in result.drafts]
    problems = result.problems + [RecordProblem(d.name, "no outlet: give it in the file (front matter or an outlet "
                                          "column) or with --outlet NAME", d.row) for d in drafts if not d.outlet]
    if problem := word_problem(args.story_words.split(",")):
        problems.append(RecordProblem("--story-words", problem))
    if is_bundled(args.story):
        problems.append(RecordProblem(args.story, "a bundled story cannot be changed; name a new story with --story"))
    if problems:
        raise StoreError([_nothing_saved(problems), *problems])
    slug = find_user_story(args.story) or (args.new_title and find_user_story(args.new_title))
    if slug and (args.new_title or args.summary):
        print(f"note: {slug!r} already exists, so --new-title and --summary are not used", file=sys.stderr)
    if slug and args.skip_existing:
        new = leave_out_saved(ImportResult(drafts=drafts), articles_on_disk(writable_story(slug))).drafts
        if len(new) < len(drafts):
            print(f"note: {plural(len(drafts) - len(new), 'article')} already in {slug!r}, not added again",
                  file=sys.stderr)
        if not new:
            print(f"nothing new to add to {slug!r}", file=sys.stderr)
            return pd.DataFrame(columns=IMPORT_COLUMNS)
        drafts = new
    try:
        saved = add_articles(slug, drafts) if slug else create_story(args.new_title or args.story, args.summary, drafts)
    except StoreError as error:
        raise StoreError([_nothing_saved(error.problems), *error.problems]) from None
    made = "added to" if slug else "made the new story"
    print(f"{made} {saved.slug!r} ({saved.title}): {plural(len(saved.paths), 'article')} in {saved.folder}",
          file=sys.stderr)
    if len(saved.outlets) < 2:
        print("note: the story has one outlet so far; comparing outlets needs a second", file=sys.stderr)
    _set_up(saved.folder, args.story_words)
    rows = [{"article": a.id, "outlet": a.outlet, "headline": a.headline, "words": count_words(a.raw), "path": a.path}
            for a in load_story(saved.folder).articles if Path(a.path) in saved.paths]
    return pd.DataFrame(rows, columns=IMPORT_COLUMNS)


def _set_up(folder: Path, words: str) -> None:
    """The set-up step from the command line: save the words given, then propose candidates."""
    from framing.analysis import analyse
    from framing.library.story_setup import candidate_loaded_words, save_story_words

    story = load_story(folder)
    if words.strip():
        path = save_story_words(folder, words.split(","), story=story.slug)
        print(f"saved the story's own words in {path}", file=sys.stderr)
    if len(story.outlets) >= 2:
        candidates = candidate_loaded_words(analyse(story))
        if not candidates.empty:
            listed = ", ".join(f"{row.term} ({row.outlet} {row.count})" for row in candidates.head(20).itertuples())
            print(f"candidate loaded words (add with --story-words): {listed}", file=sys.stderr)


def _nothing_saved(problems: list) -> str:
    return f"nothing was saved; {plural(len(problems), 'problem')}:"


def _read_paths(paths: list[Path]) -> ImportResult:
    """Every file named, and the importable files of every folder named, read and checked."""
    from framing.library.importing import MAX_FILE_BYTES, read_files, too_large
    from framing.records import IMPORT_SUFFIXES, RecordProblem

    files, missing = [], []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in IMPORT_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(RecordProblem(str(path), "no such file or folder"))
    try:  # a file over the limit is refused by its size, without reading it into memory
        sizes = {path: path.stat().st_size for path in files}
        result = read_files((str(path), path.read_bytes()) for path in files if sizes[path] <= MAX_FILE_BYTES)
    except OSError as error:
        raise StoryError(f"{error.filename}: cannot read ({error.strerror or error})") from None
    for path in files:
        if sizes[path] > MAX_FILE_BYTES:
            result.extend(too_large(str(path), sizes[path]))
    result.problems[:0] = missing
    return result


def _analysis(args) -> Analysis:
    from framing.analysis import analyse

    story = load_story(resolve_story_path(args.path))
    lexicon = load_lexicon(getattr(args, "lexicon", None))
    return analyse(story, lexicon)


class Rows(NamedTuple):
    """A table as plain rows, from a command quicker to run than pandas is to import."""

    columns: list[str]
    records: list[dict]


def _stories(args) -> Rows:
    """Every story that loads; one that does not is named with its problem, and the rest listed."""
    rows = []
    for folder in story_folders():
        try:
            s = load_story(folder)
        except StoryError as error:
            print(f"note: {error}", file=sys.stderr)
            continue
        rows.append({"story": s.slug, "title": s.title, "articles": len(s.articles), "outlets": ", ".join(s.outlets),
                     "path": s.path})
    return Rows(["story", "title", "articles", "outlets", "path"], rows)


def _articles(args) -> pd.DataFrame:
    return _analysis(args).articles


def _spans(args) -> pd.DataFrame:
    spans = _analysis(args).spans
    if args.category:
        spans = spans[spans["category"] == args.category]
    if args.voice:
        spans = spans[spans["voice"] == args.voice]
    return spans


def _score(args) -> pd.DataFrame:
    scores = _analysis(args).scores
    return scores[scores["voice"] == args.voice] if args.voice else scores


def _distinctive(args) -> pd.DataFrame:
    analysis = _analysis(args)
    if len(analysis.story.outlets) < 2:
        print("note: distinctive terms compare outlets, and this story has only one.", file=sys.stderr)
    table = analysis.distinctive(top=args.top, scope=args.scope)
    return table[table["method"] == args.method] if args.method else table


def _naming(args) -> pd.DataFrame:
    return _analysis(args).naming()


def _quotes(args) -> pd.DataFrame:
    return _analysis(args).statements()


def _coverage(args) -> pd.DataFrame:
    analysis = _analysis(args)
    return analysis.unique_share() if args.summary else analysis.coverage()


def _similarity(args) -> pd.DataFrame:
    matrix = _analysis(args).similarity(scope=args.scope)
    return matrix.rename_axis("outlet").reset_index()


def render(frame: pd.DataFrame | Rows, fmt: str) -> str:
    columns, records = (frame.columns, frame.records) if isinstance(frame, Rows) else (
        list(frame.columns), to_records(frame))
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":  # lists as JSON text, formulas neutralised
        import pandas as pd

        from framing.spreadsheet import safe_for_spreadsheet

        return safe_for_spreadsheet(pd.DataFrame(records, columns=columns)).to_csv(index=False)
    if not records or not columns:
        return "(nothing to show)\n"
    # Right-aligned columns one space apart, as pandas prints a table of strings, without pandas.
    cells = [[str(name) for name in columns], *([_cell(r.get(name)) for name in columns] for r in records)]
    widths = [max(map(len, column)) for column in zip(*cells, strict=True)]
    return "".join(" ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) + "\n"
                   for row in cells)


def to_records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain Python values: ints, floats, bools, strings, lists; NaN becomes None."""
    return [{key: _plain(value) for key, value in row.items()} for row in frame.to_dict(orient="records")]


def _plain(value):
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _cell(value) -> str:
    if isinstance(value, list):
        return f"{len(value)} lines"
    if isinstance(value, dict):  # outlet -> wording shows the outlets; a reference shows its parts
        nested = all(isinstance(v, dict) for v in value.values())
        return ", ".join(value) if nested else ", ".join(map(str, value.values()))
    text = "" if value is None else str(value).replace("\n", " \u21b5 ")
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "\u2026"


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number
