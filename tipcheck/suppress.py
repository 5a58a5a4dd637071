"""Suppressions written in a draft: `<!-- tipcheck: ignore TIP102 -- reason -->` silences one rule
(or several) for the next paragraph.

As with ruff's `noqa` and Semgrep's `nosemgrep`, a suppression is part of the text and answers for
itself: it must give a reason after ` -- `, name rules that exist, and silence something; otherwise
it is reported (TIP901 bad-suppression, an error; TIP902 unused-suppression, a warning).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tipcheck.document import Document
from tipcheck.model import Finding, Span
from tipcheck.rules import YEAR_RANGE, Rule

BAD = Rule("TIP901", "bad-suppression", "suppression", "error", "{problem}",
           "A suppression comment must name known rules and give a reason after ' -- ': "
           "`<!-- tipcheck: ignore TIP102 -- quoting the 2008 report -->`. One that does not "
           "silences nothing.", (), (), "tipcheck/suppress.py")
UNUSED = Rule("TIP902", "unused-suppression", "suppression", "warning", "{problem}",
              "A suppression that silences no finding in the paragraph after it is stale: remove it.",
              (), (), "tipcheck/suppress.py")
META_RULES = (YEAR_RANGE, BAD, UNUSED)  # the rules no rule file defines

_DIRECTIVE = re.compile(r"tipcheck\s*:\s*(?P<rest>.*)", re.S)
_IGNORE = re.compile(r"ignore\b\s*(?P<rules>.*?)\s*(?:--\s*(?P<reason>.*))?", re.S)


@dataclass
class Suppression:
    """One parsed suppression comment and the paragraph it covers."""

    where: Span
    rules: tuple[str, ...]  # rule codes
    reason: str
    target: Span | None  # the next paragraph, if any
    used: int = 0
    problems: list[str] = field(default_factory=list)

    def covers(self, finding: Finding) -> bool:
        """Whether this suppression silences a finding: its rule, starting inside the paragraph."""
        if self.problems or self.target is None or finding.path != self.where.path:
            return False
        if finding.rule.split()[0] not in self.rules:
            return False
        t = self.target
        return (t.line, t.column) <= (finding.line, finding.column) < (t.end_line, t.end_column)


def read_suppressions(document: Document, rules: Sequence[Rule]) -> list[Suppression]:
    """Every `tipcheck:` comment of a document, parsed and checked, with its target paragraph."""
    names = {key: rule.code for rule in (*rules, *META_RULES) for key in (rule.code, rule.name)}
    found = []
    for start, end, inner in document.comments:
        directive = _DIRECTIVE.fullmatch(inner)
        if directive is None:
            continue
        target = next((document.span(s, e) for s, e in document.paragraphs if s >= end), None)
        found.append(_parse(directive["rest"], document.span(start, end), target, names))
    return found


def _parse(rest: str, where: Span, target: Span | None, names: dict[str, str]) -> Suppression:
    ignore = _IGNORE.fullmatch(rest.strip())
    if ignore is None:
        return Suppression(where, (), "", target, problems=[
            f"unknown directive 'tipcheck: {rest.strip()[:40]}' (expected 'ignore RULE -- reason')"])
    listed = [word for word in re.split(r"[\s,]+", ignore["rules"]) if word]
    reason = (ignore["reason"] or "").strip()
    problems = []
    if not listed:
        problems.append("suppression names no rule (expected 'tipcheck: ignore RULE -- reason')")
    unknown = [word for word in listed if word not in names]
    if unknown:
        problems.append(f"suppression names unknown rule '{unknown[0]}'")
    if not reason:
        problems.append("suppression without a reason (add one after ' -- ')")
    codes = tuple(dict.fromkeys(names[word] for word in listed if word in names))
    return Suppression(where, codes, reason, target, problems=problems)


def apply_suppressions(
    findings: Sequence[Finding], suppressions: Sequence[Suppression]
) -> list[Finding]:
    """The findings no valid suppression covers, plus findings about the suppressions themselves."""
    kept = []
    for finding in findings:
        cover = next((s for s in suppressions if s.covers(finding)), None)
        if cover is None:
            kept.append(finding)
        else:
            cover.used += 1
    for suppression in suppressions:
        if suppression.problems:
            kept.append(_meta(BAD, suppression, "; ".join(suppression.problems)))
        elif not suppression.used:
            what = ", ".join(suppression.rules)
            kept.append(_meta(UNUSED, suppression, f"unused suppression: no {what} finding in the "
                                                   "paragraph after it"))
    return sorted(kept, key=Finding.sort_key)


def _meta(rule: Rule, suppression: Suppression, message: str) -> Finding:
    w = suppression.where
    return Finding(rule=rule.label, severity=rule.severity, path=w.path, line=w.line,
                   column=w.column, end_line=w.end_line, end_column=w.end_column,
                   quote="tipcheck: " + (", ".join(suppression.rules) or "ignore"), message=message)
