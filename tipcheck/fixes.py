"""Corrections: the safe suggestions of findings applied to a draft's source, as a diff or a rewrite.

A suggestion replaces the claim's own words. It is applied only when the finding marks it safe and
the source at the finding's place still reads as the quote (so HTML with markup inside the claim,
or a file changed since, is left alone), and never across another edit.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from tipcheck.document import normalize
from tipcheck.model import Finding

FIXABLE_FORMATS = ("markdown", "text", "html")


@dataclass(frozen=True)
class Edit:
    """Replace source[start:end] with `text`; `finding` is why."""

    start: int
    end: int
    text: str
    finding: Finding


def _squash(text: str) -> str:
    return " ".join(normalize(text).split())


def plan_edits(source: str, findings: Sequence[Finding]) -> list[Edit]:
    """The edits the findings' safe suggestions make to SOURCE (LF newlines), without overlaps."""
    starts = [0] + [i + 1 for i, char in enumerate(source) if char == "\n"]

    def offset(line: int, column: int) -> int | None:
        if not 1 <= line <= len(starts):
            return None
        end = starts[line] - 1 if line < len(starts) else len(source)
        spot = starts[line - 1] + column - 1
        return spot if starts[line - 1] <= spot <= end else None

    edits: list[Edit] = []
    for finding in findings:
        if not (finding.suggestion and finding.suggestion_safe):
            continue
        start, end = offset(finding.line, finding.column), offset(finding.end_line, finding.end_column)
        if start is None or end is None or end <= start:
            continue
        if _squash(source[start:end]) != _squash(finding.quote):
            continue  # markup inside the claim, or the text moved: not ours to guess
        edits.append(Edit(start, end, finding.suggestion, finding))
    chosen: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if chosen and edit.start < chosen[-1].end:
            continue  # two findings on one place: the first one wins, the rest wait for a rerun
        chosen.append(edit)
    return chosen


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    """SOURCE with non-overlapping edits applied."""
    parts = []
    pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        parts += [source[pos:edit.start], edit.text]
        pos = edit.end
    parts.append(source[pos:])
    return "".join(parts)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a draft (a/PATH → b/PATH), empty when nothing changed."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{path}", f"b/{path}")
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
    return text


def encode_like(text: str, original: bytes) -> bytes | str:
    """TEXT encoded as ORIGINAL was (UTF-8, its BOM, its CRLF), or a reason it can't be."""
    crlf = original.count(b"\r\n")
    if original.count(b"\r") != crlf or (crlf and crlf != original.count(b"\n")):
        return "mixed line endings"
    if crlf:
        text = text.replace("\n", "\r\n")
    bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    return bom + text.encode("utf-8")
