"""Rendering a scan: a parsable line format, JSON, SARIF, GitHub annotations and rich text."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote as quote_uri

from tipcheck import __version__
from tipcheck.baseline import FINGERPRINT_KEY, fingerprints
from tipcheck.engine import ScanResult
from tipcheck.model import Claim, Finding
from tipcheck.rules import Rule

if TYPE_CHECKING:  # rich is imported only by the rich format
    from rich.console import Console

_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def parsable(result: ScanResult) -> str:
    """One line per finding: `path:line:col: [severity] message (rule)`."""
    lines = [f"{f.path}:{f.line}:{f.column}: [{f.severity}] {f.message} ({f.rule})"
             for f in result.findings]
    lines.append(summary_line(result))
    return "\n".join(lines)


def summary_line(result: ScanResult) -> str:
    """Documents, claims read, unread claim-like sentences, findings by severity."""
    s = result.summary
    counts = ", ".join(f"{n} {sev}" for sev, n in s.findings.items())
    return (f"{_count(s.documents, 'document')}, {_count(s.claims, 'claim')} read, "
            f"{_count(s.unread, 'claim-like sentence')} unread, "
            f"{_count(len(s.skipped), 'input')} skipped; findings: {counts}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim as JSON: kind, normalized fields, place and text."""
    span = claim.span
    return {"kind": claim.kind, "fields": dict(claim.fields), "path": span.path,
            "line": span.line, "column": span.column, "end_line": span.end_line,
            "end_column": span.end_column, "text": claim.text, "years": list(claim.years),
            "reading": claim.reading}


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as JSON, with the field names DESIGN.md fixes."""
    record = asdict(finding)
    record["related"] = [{k: v for k, v in r.items() if v is not None}
                         for r in record["related"]]
    record["derivation"] = list(finding.derivation)
    return record


def to_json(result: ScanResult, facts_version: str) -> str:
    """`{"findings": [...], "claims": [...], "summary": {...}}`."""
    s = result.summary
    payload = {
        "findings": [finding_record(f) for f in result.findings],
        "claims": [claim_record(c) for c in result.claims],
        "summary": {"documents": s.documents, "sentences": s.sentences, "claims": s.claims,
                    "unread": s.unread, "skipped": s.skipped, "findings": s.findings,
                    "facts_version": facts_version,
                    "unread_sentences": [{"path": p, "line": n, "text": t}
                                         for p, n, t in result.unread],
                    "dates": {p: {"years": list(d.years), "evidence": list(d.evidence)}
                              for p, d in result.dates.items()}},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def rich_report(result: ScanResult, console: Console, show_verified: bool = False) -> None:
    """Findings grouped by file, with quote, derivation, related facts and suggestion."""
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    for path, findings in by_path.items():
        date = result.dates.get(path)
        console.print(f"[bold]{path}[/bold]" + (f"  (report {date.label()})" if date else ""))
        for f in findings:
            style = _STYLE[f.severity]
            console.print(f"  [{style}]{f.severity}[/{style}] {f.line}:{f.column} "
                          f"[dim]{f.rule}[/dim]  {f.message}", highlight=False)
            console.print(f"    [italic]\u201c{f.quote}\u201d[/italic]", highlight=False)
            for step in f.derivation:
                console.print(f"    [dim]\u21d2 {step}[/dim]", highlight=False)
            for rel in f.related:
                where = f" {rel.path}:{rel.line}" if rel.path else ""
                src = f" \\[{rel.source}]" if rel.source else ""  # rich markup: "\\[" prints a literal "["
                url = f" {rel.url}" if rel.url else ""
                console.print(f"    [dim]see{where}: {rel.message}{src}{url}[/dim]",
                              highlight=False)
            if f.suggestion:
                console.print(f"    [green]suggest:[/green] {f.suggestion}", highlight=False)
        console.print()
    if show_verified:
        console.print("[bold]verified claims[/bold]")
        for v in result.verdicts:
            if v.outcome.verdict == "consistent":
                c = v.claim
                console.print(f"  {c.span.path}:{c.span.line}:{c.span.column} [green]holds[/green]"
                              f" {v.rule.label}: \u201c{c.text}\u201d", highlight=False)
        console.print()
    for path, line, text in result.unread:
        console.print(f"[dim]unread {path}:{line}: {text[:100]}[/dim]", highlight=False)
    console.print(summary_line(result), highlight=False)


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def to_sarif(result: ScanResult, rules: Sequence[Rule], fixable: Sequence[bool] = ()) -> str:
    """A SARIF 2.1.0 log: one run, the rules it used, one result per finding (FIXABLE: per finding)."""
    known = {rule.label: rule for rule in rules}
    labels = sorted({f.rule for f in result.findings}, key=lambda label: label.split()[0])
    index = {label: number for number, label in enumerate(labels)}
    results = []
    for number, (finding, fp) in enumerate(zip(result.findings, fingerprints(result.findings),
                                               strict=True)):
        record = _sarif_result(finding, index[finding.rule], fp)
        if finding.suggestion and number < len(fixable) and fixable[number]:
            record["fixes"] = [_sarif_fix(finding)]
        results.append(record)
    run = {
        "tool": {"driver": {"name": "tipcheck", "version": __version__, "semanticVersion": __version__,
                            "rules": [_sarif_rule(label, known.get(label)) for label in labels]}},
        "invocations": [{
            "executionSuccessful": not result.problems,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": str(problem)},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(problem.path)}}}]}
                for problem in result.problems],
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False)


def _sarif_rule(label: str, rule: Rule | None) -> dict[str, Any]:
    code, _, name = label.partition(" ")
    record: dict[str, Any] = {"id": code, "name": name or code}
    if rule is not None:
        first = rule.description.split(". ")[0].rstrip(".") + "."
        record["shortDescription"] = {"text": first}
        record["fullDescription"] = {"text": rule.description}
        record["defaultConfiguration"] = {"level": rule.severity}
        record["help"] = {"text": f"tipcheck rules {code}"}
    return record


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _sarif_result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    region = _region(finding.line, finding.column, finding.end_line, finding.end_column)
    region["snippet"] = {"text": finding.quote}
    record: dict[str, Any] = {
        "ruleId": finding.rule.split()[0],
        "ruleIndex": rule_index,
        "level": finding.severity,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)},
                                            "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"rule": finding.rule, "derivation": list(finding.derivation)},
    }
    related = [rel for rel in finding.related if rel.path and rel.line]
    if related:
        record["relatedLocations"] = [
            {"id": number, "message": {"text": rel.message},
             "physicalLocation": {"artifactLocation": {"uri": _uri(rel.path or "")},
                                  "region": {"startLine": rel.line or 1,
                                             **({"startColumn": rel.column} if rel.column else {})}}}
            for number, rel in enumerate(related, 1)]
    facts = [rel for rel in finding.related if not rel.path]
    if facts:
        record["properties"]["facts"] = [{k: v for k, v in
                                          (("message", r.message), ("source", r.source), ("url", r.url))
                                          if v} for r in facts]
    return record


def _sarif_fix(finding: Finding) -> dict[str, Any]:
    return {
        "description": {"text": f"replace with \u201c{finding.suggestion}\u201d"},
        "artifactChanges": [{
            "artifactLocation": {"uri": _uri(finding.path)},
            "replacements": [{
                "deletedRegion": _region(finding.line, finding.column, finding.end_line,
                                         finding.end_column),
                "insertedContent": {"text": finding.suggestion or ""},
            }],
        }],
    }


def _uri(path: str) -> str:
    """A path as a URI reference: relative ones stay relative (code scanning resolves them)."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote_uri(path.replace(os.sep, "/"))


def github(result: ScanResult) -> str:
    """GitHub Actions workflow commands: one `::error file=...::message` line per finding."""
    lines = []
    for f in result.findings:
        props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in (
            ("file", f.path), ("line", f.line), ("endLine", f.end_line), ("col", f.column),
            ("endColumn", f.end_column), ("title", f.rule)))
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(f.message)}")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
