"""Bytes to text, the same way for every file the project reads: the Import page and `framing import`,
and a plain folder of articles given to the analysis commands.

UTF-8 (with or without a byte-order mark) and UTF-16 with one are read as they are. Anything else
is a single-byte code page: Windows-1252 (Western European, with its curly quotes, dashes and
ellipsis) unless most of its letters would then be accented, as happens when the text is in
another alphabet, whose code page charset-normalizer then chooses (Cyrillic, Arabic, Greek...).
A file is said to mix two encodings only when half or more of its non-ASCII bytes are whole
UTF-8 characters; `passé”` in Windows-1252 is not. Binary files and UTF-16 without a byte-order
mark are refused with the reason, never read as text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

CONTROL_SHARE = 0.05  # more control characters than this and a "text" file is binary
FOREIGN_LETTERS = 0.3  # more non-ASCII letters than this share when read as Western: another alphabet
OTHER_ALPHABETS = ["cp1251", "koi8_r", "cp1256", "cp1253", "cp1255", "cp1254", "cp1250"]  # Windows and KOI8 pages
LINE_END_RE = re.compile(r"\r\n?")
WHOLE_UTF8_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
SIGNATURES = (  # what a file starts with -> what it is, for the message
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive, or a Word, Excel or OpenDocument file"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel file (.doc, .xls)"),
    (b"{\\rtf", "a rich-text (RTF) document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file, with Windows and old-Mac line endings made \\n, and a note when it was not
    UTF-8. Raises ValueError with the reason when it is not text at all."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                raise ValueError(f"starts like {codec.upper()} text but byte {error.start + len(bom)} is not; "
                                 "save it again as UTF-8") from None
            return _checked_text(text), ""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise ValueError(f"this looks like {kind}, not text; save the article as text (.txt) or as a web "
                             "page (.html) and import that")
    if b"\x00" in data:
        raise ValueError("this is a binary file, not text (or UTF-16 text without a byte-order mark); save the "
                         "article as UTF-8 text and import that")
    try:
        return _checked_text(data.decode("utf-8")), ""
    except UnicodeDecodeError as error:
        high = sum(byte >= 0x80 for byte in data)
        if 2 * sum(len(match) for match in WHOLE_UTF8_RE.findall(data)) >= high:
            raise ValueError(f"mostly UTF-8 text, but byte {error.start} is not UTF-8: the file mixes two "
                             "encodings; save it again as UTF-8") from None
    western = data.decode("cp1252", errors="replace")
    if "\ufffd" not in western and not _another_alphabet(western):
        return _checked_text(western), "not UTF-8: read as Western European (cp1252)"
    other = _other_alphabet(data)
    if other is not None:
        return _checked_text(data.decode(other)), f"not UTF-8: read as {other}"
    return _checked_text(data.decode("latin-1")), "not UTF-8: read as Western European (Latin-1)"


def _another_alphabet(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and sum(not char.isascii() for char in letters) > FOREIGN_LETTERS * len(letters)


def _other_alphabet(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=OTHER_ALPHABETS).best()
    return best.encoding if best is not None else None


def _checked_text(text: str) -> str:
    controls = sum(1 for char in text if char not in "\t\n\r\f" and unicodedata.category(char) == "Cc")
    if "\x00" in text or controls > CONTROL_SHARE * len(text):
        raise ValueError("this is a binary file, not text; save the article as text (.txt) or HTML and import that")
    return LINE_END_RE.sub("\n", text)
