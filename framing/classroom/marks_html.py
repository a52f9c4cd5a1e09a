"""HTML for a student's marks beside the lexicon's hits (the Annotate page), for a browser to show as it is."""

from framing.classroom.annotation import MARK_CLASSES, Comparison, mark_kind, tokens
from framing.render.markup import html_text
from framing.spans import ArticleAnalysis
from framing.voices import VOICE_LABELS

MARKS_CSS = (
    "<style>"
    ".framing mark.annot { color: inherit; padding: 0 0.08em; border-radius: 0.15em; }"
    ".framing mark.annot.both { background: rgba(0,158,115,0.35); border-bottom: 0.18em solid #009E73; }"
    ".framing mark.annot.student { background: rgba(230,159,0,0.35); border-bottom: 0.18em dashed #E69F00; }"
    ".framing mark.annot.lexicon { background: rgba(86,180,233,0.3); border-bottom: 0.18em dotted #0072B2; }"
    ".framing mark.annot.outside { opacity: 0.55; }"
    "</style>"
)


def comparison_html(doc: ArticleAnalysis, comparison: Comparison, marks) -> str:
    """The article with each compared word marked as agreed, student only or lexicon only; marks
    outside the compared voice are shown faded, so the student still sees them."""
    text, words = doc.text, tokens(doc)
    outside = {int(m) for m in marks} - comparison.marked
    pieces, position = [], 0
    for token in words:
        kind = mark_kind(token.index, comparison)
        if kind is None and token.index not in outside:
            continue
        pieces.append(html_text(text[position:token.start]))
        css = f"annot {kind}" if kind else "annot student outside"
        title = MARK_CLASSES[kind] if kind else "your mark, not compared: " + VOICE_LABELS["quote"]
        pieces.append(f'<mark class="{css}" title="{html_text(title)}">{html_text(token.text)}</mark>')
        position = token.end
    pieces.append(html_text(text[position:]))
    return f'<div class="article">{"".join(pieces)}</div>'


def marks_legend_html() -> str:
    """The key to comparison_html's three kinds of mark."""
    keys = "".join(f'<span class="swatch"><mark class="annot {css}">{html_text(label)}</mark></span>'
                   for css, label in MARK_CLASSES.items())
    return f"<div>{keys}</div>"
