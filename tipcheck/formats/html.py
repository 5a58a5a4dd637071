"""HTML drafts: visible text by block, each character mapped to its line and column in the source.

The standard library's HTMLParser (the tokenizer BeautifulSoup uses by default) is the one parser
that reports where every text run and character reference starts, so positions point into the
source the editor has open. Scripts, styles and the head are not prose; block elements break
paragraphs; comments carry suppressions.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from html.parser import HTMLParser

from tipcheck.formats.mapped import MappedDocument, TextBuilder

# Elements whose content is not read (their text is code, metadata or a fallback).
HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript", "svg", "math",
                    "iframe", "object", "select", "textarea"})
# Elements that start and end a block of prose.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


class _Extractor(HTMLParser):
    """Feeds text runs, breaks and comments to a TextBuilder, in source order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # references come apart, each with its place
        self.out = TextBuilder()
        self._hidden: list[str] = []  # open hidden elements

    def _where(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line, offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN and tag not in VOID:
            self._hidden.append(tag)
        elif not self._hidden:
            if tag == "br":
                self.out.newline(*self._where())
            elif tag in BLOCKS:
                self.out.block(*self._where())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._hidden and tag == "br":
            self.out.newline(*self._where())
        elif not self._hidden and tag in BLOCKS:
            self.out.block(*self._where())

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag in self._hidden:  # close it and anything left open inside it
                del self._hidden[len(self._hidden) - 1 - self._hidden[::-1].index(tag):]
        elif tag in BLOCKS:
            self.out.block(*self._where())

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.out.add(data, *self._where())

    def handle_entityref(self, name: str) -> None:
        if not self._hidden:
            self.out.add_char(html.unescape(f"&{name};"), *self._where())

    def handle_charref(self, name: str) -> None:
        if not self._hidden:
            self.out.add_char(html.unescape(f"&#{name};"), *self._where())

    def handle_comment(self, data: str) -> None:
        if not self._hidden:
            self.out.comment(data, *self._where())


def html_document(source: str, path: str, notes: Sequence[str] = ()) -> MappedDocument:
    """The prose of an HTML page or fragment, positioned in its source (newlines already LF)."""
    parser = _Extractor()
    parser.feed(source)
    parser.close()
    return parser.out.document(path, notes)
