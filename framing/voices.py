"""Whose words: the vocabulary of voices, shared by the engine, the exports and every page.

A span is in the outlet's own words (narrator) or inside a quotation (quote). A count covers one
of those or both (all). The labels are the words a class reads for each.
"""

NARRATOR, QUOTE, ALL = "narrator", "quote", "all"
SPAN_VOICES = (NARRATOR, QUOTE)  # the voice of one span
COUNT_VOICES = (NARRATOR, QUOTE, ALL)  # what a count covers: one voice, or both
VOICE_LABELS = {NARRATOR: "the outlet's own words", QUOTE: "inside a quotation", ALL: "all text"}
