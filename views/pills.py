"""Labels for st.pills, the widget a student marks words with: plain functions, tested without Streamlit."""

from framing.classroom.annotation import Token
from framing.render.markup import widget_markdown_text

ZERO_WIDTH_SPACE = "\u200b"


def pill_labels(words: list[Token]) -> dict[int, str]:
    """A label per token for one st.pills widget: the word as written (escaped), in italics inside a
    quotation. st.pills tells options apart by their labels, so a word's second "the" gets an
    invisible zero-width space, its third two, and so on."""
    seen: dict[str, int] = {}
    labels = {}
    for token in words:
        text = widget_markdown_text(token.text)
        text = f"*{text}*" if token.voice == "quote" else text
        seen[text] = seen.get(text, -1) + 1
        labels[token.index] = text + ZERO_WIDTH_SPACE * seen[text]
    return labels
