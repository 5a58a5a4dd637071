"""The pipeline: documents → claims → dated claims → checks → findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tipcheck.checks import CONSISTENT, CONTRADICTED, Env, Outcome
from tipcheck.claims import finish_claims
from tipcheck.countries import CountryIndex
from tipcheck.dating import DocumentDate, date_document
from tipcheck.document import Document, document_from_text
from tipcheck.errors import InputFileError, Problem
from tipcheck.extract import read_document_claims
from tipcheck.facts import FactBase
from tipcheck.model import Claim, Finding, Related, Summary
from tipcheck.reader import DEFAULT_MAX_BYTES, discover, read_document
from tipcheck.rules import Rule
from tipcheck.wording import year_label

PARTIAL_RULE = "TIP199 year-range"


@dataclass
class Verdict:
    """A claim and what the rules made of it (for --show-verified and `explain`)."""

    claim: Claim
    rule: Rule
    outcome: Outcome


@dataclass
class ScanResult:
    """Everything a run produced, for the reporters."""

    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    dates: dict[str, DocumentDate] = field(default_factory=dict)
    unread: list[tuple[str, int, str]] = field(default_factory=list)  # path, line, sentence
    problems: list[Problem] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)


@dataclass
class Checker:
    """A configured checker: rules, facts and country names, ready to scan documents."""

    rules: list[Rule]
    facts: FactBase
    countries: CountryIndex
    year: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def scan_paths(self, paths: Sequence[str | Path]) -> ScanResult:
        """Scan files and folders; unreadable inputs become problems and the scan goes on."""
        documents: list[Document] = []
        problems: list[Problem] = []
        for item in discover(paths):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            try:
                documents.append(read_document(item, self.max_bytes))
            except InputFileError as error:
                problems.append(error.problem)
        result = self.scan_documents(documents)
        result.problems = problems
        result.summary.skipped = [str(p) for p in problems]
        return result

    def scan_text(self, text: str, path: str = "<claim>") -> ScanResult:
        """Scan one piece of text as a document of its own."""
        return self.scan_documents([document_from_text(text, path)])

    def scan_documents(self, documents: Iterable[Document]) -> ScanResult:
        """Read, date and check documents as one corpus."""
        result = ScanResult()
        for document in documents:
            read = read_document_claims(document, self.countries)
            date = date_document(read, self.facts, self.year)
            result.dates[document.path] = date
            result.claims += finish_claims(read, date)
            result.unread += [(document.path, document.position(s.start)[0], s.text)
                              for s in read.unread]
            result.summary.documents += 1
            result.summary.sentences += len(document.sentences)
        self._check(result)
        result.summary.claims = len(result.claims)
        result.summary.unread = len(result.unread)
        return result

    def _check(self, result: ScanResult) -> None:
        env = Env(self.facts)
        contradicted: set[int] = set()
        for rule in self.rules:
            if rule.kind.scope != "claim":
                continue
            for claim in result.claims:
                outcome = rule.kind.function(claim, env)
                if outcome is None:
                    continue
                result.verdicts.append(Verdict(claim, rule, outcome))
                if outcome.verdict == CONTRADICTED:
                    contradicted.add(id(claim))
                    result.findings.append(_finding(rule, outcome))
                elif outcome.verdict == CONSISTENT and outcome.holds_for and \
                        result.dates[claim.span.path].basis == "inferred":
                    result.findings.append(_partial(rule, outcome))
        for rule in self.rules:
            if rule.kind.scope != "corpus":
                continue
            for outcome in rule.kind.function(result.claims, env):
                if id(outcome.claim) in contradicted and rule.severity != "note":
                    continue  # the facts already say what is wrong with it
                result.verdicts.append(Verdict(outcome.claim, rule, outcome))
                result.findings.append(_finding(rule, outcome))
        result.findings = sorted(set(result.findings), key=Finding.sort_key)
        for finding in result.findings:
            result.summary.findings[finding.severity] += 1


def _finding(rule: Rule, outcome: Outcome) -> Finding:
    claim = outcome.claim
    span = claim.span
    values = {name: outcome.values.get(name, "?") for name in rule.kind.placeholders}
    severity = outcome.severity or rule.severity
    if claim.attributed and severity == "error":
        severity = "warning"  # reported speech: the document may be quoting someone who is wrong
    return Finding(
        rule=rule.label, severity=severity, path=span.path, line=span.line, column=span.column,
        end_line=span.end_line, end_column=span.end_column, quote=claim.text,
        message=rule.message.format(**values), derivation=tuple(outcome.derivation),
        related=tuple(outcome.related), suggestion=outcome.suggestion,
        suggestion_safe=outcome.suggestion_safe,
    )


def _partial(rule: Rule, outcome: Outcome) -> Finding:
    claim = outcome.claim
    finding = _finding(rule, outcome)
    holds = year_label(outcome.holds_for)
    return replace(
        finding, rule=PARTIAL_RULE, severity="note", suggestion=None,
        message=(f"holds only for the {holds} report (the document may speak of "
                 f"{year_label(claim.years)}), so it dates the document to {holds}"),
        related=(*finding.related, Related(f"checked by {rule.label}")),
    )
