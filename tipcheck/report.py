"""Rendering a scan: a parsable line format, JSON, and rich text for a terminal."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from rich.console import Console

from tipcheck.engine import ScanResult
from tipcheck.model import Claim, Finding

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
    return (f"{s.documents} documents, {s.claims} claims read, {s.unread} claim-like sentences "
            f"unread, {len(s.skipped)} inputs skipped; findings: {counts}")


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
                src = f" [{rel.source}]" if rel.source else ""
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
