"""Input formats: which reader a draft needs (by suffix) and the Document each one builds.

Markdown and plain text keep their own lines and columns; HTML maps back to its source; Word
(.docx) numbers paragraphs as lines. All of them give the same Document to the rest of the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tipcheck.document import Document, document_from_text, normalize, normalize_newlines
from tipcheck.markdown import Comment, blank_ranges, find_comments, looks_like_markdown
from tipcheck.sentences import paragraphs

FORMATS_BY_SUFFIX = {
    ".md": "markdown", ".markdown": "markdown",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
}
DOCUMENT_SUFFIXES = tuple(FORMATS_BY_SUFFIX)
# A plain-text suppression marker on a line of its own: `# tipcheck: ignore TIP102 -- reason`.
TEXT_MARKER = re.compile(r"^[ \t]*(?:#|//)?[ \t]*(tipcheck:[^\n]*?)[ \t]*$", re.M)


def format_of(name: str, default: str = "text") -> str:
    """markdown | text | html | docx, by the name's suffix (`default` for any other)."""
    dot = name.rfind(".")
    return FORMATS_BY_SUFFIX.get(name[dot:].lower(), default) if dot >= 0 else default


def text_document(text: str, name: str, kind: str | None = None, notes: Sequence[str] = ()) -> Document:
    """A Document from decoded text in one of the text formats (markdown, text, html)."""
    kind = kind or format_of(name)
    if kind == "html":
        from tipcheck.formats.html import html_document

        return html_document(normalize_newlines(text), name, notes)
    if kind == "markdown":
        return document_from_text(text, name, markdown=True, notes=notes)
    return plain_document(text, name, notes)


def plain_document(text: str, name: str, notes: Sequence[str] = ()) -> Document:
    """Plain text: marker lines (`tipcheck: ...`) are blanked and kept as comments."""
    raw = normalize_newlines(text)
    normalized = normalize(raw)
    markers: list[Comment] = [(m.start(), m.end(), m.group(1)) for m in TEXT_MARKER.finditer(normalized)]
    if not markers:
        # Markdown pasted into a .txt file is read as Markdown: "**33** — Countries on Tier 1" is "33
        # countries" once its bold marks are blanked
        return document_from_text(raw, name, markdown=looks_like_markdown(normalized), notes=notes)
    blanked = blank_ranges(normalized, [(start, end) for start, end, _ in markers])
    comments = sorted(find_comments(normalized) + markers)
    return Document(name, raw, blanked, paragraphs(blanked), notes, comments)
