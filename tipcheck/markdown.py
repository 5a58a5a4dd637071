"""Blank Markdown markup to spaces, one character for one, so offsets into the text still hold."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Where a whole `<!-- ... -->` starts and ends (exclusive), and its inner text, stripped.
Comment = tuple[int, int, str]

_NOT_NEWLINE = re.compile(r"[^\n]")
_BACKTICKS = re.compile(r"`+|<!--")
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_FRONT_MATTER = re.compile(r"---[ \t]*\n[A-Za-z_][\w -]*:")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_QUOTE_MARKERS = re.compile(r"[ \t]*(?:>[ \t]?)+")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_ATX_OPEN = re.compile(r"[ \t]*#{1,6}(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_IMAGE = re.compile(r"!\[[^\[\]]*\](?:\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)|\[[^\[\]]*\])")
_LINK = re.compile(r"\[([^\[\]]*)\](\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)|\[[^\[\]]*\])")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\[\]\n]+\]:[ \t]*\S+.*$", re.M)
_HTML_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>\n]*)?/?>|<[a-z][a-z0-9+.-]*:[^<>\s]*>"
)
# Emphasis markers: `*`, `_` (one to three) or `~~`, opening (not after a word character, before a
# non-space) or closing (after a non-space, not before a word character). Each branch starts with
# its marker and looks behind from there ("\*(?<![\w*~]\*)" is "(?<![\w*~])\*"): a pattern that
# starts with a look-behind is tried at every offset, one that starts with a character only where
# that character is (ten times faster).
_EMPHASIS_OPEN = re.compile(r"(?:\*(?<![\w*~]\*)\*{0,2}|_(?<![\w*~]_)_{0,2}|~(?<![\w*~]~)~)(?=[^\s*_~])")
_EMPHASIS_CLOSE = re.compile(r"(?:\*(?<=[^\s*_~]\*)\*{0,2}|_(?<=[^\s*_~]_)_{0,2}|~(?<=[^\s*_~]~)~)(?![\w*~])")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_PIPE = re.compile(r"(?<!\\)\|")


@dataclass
class Blanked:
    """Markdown with its markup blanked: same length as the input; where paragraphs must break."""

    text: str
    comments: list[Comment] = field(default_factory=list)
    block_starts: set[int] = field(default_factory=set)  # 0-based lines that begin a block


def blank_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """`text` with each [start, end) range replaced by spaces, newlines kept."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(ranges):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def find_comments(text: str) -> list[Comment]:
    """Every complete `<!-- ... -->` in `text`, in order (linear: one pass of `find`)."""
    found: list[Comment] = []
    pos = text.find("<!--")
    while pos >= 0:
        close = text.find("-->", pos + 4)
        if close < 0:
            break
        found.append((pos, close + 3, text[pos + 4 : close].strip()))
        pos = text.find("<!--", close + 3)
    return found


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Block structure only: inline parsing is slow on pathological input, and regexes do it here.
    Built on first use: plain-text drafts never import markdown-it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "text_join"])


def blank_markdown(text: str) -> Blanked:
    """Blank code, comments, HTML, headings, emphasis, links, lists, quotes and tables."""
    starts = _line_starts(text)
    ranges: list[tuple[int, int]] = []
    body = _front_matter_end(text)
    if body:
        ranges.append((0, body))
    tokens = _parser().parse(text)
    block_starts: set[int] = set()
    for token in tokens:
        if token.map is None:
            continue
        first, last = token.map
        block_starts.update((first, last))
        lines = range(first, last)
        if token.type in ("fence", "code_block"):
            ranges.append((starts[first], _line_end(text, starts, last - 1)))
        elif token.type == "hr":
            ranges.append((starts[first], _line_end(text, starts, first)))
        elif token.type == "heading_open":
            if token.markup.startswith("#"):
                ranges.extend(_atx_heading(text, starts, first))
            else:  # setext: the underline is the last line
                ranges.append((starts[last - 1], _line_end(text, starts, last - 1)))
        elif token.type == "blockquote_open":
            ranges.extend(_line_prefixes(text, starts, lines, _QUOTE_MARKERS))
        elif token.type == "list_item_open":
            ranges.extend(_list_marker(text, starts, first))
        elif token.type == "table_open":
            ranges.extend(_table(text, starts, lines))
    text = blank_ranges(text, ranges)
    text, comments = _code_spans_and_comments(text)
    text = _blank_inline(text)
    return Blanked(text, comments, block_starts)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _line_end(text: str, starts: list[int], line: int) -> int:
    if line + 1 < len(starts):
        return starts[line + 1] - 1
    return len(text)


def _front_matter_end(text: str) -> int:
    """End offset of a YAML front matter block at the very start, or 0."""
    if not _FRONT_MATTER.match(text):
        return 0
    end = _FRONT_MATTER_END.search(text, 4)
    return end.end() if end else 0


def _atx_heading(text: str, starts: list[int], line: int) -> list[tuple[int, int]]:
    start, end = starts[line], _line_end(text, starts, line)
    prefix = _QUOTE_MARKERS.match(text, start, end)
    pos = prefix.end() if prefix else start
    marker = _LIST_MARKER.match(text, pos, end)
    pos = marker.end() if marker else pos
    found = [(start, pos)]
    opening = _ATX_OPEN.match(text, pos, end)
    if opening:
        found.append((pos, opening.end()))
    closing = _ATX_CLOSE.search(text, pos, end)
    if closing:
        found.append((closing.start(), end))
    return found


def _line_prefixes(
    text: str, starts: list[int], lines: range, pattern: re.Pattern[str]
) -> list[tuple[int, int]]:
    found = []
    for line in lines:
        match = pattern.match(text, starts[line], _line_end(text, starts, line))
        if match:
            found.append((match.start(), match.end()))
    return found


def _list_marker(text: str, starts: list[int], line: int) -> list[tuple[int, int]]:
    start, end = starts[line], _line_end(text, starts, line)
    prefix = _QUOTE_MARKERS.match(text, start, end)
    pos = prefix.end() if prefix else start
    found = [(start, pos)]
    while (marker := _LIST_MARKER.match(text, pos, end)) and marker.end() > pos:
        found.append((pos, marker.end()))  # "- 1. item" nests two markers on one line
        pos = marker.end()
    return found


def _table(text: str, starts: list[int], lines: range) -> list[tuple[int, int]]:
    found = []
    for line in lines:
        start, end = starts[line], _line_end(text, starts, line)
        if line == lines.start + 1:  # the delimiter row |---|:--:|
            found.append((start, end))
            continue
        found.extend((m.start(), m.end()) for m in _PIPE.finditer(text, start, end))
    return found


def _code_spans_and_comments(text: str) -> tuple[str, list[Comment]]:
    """Blank inline code spans and HTML comments, whichever opens first (as CommonMark does)."""
    runs = list(_BACKTICKS.finditer(text))
    if not runs:
        return text, []
    closing = _matching_runs(runs)
    blank_lines = [m.start() for m in _BLANK_LINE.finditer(text)]
    ranges: list[tuple[int, int]] = []
    comments: list[Comment] = []
    done = 0  # everything before this offset is already decided
    closed = True  # False once a comment is left open: no later one can close
    for index, run in enumerate(runs):
        if run.start() < done:
            continue
        if run.group() == "<!--":
            close = text.find("-->", run.end()) if closed else -1
            closed = close >= 0
            if closed:
                comments.append((run.start(), close + 3, text[run.end() : close].strip()))
                ranges.append((run.start(), close + 3))
                done = close + 3
            continue
        other = closing.get(index)
        if other is None:
            continue
        end = runs[other].end()
        gap = bisect.bisect_left(blank_lines, run.end())
        if gap < len(blank_lines) and blank_lines[gap] < runs[other].start():
            continue  # a code span never crosses a blank line
        ranges.append((run.start(), end))
        done = end
    return blank_ranges(text, ranges), comments


def _matching_runs(runs: list[re.Match[str]]) -> dict[int, int]:
    """For each backtick run, the index of the next run of the same length."""
    following: dict[int, int] = {}
    nearest: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        run = runs[index].group()
        if run.startswith("`"):
            if len(run) in nearest:
                following[index] = nearest[len(run)]
            nearest[len(run)] = index
    return following


def _blank_inline(text: str) -> str:
    """Images, link syntax, reference definitions, HTML tags, emphasis markers and escapes."""
    ranges: list[tuple[int, int]] = []
    ranges.extend((m.start(), m.end()) for m in _REF_DEF.finditer(text))
    ranges.extend((m.start(), m.end()) for m in _IMAGE.finditer(text))
    for match in _LINK.finditer(text):
        if match.start() > 0 and text[match.start() - 1] == "!":
            continue
        ranges.append((match.start(), match.start() + 1))
        ranges.append((match.end(1), match.end()))
    ranges.extend((m.start(), m.end()) for m in _HTML_TAG.finditer(text))
    ranges.extend((m.start(), m.end()) for m in _EMPHASIS_OPEN.finditer(text))
    ranges.extend((m.start(), m.end()) for m in _EMPHASIS_CLOSE.finditer(text))
    ranges.extend((m.start(), m.end()) for m in _ESCAPE.finditer(text))
    return blank_ranges(text, ranges)


# Markdown written into a plain-text file (a blog post or a newsletter pasted as .txt): each signal below
# is one Markdown writes and prose seldom does
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_STRONG = re.compile(r"(?:\*\*|__)(?=\S)[^*_\n]{1,80}?(?<=\S)(?:\*\*|__)")
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M)
_MD_LINK = re.compile(r"\[[^\]\n]{1,200}\]\((?:https?://|/|#)[^)\s]*\)")


def looks_like_markdown(text: str) -> bool:
    """Whether plain text is written in Markdown: two kinds of its marks (headings, bold, links), bold
    four times, or a table's rule line."""
    if "|" in text and _MD_TABLE_RULE.search(text):
        return True
    strong = len(_MD_STRONG.findall(text)) if "**" in text or "__" in text else 0
    signals = ("#" in text and bool(_MD_HEADING.search(text))) + (strong >= 2) + (strong >= 4) + \
        ("](" in text and bool(_MD_LINK.search(text)))
    return signals >= 2
