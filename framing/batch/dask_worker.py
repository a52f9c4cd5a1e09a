"""A Dask worker made ready to score before it joins its cluster:

    dask worker tcp://SCHEDULER:8786 --nthreads 1 --preload framing.batch.dask_worker

Without it, a worker imports the scoring engine as its first chunk arrives and loads the tagger's
data while scoring it, about a CPU-second that every worker of a fresh cluster spends before its
first chunk is done: on a job of 5,000 articles, about a seventh of its time on two workers. With
it, that second is spent while the worker starts, once in its life, in parallel with the others;
the job's own lexicon still gets its matcher on the first chunk (a few hundredths of a second for
2,000 terms).
"""

from __future__ import annotations

# One made-up article, and a lexicon of a few terms it holds, that wake every step a chunk takes: a
# headline-like first line, a quotation with its speaker, a scare quote, a negated hit, a term
# checked by its part of speech (the tagger's data, the costliest first use) and report verbs.
WARM_UP_ROW = {
    "outlet": "Warm-up", "date": "2026-01-01",
    "text": "Officials deny report\n\nThe so-called \"rebels\" were not defeated, an official said on Monday. "
            "\"We will hold the city,\" the commander claimed, according to witnesses who allegedly saw it.",
}
WARM_UP_LEXICON = {
    "name": "warm-up", "description": "a few terms of the warm-up article",
    "categories": [
        {"id": "distancing", "name": "Distancing", "description": "-", "teaching_note": "-", "scare_quotes": True,
         "skip_negated": True, "terms": ["so-called", "allegedly", "defeated"]},
        {"id": "report_verbs", "name": "Report verbs", "description": "-", "teaching_note": "-",
         "terms": [{"term": "claim", "pos": "verb", "forms": ["claims", "claimed"]}, "said"]},
    ],
}


def dask_setup(worker=None) -> None:
    """Dask's preload hook, run as the worker starts: the warm-up article through the whole engine,
    spans included, which imports and loads everything a chunk needs. The imports are made here,
    not when the module is imported: `dask worker` imports a preload in its own process too, to read
    its options, and that process scores nothing."""
    from framing.batch.scoring import score_chunk
    from framing.lexicon import parse_lexicon

    score_chunk([(0, WARM_UP_ROW)], parse_lexicon(WARM_UP_LEXICON, source="warm-up"), True)
