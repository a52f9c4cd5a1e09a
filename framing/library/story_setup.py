"""The set-up step after an import: what the tool proposes for a teacher to tick.

- A headline for each article that came without one: its first line, shown in the import table
  to correct (blind reading hides a first line that repeats the headline).
- Candidate loaded words: terms distinctive for one outlet (log-odds z, `framing.distinctive`)
  that are rare in general English (`wordfreq`) and not already in the lexicon. The ticked ones
  become the story's own lexicon layer (`lexicon.yaml` in the story folder), used by every page.
- Actors and their name variants will be proposed here too, by actor discovery (issue 13).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import wordfreq
import yaml

from framing.analysis import Analysis
from framing.distinctive import log_odds_z, term_counts
from framing.lexicon import STORY_LEXICON, LexiconError, load_lexicon, parse_lexicon
from framing.safe_yaml import load_yaml
from framing.storage import atomic_write_text, cannot_write
from framing.text import fold

MAX_HEADLINE_CHARS = 200
MIN_Z = 0.5  # at least this distinctive for its outlet (log-odds z: one use by one outlet alone is 0.5-1)
MAX_ZIPF = 3.5  # at most this common in general English (wordfreq's Zipf scale: 3 is once per million words)
STORY_WORDS = "story_words"  # the story layer's category of ticked words
CANDIDATE_FIELDS = ("term", "outlet", "count", "count_rest", "z", "zipf")
_HEADER = ("# This story's own lexicon layer: words ticked in the set-up step after import. Every page adds\n"
           "# these categories to the chosen lexicon when this story is shown. Format: data/lexicons/README.md.\n\n")


def proposed_headline(text: str) -> str:
    """The first non-empty line, if it is short enough to be a headline; else nothing."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= MAX_HEADLINE_CHARS and not first.endswith((",", ";", ":")) else ""


def candidate_loaded_words(analysis: Analysis, *, top: int = 30) -> pd.DataFrame:
    """Words one outlet uses distinctively in its own words (log-odds z against the others),
    rare in general English, not written mostly with a capital (names are actors, not loaded
    words), and not already in the lexicon; the most distinctive first, at most `top`. Single
    words only: a phrase is always rare in general English, whatever its words."""
    texts = analysis.outlet_texts("narrator")
    counts = term_counts(texts)
    counts = counts[[term for term in counts.columns if " " not in term]]
    if len(texts) < 2 or counts.empty:
        return pd.DataFrame(columns=list(CANDIDATE_FIELDS))
    z = log_odds_z(counts)
    rest = counts.sum(axis=0) - counts
    known = {fold(form).lower() for term in analysis.lexicon.terms for form in term.surface_forms}
    rows = []
    for outlet in counts.index:
        for term in counts.columns[(counts.loc[outlet] > 0) & (z.loc[outlet] >= MIN_Z)]:
            zipf = wordfreq.zipf_frequency(term, "en")
            if zipf <= MAX_ZIPF and term not in known and not _mostly_capitalised(term, texts[outlet]):
                rows.append((term, outlet, int(counts.loc[outlet, term]), int(rest.loc[outlet, term]),
                             round(float(z.loc[outlet, term]), 3), round(zipf, 2)))
    table = pd.DataFrame(rows, columns=list(CANDIDATE_FIELDS))
    table = table.sort_values(["z", "count"], ascending=False, kind="stable").drop_duplicates("term")
    return table.head(top).reset_index(drop=True)


def save_story_words(story_folder: str | Path, words: list[str], *, story: str) -> Path:
    """Write the ticked words into the story's lexicon layer (its `story_words` category, which
    they replace), keeping the layer's other categories. Refused, with the lexicon's own
    message, if a word breaks the lexicon rules."""
    path = Path(story_folder) / STORY_LEXICON
    data = load_yaml(path.read_text(encoding="utf-8")) if path.is_file() else None
    data = data or {"name": story, "description": f"The story's own words ({story})."}
    categories = [c for c in data.get("categories") or [] if c.get("id") != STORY_WORDS]
    chosen = list(dict.fromkeys(" ".join(word.split()) for word in words if word.strip()))
    if chosen:
        categories.append({
            "id": STORY_WORDS, "name": "Loaded words in this story",
            "description": "Words that one outlet used distinctively in this story, ticked by the teacher in the "
                           "set-up step after import.",
            "teaching_note": "Each of these words was rare in general English and set one outlet apart. Ask what "
                             "the other outlets wrote instead.",
            "story": story, "terms": chosen,
        })
    data["categories"] = categories
    if not categories:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise cannot_write(path.parent, error) from None
        return path
    parse_lexicon(data, source=str(path))  # the same rules as any lexicon file
    atomic_write_text(path, _HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    load_lexicon(path)
    return path


def word_problem(words: list[str]) -> str:
    """Why these words cannot be story words (the lexicon rule they break), or nothing."""
    chosen = [word for word in words if word.strip()]
    if not chosen:
        return ""
    try:
        parse_lexicon({"name": "n", "description": "d", "categories": [
            {"id": STORY_WORDS, "name": "n", "description": "d", "teaching_note": "t", "terms": chosen}]},
            source="the story's words")
    except LexiconError as error:
        return str(error)
    return ""


def story_words(story_folder: str | Path) -> list[str]:
    """The words saved in the story's lexicon layer by the set-up step."""
    path = Path(story_folder) / STORY_LEXICON
    if not path.is_file():
        return []
    return [t.text for t in load_lexicon(path).terms if t.category == STORY_WORDS]


def _mostly_capitalised(term: str, text: str) -> bool:
    found = re.findall(rf"(?<!\w){re.escape(term)}(?!\w)", fold(text), re.IGNORECASE)
    return bool(found) and sum(f[0].isupper() for f in found) * 2 > len(found)
