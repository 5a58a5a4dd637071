"""Checking drafts one by one: each against the facts and, optionally, a published archive.

The archive's own mistakes are not the draft's: only findings located in the draft count. A
contradiction between the draft and the archive that the corpus rules place on the archive's
claim is moved onto the draft's claim, pointing back at the archive.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from tipcheck.config import Config, selected
from tipcheck.document import Document
from tipcheck.engine import Checker, ScanResult
from tipcheck.errors import Problem
from tipcheck.model import SEVERITIES, Claim, Finding, Related
from tipcheck.rules import Rule
from tipcheck.suppress import apply_suppressions, read_suppressions


@dataclass
class Draft:
    """A draft as read: its shown name, bytes, format, Document and where it lives (None: stdin)."""

    name: str
    data: bytes | None  # None until a fix needs it
    kind: str
    document: Document
    path: str | None = None


@dataclass
class DraftResult:
    """One draft's part of the run."""

    draft: Draft
    result: ScanResult
    findings: list[Finding] = field(default_factory=list)


def check_draft(
    checker: Checker, draft: Draft, archive: Sequence[Document], config: Config,
    rules: Sequence[Rule],
) -> DraftResult:
    """Check one draft (with the archive beside it); keep what the configuration selects."""
    here = draft.document.path
    others = [doc for doc in archive if not _same_file(doc.path, draft.path)]
    result = checker.scan_documents([draft.document, *others])
    own = [f for f in result.findings if f.path == here]
    own += _moved_from_archive(result.findings, here, result.claims, own)
    own = apply_suppressions(sorted(set(own), key=Finding.sort_key),
                             read_suppressions(draft.document, rules))
    kept = chosen_findings(own, config)
    result.claims = [c for c in result.claims if c.span.path == here]
    result.unread = [u for u in result.unread if u[0] == here]
    result.dates = {p: d for p, d in result.dates.items() if p == here}
    result.verdicts = [v for v in result.verdicts if v.claim.span.path == here]
    return DraftResult(draft, result, kept)


def chosen_findings(findings: Iterable[Finding], config: Config) -> list[Finding]:
    """The findings of selected rules at or above the minimum severity."""
    floor = SEVERITIES.index(config.min_severity)
    return [f for f in findings if SEVERITIES.index(f.severity) <= floor
            and selected(config, *_code_name(f.rule))]


def _code_name(label: str) -> tuple[str, str]:
    code, _, name = label.partition(" ")
    return code, name


def _same_file(archived: str, draft_path: str | None) -> bool:
    if draft_path is None:
        return False
    try:
        return os.path.samefile(archived, draft_path)
    except OSError:
        return False


def _moved_from_archive(
    findings: Iterable[Finding], here: str, claims: Sequence[Claim], own: Sequence[Finding]
) -> list[Finding]:
    """Archive findings whose other side is a claim of the draft, placed on that claim.

    As in the engine, a claim the facts already contradict gets no second finding from agreement.
    """
    judged = {(f.line, f.column) for f in own if f.severity != "note"}
    moved = []
    for finding in findings:
        if finding.path == here:
            continue
        for rel in finding.related:
            if rel.path != here:
                continue
            claim = next((c for c in claims if c.span.path == here and c.span.line == rel.line
                          and rel.column in (None, c.span.column)), None)
            if claim is None or (claim.span.line, claim.span.column) in judged:
                continue
            span = claim.span
            back = Related(f"the archive's claim: \u201c{finding.quote}\u201d", finding.path,
                           finding.line, finding.column)
            moved.append(replace(
                finding, path=here, line=span.line, column=span.column, end_line=span.end_line,
                end_column=span.end_column, quote=claim.text, suggestion=None, suggestion_safe=False,
                message=f"disagrees with {finding.path}:{finding.line}, where {finding.message}",
                related=(back, *(r for r in finding.related if r.path != here))))
            break
    return moved


def merge(parts: Sequence[DraftResult], problems: Sequence[Problem]) -> ScanResult:
    """One ScanResult for the whole run: the drafts' findings, claims and counts."""
    merged = ScanResult()
    for part in parts:
        r = part.result
        merged.findings += part.findings
        merged.claims += r.claims
        merged.verdicts += r.verdicts
        merged.dates.update(r.dates)
        merged.unread += r.unread
        merged.notices += r.notices
        merged.summary.documents += 1
        merged.summary.sentences += len(part.draft.document.sentences)
    merged.findings.sort(key=Finding.sort_key)
    merged.problems = list(problems)
    merged.summary.skipped = [str(p) for p in problems]
    merged.summary.claims = len(merged.claims)
    merged.summary.unread = len(merged.unread)
    recount(merged)
    return merged


def recount(result: ScanResult) -> None:
    """Set the summary's findings by severity from the findings."""
    result.summary.findings = {severity: 0 for severity in SEVERITIES}
    for finding in result.findings:
        result.summary.findings[finding.severity] += 1
