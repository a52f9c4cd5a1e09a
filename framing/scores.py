"""Category scores per outlet (or any other unit) and voice, from the span table and word counts alone."""

from __future__ import annotations

import pandas as pd

from framing.voices import COUNT_VOICES, SPAN_VOICES

WORD_COLUMNS = {"all": "words", "narrator": "words_narrator", "quote": "words_quote"}


def score_table(spans: pd.DataFrame, articles: pd.DataFrame, categories: list[str]) -> pd.DataFrame:
    """Count, words analysed and rate per 1,000 words for every outlet, category and voice."""
    counts = spans.groupby(["outlet", "category", "voice"]).size()
    words = articles.groupby("outlet", sort=False)[list(WORD_COLUMNS.values())].sum()
    return rate_table(counts, words, categories)


def rate_table(counts: pd.Series, words: pd.DataFrame, categories: list[str],
               by: tuple[str, ...] = ("outlet",)) -> pd.DataFrame:
    """Counts indexed by (*by, category, voice) over words indexed by `by`, as rates.

    Every unit, category and voice has a row, zeros included, so an empty category shows as 0,
    not as a gap. The rate is empty (NaN) where a unit has no words in that voice."""
    grid = words.index.to_frame(index=False).merge(pd.DataFrame({"category": categories}), how="cross")
    per_voice = counts.unstack("voice", fill_value=0) if len(counts) else pd.DataFrame()
    per_voice = per_voice.reindex(columns=list(SPAN_VOICES), fill_value=0)
    per_voice["all"] = per_voice["narrator"] + per_voice["quote"]
    per_voice = per_voice.reindex(pd.MultiIndex.from_frame(grid), fill_value=0)
    unit_words = words.set_axis(pd.MultiIndex.from_frame(words.index.to_frame(index=False))).reindex(
        pd.MultiIndex.from_frame(grid[list(by)]))
    frames = []
    for voice in COUNT_VOICES:
        frame = grid.assign(voice=voice, count=per_voice[voice].to_numpy().astype(int),
                            words=unit_words[WORD_COLUMNS[voice]].to_numpy().astype(int))
        frame["per_1000"] = (1000 * frame["count"] / frame["words"].where(frame["words"] > 0)).round(2)
        frames.append(frame)
    table = pd.concat(frames, ignore_index=True)
    return table[[*by, "category", "voice", "count", "words", "per_1000"]]
