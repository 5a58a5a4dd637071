"""A document read for checking: normalized text with offsets kept, sentences, and positions."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tipcheck.markdown import Comment, blank_markdown, find_comments
from tipcheck.model import Span
from tipcheck.sentences import Range, line_spans, paragraphs, split_sentences

MARKDOWN_SUFFIXES = (".md", ".markdown")


def _table(chars: str, to: str) -> dict[int, str]:
    return {ord(char): to for char in chars}


# Every entry maps one character to one character, so offsets into `raw` hold in `text`.
NORMALIZE = {
    **_table("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **_table("\u2018\u2019\u201a\u201b\u2032", "'"),
    **_table("\u201c\u201d\u201e\u201f\u2033", '"'),
    **_table("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a", " "),
    **_table("\u202f\u205f\u3000\v\f\x85\u2028\u2029", " "),
    **_table("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff", " "),
}
_OPENING = "“„"  # in `raw`: quotation marks that can only open


_SPECIAL = re.compile("[" + "".join(map(chr, NORMALIZE)) + "]")


def normalize(text: str) -> str:
    """Unicode dashes, curly quotes, odd spaces and invisible characters to ASCII, one for one."""
    return _SPECIAL.sub(lambda match: NORMALIZE[ord(match.group())], text)  # 10x str.translate


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR to LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Sentence:
    """One sentence: offsets into Document.text (end exclusive), its text, its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int


class Document:
    """Text to check: `raw` as decoded, `text` normalized to the same length, and its sentences."""

    def __init__(
        self,
        path: str,
        raw: str,
        text: str,
        paragraphs: Sequence[Range],
        notes: Sequence[str] = (),
        comments: Sequence[Comment] = (),
    ) -> None:
        if len(raw) != len(text):
            raise ValueError("normalized text must keep the length of the raw text")
        self.path = path
        self.raw = raw
        self.text = text
        self.paragraphs: list[Range] = list(paragraphs)
        self.notes: list[str] = list(notes)
        self.comments: list[Comment] = list(comments)
        self._line_starts = [start for start, _ in line_spans(text)]
        self._quotes = _quote_ranges(raw, text, self.paragraphs)
        self._quote_starts = [start for start, _ in self._quotes]
        self.sentences: list[Sentence] = []
        for index, (start, end) in enumerate(self.paragraphs):
            for s, e in split_sentences(text, start, end, self.in_quotes):
                self.sentences.append(Sentence(s, e, text[s:e], index))
        self._sentence_starts = [sentence.start for sentence in self.sentences]

    def __repr__(self) -> str:
        return (
            f"Document({self.path!r}, {len(self.text)} characters, {len(self.sentences)} sentences)"
        )

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based column (counting characters) of an offset into the text."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the document (0..{len(self.text)})")
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        """The located span [start, end): line/column of both ends (end exclusive)."""
        if end < start:
            raise ValueError(f"span ends ({end}) before it starts ({start})")
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(self.path, start, end, line, column, end_line, end_column)

    def in_quotes(self, offset: int) -> bool:
        """Whether an offset lies inside a quotation ("...", “...”), quotation marks included."""
        index = bisect.bisect_right(self._quote_starts, offset) - 1
        return index >= 0 and offset < self._quotes[index][1]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains an offset, if any."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def line_text(self, line: int) -> str:
        """The raw text of a 1-based line, without its newline."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.raw)
        return self.raw[start:end]


def is_markdown(path: str) -> bool:
    """Whether a path names a Markdown file, by its suffix."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def document_from_text(
    text: str, path: str = "<text>", markdown: bool | None = None, notes: Sequence[str] = ()
) -> Document:
    """A Document from decoded text; Markdown is blanked when `markdown` (default: by suffix)."""
    raw = normalize_newlines(text)
    normalized = normalize(raw)
    if markdown is None:
        markdown = is_markdown(path)
    if markdown:
        blanked = blank_markdown(normalized)
        found = paragraphs(blanked.text, blanked.block_starts)
        return Document(path, raw, blanked.text, found, notes, blanked.comments)
    found = paragraphs(normalized)
    return Document(path, raw, normalized, found, notes, find_comments(normalized))


def _quote_ranges(raw: str, text: str, paragraphs: Sequence[Range]) -> list[Range]:
    """Quotations (marks included) per paragraph; one left open runs to the paragraph end."""
    ranges: list[Range] = []
    for start, end in paragraphs:
        opened: int | None = None
        pos = text.find('"', start, end)
        while pos >= 0:
            mark = raw[pos]
            if mark == "″" and pos > start and raw[pos - 1].isdigit():
                pass  # a double prime: 5″
            elif opened is None:
                opened = pos
            elif mark in _OPENING:  # the last one was never closed
                ranges.append((opened, pos))
                opened = pos
            else:
                ranges.append((opened, pos + 1))
                opened = None
            pos = text.find('"', pos + 1, end)
        if opened is not None:
            ranges.append((opened, end))
    return ranges
