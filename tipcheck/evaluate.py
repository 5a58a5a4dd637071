"""Scoring a scan against annotated documents: coverage, recall and precision per claim type.

Definitions (eval/FORMAT.md, with the choices it leaves open made here):
- a finding or claim "lands on" an annotated claim when their character spans overlap any occurrence
  of the annotated quote in the text;
- coverage = annotated claims overlapped by any claim tipcheck read ÷ all annotated claims;
- recall = wrong, not contested claims with an error or warning finding on them ÷ all such claims;
- precision = error/warning findings on a wrong or contested claim ÷ all error/warning findings except
  those that land only on `unverifiable` claims; a finding on a `correct` claim, or on no annotated
  claim at all, is a false positive. Notes never count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from tipcheck.document import Document
from tipcheck.engine import Checker, ScanResult
from tipcheck.eval_load import CLAIM_TYPES, AnnotatedClaim, Annotation
from tipcheck.model import Claim, Finding
from tipcheck.sentences import line_spans

SCORED = ("error", "warning")
ON_TARGET, FALSE_POSITIVE, LEFT_OUT = "on target", "false positive", "unverifiable only"
Range = tuple[int, int]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Row:
    """Counts for one claim type (or all of them)."""

    type: str
    claims: int = 0
    read: int = 0
    wrong: int = 0  # wrong and not contested: the recall denominator
    found: int = 0
    planted: int = 0
    planted_found: int = 0
    findings: int = 0  # error/warning findings counted for precision
    on_target: int = 0
    left_out: int = 0  # error/warning findings landing only on unverifiable claims

    @property
    def coverage(self) -> float | None:
        """Share of annotated claims that tipcheck read."""
        return _ratio(self.read, self.claims)

    @property
    def recall(self) -> float | None:
        """Share of wrong (not contested) claims that got an error or warning."""
        return _ratio(self.found, self.wrong)

    @property
    def precision(self) -> float | None:
        """Share of counted error/warning findings that landed on a wrong or contested claim."""
        return _ratio(self.on_target, self.findings)

    @property
    def false_positives(self) -> int:
        """Counted findings that did not land on a wrong or contested claim."""
        return self.findings - self.on_target

    def add(self, other: Row) -> None:
        """Add another row's counts to this one."""
        for name in ("claims", "read", "wrong", "found", "planted", "planted_found", "findings",
                     "on_target", "left_out"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Landing:
    """An error/warning finding, the annotated claims it landed on, and how it counts."""

    finding: Finding
    claims: tuple[AnnotatedClaim, ...]
    outcome: str  # ON_TARGET | FALSE_POSITIVE | LEFT_OUT
    type: str  # the claim type it is counted under
    kind: str | None  # the kind of the claim tipcheck read there, if any


@dataclass(frozen=True)
class Miss:
    """A wrong claim without an error or warning: what tipcheck read there, and any notes."""

    claim: AnnotatedClaim
    path: str
    read_as: tuple[Claim, ...]
    notes: tuple[Finding, ...]


@dataclass(frozen=True)
class Unread:
    """A claim-like sentence that produced no claim, with the annotated claim types inside it."""

    path: str
    line: int
    text: str
    types: tuple[str, ...]


@dataclass
class GroupScore:
    """The score of one group of documents scanned together."""

    name: str
    documents: int
    rows: dict[str, Row]
    overall: Row
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[Landing] = field(default_factory=list)
    not_read: list[tuple[str, AnnotatedClaim]] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)


def split_groups(annotations: Sequence[Annotation]) -> list[tuple[str, list[Annotation]]]:
    """Originals and planted copies apart (each contradicts the other); empty groups dropped."""
    originals = [a for a in annotations if not a.planted]
    planted = [a for a in annotations if a.planted]
    return [(name, group) for name, group in (("originals", originals), ("planted", planted))
            if group]


def evaluate(annotations: Sequence[Annotation], checker: Checker, name: str) -> GroupScore:
    """Scan the annotated documents as one corpus and score the result."""
    result = checker.scan_documents([a.document for a in annotations])
    return score(annotations, result, name)


def overlaps(start: int, end: int, spans: Iterable[Range]) -> bool:
    """Whether [start, end) overlaps any of `spans` (an empty range counts at its point)."""
    end = max(end, start + 1)
    return any(start < e and s < end for s, e in spans)


def score(annotations: Sequence[Annotation], result: ScanResult, name: str) -> GroupScore:
    """Coverage, recall and precision of a scan against the annotations of its documents."""
    docs = {a.document.path: a for a in annotations}
    offsets = {path: _Offsets(a.document) for path, a in docs.items()}
    claims_at = _by_path(result.claims, lambda c: c.span.path)
    findings = [(f, offsets[f.path].span(f)) for f in result.findings if f.path in offsets]
    rows = {t: Row(t) for t in CLAIM_TYPES}
    group = GroupScore(name, len(annotations), rows, Row("overall"))
    for path, annotation in docs.items():
        for claim in annotation.claims:
            _score_claim(group, path, claim, claims_at.get(path, []), findings)
    for finding, (start, end) in findings:
        if finding.severity in SCORED:
            _score_finding(group, finding, start, end, docs[finding.path].claims,
                           claims_at.get(finding.path, []))
    group.unread = [_unread(docs[p], line, text) for p, line, text in result.unread if p in docs]
    for row in rows.values():
        group.overall.add(row)
    group.rows = {t: r for t, r in rows.items() if r.claims or r.findings or r.left_out}
    return group


def _score_claim(group: GroupScore, path: str, claim: AnnotatedClaim, read: list[Claim],
                 findings: list[tuple[Finding, Range]]) -> None:
    row = group.rows[claim.type]
    row.claims += 1
    read_as = tuple(c for c in read if overlaps(c.span.start, c.span.end, claim.spans))
    row.read += bool(read_as)
    if not read_as:
        group.not_read.append((path, claim))
    if not claim.scored_wrong:
        return
    on_it = [f for f, (s, e) in findings if f.path == path and overlaps(s, e, claim.spans)]
    hit = any(f.severity in SCORED for f in on_it)
    row.wrong += 1
    row.found += hit
    row.planted += claim.planted
    row.planted_found += claim.planted and hit
    if not hit:
        group.misses.append(Miss(claim, path, read_as, tuple(on_it)))


def _score_finding(group: GroupScore, finding: Finding, start: int, end: int,
                   annotated: list[AnnotatedClaim], read: list[Claim]) -> None:
    landed = tuple(c for c in annotated if overlaps(start, end, c.spans))
    kinds = [c.kind for c in read if c.span.start < max(end, start + 1) and start < c.span.end]
    kind = kinds[0] if kinds else None
    target = [c for c in landed if c.verdict == "wrong" or c.contested]
    correct = [c for c in landed if c.verdict == "correct" and not c.contested]
    if target:
        outcome, typ = ON_TARGET, target[0].type
    elif correct:
        outcome, typ = FALSE_POSITIVE, correct[0].type
    elif landed:  # only unverifiable claims: left out of precision
        outcome, typ = LEFT_OUT, landed[0].type
    else:  # on no annotated claim: annotations list every checkable claim, so this is noise
        outcome, typ = FALSE_POSITIVE, kind if kind in CLAIM_TYPES else "other"
    row = group.rows[typ]
    if outcome == LEFT_OUT:
        row.left_out += 1
        return
    row.findings += 1
    row.on_target += outcome == ON_TARGET
    if outcome == FALSE_POSITIVE:
        group.false_positives.append(Landing(finding, landed, outcome, typ, kind))


def _unread(annotation: Annotation, line: int, text: str) -> Unread:
    doc = annotation.document
    spans = [(s.start, s.end) for s in doc.sentences
             if s.text == text and doc.position(s.start)[0] == line]
    types = tuple(dict.fromkeys(c.type for c in annotation.claims
                                if any(overlaps(s, e, c.spans) for s, e in spans)))
    return Unread(doc.path, line, text, types)


class _Offsets:
    """Line/column (1-based, characters) back to character offsets in one document."""

    def __init__(self, document: Document) -> None:
        self.starts = [start for start, _ in line_spans(document.text)]
        self.size = len(document.text)

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column, clamped to the text."""
        index = min(max(line, 1), len(self.starts)) - 1
        return min(self.starts[index] + column - 1, self.size)

    def span(self, finding: Finding) -> Range:
        """A finding's character range."""
        start = self.offset(finding.line, finding.column)
        return start, max(start, self.offset(finding.end_line, finding.end_column))


def _by_path(claims: Iterable[Claim], key: Callable[[Claim], str]) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(key(claim), []).append(claim)
    return grouped


def below(group: GroupScore, minimum: dict[str, float | None]) -> list[str]:
    """The thresholds a group misses, as 'recall 0.42 < 0.50'; a metric with no cases passes."""
    failed = []
    for metric, threshold in minimum.items():
        value = getattr(group.overall, metric)
        if threshold is not None and value is not None and value < threshold:
            failed.append(f"{metric} {value:.2f} < {threshold:.2f}")
    return failed


__all__ = ["FALSE_POSITIVE", "LEFT_OUT", "ON_TARGET", "GroupScore", "Landing", "Miss", "Row",
           "Unread", "below", "evaluate", "overlaps", "score", "split_groups"]
