"""Paragraphs and sentences of normalized text, as (start, end) offsets; linear time throughout."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

Range = tuple[int, int]

_NONSPACE = re.compile(r"\S")
_TERMINATORS = re.compile(r"[.!?…]+")
_WORD_START = re.compile(r"[\"'(\[]*([A-Za-z]+)")
_LIST_ITEM = re.compile(r"(?:[*+•▪‣◦·]|-(?!-)|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]")
_LIST_LABEL = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,4})\)?")
_LIST_LABEL_MAX = 6  # the longest text _LIST_LABEL matches: "(viii)"
# a run-in heading that opens a paragraph: "**Sri Lanka.** Tier 2 for a third consecutive year" (its
# bold marks blanked): one to four capitalised words, read with the sentence it heads
_RUN_IN_HEADING = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|the|de|del|al|el)){0,3}\s*")
_RUN_IN_HEADING_MAX = 40
_CLOSERS = "\"')]}»"
_OPENERS = "\"'“‘«"
_WRAP_MIN, _WRAP_MAX = 40, 160  # plausible hard-wrap widths, in characters
_FULL = 0.9  # a wrapped line is "full" when its next word would pass 90% of the width


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Before a name: never ends a sentence.
TITLES = _words(
    "Mr Mrs Ms Messrs Dr Prof St Mt Ft Gen Lt Col Maj Capt Cmdr Cdr Sgt Cpl Pvt Adm Brig Sen Sens "
    "Rep Reps Gov Amb Pres Rev Hon Supt Insp Fig Figs Vol Art vs cf"
)
# Ends a sentence only when a typical sentence opener follows ("... in the U.S. The report ...").
ABBREVIATIONS = _words(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos etc Inc Co Corp Ltd Jr Sr Bros "
    "Dept Govt Univ Assn Ave Blvd approx est"
)
SENTENCE_OPENERS = _words(
    "The A An It Its He She They We I In On At By But And Or So Yet This That These Those There "
    "However Meanwhile According His Her Their Our As If When While After Before Since For "
    "Last Now Still Also Some Many Most Such Both Each Under"
)


def line_spans(text: str) -> list[Range]:
    """Every line's (start, end) offsets, end before its newline."""
    spans = []
    start = 0
    end = text.find("\n")
    while end >= 0:
        spans.append((start, end))
        start = end + 1
        end = text.find("\n", start)
    spans.append((start, len(text)))
    return spans


def paragraphs(text: str, block_starts: Collection[int] = ()) -> list[Range]:
    """Paragraphs, trimmed: blocks between blank lines, cut where lines are not hard-wrapped."""
    found: list[Range] = []
    block: list[Range] = []
    for index, (start, end) in enumerate(line_spans(text)):
        if _NONSPACE.search(text, start, end) is None:
            found.extend(_unwrap(text, block))
            block = []
            continue
        if index in block_starts and block:
            found.extend(_unwrap(text, block))
            block = []
        block.append((start, end))
    found.extend(_unwrap(text, block))
    return found


def _unwrap(text: str, block: list[Range]) -> list[Range]:
    """Cut a block of non-blank lines into paragraphs, joining the lines of a hard-wrapped one."""
    if not block:
        return []
    if len(block) == 1:  # a line on its own (most Markdown): nothing to join
        return [_trim(text, block[0][0], block[0][1])]
    raw = [text[start:end].rstrip() for start, end in block]
    lines = [line.lstrip() for line in raw]
    width = max(len(line) for line in raw)
    inner = range(len(block) - 1)
    full = [_is_full(len(raw[i]), lines[i + 1], width) for i in inner]
    wrapped = _WRAP_MIN <= width <= _WRAP_MAX and sum(full) * 2 >= len(full)
    found: list[Range] = []
    first = 0
    for i in inner:
        item = bool(_LIST_ITEM.match(lines[first]))
        if not _joins(lines[i], raw[i + 1], wrapped and full[i], item):
            found.append(_trim(text, block[first][0], block[i][1]))
            first = i + 1
    found.append(_trim(text, block[first][0], block[-1][1]))
    return found


def _is_full(width: int, following: str, wrap: int) -> bool:
    """A greedy wrapper broke this line because the next word would not fit."""
    word = following.split(None, 1)[0] if following else ""
    return width + 1 + len(word) > wrap * _FULL


def _joins(line: str, following: str, full: bool, item: bool) -> bool:
    """Whether a line break continues the paragraph; `item`: the paragraph is a list item."""
    indented = following[0].isspace()
    following = following.lstrip()
    first = following[0]
    lower = first.islower() or first.isdigit()
    if _LIST_ITEM.match(following):  # "-- which restored ...", "Tier\n2. China ..." continue
        return first in "-0123456789" and full and not item and not _ends_terminal(line)
    if item and not (indented or first.islower()):
        return False
    if full:
        return True
    return lower and not _ends_terminal(line)


def _ends_terminal(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in ".!?:…"


def _trim(text: str, start: int, end: int) -> Range:
    if start < end and (text[start].isspace() or text[end - 1].isspace()):
        part = text[start:end]  # str.strip() drops exactly the characters str.isspace() holds
        stripped = part.lstrip()
        start += len(part) - len(stripped)
        end = start + len(stripped.rstrip())
    return start, end


def split_sentences(
    text: str, start: int, end: int, quoted: Callable[[int], bool] | None = None
) -> list[Range]:
    """Sentences of the paragraph text[start:end], trimmed; ellipses where `quoted` holds stay."""
    found: list[Range] = []
    current = start
    for match in _TERMINATORS.finditer(text, start, end):
        after = match.end()
        while after < end and text[after] in _CLOSERS:
            after += 1
        if after >= end:
            continue
        if not text[after].isspace():
            if _glued(text, match.start(), after, end):  # "... nations.In its annual report"
                found.append(_trim(text, current, after))
                current = after
            continue
        if after + 1 < end and not text[after + 1].isspace():
            nxt = after + 1  # the usual single space (what _NONSPACE finds, without the search)
        else:
            following = _NONSPACE.search(text, after, end)
            if following is None:
                break
            nxt = following.start()
        if not _opens_sentence(text[nxt]):
            continue
        mark = match.group()
        if mark[-1] == "." and len(mark) == 1 and \
                not _ends_after_period(text, current, match, nxt, current == start):
            continue
        ellipsis = "…" in mark or mark.startswith("..")
        if ellipsis and quoted is not None and quoted(match.start()):
            continue
        found.append(_trim(text, current, after))
        current = nxt
    found.append(_trim(text, current, end))
    return [(s, e) for s, e in found if e > s]


def _glued(text: str, mark: int, after: int, end: int) -> bool:
    """A sentence end with its space lost: a lower-case word, the mark, a capitalized word."""
    return (
        mark >= 2
        and after + 1 < end
        and text[mark - 1].islower()
        and text[mark - 2].islower()
        and text[after].isupper()
        and text[after + 1].islower()
    )


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def _ends_after_period(text: str, current: int, match: re.Match[str], nxt: int,
                       paragraph_start: bool = False) -> bool:
    """Whether a single period ends a sentence, judged by the word before it and the one after."""
    dot = match.start()
    if dot - current <= _LIST_LABEL_MAX and _LIST_LABEL.fullmatch(text, current, dot):
        return False  # "1. The report ..." at the start of a paragraph
    if paragraph_start and dot - current <= _RUN_IN_HEADING_MAX and \
            _RUN_IN_HEADING.fullmatch(text, current, dot):
        return False  # "Sri Lanka. Tier 2 for a third consecutive year."
    begin, lowest = dot, max(current, dot - 15)
    while begin > lowest:
        char = text[begin - 1]
        if not (char.isalpha() or char == "."):
            break
        begin -= 1
    word = text[begin:dot]
    if not word or (begin > current and text[begin - 1].isalnum()):
        return True
    if word in TITLES:
        return False
    if "." in word or (len(word) == 1 and word.isupper()) or word in ABBREVIATIONS:
        opener = _WORD_START.match(text, nxt)
        return text[nxt] in _OPENERS or bool(opener and opener.group(1) in SENTENCE_OPENERS)
    return True
