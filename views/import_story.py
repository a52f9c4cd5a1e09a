"""Import articles: a teacher's own story from files or pasted text, checked, described, then saved.

Reading and checking live in framing.library.importing, saving in framing.library.story_store; this page composes
them. File names, texts and metadata are data: they reach the screen through st.code, st.dataframe, text
boxes' values and captions escaped for Markdown only.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from framing.analysis import analyse
from framing.lexicon import LexiconError
from framing.library.importing import (
    MAX_FILE_MB,
    Draft,
    ImportResult,
    read_files,
    read_pasted,
    without_repeats,
)
from framing.library.story_setup import (
    CANDIDATE_FIELDS,
    candidate_loaded_words,
    proposed_headline,
    save_story_words,
    story_words,
)
from framing.library.story_store import (
    Saved,
    StoreError,
    add_articles,
    articles_on_disk,
    create_story,
    delete_article,
    delete_story,
    leave_out_saved,
    user_stories,
    writable_story,
)
from framing.records import IMPORT_SUFFIXES, RecordProblem
from framing.render.markup import widget_markdown_text
from framing.storage import USER_DATA_ENV, StorageError, data_dir
from framing.stories import StoryError, load_story
from framing.text import count_words
from views.session import (
    STORY_KEY,
    delete_undoably,
    deletion_notice,
    forget_page_choices,
    page_intro,
    plural,
    story_catalogue,
)

NEW = ""  # the story choice that makes a new story
FORM_FIELDS = ("outlet", "country", "ownership", "date", "headline", "url")
FIELD_LABELS = {"outlet": "Outlet (required)", "country": "Country", "ownership": "Ownership", "date": "Date",
                "headline": "Headline", "url": "Address (URL)"}
PREVIEW_CHARS = 80
ARTICLES_SHOWN = 20  # articles described at once: a page of hundreds of text boxes is slow to draw
TYPED_KEY = "import_typed"  # article fingerprint -> what was typed in its fields, kept over the form's pages
FIX_FOLDER = (f"Start the dashboard with a folder you can write to: set the environment variable {USER_DATA_ENV}, "
              "or run `streamlit run dashboard.py -- --data-dir PATH`.")


def open_story(slug: str) -> None:
    """Button callback: the sidebar's story becomes the saved one (widgets' state is set before they draw)."""
    forget_page_choices()
    st.session_state[STORY_KEY] = slug
    st.session_state["import_open"] = True


def show_lines(lines, *, kind=st.error, intro: str) -> None:
    """A message, then the lines it is about (file names, rows, reasons) as plain text."""
    kind(intro)
    st.code("\n".join(str(line) for line in lines), language=None, wrap_lines=True)


def storage_failed(error: StorageError) -> None:
    st.error(f"Nothing was saved: the data folder cannot be written. {FIX_FOLDER}")
    st.code(str(error), language=None, wrap_lines=True)


def folder_section() -> None:
    folder = data_dir()
    st.caption("Your stories are saved as readable files in your data folder:")
    st.code(str(folder / "stories"), language=None)
    try:
        (folder / "stories").mkdir(parents=True, exist_ok=True)
        probe = folder / "stories" / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        st.error(f"This folder cannot be written, so nothing can be saved. {FIX_FOLDER}")
        st.code(f"{error.strerror or error}", language=None)


def story_section(mine: dict[str, str]) -> str:
    """The story to add to (NEW for a new one); for an existing one, the articles it has."""
    if (pending := st.session_state.pop("import_next_target", None)) is not None:
        st.session_state["import_target"] = pending  # the story just saved, before its box is drawn
        st.session_state.pop("import_title", None)
        st.session_state.pop("import_summary", None)
    target = st.selectbox("Add the articles to", [NEW, *mine], key="import_target",
                          format_func=lambda slug: "A new story" if slug == NEW else mine[slug])
    if target == NEW:
        st.text_input("Title of the new story", key="import_title", max_chars=200)
        st.text_area("Summary (optional): what happened, and when", key="import_summary", height=80)
        return target
    try:
        articles = articles_on_disk(writable_story(target))
    except StoryError as error:
        show_lines([error], intro="This story cannot be read, so nothing can be added to it:")
        st.stop()
    st.caption(f"This story has {plural(len(articles), 'article')} from "
               f"{plural(len({a.outlet for a in articles}), 'outlet')}:")
    st.dataframe(pd.DataFrame([{"outlet": a.outlet, "headline": a.headline, "words": count_words(a.raw),
                                "file": a.id} for a in articles]), hide_index=True)
    removal_section(target, mine[target], articles)
    return target


def removal_section(slug: str, title: str, articles) -> None:
    """Take an article out of the story, or delete the whole story; either can be undone."""
    with st.expander("Remove an article, or delete this story"):
        labels = {a.id: f"{a.outlet}: {a.headline or a.id}" for a in articles}
        article = st.selectbox("Article", list(labels), format_func=labels.get, key="import_remove_article")
        st.button("Remove this article", key="import_remove", disabled=len(articles) < 2,
                  on_click=delete, args=(f"the article {labels.get(article)}", delete_article, slug, article),
                  help="A story keeps one article at least: delete the story instead." if len(articles) < 2 else None)
        sure = st.checkbox(f"Yes, delete the whole story with its {plural(len(articles), 'article')}",
                           key="import_delete_sure")
        st.button("Delete this story", key="import_delete", disabled=not sure,
                  on_click=delete, args=(f"the story {title}", delete_story, slug))


def delete(what: str, remove, *args) -> None:
    """Button callback: remove an article or the story, undoably."""
    if delete_undoably("import", what, remove, *args):
        story_catalogue.clear()
        if remove is delete_story:
            st.session_state.pop("import_target", None)


def read_inputs(round_number: int) -> ImportResult:
    """The uploaded files and pasted text, read and checked together (the same article twice is a problem)."""
    uploads = st.file_uploader(
        f"Article files ({', '.join(IMPORT_SUFFIXES)}; up to {MAX_FILE_MB} MB each)",
        # The server refuses a larger upload before holding it in memory (server.maxUploadSize in
        # .streamlit/config.toml is the same), and the uploader marks such a file red.
        type=[suffix.lstrip(".") for suffix in IMPORT_SUFFIXES], accept_multiple_files=True,
        max_upload_size=MAX_FILE_MB,
        key=f"import_files_{round_number}",
        help=".csv and .jsonl: one article a row, in a column named text (or body, or content), with optional "
             "columns outlet, country, ownership, date, headline, url. Web pages: the article's text is taken, "
             "without menus, adverts or scripts.")
    pasted = st.text_area("…or paste one article's text", key=f"import_paste_{round_number}", height=160)
    # By name: the uploader lists files as they finish, and the table's rows must not reorder under an edit.
    files = tuple((upload.name, upload.getvalue()) for upload in sorted(uploads or (), key=lambda u: u.name))
    return read_all(files, pasted)


@st.cache_data(max_entries=4, show_spinner=False)
def read_all(files: tuple[tuple[str, bytes], ...], pasted: str) -> ImportResult:
    """Read once per set of inputs: every edit of the table reruns the page, and that rerun must be quick."""
    result = read_files(files)
    if pasted.strip():
        result.extend(read_pasted(pasted))
    return without_repeats(result)


def shortened(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


def metadata_table(result: ImportResult) -> pd.DataFrame:
    """One row per draft; a headline the file did not give is proposed from its first line."""
    rows = [{"source": draft.source, **{name: draft.metadata.get(name, "") for name in FORM_FIELDS},
             "headline": draft.metadata.get("headline") or proposed_headline(draft.text),
             "words": count_words(draft.text), "begins": shortened(" ".join(draft.text.split()))}
            for draft in result.drafts]
    return pd.DataFrame(rows, columns=["source", *FORM_FIELDS, "words", "begins"])


def field_key(draft: Draft, name: str) -> str:
    """One text box per article and field, named by the article's text: adding a file keeps what was typed."""
    return f"import_{name}:{draft.fingerprint}"


def describe_article(draft: Draft, row: dict) -> None:
    """One article's fields, in a form: a text box holds each keystroke until a button of the form is
    pressed, so no rerun can drop any."""
    with st.container(border=True, key=f"import_article:{draft.fingerprint}"):
        st.caption(widget_markdown_text(f"{row['source']} · {plural(row['words'], 'word')} · {row['begins']}"))
        columns = st.columns([3, 2, 2, 2, 4, 3])
        for column, name in zip(columns, FORM_FIELDS, strict=True):
            column.text_input(FIELD_LABELS[name], value=row[name] or "", key=field_key(draft, name))


def describe_section(result: ImportResult) -> tuple[bool, bool]:
    """Every article's fields, ARTICLES_SHOWN at a time (a CSV may hold hundreds), in one form; what is typed
    is kept in the session when any of its buttons is pressed, so moving between articles loses nothing.
    Returns whether Save was pressed, and whether the articles with problems are to be left out."""
    st.subheader("Describe each article")
    st.caption("Filled in from what the files said. The outlet is required; correct or add the rest. What you type "
               "is kept as you type it and sent with the form's buttons.")
    rows, typed = described(result), st.session_state.setdefault(TYPED_KEY, {})
    first = min(st.session_state.get("import_first", 0), (len(rows) - 1) // ARTICLES_SHOWN * ARTICLES_SHOWN)
    shown = range(first, min(first + ARTICLES_SHOWN, len(rows)))
    with st.form("import_describe", border=False, enter_to_submit=False):
        for number in shown:
            describe_article(result.drafts[number], rows[number])
        moves = {}
        if len(rows) > ARTICLES_SHOWN:
            st.caption(f"Articles {first + 1} to {shown[-1] + 1} of {len(rows)}.")
            back, forward, _ = st.columns([1, 1, 4])
            moves[first - ARTICLES_SHOWN] = back.form_submit_button("Previous articles", disabled=first == 0,
                                                                    key="import_previous")
            moves[first + ARTICLES_SHOWN] = forward.form_submit_button(
                "Next articles", disabled=shown[-1] + 1 == len(rows), key="import_next")
        skip = st.checkbox("Leave out what has problems and save the rest", key="import_skip") \
            if result.problems else False
        submitted = st.form_submit_button(f"Save {plural(len(rows), 'article')}", type="primary", key="import_save")
    if not (submitted or any(moves.values())):
        return False, skip
    for number in shown:  # a button sent the form: keep what it held
        draft = result.drafts[number]
        typed[draft.fingerprint] = {name: st.session_state.get(field_key(draft, name), "") for name in FORM_FIELDS}
    for move, pressed in moves.items():
        if pressed:
            st.session_state["import_first"] = move
            st.rerun()
    return submitted, skip


def described(result: ImportResult) -> list[dict]:
    """Each draft's row of the table, with what was typed for it over what its file said."""
    typed = st.session_state.get(TYPED_KEY, {})
    return [{**row, **typed.get(draft.fingerprint, {})}
            for draft, row in zip(result.drafts, metadata_table(result).to_dict("records"), strict=True)]


def save(target: str, result: ImportResult) -> Saved | None:
    """Save the drafts with the metadata as typed; on any problem, say what and save nothing."""
    drafts = [draft.with_metadata({name: (row[name] or "").strip() for name in FORM_FIELDS})
              for draft, row in zip(result.drafts, described(result), strict=True)]
    unnamed = [draft.source for draft in drafts if not draft.outlet]
    if unnamed:
        show_lines(unnamed, intro="Nothing was saved: every article needs its outlet. Fill in the outlet of:")
        return None
    try:
        if target == NEW:
            return create_story(st.session_state.get("import_title", ""), st.session_state.get("import_summary", ""),
                                drafts)
        return add_articles(target, drafts)
    except StoreError as error:
        show_lines(error.problems, intro="Nothing was saved:")
    except StorageError as error:
        storage_failed(error)
    return None


def saved_section() -> None:
    """What the last save did, and the way to its story."""
    saved: Saved | None = st.session_state.get("import_saved")
    if saved is None:
        return
    st.success(f"Saved {plural(len(saved.paths), 'article')} to this story:")
    st.code(f"{saved.title}\n{saved.folder}", language=None)
    if len(saved.outlets) < 2:
        st.info("The story has one outlet so far: the pages that compare outlets need a second. "
                "Add an article from another outlet.")
    set_up_section(saved)
    st.button("Open the story", type="primary", on_click=open_story, args=(saved.slug,), key="import_open_story")


def set_up_section(saved: Saved) -> None:
    """The set-up step: candidate loaded words to tick into the story's own lexicon layer."""
    st.subheader("Set up the story")
    st.caption("Actors and their names: the tool will propose them here (coming with actor discovery).")
    if len(saved.outlets) < 2:
        return
    candidates = candidate_loaded_words(analyse(load_story(saved.folder)))
    chosen = set(story_words(saved.folder))
    if candidates.empty and not chosen:
        st.caption("No candidate loaded words: no outlet uses a rare word the lexicon does not already hold.")
        return
    st.caption("Candidate loaded words: each is rare in general English and used by one outlet more than the others "
               "(z: how distinctive; zipf: how common in English, 3 = once per million words). Tick the ones "
               "that carry a judgement; they become this story's own lexicon, used by every page.")
    table = candidates.assign(use=candidates["term"].isin(chosen))[["use", *CANDIDATE_FIELDS]]
    kept = [word for word in chosen if word not in set(candidates["term"])]
    table = pd.concat([table, pd.DataFrame({"use": True, "term": kept})], ignore_index=True)
    ticked = st.data_editor(table, hide_index=True, key=f"setup_words_{saved.slug}",
                            disabled=list(CANDIDATE_FIELDS), column_config={
                                "use": st.column_config.CheckboxColumn("use", help="Add to this story's lexicon")})
    if st.button("Save the ticked words", key="setup_save_words"):
        words = ticked.loc[ticked["use"].fillna(False).astype(bool), "term"].tolist()
        try:
            save_story_words(saved.folder, words, story=saved.slug)
        except (LexiconError, StorageError) as error:
            st.error("The words were not saved:")
            st.code(str(error), language=None)
            return
        st.success(f"Saved {plural(len(words), 'word')} as this story's own lexicon.")


if st.session_state.pop("import_open", False):
    st.switch_page("views/overview.py")

page_intro(__file__)
folder_section()
saved_section()
deletion_notice("import", refresh=story_catalogue.clear)

mine = user_stories()
target = story_section(mine)
round_number = st.session_state.setdefault("import_round", 0)  # a new round empties the uploader and paste box
result = read_inputs(round_number)
if target != NEW and result.drafts:
    try:
        result = leave_out_saved(result, articles_on_disk(writable_story(target)))
    except StoryError as error:
        result.problems.append(RecordProblem(target, str(error)))
if result.notes:
    show_lines(result.notes, kind=st.info, intro="How the files were read:")
if result.problems:
    show_lines(result.problems, intro=f"{plural(len(result.problems), 'problem')}: these cannot be imported.")

if result.drafts:
    submitted, skip = describe_section(result)
    if submitted:
        if result.problems and not skip:
            st.error("Nothing was saved: fix the problems listed above, or tick the box to leave them out.")
        elif (saved := save(target, result)) is not None:
            story_catalogue.clear()
            for key in (TYPED_KEY, "import_first"):
                st.session_state.pop(key, None)
            st.session_state["import_saved"] = saved
            st.session_state["import_round"] = round_number + 1
            st.session_state["import_next_target"] = saved.slug
            st.rerun()
