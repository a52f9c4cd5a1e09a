"""Lexicons: categories of framing vocabulary, loaded from YAML and validated strictly.

The file format is documented in data/lexicons/README.md. Validation names the file, the
entry and the problem, because the people who edit these files are teachers, not programmers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from framing.safe_yaml import load_yaml
from framing.storage import BUNDLED_DIR, data_subdir
from framing.text import fold

LEXICONS_DIR = BUNDLED_DIR / "lexicons"
DEFAULT_LEXICON = LEXICONS_DIR / "default.yaml"
DEFAULT_NAME = "default"
USER_LEXICONS = "lexicons"  # the data folder's subfolder of lexicons saved from the editor

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Letters, digits, spaces, hyphens, apostrophes, full stops, ampersands; `*` ends a word.
_WORD = r"[\w'\u2019.&]*[^\W_][\w'\u2019.&]*\*?"  # each word holds a letter or digit
_TERM_RE = re.compile(rf"^{_WORD}(?:(?:\s+|-)[\w'\u2019.&]*[^\W_][\w'\u2019.&-]*\*?)*$")
MAX_TERM_LENGTH = 80

_LEXICON_KEYS = {"name": True, "description": True, "sources": False, "categories": True}
_CATEGORY_KEYS = {
    "id": True, "name": True, "description": True, "teaching_note": True, "scare_quotes": False,
    "skip_negated": False, "story": False, "terms": True,
}
_TERM_KEYS = {"term": True, "note": False, "referent": False, "match_case": False, "pos": False, "forms": False}
# A term's part of speech, as lexicon files name it.
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb")
STORY_LEXICON = "lexicon.yaml"  # a story folder's own lexicon layer
_SOURCE_KEYS = {"name": True, "used_for": False, "licence": True, "url": False}


class LexiconError(ValueError):
    """A lexicon that cannot be used; the message names the file, the entry and the problem."""


@dataclass(frozen=True)
class Term:
    text: str
    category: str
    referent: str = ""
    note: str = ""
    match_case: bool = False
    pos: tuple[str, ...] = ()  # the parts of speech it must be used as; empty: any
    forms: tuple[str, ...] = ()  # other forms it matches too ("complains", "complained")

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Everything the term matches as written: its text, then its other forms."""
        return (self.text, *self.forms)


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    description: str
    teaching_note: str
    terms: tuple[Term, ...]
    scare_quotes: bool = False
    fills_gaps: bool = False  # its terms match only where no other category's term does
    skip_negated: bool = False  # a hit just after "not", "no", "never"... is not counted
    story: str = ""  # the story (its folder name) the category was written for; empty: any story


@dataclass(frozen=True)
class Source:
    name: str
    licence: str
    used_for: str = ""
    url: str = ""


@dataclass(frozen=True)
class Lexicon:
    name: str
    description: str
    categories: tuple[Category, ...]
    sources: tuple[Source, ...] = ()
    path: str = ""

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(term for category in self.categories for term in category.terms)

    @property
    def scare_quote_category(self) -> Category | None:
        return next((c for c in self.categories if c.scare_quotes), None)

    def categories_for_other_stories(self, story: str) -> tuple[Category, ...]:
        """Categories written for a story other than `story` (a folder name), which a page
        showing `story` should say so about."""
        return tuple(c for c in self.categories if c.story and c.story != story)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load and validate a lexicon file; the default lexicon when no path is given."""
    path = Path(path) if path is not None else DEFAULT_LEXICON
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot read as UTF-8 text ({error})") from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        raise LexiconError(f"{path}: not valid YAML ({str(error).strip().splitlines()[0]})") from None
    return parse_lexicon(data, source=str(path))


def lexicon_files() -> dict[str, Path]:
    """name -> file: the bundled default, then every lexicon saved in the data folder, by file name."""
    folder = data_subdir(USER_LEXICONS)
    saved = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return {DEFAULT_NAME: DEFAULT_LEXICON, **{p.stem: p for p in saved if p.stem != DEFAULT_NAME}}


def parse_lexicon(data, *, source: str = "<lexicon>") -> Lexicon:
    """Validate a lexicon already parsed from YAML (or built in the dashboard's editor)."""
    _check_mapping(data, _LEXICON_KEYS, source, "the file")
    raw_sources = _list(data.get("sources") or [], source, "sources")
    sources = tuple(_parse_source(entry, source, i) for i, entry in enumerate(raw_sources, 1))
    raw_categories = _list(data["categories"], source, "categories")
    if not raw_categories:
        raise LexiconError(f"{source}: categories: the list is empty; add at least one category")
    categories = tuple(_parse_category(entry, source, i) for i, entry in enumerate(raw_categories, 1))
    _check_unique(categories, source)
    return Lexicon(
        name=_text(data, "name", source, "the file"),
        description=_text(data, "description", source, "the file"),
        categories=categories,
        sources=sources,
        path=source,
    )


STORY_NAMES = "story_names"


def with_story_names(lexicon: Lexicon, aliases: tuple[tuple[str, str], ...], *, source: str) -> Lexicon:
    """The lexicon plus a category of the story's own names for its actors, minus any the
    lexicon already lists, so a referent is found under names a general lexicon cannot know.
    These names fill gaps: where a lexicon term overlaps one ("Takfiri" in "Takfiri group"),
    the lexicon term wins, so a story's alias list never hides a loaded label."""
    known = {fold(form).lower() for term in lexicon.terms for form in term.surface_forms}
    terms, seen = [], set()
    for number, (referent, name) in enumerate(aliases, 1):
        key = fold(name).lower()
        if key not in known and key not in seen:
            seen.add(key)
            where = f"aliases, name {number}"
            terms.append(_parse_term({"term": name, "referent": referent}, STORY_NAMES, source, where))
    if not terms:
        return lexicon
    category = Category(
        id=STORY_NAMES,
        name="Other names in this story",
        description="Names for the story's actors from the story's own alias list (story.yaml).",
        teaching_note="Which name an outlet picks for an actor is a choice: compare the names across outlets.",
        terms=tuple(terms),
        fills_gaps=True,
    )
    return replace(lexicon, categories=(*lexicon.categories, category))


def with_story_layer(lexicon: Lexicon, story_folder: str | Path, slug: str) -> Lexicon:
    """The lexicon plus the story's own layer (`lexicon.yaml` in its folder), if it has one.
    The layer's categories belong to that story; where the layer lists a term the lexicon
    also lists, the story's entry wins (it knows the story's referents)."""
    path = Path(story_folder) / STORY_LEXICON
    if not story_folder or not path.is_file():
        return lexicon
    layer = load_lexicon(path)
    own_forms = [_form_key(form) for term in layer.terms for form in term.surface_forms]
    exact = {form for form in own_forms if not form.endswith("*")}
    prefixes = tuple(form[:-1] for form in own_forms if form.endswith("*"))

    def covered(form: str) -> bool:  # the story's "puppet*" covers the lexicon's "puppets"
        key = _form_key(form)
        return key in exact or any(key.startswith(p) and " " not in key[len(p):] for p in prefixes)

    kept = []
    for category in lexicon.categories:
        terms = tuple(t for t in category.terms if not any(map(covered, t.surface_forms)))
        if terms:
            kept.append(replace(category, terms=terms))
    own = tuple(replace(c, story=c.story or slug) for c in layer.categories)
    merged = replace(lexicon, categories=(*kept, *own), sources=(*lexicon.sources, *layer.sources))
    _check_unique(merged.categories, str(path))
    return merged


def _form_key(form: str) -> str:
    return fold(form).lower().replace("-", " ")


def _parse_category(entry, source: str, number: int) -> Category:
    where = f"category {number}"
    _check_mapping(entry, _CATEGORY_KEYS, source, where)
    category_id = _text(entry, "id", source, where)
    where = f"category {category_id!r}"
    if not _ID_RE.match(category_id):
        raise LexiconError(
            f"{source}: {where}: id must be lowercase letters, digits and underscores, starting with a letter"
        )
    raw_terms = _list(entry["terms"], source, f"{where}: terms")
    if not raw_terms:
        raise LexiconError(f"{source}: {where}: terms: the list is empty; add at least one term")
    terms = tuple(_parse_term(item, category_id, source, f"{where}, term {i}") for i, item in enumerate(raw_terms, 1))
    return Category(
        id=category_id,
        name=_text(entry, "name", source, where),
        description=_text(entry, "description", source, where),
        teaching_note=_text(entry, "teaching_note", source, where),
        scare_quotes=_flag(entry, "scare_quotes", source, where),
        skip_negated=_flag(entry, "skip_negated", source, where),
        story=_optional_text(entry, "story", source, where),
        terms=terms,
    )


def _parse_term(item, category_id: str, source: str, where: str) -> Term:
    if isinstance(item, str):
        item = {"term": item}
    _check_mapping(item, _TERM_KEYS, source, where)
    raw = _text(item, "term", source, where)
    where = f"{where} ({' '.join(raw.split())!r})"
    text = _term_text(raw, source, where)
    forms = item.get("forms") or []
    if not isinstance(forms, list) or not all(isinstance(form, str) and form.strip() for form in forms):
        raise LexiconError(f"{source}: {where}: 'forms' must be a list of words or phrases")
    return Term(
        text=text,
        category=category_id,
        referent=_optional_text(item, "referent", source, where),
        note=_optional_text(item, "note", source, where),
        match_case=_flag(item, "match_case", source, where),
        pos=_parts_of_speech(item.get("pos"), source, where),
        forms=tuple(form for form in dict.fromkeys(_term_text(f, source, f"{where}, form {f!r}") for f in forms)
                    if fold(form).lower() != fold(text).lower()),
    )


def _term_text(raw: str, source: str, where: str) -> str:
    text = " ".join(raw.split())
    if len(text) > MAX_TERM_LENGTH:
        raise LexiconError(f"{source}: {where}: longer than {MAX_TERM_LENGTH} characters")
    if not _TERM_RE.match(text) or any(word.startswith("*") for word in re.split(r"[\s\-]+", text)[:-1]):
        raise LexiconError(
            f"{source}: {where}: use words, spaces, hyphens and apostrophes only, with * allowed at the end of "
            "a word for inflected forms (terroris*); regular-expression syntax is not supported"
        )
    return text


def _parts_of_speech(value, source: str, where: str) -> tuple[str, ...]:
    """`pos: verb` or `pos: [noun, adjective]`; None: any part of speech."""
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or any(v not in PARTS_OF_SPEECH for v in values):
        raise LexiconError(f"{source}: {where}: 'pos' must be one of {', '.join(PARTS_OF_SPEECH)}, or a list of them")
    return tuple(dict.fromkeys(values))


def _parse_source(entry, source: str, number: int) -> Source:
    where = f"sources, entry {number}"
    _check_mapping(entry, _SOURCE_KEYS, source, where)
    return Source(
        name=_text(entry, "name", source, where),
        licence=_text(entry, "licence", source, where),
        used_for=_optional_text(entry, "used_for", source, where),
        url=_optional_text(entry, "url", source, where),
    )


def _check_unique(categories: tuple[Category, ...], source: str) -> None:
    seen_ids: set[str] = set()
    seen_terms: dict[str, str] = {}
    scare = [c.id for c in categories if c.scare_quotes]
    if len(scare) > 1:
        raise LexiconError(f"{source}: scare_quotes is set on {', '.join(scare)}; set it on one category only")
    for category in categories:
        if category.id in seen_ids:
            raise LexiconError(f"{source}: category {category.id!r}: the id is used twice")
        seen_ids.add(category.id)
        for term in category.terms:
            for form in term.surface_forms:
                key = fold(form).lower()
                if key in seen_terms:
                    raise LexiconError(
                        f"{source}: category {category.id!r}, term {form!r}: already listed in "
                        f"category {seen_terms[key]!r}; a term belongs to one category"
                    )
                seen_terms[key] = category.id


def _check_mapping(value, keys: dict[str, bool], source: str, where: str) -> None:
    if not isinstance(value, dict):
        raise LexiconError(f"{source}: {where}: expected a mapping of key: value, got {type(value).__name__}")
    unknown = sorted(set(map(str, value)) - set(keys))
    if unknown:
        raise LexiconError(f"{source}: {where}: unknown key {unknown[0]!r} (allowed: {', '.join(keys)})")
    missing = [key for key, required in keys.items() if required and key not in value]
    if missing:
        raise LexiconError(f"{source}: {where}: missing {missing[0]!r}")


def _list(value, source: str, where: str) -> list:
    if not isinstance(value, list):
        raise LexiconError(f"{source}: {where}: expected a list, got {type(value).__name__}")
    return value


def _text(mapping: dict, key: str, source: str, where: str) -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{source}: {where}: {key!r} must be non-empty text")
    return value.strip()


def _optional_text(mapping: dict, key: str, source: str, where: str) -> str:
    return _text(mapping, key, source, where) if mapping.get(key) is not None else ""


def _flag(mapping: dict, key: str, source: str, where: str) -> bool:
    value = mapping.get(key, False)
    if not isinstance(value, bool):
        raise LexiconError(f"{source}: {where}: {key!r} must be true or false, got {value!r}")
    return value
