"""Text from articles, uploads and lexicons made inert for each place it is shown: HTML, Plotly
labels, Streamlit widget labels (which read Markdown) and Markdown files. One function per place,
because each reads different characters as markup."""

import html
import re

_WIDGET_MARKDOWN_RE = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&=^\"'])")  # Streamlit's Markdown, emoji and colours too
_FILE_MARKDOWN_RE = re.compile(r"([\\`*_\[\]<>!~|$])")  # what makes a link, image, tag, emphasis, table or maths
# What a viewer makes a link of with no markup at all: a scheme's ://, an e-mail address, a bare domain.
_ADDRESS_RE = re.compile(r"://|(?:\b[\w.+-]+@)?\b(?:[\w-]+\.)+[a-z]{2,}\b", re.IGNORECASE)
_ADDRESS_PUNCTUATION_RE = re.compile(r"([.:@])")


def html_text(text) -> str:
    """For HTML shown by a browser (st.html, the handout): every tag character and quote escaped."""
    return html.escape(str(text), quote=True)


def plotly_text(text) -> str:
    """For Plotly titles, ticks and labels: Plotly decodes &lt; &gt; &amp; but not &quot;, so quotes stay."""
    return html.escape(str(text), quote=False)


def widget_markdown_text(text: str) -> str:
    """For a widget label Streamlit reads as Markdown (st.pills): every character it could read as markup."""
    return _WIDGET_MARKDOWN_RE.sub(r"\\\1", text)


def file_markdown_text(text: str) -> str:
    """For a Markdown file a person reads raw or in a viewer: just enough escaped that it shows as
    written and makes no link, image, tag, emphasis or maths, so "US-led (2015)" stays readable raw.
    In an address the dots, colons and at signs are escaped too, which keeps viewers that link bare
    addresses (GitHub, VS Code) from making a link of it."""
    escaped = _FILE_MARKDOWN_RE.sub(r"\\\1", text)
    return _ADDRESS_RE.sub(lambda address: _ADDRESS_PUNCTUATION_RE.sub(r"\\\1", address[0]), escaped)
