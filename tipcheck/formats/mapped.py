"""A Document built from extracted text whose positions map back to a source (HTML, Word).

Extracted text is assembled from runs; each run starts at a known source line and column and maps
one character to one column from there. Text the extractor adds (paragraph breaks) maps to the place
that caused it. The Document sees ordinary text; `position` answers in the source's coordinates.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from tipcheck.document import Document, normalize
from tipcheck.markdown import Comment
from tipcheck.model import Span
from tipcheck.sentences import paragraphs

# (offset in the extracted text where a run starts, source line, source column), both 1-based.
Origin = tuple[int, int, int]


class MappedDocument(Document):
    """A Document whose line/column come from an origin map, not from the text's own lines."""

    def __init__(
        self,
        path: str,
        raw: str,
        origins: Sequence[Origin],
        notes: Sequence[str] = (),
        comments: Sequence[Comment] = (),
    ) -> None:
        text = normalize(raw)
        super().__init__(path, raw, text, paragraphs(text), notes, comments)
        self.origins: list[Origin] = list(origins) or [(0, 1, 1)]
        self._origin_starts = [start for start, _, _ in self.origins]

    def position(self, offset: int) -> tuple[int, int]:
        """Source line and column (1-based, in characters) of an offset into the extracted text."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the document (0..{len(self.text)})")
        index = max(bisect.bisect_right(self._origin_starts, offset) - 1, 0)
        start, line, column = self.origins[index]
        return line, column + offset - start

    def span(self, start: int, end: int) -> Span:
        """The located span; its end is one past its last character in the source (not past markup)."""
        if end < start:
            raise ValueError(f"span ends ({end}) before it starts ({start})")
        line, column = self.position(start)
        end_line, end_column = line, column
        if end > start:
            end_line, end_column = self.position(end - 1)
            end_column += 1
        return Span(self.path, start, end, line, column, end_line, end_column)


class TextBuilder:
    """Collects extracted text run by run, with the origin of each run and block breaks."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0
        self.origins: list[Origin] = []
        self.comments: list[Comment] = []
        self._tail = "\n\n"  # the last two characters added; the start counts as a break

    def add(self, text: str, line: int, column: int) -> None:
        """Text that starts at source line/column; its source newlines become spaces here."""
        for number, piece in enumerate(text.split("\n")):
            if number:  # the newline itself, kept as one space at the end of the line before
                self._append(" ", line, column)
                line, column = line + 1, 1
            if piece:
                self._append(piece, line, column)
                column += len(piece)

    def add_char(self, text: str, line: int, column: int) -> None:
        """One decoded piece (an entity) that stands for source text at line/column."""
        if text:
            self._append(text.replace("\n", " "), line, column)

    def newline(self, line: int, column: int) -> None:
        """A line break the source asks for inside a block (<br>)."""
        self._append("\n", line, column)

    def block(self, line: int, column: int) -> None:
        """End the current block: a blank line, unless one is already there."""
        if self._tail != "\n\n":
            self._append("\n\n" if self._tail[-1] != "\n" else "\n", line, column)

    def comment(self, inner: str, line: int, column: int) -> None:
        """A comment between blocks: one blank character that locates it, on a line of its own."""
        self.block(line, column)
        start = self._size
        self._append(" ", line, column)
        self.comments.append((start, start + 1, inner.strip()))
        self.block(line, column)

    def document(self, path: str, notes: Sequence[str] = ()) -> MappedDocument:
        """The finished Document."""
        return MappedDocument(path, "".join(self._parts), self.origins, notes, self.comments)

    def _append(self, text: str, line: int, column: int) -> None:
        self.origins.append((self._size, line, column))
        self._parts.append(text)
        self._size += len(text)
        self._tail = (self._tail + text)[-2:]
