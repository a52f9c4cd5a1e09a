"""Category scores per outlet and voice, derived from the span table and word counts alone."""

from __future__ import annotations

import pandas as pd

SCORE_FIELDS = ("outlet", "category", "voice", "count", "words", "per_1000")
SCORE_VOICES = ("narrator", "quote", "all")


def score_table(spans: pd.DataFrame, articles: pd.DataFrame, categories: list[str]) -> pd.DataFrame:
    """Count, words analysed and rate per 1,000 words for every outlet, category and voice.

    Every combination has a row, zeros included, so an empty category shows as 0, not as a gap.
    The rate is empty (NaN) where an outlet has no words in that voice.
    """
    outlets = list(dict.fromkeys(articles["outlet"]))
    grid = pd.MultiIndex.from_product([outlets, categories], names=["outlet", "category"])
    frames = []
    for voice in SCORE_VOICES:
        chosen = spans if voice == "all" else spans[spans["voice"] == voice]
        counts = chosen.groupby(["outlet", "category"]).size().reindex(grid, fill_value=0)
        words = articles.groupby("outlet")["words" if voice == "all" else f"words_{voice}"].sum()
        frame = counts.rename("count").reset_index()
        frame["voice"] = voice
        frame["words"] = frame["outlet"].map(words).astype(int)
        frame["per_1000"] = (1000 * frame["count"] / frame["words"].where(frame["words"] > 0)).round(2)
        frames.append(frame)
    table = pd.concat(frames, ignore_index=True)
    table["count"] = table["count"].astype(int)
    return table[list(SCORE_FIELDS)]
