"""Annotated test documents: `# expect: RULE @ "anchor"` and `# ok: "anchor"` lines above a paragraph.

The loader blanks annotation lines (so line numbers hold) and returns what each paragraph expects.
Comparison is exact, as in semgrep's `ruleid:` tests: every finding must be expected, every
expectation met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tipcheck.engine import ScanResult
from tipcheck.model import Finding

_ANNOTATION_RE = re.compile(
    r'^#\s*(?P<kind>expect|ok):\s*(?P<rule>[\w-]+)?\s*(?:@?\s*"(?P<anchor>[^"]+)")?\s*$')


@dataclass(frozen=True)
class Expectation:
    """What one annotation line asks of the paragraph below it."""

    kind: str  # expect (a finding of RULE) | ok (a claim read there, no finding)
    rule: str | None
    anchor: str | None
    path: str
    first_line: int  # the paragraph's lines, 1-based, inclusive
    last_line: int
    annotation_line: int

    def covers(self, line: int, column: int, end_line: int, end_column: int, lines: list[str]) -> bool:
        """True when the span touches the paragraph (and the anchor, when one is given)."""
        if end_line < self.first_line or line > self.last_line:
            return False
        if self.anchor is None:
            return True
        # The anchor may wrap across lines: match it with any whitespace between its words.
        paragraph = "\n".join(lines[self.first_line - 1:self.last_line])
        pattern = r"\s+".join(re.escape(word) for word in self.anchor.split())
        for match in re.finditer(pattern, paragraph):
            a = _position(paragraph, match.start(), self.first_line)
            b = _position(paragraph, match.end(), self.first_line)
            if (line, column) < b and a < (end_line, end_column):
                return True
        return False


def _position(paragraph: str, offset: int, first_line: int) -> tuple[int, int]:
    before = paragraph[:offset]
    return first_line + before.count("\n"), offset - (before.rfind("\n") + 1) + 1


def blank_annotations(text: str, path: str) -> tuple[str, list[Expectation]]:
    """The document with annotation lines blanked, and the expectations they state."""
    lines = text.split("\n")
    pending: list[tuple[int, re.Match[str]]] = []
    found: list[Expectation] = []
    for index, line in enumerate(lines):
        match = _ANNOTATION_RE.match(line.strip())
        if match:
            pending.append((index + 1, match))
            lines[index] = ""
            continue
        if not line.strip() or not pending:
            continue
        last = index
        while last + 1 < len(lines) and lines[last + 1].strip() and not _ANNOTATION_RE.match(
                lines[last + 1].strip()):
            last += 1
        for number, match in pending:
            found.append(Expectation(match["kind"], match["rule"], match["anchor"], path,
                                     index + 1, last + 1, number))
        pending = []
    assert not pending, f"{path}:{pending[0][0]}: annotation with no paragraph below it"
    return "\n".join(lines), found


def materialize(case: Path, into: Path) -> tuple[list[Path], list[Expectation]]:
    """Copy a case folder's documents into INTO with annotations blanked."""
    written: list[Path] = []
    expectations: list[Expectation] = []
    for source in sorted(case.iterdir()):
        if source.suffix not in (".txt", ".md"):
            continue
        target = into / source.name
        text, found = blank_annotations(source.read_text(encoding="utf-8"), str(target))
        target.write_text(text, encoding="utf-8")
        written.append(target)
        expectations += found
    return written, expectations


def _rule_matches(finding: Finding, rule: str | None) -> bool:
    return rule is None or rule in finding.rule.split()


def compare(result: ScanResult, expectations: list[Expectation]) -> list[str]:
    """Every mismatch between findings and annotations, as readable lines (empty when exact)."""
    texts = {e.path: Path(e.path).read_text(encoding="utf-8").split("\n") for e in expectations}
    problems: list[str] = []
    met: set[Expectation] = set()
    for finding in result.findings:
        lines = texts.get(finding.path) or Path(finding.path).read_text(encoding="utf-8").split("\n")
        span = (finding.line, finding.column, finding.end_line, finding.end_column)
        owners = [e for e in expectations if e.kind == "expect" and e.path == finding.path
                  and _rule_matches(finding, e.rule) and e.covers(*span, lines)]
        if owners:
            met.update(owners)
        else:
            problems.append(f"unexpected {finding.severity} {finding.rule} at {Path(finding.path).name}:"
                            f"{finding.line}:{finding.column} on \"{finding.quote}\": {finding.message}")
    for e in expectations:
        where = f"{Path(e.path).name}:{e.annotation_line}"
        if e.kind == "expect" and e.rule and e not in met:
            problems.append(f"missing {e.rule} at {where} @ \"{e.anchor}\"")
        if e.kind == "ok":
            lines = texts[e.path]
            read = [c for c in result.claims if c.span.path == e.path and e.covers(
                c.span.line, c.span.column, c.span.end_line, c.span.end_column, lines)]
            if not read:
                problems.append(f"no claim read at {where} @ \"{e.anchor}\"")
    return problems
